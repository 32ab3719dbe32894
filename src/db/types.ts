import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** bigint: node-postgres returns text, PGlite a number or bigint; read it through Number(). */
/** A nullable column the insert may leave out. */
type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;
type Int8 = ColumnType<string | number | bigint, string | number | bigint, string | number | bigint>;

export interface AppUserTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  role: "admin" | "coordinator" | "counsellor" | "partner";
  organisation: string | null;
  password_hash: string;
  must_change_password: Generated<boolean>;
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  totp_last_step: number | null;
  disabled_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface UserDistrictTable {
  user_id: string;
  ags: string;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  second_factor_pending: Generated<boolean>;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginAttemptTable {
  id: Generated<string>;
  key: string;
  succeeded: boolean;
  at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: ColumnType<Date, Date | undefined, never>;
  actor_id: string | null;
  actor_email: string | null;
  entity: string;
  entity_id: string | null;
  action: string;
  changed_fields: ColumnType<string[], string, string>;
  request_id: string | null;
  ip: string | null;
}

export interface OccupationTable {
  id: string;
  name: string;
  months: number;
  /** The main chamber; `chambers` lists every chamber that trains it (JSON array, main one first). */
  chamber: "IHK" | "HWK" | "other";
  chambers: ColumnType<Array<"IHK" | "HWK" | "other">, string | undefined, string>;
  /** KldB 2010 Berufsgruppe (3 digits), the prefix of `kldb5`. */
  kldb: string;
  /** KldB 2010 Berufsgattung (5 digits); null only for rows of the catalogue before 0003. */
  kldb5: string | null;
  valid_from: ColumnType<Date | string | null, string | null | undefined, string | null>;
  valid_until: ColumnType<Date | string | null, string | null | undefined, string | null>;
  /** JSON array of { name, validFrom?, validUntil }. */
  former_names: ColumnType<Array<{ name: string; validFrom?: string; validUntil: string }>, string | undefined, string>;
  /** JSON array of ids of repealed occupations this one succeeds. */
  replaces: ColumnType<string[], string | undefined, string>;
  /** JSON array of colloquial names and abbreviations (search only). */
  synonyms: ColumnType<string[], string | undefined, string>;
  search_text: string;
  /** Set when the occupation left the catalogue: kept for old records and lookup by id, hidden from search. */
  retired_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface ReferenceVersionTable {
  name: string;
  checksum: string;
  loaded_at: Generated<Date>;
}

type DateColumn = ColumnType<string, string, string>;

export interface CompanyTable {
  id: Generated<string>;
  name: string;
  legal_form: string | null;
  street: string | null;
  postal_code: string;
  city: string | null;
  ags: string | null;
  lat: number | null;
  lon: number | null;
  in_service_region: boolean;
  sector: string | null;
  size_class: "1-9" | "10-49" | "50-249" | "250+" | null;
  chamber: "ihk" | "hwk" | "other" | null;
  membership_number: string | null;
  migrant_led: boolean | null;
  migrant_led_recorded_on: DateColumn | null;
  may_train: Generated<"unknown" | "checking" | "authorised" | "not_authorised">;
  trainer_qualified: boolean | null;
  website: string | null;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  responsible_user_id: string | null;
  stage: Generated<"contacted" | "informed" | "interested" | "needs_profiled" | "training" | "paused" | "declined">;
  stage_changed_at: Timestamp;
  declined_reason: string | null;
  declined_note: string | null;
  source: Generated<"manual" | "import" | "jobsuche">;
  external_ref: string | null;
  search_text: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CompanyContactTable {
  id: Generated<string>;
  company_id: string;
  name: string;
  function: string | null;
  phone: string | null;
  email: string | null;
  preferred_language: string | null;
  created_at: Generated<Date>;
}

export interface CompanyStageChangeTable {
  id: Generated<string>;
  company_id: string;
  from_stage: string | null;
  to_stage: string;
  reason: string | null;
  note: string | null;
  at: Timestamp;
  user_id: string | null;
}

export interface CompanyActivityTable {
  id: Generated<string>;
  company_id: string;
  kind: "call" | "visit" | "email" | "letter" | "event" | "note";
  occurred_on: DateColumn;
  user_id: string | null;
  summary: string;
  outcome: string | null;
  next_step: string | null;
  next_step_due: DateColumn | null;
  next_step_done_at: Date | null;
  created_at: Timestamp;
}

export interface OfferTable {
  id: Generated<string>;
  company_id: string;
  kind: "training" | "entry_qualification" | "internship";
  occupation_id: string;
  title: string | null;
  places: number;
  start_date: DateColumn;
  eq_months: number | null;
  postal_code: string;
  ags: string | null;
  lat: number | null;
  lon: number | null;
  min_school_certificate: "none" | "lower_secondary" | "intermediate" | "upper_secondary" | null;
  min_german_level: "A1" | "A2" | "B1" | "B2" | "C1" | "C2" | null;
  driving_licence: Generated<boolean>;
  requirements_note: string | null;
  description: string | null;
  contact_id: string | null;
  status: Generated<"draft" | "open" | "filled" | "withdrawn">;
  source: Generated<"manual" | "import" | "jobsuche">;
  external_ref: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface JobTable {
  id: Generated<string>;
  kind: string;
  payload: ColumnType<unknown, string | undefined, string>;
  status: Generated<"queued" | "running" | "done" | "failed">;
  requested_by: string | null;
  /** Snapshot of the person who asked (id, email, name, role, districts, organisation). */
  requested_as: ColumnType<unknown, string | null, string | null>;
  progress: Generated<number>;
  /** A message (German source text with parameters), translated when read. */
  progress_text: ColumnType<unknown, string | null | undefined, string | null>;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  error: ColumnType<unknown, string | null | undefined, string | null>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  run_after: Timestamp;
  locked_by: string | null;
  locked_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: Timestamp;
  started_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  updated_at: Timestamp;
}

export interface DataImportTable {
  id: Generated<string>;
  created_by: string | null;
  format: "csv" | "xlsx" | "jobsuche";
  file_name: string | null;
  file_size: number;
  content: Uint8Array;
  columns: ColumnType<string[], string | undefined, string>;
  mapping: ColumnType<Record<string, string>, string | undefined, string>;
  mapping_source: Generated<"given" | "remembered" | "detected">;
  layout_hash: string | null;
  row_count: number | null;
  dry_run_job_id: string | null;
  commit_job_id: string | null;
  committed_rows: Generated<number>;
  created_at: Timestamp;
}

export interface DataImportRowTable {
  import_id: string;
  phase: "dry_run" | "commit";
  row_no: number;
  action: "create" | "update" | "reject";
  reasons: ColumnType<unknown, string | null, string | null>;
  cells: ColumnType<unknown, string | null, string | null>;
}

export interface ImportLayoutTable {
  layout_hash: string;
  format: string;
  columns: ColumnType<string[], string, string>;
  mapping: ColumnType<Record<string, string>, string, string>;
  updated_by: string | null;
  updated_at: Timestamp;
}

type Nullable<T> = T | null;
type Ts = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface CandidateTable {
  id: Generated<string>;
  first_name: Nullable<string>;
  last_name: Nullable<string>;
  birth_date: Nullable<DateColumn>;
  phone: Nullable<string>;
  email: Nullable<string>;
  messenger: Nullable<"none" | "whatsapp" | "signal" | "telegram" | "other">;
  preferred_language: Generated<"de" | "en" | "ar" | "uk" | "fa">;
  postal_code: Nullable<string>;
  city: Nullable<string>;
  lat: Nullable<number>;
  lon: Nullable<number>;
  ags: Nullable<string>;
  birth_year: Nullable<number>;
  in_service_region: Generated<boolean>;
  german_level: Nullable<"A1" | "A2" | "B1" | "B2" | "C1" | "C2">;
  german_level_on: Nullable<DateColumn>;
  german_level_source: Nullable<"certificate" | "placement_test" | "counsellor" | "self">;
  other_languages: Generated<string[]>;
  school_certificate: Nullable<"none" | "lower_secondary" | "intermediate" | "upper_secondary">;
  school_country: Nullable<string>;
  school_recognition: Generated<"none" | "applied" | "partial" | "full">;
  open_to_related_fields: Generated<boolean>;
  has_driving_licence: Generated<boolean>;
  has_car: Generated<boolean>;
  max_commute_km: Nullable<number>;
  available_from: Nullable<DateColumn>;
  support_needs: Generated<string[]>;
  support_note: Nullable<string>;
  responsible_user_id: Nullable<string>;
  status: Generated<"new" | "active" | "placed" | "paused" | "closed">;
  status_changed_at: Timestamp;
  source: Generated<"manual" | "self_registration" | "import">;
  anonymised_at: Ts;
  search_text: Generated<string>;
  school_obligation_until: Optional<string>;
  j1_examined_on: Optional<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CandidateOccupationTable {
  candidate_id: string;
  rank: number;
  occupation_id: string;
}

export interface CandidateResidenceTable {
  candidate_id: string;
  status: "citizen" | "permit_work_allowed" | "gestattung" | "duldung" | "ausbildungsduldung" | "permit_16g" | "other";
  work_permission: "allowed" | "needs_approval" | "forbidden";
  valid_until: Nullable<DateColumn>;
  safe_country_of_origin: Generated<boolean>;
  immigration_office: Nullable<string>;
  held_since: Optional<string>;
  identity_clarified: Generated<boolean>;
  has_passport: Generated<boolean>;
  tied_company_id: Optional<string>;
  updated_at: Timestamp;
}

export interface CandidateStatusChangeTable {
  id: Generated<string>;
  candidate_id: string;
  from_status: Nullable<string>;
  to_status: string;
  note: Nullable<string>;
  at: Timestamp;
  user_id: Nullable<string>;
}

export interface ConsentTable {
  id: Generated<string>;
  candidate_id: string;
  purposes: string[];
  given_at: DateColumn;
  form: Generated<"paper" | "online">;
  given_by: Generated<"self" | "guardian">;
  language: Generated<"de" | "en" | "ar" | "uk" | "fa">;
  note: Nullable<string>;
  confirmed_at: Ts;
  confirmed_by: Nullable<string>;
  withdrawn_at: Ts;
  withdrawn_by: Nullable<string>;
  recorded_by: Nullable<string>;
  created_at: Timestamp;
}

export interface ConsentRecipientTable {
  id: Generated<string>;
  consent_id: string;
  company_id: Nullable<string>;
  partner_name: Nullable<string>;
  partner_type: Nullable<string>;
}

export interface ProfileShareTable {
  id: Generated<string>;
  candidate_id: string;
  consent_id: string;
  company_id: Nullable<string>;
  partner_name: Nullable<string>;
  note: Nullable<string>;
  shared_by: Nullable<string>;
  shared_at: Timestamp;
}

export interface ConsultationTable {
  id: Generated<string>;
  candidate_id: string;
  kind: "first" | "referral" | "follow_up";
  held_on: DateColumn;
  duration_minutes: Nullable<number>;
  channel: Generated<"in_person" | "phone" | "video" | "messenger">;
  language: Nullable<string>;
  interpreter: Generated<boolean>;
  topics: Generated<string[]>;
  notes: Nullable<string>;
  outcome: Nullable<string>;
  next_step: Nullable<string>;
  next_step_due: Nullable<DateColumn>;
  next_step_done_at: Ts;
  user_id: Nullable<string>;
  created_at: Timestamp;
}

export interface ReferralTable {
  id: Generated<string>;
  candidate_id: string;
  consultation_id: Nullable<string>;
  partner_type: string;
  partner_name: string;
  reason: Nullable<string>;
  referred_on: DateColumn;
  follow_up_on: Nullable<DateColumn>;
  outcome: Generated<"arrived" | "not_arrived" | "in_progress" | "unknown">;
  outcome_note: Nullable<string>;
  outcome_recorded_at: Ts;
  user_id: Nullable<string>;
  created_at: Timestamp;
}

export interface CandidateDocumentTable {
  id: Generated<string>;
  candidate_id: string;
  kind: "cv" | "certificate" | "other";
  file_name: string;
  media_type: "application/pdf" | "image/jpeg" | "image/png";
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: Nullable<string>;
  created_at: Timestamp;
}

export interface RegistrationTable {
  id: Generated<string>;
  token_hash: string;
  email: string;
  language: "de" | "en" | "ar" | "uk" | "fa";
  payload: ColumnType<unknown, string, string>;
  ip_hash: Nullable<string>;
  created_at: Timestamp;
  expires_at: Timestamp;
  confirmed_at: Ts;
  candidate_id: Nullable<string>;
}

export interface Database {
  app_user: AppUserTable;
  user_district: UserDistrictTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  audit_log: AuditLogTable;
  occupation: OccupationTable;
  reference_version: ReferenceVersionTable;
  company: CompanyTable;
  company_contact: CompanyContactTable;
  company_stage_change: CompanyStageChangeTable;
  company_activity: CompanyActivityTable;
  offer: OfferTable;
  job: JobTable;
  data_import: DataImportTable;
  data_import_row: DataImportRowTable;
  import_layout: ImportLayoutTable;
  candidate: CandidateTable;
  candidate_occupation: CandidateOccupationTable;
  candidate_residence: CandidateResidenceTable;
  candidate_status_change: CandidateStatusChangeTable;
  consent: ConsentTable;
  consent_recipient: ConsentRecipientTable;
  profile_share: ProfileShareTable;
  consultation: ConsultationTable;
  referral: ReferralTable;
  candidate_document: CandidateDocumentTable;
  registration: RegistrationTable;
  matching_run: MatchingRunTable;
  match: MatchTable;
  match_stage_change: MatchStageChangeTable;
  matching_run_pair: MatchingRunPairTable;
  commute_check: CommuteCheckTable;
  matching_change: MatchingChangeTable;
  matching_change_pruned: MatchingChangePrunedTable;
}

export type MatchStage =
  | "suggested"
  | "proposed"
  | "interview"
  | "internship"
  | "entry_qualification"
  | "contract"
  | "registered"
  | "started"
  | "completed"
  | "declined"
  | "ended_early";

export interface MatchingRunTable {
  id: Generated<string>;
  job_id: Nullable<string>;
  mode: "optimal" | "stable";
  districts: Nullable<string[]>;
  requested_by: Nullable<string>;
  created_at: Timestamp;
  finished_at: Ts;
  candidate_count: Nullable<number>;
  offer_count: Nullable<number>;
  place_count: Nullable<number>;
  assigned_count: Nullable<number>;
  total_units: Nullable<Int8>;
  blocking_pairs: Nullable<number>;
}

export interface MatchTable {
  id: Generated<string>;
  candidate_id: string;
  offer_id: string;
  company_id: string;
  candidate_ags: Nullable<string>;
  offer_ags: Nullable<string>;
  stage: Generated<MatchStage>;
  stage_changed_at: Timestamp;
  score_units: Nullable<number>;
  declined_by: Nullable<"company" | "candidate" | "service_point">;
  declined_reason: Nullable<string>;
  ended_on: Nullable<DateColumn>;
  ended_reason: Nullable<string>;
  note: Nullable<string>;
  run_id: Nullable<string>;
  proposed_at: Ts;
  created_by: Nullable<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MatchStageChangeTable {
  id: Generated<Int8>;
  match_id: string;
  from_stage: Nullable<string>;
  to_stage: string;
  reason: Nullable<string>;
  note: Nullable<string>;
  at: Timestamp;
  user_id: Nullable<string>;
}

export interface MatchingRunPairTable {
  run_id: string;
  candidate_id: string;
  offer_id: Nullable<string>;
  score_units: Nullable<number>;
  reason: Nullable<string>;
  feasible_offers: Generated<number>;
  match_id: Nullable<string>;
}

export interface CommuteCheckTable {
  candidate_id: string;
  offer_id: string;
  checked_by: Nullable<string>;
  checked_at: Timestamp;
  note: Nullable<string>;
}

export interface MatchingChangeTable {
  seq: Generated<Int8>;
  kind: "c" | "o" | "r";
  ref: Nullable<string>;
  at: Timestamp;
}

export interface MatchingChangePrunedTable {
  only_row: Generated<boolean>;
  upto: Generated<Int8>;
}

/* ---------- process chains (0008_chains.sql) ---------- */

type JsonColumn<T> = ColumnType<T, string | undefined, string>;

/** A deadline rule as stored (chain_step.deadlines, chain_run_step.deadlines). */
export type StoredDeadlineRule = {
  anchor: "training_start" | "match_stage" | "previous_step" | "training_end";
  stage?: MatchStage | null;
  amount: number;
  unit: "calendar_months" | "weeks" | "days";
  direction: "before" | "after";
  kind: "no_earlier_than" | "at_latest";
  label?: string | null;
};

export interface ChainTemplateTable {
  id: Generated<string>;
  name: string;
  districts: Nullable<string[]>;
  district_key: string;
  version: number;
  valid_from: DateColumn;
  valid_to: Nullable<DateColumn>;
  status: Generated<"draft" | "published" | "retired">;
  source_template_id: Nullable<string>;
  note: Nullable<string>;
  seed_key: Nullable<string>;
  created_by: Nullable<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: Ts;
  published_by: Nullable<string>;
  retired_at: Ts;
}

export interface ChainStepTable {
  id: Generated<string>;
  template_id: string;
  position: number;
  code: Nullable<string>;
  title: string;
  description: Nullable<string>;
  lead_actor: string;
  supporting_actors: ColumnType<string[], string[] | undefined, string[]>;
  organisation_name: Nullable<string>;
  organisation_contact: Nullable<string>;
  documents: ColumnType<string[], string[] | undefined, string[]>;
  legal_basis: Nullable<string>;
  legal_valid_from: Nullable<DateColumn>;
  legal_valid_to: Nullable<DateColumn>;
  typical_duration_days: Nullable<number>;
  deadlines: JsonColumn<StoredDeadlineRule[]>;
  condition_residence: Nullable<string[]>;
  condition_place_kinds: Nullable<string[]>;
  condition_under18: Nullable<boolean>;
  local: Generated<boolean>;
  candidate_facing: Generated<boolean>;
  to_check: ColumnType<string[], string[] | undefined, string[]>;
  source_step_id: Nullable<string>;
}

export interface ChainRunTable {
  id: Generated<string>;
  match_id: string;
  template_id: string;
  template_version: number;
  candidate_ags: Nullable<string>;
  offer_ags: Nullable<string>;
  place_kind: "training" | "entry_qualification" | "internship";
  training_start: DateColumn;
  training_end: Nullable<DateColumn>;
  language: Generated<"de" | "en" | "ar" | "uk" | "fa">;
  started_by: Nullable<string>;
  started_at: Timestamp;
  finished_at: Ts;
}

export interface ChainRunStepTable {
  id: Generated<string>;
  run_id: string;
  template_step_id: Nullable<string>;
  position: number;
  code: Nullable<string>;
  title: string;
  description: Nullable<string>;
  lead_actor: string;
  organisation_name: Nullable<string>;
  organisation_contact: Nullable<string>;
  documents: ColumnType<string[], string[] | undefined, string[]>;
  legal_basis: Nullable<string>;
  legal_valid_from: Nullable<DateColumn>;
  legal_valid_to: Nullable<DateColumn>;
  deadlines: JsonColumn<StoredDeadlineRule[]>;
  candidate_facing: Generated<boolean>;
  residence_bound: Generated<boolean>;
  unchecked: ColumnType<string[], string[] | undefined, string[]>;
  earliest_date: Nullable<DateColumn>;
  due_date: Nullable<DateColumn>;
  dates: JsonColumn<{ kind: "no_earlier_than" | "at_latest"; label: string | null; date: string }[]>;
  status: Generated<"open" | "in_progress" | "done" | "not_needed">;
  reason: Nullable<string>;
  note: Nullable<string>;
  completed_on: Nullable<DateColumn>;
  document_ids: ColumnType<string[], string[] | undefined, string[]>;
  changed_by: Nullable<string>;
  changed_at: Ts;
}

// Declaration merging: the chain tables join the one Database type.
export interface Database {
  chain_template: ChainTemplateTable;
  chain_step: ChainStepTable;
  chain_run: ChainRunTable;
  chain_run_step: ChainRunStepTable;
}
