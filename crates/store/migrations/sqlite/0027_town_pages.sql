-- What a town's pages say of it, written by its staff (`domain::town_page`): empty texts fall
-- back to the platform's words. The contact stays on `municipality`.
CREATE TABLE town_page (
    municipality_id INTEGER PRIMARY KEY REFERENCES municipality (id),
    program_name_ja TEXT NOT NULL DEFAULT '',
    program_name_en TEXT NOT NULL DEFAULT '',
    lead_ja         TEXT NOT NULL DEFAULT '',
    lead_en         TEXT NOT NULL DEFAULT '',
    office_ja       TEXT NOT NULL DEFAULT '',
    office_en       TEXT NOT NULL DEFAULT '',
    accent          TEXT NOT NULL DEFAULT '',
    updated_at      TEXT NOT NULL
);
