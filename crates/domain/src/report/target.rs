//! Yearly targets and achievement: the town officer sets a target per measure for a fiscal
//! year, and the report shows the table grant reviews ask for (指標 / 単位 / 目標値 / 実績値 /
//! 達成率). A target is a whole number; none set is no target, not zero.

use crate::FieldErrors;

use super::Measure;

/// The largest target a form accepts.
pub const MAX_TARGET: u64 = 1_000_000;

crate::coded!(
    /// What a measure counts in, as the table's 単位 column says.
    Unit {
        /// Different people (人).
        People = "people" => "unit-people",
        /// Times something was held (回).
        Times = "times" => "unit-times",
        /// People counted once per session they came to (延べ人).
        Visits = "visits" => "unit-visits",
        /// Records: introductions, outcomes, credentials (件).
        Cases = "cases" => "unit-cases",
        /// Different organizations (団体).
        Organizations = "organizations" => "unit-organizations",
    }
);

impl Measure {
    /// The unit its figures are in.
    pub fn unit(self) -> Unit {
        match self {
            Measure::Registrations
            | Measure::GoalTracks
            | Measure::PeopleHeard
            | Measure::PeopleAttending => Unit::People,
            Measure::Hearings | Measure::Sessions => Unit::Times,
            Measure::Attendances | Measure::ChildrenInCare | Measure::ChildrenByAge => Unit::Visits,
            Measure::NoShows
            | Measure::Bookings
            | Measure::Waitlisted
            | Measure::Credentials
            | Measure::Introductions
            | Measure::Outcomes
            | Measure::CheckIns
            | Measure::CheckInHours
            | Measure::RequestsPublished => Unit::Cases,
            Measure::Organizations => Unit::Organizations,
        }
    }

    /// The form field that holds its target.
    pub fn target_field(self) -> &'static str {
        match self {
            Measure::Registrations => "target_registrations",
            Measure::Hearings => "target_hearings",
            Measure::PeopleHeard => "target_people_heard",
            Measure::Sessions => "target_sessions",
            Measure::Attendances => "target_attendances",
            Measure::PeopleAttending => "target_people_attending",
            Measure::ChildrenInCare => "target_children_in_care",
            Measure::NoShows => "target_no_shows",
            Measure::Credentials => "target_credentials",
            Measure::Introductions => "target_introductions",
            Measure::Outcomes => "target_outcomes",
            Measure::GoalTracks => "target_goal_tracks",
            Measure::ChildrenByAge => "target_children_by_age",
            Measure::Bookings => "target_bookings",
            Measure::Waitlisted => "target_waitlisted",
            Measure::CheckIns => "target_check_ins",
            Measure::CheckInHours => "target_check_in_hours",
            Measure::Organizations => "target_organizations",
            Measure::RequestsPublished => "target_requests_published",
        }
    }
}

/// A year's targets: the measures that have one, with their value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Targets(pub Vec<(Measure, u64)>);

impl Targets {
    pub fn of(&self, measure: Measure) -> Option<u64> {
        self.0.iter().find(|(m, _)| *m == measure).map(|(_, v)| *v)
    }

    /// The targets as typed, one field per measure: a blank field sets none; anything but a
    /// whole number from 0 to `MAX_TARGET` is an error on its field. Every field is checked.
    pub fn parse(typed: &[(Measure, String)]) -> Result<Targets, FieldErrors> {
        let mut errors = FieldErrors::default();
        let mut targets = Vec::new();
        for (measure, raw) in typed {
            if raw.trim().is_empty() {
                continue;
            }
            match crate::number::whole_number(raw).filter(|n| *n <= MAX_TARGET) {
                Some(value) => targets.push((*measure, value)),
                None => errors.add(measure.target_field(), "target-number"),
            }
        }
        if errors.is_empty() {
            Ok(Targets(targets))
        } else {
            Err(errors)
        }
    }
}

/// 達成率: the actual figure as a share of the target, in tenths of a percent (1234 is
/// 123.4%), rounded half up; none when the target is 0 (nothing to reach).
pub fn achievement_tenths(actual: u64, target: u64) -> Option<u64> {
    if target == 0 {
        return None;
    }
    let tenths = (u128::from(actual) * 2000 + u128::from(target)) / (u128::from(target) * 2);
    Some(u64::try_from(tenths).unwrap_or(u64::MAX))
}

/// A share in tenths of a percent as people write it: `123.4%`, `80.0%`.
pub fn percent_words(tenths: u64) -> String {
    format!("{}.{}%", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn achievement_is_the_share_of_the_target_rounded_to_a_tenth() {
        assert_eq!(achievement_tenths(120, 100), Some(1200));
        assert_eq!(achievement_tenths(1, 3), Some(333));
        assert_eq!(achievement_tenths(2, 3), Some(667));
        assert_eq!(achievement_tenths(0, 50), Some(0));
        assert_eq!(achievement_tenths(5, 0), None, "no share of nothing");
        assert_eq!(percent_words(1234), "123.4%");
        assert_eq!(percent_words(800), "80.0%");
        assert_eq!(achievement_tenths(u64::MAX, 1).map(|_| ()), Some(()));
    }

    #[test]
    fn targets_are_whole_numbers_checked_field_by_field() {
        let typed = vec![
            (Measure::Registrations, "１２０".to_owned()),
            (Measure::Hearings, "".to_owned()),
            (Measure::Outcomes, "1,000".to_owned()),
        ];
        let targets = Targets::parse(&typed).unwrap();
        assert_eq!(targets.of(Measure::Registrations), Some(120));
        assert_eq!(targets.of(Measure::Hearings), None, "blank sets none");
        assert_eq!(targets.of(Measure::Outcomes), Some(1000));

        let wrong = vec![
            (Measure::Registrations, "たくさん".to_owned()),
            (Measure::Sessions, "-1".to_owned()),
            (Measure::Credentials, "1000001".to_owned()),
            (Measure::Outcomes, "12".to_owned()),
        ];
        let errors = Targets::parse(&wrong).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            [
                "target_registrations",
                "target_sessions",
                "target_credentials"
            ]
        );
        assert!(errors.iter().all(|(_, code)| code == "target-number"));
    }

    #[test]
    fn every_measure_has_its_own_field_and_a_unit() {
        let mut fields: Vec<_> = Measure::ALL.iter().map(|m| m.target_field()).collect();
        fields.sort_unstable();
        fields.dedup();
        assert_eq!(fields.len(), Measure::ALL.len());
        assert_eq!(Measure::Attendances.unit(), Unit::Visits);
        assert_eq!(Measure::Registrations.unit(), Unit::People);
    }
}
