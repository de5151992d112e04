-- Residents' rights over their data (issue: download, delete).
-- `account.deleted_at`: the account was deleted; its row stays as a tombstone with every
-- personal column emptied (`store::personal_data`), so the audit log's entries and the town's
-- counts keep pointing at a number that names no one.
ALTER TABLE account ADD COLUMN deleted_at TEXT;

-- A download of one person's data, prepared by the worker: asked for (`requested_at`), built
-- (`ready_at`, `archive` the zip's bytes), fetched (`downloaded_at`), removed after
-- `expires_at`. `claimed_until` is the preparing worker's lease.
CREATE TABLE data_export (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality (id),
    account_id      INTEGER NOT NULL REFERENCES account (id),
    lang            TEXT NOT NULL,
    requested_at    TEXT NOT NULL,
    claimed_until   TEXT,
    ready_at        TEXT,
    expires_at      TEXT,
    downloaded_at   TEXT,
    archive         BLOB
);
CREATE INDEX data_export_by_account ON data_export (municipality_id, account_id);
CREATE INDEX data_export_pending ON data_export (ready_at, claimed_until);

-- Each deletion of an account: by the person, or by staff at the counter or on the phone,
-- with how the person's identity was checked. Names no one: the account is a tombstone.
CREATE TABLE account_deletion (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality (id),
    account_id      INTEGER NOT NULL REFERENCES account (id),
    channel         TEXT NOT NULL,
    identity_check  TEXT NOT NULL,
    handled_by      INTEGER REFERENCES account (id),
    deleted_at      TEXT NOT NULL
);
CREATE INDEX account_deletion_by_town ON account_deletion (municipality_id, deleted_at);
