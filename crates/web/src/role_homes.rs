//! The start pages of participants, organization members and town officers. Later issues
//! fill them; here they greet the person and lead on.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;

use crate::audit_trail::Audit;
use crate::audit_view::{self, AuditQuery};
use crate::auth::SignedIn;
use crate::error::WebError;
use crate::page::{Page, render};
use crate::router::{AppState, Routes};
use crate::town::CurrentTown;

pub fn routes() -> Routes {
    Routes::new()
        .route("/{town}/org/", get(organization_home))
        .route("/{town}/town/", get(town_officer_home))
}

#[derive(askama::Template)]
#[template(path = "roles/home.html")]
struct RoleHome {
    page: Page,
    heading: String,
    lead: String,
    links: Vec<(String, String)>,
}

fn role_home(
    page: Page,
    heading_key: &str,
    lead_key: &str,
    name: &str,
    links: Vec<(String, String)>,
) -> Response {
    let heading = page.t1(heading_key, "name", name);
    let lead = page.t(lead_key);
    render(
        StatusCode::OK,
        &RoleHome {
            page,
            heading,
            lead,
            links,
        },
    )
}

async fn organization_home(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    page: Page,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let organization = match account.organization_id {
        Some(id) => state.store.tenant(&town).organization(id).await?,
        None => None,
    };
    let name = organization.map_or(account.display_name.clone(), |o| o.name);
    let links = vec![(
        format!("/{}/account/password", town.slug),
        page.t("password-change-title"),
    )];
    Ok(role_home(
        page,
        "organization-home-heading",
        "organization-home-lead",
        &name,
        links,
    ))
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
    audit
        .record(Some(town.id), "audit_log.view", "audit_log", "", "")
        .await?;
    audit_view::respond(
        &state,
        page,
        Some(town.id),
        &format!("/{}/town/", town.slug),
        &query,
    )
    .await
}
