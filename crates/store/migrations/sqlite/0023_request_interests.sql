-- A resident's "この仕事について相談したい" about an open request: one row per person and
-- request, said again by reopening it. `status` is `domain::request::interest::InterestStatus`;
-- an introduction of the person to the request marks it `introduced`.
CREATE TABLE request_interest (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality (id),
    request_id      INTEGER NOT NULL REFERENCES request (id),
    participant_id  INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    message         TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    answered_at     TEXT,
    answered_by     INTEGER REFERENCES account (id),
    CONSTRAINT request_interest_once UNIQUE (request_id, participant_id)
);
CREATE INDEX request_interest_by_status ON request_interest (municipality_id, status);
CREATE INDEX request_interest_by_person ON request_interest (municipality_id, participant_id);
