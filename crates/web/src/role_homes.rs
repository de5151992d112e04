//! The start pages of participants, organization members and town officers. Later issues
//! fill them; here they greet the person and lead on.

use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;

use crate::audit_trail::Audit;
use crate::audit_view::{self, AuditQuery};
use crate::error::WebError;
use crate::page::Page;
use crate::town::CurrentTown;
use crate::{routes::Routes, state::AppState};

pub fn routes() -> Routes {
    Routes::new().route("/{town}/town/", get(town_officer_home))
}

/// A town officer's start page is the town's audit log: who viewed and changed what.
async fn town_officer_home(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    audit: Audit,
    Query(query): Query<AuditQuery>,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    audit_view::respond(
        &state,
        (page, &audit),
        Some(town.id),
        &format!("/{}/town/", town.slug),
        &query,
    )
    .await
}
