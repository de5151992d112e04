//! Measures exposure fairness: the same town's batch proposals run round after round (each
//! round's introductions count as recent for the next), with the penalty off and on. Prints
//! one Markdown row per penalty: how many different people were introduced, how concentrated
//! the introductions were (Gini coefficient over the people who fit anything; 0 is even), the
//! most any one person got, and the average fit of what was proposed (the price of spreading).
//! `bench/fairness` runs it and writes `bench/results/fairness.md`.

use matching::SkillGraph;
use matching::batch::propose;
use matching::feasibility::fit;
use matching::generator::{candidates, openings, travel};
use matching::shortlist::Ranking;

const SKILLS: u16 = 174;
const ROUNDS: usize = 6;

fn gini(counts: &[u32]) -> f64 {
    let mut sorted: Vec<f64> = counts.iter().map(|c| f64::from(*c)).collect();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len() as f64;
    let total: f64 = sorted.iter().sum();
    if total == 0.0 {
        return 0.0;
    }
    let weighted: f64 = sorted
        .iter()
        .enumerate()
        .map(|(i, x)| (2.0 * (i as f64 + 1.0) - n - 1.0) * x)
        .sum();
    weighted / (n * total)
}

fn main() {
    let graph = SkillGraph::unrelated(usize::from(SKILLS));
    let travel = travel();
    let jobs = openings(42, 200, SKILLS);
    for penalty in [0.0_f32, 2.0, 5.0] {
        let mut people = candidates(42, 1_000, SKILLS);
        for person in &mut people {
            person.recent_introductions = 0;
        }
        let eligible: Vec<usize> = (0..people.len())
            .filter(|c| jobs.iter().any(|j| fit(&people[*c], j, &travel).is_some()))
            .collect();
        let mut counts = vec![0_u32; people.len()];
        let (mut proposed, mut fit_sum) = (0usize, 0.0_f64);
        for _ in 0..ROUNDS {
            let ranking = Ranking {
                exposure_penalty: penalty,
            };
            let round = propose(&graph, &travel, ranking, &people, &jobs, 1);
            for m in &round.chosen {
                counts[m.candidate] += 1;
                people[m.candidate].recent_introductions += 1;
                fit_sum += f64::from(m.score.total);
            }
            proposed += round.chosen.len();
        }
        let eligible_counts: Vec<u32> = eligible.iter().map(|c| counts[*c]).collect();
        let reached = eligible_counts.iter().filter(|c| **c > 0).count();
        println!(
            "| {penalty:.0} | {ROUNDS} | {} | {reached} | {:.3} | {} | {proposed} | {:.1} |",
            eligible.len(),
            gini(&eligible_counts),
            counts.iter().max().copied().unwrap_or(0),
            fit_sum / proposed.max(1) as f64,
        );
    }
}
