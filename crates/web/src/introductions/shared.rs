//! What the three audiences of an introduction share: its detail page, the moves made from
//! it, and what a move leaves behind (the audit entry and the notice after the redirect).

use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use domain::FieldErrors;
use domain::audit::{AuditAction, AuditTarget};
use domain::introduction::{self, Action, Actor};
use domain::local_time::to_jst;
use serde::Deserialize;
use store::account::Account;
use store::introduction::Introduction;

use super::forms::{MoveFields, MoveForm, parse_change};
use super::view::{self, EventView, IntroductionView};
use crate::audit_trail::Audit;
use crate::error::WebError;
use crate::notify::introduction::{self as notices, Audience};
use crate::page::Page;
use crate::state::AppState;

/// The moves a coordinator makes with a button (the others have their own forms; cancelling
/// has a page of its own, where the reason is asked for).
const BUTTONS: [Action; 2] = [Action::Offer, Action::Discard];

/// What a participant may answer, on their view of the page.
pub struct AnswerView {
    pub can_answer: bool,
    pub can_withdraw: bool,
    /// What consenting shares: (code, words, required). The optional ones are boxes the
    /// person may untick.
    pub shared_items: Vec<(&'static str, String, bool)>,
    pub organization: String,
    pub status_code: String,
}

/// A member's profile as the organization sees it once they consented.
pub struct SharedProfile {
    pub name: String,
    pub furigana: String,
    pub goal: String,
    pub work_place: String,
    pub hours: String,
    pub skills: Vec<String>,
    pub work_history: String,
    pub availability: Vec<String>,
}

#[derive(askama::Template)]
#[template(path = "introductions/detail.html")]
pub struct DetailPage {
    pub page: Page,
    pub role: &'static str,
    pub intro: IntroductionView,
    pub request_href: String,
    pub action_url: String,
    pub buttons: Vec<(String, String)>,
    /// Where the coordinator goes to cancel it, while it can be.
    pub cancel_href: Option<String>,
    pub meeting_form: bool,
    pub start_form: bool,
    pub outcome_form: bool,
    pub org_answer: bool,
    pub fields: MoveFields,
    pub events: Vec<EventView>,
    pub follow_ups: Vec<(String, String, String, bool)>,
    pub notice: Option<String>,
    pub has_errors: bool,
    pub answer: Option<AnswerView>,
    pub profiles: Vec<SharedProfile>,
    pub meeting: Option<super::meeting::MeetingView>,
    pub result: Option<super::result::ResultView>,
}

impl DetailPage {
    /// The page for `by`, with the moves `status` allows them.
    pub fn new(
        page: Page,
        intro: &Introduction,
        by: Actor,
        form: &MoveForm,
        errors: &FieldErrors,
    ) -> Self {
        let (role, buttons) = match by {
            Actor::Coordinator => ("coordinator", &BUTTONS[..]),
            Actor::Organization => ("org", &[][..]),
            Actor::Participant => ("me", &[][..]),
        };
        let slug = page
            .town
            .as_ref()
            .map(|t| t.slug.clone())
            .unwrap_or_default();
        let allowed = |action| introduction::advance(intro.status, action, by).is_ok();
        Self {
            buttons: view::moves(&page, intro.status, by, buttons),
            cancel_href: (by == Actor::Coordinator && allowed(Action::Cancel))
                .then(|| format!("/{slug}/coordinator/introductions/{}/cancel", intro.id)),
            meeting_form: allowed(Action::ScheduleMeeting),
            start_form: allowed(Action::Start),
            outcome_form: allowed(Action::Conclude),
            org_answer: allowed(Action::Accept),
            fields: MoveFields::new(&page, form, errors),
            intro: IntroductionView::new(&page, intro, String::new()),
            request_href: match by {
                Actor::Coordinator => format!("/{slug}/coordinator/requests/{}", intro.request_id),
                Actor::Organization => format!("/{slug}/org/requests/{}", intro.request_id),
                Actor::Participant => format!("/{slug}/requests/{}", intro.request_id),
            },
            action_url: format!("/{slug}/{role}/introductions/{}", intro.id),
            role,
            events: Vec::new(),
            follow_ups: Vec::new(),
            notice: None,
            has_errors: !errors.is_empty(),
            answer: None,
            profiles: Vec::new(),
            meeting: super::meeting::view(&page, intro, false, ("", errors)),
            result: None,
            page,
        }
    }
}

#[derive(Deserialize, Default)]
pub struct Done {
    pub done: Option<String>,
}

/// Applies a move by `by` from the state the person saw: `Ok(false)` when it no longer
/// applies, the form's errors when it does not parse.
pub async fn apply(
    state: &AppState,
    town: &domain::Municipality,
    account: &Account,
    intro: &Introduction,
    by: Actor,
    form: &MoveForm,
) -> Result<Result<bool, FieldErrors>, WebError> {
    let (Some(seen), Some(action)) = (form.seen(), form.action()) else {
        return Err(WebError::BadRequest);
    };
    let Ok(to) = introduction::advance(seen, action, by) else {
        return Ok(Ok(false));
    };
    let today = to_jst(Utc::now()).date_naive();
    let change = match parse_change(form, action, today) {
        Ok(change) => change,
        Err(errors) => return Ok(Err(errors)),
    };
    let tenant = state.store.tenant(town);
    if let Some(warning) = super::meeting::clash_warning(&tenant, intro, form, &change).await? {
        return Ok(Err(warning));
    }
    let audience = Audience::of(&tenant, intro).await?;
    let meeting = change.meeting.clone();
    let said = (meeting, change.note.as_str());
    let notifications = notices::advanced(state, town, intro, &audience, action, said);
    let moved = tenant
        .advance_introduction(
            intro.id,
            (seen, to),
            action,
            account.id,
            &change,
            &notifications,
        )
        .await?;
    Ok(Ok(moved))
}

/// After a move: the audit entry when it applied, then back to the page with its notice.
pub async fn finish_move(
    audit: &Audit,
    town: &domain::Municipality,
    (id, form): (i64, &MoveForm),
    moved: bool,
    base: &str,
) -> Result<Response, WebError> {
    if moved {
        let action = Action::from_code(&form.action).ok_or(WebError::BadRequest)?;
        audit
            .town_record(
                town.id,
                AuditAction::introduction(action),
                (AuditTarget::Introduction, id),
            )
            .await?;
    }
    let done = if moved { "moved" } else { "stale" };
    Ok(Redirect::to(&format!("{base}?done={done}")).into_response())
}
