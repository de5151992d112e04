//! Measures the engine on generated instances: `cargo run --release -p matching --example
//! engine_bench -- SIZE` with SIZE one of S, M, L. Prints one Markdown table row; the script
//! `bench/engine` runs every size in its own process (for an honest peak memory) and writes
//! the rows to `bench/results/engine.md`.

use std::time::Instant;

use matching::SkillGraph;
use matching::assignment::{Pair, solve, total as total_weight};
use matching::batch::propose;
use matching::feasibility::fit;
use matching::generator::{SIZES, candidates, openings, travel};
use matching::score::total;
use matching::shortlist::{Ranking, for_every_candidate};
use matching::skills::Levels;
use matching::team::{DEFAULT_MAX_NODES, TeamNeeds, form};

const SKILLS: u16 = 174;

fn peak_memory_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(str::to_owned)
        })
        .and_then(|l| {
            l.split_whitespace()
                .nth(1)
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Writes the batch instance (the feasible pairs with their weights) and the team instance of
/// this run as JSON, with the engine's objective and time, for `bench/ortools_compare.py`.
fn export(dir: &str, name: &str, batch: &serde_json::Value, team: &serde_json::Value) {
    std::fs::create_dir_all(dir).expect("the export folder");
    std::fs::write(format!("{dir}/batch_{name}.json"), batch.to_string())
        .expect("write the batch instance");
    std::fs::write(format!("{dir}/team_{name}.json"), team.to_string())
        .expect("write the team instance");
}

fn main() {
    let size = std::env::args().nth(1).unwrap_or_else(|| "S".into());
    let export_dir = std::env::args().skip_while(|a| a != "--export").nth(1);
    let (name, people, requests) = SIZES
        .iter()
        .copied()
        .find(|(n, _, _)| *n == size)
        .expect("size S, M or L");
    let started = Instant::now();
    let candidates = candidates(42, people, SKILLS);
    let openings = openings(42, requests, SKILLS);
    let graph = SkillGraph::unrelated(usize::from(SKILLS));
    let travel = travel();
    let generate = started.elapsed();

    let started = Instant::now();
    let listed: usize = for_every_candidate(
        &graph,
        &travel,
        Ranking::default(),
        &candidates,
        &openings,
        20,
    )
    .iter()
    .map(Vec::len)
    .sum();
    let shortlists = started.elapsed();

    let started = Instant::now();
    let mut feasible = 0usize;
    for candidate in &candidates {
        let levels = Levels::of(&candidate.skills);
        for opening in &openings {
            if let Some(fit) = fit(candidate, opening, &travel) {
                feasible += 1;
                std::hint::black_box(total(&graph, &levels, candidate, opening, &fit));
            }
        }
    }
    let scoring = started.elapsed();

    // Batch proposals at S and M; at L the 285 million feasible pairs alone would not fit the
    // memory target, and the issue asks for L scoring only.
    let batch = (people <= 10_000 || std::env::var_os("ENGINE_BENCH_BATCH").is_some()).then(|| {
        let started = Instant::now();
        let proposals = propose(
            &graph,
            &travel,
            Ranking::default(),
            &candidates,
            &openings,
            2,
        );
        (started.elapsed(), proposals.chosen.len())
    });

    // Team formation: 300 candidates, a team of 3–6 covering up to 8 required skills.
    let pool: Vec<_> = candidates.iter().take(300).cloned().collect();
    let scores: Vec<f32> = (0..pool.len())
        .map(|i| 40.0 + ((i * 37) % 60) as f32)
        .collect();
    let required: Vec<(u16, u8)> = (0..8).map(|s| (s as u16, 1)).collect();
    let needs = TeamNeeds {
        required,
        nice: Vec::new(),
        size_min: 3,
        size_max: 6,
        meeting_minutes: 60,
    };
    let started = Instant::now();
    let team = form(&graph, &pool, &scores, &needs, DEFAULT_MAX_NODES);
    let team_time = started.elapsed();

    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    if let Some(dir) = export_dir {
        let started = Instant::now();
        let pairs: Vec<(usize, usize, i64)> = (0..openings.len())
            .flat_map(|o| (0..candidates.len()).map(move |c| (c, o)))
            .filter_map(|(c, o)| {
                let fit = fit(&candidates[c], &openings[o], &travel)?;
                let levels = Levels::of(&candidates[c].skills);
                let value = total(&graph, &levels, &candidates[c], &openings[o], &fit);
                let rank = (value
                    - Ranking::default().exposure_penalty
                        * candidates[c].recent_introductions as f32)
                    .max(0.0);
                Some((c, o, (rank * 100.0).round() as i64))
            })
            .collect();
        let capacities: Vec<u32> = openings.iter().map(|o| o.capacity).collect();
        let solve_pairs: Vec<Pair> = pairs
            .iter()
            .map(|(c, o, w)| Pair {
                candidate: *c,
                opening: *o,
                weight: *w,
            })
            .collect();
        let solving = Instant::now();
        let chosen = solve(candidates.len(), 2, &capacities, &solve_pairs);
        let solve_ms = ms(solving.elapsed());
        let batch = serde_json::json!({
            "candidates": candidates.len(), "per_person": 2, "capacities": capacities,
            "pairs": pairs.iter().map(|(c, o, w)| [*c as i64, *o as i64, *w]).collect::<Vec<_>>(),
            "engine": { "objective": total_weight(&solve_pairs, &chosen), "solve_ms": solve_ms, "build_ms": ms(started.elapsed()) - solve_ms },
        });
        let team_json = serde_json::json!({
            "pool": pool.iter().map(|c| serde_json::json!({ "skills": c.skills, "availability": c.availability.to_hex() })).collect::<Vec<_>>(),
            "scores": scores.iter().map(|s| (s * 100.0).round() as i64).collect::<Vec<_>>(),
            "required": needs.required, "size_min": needs.size_min, "size_max": needs.size_max, "meeting_minutes": needs.meeting_minutes,
            "engine": { "objective": team.as_ref().map(|t| t.objective), "solve_ms": ms(team_time) },
        });
        export(&dir, name, &batch, &team_json);
    }
    let (batch_ms, proposed) = batch.map_or(("not run".to_owned(), 0), |(d, n)| {
        (format!("{:.0}", ms(d)), n)
    });
    println!(
        "| {name} | {people} × {requests} | {:.0} | {:.0} | {listed} | {:.0} | {feasible} | {batch_ms} | {proposed} | {:.1} | {} | {:.0} |",
        ms(generate),
        ms(shortlists),
        ms(scoring),
        ms(team_time),
        team.map_or("none".to_owned(), |t| format!(
            "{} members, optimal: {}",
            t.members.len(),
            t.proven_optimal
        )),
        peak_memory_mib(),
    );
}
