//! How long people take to reach the program's milestones: the median days from registering
//! to a first introduction offered to them, and to work or a business of their own. Read
//! from each person's facts (`Fact`), so a closed year's medians stand like its counts. A
//! person counts in the fiscal year in which they reached the milestone.

use chrono::NaiveDate;

use crate::FiscalYear;

crate::coded!(
    /// A milestone of a person's way through the program.
    Milestone {
        /// The first introduction offered to them.
        FirstOffer = "first_offer" => "milestone-first-offer",
        /// Their first outcome in work (own pace, full return) or a business started.
        Placement = "placement" => "milestone-placement",
    }
);

impl Milestone {
    pub fn definition_key(self) -> &'static str {
        match self {
            Milestone::FirstOffer => "milestone-first-offer-definition",
            Milestone::Placement => "milestone-placement-definition",
        }
    }
}

/// One person's days: when they registered and first reached each milestone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonMilestones {
    pub person: i64,
    pub registered: Option<NaiveDate>,
    pub first_offer: Option<NaiveDate>,
    pub placement: Option<NaiveDate>,
}

impl PersonMilestones {
    fn reached(&self, milestone: Milestone) -> Option<NaiveDate> {
        match milestone {
            Milestone::FirstOffer => self.first_offer,
            Milestone::Placement => self.placement,
        }
    }
}

/// A median and how many people it is of.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Median {
    pub days: f64,
    pub people: u64,
}

/// The median days from registration to `milestone` of the people who reached it in `fy`
/// (on or before `until`, for a year compared to the same day); none when nobody did.
pub fn median_days(
    people: &[PersonMilestones],
    (fy, until): (FiscalYear, NaiveDate),
    milestone: Milestone,
) -> Option<Median> {
    let mut days: Vec<i64> = people
        .iter()
        .filter_map(|p| {
            let reached = p.reached(milestone)?;
            let registered = p.registered?;
            (fy.contains(reached) && reached <= until && reached >= registered)
                .then(|| (reached - registered).num_days())
        })
        .collect();
    if days.is_empty() {
        return None;
    }
    days.sort_unstable();
    let n = days.len();
    let middle = if n % 2 == 1 {
        days[n / 2] as f64
    } else {
        (days[n / 2 - 1] + days[n / 2]) as f64 / 2.0
    };
    Some(Median {
        days: middle,
        people: n as u64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::municipality::FiscalYearStartMonth;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn person(n: i64, registered: NaiveDate, offer: Option<NaiveDate>) -> PersonMilestones {
        PersonMilestones {
            person: n,
            registered: Some(registered),
            first_offer: offer,
            placement: None,
        }
    }

    #[test]
    fn the_median_counts_people_in_the_year_they_reached_the_milestone() {
        let fy = FiscalYear::new(2026, FiscalYearStartMonth::APRIL);
        let people = [
            person(1, day(2026, 3, 1), Some(day(2026, 3, 31))), // last year: not counted
            person(2, day(2026, 3, 1), Some(day(2026, 4, 1))),  // 31 days
            person(3, day(2026, 4, 1), Some(day(2026, 4, 11))), // 10 days
            person(4, day(2026, 5, 1), Some(day(2026, 6, 10))), // 40 days
            person(5, day(2026, 5, 1), None),                   // not yet
        ];
        let all_year = (fy, fy.last_day());
        let median = median_days(&people, all_year, Milestone::FirstOffer).unwrap();
        assert_eq!(
            median,
            Median {
                days: 31.0,
                people: 3
            }
        );
        // An even number of people: the mean of the middle two.
        let to_may = median_days(&people, (fy, day(2026, 5, 31)), Milestone::FirstOffer).unwrap();
        assert_eq!(
            to_may,
            Median {
                days: 20.5,
                people: 2
            }
        );
        assert_eq!(median_days(&people, all_year, Milestone::Placement), None);
    }
}
