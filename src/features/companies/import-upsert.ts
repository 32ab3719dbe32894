import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { audit } from "../../lib/audit.js";
import type { Ctx } from "../../lib/context.js";
import type { Scope } from "../../lib/http/actor.js";
import { type Msg, msg } from "../../lib/i18n/messages.js";
import { findPostcode } from "../geo/service.js";
import type { Company } from "./schema.js";

/**
 * The bulk path of imports: many companies per statement, under the same rules as `createCompany` and
 * `updateCompany` (the postcode gives place, district and coordinates; a counsellor writes only in their
 * districts; a new company starts at "contacted" with its first stage entry; audited), with one audit entry
 * per batch naming the ids written. The SQL of this path lives here, beside the rules it serves.
 *
 * A row is matched to an existing company by its external id (same source), else by name and postcode.
 */

export type ImportCompany = {
  source: "import" | "jobsuche";
  externalRef: string | null;
  name: string;
  postalCode: string;
  legalForm?: string | null;
  street?: string | null;
  city?: string | null;
  sector?: string | null;
  sizeClass?: Company["sizeClass"];
  chamber?: Company["chamber"];
  website?: string | null;
};

export type CompanyPlan =
  | { action: "create"; id: string }
  /** `planned`: the company is created by an earlier row of the same file (not yet in the database). */
  | { action: "update"; id: string; planned: boolean }
  | { action: "reject"; reasons: Msg[] };

/** Companies a file creates, by their keys (external id, name + postcode): later rows find them here. */
export type PlannedCompanies = Pick<Map<string, string>, "get" | "set">;

const inScope = (scope: Scope, ags: string | null) => scope.districts === "all" || (ags !== null && scope.districts.includes(ags));
const normalName = (name: string) =>
  name.toLowerCase().replace(/ß/g, "ss").normalize("NFD").replace(/\p{M}/gu, "").replace(/\s+/g, " ").trim();
const extKey = (c: ImportCompany) => (c.externalRef ? `x|${c.source}|${c.externalRef}` : null);
const nameKey = (c: ImportCompany) => `n|${c.postalCode}|${normalName(c.name)}`;

type Place = { ags: string; lat: number; lon: number; city: string; inRegion: boolean };

/** Place, district and coordinates from the postcode, or why the row cannot be written here. */
function locate(ctx: Ctx, c: ImportCompany): { place: Place } | { reason: Msg } {
  const info = findPostcode(c.postalCode);
  if (!info) return { reason: msg("Die Postleitzahl {postcode} ist nicht bekannt", { postcode: c.postalCode }) };
  const ags = info.primary.ags;
  if (!inScope(ctx.scope, ags)) {
    return {
      reason: msg("{place} liegt nicht in Ihren Kreisen; solche Betriebe legt die Koordination an", {
        place: `${c.postalCode} ${info.primary.name}`,
      }),
    };
  }
  return {
    place: { ags, lat: info.primary.lat, lon: info.primary.lon, city: info.primary.name, inRegion: ctx.config.serviceRegion.includes(ags) },
  };
}

function placeOf(ctx: Ctx, c: ImportCompany): Place {
  const found = locate(ctx, c);
  if ("reason" in found) throw new Error(`import: ${c.postalCode} was planned, but cannot be placed`);
  return found.place;
}

/** What each row will do: create, update (which company) or reject (why). Reads only. */
export async function planImportCompanies(ctx: Ctx, companies: ImportCompany[], planned: PlannedCompanies): Promise<CompanyPlan[]> {
  const located = companies.map((c) => locate(ctx, c));
  const refs = companies.filter((c, i) => c.externalRef && "place" in (located[i] as object));
  const byRef = new Map<string, { id: string; ags: string | null }>();
  for (const source of ["import", "jobsuche"] as const) {
    const list = [...new Set(refs.filter((c) => c.source === source).map((c) => c.externalRef as string))];
    if (!list.length) continue;
    const { rows } = await sql<{ id: string; external_ref: string; ags: string | null }>`
      select id, external_ref, ags from company where source = ${source} and external_ref = any(${list}::text[])`.execute(ctx.db);
    for (const r of rows) byRef.set(`x|${source}|${r.external_ref}`, { id: r.id, ags: r.ags });
  }
  const names = companies.map((c) => c.name);
  const codes = companies.map((c) => c.postalCode);
  // One index lookup per row (search_text, then the postcode), the oldest of several namesakes first.
  const { rows: found } = await sql<{ i: number; id: string; ags: string | null }>`
    with v as materialized (
      select u.i, u.code::char(5) as code, lower(unaccent(u.name)) as norm
      from unnest(${names}::text[], ${codes}::text[]) with ordinality as u(name, code, i))
    select v.i::int as i, c.id, c.ags from v
    cross join lateral (
      select id, ags from company where search_text = v.norm and postal_code = v.code order by created_at, id limit 1) c`.execute(ctx.db);
  const byName = new Map(found.map((r) => [Number(r.i) - 1, r]));

  return companies.map((c, i): CompanyPlan => {
    const where = located[i];
    if (!where || "reason" in where) return { action: "reject", reasons: where ? [where.reason] : [] };
    const ext = extKey(c);
    const key = nameKey(c);
    const existing = (ext && byRef.get(ext)) || undefined;
    if (existing) {
      if (!inScope(ctx.scope, existing.ags)) {
        return {
          action: "reject",
          reasons: [msg("Der Betrieb mit der externen ID {ref} liegt außerhalb Ihrer Kreise", { ref: c.externalRef ?? "" })],
        };
      }
      return { action: "update", id: existing.id, planned: false };
    }
    const earlier = (ext && planned.get(ext)) || planned.get(key);
    if (earlier) return { action: "update", id: earlier, planned: true };
    const same = byName.get(i);
    if (same) {
      if (!inScope(ctx.scope, same.ags)) {
        return { action: "reject", reasons: [msg("Der Betrieb {name} liegt außerhalb Ihrer Kreise", { name: c.name })] };
      }
      return { action: "update", id: same.id, planned: false };
    }
    const id = randomUUID();
    if (ext) planned.set(ext, id);
    planned.set(key, id);
    return { action: "create", id };
  });
}

const col = <T>(items: ImportCompany[], pick: (c: ImportCompany) => T | null | undefined) => items.map((c) => pick(c) ?? null);

/**
 * Writes the planned creates and updates of one batch, inside the batch's transaction (`withWrite`),
 * with the first stage entry of each new company and one audit entry naming the ids.
 */
export async function writeImportCompanies(ctx: Ctx, companies: ImportCompany[], plans: CompanyPlan[]): Promise<void> {
  const creates: { c: ImportCompany; id: string }[] = [];
  const updates = new Map<string, ImportCompany>();
  companies.forEach((c, i) => {
    const p = plans[i];
    if (p?.action === "create") creates.push({ c, id: p.id });
    else if (p?.action === "update" && !p.planned && !updates.has(p.id)) updates.set(p.id, c);
  });
  const now = ctx.now;
  const responsible = ctx.actor?.role === "counsellor" ? ctx.actor.id : null;
  if (creates.length) {
    const items = creates.map((x) => x.c);
    const where = items.map((c) => placeOf(ctx, c));
    const ids = creates.map((x) => x.id);
    // The company and its first stage entry (as createCompany writes it), in one statement.
    await sql`
      with created as (
      insert into company (id, name, legal_form, street, postal_code, city, ags, lat, lon, in_service_region, sector, size_class,
        chamber, website, responsible_user_id, source, external_ref, search_text, stage_changed_at, created_at, updated_at)
      select v.id, v.name, v.legal_form, v.street, v.postal_code, v.city, v.ags, v.lat, v.lon, v.in_region, v.sector, v.size_class,
        v.chamber, v.website, ${responsible}::uuid, v.source, v.external_ref, lower(unaccent(v.name)), ${now}, ${now}, ${now}
      from unnest(${ids}::uuid[], ${col(items, (c) => c.name)}::text[], ${col(items, (c) => c.legalForm)}::text[],
        ${col(items, (c) => c.street)}::text[], ${col(items, (c) => c.postalCode)}::text[],
        ${items.map((c, i) => c.city ?? where[i]?.city ?? null)}::text[], ${where.map((w) => w.ags)}::text[],
        ${where.map((w) => w.lat)}::float8[], ${where.map((w) => w.lon)}::float8[], ${where.map((w) => w.inRegion)}::bool[],
        ${col(items, (c) => c.sector)}::text[], ${col(items, (c) => c.sizeClass)}::text[], ${col(items, (c) => c.chamber)}::text[],
        ${col(items, (c) => c.website)}::text[], ${col(items, (c) => c.source)}::text[], ${col(items, (c) => c.externalRef)}::text[])
        as v(id, name, legal_form, street, postal_code, city, ags, lat, lon, in_region, sector, size_class, chamber, website, source,
          external_ref)
      returning id)
      insert into company_stage_change (company_id, from_stage, to_stage, at, user_id)
      select id, null, 'contacted', ${now}, ${ctx.actor?.id ?? null}::uuid from created`.execute(ctx.db);
  }
  if (updates.size) {
    const ids = [...updates.keys()];
    const items = [...updates.values()];
    const where = items.map((c) => placeOf(ctx, c));
    await sql`
      update company c set
        name = v.name,
        search_text = lower(unaccent(v.name)),
        legal_form = coalesce(v.legal_form, c.legal_form),
        street = coalesce(v.street, c.street),
        city = coalesce(v.city, case when c.postal_code = v.postal_code then c.city else v.place_city end),
        postal_code = v.postal_code,
        ags = v.ags,
        lat = v.lat,
        lon = v.lon,
        in_service_region = v.in_region,
        sector = coalesce(v.sector, c.sector),
        size_class = coalesce(v.size_class, c.size_class),
        chamber = coalesce(v.chamber, c.chamber),
        website = coalesce(v.website, c.website),
        external_ref = case when c.source = v.source then coalesce(c.external_ref, v.external_ref) else c.external_ref end,
        updated_at = ${now}
      from unnest(${ids}::uuid[], ${col(items, (c) => c.name)}::text[], ${col(items, (c) => c.legalForm)}::text[],
        ${col(items, (c) => c.street)}::text[], ${col(items, (c) => c.city)}::text[], ${where.map((w) => w.city)}::text[],
        ${col(items, (c) => c.postalCode)}::text[], ${where.map((w) => w.ags)}::text[], ${where.map((w) => w.lat)}::float8[],
        ${where.map((w) => w.lon)}::float8[], ${where.map((w) => w.inRegion)}::bool[], ${col(items, (c) => c.sector)}::text[],
        ${col(items, (c) => c.sizeClass)}::text[], ${col(items, (c) => c.chamber)}::text[], ${col(items, (c) => c.website)}::text[],
        ${col(items, (c) => c.source)}::text[], ${col(items, (c) => c.externalRef)}::text[])
        as v(id, name, legal_form, street, city, place_city, postal_code, ags, lat, lon, in_region, sector, size_class, chamber,
          website, source, external_ref)
      where c.id = v.id`.execute(ctx.db);
  }
  const fields = [...creates.map((x) => `created:${x.id}`), ...[...updates.keys()].map((id) => `updated:${id}`)];
  if (fields.length) await audit(ctx, { entity: "company", action: "import", entityId: null, fields });
}
