-- More of the program's facts, for the town's numbers: the goal track a person chose, the
-- age bands of the children in care at a session, and each request's first publication with
-- its organization's kind. Bookings and check-ins are counted from now on (no earlier record
-- says whether a booking was waitlisted when asked, or what a check-in found).
INSERT INTO program_fact (municipality_id, kind, occurred_on, person, detail)
SELECT g.municipality_id, 'goal_chosen', date(g.changed_at, '+9 hours'), g.account_id, g.goal_track
FROM goal_track_change g;

INSERT INTO program_fact (municipality_id, kind, occurred_on, person, detail, subject, children)
SELECT t.municipality_id, 'children_of_age', date(s.starts_at, '+9 hours'), b.participant_id, band.code, s.id, band.n
FROM attendance t JOIN booking b ON b.id = t.booking_id
JOIN event_session s ON s.id = t.session_id
JOIN (SELECT id, 'age0' AS code, children_age0 AS n FROM booking
      UNION ALL SELECT id, 'age1_2', children_age1_2 FROM booking
      UNION ALL SELECT id, 'age3_5', children_age3_5 FROM booking
      UNION ALL SELECT id, 'school', children_school FROM booking) band ON band.id = b.id
WHERE t.attended AND t.children_in_care > 0 AND band.n > 0;

INSERT INTO program_fact (municipality_id, kind, occurred_on, person, detail, subject)
SELECT r.municipality_id, 'request_published', date(r.published_at, '+9 hours'), r.created_by, r.kind, r.id
FROM request r WHERE r.published_at IS NOT NULL;

INSERT INTO program_fact (municipality_id, kind, occurred_on, person, detail, subject)
SELECT r.municipality_id, 'organization_active', date(r.published_at, '+9 hours'), r.created_by, o.kind, o.id
FROM request r JOIN organization o ON o.id = r.organization_id WHERE r.published_at IS NOT NULL;
