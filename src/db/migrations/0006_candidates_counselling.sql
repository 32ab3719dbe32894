-- Young people (candidates) with their residence status in a table of its own (read only by permitted
-- roles, every read audited), consents with named purposes and recipients, counselling (consultations,
-- referrals with follow-ups), documents in the file storage, status history, and self-registrations
-- waiting for their double opt-in.

CREATE TABLE candidate (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Personal data: emptied by erasure and by the retention job (anonymised_at is then set).
  first_name text CHECK (length(first_name) BETWEEN 1 AND 100),
  last_name text CHECK (length(last_name) BETWEEN 1 AND 100),
  birth_date date CHECK (birth_date BETWEEN '1900-01-01' AND '2199-12-31'),
  phone text CHECK (length(phone) <= 40),
  email text CHECK (length(email) <= 200),
  messenger text CHECK (messenger IN ('none', 'whatsapp', 'signal', 'telegram', 'other')),
  preferred_language text NOT NULL DEFAULT 'de' CHECK (preferred_language IN ('de', 'en', 'ar', 'uk', 'fa')),
  postal_code char(5) CHECK (postal_code ~ '^\d{5}$'),
  city text,
  lat double precision,
  lon double precision,
  -- Kept after anonymisation: the district and the birth year are what reports count by.
  ags char(5),
  birth_year integer,
  in_service_region boolean NOT NULL DEFAULT false,
  german_level text CHECK (german_level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
  german_level_on date,
  german_level_source text CHECK (german_level_source IN ('certificate', 'placement_test', 'counsellor', 'self')),
  other_languages text[] NOT NULL DEFAULT '{}',
  school_certificate text CHECK (school_certificate IN ('none', 'lower_secondary', 'intermediate', 'upper_secondary')),
  school_country text CHECK (length(school_country) <= 100),
  school_recognition text NOT NULL DEFAULT 'none' CHECK (school_recognition IN ('none', 'applied', 'partial', 'full')),
  open_to_related_fields boolean NOT NULL DEFAULT false,
  has_driving_licence boolean NOT NULL DEFAULT false,
  has_car boolean NOT NULL DEFAULT false,
  max_commute_km integer CHECK (max_commute_km BETWEEN 0 AND 300),
  available_from date,
  support_needs text[] NOT NULL DEFAULT '{}',
  support_note text CHECK (length(support_note) <= 2000),
  responsible_user_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'active', 'placed', 'paused', 'closed')),
  status_changed_at timestamptz NOT NULL DEFAULT now(),
  source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'self_registration', 'import')),
  anonymised_at timestamptz,
  search_text text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (anonymised_at IS NOT NULL OR (first_name IS NOT NULL AND last_name IS NOT NULL))
);
CREATE INDEX candidate_search_trgm_idx ON candidate USING gin (search_text gin_trgm_ops);
CREATE INDEX candidate_list_idx ON candidate (search_text, id);
CREATE INDEX candidate_ags_list_idx ON candidate (ags, search_text, id);
CREATE INDEX candidate_status_idx ON candidate (status, ags, search_text, id);
CREATE INDEX candidate_created_idx ON candidate (created_at DESC, id);
CREATE INDEX candidate_closed_idx ON candidate (status_changed_at) WHERE status = 'closed' AND anonymised_at IS NULL;
CREATE INDEX candidate_responsible_idx ON candidate (responsible_user_id);
CREATE INDEX candidate_postal_code_idx ON candidate (postal_code);

-- Ranked wishes from the occupation catalogue.
CREATE TABLE candidate_occupation (
  candidate_id uuid NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
  rank integer NOT NULL CHECK (rank BETWEEN 1 AND 8),
  occupation_id text NOT NULL REFERENCES occupation (id),
  PRIMARY KEY (candidate_id, rank),
  UNIQUE (candidate_id, occupation_id)
);
CREATE INDEX candidate_occupation_occupation_idx ON candidate_occupation (occupation_id);

-- High-risk data (DOMAIN.md): a table of its own, so no list query can carry it by accident.
CREATE TABLE candidate_residence (
  candidate_id uuid PRIMARY KEY REFERENCES candidate (id) ON DELETE CASCADE,
  status text NOT NULL
    CHECK (status IN ('citizen', 'permit_work_allowed', 'gestattung', 'duldung', 'ausbildungsduldung', 'permit_16g', 'other')),
  work_permission text NOT NULL CHECK (work_permission IN ('allowed', 'needs_approval', 'forbidden')),
  valid_until date CHECK (valid_until BETWEEN '1990-01-01' AND '2199-12-31'),
  safe_country_of_origin boolean NOT NULL DEFAULT false,
  immigration_office text CHECK (length(immigration_office) <= 200),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE candidate_status_change (
  id bigserial PRIMARY KEY,
  candidate_id uuid NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
  from_status text,
  to_status text NOT NULL,
  note text,
  at timestamptz NOT NULL,
  user_id uuid REFERENCES app_user (id) ON DELETE SET NULL
);
CREATE INDEX candidate_status_change_candidate_idx ON candidate_status_change (candidate_id, at DESC);

-- Consent with named purposes and individually named recipients (DOMAIN.md, Art. 6(1)(a) DSGVO).
-- A self-registration's online consent counts only once a counsellor has confirmed it (confirmed_at).
CREATE TABLE consent (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  candidate_id uuid NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
  purposes text[] NOT NULL CHECK (cardinality(purposes) >= 1
    AND purposes <@ ARRAY['counselling', 'matching', 'share_with_company', 'share_with_partner']::text[]),
  given_at date NOT NULL,
  form text NOT NULL DEFAULT 'paper' CHECK (form IN ('paper', 'online')),
  given_by text NOT NULL DEFAULT 'self' CHECK (given_by IN ('self', 'guardian')),
  language text NOT NULL DEFAULT 'de' CHECK (language IN ('de', 'en', 'ar', 'uk', 'fa')),
  note text CHECK (length(note) <= 1000),
  confirmed_at timestamptz,
  confirmed_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
  withdrawn_at timestamptz,
  withdrawn_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
  recorded_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consent_candidate_idx ON consent (candidate_id, given_at DESC);
CREATE INDEX consent_matching_idx ON consent (candidate_id) WHERE withdrawn_at IS NULL AND confirmed_at IS NOT NULL;

-- Each recipient named individually: a company of Lotse, or a partner organisation (until the network
-- feature exists: its name and type).
CREATE TABLE consent_recipient (
  id bigserial PRIMARY KEY,
  consent_id uuid NOT NULL REFERENCES consent (id) ON DELETE CASCADE,
  company_id uuid REFERENCES company (id) ON DELETE CASCADE,
  partner_name text CHECK (length(partner_name) BETWEEN 2 AND 200),
  partner_type text,
  CHECK ((company_id IS NULL) <> (partner_name IS NULL))
);
CREATE INDEX consent_recipient_consent_idx ON consent_recipient (consent_id);
CREATE INDEX consent_recipient_company_idx ON consent_recipient (company_id);

-- Each time a profile went to a recipient (only under a consent naming it).
CREATE TABLE profile_share (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  candidate_id uuid NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
  consent_id uuid NOT NULL REFERENCES consent (id) ON DELETE CASCADE,
  company_id uuid REFERENCES company (id) ON DELETE SET NULL,
  partner_name text,
  note text,
  shared_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
  shared_at timestamptz NOT NULL
);
CREATE INDEX profile_share_candidate_idx ON profile_share (candidate_id, shared_at DESC);

CREATE TABLE consultation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  candidate_id uuid NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('first', 'referral', 'follow_up')),
  held_on date NOT NULL,
  duration_minutes integer CHECK (duration_minutes BETWEEN 1 AND 600),
  channel text NOT NULL DEFAULT 'in_person' CHECK (channel IN ('in_person', 'phone', 'video', 'messenger')),
  language text CHECK (length(language) <= 40),
  interpreter boolean NOT NULL DEFAULT false,
  topics text[] NOT NULL DEFAULT '{}',
  -- Free text: emptied by erasure (the kind, date, topics stay for the figures).
  notes text CHECK (length(notes) <= 10000),
  outcome text CHECK (length(outcome) <= 2000),
  next_step text CHECK (length(next_step) <= 500),
  next_step_due date,
  next_step_done_at timestamptz,
  user_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (next_step_due IS NULL OR next_step IS NOT NULL)
);
CREATE INDEX consultation_candidate_idx ON consultation (candidate_id, held_on DESC, created_at DESC);
CREATE INDEX consultation_held_idx ON consultation (held_on, kind);
CREATE INDEX consultation_due_idx ON consultation (next_step_due) WHERE next_step_due IS NOT NULL AND next_step_done_at IS NULL;

CREATE TABLE referral (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  candidate_id uuid NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
  consultation_id uuid REFERENCES consultation (id) ON DELETE SET NULL,
  partner_type text NOT NULL,
  partner_name text NOT NULL CHECK (length(partner_name) BETWEEN 2 AND 200),
  reason text CHECK (length(reason) <= 2000),
  referred_on date NOT NULL,
  follow_up_on date,
  outcome text NOT NULL DEFAULT 'in_progress' CHECK (outcome IN ('arrived', 'not_arrived', 'in_progress', 'unknown')),
  outcome_note text CHECK (length(outcome_note) <= 2000),
  outcome_recorded_at timestamptz,
  user_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX referral_candidate_idx ON referral (candidate_id, referred_on DESC);
-- A consultation's referrals (timeline, lists) and the ON DELETE SET NULL of consultations.
CREATE INDEX referral_consultation_idx ON referral (consultation_id);
CREATE INDEX referral_follow_up_idx ON referral (follow_up_on) WHERE outcome IN ('in_progress', 'unknown') AND follow_up_on IS NOT NULL;

CREATE TABLE candidate_document (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  candidate_id uuid NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('cv', 'certificate', 'other')),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 char(64) NOT NULL,
  storage_key text NOT NULL UNIQUE,
  uploaded_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX candidate_document_candidate_idx ON candidate_document (candidate_id, created_at DESC);

-- A self-registration waiting for its double opt-in: nothing becomes a candidate before the link in
-- the mail is opened; unconfirmed ones are deleted when they expire.
CREATE TABLE registration (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash char(64) NOT NULL UNIQUE,
  email text NOT NULL,
  language text NOT NULL CHECK (language IN ('de', 'en', 'ar', 'uk', 'fa')),
  payload jsonb NOT NULL,
  ip_hash char(64),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  confirmed_at timestamptz,
  candidate_id uuid REFERENCES candidate (id) ON DELETE SET NULL
);
CREATE INDEX registration_ip_idx ON registration (ip_hash, created_at);
CREATE INDEX registration_expires_idx ON registration (expires_at) WHERE confirmed_at IS NULL;

-- At most one waiting run of each scheduled job (retention): a second start does not queue it twice.
CREATE UNIQUE INDEX job_scheduled_once_idx ON job (kind) WHERE status = 'queued' AND kind LIKE 'scheduled.%';

-- The name as lists sort and search it ("nachname vorname", lower case, without accents), kept by the
-- database so imports, the demo seed and anonymisation cannot forget it.
CREATE FUNCTION candidate_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_text := lower(unaccent(coalesce(NEW.last_name, '') || ' ' || coalesce(NEW.first_name, '')));
  RETURN NEW;
END $$;
CREATE TRIGGER candidate_search_text_trigger BEFORE INSERT OR UPDATE OF first_name, last_name ON candidate
  FOR EACH ROW EXECUTE FUNCTION candidate_search_text();
