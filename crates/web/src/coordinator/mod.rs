//! The coordinators' pages: their start page, inviting organization members, the participant
//! list and records (every opening is written to the audit log), and the outbox.

mod invitations;
mod participants;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;

use crate::auth::SignedIn;
use crate::error::WebError;
use crate::page::{Page, render};
use crate::router::{AppState, Routes};
use crate::town::CurrentTown;

pub fn routes() -> Routes {
    Routes::new()
        .route("/{town}/coordinator/", get(home))
        .route(
            "/{town}/coordinator/invitations",
            get(invitations::show).post(invitations::create),
        )
        .route("/{town}/coordinator/participants", get(participants::list))
        .route(
            "/{town}/coordinator/participants/{id}",
            get(participants::show),
        )
        .route("/{town}/coordinator/outbox", get(outbox))
}

#[derive(askama::Template)]
#[template(path = "roles/home.html")]
struct CoordinatorHome {
    page: Page,
    heading: String,
    lead: String,
    links: Vec<(String, String)>,
}

async fn home(CurrentTown(town): CurrentTown, SignedIn(account): SignedIn, page: Page) -> Response {
    let page = page.with_town(&town);
    let base = format!("/{}/coordinator", town.slug);
    let links = vec![
        (
            format!("{base}/participants"),
            page.t("coordinator-participants-title"),
        ),
        (
            format!("{base}/invitations"),
            page.t("coordinator-invitations-title"),
        ),
        (format!("{base}/outbox"), page.t("outbox-title")),
        (
            format!("/{}/account/password", town.slug),
            page.t("password-change-title"),
        ),
    ];
    let heading = page.t1("coordinator-home-heading", "name", &account.display_name);
    let lead = page.t("coordinator-home-lead");
    render(
        StatusCode::OK,
        &CoordinatorHome {
            page,
            heading,
            lead,
            links,
        },
    )
}

async fn outbox(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    crate::outbox_view::respond(&state, page, Some(town.id)).await
}
