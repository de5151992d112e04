//! Team formation for team projects: the team as large as it needs to be, not as large as
//! allowed. A team must have every required skill at its level among its members, be within
//! the size range, and share enough free time to meet. Among such teams the search maximises,
//! in hundredths of a score point ([`TeamWeights`]):
//!
//! - each member's fit to the project less a member's cost (the most a fit can be), so a
//!   person is added only when they bring something;
//! - a bonus for each nice-to-have skill the team covers;
//! - a bonus for each half-hour the members share, up to a cap (adding people shrinks it).
//!
//! So two people who cover every skill beat the same two plus a third who adds nothing, and
//! a third who brings a nice-to-have skill is added only when their fit is good enough.
//!
//! Exact, by branch and bound. First every required skill is covered: the search branches on
//! the uncovered skill with the fewest holders, trying each holder in score order (holders
//! tried before are left out of later branches, so no team is visited twice). Then it adds
//! members for nice skills or the minimum size. Bounds: the cost of the members still needed
//! (at least the missing skills over the most any one person covers), the nice skills still
//! reachable, and the shared time, which only shrinks. A candidate who adds no skill is never
//! added beyond the minimum size. Beyond `max_nodes` explored branches it stops and returns
//! the best team found so far, marked as not proven optimal.
//!
//! - `search`: the branch and bound, [`form`] and its variants;
//! - `for_person`: teams that include a given person, for their suggestions;
//! - `group`: the fit of a group a coordinator chose by hand.

mod for_person;
mod group;
mod search;

pub use for_person::{suggestions, with_person};
pub use group::{GroupFit, group_fit};
pub use search::{DEFAULT_MAX_NODES, Formed, form, form_including, form_or_stopped};

use domain::availability::WeeklyAvailability;

use crate::input::{Candidate, SkillLevelPair};
use crate::skills::SkillGraph;

/// What the team must be.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamNeeds {
    pub required: Vec<SkillLevelPair>,
    /// Skills the project would like: each one covered is worth [`TeamWeights::nice_skill`].
    pub nice: Vec<SkillLevelPair>,
    pub size_min: usize,
    pub size_max: usize,
    /// Common free time the team needs each week, in minutes.
    pub meeting_minutes: u32,
}

/// The trade-off between a team's size, its skills and its shared time, in hundredths of a
/// score point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TeamWeights {
    /// What each member costs: the most a fit can be, so a member is worth adding only for a
    /// skill, the minimum size, or a nice skill they bring with a good fit.
    pub member_cost: i64,
    pub nice_skill: i64,
    pub shared_half_hour: i64,
    /// Shared half-hours beyond this many add nothing more.
    pub shared_half_hours_counted: u32,
}

pub const WEIGHTS: TeamWeights = TeamWeights {
    member_cost: 10_000,
    nice_skill: 5_000,
    shared_half_hour: 100,
    shared_half_hours_counted: 20,
};

/// A team and when it can meet.
#[derive(Debug, Clone, PartialEq)]
pub struct Team {
    /// Indexes into the pool given.
    pub members: Vec<usize>,
    /// The sum of the members' fits.
    pub total_score: f32,
    /// The value maximised, in hundredths (see [`TeamWeights`]).
    pub objective: i64,
    /// How many of the nice-to-have skills the team covers.
    pub nice_covered: usize,
    pub common_time: WeeklyAvailability,
    /// False when the search stopped at its limit.
    pub proven_optimal: bool,
}

/// How much of a skill a member must bring, themselves or through related skills the way a
/// single match counts them ([`SkillGraph::coverage`]), to cover it for the team.
pub const COVERS: f32 = 0.8;

/// The bits of `needs` a person covers.
fn mask(graph: &SkillGraph, person: &Candidate, needs: &[SkillLevelPair]) -> u64 {
    needs.iter().enumerate().fold(0, |mask, (bit, need)| {
        if graph.coverage_of(&person.skills, *need) >= COVERS {
            mask | (1 << bit)
        } else {
            mask
        }
    })
}

fn all_bits(n: usize) -> u64 {
    if n == 0 { 0 } else { u64::MAX >> (64 - n) }
}

/// The value of the shared time.
fn time_value(common: &WeeklyAvailability) -> i64 {
    i64::from(common.slot_count().min(WEIGHTS.shared_half_hours_counted)) * WEIGHTS.shared_half_hour
}

/// The objective of a given team (see [`TeamWeights`]), or `None` when it is not a valid team
/// for `needs`: outside the size range, missing a required skill, or without the meeting time.
pub fn value_of(
    graph: &SkillGraph,
    pool: &[Candidate],
    scores: &[f32],
    needs: &TeamNeeds,
    members: &[usize],
) -> Option<i64> {
    let (required, nice) = members.iter().fold((0, 0), |(r, n), m| {
        (
            r | mask(graph, &pool[*m], &needs.required),
            n | mask(graph, &pool[*m], &needs.nice),
        )
    });
    let common = members
        .iter()
        .fold(WeeklyAvailability::empty().with_full_week(), |a, m| {
            a.intersection(&pool[*m].availability)
        });
    let valid = (needs.size_min.max(1)..=needs.size_max).contains(&members.len())
        && required == all_bits(needs.required.len())
        && common.minutes() >= needs.meeting_minutes;
    valid.then(|| {
        members
            .iter()
            .map(|m| (scores[*m] * 100.0).round() as i64 - WEIGHTS.member_cost)
            .sum::<i64>()
            + i64::from(nice.count_ones()) * WEIGHTS.nice_skill
            + time_value(&common)
    })
}

/// One skill a team project asks for, and the members who bring it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cover {
    pub skill: SkillLevelPair,
    /// Required, rather than nice to have.
    pub required: bool,
    /// Indexes into the members given, in their order; empty when nobody covers it.
    pub by: Vec<usize>,
}

/// Who covers which of the project's skills: every required skill, then every nice one, each
/// with the members who bring it at the level asked ([`COVERS`], as the search counts it).
pub fn coverage<C: std::borrow::Borrow<Candidate>>(
    graph: &SkillGraph,
    members: &[C],
    needs: &TeamNeeds,
) -> Vec<Cover> {
    let asked = needs
        .required
        .iter()
        .map(|s| (s, true))
        .chain(needs.nice.iter().map(|s| (s, false)));
    asked
        .map(|(skill, required)| Cover {
            skill: *skill,
            required,
            by: (0..members.len())
                .filter(|m| graph.coverage_of(&members[*m].borrow().skills, *skill) >= COVERS)
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod fixtures {
    use crate::input::Candidate;
    use crate::skills::SkillGraph;
    use crate::testing::candidate;
    use domain::availability::{Weekday, WeeklyAvailability};

    pub fn graph() -> SkillGraph {
        SkillGraph::unrelated(8)
    }

    /// A person with `skills`, free 9:00–12:00 on `day` and 10:00–12:00 on Fridays.
    pub fn person(skills: Vec<(u16, u8)>, day: usize) -> Candidate {
        let mut c = candidate();
        c.skills = skills;
        c.availability = WeeklyAvailability::empty()
            .with_window(Weekday::new(day).unwrap(), 18, 24)
            .with_window(Weekday::new(4).unwrap(), 20, 24);
        c
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::{graph, person};
    use super::*;

    #[test]
    fn coverage_names_who_brings_each_skill_at_its_level() {
        let members = [
            person(vec![(0, 3), (1, 1)], 0),
            person(vec![(1, 3)], 1),
            person(vec![(0, 2), (5, 4)], 2),
        ];
        let needs = TeamNeeds {
            required: vec![(0, 3), (1, 2)],
            nice: vec![(5, 2), (6, 1)],
            size_min: 2,
            size_max: 3,
            meeting_minutes: 60,
        };
        let covers = coverage(&graph(), &members, &needs);
        let by: Vec<(SkillLevelPair, bool, Vec<usize>)> = covers
            .into_iter()
            .map(|c| (c.skill, c.required, c.by))
            .collect();
        assert_eq!(
            by,
            [
                // Level 2 of skill 0 is below the 3 asked: only the first member covers it.
                ((0, 3), true, vec![0]),
                // Level 1 of skill 1 does not cover the 2 asked.
                ((1, 2), true, vec![1]),
                ((5, 2), false, vec![2]),
                // Nobody brings skill 6.
                ((6, 1), false, vec![]),
            ]
        );
    }
}
