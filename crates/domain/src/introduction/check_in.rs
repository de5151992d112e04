//! The check-ins after a placement (3, 6 and 12 months on): the follow-up's note that marks
//! one, and the answer the coordinator records — still working or not, and the weekly hours
//! — as a choice, so the town's numbers can count them.

use super::OutcomeKind;
use crate::field_errors::FieldErrors;

const NOTE_PREFIX: &str = "outcome_check:";

crate::coded!(
    /// What a check-in found.
    CheckInStatus {
        /// Still in the work (or business) the introduction led to.
        StillWorking = "still_working" => "check-in-still-working",
        /// Working, but elsewhere.
        WorkingElsewhere = "working_elsewhere" => "check-in-working-elsewhere",
        NotWorking = "not_working" => "check-in-not-working",
        /// The coordinator could not reach the person.
        Unreached = "unreached" => "check-in-unreached",
    }
);

impl CheckInStatus {
    /// Whether the person works, so their weekly hours are asked.
    pub fn is_working(self) -> bool {
        matches!(
            self,
            CheckInStatus::StillWorking | CheckInStatus::WorkingElsewhere
        )
    }
}

crate::coded!(
    /// Hours worked in a usual week.
    HoursBand {
        Under10 = "under_10" => "hours-band-under-10",
        From10To20 = "10_20" => "hours-band-10-20",
        From20To30 = "20_30" => "hours-band-20-30",
        From30 = "30_plus" => "hours-band-30-plus",
    }
);

/// The months after a placement a check-in falls.
pub const CHECK_IN_MONTHS: [u32; 3] = [3, 6, 12];

/// The note a placement's check-in follow-up carries: `outcome_check:<months>:<outcome>`.
pub fn note(months: u32, outcome: OutcomeKind) -> String {
    format!("{NOTE_PREFIX}{months}:{}", outcome.code())
}

/// The months of the check-in a follow-up's note marks, if it marks one.
pub fn months_of(note: &str) -> Option<u32> {
    let rest = note.strip_prefix(NOTE_PREFIX)?;
    let months: u32 = rest.split(':').next()?.parse().ok()?;
    CHECK_IN_MONTHS.contains(&months).then_some(months)
}

/// A check-in's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CheckIn {
    pub months: u32,
    pub status: CheckInStatus,
    /// Asked only of people who work.
    pub hours: Option<HoursBand>,
}

impl CheckIn {
    /// Reads the answer to the `months` check-in from the form's codes: the status is
    /// required, and the hours are required of someone working (and ignored otherwise).
    pub fn parse(months: u32, status: &str, hours: &str) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let status = match status.trim() {
            "" => {
                errors.add("check_in_status", "choose-one");
                None
            }
            code => CheckInStatus::from_code(code).or_else(|| {
                errors.add("check_in_status", "choose-one");
                None
            }),
        };
        let working = status.is_some_and(CheckInStatus::is_working);
        let hours = match hours.trim() {
            "" if working => {
                errors.add("check_in_hours", "choose-one");
                None
            }
            "" => None,
            code => HoursBand::from_code(code).or_else(|| {
                errors.add("check_in_hours", "choose-one");
                None
            }),
        };
        match status {
            Some(status) if errors.is_empty() => Ok(CheckIn {
                months,
                status,
                hours: hours.filter(|_| working),
            }),
            _ => Err(errors),
        }
    }

    /// The fact's detail for the status: `3:still_working`.
    pub fn status_detail(&self) -> String {
        format!("{}:{}", self.months, self.status.code())
    }

    /// The fact's detail for the hours: `3:20_30`, when asked.
    pub fn hours_detail(&self) -> Option<String> {
        self.hours.map(|h| format!("{}:{}", self.months, h.code()))
    }
}

/// Reads a fact's detail back: the months and the code after them.
pub fn split_detail(detail: &str) -> Option<(u32, &str)> {
    let (months, code) = detail.split_once(':')?;
    let months: u32 = months.parse().ok()?;
    CHECK_IN_MONTHS.contains(&months).then_some((months, code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_check_in_note_names_its_months() {
        let n = note(6, OutcomeKind::OwnPace);
        assert_eq!(n, "outcome_check:6:own_pace");
        assert_eq!(months_of(&n), Some(6));
        assert_eq!(months_of("電話する"), None);
        assert_eq!(months_of("outcome_check:5:own_pace"), None);
    }

    #[test]
    fn someone_working_is_asked_their_hours_and_no_one_else() {
        let a = CheckIn::parse(3, "still_working", "20_30").unwrap();
        assert_eq!(a.status_detail(), "3:still_working");
        assert_eq!(a.hours_detail().as_deref(), Some("3:20_30"));
        let b = CheckIn::parse(12, "not_working", "20_30").unwrap();
        assert_eq!(b.hours, None);
        assert_eq!(split_detail(&b.status_detail()), Some((12, "not_working")));
        let e = CheckIn::parse(3, "working_elsewhere", "").unwrap_err();
        assert_eq!(e.code_for("check_in_hours"), Some("choose-one"));
        assert_eq!(e.code_for("check_in_status"), None);
        let e = CheckIn::parse(3, "", "").unwrap_err();
        assert_eq!(e.code_for("check_in_status"), Some("choose-one"));
        let e = CheckIn::parse(3, "retired", "lots").unwrap_err();
        assert_eq!(e.iter().count(), 2);
    }
}
