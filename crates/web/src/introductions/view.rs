//! An introduction as people read it, in their language.

use domain::availability::WeeklyAvailability;
use domain::introduction::{Action, Actor, IntroductionStatus, advance};
use store::introduction::{Introduction, IntroductionEvent};

use crate::page::Page;

/// One line of a list, or the head of a detail page.
pub struct IntroductionView {
    pub href: String,
    pub request_title: String,
    pub organization: String,
    pub status_code: String,
    pub status: String,
    pub is_team: bool,
    pub members: Vec<MemberView>,
    pub score: String,
    pub reasons: Vec<String>,
    pub created: String,
    pub meeting: Option<String>,
    pub started_on: Option<String>,
    pub outcome: Option<String>,
    pub common_time: Vec<String>,
    /// The skill gaps the shortlist showed, in words (filled in for the coordinator's page).
    pub gaps: Vec<String>,
    /// The coordinator's own words to the person.
    pub personal_note: String,
    /// The organization's own words with its answer or meeting.
    pub organization_note: String,
}

pub struct MemberView {
    pub name: String,
    pub status: String,
    pub reason: String,
}

/// A line of the history.
pub struct EventView {
    pub at: String,
    pub text: String,
    pub actor: String,
    pub note: String,
}

/// The outcome in words: e.g. 「自分のペースで就労・週12時間・時給1,100〜1,299円」.
fn outcome_text(page: &Page, introduction: &Introduction) -> Option<String> {
    let kind = introduction.outcome?;
    let mut parts = vec![page.label(kind)];
    if let Some(reason) = introduction.outcome_reason {
        parts.push(page.label(reason));
    }
    if let Some(minutes) = introduction.outcome_minutes {
        parts.push(page.t1("outcome-hours", "hours", &(minutes / 60).to_string()));
    }
    if let Some(band) = introduction.pay_band {
        parts.push(page.label(band));
    }
    Some(crate::formats::facts(page.lang, &parts))
}

impl IntroductionView {
    pub fn new(page: &Page, introduction: &Introduction, href: String) -> Self {
        let common = WeeklyAvailability::from_hex(&introduction.common_time).unwrap_or_default();
        Self {
            href,
            request_title: introduction.request_title.clone(),
            organization: introduction.organization_name.clone(),
            status_code: introduction.status.code().to_owned(),
            status: page.label(introduction.status),
            is_team: introduction.is_team,
            members: introduction
                .members
                .iter()
                .map(|m| MemberView {
                    name: crate::shown_text::person_name(page.lang, &m.display_name),
                    status: page.label(m.status),
                    reason: m.decline_reason.clone(),
                })
                .collect(),
            score: introduction.fit_score.to_string(),
            reasons: introduction
                .reasons
                .iter()
                .map(|r| page.label(*r))
                .collect(),
            created: page.date_time(introduction.created_at),
            meeting: introduction
                .meeting_at
                .map(|at| crate::formats::at_place(page.lang, at, &introduction.meeting_place)),
            started_on: introduction.started_on.map(|d| d.to_string()),
            outcome: outcome_text(page, introduction),
            common_time: if common.is_empty() {
                Vec::new()
            } else {
                crate::weekly_grid::in_words(page, &common)
            },
            gaps: Vec::new(),
            personal_note: introduction.personal_note.clone(),
            // The note of the organization's acceptance or meeting; a later move (a
            // cancellation by the coordinator) has words of its own.
            organization_note: match introduction.status {
                IntroductionStatus::Accepted
                | IntroductionStatus::MeetingScheduled
                | IntroductionStatus::Engaged => introduction.organization_note.clone(),
                _ => String::new(),
            },
        }
    }
}

impl IntroductionView {
    /// The view the person introduced reads: their status in the second person.
    pub fn for_participant(page: &Page, introduction: &Introduction, href: String) -> Self {
        Self {
            status: page.label(domain::introduction::ToParticipant(introduction.status)),
            ..Self::new(page, introduction, href)
        }
    }
}

pub fn events(page: &Page, events: Vec<IntroductionEvent>) -> Vec<EventView> {
    events
        .into_iter()
        .map(|e| EventView {
            at: page.date_time(e.at),
            text: page.label(e.action),
            actor: e.actor_name,
            note: e.note,
        })
        .collect()
}

/// The moves `by` may make from `status`, as (action code, label) for buttons.
pub fn moves(
    page: &Page,
    status: IntroductionStatus,
    by: Actor,
    offered: &[Action],
) -> Vec<(String, String)> {
    offered
        .iter()
        .filter(|a| advance(status, **a, by).is_ok())
        .map(|a| (a.code().to_owned(), page.t(a.button_key())))
        .collect()
}

pub use crate::introduction_done::notice;
