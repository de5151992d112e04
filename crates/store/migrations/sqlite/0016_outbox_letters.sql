-- Mail is written when it is sent, in the recipient's language at that moment (web::mail):
-- a message keeps the language it was queued in (used when the address has no account) and
-- its letter, the kind's arguments as JSON. Messages queued before keep their written body and
-- an empty letter, and are sent as written.
ALTER TABLE outbox_message ADD COLUMN lang TEXT NOT NULL DEFAULT 'ja';
ALTER TABLE outbox_message ADD COLUMN letter TEXT NOT NULL DEFAULT '';
