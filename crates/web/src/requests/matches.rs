//! The matching engine in a coordinator's hands: the ranked candidates for a request, a team
//! proposal for a team project, and suggested requests for a participant. Names shown here are
//! personal data, so each view is recorded in the audit log by the caller.

use std::collections::HashMap;

use domain::introduction::gap::SkillGap;
use store::audit::{Subjects, Unshown};

use matching::courses::{CourseIndex, CourseRef};
use matching::shortlist::{self, Match, Ranking};
use matching::team::{self, TeamNeeds};
use matching::{Gap, Opening};
use store::TenantStore;

use super::team_view::{TeamView, best_team, no_team, team_view};
use crate::error::WebError;
use crate::page::Page;
use crate::skill_choices;
use crate::state::AppState;

/// How many candidates a request's page lists.
pub const SHORTLIST_SIZE: usize = 20;

/// One ranked candidate or request, in words.
pub struct MatchView {
    pub href: String,
    pub name: String,
    /// Beside a request's title: the organization that posted it (empty for a person).
    pub organization: String,
    pub score: String,
    pub reasons: Vec<String>,
    pub gaps: Vec<String>,
    /// The form that introduces this pair: (action, participant id).
    pub introduce: Option<(String, i64)>,
    /// Where the form comes back to.
    pub back: String,
}

/// The town's upcoming courses by the skills they teach, for gap explanations.
pub(super) async fn course_index(
    state: &AppState,
    tenant: &TenantStore<'_>,
) -> Result<CourseIndex, WebError> {
    let mut index = CourseIndex::default();
    for (id, title, skill, level) in tenant.courses_teaching(chrono::Utc::now()).await? {
        if let (Some(skill), Ok(level)) = (
            store::matching_input::skill_index(&state.taxonomy, &skill),
            u8::try_from(level),
        ) {
            index.add(skill, level, CourseRef { id, title });
        }
    }
    Ok(index)
}

/// A skill the person lacks for the request, in words.
/// The engine's gaps as an introduction keeps them, by skill id.
pub fn stored_gaps(state: &AppState, gaps: &[Gap]) -> Vec<SkillGap> {
    gaps.iter()
        .filter_map(
            |Gap::Skill {
                 skill,
                 needed,
                 has,
                 required,
             }| {
                let id = state
                    .taxonomy
                    .skills()
                    .get(usize::from(*skill))?
                    .id
                    .as_str();
                Some(SkillGap {
                    skill_id: id.to_owned(),
                    needed: *needed,
                    has: *has,
                    required: *required,
                })
            },
        )
        .collect()
}

/// A kept gap in words: the skill's name, the level asked and the level the person has.
pub fn stored_gap_text(state: &AppState, page: &Page, gap: &SkillGap) -> String {
    let key = if gap.required {
        "match-gap-required"
    } else {
        "match-gap-nice"
    };
    page.lang.t_args(
        key,
        &[
            (
                "skill",
                skill_choices::label(state, page.lang, &gap.skill_id),
            ),
            ("needed", gap.needed.to_string()),
            ("has", gap.has.to_string()),
        ],
    )
}

fn gap_text(state: &AppState, page: &Page, gap: &Gap) -> String {
    stored_gaps(state, std::slice::from_ref(gap))
        .first()
        .map(|g| stored_gap_text(state, page, g))
        .unwrap_or_default()
}

pub(super) fn explain(
    state: &AppState,
    (page, courses): (&Page, &CourseIndex),
    m: &Match,
) -> (Vec<String>, Vec<String>) {
    let mut reasons: Vec<String> = m
        .score
        .explanation
        .reasons
        .iter()
        .map(|r| page.label(*r))
        .collect();
    if m.fit.reduced_for_cap {
        reasons.push(page.t1(
            "match-reduced-hours",
            "hours",
            &crate::income_walls::hours(m.fit.minutes_per_week),
        ));
    } else if let Some(minutes) = m.fit.cap_minutes {
        reasons.push(crate::income_walls::hours_under_cap(page.lang, minutes));
    }
    if let Some(shifts) = &m.score.explanation.shifts {
        let words = crate::weekly_grid::in_words(page, shifts);
        reasons.push(page.t1("match-shifts", "shifts", &page.join_list(&words)));
    }
    let gaps = m
        .score
        .explanation
        .gaps
        .iter()
        .map(|gap| gap_text(state, page, gap))
        .zip(m.score.explanation.gaps.iter())
        .map(|(text, gap)| match courses.for_gap(gap).first() {
            Some(course) => page.lang.t_args(
                "match-gap-course",
                &[("gap", text), ("course", course.title.clone())],
            ),
            None => text,
        })
        .collect();
    (reasons, gaps)
}

/// Runs the engine on a blocking thread, so a long run never holds up the async runtime's
/// threads (and with them every other request).
pub(super) async fn off_runtime<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, WebError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|_| WebError::Internal)
}

impl Subjects for MatchView {
    fn subjects(&self) -> Vec<i64> {
        self.introduce.iter().map(|(_, id)| *id).collect()
    }
}

/// How the engine sees a resident who asked about a request ("相談したい").
#[derive(Debug, Clone, PartialEq)]
pub enum InterestFit {
    /// On the engine's list: their place on it, the score, and why.
    Ranked {
        place: usize,
        score: String,
        reasons: Vec<String>,
        gaps: Vec<String>,
    },
    /// Not on the engine's list: the request's hard conditions that rule them out, each in
    /// words (none when they fit but rank below the list).
    Unfit(Vec<String>),
    /// The engine has no profile of theirs to read (not filled in, or consent withdrawn).
    Unknown,
}

/// What the engine proposes for a request: the candidates and team (with names, so unshown
/// until recorded), and its view of the residents who asked about it, by id.
pub struct Proposed {
    pub named: Unshown<(Vec<MatchView>, Option<TeamView>)>,
    pub interested: HashMap<i64, InterestFit>,
}

/// The ranked candidates for one request, a team when it is a team project, and the fit of
/// each of `interested`: people's names, so shown only through `Audit::reveal`, which names
/// those on the page.
pub async fn for_request(
    (state, tenant): (&AppState, &TenantStore<'_>),
    (page, slug): (&Page, &str),
    (opening, team_needs): (Opening, Option<TeamNeeds>),
    interested: &[i64],
) -> Result<Proposed, WebError> {
    let input = tenant.matching_input(&state.taxonomy).await?;
    let courses = course_index(state, tenant).await?;
    let request_id = opening.id;
    let introduce_action = format!("/{slug}/coordinator/requests/{request_id}/introductions");
    let unfit = interested_unfit(&input, &opening, interested);
    // The shortlist and the team search both run off the async runtime's threads.
    let (list, formed) = off_runtime({
        let (graph, input) = (state.skill_graph.clone(), input.clone());
        move || {
            let list = shortlist::for_opening(
                &graph,
                &input.travel,
                Ranking::default(),
                &input.candidates,
                &[opening],
                0,
                input.candidates.len(),
            );
            // `Some(None)`: a team project for which no team exists.
            let formed = team_needs.map(|needs| best_team(&graph, &input, &list, &needs));
            (list, formed)
        }
    })
    .await?;
    let (candidates, names) = (&input.candidates, &input.names);
    let view = |m: &Match| {
        let id = candidates[m.candidate].id;
        let name = names.get(&id).cloned().unwrap_or_default();
        candidate_view(state, (page, &courses), (slug, request_id), (id, name), m)
    };
    let views = list.iter().take(SHORTLIST_SIZE).map(view).collect();
    let team = formed.map(|found| match found {
        Ok(found) => team_view((state, page), (slug, names), found, &introduce_action),
        Err(why) => no_team(page, why),
    });
    let ranked = list
        .iter()
        .enumerate()
        .filter(|(_, m)| interested.contains(&candidates[m.candidate].id))
        .map(|(place, m)| (candidates[m.candidate].id, ranked_fit(place + 1, view(m))));
    let interested = interested_fits(page, interested, ranked, unfit);
    Ok(Proposed {
        named: Unshown::new((views, team)),
        interested,
    })
}

/// An interested resident's place on the list, with the engine's score and reasons.
fn ranked_fit(place: usize, view: MatchView) -> InterestFit {
    InterestFit::Ranked {
        place,
        score: view.score,
        reasons: view.reasons,
        gaps: view.gaps,
    }
}

/// One ranked candidate for a request, in words, with the form that introduces them.
fn candidate_view(
    state: &AppState,
    (page, courses): (&Page, &CourseIndex),
    (slug, request_id): (&str, i64),
    (id, name): (i64, String),
    m: &Match,
) -> MatchView {
    let (reasons, gaps) = explain(state, (page, courses), m);
    MatchView {
        href: format!("/{slug}/coordinator/participants/{id}"),
        name,
        organization: String::new(),
        score: format!("{:.0}", m.score.total),
        reasons,
        gaps,
        introduce: Some((
            format!("/{slug}/coordinator/requests/{request_id}/introductions"),
            id,
        )),
        back: format!("/{slug}/coordinator/requests/{request_id}"),
    }
}

/// The hard conditions each interested resident fails, for those the engine knows (none for
/// one who fits; the list then says where they stand).
fn interested_unfit(
    input: &store::matching_cache::MatchingInput,
    opening: &Opening,
    interested: &[i64],
) -> HashMap<i64, Vec<matching::feasibility::Reason>> {
    interested
        .iter()
        .filter_map(|id| Some((*id, &input.candidates[input.candidate_index(*id)?])))
        .map(|(id, c)| {
            let failed = matching::feasibility::check(c, opening, &input.travel).err();
            (id, failed.unwrap_or_default())
        })
        .collect()
}

/// Each interested resident's fit: ranked, ruled out (with why), or unknown to the engine.
fn interested_fits(
    page: &Page,
    interested: &[i64],
    ranked: impl Iterator<Item = (i64, InterestFit)>,
    unfit: HashMap<i64, Vec<matching::feasibility::Reason>>,
) -> HashMap<i64, InterestFit> {
    let mut fits: HashMap<i64, InterestFit> =
        ranked.filter(|(id, _)| interested.contains(id)).collect();
    for (id, reasons) in unfit {
        let words = reasons.into_iter().map(|r| page.label(r)).collect();
        fits.entry(id).or_insert(InterestFit::Unfit(words));
    }
    for id in interested {
        fits.entry(*id).or_insert(InterestFit::Unknown);
    }
    fits
}

/// The requests that fit one participant best; a team project only when a team that includes
/// them exists.
/// The engine's best `limit` requests for `participant` (a team project only when a team that
/// includes the person exists), with the input they index; `None` when the engine cannot
/// read the person (no profile, or no consent).
async fn suggested(
    state: &AppState,
    tenant: &TenantStore<'_>,
    participant: i64,
    limit: usize,
) -> Result<
    Option<(
        std::sync::Arc<store::matching_cache::MatchingInput>,
        Vec<Match>,
    )>,
    WebError,
> {
    let input = tenant.matching_input(&state.taxonomy).await?;
    let Some(index) = input.candidate_index(participant) else {
        return Ok(None);
    };
    let list = off_runtime({
        let (graph, input) = (state.skill_graph.clone(), input.clone());
        move || {
            team::suggestions(
                &graph,
                &input.travel,
                Ranking::default(),
                (&input.candidates, &input.openings),
                index,
                limit,
            )
        }
    })
    .await?;
    Ok(Some((input, list)))
}

/// Of the engine's suggestions for `participant`, the ids of those in `among` (the requests
/// published since the last mail), best first, at most `limit`.
pub async fn fitting_among(
    state: &AppState,
    tenant: &TenantStore<'_>,
    participant: i64,
    (among, limit): (&[i64], usize),
) -> Result<Vec<i64>, WebError> {
    if among.is_empty() {
        return Ok(Vec::new());
    }
    let Some((input, list)) = suggested(state, tenant, participant, 50).await? else {
        return Ok(Vec::new());
    };
    Ok(list
        .iter()
        .map(|m| input.openings[m.opening].id)
        .filter(|id| among.contains(id))
        .take(limit)
        .collect())
}

pub async fn for_participant(
    state: &AppState,
    tenant: &TenantStore<'_>,
    page: &Page,
    slug: &str,
    participant: i64,
) -> Result<Vec<MatchView>, WebError> {
    let Some((input, list)) = suggested(state, tenant, participant, 10).await? else {
        return Ok(Vec::new());
    };
    let courses = course_index(state, tenant).await?;
    let (openings, titles) = (&input.openings, &input.titles);
    Ok(list
        .iter()
        .map(|m| {
            let id = openings[m.opening].id;
            let (reasons, gaps) = explain(state, (page, &courses), m);
            MatchView {
                href: format!("/{slug}/coordinator/requests/{id}"),
                name: titles.get(&id).map(|t| t.title.clone()).unwrap_or_default(),
                organization: titles
                    .get(&id)
                    .map(|t| t.organization_name.clone())
                    .unwrap_or_default(),
                score: format!("{:.0}", m.score.total),
                reasons,
                gaps,
                introduce: Some((
                    format!("/{slug}/coordinator/requests/{id}/introductions"),
                    participant,
                )),
                back: format!("/{slug}/coordinator/participants/{participant}"),
            }
        })
        .collect())
}
