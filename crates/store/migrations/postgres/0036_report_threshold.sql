-- The town's threshold for small counts: anything leaving the officer's screen (files, the
-- public results page) shows counts under it as 「―」.
ALTER TABLE municipality ADD COLUMN report_threshold INTEGER NOT NULL DEFAULT 10;
