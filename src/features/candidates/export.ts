import { audit } from "../../lib/audit.js";
import { type Ctx, withWrite } from "../../lib/context.js";
import { toGermanCsv } from "../../lib/csv.js";
import { fail } from "../../lib/errors.js";
import { type Cell, toXlsx } from "../../lib/spreadsheet.js";
import { residenceLabels, statusLabels, workPermissionLabels } from "./labels.js";
import { streamCandidates } from "./repository.js";
import { findResidences } from "./residence-repository.js";
import type { CandidateFilters, Residence } from "./schema.js";
import { mayReadResidence, nameOf } from "./service.js";

const germanDate = (iso: string | null | undefined) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : "");
const yesNo = (b: boolean) => (b ? "ja" : "nein");

const header = [
  "Nachname",
  "Vorname",
  "Geburtsdatum",
  "PLZ",
  "Ort",
  "Kreis",
  "Deutsch",
  "Berufswünsche",
  "Status",
  "Status seit",
  "Zuständig",
  "Einwilligung Beratung",
  "Einwilligung Matching",
  "Erfasst am",
];
const residenceHeader = [
  "Aufenthaltsstatus",
  "Erwerbstätigkeit",
  "Gültig bis",
  "Sicheres Herkunftsland",
  "Ausländerbehörde",
  "Duldung seit",
  "Identität geklärt",
  "Pass vorhanden",
  "Gebunden an Betrieb",
];

/**
 * Exactly the filtered candidates in scope, as CSV or XLSX. The residence section only when asked for
 * and only for permitted roles (refused otherwise, never silently left out); every export is audited,
 * with the residence columns named when they were in it.
 */
export async function exportCandidates(
  ctx: Ctx,
  filters: CandidateFilters,
  format: "csv" | "xlsx",
  includeResidence: boolean,
): Promise<string | Buffer> {
  if (includeResidence && !mayReadResidence(ctx)) {
    throw fail.forbidden("Den Aufenthaltsstatus dürfen nur berechtigte Rollen exportieren.");
  }
  const rows: Cell[][] = [];
  for await (const batch of streamCandidates(ctx.db, ctx.scope, filters, ctx.actor?.id ?? null, nameOf)) {
    const residences = includeResidence
      ? await findResidences(
          ctx.db,
          batch.map((c) => c.id),
        )
      : new Map<string, Residence>();
    for (const c of batch) {
      const row: Cell[] = [
        c.lastName,
        c.firstName,
        germanDate(c.birthDate),
        c.postalCode,
        c.city,
        c.districtName,
        c.germanLevel,
        c.desiredOccupations.map((o) => o.name).join("; "),
        statusLabels[c.status],
        germanDate(c.statusChangedAt.slice(0, 10)),
        c.responsibleName,
        yesNo(c.consent.counselling),
        yesNo(c.consent.matching),
        germanDate(c.createdAt.slice(0, 10)),
      ];
      if (includeResidence) {
        const r = residences.get(c.id);
        row.push(
          r ? residenceLabels[r.status] : "",
          r ? workPermissionLabels[r.workPermission] : "",
          germanDate(r?.validUntil),
          r ? yesNo(r.safeCountryOfOrigin) : "",
          r?.immigrationOffice ?? "",
          germanDate(r?.heldSince),
          r ? yesNo(r.identityClarified) : "",
          r ? yesNo(r.hasPassport) : "",
          r?.tiedCompanyName ?? "",
        );
      }
      rows.push(row);
    }
  }
  const fields = [...Object.keys(filters).sort(), ...(includeResidence ? ["residence"] : [])];
  await withWrite(ctx, (w) => audit(w, { entity: "candidate", action: "export", entityId: null, fields }));
  const columns = includeResidence ? [...header, ...residenceHeader] : header;
  return format === "csv" ? toGermanCsv(columns, rows) : toXlsx("Jugendliche", columns, rows);
}
