-- Accounts, sessions, invitations, password resets, sign-in throttling, the audit log and the
-- mail outbox.

-- A platform-wide secret (HMAC key for CSRF tokens), made once so app nodes share it.
CREATE TABLE server_key (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Organizations that bring work; the organizations issue adds their details.
CREATE TABLE organization (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality (id),
    name            TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    CONSTRAINT organization_name_key UNIQUE (municipality_id, name)
);

-- One account is one person's role in one town; operators have no town.
CREATE TABLE account (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER REFERENCES municipality (id),
    role            TEXT NOT NULL,
    organization_id INTEGER REFERENCES organization (id),
    email           TEXT NOT NULL,
    display_name    TEXT NOT NULL,
    furigana        TEXT NOT NULL,
    password_hash   TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    password_changed_at TEXT NOT NULL,
    CONSTRAINT account_email_key UNIQUE (municipality_id, email)
);
CREATE UNIQUE INDEX account_operator_email ON account (email) WHERE municipality_id IS NULL;

CREATE TABLE session (
    id_hash      TEXT PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at   TEXT NOT NULL
);
CREATE INDEX session_account ON session (account_id);

CREATE TABLE invitation (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality (id),
    email           TEXT NOT NULL,
    role            TEXT NOT NULL,
    organization_id INTEGER REFERENCES organization (id),
    token_hash      TEXT NOT NULL UNIQUE,
    invited_by      INTEGER NOT NULL REFERENCES account (id),
    created_at      TEXT NOT NULL,
    expires_at      TEXT NOT NULL,
    accepted_at     TEXT
);
CREATE INDEX invitation_municipality ON invitation (municipality_id, created_at);

CREATE TABLE password_reset (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT
);

-- Failed sign-ins by key ("account:<town>:<email>" or "ip:<address>").
CREATE TABLE signin_throttle (
    key             TEXT PRIMARY KEY,
    failures        INTEGER NOT NULL,
    last_failure_at TEXT NOT NULL,
    locked_until    TEXT
);

-- Who did what to which record, when and from where. Append-only.
CREATE TABLE audit_log (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER REFERENCES municipality (id),
    actor_id        INTEGER REFERENCES account (id),
    actor_role      TEXT NOT NULL,
    action          TEXT NOT NULL,
    target_type     TEXT NOT NULL,
    target_id       TEXT NOT NULL,
    detail          TEXT NOT NULL,
    ip              TEXT NOT NULL,
    at              TEXT NOT NULL
);
CREATE INDEX audit_log_municipality ON audit_log (municipality_id, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- Messages waiting to be sent, and sent ones, for delivery and for the staff's view.
CREATE TABLE outbox_message (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER REFERENCES municipality (id),
    kind            TEXT NOT NULL,
    recipient       TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body_text       TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    next_attempt_at TEXT NOT NULL,
    sent_at         TEXT
);
CREATE INDEX outbox_message_pending ON outbox_message (sent_at, next_attempt_at);
