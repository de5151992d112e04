//! Batch proposals over a whole town: every feasible pairing scored, then the best set of
//! introductions chosen exactly (see [`crate::assignment`]).

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::assignment::{Pair, solve_counting};
use crate::feasibility::Fit;
use crate::input::{Candidate, Opening, TravelTimes};
use crate::shortlist::{Match, Ranking, explain, rank};
use crate::skills::{Levels, SkillGraph};

/// The chosen introductions, best first, and how many pairings were feasible.
pub struct Proposals {
    pub chosen: Vec<Match>,
    pub feasible_pairs: usize,
}

/// How far a run of [`propose_reporting`] has got, readable from another thread (the command
/// line draws a progress bar from it on long runs).
#[derive(Debug, Default)]
pub struct Progress {
    /// People whose pairs have been scored, of `candidates.len()`.
    pub people_scored: AtomicUsize,
    /// Request places routed by the solver, of the requests' total capacity.
    pub places_routed: AtomicUsize,
}

/// Proposes introductions: at most `per_person` for each person, no more than each request's
/// capacity, the total rank score as high as it can be.
pub fn propose(
    graph: &SkillGraph,
    travel: &TravelTimes,
    ranking: Ranking,
    candidates: &[Candidate],
    openings: &[Opening],
    per_person: u32,
) -> Proposals {
    let progress = Progress::default();
    propose_reporting(
        graph,
        travel,
        ranking,
        (candidates, openings),
        per_person,
        &progress,
    )
}

/// [`propose`], counting its progress in `progress`.
pub fn propose_reporting(
    graph: &SkillGraph,
    travel: &TravelTimes,
    ranking: Ranking,
    (candidates, openings): (&[Candidate], &[Opening]),
    per_person: u32,
    progress: &Progress,
) -> Proposals {
    use rayon::prelude::*;
    let ranked: Vec<(usize, usize, Fit, f32)> = candidates
        .par_iter()
        .enumerate()
        .flat_map_iter(|(c, candidate)| {
            progress.people_scored.fetch_add(1, Ordering::Relaxed);
            let levels = Levels::of(&candidate.skills);
            openings.iter().enumerate().filter_map(move |(o, opening)| {
                rank(graph, travel, ranking, (candidate, &levels), opening)
                    .map(|(fit, r)| (c, o, fit, r))
            })
        })
        .collect();
    let pairs: Vec<Pair> = ranked
        .iter()
        .map(|(c, o, _, r)| Pair {
            candidate: *c,
            opening: *o,
            weight: (r * 100.0).round() as i64,
        })
        .collect();
    let capacities: Vec<u32> = openings.iter().map(|o| o.capacity).collect();
    let mut chosen: Vec<Match> = solve_counting(
        candidates.len(),
        per_person,
        &capacities,
        &pairs,
        &progress.places_routed,
    )
    .into_iter()
    .map(|i| {
        let (c, o, fit, r) = ranked[i];
        explain(graph, candidates, openings, c, o, fit, r)
    })
    .collect();
    chosen.sort_by(|a, b| b.rank_score.total_cmp(&a.rank_score));
    Proposals {
        chosen,
        feasible_pairs: ranked.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{candidate, opening};

    #[test]
    fn proposals_respect_capacity_and_the_per_person_limit() {
        let graph = SkillGraph::unrelated(3);
        let travel = TravelTimes::new(3, 10);
        let people: Vec<Candidate> = (0..5)
            .map(|i| Candidate {
                id: i,
                ..candidate()
            })
            .collect();
        let mut second = opening();
        second.id = 11;
        second.capacity = 1;
        let jobs = vec![opening(), second];
        let proposals = propose(&graph, &travel, Ranking::default(), &people, &jobs, 1);
        assert_eq!(proposals.feasible_pairs, 10);
        assert_eq!(proposals.chosen.len(), 3, "2 + 1 seats");
        let mut people_chosen: Vec<_> = proposals.chosen.iter().map(|m| m.candidate).collect();
        people_chosen.sort();
        people_chosen.dedup();
        assert_eq!(people_chosen.len(), 3, "one introduction each");
    }
}
