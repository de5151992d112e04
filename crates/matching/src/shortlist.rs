//! Ranked shortlists both ways: the best people for a request, the best requests for a person.
//!
//! Exposure fairness: with a non-zero `exposure_penalty`, each introduction a person had
//! recently lowers their rank by that many points, so the same few people are not proposed
//! every time while others with a similar fit wait. The score shown stays the fit itself.

use crate::feasibility::{Fit, fit};
use crate::input::{Candidate, Opening, TravelTimes};
use crate::score::{Score, score, total};
use crate::skills::SkillGraph;

/// One feasible pairing with its score.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub candidate: usize,
    pub opening: usize,
    pub fit: Fit,
    pub score: Score,
    /// The score used for ranking: the fit less the exposure penalty.
    pub rank_score: f32,
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

/// The fit and rank score of a pair, without building an explanation.
pub(crate) fn rank(
    graph: &SkillGraph,
    travel: &TravelTimes,
    ranking: Ranking,
    candidate: &Candidate,
    opening: &Opening,
) -> Option<(Fit, f32)> {
    let fit = fit(candidate, opening, travel)?;
    let value = total(graph, candidate, opening, &fit);
    Some((
        fit,
        (value - ranking.exposure_penalty * candidate.recent_introductions as f32).max(0.0),
    ))
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
    let order = |a: &(usize, Fit, f32), b: &(usize, Fit, f32)| {
        b.2.total_cmp(&a.2).then_with(|| tie(a.0).cmp(&tie(b.0)))
    };
    if ranked.len() > k && k > 0 {
        ranked.select_nth_unstable_by(k - 1, order);
        ranked.truncate(k);
    }
    ranked.sort_by(order);
    ranked.truncate(k);
    ranked
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
            rank(graph, travel, ranking, candidate, &openings[opening]).map(|(fit, r)| (c, fit, r))
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
    let ranked = openings
        .iter()
        .enumerate()
        .filter_map(|(o, opening)| {
            rank(graph, travel, ranking, &candidates[candidate], opening)
                .map(|(fit, r)| (o, fit, r))
        })
        .collect();
    best_k(ranked, k, |o| openings[o].id)
        .into_iter()
        .map(|(o, fit, r)| explain(graph, candidates, openings, candidate, o, fit, r))
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
    (0..candidates.len())
        .into_par_iter()
        .map(|c| for_candidate(graph, travel, ranking, candidates, openings, c, k))
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
