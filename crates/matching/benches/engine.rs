//! Criterion benches for the engine's inner loops, on the generated S instance (1,000 people ×
//! 200 requests): `cargo bench -p matching`. The whole-size figures (S, M, L, and the
//! comparison with OR-tools) come from `bench/engine` and `bench/compare`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use matching::assignment::{Pair, solve};
use matching::feasibility::fit;
use matching::generator::{candidates, openings, travel};
use matching::score::total;
use matching::shortlist::{Ranking, for_every_candidate};
use matching::skills::Levels;
use matching::team::{DEFAULT_MAX_NODES, TeamNeeds, form};
use matching::{Candidate, Opening, SkillGraph};

const SKILLS: u16 = 174;

fn instance() -> (Vec<Candidate>, Vec<Opening>, SkillGraph) {
    (
        candidates(42, 1_000, SKILLS),
        openings(42, 200, SKILLS),
        SkillGraph::unrelated(usize::from(SKILLS)),
    )
}

fn feasibility(c: &mut Criterion) {
    let (people, jobs, _) = instance();
    let travel = travel();
    c.bench_function("feasibility: every pair of S (200,000)", |b| {
        b.iter(|| {
            people
                .iter()
                .flat_map(|p| jobs.iter().map(move |j| (p, j)))
                .filter(|(p, j)| fit(p, j, &travel).is_some())
                .count()
        })
    });
}

fn scoring(c: &mut Criterion) {
    let (people, jobs, graph) = instance();
    let travel = travel();
    let feasible: Vec<(usize, usize, matching::Fit)> = people
        .iter()
        .enumerate()
        .flat_map(|(i, p)| {
            let travel = &travel;
            jobs.iter()
                .enumerate()
                .filter_map(move |(o, j)| fit(p, j, travel).map(|f| (i, o, f)))
        })
        .collect();
    let levels: Vec<Levels> = people.iter().map(|p| Levels::of(&p.skills)).collect();
    c.bench_function("scoring: the feasible pairs of S", |b| {
        b.iter(|| {
            feasible
                .iter()
                .map(|(i, o, f)| total(&graph, &levels[*i], &people[*i], &jobs[*o], f))
                .sum::<f32>()
        })
    });
    c.bench_function("shortlists: top 20 for everyone in S", |b| {
        b.iter(|| {
            for_every_candidate(&graph, &travel, Ranking::default(), &people, &jobs, 20).len()
        })
    });
}

fn assignment(c: &mut Criterion) {
    let (people, jobs, graph) = instance();
    let travel = travel();
    let mut pairs = Vec::new();
    for (i, p) in people.iter().enumerate() {
        let levels = Levels::of(&p.skills);
        for (o, j) in jobs.iter().enumerate() {
            if let Some(f) = fit(p, j, &travel) {
                pairs.push(Pair {
                    candidate: i,
                    opening: o,
                    weight: (total(&graph, &levels, p, j, &f) * 100.0).round() as i64,
                });
            }
        }
    }
    let capacities: Vec<u32> = jobs.iter().map(|j| j.capacity).collect();
    c.bench_function("assignment: batch proposals on S, 2 per person", |b| {
        b.iter(|| solve(people.len(), 2, black_box(&capacities), &pairs).len())
    });
    let pool: Vec<Candidate> = people.iter().take(300).cloned().collect();
    let scores: Vec<f32> = (0..pool.len())
        .map(|i| 40.0 + ((i * 37) % 60) as f32)
        .collect();
    let needs = TeamNeeds {
        required: (0..8).map(|s| (s as u16, 1)).collect(),
        nice: Vec::new(),
        size_min: 3,
        size_max: 6,
        meeting_minutes: 60,
    };
    c.bench_function("team: 3–6 of 300 covering 8 skills", |b| {
        b.iter(|| form(&graph, &pool, &scores, black_box(&needs), DEFAULT_MAX_NODES))
    });
}

criterion_group!(benches, feasibility, scoring, assignment);
criterion_main!(benches);
