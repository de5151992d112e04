//! What the engine reads: compact copies of participants and requests.

use chrono::NaiveDate;
use domain::availability::WeeklyAvailability;
use domain::income_cap::{CapLimit, Earnings};
use domain::participant::{GoalTrack, WorkPlace};
use domain::request::{Flag, Pay, RequestKind, ShiftRule, WorkMode};

/// A skill as an index into the [`crate::SkillGraph`], with a level 1–4.
pub type SkillLevelPair = (u16, u8);

/// A participant as the engine sees them.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub id: i64,
    /// Sorted by skill index.
    pub skills: Vec<SkillLevelPair>,
    pub availability: WeeklyAvailability,
    pub max_minutes_per_week: u32,
    /// The person's income wall as it stands today.
    pub income_cap: CapLimit,
    pub work_place: WorkPlace,
    pub commute_minutes: u32,
    /// The area the person lives in, an index into [`TravelTimes`].
    pub area: u16,
    pub earliest_start: Option<NaiveDate>,
    pub goal: GoalTrack,
    pub career_gap_months: u32,
    pub children: u32,
    /// Whether the person cares for an adult (an elder or another family member).
    pub cares_for_adult: bool,
    /// Introductions made to this person recently, for exposure fairness.
    pub recent_introductions: u32,
    /// Requests (by id, sorted) the person already has an introduction to, in progress or
    /// declined: not proposed again.
    pub introduced_to: Vec<i64>,
    /// The person's introductions so far: how much room a batch run has for them.
    pub history: domain::introduction::history::IntroductionHistory,
}

/// A team project's team: how many people and how long they meet together each week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TeamShape {
    pub size_min: u16,
    pub size_max: u16,
    pub meeting_minutes: u32,
}

/// A request as the engine sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Opening {
    pub id: i64,
    pub kind: RequestKind,
    pub required: Vec<SkillLevelPair>,
    pub nice: Vec<SkillLevelPair>,
    /// The required skills that are licences: only holders at the level fit.
    pub licences: Vec<SkillLevelPair>,
    /// Fixed working windows; `None` for flexible hours.
    pub windows: Option<WeeklyAvailability>,
    /// How the fixed windows are worked: all of them, or enough of them from a pool.
    pub shifts: ShiftRule,
    pub min_minutes_per_week: u32,
    pub max_minutes_per_week: u32,
    pub pay: Pay,
    /// Commuting allowance a month in yen: it counts towards the 130万円 wall.
    pub commuting_allowance_monthly: u32,
    pub flags: Vec<Flag>,
    pub work_mode: WorkMode,
    pub area: u16,
    pub start_date: Option<NaiveDate>,
    /// Headcount for a job; the largest team size for a team project.
    pub capacity: u32,
    /// For a team project: the team it needs; its places go to one team, never seat by seat.
    pub team: Option<TeamShape>,
    pub is_employment: bool,
}

impl Opening {
    #[inline]
    pub fn has(&self, flag: Flag) -> bool {
        self.flags.contains(&flag)
    }

    /// What a team project asks of its team: its required and nice skills and its shape.
    pub fn team_needs(&self) -> Option<crate::team::TeamNeeds> {
        self.team.map(|shape| crate::team::TeamNeeds {
            required: self.required.clone(),
            nice: self.nice.clone(),
            size_min: usize::from(shape.size_min),
            size_max: usize::from(shape.size_max),
            meeting_minutes: shape.meeting_minutes,
        })
    }

    /// What the work pays, as the income walls count it.
    #[inline]
    pub fn earnings(&self) -> Earnings {
        Earnings {
            pay: self.pay,
            full_minutes: self.max_minutes_per_week,
            commuting_monthly: self.commuting_allowance_monthly,
        }
    }

    /// Whether the person can choose among shifts: a pool of windows, or flexible hours.
    #[inline]
    pub fn has_shift_choice(&self) -> bool {
        self.windows.is_none() || matches!(self.shifts, ShiftRule::ChooseFrom { .. })
    }
}

/// Travel minutes between a town's areas, an approximation: one figure per pair of areas
/// (by car or bus, whichever the town measured), the same both ways; unknown pairs take the
/// default. Good enough to rule out the impossible; a coordinator judges the rest.
#[derive(Debug, Clone, PartialEq)]
pub struct TravelTimes {
    areas: usize,
    minutes: Vec<u16>,
    default_minutes: u16,
}

impl TravelTimes {
    /// `areas` areas, every pair at `default_minutes` and each area 0 from itself.
    pub fn new(areas: usize, default_minutes: u16) -> Self {
        let mut minutes = vec![default_minutes; areas * areas];
        for a in 0..areas {
            minutes[a * areas + a] = 0;
        }
        Self {
            areas,
            minutes,
            default_minutes,
        }
    }

    pub fn set(&mut self, a: u16, b: u16, minutes: u16) {
        let (a, b) = (usize::from(a), usize::from(b));
        if a < self.areas && b < self.areas {
            self.minutes[a * self.areas + b] = minutes;
            self.minutes[b * self.areas + a] = minutes;
        }
    }

    #[inline]
    pub fn between(&self, a: u16, b: u16) -> u16 {
        let (a, b) = (usize::from(a), usize::from(b));
        if a < self.areas && b < self.areas {
            self.minutes[a * self.areas + b]
        } else {
            self.default_minutes
        }
    }
}
