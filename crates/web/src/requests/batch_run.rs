//! The engine's batch run across a town: the best set of introductions, at most
//! [`PER_PERSON`] open per person, a team for each team project that can have one, and the
//! people the run leaves out and why. The coordinator keeps or drops each proposal before the
//! kept ones are saved as drafts.

use std::collections::HashSet;
use std::sync::Arc;

use domain::introduction::history::HeldBack;
use matching::Candidate;
use matching::batch::{Proposals, ProposedTeam};
use matching::shortlist::{Match, Ranking};
use store::TenantStore;
use store::audit::{Subjects, Unshown};
use store::introduction::NewIntroduction;
use store::matching_cache::MatchingInput;

use super::matches::{course_index, explain, off_runtime, stored_gaps};
use super::team_view::{CoverRow, coverage_rows, team_summary};
use crate::error::WebError;
use crate::page::Page;
use crate::state::AppState;

/// At most this many introductions open per person: a run proposes only the room left.
pub const PER_PERSON: u32 = 2;

/// One proposed introduction of a batch run: one person to a job, or a team to a project.
pub struct ProposalView {
    /// What the keep box sends back: the request and the people, e.g. `12-5.7`.
    pub key: String,
    /// (id, page, name) of each person introduced.
    pub people: Vec<(i64, String, String)>,
    pub request_href: String,
    pub request: String,
    pub organization: String,
    pub score: String,
    pub reasons: Vec<String>,
    /// For a team: who covers which skill, and when they can all meet.
    pub coverage: Vec<CoverRow>,
    pub meeting_slots: Vec<String>,
}

impl Subjects for ProposalView {
    fn subjects(&self) -> Vec<i64> {
        self.people.iter().map(|(id, ..)| *id).collect()
    }
}

/// The run's proposals, best first, and how many people it left out for each reason.
pub struct BatchView {
    pub proposals: Vec<ProposalView>,
    pub left_out: Vec<(HeldBack, usize)>,
}

impl Subjects for BatchView {
    fn subjects(&self) -> Vec<i64> {
        self.proposals.iter().flat_map(Subjects::subjects).collect()
    }
}

/// The key a proposal is kept by: its request and its people.
fn proposal_key(request: i64, people: &[i64]) -> String {
    let people: Vec<String> = people.iter().map(i64::to_string).collect();
    format!("{request}-{}", people.join("."))
}

/// One batch run: the engine's inputs, the introductions it chose, and who it left out.
struct Batch {
    input: Arc<MatchingInput>,
    proposals: Proposals,
    left_out: Vec<(HeldBack, usize)>,
}

/// How many people each reason left out, in the order the reasons are listed.
fn count_left_out(rooms: &[Result<u32, HeldBack>]) -> Vec<(HeldBack, usize)> {
    HeldBack::ALL
        .iter()
        .map(|why| (*why, rooms.iter().filter(|r| **r == Err(*why)).count()))
        .filter(|(_, n)| *n > 0)
        .collect()
}

async fn run_batch(state: &AppState, tenant: &TenantStore<'_>) -> Result<Batch, WebError> {
    let input = tenant.matching_input(&state.taxonomy).await?;
    let today = store::matching_input::today_in_japan();
    let rooms = matching::batch::rooms(&input.candidates, PER_PERSON, today);
    let left_out = count_left_out(&rooms);
    let proposals = off_runtime({
        let (graph, input) = (state.skill_graph.clone(), input.clone());
        move || {
            let rooms: Vec<u32> = rooms.into_iter().map(|r| r.unwrap_or(0)).collect();
            matching::batch::propose_reporting(
                &graph,
                &input.travel,
                Ranking::default(),
                (&input.candidates, &input.openings),
                &rooms,
                &Default::default(),
            )
        }
    })
    .await?;
    Ok(Batch {
        input,
        proposals,
        left_out,
    })
}

/// A team's fit: the mean of its members' fits.
fn team_score(team: &ProposedTeam) -> f32 {
    team.members.iter().map(|m| m.score.total).sum::<f32>() / team.members.len().max(1) as f32
}

/// The reasons every member of a proposed team shares.
fn shared_reasons(team: &ProposedTeam) -> Vec<domain::introduction::MatchReason> {
    let mut members = team.members.iter();
    let first = members
        .next()
        .map(|m| m.score.explanation.reasons.clone())
        .unwrap_or_default();
    members.fold(first, |shared, m| {
        shared
            .into_iter()
            .filter(|r| m.score.explanation.reasons.contains(r))
            .collect()
    })
}

impl Batch {
    fn person(&self, slug: &str, candidate: usize) -> (i64, String, String) {
        let id = self.input.candidates[candidate].id;
        (
            id,
            format!("/{slug}/coordinator/participants/{id}"),
            self.input.names.get(&id).cloned().unwrap_or_default(),
        )
    }

    /// The request's page, title and organization.
    fn request(&self, slug: &str, opening: usize) -> (String, String, String) {
        let id = self.input.openings[opening].id;
        let title = self.input.titles.get(&id);
        (
            format!("/{slug}/coordinator/requests/{id}"),
            title.map(|t| t.title.clone()).unwrap_or_default(),
            title
                .map(|t| t.organization_name.clone())
                .unwrap_or_default(),
        )
    }

    fn members(&self, team: &ProposedTeam) -> Vec<&Candidate> {
        team.members
            .iter()
            .map(|m| &self.input.candidates[m.candidate])
            .collect()
    }

    /// A single introduction, in words.
    fn single(
        &self,
        (state, page, courses): (&AppState, &Page, &matching::courses::CourseIndex),
        slug: &str,
        m: &Match,
    ) -> (f32, ProposalView) {
        let (request_href, request, organization) = self.request(slug, m.opening);
        let person = self.person(slug, m.candidate);
        let view = ProposalView {
            key: proposal_key(self.input.openings[m.opening].id, &[person.0]),
            people: vec![person],
            request_href,
            request,
            organization,
            score: format!("{:.0}", m.score.total),
            reasons: explain(state, (page, courses), m).0,
            coverage: Vec::new(),
            meeting_slots: Vec::new(),
        };
        (m.score.total, view)
    }

    /// A team, in words: who covers which skill, and when they meet.
    fn team(
        &self,
        (state, page): (&AppState, &Page),
        slug: &str,
        t: &ProposedTeam,
    ) -> (f32, ProposalView) {
        let (request_href, request, organization) = self.request(slug, t.opening);
        let people: Vec<(i64, String, String)> = t
            .members
            .iter()
            .map(|m| self.person(slug, m.candidate))
            .collect();
        let names: Vec<String> = people.iter().map(|p| p.2.clone()).collect();
        let ids: Vec<i64> = people.iter().map(|p| p.0).collect();
        let opening = &self.input.openings[t.opening];
        let covers = opening
            .team_needs()
            .map(|needs| matching::team::coverage(&state.skill_graph, &self.members(t), &needs))
            .unwrap_or_default();
        let view = ProposalView {
            key: proposal_key(opening.id, &ids),
            people,
            request_href,
            request,
            organization,
            score: format!("{:.0}", team_score(t)),
            reasons: std::iter::once(team_summary(page, &t.team))
                .chain(shared_reasons(t).into_iter().map(|r| page.label(r)))
                .collect(),
            coverage: coverage_rows((state, page), &covers, &names),
            meeting_slots: crate::weekly_grid::in_words(page, &t.team.common_time),
        };
        (team_score(t), view)
    }
}

/// Batch proposals across the town, best first, and who was left out; shown through
/// `Audit::reveal`.
pub async fn batch(
    state: &AppState,
    tenant: &TenantStore<'_>,
    page: &Page,
    slug: &str,
) -> Result<Unshown<BatchView>, WebError> {
    let run = run_batch(state, tenant).await?;
    let courses = course_index(state, tenant).await?;
    let singles = run
        .proposals
        .chosen
        .iter()
        .map(|m| run.single((state, page, &courses), slug, m));
    let teams = run
        .proposals
        .teams
        .iter()
        .map(|t| run.team((state, page), slug, t));
    let mut scored: Vec<(f32, ProposalView)> = teams.chain(singles).collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    Ok(Unshown::new(BatchView {
        proposals: scored.into_iter().map(|(_, view)| view).collect(),
        left_out: run.left_out,
    }))
}

/// The batch run's introductions the coordinator kept (by [`ProposalView::key`]), as drafts to
/// save (the caller sets who made them): one per person and job, one per team.
pub async fn kept_drafts(
    state: &AppState,
    tenant: &TenantStore<'_>,
    kept: &HashSet<String>,
) -> Result<Vec<NewIntroduction>, WebError> {
    let run = run_batch(state, tenant).await?;
    let (candidates, openings) = (&run.input.candidates, &run.input.openings);
    let draft = |opening: usize, members: Vec<i64>, score: f32, reasons: Vec<_>, time: String| {
        let request = openings[opening].id;
        if !kept.contains(&proposal_key(request, &members)) {
            return None;
        }
        let title = run.input.titles.get(&request)?;
        let gaps = match members.as_slice() {
            [one] => run
                .proposals
                .chosen
                .iter()
                .find(|m| m.opening == opening && candidates[m.candidate].id == *one)
                .map(|m| stored_gaps(state, &m.score.explanation.gaps))
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        Some(NewIntroduction {
            request_id: request,
            organization_id: title.organization_id,
            members: members.into_iter().map(store::account::AccountId).collect(),
            draft: true,
            fit_score: score.round() as i32,
            reasons,
            common_time: time,
            gaps,
            personal_note: String::new(),
            created_by: store::account::AccountId(0),
        })
    };
    let teams = run.proposals.teams.iter().filter_map(|t| {
        let members = t
            .members
            .iter()
            .map(|m| candidates[m.candidate].id)
            .collect();
        draft(
            t.opening,
            members,
            team_score(t),
            shared_reasons(t),
            t.team.common_time.to_hex(),
        )
    });
    let singles = run.proposals.chosen.iter().filter_map(|m| {
        let members = vec![candidates[m.candidate].id];
        let reasons = m.score.explanation.reasons.clone();
        draft(m.opening, members, m.score.total, reasons, String::new())
    });
    Ok(teams.chain(singles).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proposal_is_kept_by_its_request_and_people() {
        assert_eq!(proposal_key(12, &[5]), "12-5");
        assert_eq!(proposal_key(12, &[5, 7]), "12-5.7");
    }

    #[test]
    fn the_people_left_out_are_counted_by_reason() {
        let rooms = [
            Ok(2),
            Err(HeldBack::AtLimit),
            Err(HeldBack::Placed),
            Err(HeldBack::AtLimit),
        ];
        assert_eq!(
            count_left_out(&rooms),
            [(HeldBack::Placed, 1), (HeldBack::AtLimit, 2)]
        );
    }
}
