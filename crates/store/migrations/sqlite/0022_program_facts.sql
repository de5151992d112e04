-- The program's facts, for the town's numbers: one row for each thing that happened
-- (registered, a hearing, attended or not, a credential, an introduction's stage, an outcome),
-- on its day in Japan, with what decides how it is counted as it stood then (the eligibility
-- basis at registration, the kind of event, the stage). `person` is the account's number with
-- no reference to it: the fact stays when the profile is edited or the account deleted, so a
-- closed fiscal year's figures do not change. Existing casework is written in below.
CREATE TABLE program_fact (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality (id),
    kind            TEXT NOT NULL,
    occurred_on     TEXT NOT NULL,
    person          INTEGER NOT NULL,
    detail          TEXT NOT NULL DEFAULT '',
    subject         INTEGER,
    children        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX program_fact_by_day ON program_fact (municipality_id, occurred_on);
CREATE INDEX program_fact_subject ON program_fact (municipality_id, kind, subject);

INSERT INTO program_fact (municipality_id, kind, occurred_on, person, detail)
SELECT a.municipality_id, 'registered', date(a.created_at, '+9 hours'), a.id, p.eligibility_basis
FROM account a JOIN participant_profile p ON p.account_id = a.id;

INSERT INTO program_fact (municipality_id, kind, occurred_on, person, subject)
SELECT h.municipality_id, 'hearing', h.held_on, h.participant_id, h.id FROM hearing h;

INSERT INTO program_fact (municipality_id, kind, occurred_on, person, detail, subject, children)
SELECT t.municipality_id, CASE WHEN t.attended THEN 'attended' ELSE 'no_show' END,
       date(s.starts_at, '+9 hours'), b.participant_id, e.kind, s.id, CASE WHEN t.attended THEN t.children_in_care ELSE 0 END
FROM attendance t JOIN booking b ON b.id = t.booking_id
JOIN event_session s ON s.id = t.session_id JOIN event e ON e.id = s.event_id;

INSERT INTO program_fact (municipality_id, kind, occurred_on, person, subject)
SELECT c.municipality_id, 'credential', date(c.awarded_at, '+9 hours'), c.participant_id, c.event_id FROM credential c;

INSERT INTO program_fact (municipality_id, kind, occurred_on, person, detail, subject)
SELECT v.municipality_id, 'introduction', date(v.at, '+9 hours'),
       COALESCE(v.participant_id, (SELECT MIN(m.participant_id) FROM introduction_member m WHERE m.introduction_id = v.introduction_id), 0), v.to_status, v.introduction_id
FROM introduction_event v WHERE v.to_status <> v.from_status;

INSERT INTO program_fact (municipality_id, kind, occurred_on, person, detail, subject)
SELECT i.municipality_id, 'outcome', date(i.concluded_at, '+9 hours'), m.participant_id, i.outcome, i.id
FROM introduction i JOIN introduction_member m ON m.introduction_id = i.id
WHERE i.outcome IS NOT NULL AND i.concluded_at IS NOT NULL;
