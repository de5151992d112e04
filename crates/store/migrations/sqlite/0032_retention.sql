-- Retention (`domain::retention`): when an account was last signed in to, and the warnings
-- sent before an unused one is deleted; a town's own periods; and what each run removed.
ALTER TABLE account ADD COLUMN last_seen_at TEXT;
ALTER TABLE account ADD COLUMN retention_warnings INTEGER NOT NULL DEFAULT 0;
ALTER TABLE account ADD COLUMN retention_warned_at TEXT;
CREATE TABLE retention_setting (
    municipality_id INTEGER NOT NULL REFERENCES municipality (id),
    kind            TEXT NOT NULL,
    months          INTEGER NOT NULL,
    PRIMARY KEY (municipality_id, kind)
);
CREATE TABLE retention_run (
    id                INTEGER PRIMARY KEY,
    municipality_id   INTEGER NOT NULL REFERENCES municipality (id),
    ran_at            TEXT NOT NULL,
    warned            INTEGER NOT NULL,
    accounts          INTEGER NOT NULL,
    provision_records INTEGER NOT NULL,
    data_requests     INTEGER NOT NULL,
    sent_mail         INTEGER NOT NULL
);
CREATE INDEX retention_run_by_town ON retention_run (municipality_id, id);
