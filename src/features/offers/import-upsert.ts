import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { audit } from "../../lib/audit.js";
import type { Ctx } from "../../lib/context.js";
import type { Scope } from "../../lib/http/actor.js";
import { type Msg, msg } from "../../lib/i18n/messages.js";
import { findPostcode } from "../geo/service.js";
import type { Offer } from "./schema.js";
import { eqMonthsOn } from "./service.js";

/**
 * The bulk path of imports for training places, under the rules of `createOffer`/`updateOffer` (the EQ
 * length by start date, the place from the postcode, the company's district as scope; audited), with one
 * audit entry per batch naming the ids. A place is matched by its external reference (same source, e.g.
 * the Jobsuche `refnr`), else by company, occupation, kind and start date. Occupations come resolved to
 * current catalogue ids.
 */

export type ImportOffer = {
  source: "import" | "jobsuche";
  externalRef: string | null;
  kind: Offer["kind"];
  occupationId: string;
  places: number;
  startDate: string;
  eqMonths: number | null;
  title: string | null;
  description: string | null;
  postalCode: string;
};

/** A place with the company it belongs to; `companyInDb`: false when the company is new in this import. */
export type ImportOfferItem = { offer: ImportOffer; companyId: string; companyInDb: boolean };

export type OfferPlan =
  | { action: "create"; id: string }
  | { action: "update"; id: string; planned: boolean }
  | { action: "reject"; reasons: Msg[] };

/** Places a file creates, by their keys: later rows update them instead of creating them twice. */
export type PlannedOffers = Pick<Map<string, string>, "get" | "set">;

const inScope = (scope: Scope, ags: string | null) => scope.districts === "all" || (ags !== null && scope.districts.includes(ags));

/** The checks that need only the place itself (the EQ length allowed on its start date). */
export function checkImportOffer(o: Pick<ImportOffer, "kind" | "startDate" | "eqMonths">): Msg[] {
  if (o.kind !== "entry_qualification") return [];
  const { min, max } = eqMonthsOn(o.startDate);
  if (o.eqMonths === null) return ["Für eine EQ die Dauer in Monaten angeben"];
  if (o.eqMonths < min || o.eqMonths > max) return [msg("Eine EQ mit Beginn an diesem Tag dauert {min} bis {max} Monate", { min, max })];
  return [];
}

const naturalKey = (x: ImportOfferItem) => `n|${x.companyId}|${x.offer.occupationId}|${x.offer.kind}|${x.offer.startDate}`;
const extKey = (x: ImportOfferItem) => (x.offer.externalRef ? `x|${x.offer.source}|${x.offer.externalRef}` : null);

export async function planImportOffers(ctx: Ctx, items: ImportOfferItem[], planned: PlannedOffers): Promise<OfferPlan[]> {
  const byRef = new Map<string, { id: string; ags: string | null }>();
  for (const source of ["import", "jobsuche"] as const) {
    const refs = [
      ...new Set(items.filter((x) => x.offer.source === source && x.offer.externalRef).map((x) => x.offer.externalRef as string)),
    ];
    if (!refs.length) continue;
    const { rows } = await sql<{ id: string; external_ref: string; ags: string | null }>`
      select o.id, o.external_ref, c.ags from offer o join company c on c.id = o.company_id
      where o.source = ${source} and o.external_ref = any(${refs}::text[])`.execute(ctx.db);
    for (const r of rows) byRef.set(`x|${source}|${r.external_ref}`, { id: r.id, ags: r.ags });
  }
  const companies = [...new Set(items.filter((x) => x.companyInDb && !x.offer.externalRef).map((x) => x.companyId))];
  const byNature = new Map<string, string>();
  if (companies.length) {
    const { rows } = await sql<{ id: string; company_id: string; occupation_id: string; kind: string; start: string }>`
      select id, company_id, occupation_id, kind, to_char(start_date, 'YYYY-MM-DD') as start from offer
      where company_id = any(${companies}::uuid[]) and external_ref is null order by created_at, id`.execute(ctx.db);
    for (const r of rows) {
      const key = `n|${r.company_id}|${r.occupation_id}|${r.kind}|${r.start}`;
      if (!byNature.has(key)) byNature.set(key, r.id);
    }
  }
  return items.map((x): OfferPlan => {
    const reasons = checkImportOffer(x.offer);
    if (reasons.length) return { action: "reject", reasons };
    const ext = extKey(x);
    const existing = ext ? byRef.get(ext) : undefined;
    if (existing) {
      if (!inScope(ctx.scope, existing.ags)) {
        return {
          action: "reject",
          reasons: [msg("Der Ausbildungsplatz {ref} gehört zu einem Betrieb außerhalb Ihrer Kreise", { ref: x.offer.externalRef ?? "" })],
        };
      }
      return { action: "update", id: existing.id, planned: false };
    }
    const key = ext ?? naturalKey(x);
    const earlier = planned.get(key);
    if (earlier) return { action: "update", id: earlier, planned: true };
    const same = ext ? undefined : byNature.get(key);
    if (same) return { action: "update", id: same, planned: false };
    const id = randomUUID();
    planned.set(key, id);
    return { action: "create", id };
  });
}

/** Writes the planned places of one batch inside its transaction, with one audit entry naming the ids. */
export async function writeImportOffers(ctx: Ctx, items: ImportOfferItem[], plans: OfferPlan[]): Promise<void> {
  const creates: { x: ImportOfferItem; id: string }[] = [];
  const updates = new Map<string, ImportOfferItem>();
  items.forEach((x, i) => {
    const p = plans[i];
    if (p?.action === "create") creates.push({ x, id: p.id });
    else if (p?.action === "update" && !p.planned && !updates.has(p.id)) updates.set(p.id, x);
  });
  const now = ctx.now;
  const columns = (list: ImportOfferItem[]) => {
    const where = list.map((x) => findPostcode(x.offer.postalCode)?.primary);
    return {
      company: list.map((x) => x.companyId),
      kind: list.map((x) => x.offer.kind),
      occupation: list.map((x) => x.offer.occupationId),
      title: list.map((x) => x.offer.title),
      places: list.map((x) => x.offer.places),
      start: list.map((x) => x.offer.startDate),
      eq: list.map((x) => x.offer.eqMonths),
      postcode: list.map((x) => x.offer.postalCode),
      ags: where.map((w) => w?.ags ?? null),
      lat: where.map((w) => w?.lat ?? null),
      lon: where.map((w) => w?.lon ?? null),
      description: list.map((x) => x.offer.description),
      source: list.map((x) => x.offer.source),
      ref: list.map((x) => x.offer.externalRef),
    };
  };
  if (creates.length) {
    const v = columns(creates.map((c) => c.x));
    await sql`
      insert into offer (id, company_id, kind, occupation_id, title, places, start_date, eq_months, postal_code, ags, lat, lon,
        description, source, external_ref, created_at, updated_at)
      select v.id, v.company_id, v.kind, v.occupation_id, v.title, v.places, v.start_date, v.eq_months, v.postal_code, v.ags, v.lat,
        v.lon, v.description, v.source, v.external_ref, ${now}, ${now}
      from unnest(${creates.map((c) => c.id)}::uuid[], ${v.company}::uuid[], ${v.kind}::text[], ${v.occupation}::text[], ${v.title}::text[],
        ${v.places}::int[], ${v.start}::date[], ${v.eq}::int[], ${v.postcode}::text[], ${v.ags}::text[], ${v.lat}::float8[],
        ${v.lon}::float8[], ${v.description}::text[], ${v.source}::text[], ${v.ref}::text[])
        as v(id, company_id, kind, occupation_id, title, places, start_date, eq_months, postal_code, ags, lat, lon, description, source,
          external_ref)`.execute(ctx.db);
  }
  if (updates.size) {
    const v = columns([...updates.values()]);
    await sql`
      update offer o set
        company_id = v.company_id,
        kind = v.kind,
        occupation_id = v.occupation_id,
        title = coalesce(v.title, o.title),
        places = v.places,
        start_date = v.start_date,
        eq_months = v.eq_months,
        postal_code = v.postal_code,
        ags = v.ags,
        lat = v.lat,
        lon = v.lon,
        description = coalesce(v.description, o.description),
        external_ref = case when o.source = v.source then coalesce(o.external_ref, v.external_ref) else o.external_ref end,
        updated_at = ${now}
      from unnest(${[...updates.keys()]}::uuid[], ${v.company}::uuid[], ${v.kind}::text[], ${v.occupation}::text[], ${v.title}::text[],
        ${v.places}::int[], ${v.start}::date[], ${v.eq}::int[], ${v.postcode}::text[], ${v.ags}::text[], ${v.lat}::float8[],
        ${v.lon}::float8[], ${v.description}::text[], ${v.source}::text[], ${v.ref}::text[])
        as v(id, company_id, kind, occupation_id, title, places, start_date, eq_months, postal_code, ags, lat, lon, description, source,
          external_ref)
      where o.id = v.id`.execute(ctx.db);
  }
  const fields = [...creates.map((c) => `created:${c.id}`), ...[...updates.keys()].map((id) => `updated:${id}`)];
  if (fields.length) await audit(ctx, { entity: "offer", action: "import", entityId: null, fields });
}
