//! Team formation for team projects: choose members within the size range who together have
//! every required skill at its level, who share enough common free time to meet, and whose
//! scores add up to the most (so, within the size range, every member who fits well and can
//! meet is worth adding: the program's aim is to bring people into work). Exact, by branch and bound over the candidates sorted by score:
//!
//! - skip a branch when even the best remaining members cannot beat the best team found;
//! - skip it when the members left cannot cover the skills still missing;
//! - skip it when the common free time is already below what the team needs (it only shrinks).
//!
//! For realistic pools (a few hundred feasible people, teams of up to 6 with up to 8 required
//! skills) this is exact within the time budget; beyond `max_nodes` explored branches it stops
//! and returns the best team found so far, marked as not proven optimal.

use domain::availability::WeeklyAvailability;

use domain::introduction::MatchReason;

use crate::input::{Candidate, Opening, SkillLevelPair, TravelTimes};
use crate::skills::SkillGraph;

/// What the team must be.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamNeeds {
    pub required: Vec<SkillLevelPair>,
    pub size_min: usize,
    pub size_max: usize,
    /// Common free time the team needs each week, in minutes.
    pub meeting_minutes: u32,
}

/// A team and when it can meet.
#[derive(Debug, Clone, PartialEq)]
pub struct Team {
    /// Indexes into the pool given.
    pub members: Vec<usize>,
    pub total_score: f32,
    pub common_time: WeeklyAvailability,
    /// False when the search stopped at its limit.
    pub proven_optimal: bool,
}

/// Branches explored before stopping with the best team so far.
pub const DEFAULT_MAX_NODES: u64 = 5_000_000;

struct Search<'a> {
    order: Vec<usize>,
    scores: Vec<f32>,
    masks: Vec<u64>,
    suffix_masks: Vec<u64>,
    pool: &'a [Candidate],
    needs: &'a TeamNeeds,
    all: u64,
    best: Option<Team>,
    nodes: u64,
    max_nodes: u64,
}

/// The best team from `pool`, each with the score `scores[i]` of their fit to the project.
pub fn form(pool: &[Candidate], scores: &[f32], needs: &TeamNeeds, max_nodes: u64) -> Option<Team> {
    assert!(needs.required.len() <= 64, "at most 64 required skills");
    let mut order: Vec<usize> = (0..pool.len()).collect();
    order.sort_by(|a, b| scores[*b].total_cmp(&scores[*a]).then(a.cmp(b)));
    let masks: Vec<u64> = order
        .iter()
        .map(|i| {
            needs
                .required
                .iter()
                .enumerate()
                .fold(0, |mask, (bit, (skill, level))| {
                    let has = pool[*i]
                        .skills
                        .binary_search_by_key(skill, |(s, _)| *s)
                        .ok()
                        .map_or(0, |k| pool[*i].skills[k].1);
                    if has >= *level {
                        mask | (1 << bit)
                    } else {
                        mask
                    }
                })
        })
        .collect();
    let mut suffix_masks = vec![0; order.len() + 1];
    for i in (0..order.len()).rev() {
        suffix_masks[i] = suffix_masks[i + 1] | masks[i];
    }
    let all = if needs.required.is_empty() {
        0
    } else {
        u64::MAX >> (64 - needs.required.len())
    };
    let sorted_scores = order.iter().map(|i| scores[*i]).collect();
    let mut search = Search {
        order,
        scores: sorted_scores,
        masks,
        suffix_masks,
        pool,
        needs,
        all,
        best: None,
        nodes: 0,
        max_nodes,
    };
    let everyone = WeeklyAvailability::empty().with_full_week();
    let mut members = Vec::new();
    search.explore(0, &mut members, 0, everyone, 0.0);
    let proven = search.nodes < search.max_nodes;
    search.best.map(|mut team| {
        team.proven_optimal = proven;
        team
    })
}

impl Search<'_> {
    fn explore(
        &mut self,
        next: usize,
        members: &mut Vec<usize>,
        covered: u64,
        common: WeeklyAvailability,
        total: f32,
    ) {
        self.nodes += 1;
        if self.nodes >= self.max_nodes {
            return;
        }
        if members.len() >= self.needs.size_min
            && covered == self.all
            && self.best.as_ref().is_none_or(|b| total > b.total_score)
        {
            self.best = Some(Team {
                members: members.iter().map(|m| self.order[*m]).collect(),
                total_score: total,
                common_time: common,
                proven_optimal: false,
            });
        }
        if members.len() == self.needs.size_max || next == self.order.len() {
            return;
        }
        if covered | self.suffix_masks[next] != self.all {
            return;
        }
        let room = self.needs.size_max - members.len();
        let bound: f32 = total + self.scores[next..].iter().take(room).sum::<f32>();
        if self.best.as_ref().is_some_and(|b| bound <= b.total_score) {
            return;
        }
        // Take the next candidate, if the team can still meet.
        let with = common.intersection(&self.pool[self.order[next]].availability);
        if with.minutes() >= self.needs.meeting_minutes {
            members.push(next);
            self.explore(
                next + 1,
                members,
                covered | self.masks[next],
                with,
                total + self.scores[next],
            );
            members.pop();
        }
        // Or leave them out.
        self.explore(next + 1, members, covered, common, total);
    }
}

/// How a group a coordinator chose fits an opening: the mean of its members' scores (0 for a
/// member who does not fit), the reasons every fitting member shares, and the free time they
/// all have in common.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupFit {
    pub score: i32,
    pub reasons: Vec<MatchReason>,
    pub common_time: WeeklyAvailability,
}

/// The fit of `members` (at least one), introduced together to `opening`.
pub fn group_fit(
    graph: &SkillGraph,
    members: &[Candidate],
    opening: &Opening,
    travel: &TravelTimes,
) -> GroupFit {
    let mut scores = Vec::with_capacity(members.len());
    let mut reasons: Option<Vec<MatchReason>> = None;
    let mut common_time = WeeklyAvailability::empty().with_full_week();
    for member in members {
        common_time = common_time.intersection(&member.availability);
        match crate::feasibility::check(member, opening, travel) {
            Ok(fit) => {
                let score = crate::score::score(graph, member, opening, &fit);
                scores.push(score.total);
                let own = score.explanation.reasons;
                reasons = Some(match reasons {
                    None => own,
                    Some(shared) => shared.into_iter().filter(|r| own.contains(r)).collect(),
                });
            }
            Err(_) => scores.push(0.0),
        }
    }
    let mean = scores.iter().sum::<f32>() / scores.len().max(1) as f32;
    GroupFit {
        score: mean.round() as i32,
        reasons: reasons.unwrap_or_default(),
        common_time,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::candidate;
    use domain::availability::Weekday;

    fn person(skills: Vec<(u16, u8)>, day: usize) -> Candidate {
        let mut c = candidate();
        c.skills = skills;
        c.availability = WeeklyAvailability::empty()
            .with_window(Weekday::new(day).unwrap(), 18, 24)
            .with_window(Weekday::new(4).unwrap(), 20, 24);
        c
    }

    #[test]
    fn the_team_covers_every_skill_and_can_meet() {
        let pool = vec![
            person(vec![(0, 3)], 0),
            person(vec![(1, 3)], 1),
            person(vec![(0, 3), (1, 3)], 2),
            person(vec![(2, 2)], 3),
        ];
        let scores = [50.0, 40.0, 60.0, 70.0];
        let needs = TeamNeeds {
            required: vec![(0, 2), (1, 2), (2, 2)],
            size_min: 2,
            size_max: 3,
            meeting_minutes: 120,
        };
        let team = form(&pool, &scores, &needs, DEFAULT_MAX_NODES).unwrap();
        let mut members = team.members.clone();
        members.sort();
        // Scores add up, so a third member who can meet (Fridays) makes the team better;
        // person 1 adds less than person 0 and the size limit is 3.
        assert_eq!(members, [0, 2, 3]);
        assert_eq!(team.total_score, 180.0);
        assert!(team.common_time.minutes() >= 120);
        assert!(team.proven_optimal);
    }

    #[test]
    fn no_team_when_the_skills_or_the_common_time_are_missing() {
        let pool = vec![person(vec![(0, 3)], 0), person(vec![(1, 3)], 1)];
        let needs = TeamNeeds {
            required: vec![(0, 2), (2, 1)],
            size_min: 1,
            size_max: 2,
            meeting_minutes: 0,
        };
        assert!(form(&pool, &[1.0, 1.0], &needs, DEFAULT_MAX_NODES).is_none());
        let needs = TeamNeeds {
            required: vec![(0, 2), (1, 2)],
            size_min: 2,
            size_max: 2,
            meeting_minutes: 300,
        };
        assert!(
            form(&pool, &[1.0, 1.0], &needs, DEFAULT_MAX_NODES).is_none(),
            "only Friday 10:00-12:00 is shared"
        );
    }

    #[test]
    fn the_team_equals_brute_force_on_small_pools() {
        let mut seed = 11_u64;
        let mut next = |below: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % below
        };
        for _ in 0..200 {
            let n = 3 + next(5) as usize;
            let mut pool = Vec::new();
            for _ in 0..n {
                let mut skills = Vec::new();
                for s in 0..3_u16 {
                    if next(2) == 0 {
                        skills.push((s, 1 + next(3) as u8));
                    }
                }
                pool.push(person(skills, next(4) as usize));
            }
            let scores: Vec<f32> = (0..n).map(|_| next(100) as f32).collect();
            let needs = TeamNeeds {
                required: vec![(0, 2), (1, 1)],
                size_min: 2,
                size_max: 3,
                meeting_minutes: 60,
            };
            let found = form(&pool, &scores, &needs, DEFAULT_MAX_NODES).map(|t| t.total_score);
            let mut best: Option<f32> = None;
            for mask in 1_u32..(1 << n) {
                let members: Vec<usize> = (0..n).filter(|i| mask & (1 << i) != 0).collect();
                if members.len() < needs.size_min || members.len() > needs.size_max {
                    continue;
                }
                let covers = needs.required.iter().all(|(s, l)| {
                    members
                        .iter()
                        .any(|m| crate::skills::SkillGraph::level_of(&pool[*m].skills, *s) >= *l)
                });
                let common = members
                    .iter()
                    .fold(WeeklyAvailability::empty().with_full_week(), |a, m| {
                        a.intersection(&pool[*m].availability)
                    });
                if covers && common.minutes() >= needs.meeting_minutes {
                    let total: f32 = members.iter().map(|m| scores[*m]).sum();
                    best = Some(best.map_or(total, |b: f32| b.max(total)));
                }
            }
            assert_eq!(found, best);
        }
    }

    #[test]
    fn a_chosen_group_scores_its_mean_and_shares_only_common_reasons() {
        let graph = SkillGraph::from_taxonomy(&domain::skill::Taxonomy::shipped().unwrap());
        let opening = crate::testing::opening();
        let travel = crate::generator::travel();
        let fits = crate::testing::candidate();
        let alone = group_fit(&graph, std::slice::from_ref(&fits), &opening, &travel);
        assert!(alone.score > 0);
        assert!(!alone.reasons.is_empty());
        let mut cannot = fits.clone();
        cannot.id = 2;
        cannot.availability = WeeklyAvailability::empty();
        let pair = group_fit(&graph, &[fits, cannot], &opening, &travel);
        assert_eq!(pair.score, (alone.score as f32 / 2.0).round() as i32);
        assert_eq!(
            pair.reasons, alone.reasons,
            "the one who fits gives the reasons"
        );
        assert!(pair.common_time.is_empty());
    }
}
