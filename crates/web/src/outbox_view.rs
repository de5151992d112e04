//! The outbox as staff see it: what was sent to whom, and what is waiting or failing. Message
//! bodies (which may hold sign-in links) are shown only while no SMTP server is configured, so
//! a local or demo installation stays usable without mail.

use axum::http::StatusCode;
use axum::response::Response;
use domain::MunicipalityId;
use domain::local_time::to_jst;

use crate::error::WebError;
use crate::page::{Page, render};
use crate::router::AppState;

struct MessageRow {
    created: String,
    recipient: String,
    subject: String,
    body: Option<String>,
    status: String,
    attempts: i32,
    last_error: String,
}

#[derive(askama::Template)]
#[template(path = "outbox.html")]
struct OutboxPage {
    page: Page,
    show_bodies: bool,
    rows: Vec<MessageRow>,
}

pub async fn respond(
    state: &AppState,
    page: Page,
    town: Option<MunicipalityId>,
) -> Result<Response, WebError> {
    let show_bodies = !state.config.smtp_configured;
    let rows = state
        .store
        .outbox(town, 100)
        .await?
        .into_iter()
        .map(|m| MessageRow {
            created: to_jst(m.created_at).format("%Y-%m-%d %H:%M").to_string(),
            status: page.t(match (m.sent_at, m.attempts) {
                (Some(_), _) => "outbox-status-sent",
                (None, _) if m.dead_at.is_some() => "outbox-status-dead",
                (None, 0) => "outbox-status-waiting",
                (None, _) => "outbox-status-retrying",
            }),
            recipient: m.recipient,
            subject: m.subject,
            body: show_bodies.then_some(m.body_text),
            attempts: m.attempts,
            last_error: m.last_error.unwrap_or_default(),
        })
        .collect();
    Ok(render(
        StatusCode::OK,
        &OutboxPage {
            page,
            show_bodies,
            rows,
        },
    ))
}
