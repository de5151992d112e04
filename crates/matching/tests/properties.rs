//! Properties of the engine over many random instances (proptest): no result ever breaks a
//! hard constraint, batch proposals respect every capacity and equal brute force on small
//! instances, and teams cover every required skill and the meeting time.

use matching::assignment::{Pair, solve, total};
use matching::batch::propose;
use matching::generator::{candidates, openings, travel};
use matching::shortlist::{Ranking, for_candidate, for_every_candidate, for_opening};
use matching::team::{DEFAULT_MAX_NODES, TeamNeeds, form, value_of};
use matching::{Candidate, Opening, SkillGraph, check};
use proptest::prelude::*;

const SKILLS: u16 = 12;

/// A generated town with a few related skills, so nearby skills count in part.
fn town(seed: u64, people: usize, requests: usize) -> (Vec<Candidate>, Vec<Opening>, SkillGraph) {
    let mut graph = SkillGraph::unrelated(usize::from(SKILLS));
    graph.relate(1, 0, 0.6);
    graph.relate(5, 4, 0.3);
    graph.relate(11, 2, 0.9);
    (
        candidates(seed, people, SKILLS),
        openings(seed, requests, SKILLS),
        graph,
    )
}

fn ranking(penalty: u8) -> Ranking {
    Ranking {
        exposure_penalty: f32::from(penalty),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn no_shortlist_breaks_a_hard_constraint(
        seed in any::<u64>(), people in 1..60_usize, requests in 1..25_usize,
        k in 0..8_usize, penalty in 0..5_u8,
    ) {
        let (people, jobs, graph) = town(seed, people, requests);
        let travel = travel();
        let every = for_every_candidate(&graph, &travel, ranking(penalty), &people, &jobs, k);
        for (c, list) in every.iter().enumerate() {
            prop_assert!(list.len() <= k);
            prop_assert_eq!(list, &for_candidate(&graph, &travel, ranking(penalty), &people, &jobs, c, k));
            for m in list {
                prop_assert_eq!(check(&people[m.candidate], &jobs[m.opening], &travel), Ok(m.fit));
            }
            prop_assert!(list.windows(2).all(|w| w[0].rank_score >= w[1].rank_score));
        }
        for o in 0..jobs.len() {
            for m in for_opening(&graph, &travel, ranking(penalty), &people, &jobs, o, k) {
                prop_assert_eq!(check(&people[m.candidate], &jobs[o], &travel), Ok(m.fit));
                prop_assert!((0.0..=100.0).contains(&m.score.total));
            }
        }
    }

    #[test]
    fn batch_proposals_are_feasible_and_respect_every_capacity(
        seed in any::<u64>(), people in 1..80_usize, requests in 1..30_usize, per_person in 1..4_u32,
    ) {
        let (people, jobs, graph) = town(seed, people, requests);
        let travel = travel();
        let proposals = propose(&graph, &travel, Ranking::default(), &people, &jobs, per_person);
        let mut per = vec![0; people.len()];
        let mut filled = vec![0; jobs.len()];
        let mut seen = std::collections::HashSet::new();
        for m in &proposals.chosen {
            prop_assert!(seen.insert((m.candidate, m.opening)), "a pair proposed twice");
            prop_assert!(check(&people[m.candidate], &jobs[m.opening], &travel).is_ok());
            per[m.candidate] += 1;
            filled[m.opening] += 1;
        }
        for m in &proposals.chosen {
            prop_assert!(jobs[m.opening].team.is_none(), "a team project's place went seat by seat");
        }
        for proposed in &proposals.teams {
            let opening = &jobs[proposed.opening];
            let needs = opening.team_needs().unwrap();
            prop_assert!(proposed.members.len() <= opening.capacity as usize);
            let scores: Vec<f32> = proposed.members.iter().map(|m| m.fair_score()).collect();
            let pool: Vec<matching::Candidate> =
                proposed.members.iter().map(|m| people[m.candidate].clone()).collect();
            let all: Vec<usize> = (0..pool.len()).collect();
            prop_assert!(value_of(&graph, &pool, &scores, &needs, &all).is_some(), "a valid team");
            for m in &proposed.members {
                prop_assert!(check(&people[m.candidate], opening, &travel).is_ok());
                per[m.candidate] += 1;
            }
        }
        prop_assert!(per.iter().all(|n| *n <= per_person));
        prop_assert!(filled.iter().zip(&jobs).all(|(n, j)| *n <= j.capacity));
    }

    #[test]
    fn the_batch_objective_equals_brute_force(
        people in 1..6_usize, per_person in 1..3_u32,
        capacities in proptest::collection::vec(0..3_u32, 1..5),
        raw in proptest::collection::vec((0..6_usize, 0..5_usize, 0..10_000_i64), 0..13),
    ) {
        let mut pairs: Vec<Pair> = Vec::new();
        for (c, o, weight) in raw {
            let (candidate, opening) = (c % people, o % capacities.len());
            if !pairs.iter().any(|p| p.candidate == candidate && p.opening == opening) {
                pairs.push(Pair { candidate, opening, weight });
            }
        }
        let chosen = solve(people, per_person, &capacities, &pairs);
        let mut best = 0;
        for mask in 0_u32..(1 << pairs.len()) {
            let mut per = vec![0; people];
            let mut filled = vec![0; capacities.len()];
            let mut sum = 0;
            for (i, p) in pairs.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0) {
                let _ = i;
                per[p.candidate] += 1;
                filled[p.opening] += 1;
                sum += p.weight;
            }
            if per.iter().all(|n| *n <= per_person) && filled.iter().zip(&capacities).all(|(n, c)| n <= c) {
                best = best.max(sum);
            }
        }
        prop_assert_eq!(total(&pairs, &chosen), best);
    }

    #[test]
    fn teams_are_valid_minimal_and_the_best(
        seed in any::<u64>(), size in 3..13_usize,
        required in proptest::collection::vec((0..SKILLS, 1..3_u8), 1..4),
        nice in proptest::collection::vec((0..SKILLS, 1..3_u8), 0..3),
        size_min in 1..4_usize, extra in 0..3_usize, meeting_half_hours in 1..8_u32,
        scores in proptest::collection::vec(0..100_u8, 13),
    ) {
        let (pool, _, graph) = town(seed, size, 0);
        let scores: Vec<f32> = scores[..size].iter().map(|s| f32::from(*s)).collect();
        let (mut required, mut nice) = (required, nice);
        required.sort_unstable();
        required.dedup_by_key(|(s, _)| *s);
        nice.retain(|(s, _)| required.iter().all(|(r, _)| r != s));
        nice.sort_unstable();
        nice.dedup_by_key(|(s, _)| *s);
        let needs = TeamNeeds {
            required,
            nice,
            size_min,
            size_max: size_min + extra,
            meeting_minutes: meeting_half_hours * 30,
        };
        let best = (1_u32..(1 << size))
            .filter_map(|set| {
                let members: Vec<usize> = (0..size).filter(|i| set & (1 << i) != 0).collect();
                value_of(&graph, &pool, &scores, &needs, &members)
            })
            .max();
        let team = form(&graph, &pool, &scores, &needs, DEFAULT_MAX_NODES);
        prop_assert_eq!(team.as_ref().map(|t| t.objective), best);
        if let Some(team) = team {
            prop_assert_eq!(value_of(&graph, &pool, &scores, &needs, &team.members), Some(team.objective));
            let common = team.members.iter().skip(1).fold(pool[team.members[0]].availability, |a, m| {
                a.intersection(&pool[*m].availability)
            });
            prop_assert_eq!(team.common_time, common);
            prop_assert!(team.proven_optimal);
            // Minimal: above the least size, leaving out any member makes the team worse or
            // invalid.
            if team.members.len() > needs.size_min {
                for leave in 0..team.members.len() {
                    let mut fewer = team.members.clone();
                    fewer.remove(leave);
                    let smaller = value_of(&graph, &pool, &scores, &needs, &fewer);
                    prop_assert!(smaller.is_none_or(|v| v <= team.objective));
                }
            }
        }
    }
}
