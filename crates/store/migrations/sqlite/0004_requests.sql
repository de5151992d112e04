-- Organizations' details, requests (jobs and team projects) with their skills and review
-- history, and enquiries from the public "work with us" form.

ALTER TABLE municipality ADD COLUMN prefecture TEXT NOT NULL DEFAULT 'shizuoka';

ALTER TABLE organization ADD COLUMN kind TEXT NOT NULL DEFAULT 'company';
ALTER TABLE organization ADD COLUMN location TEXT NOT NULL DEFAULT 'in_town';
ALTER TABLE organization ADD COLUMN name_en TEXT NOT NULL DEFAULT '';
ALTER TABLE organization ADD COLUMN contact_person TEXT NOT NULL DEFAULT '';
ALTER TABLE organization ADD COLUMN description TEXT NOT NULL DEFAULT '';

CREATE TABLE request (
    id                    INTEGER PRIMARY KEY,
    municipality_id       INTEGER NOT NULL REFERENCES municipality (id),
    organization_id       INTEGER NOT NULL REFERENCES organization (id),
    kind                  TEXT NOT NULL,
    status                TEXT NOT NULL,
    close_reason          TEXT,
    title                 TEXT NOT NULL,
    description           TEXT NOT NULL,
    work_mode             TEXT NOT NULL,
    location_area         TEXT NOT NULL,
    flexible              BOOLEAN NOT NULL,
    windows               TEXT NOT NULL,
    latest_end            INTEGER,
    days_per_week         INTEGER,
    min_minutes           INTEGER NOT NULL,
    max_minutes           INTEGER NOT NULL,
    start_date            TEXT,
    contract              TEXT,
    pay_unit              TEXT,
    pay_yen               INTEGER,
    headcount             INTEGER,
    deliverable           TEXT NOT NULL DEFAULT '',
    team_min              INTEGER,
    team_max              INTEGER,
    milestones            TEXT NOT NULL DEFAULT '',
    budget_yen            INTEGER,
    meeting_mode          TEXT,
    meeting_minutes       INTEGER,
    flag_within_cap       BOOLEAN NOT NULL DEFAULT FALSE,
    flag_gap_welcome      BOOLEAN NOT NULL DEFAULT FALSE,
    flag_sudden_absence   BOOLEAN NOT NULL DEFAULT FALSE,
    flag_children_welcome BOOLEAN NOT NULL DEFAULT FALSE,
    created_by            INTEGER NOT NULL REFERENCES account (id),
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    published_at          TEXT
);
CREATE INDEX request_public ON request (municipality_id, status, id);
CREATE INDEX request_organization ON request (municipality_id, organization_id);

CREATE TABLE request_skill (
    request_id      INTEGER NOT NULL REFERENCES request (id) ON DELETE CASCADE,
    municipality_id INTEGER NOT NULL REFERENCES municipality (id),
    skill_id        TEXT NOT NULL,
    level           INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
    required        BOOLEAN NOT NULL,
    PRIMARY KEY (request_id, skill_id, required)
);
CREATE INDEX request_skill_lookup ON request_skill (municipality_id, skill_id);

CREATE TABLE request_event (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality (id),
    request_id      INTEGER NOT NULL REFERENCES request (id) ON DELETE CASCADE,
    action          TEXT NOT NULL,
    from_status     TEXT NOT NULL,
    to_status       TEXT NOT NULL,
    actor_id        INTEGER REFERENCES account (id),
    comment         TEXT NOT NULL DEFAULT '',
    at              TEXT NOT NULL
);
CREATE INDEX request_event_request ON request_event (municipality_id, request_id, id);

CREATE TABLE enquiry (
    id                INTEGER PRIMARY KEY,
    municipality_id   INTEGER NOT NULL REFERENCES municipality (id),
    organization_name TEXT NOT NULL,
    kind              TEXT NOT NULL,
    location          TEXT NOT NULL,
    contact_person    TEXT NOT NULL,
    email             TEXT NOT NULL,
    phone             TEXT NOT NULL DEFAULT '',
    message           TEXT NOT NULL DEFAULT '',
    status            TEXT NOT NULL DEFAULT 'new',
    organization_id   INTEGER REFERENCES organization (id),
    handled_by        INTEGER REFERENCES account (id),
    handled_at        TEXT,
    created_at        TEXT NOT NULL
);
CREATE INDEX enquiry_status ON enquiry (municipality_id, status, id);
