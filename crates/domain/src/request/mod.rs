//! Requests (依頼) that organizations bring: jobs (求人) and team projects (プロジェクト), the
//! conditions carers look for, and the review workflow.

pub mod interest;
mod parse;
mod workflow;

use chrono::NaiveDate;

use crate::availability::WeeklyAvailability;
use crate::skill::{SkillId, SkillLevel};

pub use parse::{DESCRIPTION_MAX, RequestInput, RequestRules, TITLE_MAX};
pub use workflow::{IllegalMove, RequestStatus, ReviewAction, Reviewer, after_edit, review};

crate::coded!(
    /// 求人 or プロジェクト.
    RequestKind { Job = "job" => "request-kind-job", TeamProject = "team_project" => "request-kind-team-project" }
);
crate::coded!(
    /// The form of a job: 雇用 / パート・アルバイト / 派遣・期間限定 / 業務委託.
    ContractType {
        Employment = "employment" => "contract-employment",
        PartTime = "part_time" => "contract-part-time",
        Temporary = "temporary" => "contract-temporary",
        Outsourcing = "outsourcing" => "contract-outsourcing",
    }
);
crate::coded!(
    /// How pay is counted.
    PayUnit {
        Hourly = "hourly" => "pay-unit-hourly",
        Monthly = "monthly" => "pay-unit-monthly",
        PerProject = "per_project" => "pay-unit-per-project",
    }
);
crate::coded!(
    /// Where the work is done.
    WorkMode {
        OnSite = "on_site" => "work-mode-on-site",
        Remote = "remote" => "work-mode-remote",
        Hybrid = "hybrid" => "work-mode-hybrid",
    }
);
crate::coded!(
    /// Where a team meets.
    MeetingMode { OnSite = "on_site" => "meeting-mode-on-site", Online = "online" => "meeting-mode-online" }
);
crate::coded!(
    /// What carers look for in a request.
    Flag {
        /// 扶養内OK: hours can be reduced to stay under an income cap.
        WithinIncomeCap = "within_income_cap" => "flag-within-income-cap",
        /// ブランクOK.
        CareerGapWelcome = "career_gap_welcome" => "flag-career-gap-welcome",
        /// 急な休みに対応: a child's illness will not cost the job.
        SuddenAbsenceCovered = "sudden_absence_covered" => "flag-sudden-absence-covered",
        /// 子連れ可.
        ChildrenWelcome = "children_welcome" => "flag-children-welcome",
    }
);
crate::coded!(
    /// Why a request was closed.
    CloseReason {
        Filled = "filled" => "close-reason-filled",
        Withdrawn = "withdrawn" => "close-reason-withdrawn",
        Expired = "expired" => "close-reason-expired",
    }
);

crate::coded!(
    /// A line of a request's history.
    RequestStep {
        Created = "created" => "request-action-created",
        Edited = "edited" => "request-action-edited",
        Submit = "submit" => "request-action-submit",
        Withdraw = "withdraw" => "request-action-withdraw",
        Return = "return" => "request-action-return",
        Publish = "publish" => "request-action-publish",
        Close = "close" => "request-action-close",
    }
);

/// A skill a request asks for, at least at a level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillNeed {
    pub skill: SkillId,
    pub level: SkillLevel,
}

/// How a request's fixed windows are worked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShiftRule {
    /// A fixed schedule: every window is worked (固定のシフト).
    AllRequired,
    /// A shift pool: the person works some of the windows, whole, enough to reach the request's
    /// least hours (シフト制・週N日から). With `shortest_minutes`, a part of a window at least that
    /// long counts too (短時間シフト可).
    ChooseFrom { shortest_minutes: Option<u32> },
}

impl ShiftRule {
    pub fn code(self) -> &'static str {
        match self {
            ShiftRule::AllRequired => "all_required",
            ShiftRule::ChooseFrom { .. } => "choose_from",
        }
    }

    /// From the stored code and shortest shift.
    pub fn from_code(code: &str, shortest_minutes: Option<u32>) -> Option<Self> {
        match code {
            "all_required" => Some(ShiftRule::AllRequired),
            "choose_from" => Some(ShiftRule::ChooseFrom {
                shortest_minutes: shortest_minutes.filter(|m| *m > 0),
            }),
            _ => None,
        }
    }

    /// The rule a request means when it does not say: windows longer in total than the least
    /// hours asked are a pool to choose from; windows that are exactly the hours are all worked.
    pub fn implied(windows: &WeeklyAvailability, min_minutes_per_week: u32) -> Self {
        if windows.minutes() > min_minutes_per_week {
            ShiftRule::ChooseFrom {
                shortest_minutes: None,
            }
        } else {
            ShiftRule::AllRequired
        }
    }

    pub fn shortest_minutes(self) -> Option<u32> {
        match self {
            ShiftRule::AllRequired => None,
            ShiftRule::ChooseFrom { shortest_minutes } => shortest_minutes,
        }
    }
}

impl crate::label::Label for ShiftRule {
    fn label_key(self) -> &'static str {
        match self {
            ShiftRule::AllRequired => "shift-rule-all-required",
            ShiftRule::ChooseFrom { .. } => "shift-rule-choose-from",
        }
    }

    fn every() -> Vec<Self> {
        vec![
            ShiftRule::AllRequired,
            ShiftRule::ChooseFrom {
                shortest_minutes: None,
            },
        ]
    }
}

/// What a request pays, as the income walls count it (see [`crate::income_cap`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pay {
    Hourly(u32),
    /// A month's pay for the request's most hours; fewer hours are paid pro rata.
    Monthly(u32),
    /// One payment for the whole piece of work.
    PerProject(u32),
    /// No pay given (a team project without a budget per person).
    Unknown,
}

impl Pay {
    pub fn of(unit: PayUnit, yen: u32) -> Self {
        match unit {
            PayUnit::Hourly => Pay::Hourly(yen),
            PayUnit::Monthly => Pay::Monthly(yen),
            PayUnit::PerProject => Pay::PerProject(yen),
        }
    }
}

/// When the work happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schedule {
    /// Fixed windows on the weekly grid, and how they are worked.
    Fixed(WeeklyAvailability, ShiftRule),
    /// Any time, within the hours a week.
    Flexible,
}

#[derive(Debug, Clone, PartialEq)]
pub struct JobTerms {
    pub contract: ContractType,
    pub pay_unit: PayUnit,
    pub pay_yen: u32,
    pub headcount: u32,
    /// Commuting allowance a month, in yen (0 when none): it counts towards some income walls.
    pub commuting_allowance_yen: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProjectTerms {
    pub deliverable: String,
    pub team_min: u32,
    pub team_max: u32,
    pub milestones: String,
    pub budget_yen: u32,
    pub meeting_mode: MeetingMode,
    /// Common free time the team needs to meet, minutes a week.
    pub meeting_minutes_per_week: u32,
}

/// A request as parsed from the form.
#[derive(Debug, Clone, PartialEq)]
pub struct RequestDraft {
    pub kind: RequestKind,
    pub title: String,
    pub description: String,
    /// The English versions, when the organization wrote them (empty otherwise).
    pub title_en: String,
    pub description_en: String,
    pub required_skills: Vec<SkillNeed>,
    pub nice_skills: Vec<SkillNeed>,
    pub flags: Vec<Flag>,
    pub work_mode: WorkMode,
    pub location_area: String,
    pub schedule: Schedule,
    pub days_per_week: Option<u32>,
    pub min_minutes_per_week: u32,
    pub max_minutes_per_week: u32,
    pub start_date: Option<NaiveDate>,
    pub job: Option<JobTerms>,
    pub project: Option<ProjectTerms>,
}

impl RequestDraft {
    pub fn has(&self, flag: Flag) -> bool {
        self.flags.contains(&flag)
    }

    /// Whether `other` asks for something else: anything but the words (title, description
    /// and their English versions), skills and flags compared in any order. A published
    /// request whose terms change goes back to review (`after_edit`).
    pub fn terms_differ(&self, other: &RequestDraft) -> bool {
        self.terms() != other.terms()
    }

    fn terms(&self) -> RequestDraft {
        let mut terms = RequestDraft {
            title: String::new(),
            description: String::new(),
            title_en: String::new(),
            description_en: String::new(),
            ..self.clone()
        };
        terms.required_skills.sort_by(|a, b| a.skill.cmp(&b.skill));
        terms.nice_skills.sort_by(|a, b| a.skill.cmp(&b.skill));
        terms.flags.sort_by_key(|f| f.code());
        terms
    }

    /// The end of the latest fixed window, as a half-hour index, for filters such as
    /// "finishes by 15:00"; flexible work has none.
    pub fn latest_end(&self) -> Option<usize> {
        match self.schedule {
            Schedule::Fixed(windows, _) => windows.windows().iter().map(|(_, _, end)| *end).max(),
            Schedule::Flexible => None,
        }
    }
}
