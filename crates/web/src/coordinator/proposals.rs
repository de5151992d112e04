//! `/{town}/coordinator/proposals`: the engine's batch proposals for the whole town. Turning
//! a proposal into an introduction arrives with the introductions workflow.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use crate::audit_trail::Audit;
use crate::error::WebError;
use crate::page::{Page, render};
use crate::requests::matches::{self, ProposalView};
use crate::router::AppState;
use crate::town::CurrentTown;

/// At most this many proposals per person in a run.
const PER_PERSON: u32 = 2;

#[derive(askama::Template)]
#[template(path = "coordinator/proposals.html")]
struct ProposalsPage {
    page: Page,
    proposals: Vec<ProposalView>,
    per_person: u32,
}

pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    audit: Audit,
) -> Result<Response, WebError> {
    audit
        .record(
            Some(town.id),
            "participant.batch_proposals",
            "municipality",
            town.slug.as_str(),
            "",
        )
        .await?;
    let page = page.with_town(&town);
    let proposals = matches::batch(
        &state,
        &state.store.tenant(&town),
        &page,
        town.slug.as_str(),
        PER_PERSON,
    )
    .await?;
    Ok(render(
        StatusCode::OK,
        &ProposalsPage {
            page,
            proposals,
            per_person: PER_PERSON,
        },
    ))
}
