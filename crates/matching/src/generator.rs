//! A deterministic generator of benchmark instances with the shapes of real carers and real
//! requests: a seed gives the same instance every time.
//!
//! - People: 3–8 skills drawn with a skewed popularity (common office and care-derived skills
//!   far more often than rare ones), a weekly pattern drawn from nursery hours, school hours
//!   with an early pick-up day, elder-care visiting days, evenings and weekends, or full days;
//!   income caps in the mix residents choose; most within 30 minutes' commute.
//! - Requests: 1–3 required and 0–3 nice-to-have skills drawn with the same skew, fixed windows
//!   (60 %) or flexible hours, Shizuoka-level wages, carer flags, 10 % team projects.

use domain::availability::{Weekday, WeeklyAvailability};
use domain::income_cap::{IncomeCap, WallRules};
use domain::participant::{GoalTrack, WorkPlace};
use domain::request::{Flag, Pay, RequestKind, ShiftRule, WorkMode};

use crate::input::{Candidate, Opening, TeamShape, TravelTimes};

/// The sizes the engine is measured at: (participants, requests).
pub const SIZES: [(&str, usize, usize); 3] = [
    ("S", 1_000, 200),
    ("M", 10_000, 2_000),
    ("L", 100_000, 10_000),
];

/// Areas of the generated town.
pub const AREAS: u16 = 12;

/// A small, fast, seeded generator (PCG-style LCG); enough for shaping data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) * n) >> 31
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// A skill index skewed towards low indexes: popularity falls like 1/(1+rank).
    fn skill(&mut self, skills: u16) -> u16 {
        let u = (self.below(1_000_000) as f64 + 0.5) / 1_000_000.0;
        let rank = ((f64::from(skills) + 1.0).powf(u) - 1.0).floor();
        (rank as u16).min(skills - 1)
    }
}

fn week(windows: &[(usize, usize, usize, usize)]) -> WeeklyAvailability {
    let mut w = WeeklyAvailability::empty();
    for (first, last, start, end) in windows {
        for day in *first..=*last {
            w = w.with_window(Weekday::new(day).expect("weekday"), *start, *end);
        }
    }
    w
}

fn pattern(rng: &mut Rng) -> WeeklyAvailability {
    match rng.below(6) {
        0 => week(&[(0, 4, 18, 29)]), // nursery 9:00–14:30
        1 => week(&[(0, 1, 18, 29), (2, 2, 18, 25), (3, 4, 18, 29)]), // school, early Wednesday
        2 => week(&[(1, 1, 19, 33), (3, 3, 19, 33), (5, 5, 18, 24)]), // elder-care visits
        3 => week(&[(0, 4, 38, 44), (5, 6, 18, 26)]), // evenings and weekends
        4 => week(&[(0, 4, 17, 36)]), // full days
        _ => week(&[(0, 2, 18, 26)]), // three mornings
    }
}

fn skill_set(rng: &mut Rng, skills: u16, count: usize) -> Vec<(u16, u8)> {
    let mut set: Vec<(u16, u8)> = Vec::with_capacity(count);
    while set.len() < count {
        let s = rng.skill(skills);
        if set.iter().all(|(x, _)| *x != s) {
            set.push((s, 1 + rng.below(4) as u8));
        }
    }
    set.sort_unstable();
    set
}

/// `n` people over `skills` skills.
pub fn candidates(seed: u64, n: usize, skills: u16) -> Vec<Candidate> {
    let mut rng = Rng::new(seed);
    let walls = WallRules::shipped().expect("the shipped walls parse");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date");
    (0..n)
        .map(|i| {
            let count = 3 + rng.below(6) as usize;
            let availability = pattern(&mut rng);
            let free_hours = availability.minutes() / 60;
            Candidate {
                id: i as i64,
                skills: skill_set(&mut rng, skills, count),
                availability,
                max_minutes_per_week: (8 + rng.below(u64::from(free_hours.max(9) - 7)) as u32) * 60,
                income_cap: walls.limit(
                    match rng.below(10) {
                        0..=2 => IncomeCap::SpouseDeduction,
                        3 => IncomeCap::SocialInsurance,
                        4..=5 => IncomeCap::PartnerInsurance,
                        _ => IncomeCap::None,
                    },
                    today,
                ),
                work_place: [
                    WorkPlace::Either,
                    WorkPlace::Either,
                    WorkPlace::OnSite,
                    WorkPlace::Remote,
                ][rng.below(4) as usize],
                commute_minutes: [15, 20, 30, 45][rng.below(4) as usize],
                area: rng.below(u64::from(AREAS)) as u16,
                earliest_start: None,
                goal: [
                    GoalTrack::OwnPace,
                    GoalTrack::OwnPace,
                    GoalTrack::FullReturn,
                    GoalTrack::StartBusiness,
                ][rng.below(4) as usize],
                career_gap_months: rng.below(150) as u32,
                children: rng.below(3) as u32,
                cares_for_adult: false,
                recent_introductions: rng.below(3) as u32,
                introduced_to: Vec::new(),
                history: Default::default(),
            }
        })
        .collect()
}

/// `n` requests over `skills` skills.
pub fn openings(seed: u64, n: usize, skills: u16) -> Vec<Opening> {
    let mut rng = Rng::new(seed ^ 0xA5A5);
    (0..n)
        .map(|i| {
            let kind = if rng.chance(10) {
                RequestKind::TeamProject
            } else {
                RequestKind::Job
            };
            let windows = rng.chance(60).then(|| {
                let start = 17 + rng.below(6) as usize;
                let length = 4 + rng.below(6) as usize;
                let days = [(0, 4), (0, 2), (1, 3), (2, 4), (0, 0)][rng.below(5) as usize];
                week(&[(days.0, days.1, start, start + length)])
            });
            let min_hours = match windows {
                Some(w) => w.minutes() / 60,
                None => 4 + rng.below(12) as u32,
            };
            let mut flags = Vec::new();
            for (flag, percent) in [
                (Flag::WithinIncomeCap, 50),
                (Flag::CareerGapWelcome, 60),
                (Flag::SuddenAbsenceCovered, 40),
                (Flag::ChildrenWelcome, 15),
            ] {
                if rng.chance(percent) {
                    flags.push(flag);
                }
            }
            let required_count = 1 + rng.below(3) as usize;
            let nice_count = rng.below(4) as usize;
            let required = skill_set(&mut rng, skills, required_count);
            let nice = skill_set(&mut rng, skills, nice_count)
                .into_iter()
                .filter(|(s, _)| required.iter().all(|(r, _)| r != s))
                .collect();
            let opening = Opening {
                id: i as i64,
                kind,
                required,
                nice,
                licences: Vec::new(),
                windows,
                // Every window is worked: the least hours are the windows' hours.
                shifts: ShiftRule::AllRequired,
                min_minutes_per_week: min_hours * 60,
                max_minutes_per_week: (min_hours + rng.below(6) as u32) * 60,
                pay: if kind == RequestKind::Job {
                    Pay::Hourly(1_100 + 50 * rng.below(9) as u32)
                } else {
                    Pay::Unknown
                },
                commuting_allowance_monthly: 0,
                flags,
                work_mode: [
                    WorkMode::OnSite,
                    WorkMode::OnSite,
                    WorkMode::Hybrid,
                    WorkMode::Remote,
                ][rng.below(4) as usize],
                area: rng.below(u64::from(AREAS)) as u16,
                start_date: None,
                capacity: if kind == RequestKind::TeamProject {
                    3 + rng.below(3) as u32
                } else {
                    1 + rng.below(3) as u32
                },
                is_employment: rng.chance(20),
                team: None,
            };
            // A team project's team takes its largest size from the capacity drawn above.
            Opening {
                team: (kind == RequestKind::TeamProject).then_some(TeamShape {
                    size_min: 2,
                    size_max: opening.capacity as u16,
                    meeting_minutes: 60,
                }),
                ..opening
            }
        })
        .collect()
}

/// Travel minutes between the generated town's areas: neighbours near, far ends far.
pub fn travel() -> TravelTimes {
    let mut t = TravelTimes::new(usize::from(AREAS), 40);
    for a in 0..AREAS {
        for b in 0..AREAS {
            let steps = a.abs_diff(b);
            t.set(a, b, 5 + 6 * steps);
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_instance() {
        assert_eq!(candidates(1, 50, 174), candidates(1, 50, 174));
        assert_ne!(candidates(1, 50, 174), candidates(2, 50, 174));
        assert_eq!(openings(1, 20, 174), openings(1, 20, 174));
    }

    #[test]
    fn instances_have_the_intended_shapes() {
        let people = candidates(7, 2_000, 174);
        assert!(
            people
                .iter()
                .all(|p| (3..=8).contains(&p.skills.len()) && !p.availability.is_empty())
        );
        let common = people
            .iter()
            .filter(|p| p.skills.iter().any(|(s, _)| *s < 10))
            .count();
        assert!(
            common > people.len() / 2,
            "common skills are common: {common}"
        );
        let jobs = openings(7, 500, 174);
        let fixed = jobs.iter().filter(|j| j.windows.is_some()).count();
        assert!((200..400).contains(&fixed), "{fixed} fixed of 500");
        assert!(jobs.iter().all(|j| !j.required.is_empty() && j.min_minutes_per_week <= j.max_minutes_per_week));
    }
}
