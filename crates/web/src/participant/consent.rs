//! `/{town}/me/consent`: the consents a participant has given, and withdrawing or giving the
//! privacy-policy consent again.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::audit::{AuditAction, AuditTarget};
use serde::Deserialize;

use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::WebError;
use crate::page::{Page, render};
use crate::state::AppState;
use crate::town::CurrentTown;

#[derive(Deserialize)]
pub struct ChangeForm {
    action: String,
}

#[derive(Deserialize, Default)]
pub struct Done {
    done: Option<String>,
}

struct ConsentRow {
    kind: String,
    version: String,
    given: String,
    withdrawn: Option<String>,
}

#[derive(askama::Template)]
#[template(path = "participant/consent.html")]
struct ConsentPage {
    page: Page,
    rows: Vec<ConsentRow>,
    active: bool,
    /// The town's newer version, when the consent in force names an older one.
    newer: Option<String>,
    action: String,
    privacy_href: String,
    notice: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    page: Page,
    Query(done): Query<Done>,
) -> Result<Response, WebError> {
    let tenant = state.store.tenant(&town);
    let consents = tenant.consents(account.id).await?;
    let version = tenant.privacy_version().await?;
    let page = page.with_town(&town);
    let active = consents.first().is_some_and(|c| c.withdrawn_at.is_none());
    let newer = consents
        .first()
        .filter(|c| active && c.version != version)
        .map(|_| version);
    let format = |at| page.date_time(at);
    let rows = consents
        .into_iter()
        .map(|c| ConsentRow {
            kind: page.label(c.kind),
            version: c.version,
            given: format(c.given_at),
            withdrawn: c.withdrawn_at.map(format),
        })
        .collect();
    let notice = match done.done.as_deref() {
        Some("withdrawn") => Some(page.t("consent-withdrawn-notice")),
        Some("given") => Some(page.t("consent-given-notice")),
        _ => None,
    };
    Ok(render(
        StatusCode::OK,
        &ConsentPage {
            page,
            rows,
            active,
            newer,
            action: format!("/{}/me/consent", town.slug),
            privacy_href: format!("/{}/privacy", town.slug),
            notice,
        },
    ))
}

pub async fn change(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    audit: Audit,
    Form(form): Form<ChangeForm>,
) -> Result<Response, WebError> {
    let tenant = state.store.tenant(&town);
    let done = match form.action.as_str() {
        "withdraw" => {
            tenant.withdraw_privacy_consent(account.id).await?;
            "withdrawn"
        }
        "give" => {
            // Given again after a withdrawal, or for the town's newer version.
            let version = tenant.privacy_version().await?;
            let current = tenant
                .consents(account.id)
                .await?
                .first()
                .is_some_and(|c| c.withdrawn_at.is_none() && c.version == version);
            if !current {
                tenant.give_privacy_consent(account.id, &version).await?;
            }
            "given"
        }
        _ => return Err(WebError::BadRequest),
    };
    audit
        .record(
            Some(town.id),
            if done == "given" {
                AuditAction::ConsentGiven
            } else {
                AuditAction::ConsentWithdrawn
            },
            AuditTarget::Participant,
            &account.id.0.to_string(),
            "",
        )
        .await?;
    Ok(Redirect::to(&format!("/{}/me/consent?done={done}", town.slug)).into_response())
}
