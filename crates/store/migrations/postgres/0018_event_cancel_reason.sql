-- A cancelled event keeps the reason its registrants were told, for its page and the staff's
-- lists.
ALTER TABLE event ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT '';
