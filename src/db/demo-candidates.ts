import { type Insertable, type Kysely, type SqlBool, sql } from "kysely";
import {
  allocate,
  type CandidateStatus,
  consentRows,
  DAY,
  fill,
  iso,
  isoDay,
  odds,
  type PartnerType,
  partnerTypes,
  person,
  Rand,
  type ResidenceFacts,
  residenceFacts,
  residenceRow,
  texts,
  topicOfPartner,
  type Wish,
  wishes,
} from "./demo-people.js";
import { type DemoPlace, type DemoStaff, trainingYear } from "./demo-region.js";
import { insertColumns } from "./demo-support.js";
import type { Database } from "./types.js";

/**
 * The demo candidates: young migrants and refugees of the service region with residence status,
 * consents, counselling history (first, follow-up and referral consultations) and referrals with
 * follow-ups, a few of them overdue, and the legal facts the matching flags (a handful of people show
 * each case, see `legalShowcase`). Deterministic: a seeded generator, every date an offset from
 * `now`. The same generator fills the benchmark's 200,000 candidates with 1,000,000 consultations:
 * rows go in as column arrays (`unnest`), 2,000 candidates at a time.
 */

export type CandidateSeedOptions = {
  now: Date;
  places: Map<string, DemoPlace[]>;
  /** How many candidates (default 400). */
  count?: number;
  seed?: number;
  staff: DemoStaff;
  /** Companies that consents to share a profile may name. */
  companyIds?: string[];
  /** Average consultations per candidate, the first one included (default 3). */
  consultationsPerCandidate?: number;
};
/** `overdueFollowUps`: referrals still in progress whose follow-up date lies before the day of `now`. */
export type CandidateSeedCounts = {
  candidates: number;
  consultations: number;
  referrals: number;
  consents: number;
  overdueFollowUps: number;
};

// ---- the outline of each case: status, time span, how much counselling ----------------------------

type Pin = "none" | "referral_overdue" | "referral_soon" | "step_overdue" | "step_soon";
/** Days counted back from today; `endAgo`: when the case was placed, paused or closed; `direct`: closed without ever being active. */
type Sketch = {
  status: CandidateStatus;
  createdAgo: number;
  endAgo: number;
  direct: boolean;
  selfRegistered: boolean;
  extras: number;
  referrals: number;
  pin: Pin;
};
const extraWeight: Record<CandidateStatus, number> = { new: 0.15, active: 1, placed: 2.5, paused: 1.5, closed: 1 };

function sketch(rng: Rand, count: number, perCandidate: number): Sketch[] {
  const all = Array.from({ length: count }, (): Sketch => {
    const status = rng.weighted(odds.status);
    let [createdAgo, endAgo] = [rng.int(0, 21), 0];
    if (status === "active") createdAgo = 14 + Math.floor(887 * rng.next() ** 1.6);
    else if (status === "closed" && rng.chance(0.4)) {
      // Closed more than 24 months ago: work for the retention job.
      endAgo = rng.int(735, 1000);
      createdAgo = endAgo + rng.int(30, 1095 - endAgo);
    } else if (status !== "new") {
      createdAgo = rng.int(status === "placed" ? 120 : 60, status === "paused" ? 900 : 1000);
      endAgo = rng.int(1, Math.min(status === "paused" ? 200 : 1000, createdAgo - 45));
    }
    const [direct, selfRegistered] = [status === "closed" && rng.chance(0.15), rng.chance(status === "new" ? 0.7 : 0.06)];
    return { status, createdAgo, endAgo, direct, selfRegistered, extras: 0, referrals: 0, pin: "none" };
  });
  const weights = all.map((s) =>
    s.direct ? 0.2 : extraWeight[s.status] * (s.status === "active" ? 1 + Math.min(s.createdAgo, 540) / 180 : 1),
  );
  const extras = allocate(weights, Math.max(0, Math.round(count * (perCandidate - 1))), rng);
  all.forEach((s, i) => {
    s.extras = extras[i] ?? 0;
  });
  // A handful of open ends for the Start page: referral follow-ups and next steps, overdue or due this week.
  const eligible = rng.shuffle(all.filter((s) => s.status === "active" && s.createdAgo >= 50 && s.extras >= 1));
  const quotas: [Pin, number][] = [
    ["referral_overdue", Math.max(5, Math.round(count * 0.03))],
    ["referral_soon", Math.round(count * 0.015)],
    ["step_overdue", Math.round(count * 0.0125)],
    ["step_soon", Math.round(count * 0.02)],
  ];
  for (const [pin, n] of quotas) for (const s of eligible.splice(0, n)) s.pin = pin;
  // About 40% of the young people were referred somewhere, once or twice.
  const canRefer = (s: Sketch) => s.pin === "none" && s.status !== "new" && s.extras >= 1;
  const pinned = all.filter((s) => s.pin.startsWith("referral")).length;
  const p = Math.max(0, 0.4 * count - pinned) / Math.max(1, all.filter(canRefer).length);
  for (const s of all)
    if (s.pin.startsWith("referral") || (canRefer(s) && rng.chance(p))) s.referrals = s.extras >= 2 && rng.chance(0.25) ? 2 : 1;
  return all;
}

// ---- one candidate with everything that belongs to the case --------------------------------------

type Ctx = {
  rng: Rand;
  now: number;
  today: number;
  staff: DemoStaff;
  places: Map<string, DemoPlace[]>;
  wishes: Wish[][];
  names: Map<string, string>;
  companyIds: string[];
  /** The named companies of a district (all of them where the district has none). */
  companiesOf: (ags: string) => string[];
  /** The generator of the legal facts: the rest stays as it was before them. */
  legal: Rand;
  year: number;
};
type Row<T extends keyof Database> = Insertable<Database[T]>;
type CandidateRow = Omit<Row<"candidate">, "other_languages" | "support_needs" | "school_obligation_until" | "j1_examined_on"> & {
  id: string;
  _languages: string;
  _needs: string;
  school_obligation_until: string | null;
  j1_examined_on: string | null;
};
type ResidenceRow = Omit<Row<"candidate_residence">, keyof ResidenceFacts> & ResidenceFacts;
type Rows = {
  candidates: CandidateRow[];
  occupations: Row<"candidate_occupation">[];
  residences: ResidenceRow[];
  changes: Row<"candidate_status_change">[];
  consents: (Omit<Row<"consent">, "purposes"> & { id: string; _purposes: string })[];
  recipients: Row<"consent_recipient">[];
  consultations: (Omit<Row<"consultation">, "topics"> & { id: string; _topics: string })[];
  referrals: Row<"referral">[];
};

function candidate(c: Ctx, s: Sketch, rows: Rows): void {
  const { rng, now, today } = c;
  const cap = (t: number) => Math.min(t, now - 60_000);
  const atWork = (day: number) => cap(Math.floor(day / DAY) * DAY + rng.int(7, 15) * 3_600_000 + rng.int(0, 59) * 60_000);
  const p = person(rng, { ...c, createdAgo: s.createdAgo });
  const { id, counsellor } = p;
  const open = s.status === "new" || s.status === "active" || s.status === "paused";

  // Time line: registered or met, first counselling, further ones, then the end of the case.
  const createdT = atWork(today - s.createdAgo * DAY);
  const firstDay = s.selfRegistered ? Math.min(today, today - s.createdAgo * DAY + rng.int(0, 7) * DAY) : today - s.createdAgo * DAY;
  const firstT = s.selfRegistered ? Math.max(createdT, atWork(firstDay)) : createdT;
  const endDay = s.status === "new" || s.status === "active" ? today : today - s.endAgo * DAY;
  const back = { none: [0, 0], referral_overdue: [16, 40], referral_soon: [14, 36], step_overdue: [12, 35], step_soon: [3, 14] }[s.pin];
  const pinDay = s.pin === "none" ? 0 : today - rng.int(back[0] ?? 0, back[1] ?? 0) * DAY;
  const span = Math.max(0, Math.floor(((pinDay || endDay) - firstDay) / DAY) - (pinDay ? 1 : 0));
  const between = Array.from(
    { length: s.extras - (pinDay ? 1 : 0) },
    () => firstDay + Math.min(span, 1 + Math.floor(rng.next() * span)) * DAY,
  );
  const days = [firstDay, ...between.sort((a, b) => a - b), ...(pinDay ? [pinDay] : [])];
  const times = days.map((d, i) => (i === 0 ? firstT : atWork(d)));
  const ends = days.map((_, i) => cap((times[i] ?? firstT) + 5 * rng.int(i === 0 ? 9 : 4, i === 0 ? 18 : 12) * 60_000));
  const firstEnd = ends[0] ?? firstT;
  const lastEnd = ends[ends.length - 1] ?? firstEnd;
  const endT = Math.max(lastEnd + 600_000, atWork(endDay));

  // Referrals: at which consultations, to whom.
  const referralAt = new Set<number>(s.pin.startsWith("referral") ? [days.length - 1] : []);
  for (let k = 0; k < 10 && referralAt.size < Math.min(s.referrals, days.length - 1); k++) referralAt.add(rng.int(1, days.length - 1));
  const partnerOf = new Map<number, [PartnerType, string]>();
  for (const i of referralAt) {
    const weight = (t: PartnerType, w: number) =>
      t === "language_course_provider" && p.basic ? 2 * w : t === "recognition_counselling" && p.inGermany ? 0 : w;
    const type = rng.weighted(partnerTypes.map(([t, w]) => [t, weight(t, w)] as const));
    partnerOf.set(i, [type, p.district.partner[type]]);
  }

  const vars = {
    occupation: c.names.get(p.wished[0] ?? "") ?? "",
    level: p.level,
    country: p.schoolCountry ?? p.origin.countries[0] ?? "",
  };
  days.forEach((day, i) => {
    const [t, end, isLast, partner] = [times[i] ?? firstT, ends[i] ?? firstEnd, i === days.length - 1, partnerOf.get(i)];
    const kind = i === 0 ? "first" : partner ? "referral" : "follow_up";
    const german = p.bornHere || (!p.basic && rng.chance(0.9)) || rng.chance(0.4);
    const language = german ? "Deutsch" : p.languages.has("Englisch") && rng.chance(0.3) ? "Englisch" : ([...p.languages][0] ?? "Deutsch");
    const topics = new Set<string>(
      kind === "first" ? ["occupation_choice"] : partner ? [topicOfPartner[partner[0]]] : [rng.weighted(odds.topic)],
    );
    if (kind === "first" && p.residence !== "citizen" && rng.chance(0.6)) topics.add("residence_and_work_permit");
    if (kind === "first" && p.basic && rng.chance(0.5)) topics.add("language_course");
    if (kind === "follow_up" && rng.chance(0.4)) topics.add(rng.weighted(odds.topic));
    // Next steps: earlier ones done at the next meeting; the last one open, a few overdue or due this week.
    let [step, due, done]: [string | null, number | null, number | null] = [null, null, null];
    const [nextStep, closing] = [rng.pick(texts.nextStep), !partner && isLast];
    if (!partner && !isLast && rng.chance(0.45))
      [step, due, done] = [nextStep, day + rng.int(5, 21) * DAY, Math.max(end, Math.min(times[i + 1] ?? end, day + rng.int(3, 21) * DAY))];
    else if (closing && s.pin === "step_overdue") [step, due] = [nextStep, day + rng.int(5, 10) * DAY];
    else if (closing && s.pin === "step_soon") [step, due] = [nextStep, today + rng.int(0, 5) * DAY];
    else if (closing && s.status === "paused")
      [step, due] = ["Nachfragen, ob es mit der Ausbildungssuche weitergeht", today + rng.int(30, 150) * DAY];
    else if (closing && open && rng.chance(0.55))
      [step, due] = [nextStep, today + rng.int(s.status === "new" ? 2 : 7, s.status === "new" ? 14 : 60) * DAY];
    else if (closing && !open && rng.chance(0.4))
      [step, due, done] = [nextStep, day + rng.int(3, 14) * DAY, cap(end + rng.int(1, 10) * DAY)];
    const consultationId = rng.uuid();
    rows.consultations.push({
      id: consultationId,
      candidate_id: id,
      kind,
      held_on: isoDay(day),
      duration_minutes: Math.max(20, Math.round((end - t) / 60_000)),
      channel: rng.weighted(kind !== "first" ? odds.channel : s.selfRegistered ? odds.channelOnline : odds.channelFirst),
      language,
      interpreter: language !== "Deutsch" && language !== "Englisch" && rng.chance(0.85),
      _topics: [...topics].join("|"),
      notes: partner ? `Verweisberatung: ${partner[1]}.` : fill(rng.pick(kind === "first" ? texts.first : texts.followUp), vars),
      outcome: partner
        ? fill(rng.pick(texts.referralOutcome), { partner: partner[1] })
        : rng.chance(0.7)
          ? rng.pick(kind === "first" ? texts.firstOutcome : texts.followUpOutcome)
          : null,
      next_step: step,
      next_step_due: due === null ? null : isoDay(due),
      next_step_done_at: done === null ? null : iso(done),
      user_id: rng.chance(0.08) ? c.staff.coordinator : counsellor,
      created_at: iso(end),
    });
    if (!partner) return;
    const pinned = isLast && s.pin.startsWith("referral");
    const ago = Math.round((today - day) / DAY);
    const followUp =
      pinned && s.pin === "referral_soon" ? today + rng.int(0, 6) * DAY : day + rng.int(14, pinned ? Math.min(42, ago - 2) : 42) * DAY;
    const outcome = followUp < today && !pinned ? rng.weighted(odds.outcome) : "in_progress";
    const [type, name] = partner;
    rows.referrals.push({
      id: rng.uuid(),
      candidate_id: id,
      consultation_id: consultationId,
      partner_type: type,
      partner_name: name,
      reason: rng.pick(partnerTypes.find(([t]) => t === type)?.[2] ?? []),
      referred_on: isoDay(day),
      follow_up_on: isoDay(followUp),
      outcome,
      outcome_note: outcome === "in_progress" ? null : rng.pick(texts[outcome]),
      outcome_recorded_at: outcome === "in_progress" ? null : iso(Math.max(end, atWork(Math.min(followUp + rng.int(0, 7) * DAY, today)))),
      user_id: counsellor,
      created_at: iso(end),
    });
  });

  // Status path, one change a row.
  const path: [CandidateStatus, number, string | null][] = [["new", createdT, null]];
  if (s.status !== "new" && !s.direct) path.push(["active", Math.max(createdT, firstEnd), null]);
  if (s.status === "placed" || s.status === "paused" || s.status === "closed") path.push([s.status, endT, rng.pick(texts[s.status])]);
  path.forEach(([to, at, note], i) => {
    const user = i === 0 && s.selfRegistered ? null : counsellor;
    rows.changes.push({ candidate_id: id, from_status: path[i - 1]?.[0] ?? null, to_status: to, note, at: iso(at), user_id: user });
  });
  const statusAt = path[path.length - 1]?.[1] ?? createdT;

  const agreed = consentRows(rng, p, {
    ...s,
    companyIds: c.companyIds,
    created: createdT,
    first: firstEnd,
    end: statusAt,
    partners: [...partnerOf.values()],
  });
  if (agreed) rows.consents.push(agreed.consent);
  rows.recipients.push(...(agreed?.recipients ?? []));
  const base = s.status === "closed" ? endDay : today;
  rows.residences.push({ ...residenceRow(rng, p, base, cap(firstEnd + 600_000)), ...residenceFacts(c.legal, p, base, c.companiesOf) });
  p.wished.forEach((occupation, i) => {
    rows.occupations.push({ candidate_id: id, rank: i + 1, occupation_id: occupation });
  });
  const later = rng.next();
  rows.candidates.push({
    ...p.row,
    german_level_source: s.selfRegistered && s.status === "new" ? "self" : p.row.german_level_source,
    available_from: !open
      ? isoDay(firstDay + rng.int(0, 90) * DAY)
      : later < 0.45
        ? `${c.year}-08-01`
        : isoDay(later < 0.8 ? today + rng.int(0, 120) * DAY : today),
    status: s.status,
    status_changed_at: iso(statusAt),
    source: s.selfRegistered ? "self_registration" : "manual",
    school_obligation_until: null,
    j1_examined_on: null,
    created_at: iso(createdT),
    updated_at: iso(Math.max(statusAt, lastEnd)),
  });
}

// ---- the legal cases the matching flags ----------------------------------------------------------

const yearsBefore = (t: number, years: number) => {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear() - years, d.getUTCMonth(), d.getUTCDate());
};
/** Whole years of age on a day (both as epoch milliseconds of a UTC midnight). */
const ageOn = (birth: number, day: number) => {
  const [b, d] = [new Date(birth), new Date(day)];
  const before = d.getUTCMonth() < b.getUTCMonth() || (d.getUTCMonth() === b.getUTCMonth() && d.getUTCDate() < b.getUTCDate());
  return d.getUTCFullYear() - b.getUTCFullYear() - (before ? 1 : 0);
};

/**
 * Minors at the training start (1 August of the training year) may only start with the J1 health
 * check of the last 14 months: some of those in counselling or placed have had it. Then a handful of
 * people in counselling with consent to matching, one per legal case the matching flags:
 * - a Duldung that needs the ABH's approval (the permit's lead time before the start),
 * - a Duldung held only for a few weeks, identity not clarified (the § 60c checklist),
 * - a Duldung that ends before the start,
 * - a Gestattung of a safe country of origin whose document allows work,
 * - a minor, 16 at the start, without the J1 check (and full-time schooling up to the start),
 * - an Ausbildungsduldung tied to a company of their district.
 * Each is the first person in the batch that fits (or, failing that, that is free), changed as little as
 * the case needs; the generator is the legal facts' own.
 */
function legalShowcase(c: Ctx, rows: Rows): void {
  const rng = c.legal;
  const start = Date.UTC(c.year, 7, 1);
  for (const p of rows.candidates) {
    const birth = p.birth_date ? Date.parse(p.birth_date) : Number.NaN;
    if ((p.status === "active" || p.status === "placed") && ageOn(birth, start) < 18 && rng.chance(0.35))
      p.j1_examined_on = isoDay(c.today - rng.int(10, 200) * DAY);
  }
  const consented = new Set(
    rows.consents
      .filter((k) => k._purposes.split("|").includes("matching") && k.confirmed_at && !k.withdrawn_at)
      .map((k) => k.candidate_id),
  );
  const residenceOf = new Map(rows.residences.map((r) => [r.candidate_id, r]));
  const pool = rows.candidates.filter((p) => p.status === "active" && consented.has(p.id) && residenceOf.has(p.id));
  const used = new Set<string>();
  type Fits = (r: ResidenceRow, p: CandidateRow) => boolean;
  /** The first free person that fits the first preference that anyone fits; at last anyone with an ABH on file. */
  const take = (...preferences: Fits[]) => {
    const free = pool.filter((p) => !used.has(p.id));
    for (const fits of [...preferences, (r: ResidenceRow) => r.status !== "citizen" && Boolean(r.immigration_office)]) {
      const p = free.find((x) => fits(residenceOf.get(x.id) as ResidenceRow, x));
      if (!p) continue;
      used.add(p.id);
      return { p, r: residenceOf.get(p.id) as ResidenceRow };
    }
    return undefined;
  };
  const ahead = (t: number, min: number, max: number) => isoDay(t + rng.int(min, max) * DAY);
  const ago = (min: number, max: number) => isoDay(c.today - rng.int(min, max) * DAY);
  const plainDuldung = (r: ResidenceRow) => r.status === "duldung" && r.work_permission === "needs_approval" && !r.safe_country_of_origin;
  const duldung = (r: ResidenceRow, facts: Partial<ResidenceRow>) =>
    Object.assign(r, { status: "duldung", work_permission: "needs_approval", safe_country_of_origin: false, tied_company_id: null }, facts);

  const leadTime = take(plainDuldung);
  if (leadTime) duldung(leadTime.r, { held_since: ago(300, 600), identity_clarified: true, valid_until: ahead(start, 30, 150) });
  const checklist = take(plainDuldung);
  if (checklist)
    duldung(checklist.r, { held_since: ago(20, 45), identity_clarified: false, has_passport: false, valid_until: ahead(start, 30, 150) });
  const ending = take(plainDuldung);
  if (ending) duldung(ending.r, { held_since: ago(200, 500), identity_clarified: true, valid_until: ahead(c.today, 45, 100) });
  const safe = take(
    (r) => r.status === "gestattung" && r.safe_country_of_origin === true,
    (r) => r.safe_country_of_origin === true,
  );
  if (safe) {
    Object.assign(safe.r, { status: "gestattung", work_permission: "allowed", safe_country_of_origin: true, held_since: null });
    Object.assign(safe.r, { tied_company_id: null, valid_until: ahead(c.today, 90, 180) });
    // No BAB with a Gestattung.
    safe.p._needs = safe.p._needs
      .split("|")
      .filter((n) => n && n !== "bab")
      .join("|");
  }
  const minor = take(
    (r) => r.status === "permit_work_allowed" || r.status === "citizen",
    () => true,
  );
  if (minor) {
    // 16 on the start day (born after 1 August 17 years before it), and 16 today already where both fit.
    const [lo, hi] = [yearsBefore(start, 17) + DAY, Math.min(yearsBefore(c.today, 16), yearsBefore(start, 16))];
    const birth = lo <= hi ? lo + Math.floor((hi - lo) / DAY / 2) * DAY : hi;
    Object.assign(minor.p, { birth_date: isoDay(birth), birth_year: new Date(birth).getUTCFullYear() });
    Object.assign(minor.p, { school_obligation_until: `${c.year}-07-31`, j1_examined_on: null });
  }
  const ofDistrict = (r: ResidenceRow, p: CandidateRow) => c.companiesOf(p.ags ?? "").includes(r.tied_company_id ?? "");
  const tied = take(
    (r, p) => r.status === "ausbildungsduldung" && ofDistrict(r, p),
    (r) => r.status === "duldung",
  );
  if (tied) {
    const { r, p } = tied;
    Object.assign(r, { status: "ausbildungsduldung", work_permission: "allowed", safe_country_of_origin: false, identity_clarified: true });
    Object.assign(r, { held_since: r.held_since ?? ago(200, 700), valid_until: ahead(start, 400, 1000) });
    if (!ofDistrict(r, p)) r.tied_company_id = rng.pick(c.companiesOf(p.ags ?? "")) ?? null;
  }
}

// ---- insert ------------------------------------------------------------------------------------

const pgTypes: Record<string, string> = Object.fromEntries(
  [
    [
      "uuid",
      "id candidate_id consent_id consultation_id company_id responsible_user_id user_id confirmed_by withdrawn_by recorded_by tied_company_id",
    ],
    ["float8", "lat lon"],
    ["int4", "birth_year max_commute_km duration_minutes rank"],
    [
      "bool",
      "in_service_region open_to_related_fields has_driving_licence has_car safe_country_of_origin interpreter identity_clarified has_passport",
    ],
    [
      "date",
      "birth_date german_level_on available_from valid_until held_on next_step_due referred_on follow_up_on given_at held_since school_obligation_until j1_examined_on",
    ],
    ["timestamptz", "status_changed_at created_at updated_at at confirmed_at withdrawn_at next_step_done_at outcome_recorded_at"],
  ].flatMap(([type = "", keys = ""]) => keys.split(" ").map((k) => [k, type])),
);
const list = (helper: string) => `coalesce(string_to_array(nullif(t."${helper}", ''), '|'), '{}')`;

/**
 * Generates and inserts `count` candidates (default 400) with residence, wishes, status history,
 * consents, consultations (on average `consultationsPerCandidate`, the first included) and referrals.
 * The occupation catalogue, the staff's accounts and the named companies must be in the database.
 */
export async function insertDemoCandidates(db: Kysely<Database>, options: CandidateSeedOptions): Promise<CandidateSeedCounts> {
  const seed = options.seed ?? 20_261_125;
  const now = options.now.getTime();
  const today = Math.floor(now / DAY) * DAY;
  const wanted = wishes.flat().map(([id]) => id);
  const catalogue = await db.selectFrom("occupation").select(["id", "name"]).where("id", "in", wanted).execute();
  const known = new Set(catalogue.map((o) => o.id));
  const groups = wishes.map((g) => g.filter(([id]) => known.has(id))).filter((g) => g.length > 0);
  if (!groups.length) throw new Error("Demo candidates: occupations missing from the catalogue (load it first)");
  const sketches = sketch(new Rand(seed), options.count ?? 400, options.consultationsPerCandidate ?? 3);
  // The named companies by district, in the order given: a permit is tied to one of the person's district.
  const companyIds = options.companyIds ?? [];
  const located = companyIds.length
    ? await db.selectFrom("company").select(["id", "ags"]).where(sql<SqlBool>`id = any(${companyIds}::uuid[])`).execute()
    : [];
  const agsOf = new Map(located.map((r) => [r.id, r.ags]));
  const byDistrict = new Map<string, string[]>();
  for (const id of companyIds) {
    const ags = agsOf.get(id);
    if (ags) byDistrict.set(ags, [...(byDistrict.get(ags) ?? []), id]);
  }
  const ctx: Ctx = {
    rng: new Rand(seed ^ 0x5bd1e995),
    now,
    today,
    staff: options.staff,
    places: options.places,
    wishes: groups,
    names: new Map(catalogue.map((o) => [o.id, o.name])),
    companyIds,
    companiesOf: (ags) => byDistrict.get(ags) ?? companyIds,
    legal: new Rand(seed ^ 0x1e6a1fac),
    year: trainingYear(options.now),
  };
  const counts: CandidateSeedCounts = { candidates: 0, consultations: 0, referrals: 0, consents: 0, overdueFollowUps: 0 };
  for (let start = 0; start < sketches.length; start += 2000) {
    const rows: Rows = {
      candidates: [],
      occupations: [],
      residences: [],
      changes: [],
      consents: [],
      recipients: [],
      consultations: [],
      referrals: [],
    };
    for (const s of sketches.slice(start, start + 2000)) candidate(ctx, s, rows);
    if (start === 0) legalShowcase(ctx, rows);
    await insertColumns(db, pgTypes, "candidate", rows.candidates, { other_languages: list("_languages"), support_needs: list("_needs") });
    await insertColumns(db, pgTypes, "candidate_occupation", rows.occupations);
    await insertColumns(db, pgTypes, "candidate_residence", rows.residences);
    await insertColumns(db, pgTypes, "candidate_status_change", rows.changes);
    await insertColumns(db, pgTypes, "consent", rows.consents, { purposes: list("_purposes") });
    await insertColumns(db, pgTypes, "consent_recipient", rows.recipients);
    await insertColumns(db, pgTypes, "consultation", rows.consultations, { topics: list("_topics") });
    await insertColumns(db, pgTypes, "referral", rows.referrals);
    counts.candidates += rows.candidates.length;
    counts.consultations += rows.consultations.length;
    counts.referrals += rows.referrals.length;
    counts.consents += rows.consents.length;
    counts.overdueFollowUps += rows.referrals.filter((r) => r.outcome === "in_progress" && (r.follow_up_on ?? "") < isoDay(today)).length;
  }
  return counts;
}
