//! Ranked shortlists both ways: the best people for a request, the best requests for a person.
//!
//! Exposure fairness: with a non-zero `exposure_penalty`, each introduction a person had
//! recently lowers their rank by that many points, so the same few people are not proposed
//! every time while others with a similar fit wait. The score shown stays the fit itself.

use std::cmp::Ordering;

use crate::feasibility::{Fit, fit};
use crate::input::{Candidate, Opening, TravelTimes};
use crate::score::{Score, WEIGHTS, score, score_with, total_qualified};
use crate::skills::{Levels, SkillGraph};

/// One feasible pairing with its score.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub candidate: usize,
    pub opening: usize,
    pub fit: Fit,
    pub score: Score,
    /// The score used for ranking: the fit less the exposure penalty, plus [`QUALIFIED`] when
    /// the person has some of the required skills.
    pub rank_score: f32,
}

impl Match {
    /// The fit less the exposure penalty, without the bonus for being qualified: what a team's
    /// members add up to.
    pub fn fair_score(&self) -> f32 {
        fair(self.rank_score)
    }
}

/// A rank score without the bonus for being qualified.
pub(crate) fn fair(rank_score: f32) -> f32 {
    if rank_score >= QUALIFIED {
        rank_score - QUALIFIED
    } else {
        rank_score
    }
}

/// Settings shared by shortlists and batch proposals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranking {
    /// Points taken off per recent introduction of the person (0 turns fairness off).
    pub exposure_penalty: f32,
}

impl Default for Ranking {
    fn default() -> Self {
        Self {
            exposure_penalty: 2.0,
        }
    }
}

/// What ranking adds for a qualified pair (see [`crate::score::total_qualified`]): more than
/// any score, so a request whose required skills the person has none of never comes before
/// one they are qualified for, whatever its other merits.
pub const QUALIFIED: f32 = 100.0;

/// The fit and rank score of a pair, without building an explanation.
pub(crate) fn rank(
    graph: &SkillGraph,
    travel: &TravelTimes,
    ranking: Ranking,
    (candidate, levels): (&Candidate, &Levels),
    opening: &Opening,
) -> Option<(Fit, f32)> {
    let fit = fit(candidate, opening, travel)?;
    let (value, qualified) = total_qualified(graph, levels, candidate, opening, &fit);
    let fair = (value - ranking.exposure_penalty * candidate.recent_introductions as f32).max(0.0);
    Some((fit, if qualified { fair + QUALIFIED } else { fair }))
}

/// The full match, with its explanation, for a pair already ranked.
pub(crate) fn explain(
    graph: &SkillGraph,
    candidates: &[Candidate],
    openings: &[Opening],
    c: usize,
    o: usize,
    fit: Fit,
    rank_score: f32,
) -> Match {
    Match {
        candidate: c,
        opening: o,
        fit,
        score: score(graph, &candidates[c], &openings[o], &fit),
        rank_score,
    }
}

/// Keeps the `k` best of (index, fit, rank) by rank, ties by `tie`, best first.
fn best_k(
    mut ranked: Vec<(usize, Fit, f32)>,
    k: usize,
    tie: impl Fn(usize) -> i64,
) -> Vec<(usize, Fit, f32)> {
    keep_best(&mut ranked, k, &tie);
    ranked.sort_by(|a, b| order(a, b, &tie));
    ranked
}

fn order(a: &(usize, Fit, f32), b: &(usize, Fit, f32), tie: impl Fn(usize) -> i64) -> Ordering {
    b.2.total_cmp(&a.2).then_with(|| tie(a.0).cmp(&tie(b.0)))
}

/// Cuts `ranked` to its `k` best, in no particular order but the `k`th best last.
fn keep_best(ranked: &mut Vec<(usize, Fit, f32)>, k: usize, tie: impl Fn(usize) -> i64) {
    if ranked.len() >= k && k > 0 {
        ranked.select_nth_unstable_by(k - 1, |a, b| order(a, b, &tie));
    }
    ranked.truncate(k);
}

/// The `k` best people for request `opening`.
pub fn for_opening(
    graph: &SkillGraph,
    travel: &TravelTimes,
    ranking: Ranking,
    candidates: &[Candidate],
    openings: &[Opening],
    opening: usize,
    k: usize,
) -> Vec<Match> {
    let ranked = candidates
        .iter()
        .enumerate()
        .filter_map(|(c, candidate)| {
            let levels = Levels::of(&candidate.skills);
            rank(
                graph,
                travel,
                ranking,
                (candidate, &levels),
                &openings[opening],
            )
            .map(|(fit, r)| (c, fit, r))
        })
        .collect();
    best_k(ranked, k, |c| candidates[c].id)
        .into_iter()
        .map(|(c, fit, r)| explain(graph, candidates, openings, c, opening, fit, r))
        .collect()
}

/// The `k` best requests for person `candidate`.
pub fn for_candidate(
    graph: &SkillGraph,
    travel: &TravelTimes,
    ranking: Ranking,
    candidates: &[Candidate],
    openings: &[Opening],
    candidate: usize,
    k: usize,
) -> Vec<Match> {
    let person = &candidates[candidate];
    let levels = Levels::of(&person.skills);
    let ranked = openings
        .iter()
        .enumerate()
        .filter_map(|(o, opening)| {
            rank(graph, travel, ranking, (person, &levels), opening).map(|(fit, r)| (o, fit, r))
        })
        .collect();
    best_k(ranked, k, |o| openings[o].id)
        .into_iter()
        .map(|(o, fit, r)| explain(graph, candidates, openings, candidate, o, fit, r))
        .collect()
}

/// Requests by the skills they require, so a person's shortlist first reads the requests whose
/// required skills they cover at all.
struct OpeningIndex {
    by_required: Vec<Vec<u32>>,
    without_required: Vec<u32>,
}

impl OpeningIndex {
    fn new(graph: &SkillGraph, openings: &[Opening]) -> Self {
        let mut by_required = vec![Vec::new(); graph.len()];
        let mut without_required = Vec::new();
        for (o, opening) in openings.iter().enumerate() {
            if opening.required.is_empty() {
                without_required.push(o as u32);
            }
            for (skill, _) in &opening.required {
                if let Some(list) = by_required.get_mut(usize::from(*skill)) {
                    list.push(o as u32);
                } else {
                    without_required.push(o as u32);
                }
            }
        }
        Self {
            by_required,
            without_required,
        }
    }
}

/// What one search thread reuses from person to person: a mark per request.
struct Scratch {
    seen: Vec<u32>,
    person: u32,
}

/// [`for_candidate`] with the index, and the same result. It scores first the requests whose
/// required skills the person covers at all. The others score at most
/// [`crate::score::Weights::most_without_required_skills`]; they are read only when the `k`th
/// best so far is not above that, which for most people it is.
#[allow(clippy::too_many_arguments)]
fn for_candidate_indexed(
    graph: &SkillGraph,
    travel: &TravelTimes,
    ranking: Ranking,
    (candidates, openings): (&[Candidate], &[Opening]),
    index: &OpeningIndex,
    scratch: &mut Scratch,
    candidate: usize,
    k: usize,
) -> Vec<Match> {
    let person = &candidates[candidate];
    let levels = Levels::of(&person.skills);
    scratch.person += 1;
    let mark = scratch.person;
    let mut consider = |o: u32, ranked: &mut Vec<(usize, Fit, f32)>| {
        if scratch.seen[o as usize] != mark {
            scratch.seen[o as usize] = mark;
            let opening = &openings[o as usize];
            if let Some((fit, r)) = rank(graph, travel, ranking, (person, &levels), opening) {
                ranked.push((o as usize, fit, r));
            }
        }
    };
    let mut ranked = Vec::new();
    for skill in graph.covered(&person.skills) {
        for o in index
            .by_required
            .get(usize::from(skill))
            .into_iter()
            .flatten()
        {
            consider(*o, &mut ranked);
        }
    }
    for o in &index.without_required {
        consider(*o, &mut ranked);
    }
    let tie = |o: usize| openings[o].id;
    keep_best(&mut ranked, k, tie);
    let most_elsewhere = WEIGHTS.most_without_required_skills()
        - ranking.exposure_penalty * person.recent_introductions as f32;
    let settled = ranked.len() == k && ranked.last().is_some_and(|kth| kth.2 > most_elsewhere);
    if !settled {
        for o in 0..openings.len() as u32 {
            consider(o, &mut ranked);
        }
    }
    best_k(ranked, k, tie)
        .into_iter()
        .map(|(o, fit, r)| Match {
            candidate,
            opening: o,
            fit,
            score: score_with(graph, &levels, person, &openings[o], &fit),
            rank_score: r,
        })
        .collect()
}

/// The `k` best requests for every person, in parallel across the machine's cores.
pub fn for_every_candidate(
    graph: &SkillGraph,
    travel: &TravelTimes,
    ranking: Ranking,
    candidates: &[Candidate],
    openings: &[Opening],
    k: usize,
) -> Vec<Vec<Match>> {
    use rayon::prelude::*;
    let index = OpeningIndex::new(graph, openings);
    (0..candidates.len())
        .into_par_iter()
        .map_init(
            || Scratch {
                seen: vec![0; openings.len()],
                person: 0,
            },
            |scratch, c| {
                for_candidate_indexed(
                    graph,
                    travel,
                    ranking,
                    (candidates, openings),
                    &index,
                    scratch,
                    c,
                    k,
                )
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{candidate, opening};

    #[test]
    fn shortlists_rank_by_fit_and_leave_out_what_does_not_fit() {
        let graph = SkillGraph::unrelated(3);
        let travel = TravelTimes::new(3, 10);
        let mut strong = candidate();
        strong.id = 1;
        let mut weaker = candidate();
        weaker.id = 2;
        weaker.skills = vec![(0, 1)];
        let mut away = candidate();
        away.id = 3;
        away.availability = domain::availability::WeeklyAvailability::empty();
        let people = vec![weaker, strong, away];
        let jobs = vec![opening()];
        let list = for_opening(
            &graph,
            &travel,
            Ranking {
                exposure_penalty: 0.0,
            },
            &people,
            &jobs,
            0,
            10,
        );
        assert_eq!(
            list.iter()
                .map(|m| people[m.candidate].id)
                .collect::<Vec<_>>(),
            [1, 2]
        );
        let for_person = for_candidate(&graph, &travel, Ranking::default(), &people, &jobs, 1, 5);
        assert_eq!(for_person.len(), 1);
    }

    #[test]
    fn the_indexed_shortlists_equal_the_full_scan() {
        use crate::generator::{candidates, openings, travel};
        let mut graph = SkillGraph::unrelated(40);
        graph.relate(30, 0, 0.5);
        graph.relate(3, 7, 0.8);
        let travel = travel();
        for seed in 1..4 {
            let people = candidates(seed, 300, 40);
            let mut jobs = openings(seed, 120, 40);
            jobs[5].required.clear();
            for k in [0, 1, 5, 20] {
                let every =
                    for_every_candidate(&graph, &travel, Ranking::default(), &people, &jobs, k);
                for (c, list) in every.iter().enumerate() {
                    let scan =
                        for_candidate(&graph, &travel, Ranking::default(), &people, &jobs, c, k);
                    assert_eq!(list, &scan, "seed {seed}, k {k}, person {c}");
                }
            }
        }
    }

    #[test]
    fn exposure_fairness_lets_a_less_exposed_person_go_first_on_a_tie() {
        let graph = SkillGraph::unrelated(3);
        let travel = TravelTimes::new(3, 10);
        let mut often = candidate();
        often.id = 1;
        often.recent_introductions = 3;
        let mut rarely = candidate();
        rarely.id = 2;
        let people = vec![often, rarely];
        let jobs = vec![opening()];
        let plain = for_opening(
            &graph,
            &travel,
            Ranking {
                exposure_penalty: 0.0,
            },
            &people,
            &jobs,
            0,
            1,
        );
        assert_eq!(
            people[plain[0].candidate].id, 1,
            "ties break by id without fairness"
        );
        let fair = for_opening(&graph, &travel, Ranking::default(), &people, &jobs, 0, 1);
        assert_eq!(people[fair[0].candidate].id, 2);
        assert_eq!(
            fair[0].score.total, plain[0].score.total,
            "the fit itself is unchanged"
        );
    }
}
