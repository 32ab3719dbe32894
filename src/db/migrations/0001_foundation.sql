-- Foundation: accounts, sessions, sign-in throttling, audit log, occupation catalogue.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TABLE app_user (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'coordinator', 'counsellor', 'partner')),
  organisation text,
  password_hash text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT false,
  totp_secret text,
  totp_enabled boolean NOT NULL DEFAULT false,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email));

CREATE TABLE user_district (
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  ags char(5) NOT NULL,
  PRIMARY KEY (user_id, ags)
);
CREATE INDEX user_district_ags_idx ON user_district (ags);

CREATE TABLE session (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  second_factor_pending boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX session_user_idx ON session (user_id);

CREATE TABLE login_attempt (
  id bigserial PRIMARY KEY,
  key text NOT NULL,
  succeeded boolean NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempt_key_at_idx ON login_attempt (key, at);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  actor_email text,
  entity text NOT NULL,
  entity_id text,
  action text NOT NULL,
  changed_fields jsonb NOT NULL DEFAULT '[]'::jsonb,
  request_id text,
  ip text
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id);

-- The audit log is append-only: no role of the application may change or remove an entry.
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

CREATE TABLE occupation (
  id text PRIMARY KEY,
  name text NOT NULL,
  months integer NOT NULL CHECK (months BETWEEN 12 AND 48),
  chamber text NOT NULL CHECK (chamber IN ('IHK', 'HWK', 'other')),
  kldb text NOT NULL CHECK (kldb ~ '^\d{3}(\d{2})?$'),
  search_text text NOT NULL
);
CREATE INDEX occupation_search_trgm_idx ON occupation USING gin (search_text gin_trgm_ops);

CREATE TABLE reference_version (
  name text PRIMARY KEY,
  checksum text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);
