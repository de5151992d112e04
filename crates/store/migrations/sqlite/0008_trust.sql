-- Sign-up starts with the email address: a single-use, expiring link proves it before an
-- account exists. Only the token's digest is stored.
CREATE TABLE signup_verification (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality (id),
    email           TEXT NOT NULL,
    token_hash      TEXT NOT NULL UNIQUE,
    created_at      TEXT NOT NULL,
    expires_at      TEXT NOT NULL,
    used_at         TEXT
);
CREATE INDEX signup_verification_email ON signup_verification (municipality_id, email);

-- Requests counted per key in a fixed window ("reset:<town>:<email>", "signup:ip:<address>", …).
CREATE TABLE rate_window (
    key          TEXT PRIMARY KEY,
    window_start TEXT NOT NULL,
    hits         INTEGER NOT NULL
);

-- The people whose data an audited view showed: one row per person per entry, so officers can
-- ask who looked at one person's data. Append-only like the log itself.
CREATE TABLE audit_subject (
    audit_id        INTEGER NOT NULL REFERENCES audit_log (id),
    municipality_id INTEGER REFERENCES municipality (id),
    account_id      INTEGER NOT NULL,
    PRIMARY KEY (audit_id, account_id)
);
CREATE INDEX audit_subject_account ON audit_subject (account_id, audit_id);
CREATE TRIGGER audit_subject_no_update BEFORE UPDATE ON audit_subject
BEGIN SELECT RAISE(ABORT, 'audit_subject is append-only'); END;
CREATE TRIGGER audit_subject_no_delete BEFORE DELETE ON audit_subject
BEGIN SELECT RAISE(ABORT, 'audit_subject is append-only'); END;
