-- A notification keeps its kind's arguments (JSON), so the list shows it in the language the
-- reader reads the page in; title and body stay as written, for rows from before.
ALTER TABLE notification ADD COLUMN args TEXT NOT NULL DEFAULT '';
