//! The organization's home: what waits for it on its introductions (an answer, a meeting
//! time, a result; see `domain::introduction::waiting`), then its requests. It stands above
//! `requests` and `introductions`, naming both.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use chrono::{DateTime, Utc};
use domain::introduction::waiting::organization_task;
use store::introduction::{Introduction, IntroductionOwner};

use crate::auth::SignedIn;
use crate::error::{Found, WebError};
use crate::page::{Page, render};
use crate::routes::Routes;
use crate::state::AppState;
use crate::town::CurrentTown;

pub fn routes() -> Routes {
    Routes::new().route("/{town}/org/", get(home))
}

struct Row {
    href: String,
    title: String,
    kind: String,
    status: String,
}

/// An introduction waiting for the organization: where, what, who and what to do.
struct Waiting {
    href: String,
    title: String,
    people: String,
    task: String,
    meeting: String,
}

#[derive(askama::Template)]
#[template(path = "organization_home.html")]
struct Home {
    page: Page,
    heading: String,
    waiting: Vec<Waiting>,
    rows: Vec<Row>,
    base: String,
}

/// The organization's introductions that wait for it at `now`, oldest change first (the
/// longest waiting at the top).
fn waiting(page: &Page, base: &str, intros: &[Introduction], now: DateTime<Utc>) -> Vec<Waiting> {
    let mut out: Vec<(DateTime<Utc>, Waiting)> = intros
        .iter()
        .filter_map(|i| {
            let meeting = (i.meeting_at, i.meeting_answer);
            let task = organization_task(i.status, meeting, i.result.is_some(), now)?;
            let people: Vec<String> = i
                .members
                .iter()
                .map(|m| crate::shown_text::person_name(page.lang, &m.display_name))
                .collect();
            Some((
                i.updated_at,
                Waiting {
                    href: format!("{base}/introductions/{}", i.id),
                    title: i.request_title.clone(),
                    people: page.join_list(&people),
                    task: page.label(task),
                    meeting: i
                        .meeting_at
                        .map(|at| page.date_time(at))
                        .unwrap_or_default(),
                },
            ))
        })
        .collect();
    out.sort_by_key(|(at, _)| *at);
    out.into_iter().map(|(_, w)| w).collect()
}

async fn home(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    page: Page,
) -> Result<Response, WebError> {
    let organization_id = account.organization_id.ok_or(WebError::Forbidden)?;
    let tenant = state.store.tenant(&town);
    let organization = tenant.organization(organization_id).await.found()?;
    let page = page.with_town(&town);
    let base = format!("/{}/org", town.slug);
    let intros = tenant
        .own_introductions(IntroductionOwner::Organization(organization_id), 200)
        .await?;
    let rows = tenant
        .requests_of_organization(organization_id)
        .await?
        .into_iter()
        .map(|r| Row {
            href: format!("{base}/requests/{}", r.id),
            kind: page.label(r.kind),
            status: r.status().map(|s| page.label(s)).unwrap_or_default(),
            title: r.title,
        })
        .collect();
    let heading = page.t1("organization-home-heading", "name", &organization.name);
    let home = Home {
        waiting: waiting(&page, &base, &intros, Utc::now()),
        page,
        heading,
        rows,
        base,
    };
    Ok(render(StatusCode::OK, &home))
}
