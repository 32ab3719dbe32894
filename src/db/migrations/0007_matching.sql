-- Matching in daily work: the legal facts the engine flags, matches with their stages and history,
-- matching runs with their stored result, commutes checked by hand, and the change log that keeps every
-- app instance's in-memory snapshot current (decision record 0010).

-- Facts for the legal flags (§ 60c checklist, tied permits, JArbSchG). Residence facts stay in their own table.
ALTER TABLE candidate_residence
  ADD COLUMN held_since date CHECK (held_since BETWEEN '1990-01-01' AND '2199-12-31'),
  ADD COLUMN identity_clarified boolean NOT NULL DEFAULT false,
  ADD COLUMN has_passport boolean NOT NULL DEFAULT false,
  ADD COLUMN tied_company_id uuid REFERENCES company (id) ON DELETE SET NULL;
ALTER TABLE candidate
  ADD COLUMN school_obligation_until date CHECK (school_obligation_until BETWEEN '1990-01-01' AND '2199-12-31'),
  ADD COLUMN j1_examined_on date CHECK (j1_examined_on BETWEEN '1990-01-01' AND '2199-12-31');

CREATE TABLE matching_run (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  job_id uuid REFERENCES job (id) ON DELETE SET NULL,
  mode text NOT NULL CHECK (mode IN ('optimal', 'stable')),
  -- The districts the run read (the requester's scope or a part of it); NULL: every district.
  districts char(5)[],
  requested_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  finished_at timestamptz,
  candidate_count integer,
  offer_count integer,
  place_count integer,
  assigned_count integer,
  -- The sum of the assigned pairs' scores in score units (1/10,000): exact, the shown total is this / 10,000.
  total_units bigint,
  blocking_pairs integer
);
CREATE INDEX matching_run_created_idx ON matching_run (created_at DESC);

CREATE TABLE match (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  candidate_id uuid NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
  offer_id uuid NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
  company_id uuid NOT NULL REFERENCES company (id) ON DELETE CASCADE,
  -- Both districts: the match is visible to the candidate's and to the place's counsellors.
  candidate_ags char(5),
  offer_ags char(5),
  stage text NOT NULL DEFAULT 'suggested' CHECK (stage IN ('suggested', 'proposed', 'interview', 'internship',
    'entry_qualification', 'contract', 'registered', 'started', 'completed', 'declined', 'ended_early')),
  stage_changed_at timestamptz NOT NULL,
  score_units integer CHECK (score_units BETWEEN 0 AND 10000),
  declined_by text CHECK (declined_by IN ('company', 'candidate', 'service_point')),
  declined_reason text CHECK (declined_reason IN ('company_chose_other', 'not_interested', 'german_level', 'commute',
    'residence', 'no_show', 'place_filled', 'other')),
  ended_on date CHECK (ended_on BETWEEN '1990-01-01' AND '2199-12-31'),
  ended_reason text CHECK (ended_reason IN ('candidate_quit', 'company_terminated', 'mutual', 'residence_ended', 'moved', 'other')),
  note text CHECK (length(note) <= 2000),
  run_id uuid REFERENCES matching_run (id) ON DELETE SET NULL,
  proposed_at timestamptz,
  created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((stage = 'declined') = (declined_reason IS NOT NULL AND declined_by IS NOT NULL)),
  CHECK ((stage = 'ended_early') = (ended_on IS NOT NULL AND ended_reason IS NOT NULL))
);
-- One match per person and place: a second click finds the first.
CREATE UNIQUE INDEX match_pair_key ON match (candidate_id, offer_id);
CREATE INDEX match_offer_idx ON match (offer_id);
CREATE INDEX match_stage_candidate_ags_idx ON match (candidate_ags, stage, stage_changed_at DESC);
CREATE INDEX match_stage_offer_ags_idx ON match (offer_ags, stage, stage_changed_at DESC);
CREATE INDEX match_stage_idx ON match (stage, stage_changed_at DESC, id);

CREATE TABLE match_stage_change (
  id bigserial PRIMARY KEY,
  match_id uuid NOT NULL REFERENCES match (id) ON DELETE CASCADE,
  from_stage text,
  to_stage text NOT NULL,
  reason text,
  note text,
  at timestamptz NOT NULL,
  user_id uuid REFERENCES app_user (id) ON DELETE SET NULL
);
CREATE INDEX match_stage_change_match_idx ON match_stage_change (match_id, at);
CREATE INDEX match_stage_change_at_idx ON match_stage_change (at, to_stage);

-- A run's result: one row per candidate it considered, with the place assigned or the reason why not.
CREATE TABLE matching_run_pair (
  run_id uuid NOT NULL REFERENCES matching_run (id) ON DELETE CASCADE,
  candidate_id uuid NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
  offer_id uuid REFERENCES offer (id) ON DELETE CASCADE,
  score_units integer,
  reason text,
  feasible_offers integer NOT NULL DEFAULT 0,
  match_id uuid REFERENCES match (id) ON DELETE SET NULL,
  PRIMARY KEY (run_id, candidate_id)
);
CREATE INDEX matching_run_pair_assigned_idx ON matching_run_pair (run_id, score_units DESC, candidate_id) WHERE offer_id IS NOT NULL;

-- A counsellor checked a commute by hand (a bus line the station data do not know): the limit is lifted for that place.
CREATE TABLE commute_check (
  candidate_id uuid NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
  offer_id uuid NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
  checked_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
  checked_at timestamptz NOT NULL,
  note text CHECK (length(note) <= 500),
  PRIMARY KEY (candidate_id, offer_id)
);

-- The change log the snapshots read: every write to what the engine sees notes the record ('c' candidate,
-- 'o' offer); a statement touching thousands of rows notes one 'r' (rebuild). Each app instance reads the
-- log from its last sequence number before it answers, so several instances on one PostgreSQL stay current.
CREATE TABLE matching_change (
  seq bigserial PRIMARY KEY,
  kind char(1) NOT NULL CHECK (kind IN ('c', 'o', 'r')),
  ref uuid,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX matching_change_at_idx ON matching_change (at);
-- Up to which sequence number the log was pruned: a snapshot older than that rebuilds.
CREATE TABLE matching_change_pruned (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  upto bigint NOT NULL DEFAULT 0
);
INSERT INTO matching_change_pruned DEFAULT VALUES;

CREATE FUNCTION matching_note_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  n bigint;
  rel text := CASE WHEN TG_OP = 'DELETE' THEN 'old_rows' ELSE 'new_rows' END;
BEGIN
  EXECUTE format('SELECT count(*) FROM %I', rel) INTO n;
  IF n > 5000 THEN
    INSERT INTO matching_change (kind, ref) VALUES ('r', NULL);
  ELSIF n > 0 THEN
    EXECUTE format('INSERT INTO matching_change (kind, ref) SELECT DISTINCT %L, %I FROM %I', TG_ARGV[0], TG_ARGV[1], rel);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER offer_matching_insert AFTER INSERT ON offer REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION matching_note_rows('o', 'id');
CREATE TRIGGER offer_matching_update AFTER UPDATE ON offer REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION matching_note_rows('o', 'id');
CREATE TRIGGER offer_matching_delete AFTER DELETE ON offer REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION matching_note_rows('o', 'id');
CREATE TRIGGER candidate_matching_insert AFTER INSERT ON candidate REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION matching_note_rows('c', 'id');
CREATE TRIGGER candidate_matching_update AFTER UPDATE ON candidate REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION matching_note_rows('c', 'id');
CREATE TRIGGER candidate_matching_delete AFTER DELETE ON candidate REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION matching_note_rows('c', 'id');
CREATE TRIGGER candidate_occupation_matching_insert AFTER INSERT ON candidate_occupation REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION matching_note_rows('c', 'candidate_id');
CREATE TRIGGER candidate_occupation_matching_delete AFTER DELETE ON candidate_occupation REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION matching_note_rows('c', 'candidate_id');
CREATE TRIGGER candidate_residence_matching_insert AFTER INSERT ON candidate_residence REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION matching_note_rows('c', 'candidate_id');
CREATE TRIGGER candidate_residence_matching_update AFTER UPDATE ON candidate_residence REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION matching_note_rows('c', 'candidate_id');
CREATE TRIGGER candidate_residence_matching_delete AFTER DELETE ON candidate_residence REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION matching_note_rows('c', 'candidate_id');
CREATE TRIGGER consent_matching_insert AFTER INSERT ON consent REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION matching_note_rows('c', 'candidate_id');
CREATE TRIGGER consent_matching_update AFTER UPDATE ON consent REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION matching_note_rows('c', 'candidate_id');
CREATE TRIGGER consent_matching_delete AFTER DELETE ON consent REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION matching_note_rows('c', 'candidate_id');
CREATE TRIGGER commute_check_matching_insert AFTER INSERT ON commute_check REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION matching_note_rows('c', 'candidate_id');
CREATE TRIGGER commute_check_matching_delete AFTER DELETE ON commute_check REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION matching_note_rows('c', 'candidate_id');
