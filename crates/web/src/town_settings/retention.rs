//! `/{town}/town/retention`: how long the town keeps each kind of record, with the reason and
//! source of each default (`domain::retention`, `data/retention.csv`), its own longer (or,
//! where the period is not the law's, shorter) setting, and what recent runs removed.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use chrono::Utc;
use domain::FieldErrors;
use domain::audit::{AuditAction, AuditTarget};
use domain::retention::{RetentionKind, check_months};
use serde::Deserialize;

use crate::audit_trail::Audit;
use crate::error::WebError;
use crate::form::FieldView;
use crate::page::{Page, render};
use crate::state::AppState;
use crate::town::CurrentTown;

/// One kind as the page shows it, with its own form.
struct KindView {
    code: &'static str,
    label: String,
    months: u32,
    default_months: u32,
    legal: bool,
    reason: String,
    source: String,
    field: FieldView,
}

/// One run as the page shows it.
struct RunView {
    at: String,
    what: String,
}

#[derive(askama::Template)]
#[template(path = "town/retention.html")]
struct RetentionPage {
    page: Page,
    action: String,
    kinds: Vec<KindView>,
    runs: Vec<RunView>,
    notice: Option<String>,
    alert: Option<crate::form::Alert>,
}

#[derive(Deserialize, Default)]
pub struct Done {
    done: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct SetForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    months: String,
}

/// What each run did, in words.
fn run_views(page: &Page, runs: &[store::retention::RetentionRun]) -> Vec<RunView> {
    runs.iter()
        .map(|r| RunView {
            at: page.date_time(r.ran_at),
            what: page.lang.t_args(
                "retention-run-summary",
                &[
                    ("warned", r.warned.to_string()),
                    ("accounts", r.accounts.to_string()),
                    ("records", r.provision_records.to_string()),
                    ("requests", r.data_requests.to_string()),
                    ("mail", r.sent_mail.to_string()),
                ],
            ),
        })
        .collect()
}

async fn retention_page(
    state: &AppState,
    town: &domain::Municipality,
    page: Page,
    (typed, errors): (&SetForm, &FieldErrors),
) -> Result<RetentionPage, WebError> {
    let tenant = state.store.tenant(town);
    let settings = tenant.retention_settings().await?;
    let today = domain::local_time::to_jst(Utc::now()).date_naive();
    let kinds = RetentionKind::ALL
        .iter()
        .map(|kind| {
            let rule = state.retention.rule(*kind, today);
            let own = settings.iter().find(|(k, _)| k == kind).map(|(_, m)| *m);
            let months = state.retention.months(*kind, today, own);
            let this = typed.kind == kind.code();
            let value = if this {
                typed.months.clone()
            } else {
                months.to_string()
            };
            let none = FieldErrors::default();
            KindView {
                code: kind.code(),
                label: page.label(*kind),
                months,
                default_months: rule.months,
                legal: rule.legal,
                reason: rule.reason.clone(),
                source: rule.source.clone(),
                field: FieldView::new(
                    &page,
                    "months",
                    "number",
                    &value,
                    if this { errors } else { &none },
                ),
            }
        })
        .collect();
    let runs = run_views(&page, &tenant.retention_runs(10).await?);
    Ok(RetentionPage {
        action: format!("/{}/town/retention", town.slug),
        kinds,
        runs,
        notice: None,
        alert: crate::form::alert(&page, errors).map(|mut alert| {
            // Each kind's form has its own box: the summary links to the one that was wrong.
            for (href, _) in &mut alert.fields {
                *href = format!("#months-{}", typed.kind);
            }
            alert
        }),
        page,
    })
}

pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    Query(done): Query<Done>,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let none = FieldErrors::default();
    let mut view = retention_page(&state, &town, page, (&SetForm::default(), &none)).await?;
    if done.done.as_deref() == Some("saved") {
        view.notice = Some(view.page.t("retention-saved"));
    }
    Ok(render(StatusCode::OK, &view))
}

pub async fn save(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    audit: Audit,
    Form(form): Form<SetForm>,
) -> Result<Response, WebError> {
    let kind = RetentionKind::from_code(&form.kind).ok_or(WebError::BadRequest)?;
    let page = page.with_town(&town);
    let today = domain::local_time::to_jst(Utc::now()).date_naive();
    let months = match check_months(&form.months, state.retention.rule(kind, today)) {
        Ok(months) => months,
        Err(code) => {
            let errors = FieldErrors::single("months", code);
            let view = retention_page(&state, &town, page, (&form, &errors)).await?;
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view));
        }
    };
    state
        .store
        .tenant(&town)
        .set_retention(kind, months)
        .await?;
    audit
        .town_record(
            town.id,
            AuditAction::TownSettingsEdited,
            (AuditTarget::Municipality, town.id.0),
        )
        .await?;
    Ok(Redirect::to(&format!("/{}/town/retention?done=saved", town.slug)).into_response())
}
