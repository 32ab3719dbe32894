import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

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

export interface Database {
  app_user: AppUserTable;
  user_district: UserDistrictTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  audit_log: AuditLogTable;
  occupation: OccupationTable;
  reference_version: ReferenceVersionTable;
}
