//! "この仕事について相談したい": a resident tells the coordinators that a published request
//! interests them. Every request's public page links here; someone not signed in is sent to
//! sign in (or sign up) first and comes back. The person's coordinator is told in the app and
//! by mail; the person sees it on their home page as 相談中の仕事 and can withdraw it.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use domain::FieldErrors;
use domain::audit::{AuditAction, AuditTarget};
use domain::request::interest::{InterestStatus, MESSAGE_MAX, check_message};
use serde::Deserialize;
use store::account::Account;
use store::interest::{Expressed, Interest};
use store::request::StoredRequest;

use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::WebError;
use crate::form::FieldView;
use crate::notify::casework::{Interested, interest_expressed};
use crate::page::{Page, render};
use crate::shown_text::Shown;
use crate::state::AppState;
use crate::town::CurrentTown;

domain::coded!(
    /// What the interest page says after a redirect.
    InterestDone {
        Sent = "sent" => "interest-done-sent",
        Withdrawn = "withdrawn" => "interest-done-withdrawn",
    }
);

#[derive(askama::Template)]
#[template(path = "requests/interest.html")]
struct InterestPage {
    page: Page,
    title: Shown,
    organization: String,
    request_href: String,
    action: String,
    notice: Option<String>,
    /// Where the person's interest stands, when they said it: (words, code).
    status: Option<(String, String)>,
    /// The withdraw form's action, while it waits.
    withdraw_action: Option<String>,
    /// The form to say it (again), unless it already stands.
    message: Option<FieldView>,
    has_errors: bool,
    /// The most the message may hold, for the field's `maxlength`.
    message_max: usize,
    introductions_href: String,
}

#[derive(Deserialize, Default)]
pub struct InterestForm {
    #[serde(default)]
    interest_message: String,
}

#[derive(Deserialize, Default)]
pub struct DoneQuery {
    done: Option<String>,
}

/// The interest page as a pure function of the request, the person's interest and the form.
fn interest_page(
    page: Page,
    (slug, request): (&str, &StoredRequest),
    interest: Option<&Interest>,
    (typed, errors): (&str, &FieldErrors),
) -> InterestPage {
    let status = interest.map(|i| i.status);
    let can_say = status.is_none_or(|s| s.said_again().is_some());
    let message = can_say.then(|| {
        FieldView::new(&page, "interest_message", "textarea", typed, errors)
            .optional()
            .hint(&page, "field-interest-message-hint")
    });
    InterestPage {
        title: Shown::pick(page.lang, &request.title, &request.title_en),
        organization: request.organization_name.clone(),
        request_href: format!("/{slug}/requests/{}", request.id),
        action: format!("/{slug}/requests/{}/interest", request.id),
        notice: None,
        status: status.map(|s| (page.label(s), s.code().to_owned())),
        withdraw_action: interest
            .filter(|i| i.status.is_waiting())
            .map(|i| format!("/{slug}/me/interests/{}/withdraw", i.id)),
        message,
        has_errors: !errors.is_empty(),
        message_max: MESSAGE_MAX,
        introductions_href: format!("/{slug}/me/introductions"),
        page,
    }
}

pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
    Query(query): Query<DoneQuery>,
) -> Result<Response, WebError> {
    let request = super::public::published(&state, &town, id).await?;
    let interest = state
        .store
        .tenant(&town)
        .own_interest(account.id, id)
        .await?;
    let page = page.with_town(&town);
    let notice = page.done_notice(query.done.as_deref(), InterestDone::from_code);
    let mut view = interest_page(
        page,
        (town.slug.as_str(), &request),
        interest.as_ref(),
        ("", &FieldErrors::default()),
    );
    view.notice = notice;
    Ok(render(StatusCode::OK, &view))
}

pub async fn submit(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    (page, audit): (Page, Audit),
    Form(form): Form<InterestForm>,
) -> Result<Response, WebError> {
    let request = super::public::published(&state, &town, id).await?;
    let page = page.with_town(&town);
    let message = match check_message(&form.interest_message) {
        Ok(message) => message,
        Err(errors) => {
            let interest = state
                .store
                .tenant(&town)
                .own_interest(account.id, id)
                .await?;
            let typed = (form.interest_message.as_str(), &errors);
            let view = interest_page(
                page,
                (town.slug.as_str(), &request),
                interest.as_ref(),
                typed,
            );
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view));
        }
    };
    let expressed = record(&state, &town, (&account, &request), &message).await?;
    if let Expressed::Recorded(interest) = expressed {
        audit
            .record(
                Some(town.id),
                AuditAction::InterestExpressed,
                AuditTarget::Request,
                &request.id.to_string(),
                &interest.to_string(),
            )
            .await?;
    }
    let back = format!("/{}/requests/{id}/interest?done=sent", town.slug);
    Ok(Redirect::to(&back).into_response())
}

/// Records the interest, telling the person's coordinator in the same transaction.
async fn record(
    state: &AppState,
    town: &domain::Municipality,
    (account, request): (&Account, &StoredRequest),
    message: &str,
) -> Result<Expressed, WebError> {
    let tenant = state.store.tenant(town);
    let coordinators = tenant.coordinators_of(account.id).await?;
    let interested = Interested {
        person: &account.display_name,
        request: (request.id, &request.title, &request.title_en),
        message,
    };
    let notices = |_| interest_expressed(state, town, &interested, &coordinators);
    match tenant
        .express_interest((request.id, account.id), message, notices)
        .await
    {
        Err(store::StoreError::NotFound) => Err(WebError::NotFound),
        other => Ok(other?),
    }
}

/// The person withdraws their waiting interest; one that no longer waits changes nothing.
pub async fn withdraw(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    audit: Audit,
) -> Result<Response, WebError> {
    let tenant = state.store.tenant(&town);
    let mine = tenant.own_interests(account.id).await?;
    let interest = mine.iter().find(|i| i.id == id).ok_or(WebError::NotFound)?;
    if tenant.withdraw_interest(id, account.id).await? {
        audit
            .record(
                Some(town.id),
                AuditAction::InterestWithdrawn,
                AuditTarget::Request,
                &interest.request_id.to_string(),
                &id.to_string(),
            )
            .await?;
    }
    let back = format!(
        "/{}/requests/{}/interest?done=withdrawn",
        town.slug, interest.request_id
    );
    Ok(Redirect::to(&back).into_response())
}

/// The person's interests as their home page lists them: (request page, title, status words,
/// status code).
pub fn own_list(page: &Page, slug: &str, interests: &[Interest]) -> Vec<OwnInterest> {
    interests
        .iter()
        .filter(|i| i.status != InterestStatus::Withdrawn)
        .map(|i| OwnInterest {
            href: format!("/{slug}/requests/{}/interest", i.request_id),
            title: Shown::pick(page.lang, &i.request_title, &i.request_title_en),
            organization: i.organization_name.clone(),
            status: page.label(i.status),
            status_code: i.status.code(),
            since: page.date(domain::local_time::to_jst(i.created_at).date_naive()),
        })
        .collect()
}

pub struct OwnInterest {
    pub href: String,
    pub title: Shown,
    pub organization: String,
    pub status: String,
    pub status_code: &'static str,
    pub since: String,
}
