//! The branch and bound that forms a team (see the module above for the objective and bounds).

use std::borrow::Borrow;

use domain::availability::WeeklyAvailability;

use super::{Team, TeamNeeds, WEIGHTS, all_bits, mask, time_value};
use crate::input::Candidate;
use crate::skills::SkillGraph;

/// Branches explored before stopping with the best team so far.
pub const DEFAULT_MAX_NODES: u64 = 2_000_000;

/// A team as the search builds it.
#[derive(Clone, Copy)]
struct Partial {
    required: u64,
    nice: u64,
    common: WeeklyAvailability,
    /// The members' fits less their cost.
    value: i64,
}

struct Search<'a> {
    needs: &'a TeamNeeds,
    /// Pool indexes by score, best first; every other vector is by this position.
    order: Vec<usize>,
    scores: Vec<i64>,
    required: Vec<u64>,
    nice: Vec<u64>,
    availability: Vec<WeeklyAvailability>,
    /// Positions holding each required skill, best first.
    holders: Vec<Vec<u32>>,
    /// Required skills by how few hold them.
    skill_order: Vec<usize>,
    /// The nice skills someone at or after each position covers.
    nice_after: Vec<u64>,
    most_required_bits: u32,
    all_required: u64,
    left_out: Vec<bool>,
    members: Vec<usize>,
    best: Option<(i64, Vec<usize>, WeeklyAvailability)>,
    nodes: u64,
    max_nodes: u64,
}

/// What a team search found.
#[derive(Debug, Clone, PartialEq)]
pub enum Formed {
    /// The best team, or the best found before the limit (see [`Team::proven_optimal`]).
    Team(Team),
    /// No team exists: the search went through every possibility.
    NoneExists,
    /// The search stopped at its limit before finding any team; one may exist.
    Stopped,
}

impl Formed {
    pub fn team(self) -> Option<Team> {
        match self {
            Formed::Team(team) => Some(team),
            Formed::NoneExists | Formed::Stopped => None,
        }
    }
}

/// The best team from `pool`, each with the score `scores[i]` (0–100) of their fit to the
/// project.
pub fn form<C: Borrow<Candidate>>(
    graph: &SkillGraph,
    pool: &[C],
    scores: &[f32],
    needs: &TeamNeeds,
    max_nodes: u64,
) -> Option<Team> {
    search(graph, (pool, scores), needs, None, max_nodes).team()
}

/// [`form`], saying whether "no team" means none exists or the search stopped first.
pub fn form_or_stopped<C: Borrow<Candidate>>(
    graph: &SkillGraph,
    pool: &[C],
    scores: &[f32],
    needs: &TeamNeeds,
    max_nodes: u64,
) -> Formed {
    search(graph, (pool, scores), needs, None, max_nodes)
}

/// The best team from `pool` that includes `member` (an index into `pool`): whether a person
/// can be part of any team for the project at all.
pub fn form_including<C: Borrow<Candidate>>(
    graph: &SkillGraph,
    (pool, scores): (&[C], &[f32]),
    needs: &TeamNeeds,
    member: usize,
    max_nodes: u64,
) -> Option<Team> {
    search(graph, (pool, scores), needs, Some(member), max_nodes).team()
}

fn search<C: Borrow<Candidate>>(
    graph: &SkillGraph,
    (pool, scores): (&[C], &[f32]),
    needs: &TeamNeeds,
    including: Option<usize>,
    max_nodes: u64,
) -> Formed {
    assert!(
        needs.required.len() <= 64 && needs.nice.len() <= 64,
        "at most 64 skills of each kind"
    );
    let mut search = Search::new(graph, pool, scores, needs, max_nodes);
    let mut start = Partial {
        required: 0,
        nice: 0,
        common: WeeklyAvailability::empty().with_full_week(),
        value: 0,
    };
    if let Some(member) = including {
        let Some(position) = search.order.iter().position(|i| *i == member) else {
            return Formed::NoneExists;
        };
        let Some(with) = search.with(&start, position) else {
            return Formed::NoneExists;
        };
        start = with;
        search.members.push(position);
    }
    search.cover_required(start);
    let proven = search.nodes < search.max_nodes;
    let Some((objective, positions, common_time)) = search.best else {
        return if proven {
            Formed::NoneExists
        } else {
            Formed::Stopped
        };
    };
    let members: Vec<usize> = positions.iter().map(|p| search.order[*p]).collect();
    let nice = positions.iter().fold(0, |m, p| m | search.nice[*p]);
    Formed::Team(Team {
        total_score: members.iter().map(|m| scores[*m]).sum(),
        members,
        objective,
        nice_covered: nice.count_ones() as usize,
        common_time,
        proven_optimal: proven,
    })
}

impl<'a> Search<'a> {
    fn new<C: Borrow<Candidate>>(
        graph: &SkillGraph,
        pool: &[C],
        scores: &[f32],
        needs: &'a TeamNeeds,
        max_nodes: u64,
    ) -> Self {
        let mut order: Vec<usize> = (0..pool.len()).collect();
        order.sort_by(|a, b| scores[*b].total_cmp(&scores[*a]).then(a.cmp(b)));
        let required: Vec<u64> = order
            .iter()
            .map(|i| mask(graph, pool[*i].borrow(), &needs.required))
            .collect();
        let nice: Vec<u64> = order
            .iter()
            .map(|i| mask(graph, pool[*i].borrow(), &needs.nice))
            .collect();
        let mut holders = vec![Vec::new(); needs.required.len()];
        for (position, bits) in required.iter().enumerate() {
            for (bit, list) in holders.iter_mut().enumerate() {
                if bits & (1 << bit) != 0 {
                    list.push(position as u32);
                }
            }
        }
        let mut skill_order: Vec<usize> = (0..needs.required.len()).collect();
        skill_order.sort_by_key(|bit| holders[*bit].len());
        let mut nice_after = vec![0; order.len() + 1];
        for p in (0..order.len()).rev() {
            nice_after[p] = nice_after[p + 1] | nice[p];
        }
        Self {
            needs,
            scores: order
                .iter()
                .map(|i| (scores[*i] * 100.0).round() as i64)
                .collect(),
            availability: order
                .iter()
                .map(|i| pool[*i].borrow().availability)
                .collect(),
            most_required_bits: required.iter().map(|m| m.count_ones()).max().unwrap_or(0),
            all_required: all_bits(needs.required.len()),
            left_out: vec![false; order.len()],
            members: Vec::new(),
            best: None,
            nodes: 0,
            max_nodes,
            order,
            required,
            nice,
            holders,
            skill_order,
            nice_after,
        }
    }

    /// Whether a team that could reach `bound` is still worth exploring.
    fn promising(&self, bound: i64) -> bool {
        self.best.as_ref().is_none_or(|(best, _, _)| bound > *best)
    }

    /// The most a team grown from `partial` could be worth, when `more` members must still be
    /// added, none better than the best fit left.
    fn bound(&self, partial: &Partial, more: usize) -> i64 {
        let best_fit = self.scores.first().copied().unwrap_or(0);
        let reachable = partial.nice | self.nice_after[0];
        partial.value - more as i64 * (WEIGHTS.member_cost - best_fit).max(0)
            + i64::from(reachable.count_ones()) * WEIGHTS.nice_skill
            + time_value(&partial.common)
    }

    /// How many more members the team needs at least: for the missing skills and the size.
    fn members_needed(&self, partial: &Partial) -> usize {
        let missing = (self.all_required & !partial.required).count_ones();
        let for_skills = missing.div_ceil(self.most_required_bits.max(1)) as usize;
        for_skills.max(self.needs.size_min.saturating_sub(self.members.len()))
    }

    fn with(&self, partial: &Partial, position: usize) -> Option<Partial> {
        let common = partial.common.intersection(&self.availability[position]);
        (common.minutes() >= self.needs.meeting_minutes).then(|| Partial {
            required: partial.required | self.required[position],
            nice: partial.nice | self.nice[position],
            common,
            value: partial.value + self.scores[position] - WEIGHTS.member_cost,
        })
    }

    /// Covers the required skills one at a time, then hands over to [`Self::add_extras`].
    fn cover_required(&mut self, partial: Partial) {
        self.nodes += 1;
        if self.nodes >= self.max_nodes {
            return;
        }
        if partial.required == self.all_required {
            self.add_extras(0, partial);
            return;
        }
        let needed = self.members_needed(&partial);
        if self.members.len() + needed > self.needs.size_max
            || !self.promising(self.bound(&partial, needed))
        {
            return;
        }
        let Some(skill) = self
            .skill_order
            .iter()
            .copied()
            .find(|bit| partial.required & (1 << bit) == 0)
        else {
            return;
        };
        let mut left_out = Vec::new();
        for k in 0..self.holders[skill].len() {
            let position = self.holders[skill][k] as usize;
            if self.left_out[position] {
                continue;
            }
            // Later holders fit no better: when even this one cannot lead to a better team,
            // none can.
            let lead = partial.value + self.scores[position] - WEIGHTS.member_cost;
            let lead = Partial {
                value: lead,
                ..partial
            };
            if !self.promising(self.bound(&lead, needed.saturating_sub(1))) {
                break;
            }
            if let Some(next) = self.with(&partial, position) {
                self.members.push(position);
                self.cover_required(next);
                self.members.pop();
            }
            self.left_out[position] = true;
            left_out.push(position);
        }
        for position in left_out {
            self.left_out[position] = false;
        }
    }

    /// Every required skill is covered: record the team, then try adding members (from
    /// position `from` on) who bring a nice skill or are needed for the minimum size.
    fn add_extras(&mut self, from: usize, partial: Partial) {
        self.nodes += 1;
        if self.nodes >= self.max_nodes {
            return;
        }
        let size = self.members.len();
        if size >= self.needs.size_min.max(1) {
            let value = partial.value
                + i64::from(partial.nice.count_ones()) * WEIGHTS.nice_skill
                + time_value(&partial.common);
            if self.promising(value) {
                let mut members = self.members.clone();
                members.sort_unstable();
                self.best = Some((value, members, partial.common));
            }
        }
        if size == self.needs.size_max {
            return;
        }
        let needed = self.needs.size_min.saturating_sub(size);
        for position in from..self.order.len() {
            if self.left_out[position] || self.members.contains(&position) {
                continue;
            }
            let adds = self.nice[position] & !partial.nice != 0;
            if !adds && needed == 0 {
                continue;
            }
            let reachable = (partial.nice | self.nice_after[position]).count_ones();
            let gain = self.scores[position] - WEIGHTS.member_cost;
            let bound = partial.value
                + needed.max(1) as i64 * gain
                + i64::from(reachable) * WEIGHTS.nice_skill
                + time_value(&partial.common);
            if !self.promising(bound) {
                // Later positions fit no better and reach no more nice skills.
                break;
            }
            if let Some(next) = self.with(&partial, position) {
                self.members.push(position);
                self.add_extras(position + 1, next);
                self.members.pop();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{graph, person};
    use super::super::value_of;
    use super::*;
    use crate::skills::SkillGraph;

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
            nice: Vec::new(),
            size_min: 2,
            size_max: 3,
            meeting_minutes: 120,
        };
        let team = form(&graph(), &pool, &scores, &needs, DEFAULT_MAX_NODES).unwrap();
        let mut members = team.members.clone();
        members.sort();
        // Person 2 has skills 0 and 1, person 3 skill 2: a third member would add nothing.
        assert_eq!(members, [2, 3]);
        assert_eq!(team.total_score, 130.0);
        // (60 − 100) + (70 − 100) points, and Friday 10:00–12:00 shared: 4 half-hours.
        assert_eq!(team.objective, -7_000 + 400);
        assert!(team.common_time.minutes() >= 120);
        assert!(team.proven_optimal);

        // With skill 3 nice to have and person 1 holding it at a good fit, they join.
        let mut pool = pool;
        pool[1].skills.push((3, 2));
        let scores = [50.0, 90.0, 60.0, 70.0];
        let needs = TeamNeeds {
            nice: vec![(3, 1)],
            ..needs
        };
        let team = form(&graph(), &pool, &scores, &needs, DEFAULT_MAX_NODES).unwrap();
        let mut members = team.members.clone();
        members.sort();
        assert_eq!(
            members,
            [1, 2, 3],
            "90 − 100 + 50 for the nice skill is worth it"
        );
        assert_eq!(team.nice_covered, 1);
    }

    #[test]
    fn no_team_when_the_skills_or_the_common_time_are_missing() {
        let pool = vec![person(vec![(0, 3)], 0), person(vec![(1, 3)], 1)];
        let needs = TeamNeeds {
            required: vec![(0, 2), (2, 1)],
            nice: Vec::new(),
            size_min: 1,
            size_max: 2,
            meeting_minutes: 0,
        };
        assert!(form(&graph(), &pool, &[1.0, 1.0], &needs, DEFAULT_MAX_NODES).is_none());
        let needs = TeamNeeds {
            required: vec![(0, 2), (1, 2)],
            nice: Vec::new(),
            size_min: 2,
            size_max: 2,
            meeting_minutes: 300,
        };
        assert!(
            form(&graph(), &pool, &[1.0, 1.0], &needs, DEFAULT_MAX_NODES).is_none(),
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
        for _ in 0..300 {
            let n = 3 + next(6) as usize;
            let mut pool = Vec::new();
            for _ in 0..n {
                let mut skills = Vec::new();
                for s in 0..4_u16 {
                    if next(2) == 0 {
                        skills.push((s, 1 + next(3) as u8));
                    }
                }
                pool.push(person(skills, next(4) as usize));
            }
            let scores: Vec<f32> = (0..n).map(|_| next(100) as f32).collect();
            let needs = TeamNeeds {
                required: vec![(0, 2), (1, 1)],
                nice: vec![(2, 1), (3, 2)],
                size_min: 1 + next(2) as usize,
                size_max: 3,
                meeting_minutes: 60,
            };
            let found =
                form(&graph(), &pool, &scores, &needs, DEFAULT_MAX_NODES).map(|t| t.objective);
            assert_eq!(found, brute_force(&pool, &scores, &needs));
        }
    }

    /// The best objective over every subset of the pool.
    fn brute_force(pool: &[Candidate], scores: &[f32], needs: &TeamNeeds) -> Option<i64> {
        (1_u32..(1 << pool.len()))
            .filter_map(|set| {
                let members: Vec<usize> = (0..pool.len()).filter(|i| set & (1 << i) != 0).collect();
                value_of(&graph(), pool, scores, needs, &members)
            })
            .max()
    }

    #[test]
    fn no_team_is_said_only_when_none_exists() {
        let pool: Vec<Candidate> = (0..40)
            .map(|i| person(vec![((i % 4) as u16, 2)], (i % 3) as usize))
            .collect();
        let scores: Vec<f32> = (0..40).map(|i| 50.0 + (i % 7) as f32).collect();
        let needs = TeamNeeds {
            required: vec![(0, 2), (1, 2), (2, 2), (3, 2)],
            nice: Vec::new(),
            size_min: 4,
            size_max: 4,
            meeting_minutes: 60,
        };
        assert!(matches!(
            form_or_stopped(&graph(), &pool, &scores, &needs, DEFAULT_MAX_NODES),
            Formed::Team(_)
        ));
        assert_eq!(
            form_or_stopped(&graph(), &pool, &scores, &needs, 2),
            Formed::Stopped,
            "stopped before any team: not the same as none"
        );
        let impossible = TeamNeeds {
            required: vec![(5, 1)],
            ..needs
        };
        assert_eq!(
            form_or_stopped(&graph(), &pool, &scores, &impossible, DEFAULT_MAX_NODES),
            Formed::NoneExists
        );
    }

    #[test]
    fn related_skills_cover_a_team_need_the_way_single_matches_count_them() {
        let mut related = SkillGraph::unrelated(3);
        related.relate(1, 0, 0.8);
        let pool = vec![person(vec![(1, 3)], 0)];
        let needs = TeamNeeds {
            required: vec![(0, 2)],
            nice: Vec::new(),
            size_min: 1,
            size_max: 1,
            meeting_minutes: 0,
        };
        assert!(form(&related, &pool, &[50.0], &needs, DEFAULT_MAX_NODES).is_some());
        assert!(form(&graph(), &pool, &[50.0], &needs, DEFAULT_MAX_NODES).is_none());
        related.relate(2, 0, 0.5);
        let weak = vec![person(vec![(2, 4)], 0)];
        assert!(
            form(&related, &weak, &[50.0], &needs, DEFAULT_MAX_NODES).is_none(),
            "half a skill does not cover it"
        );
    }
}
