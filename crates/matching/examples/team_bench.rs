//! Measures team formation on hard instances: `cargo run --release -p matching --example
//! team_bench -- [--export DIR]`. For pools of 1,000 and 3,000 generated people (40 skills)
//! and ten seeds each, a project needing 12 skills, 2 nice to have, 3–6 members and an hour a
//! week together. Prints a Markdown table (`bench/teams` writes it to
//! `bench/results/teams.md`); with `--export`, writes each size's first instance for
//! `bench/ortools_compare.py`.

use std::time::Instant;

use matching::SkillGraph;
use matching::generator::{Rng, candidates};
use matching::team::{DEFAULT_MAX_NODES, TeamNeeds, WEIGHTS, form};

const SKILLS: u16 = 40;
const SEEDS: u64 = 10;

/// 12 required skills and 2 nice ones, `size_min`–`size_max` members meeting `meeting_minutes`.
fn needs(size_min: usize, size_max: usize, meeting_minutes: u32) -> TeamNeeds {
    TeamNeeds {
        required: (0..12).map(|s| (s, 1 + (s % 2) as u8)).collect(),
        nice: vec![(12, 1), (13, 2)],
        size_min,
        size_max,
        meeting_minutes,
    }
}

fn main() {
    let export_dir = std::env::args().skip_while(|a| a != "--export").nth(1);
    let graph = SkillGraph::unrelated(usize::from(SKILLS));
    println!("| pool | team | instances | proven optimal | team found | median ms | slowest ms |");
    println!("|---|---|---|---|---|---|---|");
    let shapes = [(3, 6, 60), (3, 4, 120)];
    for (size, (size_min, size_max, meeting)) in [1_000, 3_000]
        .into_iter()
        .flat_map(|n| shapes.into_iter().map(move |s| (n, s)))
    {
        let needs = needs(size_min, size_max, meeting);
        let mut times = Vec::new();
        let (mut proven, mut found) = (0, 0);
        for seed in 1..=SEEDS {
            let pool = candidates(seed, size, SKILLS);
            let mut rng = Rng::new(seed ^ 0x7EA);
            let scores: Vec<f32> = pool.iter().map(|_| 30.0 + rng.below(70) as f32).collect();
            let started = Instant::now();
            let team = form(&graph, &pool, &scores, &needs, DEFAULT_MAX_NODES);
            let ms = started.elapsed().as_secs_f64() * 1000.0;
            times.push(ms);
            proven += usize::from(team.as_ref().is_none_or(|t| t.proven_optimal));
            found += usize::from(team.is_some());
            if let (Some(dir), 1, 6) = (&export_dir, seed, size_max) {
                let json = serde_json::json!({
                    "pool": pool.iter().map(|c| serde_json::json!({ "skills": c.skills, "availability": c.availability.to_hex() })).collect::<Vec<_>>(),
                    "scores": scores.iter().map(|s| (s * 100.0).round() as i64).collect::<Vec<_>>(),
                    "required": needs.required, "nice": needs.nice,
                    "size_min": needs.size_min, "size_max": needs.size_max, "meeting_minutes": needs.meeting_minutes,
                    "weights": {
                        "member_cost": WEIGHTS.member_cost, "nice_skill": WEIGHTS.nice_skill,
                        "shared_half_hour": WEIGHTS.shared_half_hour,
                        "shared_half_hours_counted": WEIGHTS.shared_half_hours_counted,
                    },
                    "engine": { "objective": team.as_ref().map(|t| t.objective), "solve_ms": ms },
                });
                std::fs::create_dir_all(dir).expect("the export folder");
                std::fs::write(format!("{dir}/team_N{size}.json"), json.to_string())
                    .expect("write the team instance");
            }
        }
        times.sort_by(f64::total_cmp);
        println!(
            "| {size} | {size_min}–{size_max} members, 12 skills, {meeting} min together | {SEEDS} | {proven} | {found} | {:.1} | {:.1} |",
            times[times.len() / 2],
            times.last().copied().unwrap_or(0.0)
        );
    }
}
