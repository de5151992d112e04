-- A request may carry an English version of its title and description, and an event of its
-- description (its title already may). Empty means none: English pages then show the
-- Japanese, marked as Japanese.
ALTER TABLE request ADD COLUMN title_en TEXT NOT NULL DEFAULT '';
ALTER TABLE request ADD COLUMN description_en TEXT NOT NULL DEFAULT '';
ALTER TABLE event ADD COLUMN description_en TEXT NOT NULL DEFAULT '';
