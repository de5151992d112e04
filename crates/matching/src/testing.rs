//! Fixtures for the engine's own tests.

use domain::availability::{Weekday, WeeklyAvailability};
use domain::income_cap::{CapLimit, IncomeCap, WallRules};
use domain::participant::{GoalTrack, WorkPlace};
use domain::request::{Flag, Pay, RequestKind, ShiftRule, WorkMode};

use crate::input::{Candidate, Opening};

/// A wall as it stands on 1 December 2026.
pub fn cap(choice: IncomeCap) -> CapLimit {
    WallRules::shipped().unwrap().limit(
        choice,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
    )
}

/// A parent free 9:00–14:00 on weekdays, with skills 0 (level 3) and 1 (level 2).
pub fn candidate() -> Candidate {
    let availability = (0..5).fold(WeeklyAvailability::empty(), |a, d| {
        a.with_window(Weekday::new(d).unwrap(), 18, 28)
    });
    Candidate {
        id: 1,
        skills: vec![(0, 3), (1, 2)],
        availability,
        max_minutes_per_week: 20 * 60,
        income_cap: cap(IncomeCap::SpouseDeduction),
        work_place: WorkPlace::Either,
        commute_minutes: 20,
        area: 0,
        earliest_start: None,
        goal: GoalTrack::OwnPace,
        career_gap_months: 60,
        children: 1,
        cares_for_adult: false,
        recent_introductions: 0,
        introduced_to: Vec::new(),
        history: Default::default(),
    }
}

/// A part-time job 9:00–12:00 on Monday and Wednesday, needing skill 0 at level 2.
pub fn opening() -> Opening {
    let windows = WeeklyAvailability::empty()
        .with_window(Weekday::new(0).unwrap(), 18, 24)
        .with_window(Weekday::new(2).unwrap(), 18, 24);
    Opening {
        id: 10,
        kind: RequestKind::Job,
        required: vec![(0, 2)],
        nice: vec![(2, 2)],
        licences: Vec::new(),
        windows: Some(windows),
        shifts: ShiftRule::AllRequired,
        min_minutes_per_week: 360,
        max_minutes_per_week: 360,
        pay: Pay::Hourly(1_100),
        commuting_allowance_monthly: 0,
        flags: vec![Flag::CareerGapWelcome],
        work_mode: WorkMode::OnSite,
        area: 1,
        start_date: chrono::NaiveDate::from_ymd_opt(2027, 1, 5),
        capacity: 2,
        team: None,
        is_employment: false,
    }
}
