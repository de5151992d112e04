-- A hearing can be corrected afterwards; each correction keeps the hearing as it stood
-- before, with who changed it, when and why, so the record's history stays whole.
CREATE TABLE hearing_revision (
    id                    INTEGER PRIMARY KEY,
    municipality_id       INTEGER NOT NULL REFERENCES municipality (id),
    hearing_id            INTEGER NOT NULL REFERENCES hearing (id) ON DELETE CASCADE,
    held_on               TEXT NOT NULL,
    goals                 TEXT NOT NULL,
    worries               TEXT NOT NULL,
    constraints_confirmed BOOLEAN NOT NULL,
    notes                 TEXT NOT NULL,
    reason                TEXT NOT NULL,
    changed_by            INTEGER NOT NULL REFERENCES account (id),
    changed_at            TEXT NOT NULL
);
CREATE INDEX hearing_revision_of ON hearing_revision (municipality_id, hearing_id);
