//! The organization's result after a meeting (採用 / 見送り, with a reason from a list and a
//! note). It is the organization's report, not the outcome: the coordinator confirms it by
//! recording the outcome, which starts from what the report suggests.

use super::{IntroductionStatus, NotPlacedReason, OutcomeKind};
use crate::coded;
use crate::field_errors::FieldErrors;

/// Longest note with a result, in characters.
pub const RESULT_NOTE_MAX: usize = 500;

coded!(
    /// What the organization decided after meeting the person.
    Verdict {
        Hired = "hired" => "verdict-hired",
        NotHired = "not_hired" => "verdict-not-hired",
    }
);

coded!(
    /// Why the organization did not go on (見送り), as it chooses from a list.
    PassReason {
        Schedule = "schedule" => "pass-reason-schedule",
        Skills = "skills" => "pass-reason-skills",
        Conditions = "conditions" => "pass-reason-conditions",
        Filled = "filled" => "pass-reason-filled",
        /// The person decided not to go on.
        PersonDeclined = "person_declined" => "pass-reason-person-declined",
        Other = "other" => "pass-reason-other",
    }
);

impl PassReason {
    /// The reason the outcome records for this one.
    pub fn not_placed_reason(self) -> NotPlacedReason {
        match self {
            PassReason::Schedule => NotPlacedReason::Schedule,
            PassReason::Conditions => NotPlacedReason::PayOrConditions,
            PassReason::Skills | PassReason::Filled => NotPlacedReason::OrganizationChoice,
            PassReason::PersonDeclined => NotPlacedReason::ParticipantChoice,
            PassReason::Other => NotPlacedReason::Other,
        }
    }
}

/// The organization's report of the result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganizationResult {
    pub verdict: Verdict,
    /// For 見送り: why.
    pub reason: Option<PassReason>,
    pub note: String,
}

/// The result form as typed.
#[derive(Debug, Clone, Default)]
pub struct ResultInput {
    pub verdict: String,
    pub pass_reason: String,
    pub result_note: String,
}

impl OrganizationResult {
    /// A verdict is chosen; 見送り needs its reason, and "other" needs the note that says it;
    /// the note has a limit. Errors name the form's fields.
    pub fn parse(input: &ResultInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let verdict = Verdict::from_code(input.verdict.trim());
        let note = input.result_note.trim().to_owned();
        if verdict.is_none() {
            errors.add("verdict", "choose-one");
        }
        let reason = match verdict {
            Some(Verdict::NotHired) => {
                let reason = PassReason::from_code(input.pass_reason.trim());
                if reason.is_none() {
                    errors.add("pass_reason", "choose-one");
                }
                if reason == Some(PassReason::Other) && note.is_empty() {
                    errors.add("result_note", "result-note-required");
                }
                reason
            }
            _ => None,
        };
        if note.chars().count() > RESULT_NOTE_MAX {
            errors.add("result_note", "too-long");
        }
        match verdict {
            Some(verdict) if errors.is_empty() => Ok(OrganizationResult {
                verdict,
                reason,
                note,
            }),
            _ => Err(errors),
        }
    }

    /// Whether the organization may report a result now: once a meeting is set or the work
    /// has started, until the coordinator records the outcome.
    pub fn may_record(status: IntroductionStatus) -> bool {
        matches!(
            status,
            IntroductionStatus::MeetingScheduled | IntroductionStatus::Engaged
        )
    }

    /// What the coordinator's outcome form starts from: 見送り is "not placed" for the
    /// matching reason; for 採用 the coordinator chooses how the person works.
    pub fn suggested_outcome(&self) -> (Option<OutcomeKind>, Option<NotPlacedReason>) {
        match self.verdict {
            Verdict::Hired => (None, None),
            Verdict::NotHired => (
                Some(OutcomeKind::NotPlaced),
                self.reason.map(PassReason::not_placed_reason),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(verdict: &str, reason: &str, note: &str) -> ResultInput {
        ResultInput {
            verdict: verdict.into(),
            pass_reason: reason.into(),
            result_note: note.into(),
        }
    }

    #[test]
    fn hired_needs_nothing_more_and_not_hired_needs_a_reason() {
        let hired = OrganizationResult::parse(&input("hired", "skills", " ")).unwrap();
        assert_eq!(hired.verdict, Verdict::Hired);
        assert_eq!(hired.reason, None, "a reason only goes with 見送り");
        assert_eq!(hired.suggested_outcome(), (None, None));
        let errors = OrganizationResult::parse(&input("not_hired", "", "")).unwrap_err();
        assert_eq!(errors.code_for("pass_reason"), Some("choose-one"));
        let passed = OrganizationResult::parse(&input("not_hired", "filled", "")).unwrap();
        assert_eq!(
            passed.suggested_outcome(),
            (
                Some(OutcomeKind::NotPlaced),
                Some(NotPlacedReason::OrganizationChoice)
            )
        );
    }

    #[test]
    fn bad_results_name_their_fields() {
        let errors = OrganizationResult::parse(&input("", "", "")).unwrap_err();
        assert_eq!(errors.code_for("verdict"), Some("choose-one"));
        let errors = OrganizationResult::parse(&input("not_hired", "other", "")).unwrap_err();
        assert_eq!(errors.code_for("result_note"), Some("result-note-required"));
        let long = "あ".repeat(RESULT_NOTE_MAX + 1);
        let errors = OrganizationResult::parse(&input("hired", "", &long)).unwrap_err();
        assert_eq!(errors.code_for("result_note"), Some("too-long"));
    }

    #[test]
    fn every_reason_becomes_an_outcome_reason() {
        for reason in PassReason::ALL {
            let result = OrganizationResult {
                verdict: Verdict::NotHired,
                reason: Some(*reason),
                note: String::new(),
            };
            assert_eq!(
                result.suggested_outcome().1,
                Some(reason.not_placed_reason())
            );
        }
        assert_eq!(
            PassReason::PersonDeclined.not_placed_reason(),
            NotPlacedReason::ParticipantChoice
        );
    }

    #[test]
    fn a_result_is_reported_after_a_meeting_and_before_the_outcome() {
        use IntroductionStatus::*;
        for status in IntroductionStatus::ALL {
            assert_eq!(
                OrganizationResult::may_record(status),
                matches!(status, MeetingScheduled | Engaged),
                "{status:?}"
            );
        }
    }
}
