-- A staff list too long to make while the browser waits, made by the worker instead: asked
-- for by `account_id` (the only one who may fetch it) with the list's filters (`query`, as
-- the list page sends them) and `format`; `rows_total`/`rows_done` are its progress; `file`
-- and `file_name` the finished download, kept until `expires_at`. `refused` is why the file
-- could not be written (a character the chosen encoding lacks), for the requester to read.
CREATE TABLE list_export (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality (id),
    account_id      INTEGER NOT NULL REFERENCES account (id),
    list            TEXT NOT NULL,
    format          TEXT NOT NULL,
    query           TEXT NOT NULL,
    lang            TEXT NOT NULL,
    requested_at    TEXT NOT NULL,
    claimed_until   TEXT,
    rows_total      INTEGER,
    rows_done       INTEGER NOT NULL DEFAULT 0,
    ready_at        TEXT,
    expires_at      TEXT,
    downloaded_at   TEXT,
    refused         TEXT,
    file_name       TEXT,
    file            BLOB
);
CREATE INDEX list_export_by_account ON list_export (municipality_id, account_id);
CREATE INDEX list_export_pending ON list_export (ready_at, claimed_until);
