//! The outbox as staff see it: what was sent to whom, and what is waiting or failing. Never a
//! message's body: bodies carry links meant for their recipient alone, so the store gives staff
//! pages only [`store::outbox::OutboxSummary`], which has none. Without SMTP the worker writes
//! mail to the server's spool folder, readable only there.

use axum::http::StatusCode;
use axum::response::Response;
use domain::MunicipalityId;
use domain::audit::{AuditAction, AuditTarget};

use crate::audit_trail::Audit;
use crate::error::WebError;
use crate::page::{Page, render};
use crate::state::AppState;

struct MessageRow {
    created: String,
    recipient: String,
    subject: String,
    status: String,
    attempts: i32,
    last_error: String,
}

#[derive(askama::Template)]
#[template(path = "outbox.html")]
struct OutboxPage {
    page: Page,
    rows: Vec<MessageRow>,
}

pub async fn respond(
    state: &AppState,
    (page, audit): (Page, Audit),
    town: Option<MunicipalityId>,
) -> Result<Response, WebError> {
    let found = state.store.outbox_summaries(town, 100).await?;
    let rows = audit
        .reveal(
            found,
            town,
            AuditAction::OutboxView,
            (AuditTarget::Outbox, ""),
            "",
        )
        .await?
        .into_iter()
        .map(|m| MessageRow {
            created: page.date_time(m.created_at),
            status: page.t(match (m.sent_at, m.attempts) {
                (Some(_), _) => "outbox-status-sent",
                (None, _) if m.dead_at.is_some() => "outbox-status-dead",
                (None, 0) => "outbox-status-waiting",
                (None, _) => "outbox-status-retrying",
            }),
            recipient: m.recipient,
            subject: m.subject,
            attempts: m.attempts,
            last_error: m.last_error.unwrap_or_default(),
        })
        .collect();
    Ok(render(StatusCode::OK, &OutboxPage { page, rows }))
}
