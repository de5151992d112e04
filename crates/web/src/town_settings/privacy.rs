//! `/{town}/town/privacy`: the town's staff publish a new version of its privacy policy with
//! what changed (`store::privacy_policy`); residents are then asked to accept it again.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use domain::FieldErrors;
use domain::audit::{AuditAction, AuditTarget};
use domain::field_errors::text;
use serde::Deserialize;

use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::WebError;
use crate::form::FieldView;
use crate::page::{Page, render};
use crate::state::AppState;
use crate::town::CurrentTown;

const CHANGES_MAX: usize = 1000;

#[derive(askama::Template)]
#[template(path = "town/privacy.html")]
struct PublishPage {
    page: Page,
    action: String,
    version: String,
    privacy_href: String,
    fields: Vec<FieldView>,
    alert: Option<crate::form::Alert>,
    notice: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct PublishForm {
    #[serde(default)]
    changes_ja: String,
    #[serde(default)]
    changes_en: String,
}

#[derive(Deserialize, Default)]
pub struct Done {
    done: Option<String>,
}

/// What changed, in Japanese (required) and English, or the fields that are wrong.
fn check(form: &PublishForm) -> Result<(String, String), FieldErrors> {
    let mut errors = FieldErrors::default();
    let ja = text(
        &mut errors,
        "changes_ja",
        &form.changes_ja,
        CHANGES_MAX,
        true,
    );
    let en = text(
        &mut errors,
        "changes_en",
        &form.changes_en,
        CHANGES_MAX,
        false,
    );
    if errors.is_empty() {
        Ok((ja, en))
    } else {
        Err(errors)
    }
}

async fn publish_page(
    state: &AppState,
    town: &domain::Municipality,
    page: Page,
    (form, errors): (&PublishForm, &FieldErrors),
) -> Result<PublishPage, WebError> {
    let version = state.store.tenant(town).privacy_version().await?;
    let fields = vec![
        FieldView::new(&page, "changes_ja", "textarea", &form.changes_ja, errors)
            .max_chars(&page, CHANGES_MAX),
        FieldView::new(&page, "changes_en", "textarea", &form.changes_en, errors)
            .max_chars(&page, CHANGES_MAX)
            .optional(),
    ];
    Ok(PublishPage {
        action: format!("/{}/town/privacy", town.slug),
        privacy_href: format!("/{}/privacy", town.slug),
        version,
        alert: crate::form::alert(&page, errors),
        fields,
        notice: None,
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
    let mut view = publish_page(&state, &town, page, (&PublishForm::default(), &none)).await?;
    if done.done.as_deref() == Some("published") {
        view.notice = Some(view.page.t("privacy-published"));
    }
    Ok(render(StatusCode::OK, &view))
}

pub async fn publish(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(staff): SignedIn,
    page: Page,
    audit: Audit,
    Form(form): Form<PublishForm>,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let (ja, en) = match check(&form) {
        Ok(changes) => changes,
        Err(errors) => {
            let view = publish_page(&state, &town, page, (&form, &errors)).await?;
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view));
        }
    };
    let day = domain::local_time::to_jst(chrono::Utc::now())
        .date_naive()
        .to_string();
    state
        .store
        .tenant(&town)
        .publish_privacy_version(&day, (&ja, &en), staff.id)
        .await?;
    audit
        .town_record(
            town.id,
            AuditAction::PrivacyPublished,
            (AuditTarget::Municipality, town.id.0),
        )
        .await?;
    Ok(Redirect::to(&format!("/{}/town/privacy?done=published", town.slug)).into_response())
}
