import { audit } from "../../lib/audit.js";
import { type Ctx, withWrite } from "../../lib/context.js";
import { fail } from "../../lib/errors.js";
import { storageOf } from "../candidates/documents.js";
import { residenceLabels, statusLabels, workPermissionLabels } from "../candidates/labels.js";
import { anonymiseCandidate, candidateDetail, requireCandidate } from "../candidates/service.js";
import { candidateTimeline } from "../candidates/timeline.js";
import { eraseChainRuns } from "../chains/erasure.js";
import { consultationsOfCandidate, eraseCounselling } from "../consultations/erasure.js";
import { eraseMatches } from "../matching/erasure.js";
import { forgetRegistrations } from "../registration/service.js";
import { consentFormPdf } from "./consent-pdf.js";
import type { ConsentLanguage } from "./consent-texts.js";
import { recordPdf } from "./record-pdf.js";
import { deleteConsentsOf, findConsents } from "./repository.js";
import type { EraseResult } from "./schema.js";

const germanDate = (iso: string | null | undefined) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : "");

/** The printable consent form, filled with the person's name and the purposes and recipients on record. */
export async function consentFormFor(ctx: Ctx, candidateId: string, language?: ConsentLanguage): Promise<Buffer> {
  const candidate = await requireCandidate(ctx, candidateId);
  const consents = (await findConsents(ctx.db, candidateId)).filter((c) => !c.withdrawnAt);
  const latest = consents[0];
  return consentFormPdf({
    language: language ?? candidate.preferredLanguage,
    candidateName: `${candidate.firstName} ${candidate.lastName}`,
    birthDate: candidate.birthDate,
    purposes: latest?.purposes ?? ["counselling"],
    recipients: latest?.recipients.map((r) => r.name) ?? [],
    givenAt: latest?.givenAt ?? null,
    organisation: "KAUSA Servicestelle Sachsen-Anhalt Süd (IHK Bildungszentrum Halle-Dessau GmbH)",
  });
}

/**
 * Everything held about one person (Art. 15/20 DSGVO): the record, the residence section for a
 * permitted administrator, consents, counselling, documents (names; the files themselves are
 * downloaded one by one) and the timeline. Audited as an export of that person.
 */
export async function dataExport(ctx: Ctx, candidateId: string, format: "json" | "pdf") {
  const candidate = await candidateDetail(ctx, candidateId);
  const [consents, counselling, timeline] = await Promise.all([
    findConsents(ctx.db, candidateId),
    consultationsOfCandidate(ctx, candidateId),
    candidateTimeline(ctx, candidateId),
  ]);
  await withWrite(ctx, (w) => audit(w, { entity: "candidate", action: "data_export", entityId: candidateId, fields: [format] }));
  const data = { exportedAt: ctx.now.toISOString(), candidate, consents, consultations: counselling, timeline };
  if (format === "json") return data;
  const c = candidate;
  return recordPdf({
    title: `Auskunft nach Art. 15 DSGVO: ${c.firstName} ${c.lastName}`,
    subtitle: `Stand ${germanDate(ctx.now.toISOString().slice(0, 10))}`,
    language: "de",
    sections: [
      {
        heading: "Stammdaten",
        rows: [
          ["Name", `${c.firstName} ${c.lastName}`],
          ["Geburtsdatum", germanDate(c.birthDate)],
          ["Telefon", c.phone ?? ""],
          ["E-Mail", c.email ?? ""],
          ["Wohnort", [c.postalCode, c.city].filter(Boolean).join(" ")],
          ["Deutsch", c.germanLevel ?? ""],
          ["Weitere Sprachen", c.otherLanguages.join(", ")],
          ["Schulabschluss", [c.schoolCertificate, c.schoolCountry].filter(Boolean).join(", ")],
          ["Berufswünsche", c.desiredOccupations.map((o) => o.name).join("; ")],
          ["Status", statusLabels[c.status]],
        ],
      },
      ...(c.residence
        ? [
            {
              heading: "Aufenthaltsstatus",
              rows: [
                ["Status", residenceLabels[c.residence.status]],
                ["Erwerbstätigkeit", workPermissionLabels[c.residence.workPermission]],
                ["Gültig bis", germanDate(c.residence.validUntil)],
                ["Ausländerbehörde", c.residence.immigrationOffice ?? ""],
              ] as [string, string][],
            },
          ]
        : []),
      {
        heading: "Einwilligungen",
        rows: consents.map((x) => [
          germanDate(x.givenAt),
          `${x.purposes.join(", ")}${x.recipients.length ? ` – ${x.recipients.map((r) => r.name).join(", ")}` : ""}${x.withdrawnAt ? ` (widerrufen ${germanDate(x.withdrawnAt.slice(0, 10))})` : ""}`,
        ]),
      },
      { heading: "Verlauf", rows: timeline.map((t) => [germanDate(t.at.slice(0, 10)), [t.title, t.detail].filter(Boolean).join(": ")]) },
    ],
  });
}

/**
 * Removes a person's personal data in one transaction (Art. 17 DSGVO) and then their files from the
 * storage. What reports count stays without anything that identifies the person; the audit log keeps
 * that the erasure happened and by whom, not what was erased.
 */
export async function anonymisePerson(ctx: Ctx, candidateId: string, action: "erase" | "anonymise"): Promise<EraseResult> {
  const { result, keys } = await withWrite(ctx, async (w) => {
    const counselling = await eraseCounselling(w, candidateId);
    await eraseMatches(w, candidateId);
    await eraseChainRuns(w, candidateId);
    const consents = await deleteConsentsOf(w.db, candidateId);
    await forgetRegistrations(w, candidateId);
    const { documents } = await anonymiseCandidate(w, candidateId);
    const result = { ...counselling, consents, documents: documents.length };
    await audit(w, { entity: "candidate", action, entityId: candidateId, fields: Object.keys(result).sort() });
    return { result, keys: documents };
  });
  const storage = storageOf(ctx);
  for (const key of keys) await storage.delete(key);
  return result;
}

export async function eraseCandidate(ctx: Ctx, candidateId: string, confirmName: string): Promise<EraseResult> {
  const candidate = await requireCandidate(ctx, candidateId);
  const name = `${candidate.firstName} ${candidate.lastName}`;
  if (confirmName.trim().toLocaleLowerCase("de") !== name.toLocaleLowerCase("de")) {
    throw fail.invalid({ confirmName: ["Zur Bestätigung den vollständigen Namen (Vorname Nachname) eingeben"] });
  }
  return anonymisePerson(ctx, candidateId, "erase");
}
