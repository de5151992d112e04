//! The coordinators' pages: their start page, inviting organization members, the participant
//! list and records (every opening is written to the audit log), bringing the town's list of
//! organizations in (`import`), and the outbox.

pub(crate) mod casework;
pub(crate) mod check_in;
mod hearing_edit;
pub(crate) mod import;
mod invitations;
mod participant_deletion;
pub(crate) mod participants;
pub(crate) mod proposals;
mod timeline;
mod work_queue;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use domain::audit::{AuditAction, AuditTarget};

use crate::auth::SignedIn;
use crate::error::WebError;
use crate::page::{Page, render};
use crate::town::CurrentTown;
use crate::{routes::Routes, state::AppState};

pub fn routes() -> Routes {
    Routes::new()
        .route("/{town}/coordinator/", get(home))
        .route(
            "/{town}/coordinator/import",
            get(import::show).post(import::submit),
        )
        .route(
            "/{town}/coordinator/import/participants",
            get(import::show_participants).post(import::submit_participants),
        )
        .route(
            "/{town}/coordinator/invitations",
            get(invitations::show).post(invitations::create),
        )
        .route("/{town}/coordinator/participants", get(participants::list))
        .route(
            "/{town}/coordinator/participants/export",
            get(participants::export).post(participants::export_later),
        )
        .route(
            "/{town}/coordinator/participants/{id}/hearings/{hearing}/edit",
            get(hearing_edit::form).post(hearing_edit::save),
        )
        .route(
            "/{town}/coordinator/participants/{id}",
            get(participants::show),
        )
        .route(
            "/{town}/coordinator/participants/{id}/delete",
            get(participant_deletion::confirm).post(participant_deletion::delete),
        )
        .route(
            "/{town}/coordinator/participants/{id}/hearings",
            post(casework::add_hearing),
        )
        .route(
            "/{town}/coordinator/participants/{id}/follow-ups",
            post(casework::add_follow_up),
        )
        .route(
            "/{town}/coordinator/follow-ups/{id}/done",
            post(casework::complete_follow_up),
        )
        .route(
            "/{town}/coordinator/follow-ups/{id}/check-in",
            get(check_in::show).post(check_in::record),
        )
        .route("/{town}/coordinator/proposals", get(proposals::show))
        .route("/{town}/coordinator/outbox", get(outbox))
}

struct DueRow {
    href: String,
    name: String,
    due_on: String,
    note: String,
    overdue: bool,
    done_action: String,
    /// The page that records a check-in's answer, for a check-in.
    check_in: Option<String>,
}

#[derive(askama::Template)]
#[template(path = "coordinator/home.html")]
struct CoordinatorHome {
    page: Page,
    heading: String,
    links: Vec<(String, String)>,
    /// Mail that could not be sent: (message, link to the outbox).
    mail_alerts: Vec<String>,
    queue: Vec<work_queue::WorkItem>,
    due: Vec<DueRow>,
    back: String,
}

/// How far ahead "my follow-ups due" looks.
const DUE_WITHIN_DAYS: i64 = 7;

/// The coordinator's pages, as (href, words).
fn home_links(page: &Page, town: &domain::Municipality, base: &str) -> Vec<(String, String)> {
    vec![
        (
            format!("{base}/participants"),
            page.t("coordinator-participants-title"),
        ),
        (format!("{base}/requests"), page.t("request-queue-title")),
        (
            format!("{base}/introductions"),
            page.t("introductions-title"),
        ),
        (format!("{base}/proposals"), page.t("proposals-title")),
        (format!("{base}/import"), page.t("import-title")),
        (
            format!("{base}/import/participants"),
            page.t("import-participants-title"),
        ),
        (
            format!("/{}/town/reports", town.slug),
            page.t("report-link"),
        ),
        (format!("{base}/events"), page.t("events-staff-title")),
        (format!("{base}/enquiries"), page.t("enquiries-title")),
        (
            format!("{base}/invitations"),
            page.t("coordinator-invitations-title"),
        ),
        (format!("{base}/outbox"), page.t("outbox-title")),
    ]
    .into_iter()
    .chain(crate::town_settings::links(page, town.slug.as_str()))
    .chain([(
        format!("/{}/account/password", town.slug),
        page.t("password-change-title"),
    )])
    .collect()
}

/// A follow-up due soon, as the home page lists it.
fn due_row(
    page: &Page,
    base: &str,
    today: chrono::NaiveDate,
    f: store::casework::FollowUp,
) -> DueRow {
    DueRow {
        href: format!("{base}/participants/{}", f.participant_id),
        name: f.participant_name,
        due_on: page.date(f.due_on),
        note: crate::letter::follow_up_note(page.lang, &f.note),
        overdue: f.due_on < today,
        done_action: format!("{base}/follow-ups/{}/done", f.id),
        check_in: domain::introduction::check_in::months_of(&f.note)
            .map(|_| format!("{base}/follow-ups/{}/check-in", f.id)),
    }
}

/// What the home page says about mail that is not getting through.
fn mail_alerts(page: &Page, health: &store::outbox::OutboxHealth) -> Vec<String> {
    let mut alerts = Vec::new();
    if health.failing > 0 {
        alerts.push(page.t1(
            "outbox-health-failing",
            "count",
            &health.failing.to_string(),
        ));
    }
    if health.dead > 0 {
        alerts.push(page.t1("outbox-health-dead", "count", &health.dead.to_string()));
    }
    alerts
}

async fn home(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    page: Page,
    audit: crate::audit_trail::Audit,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let base = format!("/{}/coordinator", town.slug);
    let links = home_links(&page, &town, &base);
    let today = domain::local_time::to_jst(chrono::Utc::now()).date_naive();
    let due = state
        .store
        .tenant(&town)
        .follow_ups_due(account.id, today + chrono::Duration::days(DUE_WITHIN_DAYS))
        .await?;
    let due = audit
        .reveal(
            due,
            Some(town.id),
            AuditAction::ParticipantFollowUpsViewed,
            (AuditTarget::FollowUp, ""),
            "",
        )
        .await?
        .into_iter()
        .map(|f| due_row(&page, &base, today, f))
        .collect();
    let health = state.store.outbox_health(town.id).await?;
    let mail_alerts = mail_alerts(&page, &health);
    let counts = state
        .store
        .tenant(&town)
        .work_queue(account.id, (chrono::Utc::now(), today))
        .await?;
    let queue = work_queue::items(&page, &base, &counts);
    let heading = page.t1("coordinator-home-heading", "name", &account.display_name);
    Ok(render(
        StatusCode::OK,
        &CoordinatorHome {
            page,
            heading,
            links,
            mail_alerts,
            queue,
            due,
            back: format!("{base}/"),
        },
    ))
}

async fn outbox(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    audit: crate::audit_trail::Audit,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    crate::outbox_view::respond(&state, (page, audit), Some(town.id)).await
}
