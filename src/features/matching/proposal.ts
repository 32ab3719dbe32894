import { audit } from "../../lib/audit.js";
import { type Ctx, withWrite } from "../../lib/context.js";
import { DomainError, fail } from "../../lib/errors.js";
import { createMailer } from "../../lib/mail.js";
import type { Candidate } from "../candidates/schema.js";
import { requireCandidate } from "../candidates/service.js";
import { listContacts } from "../companies/contact-log.js";
import { requireOffer } from "../offers/service.js";
import { recordPdf } from "../privacy/record-pdf.js";
import { assertConsent, shareProfile } from "../privacy/service.js";
import { applyStage, matchDetail, requireMatch } from "./matches.js";
import type { ProposalInput, ProposalResult } from "./schema.js";

const schoolNames: Record<string, string> = {
  none: "ohne Abschluss",
  lower_secondary: "Hauptschulabschluss (oder vergleichbar)",
  intermediate: "Mittlerer Schulabschluss (oder vergleichbar)",
  upper_secondary: "Hochschulreife (oder vergleichbar)",
};
const recognitionNames: Record<string, string> = {
  none: "nicht beantragt",
  applied: "beantragt",
  partial: "teilweise anerkannt",
  full: "anerkannt",
};
const germanSources: Record<string, string> = {
  certificate: "Zertifikat",
  placement_test: "Einstufungstest",
  counsellor: "Einschätzung der Beratung",
  self: "Selbstauskunft",
};
const day = (iso: string | null) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : "");

/**
 * The profile a company receives: what a consent to share with a named company covers, nothing more.
 * Never contact details, birth date, residence, support needs or counselling notes: the company
 * answers through the service point.
 */
export function profileRows(c: Candidate): { field: string; label: string; value: string }[] {
  const german = c.germanLevel
    ? [
        c.germanLevel,
        c.germanLevelOn ? `festgestellt am ${day(c.germanLevelOn)}` : "",
        c.germanLevelSource ? germanSources[c.germanLevelSource] : "",
      ]
        .filter(Boolean)
        .join(", ")
    : "nicht erfasst";
  const school = c.schoolCertificate
    ? [
        schoolNames[c.schoolCertificate],
        c.schoolCountry ? `erworben in: ${c.schoolCountry}` : "",
        `Anerkennung: ${recognitionNames[c.schoolRecognition]}`,
      ]
        .filter(Boolean)
        .join(", ")
    : "nicht erfasst";
  return [
    { field: "name", label: "Name", value: `${c.firstName} ${c.lastName}` },
    { field: "city", label: "Wohnort", value: c.city ?? "" },
    { field: "desiredOccupations", label: "Berufswünsche", value: c.desiredOccupations.map((o, i) => `${i + 1}. ${o.name}`).join("\n") },
    { field: "germanLevel", label: "Deutschkenntnisse", value: german },
    { field: "otherLanguages", label: "Weitere Sprachen", value: c.otherLanguages.join(", ") },
    { field: "schoolCertificate", label: "Schulabschluss", value: school },
    {
      field: "mobility",
      label: "Mobilität",
      value: `${c.hasDrivingLicence ? "Führerschein" : "kein Führerschein"}, ${c.hasCar ? "eigenes Auto" : "kein Auto"}`,
    },
    { field: "availableFrom", label: "Verfügbar ab", value: c.availableFrom ? day(c.availableFrom) : "sofort" },
  ];
}

/**
 * Proposes the person to the company: checks that a valid consent names the company (409 with the
 * German reason otherwise, and nothing is sent), mails the profile PDF through the mail provider, then
 * records the share and moves the match to `proposed`. A failed delivery changes nothing (503).
 */
export async function propose(ctx: Ctx, matchId: string, input: ProposalInput): Promise<ProposalResult> {
  const row = await requireMatch(ctx, matchId);
  const candidate = await requireCandidate(ctx, row.candidate_id);
  const offer = await requireOffer(ctx, row.offer_id);
  await assertConsent(ctx, candidate, "share_with_company", { companyId: row.company_id, name: row.company_name });
  const contacts = await listContacts(ctx, row.company_id);
  const contact = contacts.find((c) => c.id === offer.contactId && c.email) ?? contacts.find((c) => c.email);
  const to = input.to ?? contact?.email ?? null;
  if (!to) {
    throw fail.invalid(
      { to: ["Beim Betrieb ist keine E-Mail-Adresse hinterlegt; bitte eine Adresse angeben"] },
      "Wohin soll das Profil gehen?",
    );
  }
  const rows = profileRows(candidate);
  const place = `${row.occupation_name}${row.offer_title ? ` – ${row.offer_title}` : ""}, Beginn ${day(row.start_date)}`;
  const pdf = await recordPdf({
    title: `Bewerberprofil: ${candidate.firstName} ${candidate.lastName}`,
    subtitle: `Vorschlag der KAUSA-Servicestelle für ${row.company_name} · ${place}`,
    language: "de",
    sections: [
      { heading: "Profil", rows: rows.map((r) => [r.label, r.value] as [string, string]) },
      {
        heading: "Kontakt",
        rows: [["Rückmeldung", "Bitte über die KAUSA-Servicestelle; Kontaktdaten der Person geben wir nach Ihrer Rückmeldung weiter."]],
      },
    ],
  });
  const greeting = contact?.name && contact.email === to ? `Guten Tag ${contact.name},` : "Guten Tag,";
  try {
    await createMailer(ctx.config).send({
      to,
      subject: `Bewerbervorschlag: ${row.occupation_name} (${candidate.firstName} ${candidate.lastName.slice(0, 1)}.)`,
      text: [
        greeting,
        "",
        `wir schlagen Ihnen für ${place} eine Bewerberin bzw. einen Bewerber vor. Das Profil finden Sie im Anhang.`,
        ...(input.message ? ["", input.message] : []),
        "",
        "Die Person hat der Weitergabe dieses Profils an Ihren Betrieb zugestimmt. Bitte geben Sie es nicht weiter.",
        "",
        "Mit freundlichen Grüßen",
        ctx.actor?.displayName ?? "KAUSA-Servicestelle",
      ].join("\n"),
      language: "de",
      attachments: [
        { filename: `Profil-${candidate.lastName}.pdf`.replace(/[^\w.\-äöüÄÖÜß]/g, "_"), content: pdf, contentType: "application/pdf" },
      ],
    });
  } catch (e) {
    ctx.log.error({ err: e }, "Profil nicht gesendet");
    throw new DomainError(
      "unavailable",
      "Die E-Mail mit dem Profil konnte gerade nicht gesendet werden. Es wurde nichts weitergegeben; bitte später erneut versuchen.",
    );
  }
  await withWrite(ctx, async (w) => {
    await shareProfile(w, candidate.id, { recipient: { companyId: row.company_id }, note: `Vorschlag für ${place}` });
    if (row.stage === "suggested") await applyStage(w, row, { stage: "proposed" });
    await audit(w, { entity: "match", action: "share", entityId: row.id, fields: rows.map((r) => r.field) });
  });
  const detail = await matchDetail(ctx, matchId);
  return { stage: detail.stage, sentTo: to, fields: rows.map((r) => r.field) };
}
