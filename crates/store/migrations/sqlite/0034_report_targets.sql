-- The town officer's yearly target per measure of the report (目標値), for the table of
-- targets and achievement that grant reviews use. A measure without a row has no target.
CREATE TABLE report_target (
    municipality_id INTEGER NOT NULL REFERENCES municipality (id),
    fiscal_year     INTEGER NOT NULL,
    measure         TEXT NOT NULL,
    target          INTEGER NOT NULL CHECK (target >= 0),
    set_by          INTEGER NOT NULL REFERENCES account (id),
    set_at          TEXT NOT NULL,
    PRIMARY KEY (municipality_id, fiscal_year, measure)
);
