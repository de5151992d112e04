//! The participant list and a participant's record. Both are views of personal data: each
//! opening is recorded in the audit log before anything is shown.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use domain::Role;
use domain::local_time::to_jst;
use serde::Deserialize;
use store::account::AccountId;

use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::WebError;
use crate::page::{Page, render};
use crate::policy;
use crate::router::AppState;
use crate::town::CurrentTown;

const PAGE_SIZE: i64 = 50;

#[derive(Deserialize, Default)]
pub struct ListQuery {
    page: Option<i64>,
}

struct ParticipantRow {
    href: String,
    name: String,
    furigana: String,
    registered: String,
}

#[derive(askama::Template)]
#[template(path = "coordinator/participants.html")]
struct ListPage {
    page: Page,
    rows: Vec<ParticipantRow>,
    previous_href: Option<String>,
    next_href: Option<String>,
}

pub async fn list(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    audit: Audit,
    Query(query): Query<ListQuery>,
) -> Result<Response, WebError> {
    let number = query.page.unwrap_or(1).max(1);
    audit
        .record(
            Some(town.id),
            "participant.list",
            "participant",
            "",
            &format!("page {number}"),
        )
        .await?;
    let accounts = state
        .store
        .tenant(&town)
        .accounts_with_role(Role::Participant, PAGE_SIZE + 1, (number - 1) * PAGE_SIZE)
        .await?;
    let base = format!("/{}/coordinator/participants", town.slug);
    let next_href =
        (accounts.len() as i64 > PAGE_SIZE).then(|| format!("{base}?page={}", number + 1));
    let previous_href = (number > 1).then(|| format!("{base}?page={}", number - 1));
    let rows = accounts
        .into_iter()
        .take(PAGE_SIZE as usize)
        .map(|a| ParticipantRow {
            href: format!("{base}/{}", a.id.0),
            name: a.display_name,
            furigana: a.furigana,
            registered: to_jst(a.created_at).format("%Y-%m-%d").to_string(),
        })
        .collect();
    let page = page.with_town(&town);
    Ok(render(
        StatusCode::OK,
        &ListPage {
            page,
            rows,
            previous_href,
            next_href,
        },
    ))
}

#[derive(askama::Template)]
#[template(path = "coordinator/participant.html")]
struct RecordPage {
    page: Page,
    name: String,
    furigana: String,
    email: String,
    registered: String,
    back_href: String,
}

pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(viewer): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
    audit: Audit,
) -> Result<Response, WebError> {
    let participant = state
        .store
        .tenant(&town)
        .account(AccountId(id))
        .await?
        .filter(|p| policy::may_view_participant(&viewer, p))
        .ok_or(WebError::NotFound)?;
    audit
        .record(
            Some(town.id),
            "participant.view",
            "participant",
            &id.to_string(),
            "",
        )
        .await?;
    let page = page.with_town(&town);
    Ok(render(
        StatusCode::OK,
        &RecordPage {
            page,
            name: participant.display_name,
            furigana: participant.furigana,
            email: participant.email,
            registered: to_jst(participant.created_at)
                .format("%Y-%m-%d")
                .to_string(),
            back_href: format!("/{}/coordinator/participants", town.slug),
        },
    ))
}
