-- Companies (Betriebe) with contacts, the acquisition pipeline and its history, the contact log
-- (activities with next steps), and training places (offers).

CREATE TABLE company (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  legal_form text,
  street text,
  postal_code char(5) NOT NULL CHECK (postal_code ~ '^\d{5}$'),
  city text,
  ags char(5),
  lat double precision,
  lon double precision,
  in_service_region boolean NOT NULL DEFAULT false,
  sector text,
  size_class text CHECK (size_class IN ('1-9', '10-49', '50-249', '250+')),
  chamber text CHECK (chamber IN ('ihk', 'hwk', 'other')),
  membership_number text,
  migrant_led boolean,
  migrant_led_recorded_on date,
  may_train text NOT NULL DEFAULT 'unknown' CHECK (may_train IN ('unknown', 'checking', 'authorised', 'not_authorised')),
  trainer_qualified boolean,
  website text,
  tags text[] NOT NULL DEFAULT '{}',
  responsible_user_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
  stage text NOT NULL DEFAULT 'contacted'
    CHECK (stage IN ('contacted', 'informed', 'interested', 'needs_profiled', 'training', 'paused', 'declined')),
  stage_changed_at timestamptz NOT NULL DEFAULT now(),
  declined_reason text CHECK (declined_reason IN ('no_need', 'no_capacity', 'no_trainer', 'language_concerns', 'bad_experience', 'other')),
  declined_note text,
  source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'import', 'jobsuche')),
  external_ref text,
  search_text text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX company_search_trgm_idx ON company USING gin (search_text gin_trgm_ops);
CREATE INDEX company_ags_name_idx ON company (ags, search_text, id);
CREATE INDEX company_name_idx ON company (search_text, id);
CREATE INDEX company_created_idx ON company (created_at DESC, id);
CREATE INDEX company_stage_idx ON company (stage, ags);
CREATE INDEX company_stage_changed_idx ON company (stage, stage_changed_at DESC, id);
CREATE INDEX company_postal_code_idx ON company (postal_code);
CREATE UNIQUE INDEX company_external_ref_key ON company (source, external_ref) WHERE external_ref IS NOT NULL;

CREATE TABLE company_contact (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id uuid NOT NULL REFERENCES company (id) ON DELETE CASCADE,
  name text NOT NULL,
  function text,
  phone text,
  email text,
  preferred_language text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX company_contact_company_idx ON company_contact (company_id);

CREATE TABLE company_stage_change (
  id bigserial PRIMARY KEY,
  company_id uuid NOT NULL REFERENCES company (id) ON DELETE CASCADE,
  from_stage text,
  to_stage text NOT NULL,
  reason text,
  note text,
  at timestamptz NOT NULL,
  user_id uuid REFERENCES app_user (id) ON DELETE SET NULL
);
CREATE INDEX company_stage_change_company_idx ON company_stage_change (company_id, at DESC);

CREATE TABLE company_activity (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id uuid NOT NULL REFERENCES company (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('call', 'visit', 'email', 'letter', 'event', 'note')),
  occurred_on date NOT NULL,
  user_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
  summary text NOT NULL,
  outcome text,
  next_step text,
  next_step_due date,
  next_step_done_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((next_step IS NULL) = (next_step_due IS NULL))
);
CREATE INDEX company_activity_company_idx ON company_activity (company_id, occurred_on DESC);
CREATE INDEX company_activity_due_idx ON company_activity (next_step_due) WHERE next_step_due IS NOT NULL AND next_step_done_at IS NULL;
-- A company's earliest open next step (lists, board): one index probe per company, whatever the statistics say.
CREATE INDEX company_activity_open_step_idx ON company_activity (company_id, next_step_due) WHERE next_step_done_at IS NULL;

CREATE TABLE offer (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id uuid NOT NULL REFERENCES company (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('training', 'entry_qualification', 'internship')),
  occupation_id text NOT NULL REFERENCES occupation (id),
  title text,
  places integer NOT NULL CHECK (places BETWEEN 1 AND 500),
  start_date date NOT NULL,
  eq_months integer CHECK (eq_months BETWEEN 1 AND 24),
  postal_code char(5) NOT NULL CHECK (postal_code ~ '^\d{5}$'),
  ags char(5),
  lat double precision,
  lon double precision,
  min_school_certificate text CHECK (min_school_certificate IN ('none', 'lower_secondary', 'intermediate', 'upper_secondary')),
  min_german_level text CHECK (min_german_level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
  driving_licence boolean NOT NULL DEFAULT false,
  requirements_note text,
  description text,
  contact_id uuid REFERENCES company_contact (id) ON DELETE SET NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('draft', 'open', 'filled', 'withdrawn')),
  source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'import', 'jobsuche')),
  external_ref text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- A company's open places (lists, board) from the index alone; also the foreign-key lookups.
CREATE INDEX offer_company_idx ON offer (company_id, status) INCLUDE (places);
CREATE INDEX offer_occupation_ags_idx ON offer (occupation_id, ags, start_date, id);
CREATE INDEX offer_ags_start_idx ON offer (ags, start_date, id);
CREATE INDEX offer_status_idx ON offer (status, start_date);
CREATE UNIQUE INDEX offer_external_ref_key ON offer (source, external_ref) WHERE external_ref IS NOT NULL;
