-- The coordinator's list of participants reads a town's participants in furigana order, a page
-- at a time: with this index it reads the page's rows instead of sorting the whole town
-- (49 ms at 50,000 participants on SQLite, 140 ms on PostgreSQL, before it).
CREATE INDEX account_participants_by_reading ON account (municipality_id, role, furigana, id);
