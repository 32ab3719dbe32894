-- Process chains (Prozesskette, issue 10): templates per district with versions and ordered steps; runs for one
-- match with their steps (a copy of the template's steps as they were when the run started, with the due
-- dates computed then and refreshed on every write of the run).

CREATE TABLE chain_template (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- The districts (AGS) the template is for; NULL: every district. Halle and Saalekreis share one template.
  districts text[] CHECK (districts IS NULL OR cardinality(districts) BETWEEN 1 AND 20),
  -- The line of versions: the sorted AGS joined by commas, '*' for every district. One published template per line.
  district_key text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  valid_from date NOT NULL CHECK (valid_from BETWEEN '1990-01-01' AND '2199-12-31'),
  valid_to date CHECK (valid_to IS NULL OR (valid_to >= valid_from AND valid_to <= '2199-12-31')),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'retired')),
  -- The template this one was copied from (a transfer to another district, or the previous version).
  source_template_id uuid REFERENCES chain_template (id) ON DELETE SET NULL,
  note text CHECK (length(note) <= 2000),
  -- Reference data shipped with Lotse carry a key, so a start never inserts them twice.
  seed_key text UNIQUE,
  created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  published_at timestamptz,
  published_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
  retired_at timestamptz,
  UNIQUE (district_key, version),
  CHECK ((status = 'draft') = (published_at IS NULL))
);
CREATE UNIQUE INDEX chain_template_published_key ON chain_template (district_key) WHERE status = 'published';
CREATE INDEX chain_template_status_idx ON chain_template (status, created_at DESC);

CREATE TABLE chain_step (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  template_id uuid NOT NULL REFERENCES chain_template (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position BETWEEN 1 AND 60),
  code text CHECK (code IN ('company_authorisation', 'requirements_profile', 'candidate_search', 'residence_check',
    'orientation_internship', 'entry_qualification', 'contract_registration', 'work_permit', 'ausbildungsduldung',
    'support_instruments', 'during_training', 'exam_preparation', 'after_qualifying', 'one_stop_agency')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text CHECK (length(description) <= 4000),
  lead_actor text NOT NULL CHECK (lead_actor IN ('company', 'candidate', 'counsellor', 'chamber', 'employment_agency',
    'jobcenter', 'immigration_office', 'vocational_school', 'asa_provider', 'other')),
  supporting_actors text[] NOT NULL DEFAULT '{}',
  -- The organisation of the district that plays the role (a partner link once the network feature exists).
  organisation_name text CHECK (length(organisation_name) <= 200),
  organisation_contact text CHECK (length(organisation_contact) <= 500),
  documents text[] NOT NULL DEFAULT '{}',
  legal_basis text CHECK (length(legal_basis) <= 300),
  legal_valid_from date CHECK (legal_valid_from BETWEEN '1900-01-01' AND '2199-12-31'),
  legal_valid_to date CHECK (legal_valid_to BETWEEN '1900-01-01' AND '2199-12-31'),
  typical_duration_days integer CHECK (typical_duration_days BETWEEN 0 AND 1500),
  -- [{ anchor, stage, amount, unit, direction, kind, label }]
  deadlines jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- When the step applies; NULL: always.
  condition_residence text[],
  condition_place_kinds text[],
  condition_under18 boolean,
  local boolean NOT NULL DEFAULT false,
  candidate_facing boolean NOT NULL DEFAULT false,
  -- Fields still to check after a transfer: organisation, contact, step.
  to_check text[] NOT NULL DEFAULT '{}',
  source_step_id uuid REFERENCES chain_step (id) ON DELETE SET NULL
);
CREATE INDEX chain_step_template_idx ON chain_step (template_id, position);

CREATE TABLE chain_run (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- One run per match: a second start finds the first.
  match_id uuid NOT NULL UNIQUE REFERENCES match (id) ON DELETE CASCADE,
  -- The version the run started with; it stays on it (a published template is never changed).
  template_id uuid NOT NULL REFERENCES chain_template (id) ON DELETE RESTRICT,
  template_version integer NOT NULL,
  -- Both districts, as on the match: the run is visible to the counsellors of either side.
  candidate_ags char(5),
  offer_ags char(5),
  place_kind text NOT NULL CHECK (place_kind IN ('training', 'entry_qualification', 'internship')),
  training_start date NOT NULL CHECK (training_start BETWEEN '1990-01-01' AND '2199-12-31'),
  training_end date CHECK (training_end BETWEEN '1990-01-01' AND '2199-12-31'),
  language text NOT NULL DEFAULT 'de' CHECK (language IN ('de', 'en', 'ar', 'uk', 'fa')),
  started_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz
);
CREATE INDEX chain_run_offer_ags_idx ON chain_run (offer_ags, started_at DESC);
CREATE INDEX chain_run_candidate_ags_idx ON chain_run (candidate_ags, started_at DESC);
CREATE INDEX chain_run_template_idx ON chain_run (template_id);

CREATE TABLE chain_run_step (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  run_id uuid NOT NULL REFERENCES chain_run (id) ON DELETE CASCADE,
  template_step_id uuid REFERENCES chain_step (id) ON DELETE SET NULL,
  position integer NOT NULL,
  code text,
  title text NOT NULL,
  description text,
  lead_actor text NOT NULL,
  organisation_name text,
  organisation_contact text,
  documents text[] NOT NULL DEFAULT '{}',
  legal_basis text,
  legal_valid_from date,
  legal_valid_to date,
  deadlines jsonb NOT NULL DEFAULT '[]'::jsonb,
  candidate_facing boolean NOT NULL DEFAULT false,
  -- The step is there because of the person's residence status: shown only to roles that may read it.
  residence_bound boolean NOT NULL DEFAULT false,
  -- Conditions that could not be checked when the run started ('residence', 'age'): kept, with a warning.
  unchecked text[] NOT NULL DEFAULT '{}',
  earliest_date date,
  due_date date,
  -- [{ kind, label, date }]
  dates jsonb NOT NULL DEFAULT '[]'::jsonb,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'not_needed')),
  reason text CHECK (length(reason) <= 500),
  note text CHECK (length(note) <= 4000),
  completed_on date CHECK (completed_on BETWEEN '1990-01-01' AND '2199-12-31'),
  document_ids uuid[] NOT NULL DEFAULT '{}',
  changed_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
  changed_at timestamptz,
  CHECK (status <> 'not_needed' OR reason IS NOT NULL),
  CHECK ((status = 'done') = (completed_on IS NOT NULL))
);
CREATE INDEX chain_run_step_run_idx ON chain_run_step (run_id, position);
CREATE INDEX chain_run_step_due_idx ON chain_run_step (due_date) WHERE status IN ('open', 'in_progress');
