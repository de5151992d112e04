-- A town's logo for its home page: the image's bytes and its type (PNG, JPEG or WebP, checked
-- by `domain::town_page::logo_type`); NULL for none.
ALTER TABLE town_page ADD COLUMN logo BLOB;
ALTER TABLE town_page ADD COLUMN logo_type TEXT NOT NULL DEFAULT '';
