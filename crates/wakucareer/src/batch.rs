//! `wakucareer match --tenant SLUG`: batch proposals for a town, printed as a summary and
//! optionally written to CSV or JSON.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Instant;

use anyhow::{Context, bail};
use domain::skill::Taxonomy;
use matching::Opening;
use matching::SkillGraph;
use matching::batch::{Progress, propose_reporting};
use matching::shortlist::Ranking;
use store::Store;

use crate::cli::say;
use crate::config::Config;
use crate::progress::{Bar, Stage};

/// The bar's two stages: scoring every person's pairs, then routing every request's places.
fn stages(progress: &Arc<Progress>, people: usize, openings: &[Opening]) -> Vec<Stage> {
    let scored = Arc::clone(progress);
    let routed = Arc::clone(progress);
    let places: usize = openings.iter().map(|o| o.capacity as usize).sum();
    vec![
        Stage {
            label: "scoring people",
            total: Box::new(move || people),
            done: Box::new(move || scored.people_scored.load(Ordering::Relaxed)),
        },
        Stage {
            label: "choosing introductions for request places",
            total: Box::new(move || places),
            done: Box::new(move || routed.places_routed.load(Ordering::Relaxed)),
        },
    ]
}

pub async fn run(
    config: &Config,
    slug: &str,
    out: Option<&Path>,
    per_person: u32,
) -> anyhow::Result<()> {
    if let Some(path) = out
        && !matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("csv" | "json")
        )
    {
        bail!(
            "--out must name a .csv or .json file, not {}",
            path.display()
        );
    }
    let store = Store::open_and_migrate(&config.database).await?;
    let town = store
        .municipality_by_slug(slug)
        .await?
        .with_context(|| format!("there is no town with the slug {slug:?}"))?;
    let taxonomy = Taxonomy::shipped()?;
    let tenant = store.tenant(&town);
    let started = Instant::now();
    let input = tenant.matching_input(&taxonomy).await?;
    let (candidates, openings) = (&input.candidates, &input.openings);
    let loaded = started.elapsed();
    let solving = Instant::now();
    let graph = SkillGraph::from_taxonomy(&taxonomy);
    // The same room per person as the coordinator's page: open introductions count, and
    // people placed or resting after a decline are left out.
    let today = store::matching_input::today_in_japan();
    let rooms: Vec<u32> = matching::batch::rooms(candidates, per_person, today)
        .into_iter()
        .map(|room| room.unwrap_or(0))
        .collect();
    let progress = Arc::new(Progress::default());
    let bar = Bar::start(stages(&progress, candidates.len(), openings));
    let proposals = propose_reporting(
        &graph,
        &input.travel,
        Ranking::default(),
        (candidates, openings),
        &rooms,
        &progress,
    );
    bar.finish();
    let solved = solving.elapsed();
    let total: f32 = proposals.chosen.iter().map(|m| m.score.total).sum();
    say(&format!(
        "{}: {} participants, {} published requests, {} feasible pairs; {} introductions proposed \
         (at most {per_person} per person) and {} teams for team projects, total score {total:.0}; \
         loaded in {:.0} ms, solved in {:.0} ms",
        town.slug,
        candidates.len(),
        openings.len(),
        proposals.feasible_pairs,
        proposals.chosen.len(),
        proposals.teams.len(),
        loaded.as_secs_f64() * 1000.0,
        solved.as_secs_f64() * 1000.0,
    ));
    // A team's members are one row each, marked as a team: they are introduced together.
    let team_members = proposals
        .teams
        .iter()
        .flat_map(|t| t.members.iter().map(|m| (m, true)));
    let rows: Vec<(i64, i64, f32, u32, bool, bool)> = proposals
        .chosen
        .iter()
        .map(|m| (m, false))
        .chain(team_members)
        .map(|(m, team)| {
            (
                candidates[m.candidate].id,
                openings[m.opening].id,
                m.score.total,
                m.fit.minutes_per_week,
                m.fit.reduced_for_cap,
                team,
            )
        })
        .collect();
    if let Some(path) = out {
        let text = if path.extension().and_then(|e| e.to_str()) == Some("json") {
            let items: Vec<serde_json::Value> = rows
                .iter()
                .map(|(p, r, s, m, c, t)| serde_json::json!({ "participant_id": p, "request_id": r, "score": (s * 10.0).round() / 10.0, "minutes_per_week": m, "reduced_for_income_cap": c, "team": t }))
                .collect();
            serde_json::to_string_pretty(&items)?
        } else {
            let mut csv = String::from(
                "participant_id,request_id,score,minutes_per_week,reduced_for_income_cap,team\n",
            );
            for (p, r, s, m, c, t) in &rows {
                csv.push_str(&format!("{p},{r},{s:.1},{m},{c},{t}\n"));
            }
            csv
        };
        std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))?;
        say(&format!("proposals written to {}", path.display()));
    }
    store.close().await;
    Ok(())
}
