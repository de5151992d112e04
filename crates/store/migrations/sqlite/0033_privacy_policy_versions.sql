-- Versions of a town's privacy policy as its staff publish them, with what changed. The
-- newest is in force; a resident whose privacy consent names an older one is asked to read
-- and accept it again. A town with none uses the platform's first version.
CREATE TABLE privacy_policy (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality (id),
    version         TEXT NOT NULL,
    changes_ja      TEXT NOT NULL,
    changes_en      TEXT NOT NULL,
    published_by    INTEGER NOT NULL REFERENCES account (id),
    published_at    TEXT NOT NULL,
    UNIQUE (municipality_id, version)
);
