-- A person's skills are read and rewritten by (municipality_id, account_id). With the index on
-- (municipality_id, skill_id), SQLite without planner statistics (a new or freshly loaded
-- database) chose it over the primary key and scanned the whole town's skills for each
-- person, which made loading a big town quadratic. Skill first: it still finds who has a
-- skill, and can no longer be mistaken for a lookup by person.
DROP INDEX participant_skill_lookup;
CREATE INDEX participant_skill_lookup ON participant_skill (skill_id, municipality_id);
