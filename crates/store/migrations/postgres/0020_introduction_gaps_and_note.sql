-- An introduction keeps what the shortlist showed when it was made: the skill gaps (as
-- `skill_id:needed:has:required|nice`, comma separated) beside the reasons, and the personal
-- note the coordinator wrote to the person, which their offer and page show.
ALTER TABLE introduction ADD COLUMN gaps TEXT NOT NULL DEFAULT '';
ALTER TABLE introduction ADD COLUMN personal_note TEXT NOT NULL DEFAULT '';
