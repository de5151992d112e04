//! The hard constraints. A request fits a person only if every one holds; each failure has a
//! reason code the web layer shows in words.
//!
//! Hours: the person works the request's least hours, unless their income wall is lower and
//! the request is 扶養内OK, in which case they work what the wall allows (at least an hour).
//! When the wall falls inside the request's range, the fit says the most hours under it.
//! Shifts: a fixed schedule needs every window; a pool needs whole windows (or parts of at
//! least the shortest shift, when the request allows them) that reach the hours.

use domain::availability::{Weekday, WeeklyAvailability};
use domain::participant::WorkPlace;
use domain::request::{Flag, ShiftRule, WorkMode};

use crate::input::{Candidate, Opening, TravelTimes};
use crate::skills::SkillGraph;

/// Why a request does not fit a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reason {
    /// The fixed working windows are not all within the person's free time.
    ScheduleNotCovered,
    /// A pool of shifts: the whole shifts the person is free for do not reach the hours.
    NotEnoughShifts,
    /// Flexible work: the person's free time is shorter than the hours asked.
    NotEnoughFreeTime,
    /// The hours asked are more than the person wants to work.
    HoursOverMaximum,
    /// The pay over the hours asked passes the person's income wall, and the request cannot
    /// shorten the hours (no 扶養内OK).
    IncomeCapExceeded,
    /// The request requires a licence the person does not hold.
    LicenceMissing,
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
            Reason::NotEnoughShifts => "not_enough_shifts",
            Reason::NotEnoughFreeTime => "not_enough_free_time",
            Reason::HoursOverMaximum => "hours_over_maximum",
            Reason::IncomeCapExceeded => "income_cap_exceeded",
            Reason::LicenceMissing => "licence_missing",
            Reason::StartTooLate => "start_too_late",
            Reason::WantsRemoteOnly => "wants_remote_only",
            Reason::WantsOnSiteOnly => "wants_on_site_only",
            Reason::TooFar => "too_far",
            Reason::AlreadyIntroduced => "already_introduced",
        }
    }
}

domain::labels!(Reason {
    Reason::ScheduleNotCovered => "match-unfit-schedule-not-covered",
    Reason::NotEnoughShifts => "match-unfit-not-enough-shifts",
    Reason::NotEnoughFreeTime => "match-unfit-not-enough-free-time",
    Reason::HoursOverMaximum => "match-unfit-hours-over-maximum",
    Reason::IncomeCapExceeded => "match-unfit-income-cap-exceeded",
    Reason::LicenceMissing => "match-unfit-licence-missing",
    Reason::StartTooLate => "match-unfit-start-too-late",
    Reason::WantsRemoteOnly => "match-unfit-wants-remote-only",
    Reason::WantsOnSiteOnly => "match-unfit-wants-on-site-only",
    Reason::TooFar => "match-unfit-too-far",
    Reason::AlreadyIntroduced => "match-unfit-already-introduced",
});

/// How a feasible request fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fit {
    /// The weekly minutes the person would work: the request's minimum, or fewer when a
    /// 扶養内OK request shortens them to keep the person under their wall.
    pub minutes_per_week: u32,
    /// Whether the hours were shortened to fit the income wall.
    pub reduced_for_cap: bool,
    /// The most weekly minutes under the person's wall, when the wall falls below the
    /// request's most hours ("最大週9.5時間までなら扶養の範囲内").
    pub cap_minutes: Option<u32>,
}

const ALL_REASONS: [Reason; 11] = [
    Reason::ScheduleNotCovered,
    Reason::NotEnoughShifts,
    Reason::NotEnoughFreeTime,
    Reason::HoursOverMaximum,
    Reason::IncomeCapExceeded,
    Reason::LicenceMissing,
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

/// The runs of consecutive set bits of a day's mask, lowest first.
fn runs(mut mask: u64) -> impl Iterator<Item = u64> {
    std::iter::from_fn(move || {
        if mask == 0 {
            return None;
        }
        let start = mask.trailing_zeros();
        let len = (!(mask >> start)).trailing_zeros();
        let run = if len >= 64 { u64::MAX } else { (1 << len) - 1 } << start;
        mask &= !run;
        Some(run)
    })
}

/// The shifts of a request's windows a person can take, as the request's rule allows: every
/// window they are free for whole, and with a shortest shift, the longest free part of each
/// other window when it is at least that long. Empty for flexible work.
pub fn workable_shifts(candidate: &Candidate, opening: &Opening) -> WeeklyAvailability {
    let Some(windows) = opening.windows else {
        return WeeklyAvailability::empty();
    };
    let shortest_slots = opening.shifts.shortest_minutes().map(|m| m.div_ceil(30));
    let mut shifts = WeeklyAvailability::empty();
    for day in Weekday::ALL {
        let (asked, free) = (windows.day_mask(day), candidate.availability.day_mask(day));
        let mut taken = 0_u64;
        for window in runs(asked) {
            if window & !free == 0 {
                taken |= window;
            } else if let Some(shortest) = shortest_slots
                && let Some(part) = runs(window & free).max_by_key(|r| r.count_ones())
                && part.count_ones() >= shortest
            {
                taken |= part;
            }
        }
        shifts = shifts.with_day_mask(day, taken);
    }
    shifts
}

/// What the person's time says before the hours are known: most pairs are settled here with
/// a few bit operations.
enum Schedule {
    Fits,
    Fails(u16),
    /// A pool not covered whole, or flexible work with less free time than the least hours:
    /// it depends on the hours worked.
    Depends,
}

fn schedule_at_least(candidate: &Candidate, opening: &Opening) -> Schedule {
    match (opening.windows, opening.shifts) {
        (Some(windows), _) if candidate.availability.covers(&windows) => Schedule::Fits,
        (Some(_), ShiftRule::AllRequired) => Schedule::Fails(bit(Reason::ScheduleNotCovered)),
        (None, _) if candidate.availability.minutes() >= opening.min_minutes_per_week => {
            Schedule::Fits
        }
        _ => Schedule::Depends,
    }
}

/// Whether the person's time covers `minutes`: enough shifts from the pool, or enough free
/// time for flexible work.
fn schedule_fails(candidate: &Candidate, opening: &Opening, minutes: u32) -> u16 {
    match opening.windows {
        Some(_) if workable_shifts(candidate, opening).minutes() >= minutes => 0,
        Some(_) => bit(Reason::NotEnoughShifts),
        None if candidate.availability.minutes() < minutes => bit(Reason::NotEnoughFreeTime),
        None => 0,
    }
}

/// The hours worked under the person's income wall, or the failure.
fn hours_under_cap(candidate: &Candidate, opening: &Opening) -> Result<Fit, u16> {
    let cap = &candidate.income_cap;
    let least = opening.min_minutes_per_week;
    let mut fit = Fit {
        minutes_per_week: least,
        reduced_for_cap: false,
        cap_minutes: None,
    };
    if cap.test.is_none() {
        return Ok(fit);
    }
    let earnings = opening.earnings();
    let most = opening.max_minutes_per_week.max(least);
    // Most pairs are within the wall over the whole range: one check settles them.
    if cap.allows(most, &earnings) {
        return Ok(fit);
    }
    if !cap.allows(least, &earnings) {
        let most = cap.most_minutes(&earnings).unwrap_or(0);
        // A 扶養内OK request can shorten the hours (or the part of its windows worked),
        // down to an hour a week.
        if opening.has(Flag::WithinIncomeCap) && most >= 60 {
            fit.minutes_per_week = most;
            fit.reduced_for_cap = true;
            fit.cap_minutes = Some(most);
            return Ok(fit);
        }
        return Err(bit(Reason::IncomeCapExceeded));
    }
    fit.cap_minutes = cap.most_minutes(&earnings);
    Ok(fit)
}

/// The fit and the failed constraints as a bit set; with `stop_early`, it returns at the
/// first failure (ranking needs only a yes or no; explanations need every reason).
fn evaluate(
    candidate: &Candidate,
    opening: &Opening,
    travel: &TravelTimes,
    stop_early: bool,
) -> (Fit, u16) {
    let none = Fit {
        minutes_per_week: 0,
        reduced_for_cap: false,
        cap_minutes: None,
    };
    let schedule = schedule_at_least(candidate, opening);
    if let (true, Schedule::Fails(failed)) = (stop_early, &schedule) {
        return (none, *failed);
    }
    let (fit, mut failed) = match hours_under_cap(candidate, opening) {
        Ok(fit) => (fit, 0),
        Err(failed) => (none, failed),
    };
    if stop_early && failed != 0 {
        return (none, failed);
    }
    let minutes = if failed == 0 {
        fit.minutes_per_week
    } else {
        opening.min_minutes_per_week
    };
    failed |= match schedule {
        Schedule::Fits => 0,
        Schedule::Fails(failed) => failed,
        Schedule::Depends => schedule_fails(candidate, opening, minutes),
    };
    if minutes > candidate.max_minutes_per_week {
        failed |= bit(Reason::HoursOverMaximum);
    }
    if stop_early && failed != 0 {
        return (none, failed);
    }
    if opening
        .licences
        .iter()
        .any(|(skill, level)| SkillGraph::level_of(&candidate.skills, *skill) < *level)
    {
        failed |= bit(Reason::LicenceMissing);
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
    failed |= place_fails(candidate, opening, travel);
    (fit, failed)
}

/// Remote or on-site as the person wants, and a commute they can make.
fn place_fails(candidate: &Candidate, opening: &Opening, travel: &TravelTimes) -> u16 {
    match (opening.work_mode, candidate.work_place) {
        (WorkMode::OnSite, WorkPlace::Remote) => bit(Reason::WantsRemoteOnly),
        (WorkMode::Remote, WorkPlace::OnSite) => bit(Reason::WantsOnSiteOnly),
        // Hybrid work is acceptable to a person who wants remote work; on-site days need
        // the commute.
        (WorkMode::OnSite | WorkMode::Hybrid, _)
            if candidate.work_place != WorkPlace::Remote
                && u32::from(travel.between(candidate.area, opening.area))
                    > candidate.commute_minutes =>
        {
            bit(Reason::TooFar)
        }
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{candidate, cap, opening};
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
                reduced_for_cap: false,
                cap_minutes: None,
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
        person.income_cap = cap(IncomeCap::Custom(200_000));
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
        person.income_cap = cap(IncomeCap::Custom(300_000)); // 300,000 / 52 / 1,100 = 5.2 h → 5 h
        let mut job = opening();
        job.flags.push(Flag::WithinIncomeCap);
        assert_eq!(
            check(&person, &job, &travel()),
            Ok(Fit {
                minutes_per_week: 300,
                reduced_for_cap: true,
                cap_minutes: Some(300),
            })
        );
    }

    fn weekday_mornings(days: &[usize], start: usize, end: usize) -> WeeklyAvailability {
        days.iter().fold(WeeklyAvailability::empty(), |w, d| {
            w.with_window(Weekday::new(*d).unwrap(), start, end)
        })
    }

    /// Mon–Fri 9:00–13:00, at least 12 of the 20 hours.
    fn pool(shortest_minutes: Option<u32>) -> Opening {
        let mut job = opening();
        job.windows = Some(weekday_mornings(&[0, 1, 2, 3, 4], 18, 26));
        job.shifts = ShiftRule::ChooseFrom { shortest_minutes };
        job.min_minutes_per_week = 12 * 60;
        job.max_minutes_per_week = 20 * 60;
        job.pay = domain::request::Pay::Hourly(1_100);
        job
    }

    #[test]
    fn a_pool_of_shifts_is_done_by_working_some_whole_windows() {
        let mut person = candidate();
        person.income_cap = cap(IncomeCap::None);
        person.availability = weekday_mornings(&[0, 1, 2], 16, 28);
        let fit = check(&person, &pool(None), &travel()).unwrap();
        assert_eq!(fit.minutes_per_week, 12 * 60);
        assert_eq!(
            workable_shifts(&person, &pool(None)),
            weekday_mornings(&[0, 1, 2], 18, 26),
            "Monday to Wednesday mornings"
        );
        person.availability = weekday_mornings(&[0, 1], 16, 28);
        assert_eq!(
            check(&person, &pool(None), &travel()),
            Err(vec![Reason::NotEnoughShifts])
        );
        let mut fixed = pool(None);
        fixed.shifts = ShiftRule::AllRequired;
        person.availability = weekday_mornings(&[0, 1, 2], 16, 28);
        assert_eq!(
            check(&person, &fixed, &travel()),
            Err(vec![Reason::ScheduleNotCovered])
        );
    }

    #[test]
    fn parts_of_windows_count_only_when_the_request_allows_shorter_shifts() {
        let mut person = candidate();
        person.income_cap = cap(IncomeCap::None);
        // 9:00–12:00 every weekday: 15 hours, but no whole 9:00–13:00 window.
        person.availability = weekday_mornings(&[0, 1, 2, 3, 4], 18, 24);
        assert_eq!(
            check(&person, &pool(None), &travel()),
            Err(vec![Reason::NotEnoughShifts])
        );
        assert!(check(&person, &pool(Some(180)), &travel()).is_ok());
        assert_eq!(
            workable_shifts(&person, &pool(Some(180))).minutes(),
            15 * 60
        );
        assert_eq!(
            check(&person, &pool(Some(240)), &travel()),
            Err(vec![Reason::NotEnoughShifts]),
            "3-hour parts are shorter than 4-hour shifts"
        );
    }

    #[test]
    fn the_wall_is_checked_over_the_whole_range_of_hours() {
        let mut person = candidate();
        person.availability = WeeklyAvailability::empty().with_full_week();
        person.max_minutes_per_week = 40 * 60;
        person.income_cap = cap(IncomeCap::PartnerInsurance);
        let mut job = opening();
        job.windows = None;
        job.min_minutes_per_week = 15 * 60;
        job.max_minutes_per_week = 25 * 60;
        job.pay = domain::request::Pay::Hourly(1_200);
        // 1,299,999 / 52 / 1,200 = 20.8 h → 20.5 h.
        let fit = check(&person, &job, &travel()).unwrap();
        assert_eq!(fit.minutes_per_week, 15 * 60);
        assert_eq!(fit.cap_minutes, Some(1_230));
        assert!(!fit.reduced_for_cap);
        job.min_minutes_per_week = 21 * 60;
        assert_eq!(
            check(&person, &job, &travel()),
            Err(vec![Reason::IncomeCapExceeded]),
            "the minimum already breaks the wall"
        );
        job.flags.push(Flag::WithinIncomeCap);
        let fit = check(&person, &job, &travel()).unwrap();
        assert_eq!((fit.minutes_per_week, fit.reduced_for_cap), (1_230, true));
        job.min_minutes_per_week = 15 * 60;
        job.max_minutes_per_week = 20 * 60;
        assert_eq!(check(&person, &job, &travel()).unwrap().cap_minutes, None);
    }

    #[test]
    fn a_required_licence_is_held_or_the_request_does_not_fit() {
        let mut job = opening();
        job.licences = vec![(1, 1)];
        assert!(check(&candidate(), &job, &travel()).is_ok(), "skill 1 held");
        job.licences = vec![(2, 1)];
        assert_eq!(
            check(&candidate(), &job, &travel()),
            Err(vec![Reason::LicenceMissing])
        );
    }
}
