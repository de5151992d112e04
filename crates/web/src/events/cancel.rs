//! Cancelling an event: a page of its own that says who will be told, asks for the reason
//! they are given, and cancels only when confirmed (no script needed).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use domain::FieldErrors;
use domain::audit::{AuditAction, AuditTarget};
use serde::Deserialize;

use super::view::{EventView, title};
use crate::audit_trail::Audit;
use crate::error::{Found, WebError};
use crate::form::FieldView;
use crate::notify::booking as notices;
use crate::page::{Page, render};
use crate::shown_text::Shown;
use crate::state::AppState;
use crate::town::CurrentTown;

#[derive(askama::Template)]
#[template(path = "events/cancel.html")]
struct ConfirmPage {
    page: Page,
    title: Shown,
    event: EventView,
    told: usize,
    reason: FieldView,
    has_errors: bool,
    action: String,
    back_href: String,
}

#[derive(Deserialize, Default)]
pub struct CancelForm {
    #[serde(default)]
    cancel_reason: String,
}

async fn confirm_page(
    state: &AppState,
    (town, page): (&domain::Municipality, Page),
    id: i64,
    (typed, errors): (&str, &FieldErrors),
) -> Result<ConfirmPage, WebError> {
    let tenant = state.store.tenant(town);
    let event = tenant.event(id).await.found()?;
    if event.is_cancelled() {
        return Err(WebError::NotFound);
    }
    let told = notices::registrant_recipients(&tenant, id).await?.len();
    let sessions = usize::try_from(event.session_count).unwrap_or(0);
    let now = chrono::Utc::now();
    let view = EventView::new(
        &page,
        &event,
        sessions,
        state.childcare_ratios.as_ref(),
        now,
    );
    let reason = FieldView::new(&page, "cancel_reason", "textarea", typed, errors)
        .hint(&page, "field-cancel-reason-hint");
    let base = format!("/{}/coordinator/events/{id}", town.slug);
    Ok(ConfirmPage {
        title: title(page.lang, &event),
        event: view,
        told,
        has_errors: !errors.is_empty(),
        reason,
        action: format!("{base}/cancel"),
        back_href: base,
        page,
    })
}

pub async fn confirm(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let view = confirm_page(&state, (&town, page), id, ("", &FieldErrors::default())).await?;
    Ok(render(StatusCode::OK, &view))
}

/// Cancels the event for the reason given; everyone booked is told, in the same transaction.
pub async fn cancel(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
    audit: Audit,
    Form(form): Form<CancelForm>,
) -> Result<Response, WebError> {
    let reason = match domain::event::cancel_reason(&form.cancel_reason) {
        Ok(reason) => reason,
        Err(errors) => {
            let page = page.with_town(&town);
            let typed = (form.cancel_reason.as_str(), &errors);
            let view = confirm_page(&state, (&town, page), id, typed).await?;
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view));
        }
    };
    let tenant = state.store.tenant(&town);
    let event = tenant.event(id).await.found()?;
    let recipients = notices::registrant_recipients(&tenant, id).await?;
    let cancelled = tenant
        .cancel_event(id, &reason, |_| {
            notices::event_cancelled(&state, &town, (&event, &reason), &recipients)
        })
        .await?;
    if cancelled {
        audit
            .record(
                Some(town.id),
                AuditAction::EventCancelled,
                AuditTarget::Event,
                &id.to_string(),
                &reason,
            )
            .await?;
    }
    let to = format!("/{}/coordinator/events/{id}?done=cancelled", town.slug);
    Ok(Redirect::to(&to).into_response())
}
