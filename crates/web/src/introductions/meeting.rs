//! The meeting (面談) of an introduction: a proposed time is checked against the members' weeks
//! and bookings (a warning the proposer may override once checked with the person); each
//! member answers the time proposed last (accept, or ask for another with a message); the
//! meeting comes as an `.ics` file; the worker reminds the members the day before.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use chrono::{DateTime, Utc};
use domain::FieldErrors;
use domain::audit::{AuditAction, AuditTarget};
use domain::introduction::meeting::{
    ANSWER_NOTE_MAX, Clash, MEETING_LENGTH, MeetingAnswer, clashes,
};
use domain::introduction::{Action, IntroductionStatus};
use serde::Deserialize;
use store::TenantStore;
use store::account::AccountId;
use store::introduction::{Change, Introduction};

use super::forms::MoveForm;
use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::WebError;
use crate::notify::introduction::{self as notices, Audience};
use crate::page::{Page, render};
use crate::state::AppState;
use crate::town::CurrentTown;

const CLASH_OUTSIDE: &str = "meeting-clash-outside";
const CLASH_BOOKED: &str = "meeting-clash-booked";

/// Whether the errors are a clash warning, so the form asks the proposer to confirm.
pub fn warned_of_clash(errors: &FieldErrors) -> bool {
    matches!(
        errors.code_for("meeting_time"),
        Some(CLASH_OUTSIDE | CLASH_BOOKED)
    )
}

/// The warning for a proposed meeting time that clashes with a member's week or bookings,
/// unless the proposer confirmed it.
pub async fn clash_warning(
    tenant: &TenantStore<'_>,
    intro: &Introduction,
    form: &MoveForm,
    change: &Change,
) -> Result<Option<FieldErrors>, WebError> {
    let Some((at, _)) = &change.meeting else {
        return Ok(None);
    };
    if form.action() != Some(Action::ScheduleMeeting) || form.clash_confirm == "yes" {
        return Ok(None);
    }
    let time = tenant.members_time(intro.id).await?;
    let found: Vec<Clash> = time
        .weeks
        .iter()
        .flat_map(|week| clashes(*at, week, &time.booked))
        .collect();
    let code = if found.contains(&Clash::Booked) {
        CLASH_BOOKED
    } else if found.contains(&Clash::OutsideAvailability) {
        CLASH_OUTSIDE
    } else {
        return Ok(None);
    };
    let mut errors = FieldErrors::default();
    errors.add("meeting_time", code);
    Ok(Some(errors))
}

/// The meeting on the introduction's page: the members' answer to the time proposed last,
/// and, for a member, the answer forms while it waits and the calendar file.
pub struct MeetingView {
    pub answer: String,
    pub note: String,
    pub can_answer: bool,
    /// The proposed time as the answer form sends it back (seconds since 1970).
    pub seen: String,
    pub calendar_href: Option<String>,
    pub note_field: crate::form::FieldView,
}

/// The meeting part of the page, while a meeting is scheduled.
pub fn view(
    page: &Page,
    intro: &Introduction,
    member: bool,
    (typed, errors): (&str, &FieldErrors),
) -> Option<MeetingView> {
    let at = intro.meeting_at?;
    if intro.status != IntroductionStatus::MeetingScheduled {
        return None;
    }
    let slug = page
        .town
        .as_ref()
        .map(|t| t.slug.as_str())
        .unwrap_or_default();
    Some(MeetingView {
        answer: page.label(intro.meeting_answer),
        note: intro.meeting_answer_note.clone(),
        can_answer: member && intro.meeting_answer == MeetingAnswer::Waiting,
        seen: at.timestamp().to_string(),
        calendar_href: member.then(|| format!("/{slug}/me/introductions/{}/meeting.ics", intro.id)),
        note_field: crate::form::FieldView::new(page, "meeting_note", "textarea", typed, errors)
            .optional()
            .max_chars(page, ANSWER_NOTE_MAX),
    })
}

#[derive(Deserialize, Default)]
pub struct AnswerForm {
    #[serde(default)]
    seen: String,
    #[serde(default)]
    answer: String,
    #[serde(default)]
    meeting_note: String,
}

/// The answer, checked: asking for another time needs a message; a message has a limit.
fn check(
    form: &AnswerForm,
) -> Result<(DateTime<Utc>, MeetingAnswer, String), Result<FieldErrors, WebError>> {
    let answer = match form.answer.as_str() {
        "accepted" => MeetingAnswer::Accepted,
        "another_time" => MeetingAnswer::AnotherTime,
        _ => return Err(Err(WebError::BadRequest)),
    };
    let seen = form
        .seen
        .trim()
        .parse::<i64>()
        .ok()
        .and_then(|s| DateTime::from_timestamp(s, 0))
        .ok_or(Err(WebError::BadRequest))?;
    let note = form.meeting_note.trim().to_owned();
    let mut errors = FieldErrors::default();
    if answer == MeetingAnswer::AnotherTime && note.is_empty() {
        errors.add("meeting_note", "meeting-note-required");
    }
    if note.chars().count() > ANSWER_NOTE_MAX {
        errors.add("meeting_note", "too-long");
    }
    if errors.is_empty() {
        Ok((seen, answer, note))
    } else {
        Err(Ok(errors))
    }
}

pub async fn answer(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    (page, audit): (Page, Audit),
    Form(form): Form<AnswerForm>,
) -> Result<Response, WebError> {
    let intro = super::participant::own(&state, &town, account.id.0, id).await?;
    let base = format!("/{}/me/introductions/{id}", town.slug);
    let (seen, answer, note) = match check(&form) {
        Ok(checked) => checked,
        Err(Err(refused)) => return Err(refused),
        Err(Ok(errors)) => {
            let page = page.with_town(&town);
            let typed = (form.meeting_note.as_str(), &errors);
            let detail = super::participant::page_for(&page, &intro, account.id.0, None, typed);
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &detail));
        }
    };
    // The form carries whole seconds; the store compares the time exactly as stored.
    let Some(seen) = intro
        .meeting_at
        .filter(|at| at.timestamp() == seen.timestamp())
    else {
        return Ok(Redirect::to(&format!("{base}?done=stale")).into_response());
    };
    let tenant = state.store.tenant(&town);
    let audience = Audience::of(&tenant, &intro).await?;
    let said = (account.display_name.as_str(), answer, note.as_str());
    let notes = notices::meeting_answered(&state, &town, (&intro, &audience), said);
    if !tenant
        .answer_meeting((id, AccountId(account.id.0)), (seen, answer, &note), &notes)
        .await?
    {
        return Ok(Redirect::to(&format!("{base}?done=stale")).into_response());
    }
    let action = match answer {
        MeetingAnswer::AnotherTime => AuditAction::MeetingAnotherTime,
        _ => AuditAction::MeetingAccepted,
    };
    audit
        .town_record(town.id, action, (AuditTarget::Introduction, id))
        .await?;
    let done = match answer {
        MeetingAnswer::AnotherTime => "meeting-another-time",
        _ => "meeting-accepted",
    };
    Ok(Redirect::to(&format!("{base}?done={done}")).into_response())
}

/// The meeting as a calendar file, for the members only.
pub async fn calendar(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
) -> Result<Response, WebError> {
    let intro = super::participant::own(&state, &town, account.id.0, id).await?;
    let at = intro
        .meeting_at
        .filter(|_| intro.status == IntroductionStatus::MeetingScheduled)
        .ok_or(WebError::NotFound)?;
    let page = page.with_town(&town);
    let summary = page.lang.t_args(
        "meeting-calendar-summary",
        &[
            ("request", intro.request_title.clone()),
            ("organization", intro.organization_name.clone()),
        ],
    );
    let entry = crate::ical::Entry {
        uid: format!("meeting-{}-{}@{}", intro.id, at.timestamp(), town.slug),
        start: at,
        end: at + MEETING_LENGTH,
        summary: summary.clone(),
        description: String::new(),
        location: intro.meeting_place.clone(),
        url: format!(
            "{}/{}/me/introductions/{id}",
            state.config.public_url.trim_end_matches('/'),
            town.slug
        ),
        cancelled: false,
    };
    let body = crate::ical::calendar(&summary, &[entry], Utc::now());
    Ok(crate::ical::response(body, &format!("meeting-{id}.ics")))
}
