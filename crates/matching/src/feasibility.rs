//! The hard constraints. A request fits a person only if every one holds; each failure has a
//! reason code the web layer shows in words.

use domain::participant::WorkPlace;
use domain::request::{Flag, WorkMode};

use crate::input::{Candidate, Opening, TravelTimes};

/// Why a request does not fit a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reason {
    /// The fixed working windows are not all within the person's free time.
    ScheduleNotCovered,
    /// Flexible work: the person's free time is shorter than the hours asked.
    NotEnoughFreeTime,
    /// The hours asked are more than the person wants to work.
    HoursOverMaximum,
    /// The pay over the hours asked passes the person's income cap, and the request cannot
    /// shorten the hours (no 扶養内OK).
    IncomeCapExceeded,
    /// The person cannot start by the request's start date.
    StartTooLate,
    /// On-site work for a person who wants to work only remotely.
    WantsRemoteOnly,
    /// Remote work for a person who wants to work only on site.
    WantsOnSiteOnly,
    /// The workplace is further than the person can commute.
    TooFar,
    /// The person already has an introduction to this request (in progress or declined).
    AlreadyIntroduced,
}

impl Reason {
    /// The code used in explanations and translation keys.
    pub fn code(self) -> &'static str {
        match self {
            Reason::ScheduleNotCovered => "schedule_not_covered",
            Reason::NotEnoughFreeTime => "not_enough_free_time",
            Reason::HoursOverMaximum => "hours_over_maximum",
            Reason::IncomeCapExceeded => "income_cap_exceeded",
            Reason::StartTooLate => "start_too_late",
            Reason::WantsRemoteOnly => "wants_remote_only",
            Reason::WantsOnSiteOnly => "wants_on_site_only",
            Reason::TooFar => "too_far",
            Reason::AlreadyIntroduced => "already_introduced",
        }
    }
}

/// How a feasible request fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fit {
    /// The weekly minutes the person would work: the request's minimum, or fewer when a
    /// 扶養内OK request shortens them to keep the person under their cap.
    pub minutes_per_week: u32,
    /// Whether the hours were shortened to fit the income cap.
    pub reduced_for_cap: bool,
}

const ALL_REASONS: [Reason; 9] = [
    Reason::ScheduleNotCovered,
    Reason::NotEnoughFreeTime,
    Reason::HoursOverMaximum,
    Reason::IncomeCapExceeded,
    Reason::StartTooLate,
    Reason::WantsRemoteOnly,
    Reason::WantsOnSiteOnly,
    Reason::TooFar,
    Reason::AlreadyIntroduced,
];

fn bit(reason: Reason) -> u16 {
    1 << ALL_REASONS.iter().position(|r| *r == reason).unwrap_or(0)
}

/// Checks every hard constraint; returns the fit, or every reason it fails.
pub fn check(
    candidate: &Candidate,
    opening: &Opening,
    travel: &TravelTimes,
) -> Result<Fit, Vec<Reason>> {
    let (fit, failed) = evaluate(candidate, opening, travel, false);
    if failed == 0 {
        Ok(fit)
    } else {
        Err(ALL_REASONS
            .into_iter()
            .filter(|r| failed & bit(*r) != 0)
            .collect())
    }
}

/// The fit, if every hard constraint holds: the allocation-free form of [`check`] for ranking
/// many pairs.
pub fn fit(candidate: &Candidate, opening: &Opening, travel: &TravelTimes) -> Option<Fit> {
    let (fit, failed) = evaluate(candidate, opening, travel, true);
    (failed == 0).then_some(fit)
}

/// The fit and the failed constraints as a bit set; with `stop_early`, it returns at the
/// first failure (ranking needs only a yes or no; explanations need every reason).
fn evaluate(
    candidate: &Candidate,
    opening: &Opening,
    travel: &TravelTimes,
    stop_early: bool,
) -> (Fit, u16) {
    let mut failed = 0_u16;
    let none = Fit {
        minutes_per_week: 0,
        reduced_for_cap: false,
    };
    match opening.windows {
        Some(windows) => {
            if !candidate.availability.covers(&windows) {
                failed |= bit(Reason::ScheduleNotCovered);
            }
        }
        None => {
            if candidate.availability.minutes() < opening.min_minutes_per_week {
                failed |= bit(Reason::NotEnoughFreeTime);
            }
        }
    }
    if stop_early && failed != 0 {
        return (none, failed);
    }
    let mut minutes = opening.min_minutes_per_week;
    let mut reduced_for_cap = false;
    if let Some(wage) = opening.hourly_wage
        && !candidate.income_cap.allows(minutes, wage)
    {
        let most = candidate.income_cap.max_weekly_minutes(wage).unwrap_or(0);
        // A 扶養内OK request can shorten the hours (or the part of its windows worked),
        // down to an hour a week.
        if opening.has(Flag::WithinIncomeCap) && most >= 60 {
            minutes = most.min(minutes);
            reduced_for_cap = true;
        } else {
            failed |= bit(Reason::IncomeCapExceeded);
        }
    }
    if minutes > candidate.max_minutes_per_week {
        failed |= bit(Reason::HoursOverMaximum);
    }
    if stop_early && failed != 0 {
        return (none, failed);
    }
    if let (Some(start), Some(earliest)) = (opening.start_date, candidate.earliest_start)
        && earliest > start
    {
        failed |= bit(Reason::StartTooLate);
    }
    if !candidate.introduced_to.is_empty()
        && candidate.introduced_to.binary_search(&opening.id).is_ok()
    {
        failed |= bit(Reason::AlreadyIntroduced);
    }
    match (opening.work_mode, candidate.work_place) {
        (WorkMode::OnSite, WorkPlace::Remote) => failed |= bit(Reason::WantsRemoteOnly),
        (WorkMode::Remote, WorkPlace::OnSite) => failed |= bit(Reason::WantsOnSiteOnly),
        // Hybrid work is acceptable to a person who wants remote work; on-site days need
        // the commute.
        (WorkMode::OnSite | WorkMode::Hybrid, _)
            if candidate.work_place != WorkPlace::Remote
                && u32::from(travel.between(candidate.area, opening.area))
                    > candidate.commute_minutes =>
        {
            failed |= bit(Reason::TooFar)
        }
        _ => {}
    }
    (
        Fit {
            minutes_per_week: minutes,
            reduced_for_cap,
        },
        failed,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{candidate, opening};
    use domain::availability::{Weekday, WeeklyAvailability};
    use domain::income_cap::IncomeCap;

    fn travel() -> TravelTimes {
        let mut t = TravelTimes::new(3, 40);
        t.set(0, 1, 15);
        t
    }

    #[test]
    fn a_parent_fits_a_morning_job_within_nursery_hours() {
        assert_eq!(
            check(&candidate(), &opening(), &travel()),
            Ok(Fit {
                minutes_per_week: 360,
                reduced_for_cap: false
            })
        );
    }

    #[test]
    fn each_hard_constraint_has_its_reason() {
        let t = travel();
        let mut late = opening();
        late.windows =
            Some(WeeklyAvailability::empty().with_window(Weekday::new(0).unwrap(), 30, 34));
        assert_eq!(
            check(&candidate(), &late, &t),
            Err(vec![Reason::ScheduleNotCovered])
        );

        let mut flexible = opening();
        flexible.windows = None;
        flexible.min_minutes_per_week = 40 * 60;
        flexible.max_minutes_per_week = 40 * 60;
        let errors = check(&candidate(), &flexible, &t).unwrap_err();
        assert!(
            errors.contains(&Reason::NotEnoughFreeTime)
                && errors.contains(&Reason::HoursOverMaximum)
        );

        let mut person = candidate();
        person.income_cap = IncomeCap::Custom(200_000);
        assert_eq!(
            check(&person, &opening(), &t),
            Err(vec![Reason::IncomeCapExceeded])
        );

        let mut person = candidate();
        person.earliest_start = chrono::NaiveDate::from_ymd_opt(2027, 6, 1);
        assert_eq!(
            check(&person, &opening(), &t),
            Err(vec![Reason::StartTooLate])
        );

        let mut person = candidate();
        person.work_place = WorkPlace::Remote;
        assert_eq!(
            check(&person, &opening(), &t),
            Err(vec![Reason::WantsRemoteOnly])
        );

        let mut remote = opening();
        remote.work_mode = WorkMode::Remote;
        let mut person = candidate();
        person.work_place = WorkPlace::OnSite;
        assert_eq!(
            check(&person, &remote, &t),
            Err(vec![Reason::WantsOnSiteOnly])
        );

        let mut far = opening();
        far.area = 2;
        assert_eq!(check(&candidate(), &far, &t), Err(vec![Reason::TooFar]));

        let mut introduced = candidate();
        introduced.introduced_to = vec![3, opening().id, 99];
        assert_eq!(
            check(&introduced, &opening(), &t),
            Err(vec![Reason::AlreadyIntroduced])
        );
        for reason in [Reason::ScheduleNotCovered, Reason::TooFar] {
            assert!(!reason.code().is_empty());
        }
    }

    #[test]
    fn a_within_cap_request_is_offered_at_fewer_hours() {
        let mut person = candidate();
        person.income_cap = IncomeCap::Custom(300_000); // 300,000 / 52 / 1,100 = 5.2 h → 5 h
        let mut job = opening();
        job.flags.push(Flag::WithinIncomeCap);
        assert_eq!(
            check(&person, &job, &travel()),
            Ok(Fit {
                minutes_per_week: 300,
                reduced_for_cap: true
            })
        );
    }
}
