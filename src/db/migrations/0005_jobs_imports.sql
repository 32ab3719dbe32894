-- Long work in the database (decision record 0007): jobs claimed with FOR UPDATE SKIP LOCKED under a lease
-- that a heartbeat renews, with progress, result and error stored; imports of companies and their training
-- places keep the uploaded file, the report per row and the column mapping per file layout.

CREATE TABLE job (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  -- Who asked: the job runs with this person's scope and audit identity (a snapshot taken when asked).
  requested_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
  requested_as jsonb,
  progress double precision NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 1),
  -- What is happening, as a message (German source text with parameters), translated when read.
  progress_text jsonb,
  result jsonb,
  error jsonb,
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 3 CHECK (max_attempts >= 1),
  run_after timestamptz NOT NULL,
  locked_by text,
  locked_until timestamptz,
  created_at timestamptz NOT NULL,
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz NOT NULL
);
CREATE INDEX job_queued_idx ON job (run_after, created_at) WHERE status = 'queued';
CREATE INDEX job_running_idx ON job (locked_until) WHERE status = 'running';

CREATE TABLE data_import (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
  format text NOT NULL CHECK (format IN ('csv', 'xlsx', 'jobsuche')),
  file_name text,
  file_size integer NOT NULL,
  -- The uploaded file; emptied once the commit is done (the report per row stays).
  content bytea NOT NULL,
  columns jsonb NOT NULL DEFAULT '[]'::jsonb,
  mapping jsonb NOT NULL DEFAULT '{}'::jsonb,
  mapping_source text NOT NULL DEFAULT 'detected' CHECK (mapping_source IN ('given', 'remembered', 'detected')),
  layout_hash text,
  row_count integer,
  dry_run_job_id uuid REFERENCES job (id) ON DELETE SET NULL,
  commit_job_id uuid REFERENCES job (id) ON DELETE SET NULL,
  -- The commit's checkpoint: rows up to this number are written (advanced in each batch's transaction).
  committed_rows integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL
);
CREATE INDEX data_import_created_by_idx ON data_import (created_by, created_at DESC);

CREATE TABLE data_import_row (
  import_id uuid NOT NULL REFERENCES data_import (id) ON DELETE CASCADE,
  phase text NOT NULL CHECK (phase IN ('dry_run', 'commit')),
  row_no integer NOT NULL,
  action text NOT NULL CHECK (action IN ('create', 'update', 'reject')),
  reasons jsonb,
  -- The cells of a rejected row, for the download of rejected rows.
  cells jsonb,
  PRIMARY KEY (import_id, phase, row_no)
);
CREATE INDEX data_import_row_rejected_idx ON data_import_row (import_id, phase, row_no) WHERE action = 'reject';

-- The column mapping chosen for a file layout (a hash of its header row), offered again for the next file.
CREATE TABLE import_layout (
  layout_hash text PRIMARY KEY,
  format text NOT NULL,
  columns jsonb NOT NULL,
  mapping jsonb NOT NULL,
  updated_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL
);
