-- Introductions (紹介) with each member's consent, their history, what was shared with whom
-- (APPI third-party provision records), outcome follow-ups; in-app notifications and each
-- account's channels and language; outbox claims, HTML bodies and dead letters for the worker.

CREATE TABLE introduction (
    id                INTEGER PRIMARY KEY,
    municipality_id   INTEGER NOT NULL REFERENCES municipality (id),
    request_id        INTEGER NOT NULL REFERENCES request (id),
    organization_id   INTEGER NOT NULL REFERENCES organization (id),
    kind              TEXT NOT NULL,
    status            TEXT NOT NULL,
    fit_score         INTEGER NOT NULL DEFAULT 0,
    reasons           TEXT NOT NULL DEFAULT '',
    common_time       TEXT NOT NULL DEFAULT '',
    created_by        INTEGER NOT NULL REFERENCES account (id),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    meeting_at        TEXT,
    meeting_place     TEXT NOT NULL DEFAULT '',
    started_on        TEXT,
    outcome           TEXT,
    outcome_reason    TEXT,
    outcome_minutes   INTEGER,
    pay_band          TEXT,
    concluded_at      TEXT,
    organization_note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX introduction_request ON introduction (municipality_id, request_id);
CREATE INDEX introduction_organization ON introduction (municipality_id, organization_id, status);

CREATE TABLE introduction_member (
    introduction_id INTEGER NOT NULL REFERENCES introduction (id),
    participant_id  INTEGER NOT NULL REFERENCES account (id),
    municipality_id INTEGER NOT NULL REFERENCES municipality (id),
    status          TEXT NOT NULL,
    decline_reason  TEXT NOT NULL DEFAULT '',
    responded_at    TEXT,
    PRIMARY KEY (introduction_id, participant_id)
);
CREATE INDEX introduction_member_participant ON introduction_member (municipality_id, participant_id);

CREATE TABLE introduction_event (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality (id),
    introduction_id INTEGER NOT NULL REFERENCES introduction (id),
    participant_id  INTEGER REFERENCES account (id),
    action          TEXT NOT NULL,
    from_status     TEXT NOT NULL,
    to_status       TEXT NOT NULL,
    actor_id        INTEGER NOT NULL REFERENCES account (id),
    note            TEXT NOT NULL DEFAULT '',
    at              TEXT NOT NULL
);
CREATE INDEX introduction_event_of ON introduction_event (introduction_id, id);

CREATE TABLE provision_record (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality (id),
    introduction_id INTEGER NOT NULL REFERENCES introduction (id),
    participant_id  INTEGER NOT NULL REFERENCES account (id),
    organization_id INTEGER NOT NULL REFERENCES organization (id),
    items           TEXT NOT NULL,
    provided_at     TEXT NOT NULL,
    stopped_at      TEXT
);
CREATE INDEX provision_record_participant ON provision_record (municipality_id, participant_id);

ALTER TABLE follow_up ADD COLUMN introduction_id INTEGER REFERENCES introduction (id);
ALTER TABLE follow_up ADD COLUMN answer TEXT NOT NULL DEFAULT '';
ALTER TABLE follow_up ADD COLUMN notified_at TEXT;

CREATE TABLE notification (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER REFERENCES municipality (id),
    account_id      INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    title           TEXT NOT NULL,
    body            TEXT NOT NULL,
    link            TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    read_at         TEXT
);
CREATE INDEX notification_unread ON notification (account_id, read_at, id);

ALTER TABLE account ADD COLUMN notify_by_email BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE account ADD COLUMN notify_in_app BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE account ADD COLUMN lang TEXT NOT NULL DEFAULT 'ja';

ALTER TABLE outbox_message ADD COLUMN body_html TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox_message ADD COLUMN claimed_by TEXT;
ALTER TABLE outbox_message ADD COLUMN claimed_until TEXT;
ALTER TABLE outbox_message ADD COLUMN dead_at TEXT;
