//! Batch proposals over a whole town: every feasible pairing scored, then the best set of
//! introductions to jobs chosen exactly (see [`crate::assignment`]). A team project's places go
//! to one team, never seat by seat: after the jobs, each team project gets the best team
//! ([`crate::team`]) from the people it fits who still have room for an introduction.

use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;
use domain::introduction::history::HeldBack;

use crate::assignment::{Pair, solve_counting};
use crate::feasibility::Fit;
use crate::input::{Candidate, Opening, TravelTimes};
use crate::shortlist::{Match, Ranking, explain, fair, rank};
use crate::skills::{Levels, SkillGraph};
use crate::team::{DEFAULT_MAX_NODES, Team, form};

/// A feasible pair as ranked: (candidate, opening, fit, rank score), indexes as `u32` to keep
/// a town's millions of pairs small.
type Ranked = (u32, u32, Fit, f32);

/// The chosen introductions to jobs, best first; the teams proposed for team projects; and
/// how many pairings were feasible.
pub struct Proposals {
    pub chosen: Vec<Match>,
    pub teams: Vec<ProposedTeam>,
    pub feasible_pairs: usize,
}

/// A team proposed for a team project, introduced together.
pub struct ProposedTeam {
    pub opening: usize,
    pub team: Team,
    /// Each member's fit to the project, in the team's order.
    pub members: Vec<Match>,
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
        &vec![per_person; candidates.len()],
        &progress,
    )
}

/// How many introductions a run may propose to each person, at most `per_person` open at once,
/// and why it leaves some out (see [`IntroductionHistory::batch_room`]).
pub fn rooms(
    candidates: &[Candidate],
    per_person: u32,
    today: NaiveDate,
) -> Vec<Result<u32, HeldBack>> {
    candidates
        .iter()
        .map(|c| c.history.batch_room(per_person, today))
        .collect()
}

/// [`propose`] with room for `rooms[c]` introductions for person `c` (none for someone held
/// back), counting its progress in `progress`.
pub fn propose_reporting(
    graph: &SkillGraph,
    travel: &TravelTimes,
    ranking: Ranking,
    (candidates, openings): (&[Candidate], &[Opening]),
    rooms: &[u32],
    progress: &Progress,
) -> Proposals {
    use rayon::prelude::*;
    let ranked: Vec<Ranked> = candidates
        .par_iter()
        .enumerate()
        .inspect(|_| {
            progress.people_scored.fetch_add(1, Ordering::Relaxed);
        })
        .filter(|(c, _)| rooms[*c] > 0)
        .flat_map_iter(|(c, candidate)| {
            let levels = Levels::of(&candidate.skills);
            openings.iter().enumerate().filter_map(move |(o, opening)| {
                rank(graph, travel, ranking, (candidate, &levels), opening)
                    .map(|(fit, r)| (c as u32, o as u32, fit, r))
            })
        })
        .collect();
    // Jobs go through the solver; team projects' pairs wait for their teams.
    let mut job_pairs: Vec<u32> = Vec::with_capacity(ranked.len());
    let mut team_pairs: Vec<Vec<u32>> = vec![Vec::new(); openings.len()];
    for (i, (_, o, _, _)) in ranked.iter().enumerate() {
        if openings[*o as usize].team.is_none() {
            job_pairs.push(i as u32);
        } else {
            team_pairs[*o as usize].push(i as u32);
        }
    }
    let pairs: Vec<Pair> = job_pairs
        .iter()
        .map(|i| {
            let (c, o, _, r) = ranked[*i as usize];
            Pair {
                candidate: c as usize,
                opening: o as usize,
                weight: (r * 100.0).round() as i64,
            }
        })
        .collect();
    let capacities: Vec<u32> = openings.iter().map(|o| o.capacity).collect();
    let mut chosen: Vec<Match> =
        solve_counting(rooms, &capacities, &pairs, &progress.places_routed)
            .into_iter()
            .map(|i| {
                let (c, o, fit, r) = ranked[job_pairs[i] as usize];
                explain(graph, candidates, openings, c as usize, o as usize, fit, r)
            })
            .collect();
    chosen.sort_by(|a, b| b.rank_score.total_cmp(&a.rank_score));
    let mut used = vec![0_u32; candidates.len()];
    for m in &chosen {
        used[m.candidate] += 1;
    }
    let teams = propose_teams(
        graph,
        (candidates, openings),
        (&ranked, &team_pairs),
        rooms,
        &mut used,
    );
    Proposals {
        chosen,
        teams,
        feasible_pairs: ranked.len(),
    }
}

/// The best team for each team project, in request order, from the people it fits
/// (`by_opening[o]`: indexes into `ranked`) who have room for another introduction (fewer than
/// `rooms[c]` so far: `used`, updated).
fn propose_teams(
    graph: &SkillGraph,
    (candidates, openings): (&[Candidate], &[Opening]),
    (ranked, by_opening): (&[Ranked], &[Vec<u32>]),
    rooms: &[u32],
    used: &mut [u32],
) -> Vec<ProposedTeam> {
    let mut teams = Vec::new();
    for (o, opening) in openings.iter().enumerate() {
        let Some(needs) = opening.team_needs() else {
            continue;
        };
        let fitting: Vec<&Ranked> = by_opening[o]
            .iter()
            .map(|i| &ranked[*i as usize])
            .filter(|(c, ..)| used[*c as usize] < rooms[*c as usize])
            .collect();
        let pool: Vec<&Candidate> = fitting
            .iter()
            .map(|(c, ..)| &candidates[*c as usize])
            .collect();
        let scores: Vec<f32> = fitting.iter().map(|(.., r)| fair(*r)).collect();
        let Some(team) = form(graph, &pool, &scores, &needs, DEFAULT_MAX_NODES) else {
            continue;
        };
        let members = team
            .members
            .iter()
            .map(|i| {
                let (c, _, fit, r) = *fitting[*i];
                used[c as usize] += 1;
                explain(graph, candidates, openings, c as usize, o, fit, r)
            })
            .collect();
        teams.push(ProposedTeam {
            opening: o,
            team,
            members,
        });
    }
    teams
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
        assert!(proposals.teams.is_empty());
    }

    #[test]
    fn a_team_project_goes_to_one_team_never_seat_by_seat() {
        let graph = SkillGraph::unrelated(3);
        let travel = TravelTimes::new(3, 10);
        let member = |id: i64, skills: Vec<(u16, u8)>| Candidate {
            id,
            skills,
            ..candidate()
        };
        let people = vec![
            member(1, vec![(0, 3)]),
            member(2, vec![(1, 3)]),
            member(3, vec![(0, 3), (1, 3)]),
            member(4, vec![]),
        ];
        let mut project = opening();
        project.kind = domain::request::RequestKind::TeamProject;
        project.required = vec![(0, 2), (1, 2)];
        project.nice = Vec::new();
        project.capacity = 3;
        project.team = Some(crate::input::TeamShape {
            size_min: 2,
            size_max: 3,
            meeting_minutes: 60,
        });
        let proposals = propose(&graph, &travel, Ranking::default(), &people, &[project], 1);
        assert!(proposals.chosen.is_empty(), "no seat is given alone");
        assert_eq!(proposals.teams.len(), 1);
        let mut ids: Vec<i64> = proposals.teams[0]
            .members
            .iter()
            .map(|m| people[m.candidate].id)
            .collect();
        ids.sort_unstable();
        assert_eq!(ids.len(), 2, "two people are enough");
        assert!(ids.contains(&3), "the one with both skills");
    }

    #[test]
    fn a_run_gives_each_person_only_the_room_their_open_introductions_leave() {
        use domain::introduction::history::IntroductionHistory;
        let graph = SkillGraph::unrelated(3);
        let travel = TravelTimes::new(3, 10);
        let with = |id: i64, history: IntroductionHistory| Candidate {
            id,
            history,
            ..candidate()
        };
        let today: NaiveDate = "2026-12-02".parse().unwrap();
        let people = vec![
            with(1, IntroductionHistory::default()),
            with(
                2,
                IntroductionHistory {
                    open: 1,
                    ..Default::default()
                },
            ),
            with(
                3,
                IntroductionHistory {
                    open: 2,
                    ..Default::default()
                },
            ),
            with(
                4,
                IntroductionHistory {
                    placed: true,
                    ..Default::default()
                },
            ),
        ];
        let jobs: Vec<Opening> = (0..3)
            .map(|i| Opening {
                id: 10 + i,
                capacity: 4,
                ..opening()
            })
            .collect();
        let rooms = rooms(&people, 2, today);
        assert_eq!(
            rooms,
            [Ok(2), Ok(1), Err(HeldBack::AtLimit), Err(HeldBack::Placed)]
        );
        let rooms: Vec<u32> = rooms.into_iter().map(|r| r.unwrap_or(0)).collect();
        let proposals = propose_reporting(
            &graph,
            &travel,
            Ranking::default(),
            (&people, &jobs),
            &rooms,
            &Progress::default(),
        );
        let count = |c: usize| proposals.chosen.iter().filter(|m| m.candidate == c).count();
        assert_eq!([count(0), count(1), count(2), count(3)], [2, 1, 0, 0]);
        assert_eq!(
            proposals.feasible_pairs, 6,
            "people without room are not scored"
        );
    }
}
