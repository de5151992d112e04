-- Coordinators find a person by name or reading however it is typed: `name_key` holds the name
-- and the furigana in search form (katakana as hiragana, no spaces, lower case; see
-- domain::furigana::search_key), written with the account. Rows from before this migration
-- are filled in by the store right after it runs (the folding is not expressible in both
-- dialects' SQL).
ALTER TABLE account ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
