//! A resident's "この仕事について相談したい" (an interest) in an open request: what it says and
//! where it stands. A coordinator answers it by introducing the person (which the store marks
//! when the introduction is made) or by noting that they were in touch; the person can
//! withdraw it, and say it again later.

use crate::FieldErrors;

crate::coded!(
    /// Where an interest stands, in words both the person and the coordinators read.
    InterestStatus {
        Waiting = "waiting" => "interest-status-waiting",
        Introduced = "introduced" => "interest-status-introduced",
        Answered = "answered" => "interest-status-answered",
        Withdrawn = "withdrawn" => "interest-status-withdrawn",
    }
);

impl InterestStatus {
    /// Whether it still waits for a coordinator.
    pub fn is_waiting(self) -> bool {
        self == InterestStatus::Waiting
    }

    /// What saying it again does: reopen it (`Some(Waiting)`), or nothing when it is still
    /// waiting or the person was already introduced.
    pub fn said_again(self) -> Option<InterestStatus> {
        match self {
            InterestStatus::Answered | InterestStatus::Withdrawn => Some(InterestStatus::Waiting),
            InterestStatus::Waiting | InterestStatus::Introduced => None,
        }
    }
}

/// The longest message a person may add for the coordinator.
pub const MESSAGE_MAX: usize = 500;

/// The person's optional words to the coordinator, checked: trimmed, at most [`MESSAGE_MAX`]
/// characters.
pub fn check_message(message: &str) -> Result<String, FieldErrors> {
    let mut errors = FieldErrors::default();
    let message =
        crate::field_errors::text(&mut errors, "interest_message", message, MESSAGE_MAX, false);
    if errors.is_empty() {
        Ok(message)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saying_it_again_reopens_only_what_was_closed_without_an_introduction() {
        assert_eq!(
            InterestStatus::Withdrawn.said_again(),
            Some(InterestStatus::Waiting)
        );
        assert_eq!(
            InterestStatus::Answered.said_again(),
            Some(InterestStatus::Waiting)
        );
        assert_eq!(InterestStatus::Waiting.said_again(), None);
        assert_eq!(InterestStatus::Introduced.said_again(), None);
        assert!(InterestStatus::Waiting.is_waiting());
    }

    #[test]
    fn a_message_is_trimmed_and_limited() {
        assert_eq!(
            check_message("  土曜も働けます \n").unwrap(),
            "土曜も働けます"
        );
        assert_eq!(check_message("").unwrap(), "");
        assert!(check_message(&"あ".repeat(MESSAGE_MAX)).is_ok());
        let errors = check_message(&"あ".repeat(MESSAGE_MAX + 1)).unwrap_err();
        assert_eq!(errors.code_for("interest_message"), Some("too-long"));
    }
}
