//! The soft score of a feasible request for a person, 0–100, with the reasons and gaps behind
//! it. The weights are in one place, [`WEIGHTS`].

use domain::introduction::MatchReason;
use domain::participant::GoalTrack;
use domain::request::{Flag, RequestKind, ShiftRule};

use crate::feasibility::Fit;
use crate::input::{Candidate, Opening};
use crate::skills::{Levels, SkillGraph};

/// How much each component counts; they add up to 100.
pub struct Weights {
    pub required_skills: f32,
    pub nice_skills: f32,
    pub schedule: f32,
    pub goal: f32,
    pub carer_flags: f32,
    pub growth: f32,
}

pub const WEIGHTS: Weights = Weights {
    required_skills: 40.0,
    nice_skills: 10.0,
    schedule: 15.0,
    goal: 15.0,
    carer_flags: 10.0,
    growth: 10.0,
};

impl Weights {
    /// The highest total a request can reach when the person covers none of its required
    /// skills (a little above, for rounding): the bound that lets shortlists skip such requests.
    pub fn most_without_required_skills(&self) -> f32 {
        self.nice_skills + self.schedule + self.goal + self.carer_flags + self.growth + 0.01
    }
}

/// Something missing, in structured form for the web layer to put in words.
#[derive(Debug, Clone, PartialEq)]
pub enum Gap {
    /// A required or nice skill the person has below the level asked (0 if not at all).
    Skill {
        skill: u16,
        needed: u8,
        has: u8,
        required: bool,
    },
}

/// Why the score is what it is.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Explanation {
    /// Positive reasons, as codes: `skills_match`, `fits_schedule`, `goal_fit`,
    /// `within_income_cap`, `career_gap_welcome`, `sudden_absence_covered`,
    /// `children_welcome`, `hours_reduced_for_cap`, `grows_skills`.
    pub reasons: Vec<MatchReason>,
    pub gaps: Vec<Gap>,
    /// For a pool of shifts: the shifts the person can take.
    pub shifts: Option<domain::availability::WeeklyAvailability>,
}

/// A score with its parts (each 0–1 before weighting) and explanation.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    pub total: f32,
    pub required_skills: f32,
    pub nice_skills: f32,
    pub schedule: f32,
    pub goal: f32,
    pub carer_flags: f32,
    pub growth: f32,
    pub explanation: Explanation,
}

fn average_coverage(graph: &SkillGraph, levels: &Levels, needs: &[(u16, u8)]) -> f32 {
    if needs.is_empty() {
        return 1.0;
    }
    needs
        .iter()
        .map(|need| graph.coverage(levels, *need))
        .sum::<f32>()
        / needs.len() as f32
}

/// How well the kind of work suits the way the person wants to work.
fn goal_fit(candidate: &Candidate, opening: &Opening) -> f32 {
    let hours = opening.min_minutes_per_week as f32 / 60.0;
    match (candidate.goal, opening.kind) {
        (GoalTrack::OwnPace, RequestKind::Job) if hours <= 20.0 => 1.0,
        (GoalTrack::OwnPace, RequestKind::TeamProject) => 0.8,
        (GoalTrack::OwnPace, RequestKind::Job) => 0.4,
        (GoalTrack::FullReturn, RequestKind::Job) if opening.is_employment || hours >= 20.0 => 1.0,
        (GoalTrack::FullReturn, _) => 0.5,
        (GoalTrack::StartBusiness, RequestKind::TeamProject) => 1.0,
        (GoalTrack::StartBusiness, RequestKind::Job) if !opening.is_employment => 0.6,
        (GoalTrack::StartBusiness, RequestKind::Job) => 0.3,
    }
}

/// What carers look for: a request flag, or a choice of shifts.
#[derive(Clone, Copy)]
enum CarerNeed {
    Flag(Flag),
    ShiftChoice,
}

impl CarerNeed {
    fn offered(self, opening: &Opening) -> bool {
        match self {
            CarerNeed::Flag(flag) => opening.has(flag),
            CarerNeed::ShiftChoice => opening.has_shift_choice(),
        }
    }

    fn reason(self) -> MatchReason {
        match self {
            CarerNeed::Flag(flag) => MatchReason::from(flag),
            CarerNeed::ShiftChoice => MatchReason::ChoosesShifts,
        }
    }
}

/// What carers look for, each with whether it matters to this person. A sudden day off and a
/// choice of shifts matter to everyone who cares for someone, a child or an adult; 子連れOK to
/// parents.
fn carer_needs(candidate: &Candidate) -> [(CarerNeed, bool); 5] {
    let carer = candidate.children > 0 || candidate.cares_for_adult;
    [
        (
            CarerNeed::Flag(Flag::WithinIncomeCap),
            candidate.income_cap.test.is_some(),
        ),
        (
            CarerNeed::Flag(Flag::CareerGapWelcome),
            candidate.career_gap_months >= 12,
        ),
        (CarerNeed::Flag(Flag::SuddenAbsenceCovered), carer),
        (
            CarerNeed::Flag(Flag::ChildrenWelcome),
            candidate.children > 0,
        ),
        (CarerNeed::ShiftChoice, carer),
    ]
}

/// The share of the things that matter to the person that the request offers (the request is
/// read only for what matters).
fn carer_flags(candidate: &Candidate, opening: &Opening) -> f32 {
    let (mut relevant, mut offered) = (0_u8, 0_u8);
    for (need, matters) in carer_needs(candidate) {
        if matters {
            relevant += 1;
            offered += u8::from(need.offered(opening));
        }
    }
    if relevant == 0 {
        1.0
    } else {
        f32::from(offered) / f32::from(relevant)
    }
}

/// The six components, each 0–1.
struct Parts {
    required_skills: f32,
    nice_skills: f32,
    schedule: f32,
    goal: f32,
    carer_flags: f32,
    growth: f32,
}

fn parts(
    graph: &SkillGraph,
    levels: &Levels,
    candidate: &Candidate,
    opening: &Opening,
    fit: &Fit,
) -> Parts {
    let free = candidate.availability.minutes().max(1) as f32;
    let gained = opening
        .nice
        .iter()
        .filter(|n| levels.get(n.0) < n.1)
        .count();
    Parts {
        required_skills: average_coverage(graph, levels, &opening.required),
        nice_skills: average_coverage(graph, levels, &opening.nice),
        schedule: match opening.windows {
            Some(_) => 1.0,
            // Flexible work: a better fit when it uses a sensible share of the free time.
            None => (fit.minutes_per_week as f32 / free).clamp(0.5, 1.0),
        },
        goal: goal_fit(candidate, opening),
        carer_flags: carer_flags(candidate, opening),
        growth: (gained as f32 / 2.0).min(1.0),
    }
}

impl Parts {
    fn total(&self) -> f32 {
        let w = &WEIGHTS;
        w.required_skills * self.required_skills
            + w.nice_skills * self.nice_skills
            + w.schedule * self.schedule
            + w.goal * self.goal
            + w.carer_flags * self.carer_flags
            + w.growth * self.growth
    }
}

/// The score alone, without explanation: the allocation-free form of [`score`] for ranking
/// many pairs. `levels` are the candidate's, built once for all the requests scored.
pub fn total(
    graph: &SkillGraph,
    levels: &Levels,
    candidate: &Candidate,
    opening: &Opening,
    fit: &Fit,
) -> f32 {
    parts(graph, levels, candidate, opening, fit).total()
}

/// The score and whether the person is qualified: they have at least some of the required
/// skills, themselves or through related ones (or the request requires none). Ranking puts
/// qualified pairs first.
pub fn total_qualified(
    graph: &SkillGraph,
    levels: &Levels,
    candidate: &Candidate,
    opening: &Opening,
    fit: &Fit,
) -> (f32, bool) {
    let p = parts(graph, levels, candidate, opening, fit);
    (
        p.total(),
        opening.required.is_empty() || p.required_skills > 0.0,
    )
}

/// Scores a request that passed [`crate::check`] for a person, with its explanation.
pub fn score(graph: &SkillGraph, candidate: &Candidate, opening: &Opening, fit: &Fit) -> Score {
    score_with(
        graph,
        &Levels::of(&candidate.skills),
        candidate,
        opening,
        fit,
    )
}

/// [`score`] with the candidate's levels already built (for many requests of one person).
pub fn score_with(
    graph: &SkillGraph,
    levels: &Levels,
    candidate: &Candidate,
    opening: &Opening,
    fit: &Fit,
) -> Score {
    let p = parts(graph, levels, candidate, opening, fit);
    let mut explanation = Explanation {
        shifts: matches!(opening.shifts, ShiftRule::ChooseFrom { .. })
            .then(|| crate::feasibility::workable_shifts(candidate, opening))
            .filter(|_| opening.windows.is_some()),
        ..Explanation::default()
    };
    for (need, required) in opening
        .required
        .iter()
        .map(|n| (n, true))
        .chain(opening.nice.iter().map(|n| (n, false)))
    {
        let has = levels.get(need.0);
        // A related skill that implies this one (a 保育士 for 保育補助) leaves no gap.
        if graph.coverage(levels, *need) < 0.999 {
            explanation.gaps.push(Gap::Skill {
                skill: need.0,
                needed: need.1,
                has,
                required,
            });
        }
    }
    let reasons = &mut explanation.reasons;
    if p.required_skills >= 0.999 && !opening.required.is_empty() {
        reasons.push(MatchReason::SkillsMatch);
    }
    if opening.windows.is_some() {
        reasons.push(MatchReason::FitsSchedule);
    }
    if p.goal >= 0.999 {
        reasons.push(MatchReason::GoalFit);
    }
    for (need, matters) in carer_needs(candidate) {
        if matters && need.offered(opening) {
            reasons.push(need.reason());
        }
    }
    if fit.reduced_for_cap {
        reasons.push(MatchReason::HoursReducedForCap);
    }
    if p.growth > 0.0 {
        reasons.push(MatchReason::GrowsSkills);
    }
    Score {
        total: p.total(),
        required_skills: p.required_skills,
        nice_skills: p.nice_skills,
        schedule: p.schedule,
        goal: p.goal,
        carer_flags: p.carer_flags,
        growth: p.growth,
        explanation,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{candidate, opening};

    fn fit() -> Fit {
        Fit {
            minutes_per_week: 360,
            reduced_for_cap: false,
            cap_minutes: None,
        }
    }

    #[test]
    fn the_weights_add_up_to_100() {
        let w = WEIGHTS;
        assert_eq!(
            w.required_skills + w.nice_skills + w.schedule + w.goal + w.carer_flags + w.growth,
            100.0
        );
    }

    #[test]
    fn each_component_is_explained() {
        let graph = SkillGraph::unrelated(3);
        let s = score(&graph, &candidate(), &opening(), &fit());
        assert_eq!(s.required_skills, 1.0);
        assert_eq!(s.nice_skills, 0.0, "skill 2 is missing");
        assert_eq!(s.schedule, 1.0);
        assert_eq!(s.goal, 1.0, "own pace and 6 hours a week");
        assert!(
            (s.carer_flags - 0.2).abs() < 1e-6,
            "1 of 5 wanted: the gap welcome"
        );
        assert_eq!(s.growth, 0.5);
        assert!(s.total > 0.0 && s.total <= 100.0);
        assert!(s.explanation.reasons.contains(&MatchReason::SkillsMatch));
        assert!(
            s.explanation
                .reasons
                .contains(&MatchReason::CareerGapWelcome)
        );
        assert_eq!(
            s.explanation.gaps,
            vec![Gap::Skill {
                skill: 2,
                needed: 2,
                has: 0,
                required: false
            }]
        );
    }

    #[test]
    fn a_required_skill_below_its_level_is_a_gap_and_lowers_the_score() {
        let graph = SkillGraph::unrelated(3);
        let mut job = opening();
        job.required = vec![(1, 4)];
        let s = score(&graph, &candidate(), &job, &fit());
        assert!((s.required_skills - 0.5).abs() < 1e-6);
        assert!(s.explanation.gaps.contains(&Gap::Skill {
            skill: 1,
            needed: 4,
            has: 2,
            required: true
        }));
        let full = score(&graph, &candidate(), &opening(), &fit());
        assert!(s.total < full.total);
    }

    #[test]
    fn goals_prefer_their_kind_of_work() {
        let mut person = candidate();
        let job = opening();
        person.goal = GoalTrack::StartBusiness;
        let mut project = opening();
        project.kind = RequestKind::TeamProject;
        assert!(goal_fit(&person, &project) > goal_fit(&person, &job));
        person.goal = GoalTrack::FullReturn;
        let mut full_time = opening();
        full_time.min_minutes_per_week = 30 * 60;
        assert!(goal_fit(&person, &full_time) > goal_fit(&person, &job));
    }
}
