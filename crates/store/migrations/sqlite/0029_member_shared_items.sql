-- What each person chose to share with the organization when they consented
-- (`domain::introduction::SharedItem` codes, comma-separated); '' for consents from before the
-- choice, which shared every item.
ALTER TABLE introduction_member ADD COLUMN shared_items TEXT NOT NULL DEFAULT '';
