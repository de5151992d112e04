-- Requests under the personal-data law that arrive outside the site (開示・訂正・利用停止):
-- received on a day, due by `deadline_on` (fixed from the town's setting when logged),
-- answered by someone with their answer.
CREATE TABLE data_request (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality (id),
    kind            TEXT NOT NULL,
    channel         TEXT NOT NULL,
    received_on     TEXT NOT NULL,
    deadline_on     TEXT NOT NULL,
    requester       TEXT NOT NULL,
    summary         TEXT NOT NULL,
    state           TEXT NOT NULL,
    answer          TEXT NOT NULL DEFAULT '',
    answered_on     TEXT,
    handled_by      INTEGER REFERENCES account (id),
    created_by      INTEGER NOT NULL REFERENCES account (id),
    created_at      TEXT NOT NULL
);
CREATE INDEX data_request_by_town ON data_request (municipality_id, state, deadline_on);
-- The town's deadline for them, in days from receipt.
ALTER TABLE town_page ADD COLUMN request_deadline_days INTEGER NOT NULL DEFAULT 15;
