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
  at: Generated<Date>;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Generated<Date>;
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
  chamber: "IHK" | "HWK" | "other";
  kldb: string;
  search_text: string;
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
