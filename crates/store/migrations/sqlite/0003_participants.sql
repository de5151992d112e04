-- Participants: profile, skills, goal-track history, consents, hearings, follow-ups and the
-- case timeline. Children are counts per age band only; there is no field for health.

CREATE TABLE participant_profile (
    account_id            INTEGER PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    municipality_id       INTEGER NOT NULL REFERENCES municipality (id),
    eligibility_basis     TEXT NOT NULL,
    phone                 TEXT NOT NULL DEFAULT '',
    postal_code           TEXT NOT NULL DEFAULT '',
    goal_track            TEXT,
    work_history          TEXT NOT NULL DEFAULT '',
    career_gap_months     INTEGER NOT NULL DEFAULT 0,
    availability          TEXT NOT NULL,
    free_days             TEXT NOT NULL DEFAULT '',
    max_minutes_per_week  INTEGER NOT NULL DEFAULT 0,
    earliest_start        TEXT,
    income_cap            TEXT NOT NULL DEFAULT 'none',
    income_cap_yen        INTEGER,
    expected_hourly_wage  INTEGER,
    work_place            TEXT NOT NULL DEFAULT 'either',
    commute_minutes       INTEGER NOT NULL DEFAULT 0,
    drives                BOOLEAN NOT NULL DEFAULT FALSE,
    children_age0         INTEGER NOT NULL DEFAULT 0,
    children_age1_2       INTEGER NOT NULL DEFAULT 0,
    children_age3_5       INTEGER NOT NULL DEFAULT 0,
    children_school       INTEGER NOT NULL DEFAULT 0,
    profile_updated_at    TEXT,
    last_contact_at       TEXT
);
CREATE INDEX participant_profile_municipality ON participant_profile (municipality_id);

CREATE TABLE participant_skill (
    account_id      INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    municipality_id INTEGER NOT NULL REFERENCES municipality (id),
    skill_id        TEXT NOT NULL,
    level           INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
    evidence        TEXT NOT NULL DEFAULT '',
    verified_by     INTEGER REFERENCES account (id),
    verified_at     TEXT,
    PRIMARY KEY (account_id, skill_id)
);
CREATE INDEX participant_skill_lookup ON participant_skill (municipality_id, skill_id);

CREATE TABLE goal_track_change (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality (id),
    account_id      INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    goal_track      TEXT NOT NULL,
    changed_by      INTEGER REFERENCES account (id),
    changed_at      TEXT NOT NULL
);

CREATE TABLE consent (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality (id),
    account_id      INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    version         TEXT NOT NULL,
    given_at        TEXT NOT NULL,
    withdrawn_at    TEXT
);
CREATE INDEX consent_account ON consent (account_id, kind);

CREATE TABLE hearing (
    id                    INTEGER PRIMARY KEY,
    municipality_id       INTEGER NOT NULL REFERENCES municipality (id),
    participant_id        INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    coordinator_id        INTEGER NOT NULL REFERENCES account (id),
    held_on               TEXT NOT NULL,
    goals                 TEXT NOT NULL DEFAULT '',
    worries               TEXT NOT NULL DEFAULT '',
    constraints_confirmed BOOLEAN NOT NULL DEFAULT FALSE,
    notes                 TEXT NOT NULL DEFAULT '',
    created_at            TEXT NOT NULL
);
CREATE INDEX hearing_participant ON hearing (municipality_id, participant_id);

CREATE TABLE follow_up (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality (id),
    participant_id  INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    assigned_to     INTEGER NOT NULL REFERENCES account (id),
    due_on          TEXT NOT NULL,
    note            TEXT NOT NULL DEFAULT '',
    done_at         TEXT,
    created_at      TEXT NOT NULL
);
CREATE INDEX follow_up_due ON follow_up (municipality_id, assigned_to, done_at, due_on);

CREATE TABLE case_event (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality (id),
    participant_id  INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    summary         TEXT NOT NULL DEFAULT '',
    actor_id        INTEGER REFERENCES account (id),
    at              TEXT NOT NULL
);
CREATE INDEX case_event_participant ON case_event (municipality_id, participant_id, at);
