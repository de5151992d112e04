-- Towns (tenants) and their announcements.
CREATE TABLE municipality (
    id                      INTEGER PRIMARY KEY,
    slug                    TEXT NOT NULL,
    name_ja                 TEXT NOT NULL,
    name_en                 TEXT NOT NULL,
    eligibility_rule        TEXT NOT NULL,
    fiscal_year_start_month INTEGER NOT NULL CHECK (fiscal_year_start_month BETWEEN 1 AND 12),
    contact_email           TEXT NOT NULL,
    contact_phone           TEXT NOT NULL,
    created_at              TEXT NOT NULL,
    CONSTRAINT municipality_slug_key UNIQUE (slug)
);

CREATE TABLE announcement (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality (id),
    title_ja        TEXT NOT NULL,
    title_en        TEXT NOT NULL,
    body_ja         TEXT NOT NULL,
    body_en         TEXT NOT NULL,
    published_at    TEXT NOT NULL
);
CREATE INDEX announcement_municipality_published ON announcement (municipality_id, published_at);
