-- The person's answer to a proposed meeting time (`domain::introduction::meeting::MeetingAnswer`):
-- `waiting` after each proposal, then `accepted` or `another_time` with their message. The
-- day-before reminder is sent once per proposal (`meeting_reminded_at` is cleared by a new one).
ALTER TABLE introduction ADD COLUMN meeting_answer TEXT NOT NULL DEFAULT 'waiting';
ALTER TABLE introduction ADD COLUMN meeting_answer_note TEXT NOT NULL DEFAULT '';
ALTER TABLE introduction ADD COLUMN meeting_reminded_at TEXT;
