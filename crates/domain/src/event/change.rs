//! Changing a saved event: whether an edit moves people (its time or place), and the reason a
//! cancellation gives them.

use chrono::{DateTime, Utc};

use super::EventDraft;
use crate::field_errors::{FieldErrors, text};

impl EventDraft {
    /// Whether this edit of a saved event changes when or where it takes place (what its
    /// registrants must be told): a session's times, the place or the online address.
    pub fn moves(&self, saved: &Whereabouts<'_>) -> bool {
        self.sessions != saved.sessions
            || self.place != saved.place
            || self.online_url != saved.online_url
    }
}

/// The reason a cancellation gives the people booked: required, at most 500 characters.
pub fn cancel_reason(raw: &str) -> Result<String, FieldErrors> {
    let mut errors = FieldErrors::default();
    let reason = text(&mut errors, "cancel_reason", raw, 500, true);
    if errors.is_empty() {
        Ok(reason)
    } else {
        Err(errors)
    }
}

/// When and where a saved event takes place.
#[derive(Debug, Clone, Copy)]
pub struct Whereabouts<'a> {
    pub sessions: &'a [(DateTime<Utc>, DateTime<Utc>)],
    pub place: &'a str,
    pub online_url: &'a str,
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, NaiveTime};

    use super::*;
    use crate::event::{EventInput, at_jst};
    use crate::skill::Taxonomy;

    fn now() -> DateTime<Utc> {
        at_jst(
            NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
            NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        )
    }

    fn seminar() -> EventInput {
        EventInput {
            kind: "seminar".into(),
            title: "はじめての再就職セミナー".into(),
            description: "働き方の選び方".into(),
            place: "長泉町公民館 2階 研修室".into(),
            date: "2026-12-10".into(),
            start_time: "10:00".into(),
            end_time: "12:00".into(),
            capacity: "50".into(),
            public: true,
            ..EventInput::default()
        }
    }

    #[test]
    fn a_cancellation_needs_a_reason_of_reasonable_length() {
        assert_eq!(
            cancel_reason("  講師の急病のため  ").unwrap(),
            "講師の急病のため"
        );
        assert_eq!(
            cancel_reason(" ").unwrap_err().code_for("cancel_reason"),
            Some("required")
        );
        assert_eq!(
            cancel_reason(&"あ".repeat(501))
                .unwrap_err()
                .code_for("cancel_reason"),
            Some("too-long")
        );
    }

    #[test]
    fn an_edit_moves_people_when_the_time_or_place_changes() {
        let taxonomy = Taxonomy::shipped().unwrap();
        let saved = EventDraft::parse(&seminar(), &taxonomy, now()).unwrap();
        let whereabouts = Whereabouts {
            sessions: &saved.sessions,
            place: &saved.place,
            online_url: &saved.online_url,
        };
        let edit = |input: EventInput| EventDraft::parse(&input, &taxonomy, now()).unwrap();
        let retitled = edit(EventInput {
            title: "再就職セミナー".into(),
            description: "書き直した説明".into(),
            ..seminar()
        });
        assert!(!retitled.moves(&whereabouts));
        for moved in [
            EventInput {
                start_time: "10:30".into(),
                ..seminar()
            },
            EventInput {
                date: "2026-12-11".into(),
                ..seminar()
            },
            EventInput {
                place: "長泉町役場 3階".into(),
                ..seminar()
            },
            EventInput {
                online_url: "https://meet.example.jp/a".into(),
                ..seminar()
            },
        ] {
            assert!(edit(moved).moves(&whereabouts));
        }
    }
}
