-- The organization's result after a meeting (`domain::introduction::result`): its verdict
-- (`hired` or `not_hired`), the reason chosen for `not_hired`, its note, and when it was
-- reported. A report, not the outcome: the coordinator confirms it by recording the outcome.
ALTER TABLE introduction ADD COLUMN result_verdict TEXT;
ALTER TABLE introduction ADD COLUMN result_reason TEXT;
ALTER TABLE introduction ADD COLUMN result_note TEXT NOT NULL DEFAULT '';
ALTER TABLE introduction ADD COLUMN result_reported_at TIMESTAMPTZ;
