//! What a page says after an introduction was made or moved and the browser was sent back
//! (`?done=…`): the introduction's own pages, and the request page or participant record the
//! shortlist that made it lives on.

use crate::page::Page;

/// A notice after a redirect (`?done=…`).
pub fn notice(page: &Page, done: Option<&str>) -> Option<String> {
    page.done_notice(done, Done::from_code)
}

domain::coded!(
    /// What the page says after a move, from the redirect's `?done=…`; any other value says
    /// nothing.
    Done {
        Created = "created" => "introduction-done-created",
        Moved = "moved" => "introduction-done-moved",
        Stale = "stale" => "introduction-done-stale",
        Duplicate = "duplicate" => "introduction-done-duplicate",
        NoteTooLong = "note-too-long" => "introduction-done-note-too-long",
        Consent = "consent" => "introduction-done-consent",
        Decline = "decline" => "introduction-done-decline",
        Withdraw = "withdraw" => "introduction-done-withdraw",
        MeetingAccepted = "meeting-accepted" => "meeting-answered-accepted",
        MeetingAnotherTime = "meeting-another-time" => "meeting-answered-another_time",
        ResultReported = "result-reported" => "introduction-done-result-reported",
    }
);
