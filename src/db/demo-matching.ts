import { type Kysely, sql } from "kysely";
import { DAY, iso, isoDay } from "./demo-people.js";
import type { DemoStaff } from "./demo-region.js";
import { insertColumns, Rand } from "./demo-support.js";
import type { Database, MatchStage } from "./types.js";

/**
 * The demo matches: young people with a valid matching consent and places of their wished occupation
 * within their commute, in every stage, each with its history (dated, increasing, by the counsellor of
 * the person's district). Early stages (suggested … entry_qualification, declined) sit on open places
 * starting later; contracts and registrations belong to people already placed, on the day they were
 * placed (a place whose last place that takes is filled from then on); trainings that started, and
 * EQs and internships that were completed or ended early, lie in the past, on places added here for
 * them (filled, started before today); a placement that ended early puts the person back in
 * counselling (status history placed → active). A proposal needs a consent naming the company: where
 * the person's consent does not, one is recorded, and the profile share is. With the engine, the early
 * stages hold only pairs it finds feasible, with its score (one number per pair); the rest score by
 * wish rank and distance. Deterministic: a seeded generator, every date an offset from `now`.
 */

/**
 * What the demo matches take from the matching engine, which this layer does not import (the
 * features layer hands it in): the score of a pair, and the finished region run once the matches are in.
 */
export type DemoMatchingEngine = {
  /** 0–1 as the engine scores the pair; null: a hard limit rules it out; undefined: the engine does not hold the person or the place. */
  score: (candidateId: string, offerId: string) => number | null | undefined;
  /** Computes and stores a finished region run over the seeded data (placed people and taken places left out). */
  storeRun: (db: Kysely<Database>, options: { requestedBy: string }) => Promise<unknown>;
};

export type MatchSeedOptions = { now: Date; staff: DemoStaff; seed?: number; engine?: DemoMatchingEngine };
export type MatchSeedCounts = {
  matches: number;
  stageChanges: number;
  byStage: Record<MatchStage, number>;
  /** Past places added for trainings that started and for completed or ended EQs and internships. */
  offers: number;
  consents: number;
  shares: number;
};

/** How many matches end in each stage (fewer where the data do not allow as many). */
const quota: Record<MatchStage, number> = {
  suggested: 34,
  proposed: 20,
  interview: 16,
  internship: 10,
  entry_qualification: 8,
  contract: 8,
  registered: 7,
  started: 10,
  completed: 6,
  declined: 20,
  ended_early: 8,
};

type Person = {
  id: string;
  ags: string | null;
  lat: number;
  lon: number;
  status: "active" | "placed";
  maxKm: number;
  language: string;
  statusAt: number;
  consentAt: number;
  wishes: Map<string, number>;
  named: Set<string>;
  counsellor: string;
};
type Place = {
  id: string;
  companyId: string;
  companyName: string;
  companyCreated: number;
  kind: "training" | "entry_qualification" | "internship";
  occupationId: string;
  occupationName: string;
  places: number;
  start: number;
  status: string;
  ags: string | null;
  lat: number;
  lon: number;
  created: number;
  row: Record<string, unknown>;
};
type Step = { stage: MatchStage; at: number };
type Decline = { by: "company" | "candidate" | "service_point"; reason: string; note: string | null };
type EndCase = { reason: string; note: string };
type Plan = {
  person: Person;
  place: Place;
  steps: Step[];
  units: number;
  declined?: Decline;
  ended?: EndCase & { on: number };
  /** A placement that ended: the person was placed from the contract to the end, and is active again. */
  episode?: { placed: number; back: number };
};

const distanceKm = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) => {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
};
const dayOf = (t: number) => Math.floor(t / DAY) * DAY;
const hour = 3_600_000;
/** The first 1 August or 1 September on or after `t` (a training start). */
function nextStart(t: number): number {
  const y = new Date(t).getUTCFullYear();
  for (const s of [Date.UTC(y, 7, 1), Date.UTC(y, 8, 1), Date.UTC(y + 1, 7, 1)]) if (s >= t) return s;
  return Date.UTC(y + 1, 7, 1);
}
/** The last 1 August or 1 September on or before `t`. */
function lastStart(t: number): number {
  const y = new Date(t).getUTCFullYear();
  for (const s of [Date.UTC(y, 8, 1), Date.UTC(y, 7, 1), Date.UTC(y - 1, 8, 1)]) if (s <= t) return s;
  return Date.UTC(y - 1, 8, 1);
}
const firstOfMonth = (t: number, plus: number) => {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + plus, 1);
};
const dayDe = (t: number) => isoDay(t).split("-").reverse().join(".");

const declineCases: Record<string, [Decline, number][]> = {
  suggested: [
    [{ by: "candidate", reason: "not_interested", note: "Möchte lieber im Wunschberuf auf Platz 1 suchen." }, 3],
    [{ by: "candidate", reason: "commute", note: "Der Weg mit Bus und Bahn ist zu lang, vor allem zur Frühschicht." }, 2],
    [{ by: "service_point", reason: "residence", note: "Erst die Beschäftigungserlaubnis klären, dann neu vorschlagen." }, 1],
    [{ by: "service_point", reason: "other", note: "Betrieb bildet in diesem Jahr doch nicht aus." }, 1],
  ],
  proposed: [
    [{ by: "company", reason: "company_chose_other", note: "Der Betrieb hat sich für eine andere Bewerbung entschieden." }, 3],
    [{ by: "company", reason: "german_level", note: "Betrieb wünscht B1 mit Zertifikat; Sprachkurs läuft noch." }, 2],
    [{ by: "company", reason: "place_filled", note: "Platz war schon vergeben." }, 2],
    [{ by: "candidate", reason: "not_interested", note: null }, 1],
  ],
  interview: [
    [{ by: "company", reason: "company_chose_other", note: "Nach dem Gespräch Absage, Rückmeldung war freundlich." }, 3],
    [{ by: "company", reason: "german_level", note: "Verständigung im Gespräch noch schwierig; Sprachkurs B1 empfohlen." }, 2],
    [{ by: "company", reason: "no_show", note: "Zum Vorstellungsgespräch nicht erschienen, nicht abgesagt." }, 1],
    [{ by: "candidate", reason: "not_interested", note: "Nach dem Gespräch: Beruf passt doch nicht." }, 2],
  ],
  internship: [
    [{ by: "company", reason: "company_chose_other", note: "Praktikum gut, Betrieb nimmt aber eine andere Person." }, 2],
    [{ by: "candidate", reason: "not_interested", note: "Nach dem Probepraktikum: andere Richtung gewünscht." }, 2],
    [{ by: "company", reason: "other", note: "Betrieb stellt dieses Jahr wegen Auftragslage nicht ein." }, 1],
  ],
};
const endCases: Record<"training" | "short", [EndCase, number][]> = {
  training: [
    [{ reason: "candidate_quit", note: "In der Probezeit selbst gekündigt; Beratung zu einem anderen Beruf vereinbart." }, 3],
    [{ reason: "company_terminated", note: "Kündigung in der Probezeit durch den Betrieb; Berufsschule hat nicht geklappt." }, 2],
    [{ reason: "mutual", note: "Aufhebungsvertrag im gegenseitigen Einvernehmen." }, 2],
    [{ reason: "other", note: "Gesundheitliche Gründe; neuer Anlauf im nächsten Ausbildungsjahr." }, 1],
  ],
  short: [
    [{ reason: "candidate_quit", note: "Nach wenigen Tagen abgebrochen: die Arbeit passt nicht." }, 2],
    [{ reason: "company_terminated", note: "Betrieb hat beendet: Pünktlichkeit." }, 1],
    [{ reason: "moved", note: "Umzug zur Familie; Praktikum beendet." }, 1],
  ],
};

const pgTypes: Record<string, string> = Object.fromEntries(
  [
    ["uuid", "id candidate_id offer_id company_id created_by match_id user_id consent_id shared_by confirmed_by recorded_by contact_id"],
    ["int4", "score_units places eq_months"],
    ["float8", "lat lon"],
    ["bool", "driving_licence"],
    ["date", "ended_on start_date given_at"],
    ["timestamptz", "stage_changed_at proposed_at created_at updated_at at confirmed_at shared_at"],
  ].flatMap(([type = "", keys = ""]) => keys.split(" ").map((k) => [k, type])),
);

async function load(db: Kysely<Database>, staff: DemoStaff) {
  const people = await sql<{
    id: string;
    ags: string | null;
    lat: number;
    lon: number;
    status: "active" | "placed";
    max_commute_km: number | null;
    preferred_language: string;
    status_changed_at: Date;
    confirmed_at: Date;
  }>`
    select c.id, c.ags, c.lat, c.lon, c.status, c.max_commute_km, c.preferred_language, c.status_changed_at, k.confirmed_at
    from candidate c
    join lateral (
      select min(k.confirmed_at) as confirmed_at from consent k
      where k.candidate_id = c.id and 'matching' = any(k.purposes) and k.confirmed_at is not null and k.withdrawn_at is null
    ) k on k.confirmed_at is not null
    where c.status in ('active', 'placed') and c.lat is not null and c.lon is not null and c.anonymised_at is null
    order by c.id`.execute(db);
  const wishes = await db.selectFrom("candidate_occupation").select(["candidate_id", "occupation_id", "rank"]).execute();
  const named = await sql<{ candidate_id: string; company_id: string }>`
    select k.candidate_id, r.company_id from consent k join consent_recipient r on r.consent_id = k.id
    where r.company_id is not null and 'share_with_company' = any(k.purposes) and k.confirmed_at is not null and k.withdrawn_at is null`.execute(
    db,
  );
  const places = await sql<Record<string, unknown>>`
    select o.id, o.company_id, o.kind, o.occupation_id, o.places, to_char(o.start_date, 'YYYY-MM-DD') as start_date, o.status, o.ags, o.lat, o.lon,
           o.postal_code, o.min_school_certificate, o.min_german_level, o.driving_licence, o.contact_id, o.created_at,
           co.name as company_name, co.created_at as company_created, occ.name as occupation_name
    from offer o join company co on co.id = o.company_id join occupation occ on occ.id = o.occupation_id
    where o.lat is not null and o.lon is not null
    order by o.id`.execute(db);
  const wishesOf = new Map<string, Map<string, number>>();
  for (const w of wishes) wishesOf.set(w.candidate_id, (wishesOf.get(w.candidate_id) ?? new Map()).set(w.occupation_id, w.rank));
  const namedOf = new Map<string, Set<string>>();
  for (const n of named.rows) namedOf.set(n.candidate_id, (namedOf.get(n.candidate_id) ?? new Set()).add(n.company_id));
  return {
    people: people.rows.map(
      (r): Person => ({
        id: r.id,
        ags: r.ags?.trim() ?? null,
        lat: r.lat,
        lon: r.lon,
        status: r.status,
        maxKm: r.max_commute_km ?? 40,
        language: r.preferred_language,
        statusAt: new Date(r.status_changed_at).getTime(),
        consentAt: new Date(r.confirmed_at).getTime(),
        wishes: wishesOf.get(r.id) ?? new Map(),
        named: namedOf.get(r.id) ?? new Set(),
        counsellor: staff.counsellorOf[r.ags?.trim() ?? ""] ?? staff.coordinator,
      }),
    ),
    places: places.rows.map(
      (r): Place => ({
        id: r.id as string,
        companyId: r.company_id as string,
        companyName: r.company_name as string,
        companyCreated: new Date(r.company_created as Date).getTime(),
        kind: r.kind as Place["kind"],
        occupationId: r.occupation_id as string,
        occupationName: r.occupation_name as string,
        places: r.places as number,
        start: Date.parse(r.start_date as string),
        status: r.status as string,
        ags: (r.ags as string | null)?.trim() ?? null,
        lat: r.lat as number,
        lon: r.lon as number,
        created: new Date(r.created_at as Date).getTime(),
        row: r,
      }),
    ),
  };
}

/**
 * Generates and inserts the demo matches with their history, the past places they need, the consents
 * naming the companies proposed to and the profile shares; then, with an engine, the finished region
 * run. Candidates, their consents, the region's companies and places, and the staff must be in the database.
 */
export async function insertDemoMatches(db: Kysely<Database>, options: MatchSeedOptions): Promise<MatchSeedCounts> {
  const rng = new Rand(options.seed ?? 20_261_126);
  const now = options.now.getTime();
  const { staff, engine } = options;
  const { people, places } = await load(db, staff);
  const atWork = (day: number) => dayOf(day) + rng.int(7, 15) * hour + rng.int(0, 11) * 300_000;
  const userFor = (p: Person) => (rng.chance(0.1) ? staff.coordinator : p.counsellor);

  /**
   * `n` times on `n` different days after the day of `lower` and before the day of `upper`, `min`–`max`
   * days apart (squeezed where there is not enough room), the last at most `recent` days before `upper`.
   */
  function walk(lower: number, upper: number, n: number, min: number, max: number, recent: number): number[] | null {
    if (n === 0) return [];
    const [lo, hi] = [dayOf(lower) + DAY, dayOf(upper) - DAY];
    const room = Math.floor((hi - lo) / DAY);
    const gaps = Array.from({ length: n - 1 }, () => rng.int(min, max));
    let span = gaps.reduce((s, g) => s + g, 0);
    for (let i = 0; span > room && i < gaps.length; i++) {
      const cut = Math.min((gaps[i] ?? 1) - 1, span - room);
      gaps[i] = (gaps[i] ?? 1) - cut;
      span -= cut;
    }
    if (span > room || room < 0) return null;
    let day = hi - rng.int(0, Math.min(room - span, recent)) * DAY;
    const days = [day];
    for (let i = gaps.length - 1; i >= 0; i--) {
      day -= (gaps[i] ?? 1) * DAY;
      days.unshift(day);
    }
    return days.map(atWork);
  }

  const reach = (p: Person, o: { lat: number; lon: number }) => distanceKm(p, o) <= p.maxKm;
  /** The engine's score where it holds the pair (null: infeasible), else one from wish rank and distance. */
  function unitsOf(p: Person, o: Place): number | null {
    const s = engine?.score(p.id, o.id);
    if (s === null) return null;
    if (s !== undefined) return Math.round(s * 10_000);
    const rank = p.wishes.get(o.occupationId) ?? 3;
    const fit = 0.9 - 0.07 * (rank - 1) - 0.2 * (distanceKm(p, o) / Math.max(1, p.maxKm)) + (rng.next() - 0.5) * 0.08;
    return Math.round(Math.min(0.97, Math.max(0.35, fit)) * 10_000);
  }

  const plans: Plan[] = [];
  const pairs = new Set<string>();
  const matchesOf = new Map<string, number>();
  const taken = new Map<string, number>();
  const filled = new Map<string, number>();
  /** People with a match past `proposed` (one such at a time), a placement or a finished EQ or internship. */
  const busy = new Set<string>();
  /** People back in counselling after a placement ended: new matches only after that. */
  const since = new Map<string, number>();
  const count = (stage: MatchStage) => plans.filter((x) => (x.steps[x.steps.length - 1] as Step).stage === stage).length;
  const known = new Set(places.map((o) => o.id));
  /** Past places added for the plans (a place made for a plan that did not come about is dropped). */
  const added: Place[] = [];
  const add = (plan: Plan) => {
    plans.push(plan);
    if (!known.has(plan.place.id)) added.push(plan.place);
    pairs.add(`${plan.person.id}|${plan.place.id}`);
    matchesOf.set(plan.person.id, (matchesOf.get(plan.person.id) ?? 0) + 1);
  };

  /** Open places of the person's wishes within reach that the engine finds feasible, best first. */
  function openPlaces(p: Person, accept: (o: Place) => boolean): { place: Place; units: number }[] {
    const found: { place: Place; units: number }[] = [];
    for (const o of places) {
      if (o.status !== "open" || o.start <= now + 7 * DAY || !p.wishes.has(o.occupationId) || !accept(o)) continue;
      if (pairs.has(`${p.id}|${o.id}`) || !reach(p, o)) continue;
      const units = unitsOf(p, o);
      if (units !== null) found.push({ place: o, units });
    }
    return found.sort((a, b) => b.units - a.units || (a.place.id < b.place.id ? -1 : 1));
  }

  /** A new past place like an existing one of the person's wishes within reach (same company, occupation, address). */
  function pastPlace(p: Person, kind: Place["kind"], start: number, created: number, eqMonths: number | null): Place | null {
    const templates = places.filter((o) => p.wishes.has(o.occupationId) && reach(p, o) && o.companyCreated < created - DAY);
    if (!templates.length) return null;
    const t = rng.pick(templates);
    const place: Place = {
      ...t,
      id: rng.uuid(),
      kind,
      places: 1,
      start,
      status: "filled",
      created,
      row: {
        ...t.row,
        kind,
        title:
          kind === "entry_qualification"
            ? "EQ mit Aussicht auf Ausbildung"
            : kind === "internship"
              ? "Orientierungspraktikum (2–4 Wochen)"
              : null,
        places: 1,
        start_date: isoDay(start),
        eq_months: eqMonths,
        status: "filled",
      },
    };
    return place;
  }

  /** suggested → proposed → interview → … → `last`, before `upper`, starting after the person and the place were known. */
  function early(p: Person, o: Place, path: MatchStage[], upper: number, recent: number): Step[] | null {
    const lower = Math.max(p.consentAt, p.status === "active" ? p.statusAt : 0, o.created, since.get(p.id) ?? 0);
    const times = walk(lower, upper, path.length, 2, 12, recent);
    return times ? path.map((stage, i) => ({ stage, at: times[i] as number })) : null;
  }
  const trainingPath = (): MatchStage[] =>
    rng.chance(0.35) ? ["suggested", "proposed", "interview", "internship"] : ["suggested", "proposed", "interview"];

  // ---- placed people: contracts, registrations (places starting next year), trainings that started ----
  const placed = rng.shuffle(people.filter((p) => p.status === "placed" && p.wishes.size));
  for (const p of placed) {
    const start = nextStart(p.statusAt + 10 * DAY);
    if (start <= now - 7 * DAY) {
      if (count("started") >= quota.started) continue;
      const created = p.statusAt - rng.int(45, 150) * DAY;
      const o = pastPlace(p, "training", start, created, null);
      const before = o && early(p, o, trainingPath(), p.statusAt, 30);
      if (!o || !before) continue;
      const registered = atWork(p.statusAt + rng.int(5, Math.max(5, Math.min(30, Math.floor((start - p.statusAt) / DAY) - 2))) * DAY);
      const steps: Step[] = [...before, { stage: "contract", at: p.statusAt }];
      if (registered < start) steps.push({ stage: "registered", at: registered });
      steps.push({ stage: "started", at: start + 6 * hour + rng.int(0, 5) * 600_000 });
      add({ person: p, place: o, steps, units: unitsOf(p, o) ?? 7000 });
      busy.add(p.id);
      continue;
    }
    if (p.statusAt < now - 200 * DAY) continue;
    const canRegister = p.statusAt < now - 12 * DAY && count("registered") < quota.registered;
    let stage: MatchStage;
    if (count("contract") < quota.contract && (!canRegister || count("contract") <= count("registered"))) stage = "contract";
    else if (canRegister) stage = "registered";
    else continue;
    const options = places.filter(
      (o) =>
        o.kind === "training" &&
        o.start > now &&
        (o.status === "filled" || o.status === "open") &&
        (taken.get(o.id) ?? 0) < o.places &&
        o.created < p.statusAt - 14 * DAY &&
        p.wishes.has(o.occupationId) &&
        reach(p, o),
    );
    if (!options.length) continue;
    const o = rng.pick(options);
    const before = early(p, o, trainingPath(), p.statusAt, 20);
    if (!before) continue;
    const steps: Step[] = [...before, { stage: "contract", at: p.statusAt }];
    if (stage === "registered") {
      const days = Math.min(30, Math.floor((now - p.statusAt) / DAY) - 2);
      steps.push({ stage: "registered", at: atWork(p.statusAt + rng.int(Math.min(5, days), days) * DAY) });
    }
    add({ person: p, place: o, steps, units: unitsOf(p, o) ?? 7000 });
    taken.set(o.id, (taken.get(o.id) ?? 0) + 1);
    // The contract took the last place: the place is filled from that day.
    if (o.status === "open" && (taken.get(o.id) ?? 0) >= o.places) {
      filled.set(o.id, p.statusAt);
      o.status = "filled";
    }
    busy.add(p.id);
  }

  // ---- active people: placements that ended early, completed EQs and internships -------------------
  const active = rng.shuffle(people.filter((p) => p.status === "active" && p.wishes.size));
  for (const p of active) {
    if (count("ended_early") >= quota.ended_early) break;
    const variant = rng.weighted([
      ["training", 4],
      ["entry_qualification", 2],
      ["internship", 1],
      ["contract", 1],
    ] as const);
    let plan: Plan | null = null;
    if (variant === "training") {
      const start = lastStart(now - 30 * DAY);
      const contract = atWork(start - rng.int(20, 150) * DAY);
      const o = pastPlace(p, "training", start, contract - rng.int(30, 100) * DAY, null);
      const before = o && p.statusAt < contract - 14 * DAY && early(p, o, trainingPath(), contract, 25);
      const end = start + rng.int(20, 80) * DAY;
      if (o && before && end < now - 3 * DAY) {
        const registered = atWork(contract + rng.int(4, 15) * DAY);
        const on = atWork(end);
        const steps: Step[] = [...before, { stage: "contract", at: contract }];
        if (registered < start) steps.push({ stage: "registered", at: registered });
        steps.push({ stage: "started", at: start + 6 * hour }, { stage: "ended_early", at: on });
        const ended = rng.weighted(endCases.training);
        plan = {
          person: p,
          place: o,
          steps,
          units: unitsOf(p, o) ?? 7000,
          ended: { ...ended, on },
          episode: { placed: contract, back: on + hour },
        };
      }
    } else if (variant === "contract") {
      const options = openPlaces(p, (o) => o.kind === "training" && o.places >= 2);
      const o = options.length ? (rng.pick(options) as (typeof options)[number]).place : null;
      const contract = o ? atWork(Math.max(o.created, p.statusAt) + rng.int(25, 60) * DAY) : now;
      const before = o && contract < now - 20 * DAY && early(p, o, ["suggested", "proposed", "interview"], contract, 15);
      if (o && before) {
        const on = atWork(contract + rng.int(8, Math.floor((now - contract) / DAY) - 2) * DAY);
        const ended = {
          reason: "mutual",
          note: "Vertrag vor Beginn im Einvernehmen aufgelöst: die Arbeitszeiten passen nicht zur Kinderbetreuung.",
        };
        const steps: Step[] = [...before, { stage: "contract", at: contract }, { stage: "ended_early", at: on }];
        plan = {
          person: p,
          place: o,
          steps,
          units: unitsOf(p, o) ?? 7000,
          ended: { ...ended, on },
          episode: { placed: contract, back: on + hour },
        };
      }
    } else {
      const eq = variant === "entry_qualification";
      const start = eq ? firstOfMonth(now, -rng.int(2, 6)) : dayOf(now - rng.int(20, 120) * DAY);
      const o = pastPlace(p, variant, start, start - rng.int(40, 90) * DAY, eq ? rng.pick([6, 9, 12]) : null);
      const path: MatchStage[] = eq
        ? ["suggested", "proposed", "interview", "entry_qualification"]
        : ["suggested", "proposed", "internship"];
      const before = o && early(p, o, path, start, 10);
      const on = atWork(start + rng.int(eq ? 20 : 2, eq ? 50 : 6) * DAY);
      if (o && before && on < now - DAY) {
        const steps: Step[] = [...before, { stage: "started", at: start + 6 * hour }, { stage: "ended_early", at: on }];
        plan = { person: p, place: o, steps, units: unitsOf(p, o) ?? 7000, ended: { ...rng.weighted(endCases.short), on } };
      }
    }
    if (plan) {
      add(plan);
      busy.add(p.id);
      if (plan.episode) since.set(p.id, plan.episode.back);
    }
  }
  for (const p of active) {
    if (count("completed") >= quota.completed) break;
    if (busy.has(p.id)) continue;
    const eq = rng.chance(0.5);
    const months = rng.pick([4, 6, 6]);
    const start = eq ? firstOfMonth(now, -(months + rng.int(1, 4))) : dayOf(now - rng.int(45, 200) * DAY);
    const end = eq ? firstOfMonth(start, months) - DAY : start + rng.int(14, 28) * DAY;
    const o = pastPlace(p, eq ? "entry_qualification" : "internship", start, start - rng.int(40, 90) * DAY, eq ? months : null);
    const path: MatchStage[] = eq ? ["suggested", "proposed", "interview", "entry_qualification"] : ["suggested", "proposed", "internship"];
    const before = o && end < now - 3 * DAY && early(p, o, path, start, 10);
    if (!o || !before) continue;
    const steps: Step[] = [...before, { stage: "started", at: start + 6 * hour }, { stage: "completed", at: atWork(end) }];
    add({ person: p, place: o, steps, units: unitsOf(p, o) ?? 7000 });
    busy.add(p.id);
  }

  // ---- active people on open places: the way up to the contract, and declines ----------------------
  const order: MatchStage[] = ["interview", "internship", "entry_qualification", "proposed", "declined", "suggested"];
  for (const stage of order) {
    for (const p of active) {
      if (count(stage) >= quota[stage]) break;
      const further = stage !== "suggested" && stage !== "proposed" && stage !== "declined";
      if ((further && busy.has(p.id)) || (matchesOf.get(p.id) ?? 0) >= (stage === "suggested" ? 2 : 1)) continue;
      const from: MatchStage =
        stage === "declined"
          ? rng.weighted([
              ["suggested", 3],
              ["proposed", 4],
              ["interview", 3],
              ["internship", 1],
            ] as const)
          : stage;
      const kinds: Place["kind"][] =
        from === "internship"
          ? ["training", "internship"]
          : from === "entry_qualification"
            ? ["entry_qualification"]
            : from === "interview"
              ? ["training", "entry_qualification"]
              : ["training", "entry_qualification", "internship"];
      const found = openPlaces(p, (o) => kinds.includes(o.kind));
      if (!found.length) continue;
      const { place: o, units } = found[rng.int(0, Math.min(2, found.length - 1))] as (typeof found)[number];
      const path: MatchStage[] =
        from === "suggested"
          ? ["suggested"]
          : from === "proposed"
            ? ["suggested", "proposed"]
            : from === "internship" && o.kind === "internship"
              ? ["suggested", "proposed", "internship"]
              : from === "internship"
                ? ["suggested", "proposed", "interview", "internship"]
                : from === "entry_qualification"
                  ? ["suggested", "proposed", "interview", "entry_qualification"]
                  : ["suggested", "proposed", "interview"];
      if (stage === "declined") path.push("declined");
      const steps = early(p, o, path, now, stage === "declined" ? 60 : 25);
      if (!steps) continue;
      const declined = stage === "declined" ? rng.weighted(declineCases[from] ?? []) : undefined;
      add({ person: p, place: o, steps, units, ...(declined ? { declined } : {}) });
      if (further) busy.add(p.id);
    }
  }

  // ---- rows ---------------------------------------------------------------------------------------
  const matches: Record<string, unknown>[] = [];
  const changes: Record<string, unknown>[] = [];
  const consents: Record<string, unknown>[] = [];
  const recipients: Record<string, unknown>[] = [];
  const shares: Record<string, unknown>[] = [];
  const consentOf = new Map<string, string>();
  const statusChanges: Record<string, unknown>[] = [];
  const backOn = new Map<string, number>();
  plans.sort((a, b) => (a.steps[0] as Step).at - (b.steps[0] as Step).at || (a.person.id < b.person.id ? -1 : 1));
  for (const plan of plans) {
    const { person: p, place: o, steps } = plan;
    const id = rng.uuid();
    const users = steps.map(() => userFor(p));
    const last = steps[steps.length - 1] as Step;
    const proposed = steps.find((s) => s.stage === "proposed");
    if (proposed) {
      const key = `${p.id}|${o.companyId}`;
      let consentId = consentOf.get(key);
      if (!consentId && !p.named.has(o.companyId)) {
        consentId = rng.uuid();
        const given = proposed.at - rng.int(2, 12) * 300_000;
        consents.push({
          id: consentId,
          candidate_id: p.id,
          _purposes: "share_with_company",
          given_at: isoDay(given),
          form: "paper",
          given_by: "self",
          language: p.language,
          note: `Weitergabe des Profils an ${o.companyName}`,
          confirmed_at: iso(given),
          confirmed_by: users[1] ?? p.counsellor,
          recorded_by: users[1] ?? p.counsellor,
          created_at: iso(given),
        });
        recipients.push({ consent_id: consentId, company_id: o.companyId });
      }
      consentOf.set(key, consentId ?? "");
      shares.push({
        id: rng.uuid(),
        candidate_id: p.id,
        _consent: consentId ?? "",
        company_id: o.companyId,
        note: `Vorschlag für ${o.occupationName}${o.kind === "training" ? "" : ` (${o.kind === "internship" ? "Praktikum" : "EQ"})`}, Beginn ${dayDe(o.start)}`,
        shared_by: users[1] ?? p.counsellor,
        shared_at: iso(proposed.at),
      });
    }
    matches.push({
      id,
      candidate_id: p.id,
      offer_id: o.id,
      company_id: o.companyId,
      candidate_ags: p.ags,
      offer_ags: o.ags,
      stage: last.stage,
      stage_changed_at: iso(last.at),
      score_units: plan.units,
      declined_by: plan.declined?.by ?? null,
      declined_reason: plan.declined?.reason ?? null,
      ended_on: plan.ended ? isoDay(plan.ended.on) : null,
      ended_reason: plan.ended?.reason ?? null,
      note: plan.declined?.note ?? plan.ended?.note ?? null,
      proposed_at: proposed ? iso(proposed.at) : null,
      created_by: users[0],
      created_at: iso((steps[0] as Step).at),
      updated_at: iso(last.at),
    });
    steps.forEach((s, i) => {
      const reason = s.stage === "declined" ? plan.declined?.reason : s.stage === "ended_early" ? plan.ended?.reason : null;
      changes.push({
        match_id: id,
        from_stage: steps[i - 1]?.stage ?? null,
        to_stage: s.stage,
        reason: reason ?? null,
        note: s.stage === "declined" || s.stage === "ended_early" ? (plan.declined?.note ?? plan.ended?.note ?? null) : null,
        at: iso(s.at),
        user_id: users[i],
      });
    });
    if (plan.episode) {
      const training = o.kind === "training";
      statusChanges.push(
        {
          candidate_id: p.id,
          from_status: "active",
          to_status: "placed",
          note: `Ausbildungsvertrag bei ${o.companyName}`,
          at: iso(plan.episode.placed),
          user_id: p.counsellor,
        },
        {
          candidate_id: p.id,
          from_status: "placed",
          to_status: "active",
          note: training ? "Ausbildung vorzeitig beendet; wieder in Beratung" : "Vertrag aufgelöst; wieder in Beratung",
          at: iso(plan.episode.back),
          user_id: p.counsellor,
        },
      );
      backOn.set(p.id, Math.max(backOn.get(p.id) ?? 0, plan.episode.back));
    }
  }

  await insertColumns(
    db,
    pgTypes,
    "offer",
    added.map((o) => ({
      id: o.id,
      company_id: o.companyId,
      kind: o.kind,
      occupation_id: o.occupationId,
      title: o.row.title ?? null,
      places: 1,
      start_date: isoDay(o.start),
      eq_months: o.row.eq_months ?? null,
      postal_code: o.row.postal_code,
      ags: o.ags,
      lat: o.lat,
      lon: o.lon,
      min_school_certificate: o.row.min_school_certificate ?? null,
      min_german_level: o.row.min_german_level ?? null,
      driving_licence: o.row.driving_licence ?? false,
      contact_id: o.row.contact_id ?? null,
      status: "filled",
      source: "manual",
      created_at: iso(o.created),
      updated_at: iso(Math.min(now - DAY, o.start)),
    })),
  );
  await insertColumns(db, pgTypes, "consent", consents, { purposes: "string_to_array(t._purposes, '|')" });
  await insertColumns(db, pgTypes, "consent_recipient", recipients);
  // A share under the new consent, or under the person's consent that already names the company.
  await insertColumns(db, pgTypes, "profile_share", shares, {
    consent_id: `coalesce(nullif(t._consent, '')::uuid, (select k.id from consent k join consent_recipient r on r.consent_id = k.id
      where k.candidate_id = t.candidate_id and r.company_id = t.company_id and k.withdrawn_at is null order by k.created_at limit 1))`,
  });
  await insertColumns(db, pgTypes, "match", matches);
  await insertColumns(db, pgTypes, "match_stage_change", changes);
  await insertColumns(db, pgTypes, "candidate_status_change", statusChanges);
  if (filled.size) {
    const ids = [...filled.keys()];
    await sql`
      update offer o set status = 'filled', updated_at = greatest(o.updated_at, x.at)
      from unnest(${ids}::uuid[], ${ids.map((id) => iso(filled.get(id) ?? now))}::timestamptz[]) as x(id, at)
      where o.id = x.id`.execute(db);
  }
  if (backOn.size) {
    const ids = [...backOn.keys()];
    await sql`
      update candidate c set status_changed_at = x.at, updated_at = greatest(c.updated_at, x.at)
      from unnest(${ids}::uuid[], ${ids.map((id) => iso(backOn.get(id) ?? now))}::timestamptz[]) as x(id, at)
      where c.id = x.id`.execute(db);
  }

  const byStage = Object.fromEntries(Object.keys(quota).map((s) => [s, count(s as MatchStage)])) as Record<MatchStage, number>;
  return {
    matches: matches.length,
    stageChanges: changes.length,
    byStage,
    offers: added.length,
    consents: consents.length,
    shares: shares.length,
  };
}
