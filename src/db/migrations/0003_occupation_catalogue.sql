-- Occupation catalogue with stable ids: the sync upserts by id and retires what left the catalogue
-- (offers and candidates keep pointing at it), instead of deleting and re-inserting the table.

ALTER TABLE occupation ADD COLUMN kldb5 text;
ALTER TABLE occupation ADD COLUMN chambers jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE occupation ADD COLUMN valid_from date;
ALTER TABLE occupation ADD COLUMN valid_until date;
ALTER TABLE occupation ADD COLUMN former_names jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE occupation ADD COLUMN replaces jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE occupation ADD COLUMN synonyms jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE occupation ADD COLUMN retired_at timestamptz;

-- Rows of the old catalogue: a 5-digit code moves to kldb5, kldb becomes the 3-digit group.
UPDATE occupation SET kldb5 = CASE WHEN length(kldb) = 5 THEN kldb END, kldb = left(kldb, 3);
UPDATE occupation SET chambers = jsonb_build_array(chamber);

ALTER TABLE occupation ADD CONSTRAINT occupation_kldb_group CHECK (kldb ~ '^\d{3}$');
ALTER TABLE occupation ADD CONSTRAINT occupation_kldb5_check CHECK (kldb5 IS NULL OR (kldb5 ~ '^\d{5}$' AND left(kldb5, 3) = kldb));
ALTER TABLE occupation ADD CONSTRAINT occupation_chambers_array CHECK (jsonb_typeof(chambers) = 'array');
ALTER TABLE occupation ADD CONSTRAINT occupation_validity CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_from <= valid_until);

-- Search offers only what is in the catalogue now.
CREATE INDEX occupation_current_name_idx ON occupation (name) WHERE retired_at IS NULL;

-- The next start loads the catalogue again into the new columns.
DELETE FROM reference_version WHERE name = 'occupations';
