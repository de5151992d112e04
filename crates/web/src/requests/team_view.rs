//! A team for a team project, as the coordinator sees it: who is in it, who covers which of
//! the project's skills, when they can all meet, and what the search traded off.

use std::collections::HashMap;

use matching::shortlist::Match;
use matching::team::{self, Cover, TeamNeeds};
use matching::{Candidate, SkillGraph};
use store::audit::Subjects;
use store::matching_cache::MatchingInput;

use crate::page::Page;
use crate::state::AppState;

/// One of the project's skills and the members who bring it: 「会計（レベル3）」「長泉 花子」.
pub struct CoverRow {
    pub skill: String,
    pub required: bool,
    /// The members' names, or the word that nobody in the team has it.
    pub by: String,
}

/// A proposed team and when it can meet; or, with no members, the word that none exists.
pub struct TeamView {
    pub members: Vec<(String, String)>,
    pub member_ids: Vec<i64>,
    pub introduce_action: String,
    pub meeting_slots: Vec<String>,
    /// Who covers which required and nice-to-have skill.
    pub coverage: Vec<CoverRow>,
    /// What the team covers and shares: 「3人で必要なスキルをすべてカバーし、週7.5時間…」.
    pub summary: String,
    pub proven_optimal: bool,
}

impl TeamView {
    pub fn found(&self) -> bool {
        !self.members.is_empty()
    }
}

impl Subjects for TeamView {
    fn subjects(&self) -> Vec<i64> {
        self.member_ids.clone()
    }
}

/// A team the search formed: its members' ids, the team, and who covers which skill (indexes
/// into the ids).
pub struct Found {
    pub ids: Vec<i64>,
    pub team: team::Team,
    pub covers: Vec<Cover>,
}

/// The best team among the people who fit the project (`list`); or why there is none (none
/// exists, or the search stopped first).
pub fn best_team(
    graph: &SkillGraph,
    input: &MatchingInput,
    list: &[Match],
    needs: &TeamNeeds,
) -> Result<Found, team::Formed> {
    let pool: Vec<&Candidate> = list
        .iter()
        .map(|m| &input.candidates[m.candidate])
        .collect();
    let scores: Vec<f32> = list.iter().map(Match::fair_score).collect();
    match team::form_or_stopped(graph, &pool, &scores, needs, team::DEFAULT_MAX_NODES) {
        team::Formed::Team(t) => {
            let members: Vec<&Candidate> = t.members.iter().map(|i| pool[*i]).collect();
            Ok(Found {
                ids: members.iter().map(|c| c.id).collect(),
                covers: team::coverage(graph, &members, needs),
                team: t,
            })
        }
        other => Err(other),
    }
}

/// The project's skills and who covers each, in words; `names` in the members' order.
pub fn coverage_rows(
    (state, page): (&AppState, &Page),
    covers: &[Cover],
    names: &[String],
) -> Vec<CoverRow> {
    covers
        .iter()
        .filter_map(|cover| {
            let skill = state.taxonomy.skills().get(usize::from(cover.skill.0))?;
            let by: Vec<String> = cover
                .by
                .iter()
                .filter_map(|m| names.get(*m))
                .cloned()
                .collect();
            Some(CoverRow {
                skill: super::view::skill_label(
                    state,
                    page.lang,
                    skill.id.as_str(),
                    i32::from(cover.skill.1),
                ),
                required: cover.required,
                by: if by.is_empty() {
                    page.t("match-team-covered-by-nobody")
                } else {
                    page.join_list(&by)
                },
            })
        })
        .collect()
}

/// The team the search formed, as the request page shows it.
pub fn team_view(
    (state, page): (&AppState, &Page),
    (slug, names): (&str, &HashMap<i64, String>),
    found: Found,
    introduce_action: &str,
) -> TeamView {
    let member_names: Vec<String> = found
        .ids
        .iter()
        .map(|id| names.get(id).cloned().unwrap_or_default())
        .collect();
    TeamView {
        members: found
            .ids
            .iter()
            .zip(&member_names)
            .map(|(id, name)| {
                (
                    format!("/{slug}/coordinator/participants/{id}"),
                    name.clone(),
                )
            })
            .collect(),
        coverage: coverage_rows((state, page), &found.covers, &member_names),
        member_ids: found.ids,
        introduce_action: introduce_action.to_owned(),
        meeting_slots: crate::weekly_grid::in_words(page, &found.team.common_time),
        summary: team_summary(page, &found.team),
        proven_optimal: found.team.proven_optimal,
    }
}

/// The trade-off the team search made, in words: how many people, what they cover, and the
/// time they share.
pub fn team_summary(page: &Page, team: &team::Team) -> String {
    let mut words = page.lang.t_args(
        "match-team-summary",
        &[
            ("people", team.members.len().to_string()),
            (
                "hours",
                crate::income_walls::hours(team.common_time.minutes()),
            ),
        ],
    );
    if team.nice_covered > 0 {
        words.push_str(&page.t1("match-team-nice", "count", &team.nice_covered.to_string()));
    }
    words
}

/// A team project without a team: none can be formed from the people who fit, or the search
/// stopped at its limit before finding one (then the page does not say none exists).
pub fn no_team(page: &Page, why: team::Formed) -> TeamView {
    let stopped = why == team::Formed::Stopped;
    TeamView {
        members: Vec::new(),
        member_ids: Vec::new(),
        introduce_action: String::new(),
        meeting_slots: Vec::new(),
        coverage: Vec::new(),
        summary: page.t(if stopped {
            "match-team-stopped"
        } else {
            "match-team-none"
        }),
        proven_optimal: !stopped,
    }
}
