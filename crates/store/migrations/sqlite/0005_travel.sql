-- A town's areas and the travel minutes between them (see domain::travel), and the area a
-- participant lives in. Replaced as a whole when the town loads a new table.

CREATE TABLE town_area (
    municipality_id INTEGER NOT NULL REFERENCES municipality (id),
    code            TEXT NOT NULL,
    name_ja         TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    position        INTEGER NOT NULL,
    PRIMARY KEY (municipality_id, code)
);

CREATE TABLE town_travel (
    municipality_id INTEGER NOT NULL REFERENCES municipality (id),
    from_area       TEXT NOT NULL,
    to_area         TEXT NOT NULL,
    minutes         INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 600),
    PRIMARY KEY (municipality_id, from_area, to_area)
);

ALTER TABLE municipality ADD COLUMN travel_default_minutes INTEGER NOT NULL DEFAULT 15;
ALTER TABLE participant_profile ADD COLUMN home_area TEXT;
