-- The measures a town publishes on its public results page (suppressed as every file is).
CREATE TABLE report_published (
    municipality_id BIGINT NOT NULL REFERENCES municipality (id),
    measure         TEXT NOT NULL,
    PRIMARY KEY (municipality_id, measure)
);
