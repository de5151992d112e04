-- Requests a resident saved to come back to (保存した仕事), and the weekly mail of newly
-- published requests the engine finds fit for them, which they opt into: `job_mail_since` is
-- when they did (NULL: not receiving it), `job_mail_sent_at` when the last one was made.
CREATE TABLE saved_request (
    municipality_id INTEGER NOT NULL REFERENCES municipality (id),
    participant_id  INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    request_id      INTEGER NOT NULL REFERENCES request (id),
    saved_at        TEXT NOT NULL,
    PRIMARY KEY (participant_id, request_id)
);
CREATE INDEX saved_request_by_person ON saved_request (municipality_id, participant_id);
ALTER TABLE participant_profile ADD COLUMN job_mail_since TEXT;
ALTER TABLE participant_profile ADD COLUMN job_mail_sent_at TEXT;
