-- Events with their sessions and the skills a course teaches; bookings with the childcare
-- each asked for (per age band), the waitlist and seat offers; attendance per session;
-- course credentials; private calendar feed tokens.

CREATE TABLE event (
    id                 INTEGER PRIMARY KEY,
    municipality_id    INTEGER NOT NULL REFERENCES municipality (id),
    kind               TEXT NOT NULL,
    status             TEXT NOT NULL,
    title              TEXT NOT NULL,
    title_en           TEXT NOT NULL DEFAULT '',
    description        TEXT NOT NULL,
    place              TEXT NOT NULL DEFAULT '',
    online_url         TEXT NOT NULL DEFAULT '',
    starts_at          TEXT NOT NULL,
    ends_at            TEXT NOT NULL,
    capacity           INTEGER NOT NULL CHECK (capacity > 0),
    opens_at           TEXT NOT NULL,
    closes_at          TEXT NOT NULL,
    cancel_deadline    TEXT NOT NULL,
    childcare          BOOLEAN NOT NULL,
    carers             INTEGER NOT NULL DEFAULT 0,
    children_programme TEXT NOT NULL DEFAULT '',
    public             BOOLEAN NOT NULL DEFAULT TRUE,
    host_id            INTEGER NOT NULL REFERENCES account (id),
    booking_version    INTEGER NOT NULL DEFAULT 0,
    created_at         TEXT NOT NULL
);
CREATE INDEX event_upcoming ON event (municipality_id, status, starts_at);

CREATE TABLE event_session (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality (id),
    event_id        INTEGER NOT NULL REFERENCES event (id),
    starts_at       TEXT NOT NULL,
    ends_at         TEXT NOT NULL
);
CREATE INDEX event_session_of ON event_session (event_id, starts_at);

CREATE TABLE event_skill (
    event_id        INTEGER NOT NULL REFERENCES event (id),
    municipality_id INTEGER NOT NULL REFERENCES municipality (id),
    skill_id        TEXT NOT NULL,
    level           INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
    PRIMARY KEY (event_id, skill_id)
);

CREATE TABLE booking (
    id               INTEGER PRIMARY KEY,
    municipality_id  INTEGER NOT NULL REFERENCES municipality (id),
    event_id         INTEGER NOT NULL REFERENCES event (id),
    participant_id   INTEGER NOT NULL REFERENCES account (id),
    status           TEXT NOT NULL,
    children_age0    INTEGER NOT NULL DEFAULT 0,
    children_age1_2  INTEGER NOT NULL DEFAULT 0,
    children_age3_5  INTEGER NOT NULL DEFAULT 0,
    children_school  INTEGER NOT NULL DEFAULT 0,
    offered_until    TEXT,
    reminded_at      TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE UNIQUE INDEX booking_one_active ON booking (event_id, participant_id)
    WHERE status IN ('confirmed', 'waitlisted', 'offered');
CREATE INDEX booking_of_event ON booking (event_id, status, id);
CREATE INDEX booking_of_participant ON booking (municipality_id, participant_id);

CREATE TABLE attendance (
    booking_id         INTEGER NOT NULL REFERENCES booking (id),
    session_id         INTEGER NOT NULL REFERENCES event_session (id),
    municipality_id    INTEGER NOT NULL REFERENCES municipality (id),
    attended           BOOLEAN NOT NULL,
    children_in_care   INTEGER NOT NULL DEFAULT 0,
    recorded_by        INTEGER NOT NULL REFERENCES account (id),
    recorded_at        TEXT NOT NULL,
    PRIMARY KEY (booking_id, session_id)
);

CREATE TABLE credential (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality (id),
    participant_id  INTEGER NOT NULL REFERENCES account (id),
    event_id        INTEGER NOT NULL REFERENCES event (id),
    awarded_at      TEXT NOT NULL,
    CONSTRAINT credential_once UNIQUE (participant_id, event_id)
);

CREATE TABLE calendar_token (
    account_id      INTEGER PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    municipality_id INTEGER NOT NULL REFERENCES municipality (id),
    token_hash      TEXT NOT NULL UNIQUE,
    created_at      TEXT NOT NULL
);
