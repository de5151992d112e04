//! The pages: the download's page and its file, and deleting one's own account.

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use domain::FieldErrors;
use domain::account_deletion::{DeletionChannel, IdentityCheck};
use domain::audit::{AuditAction, AuditTarget};
use serde::Deserialize;
use store::data_export::DataExport;

use super::deletion::{Asked, delete_account};
use crate::account::{Current, check_current};
use crate::audit_trail::Audit;
use crate::auth::{SignedIn, session};
use crate::error::{Found, WebError};
use crate::form::FieldView;
use crate::page::{Page, render};
use crate::state::AppState;
use crate::town::CurrentTown;

#[derive(Deserialize, Default)]
pub struct Done {
    done: Option<String>,
}

/// One download as the page lists it.
struct ExportRow {
    requested: String,
    state: String,
    download: Option<String>,
}

#[derive(askama::Template)]
#[template(path = "my_data/page.html")]
struct DataPage {
    page: Page,
    action: String,
    rows: Vec<ExportRow>,
    preparing: bool,
    notice: Option<String>,
    records_href: Option<String>,
    delete_href: String,
}

/// The rows of the page, newest first: preparing, or ready until its day.
fn export_rows(page: &Page, slug: &str, exports: &[DataExport]) -> Vec<ExportRow> {
    exports
        .iter()
        .map(|e| match e.expires_at.filter(|_| e.ready_at.is_some()) {
            Some(until) => ExportRow {
                requested: page.date_time(e.requested_at),
                state: page.t1("data-export-ready-until", "until", &page.date_time(until)),
                download: Some(format!("/{slug}/me/data/{}/download", e.id)),
            },
            None => ExportRow {
                requested: page.date_time(e.requested_at),
                state: page.t("data-export-preparing"),
                download: None,
            },
        })
        .collect()
}

pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    page: Page,
    Query(done): Query<Done>,
) -> Result<Response, WebError> {
    let exports = state.store.tenant(&town).data_exports(account.id).await?;
    let page = page.with_town(&town);
    let notice = match done.done.as_deref() {
        Some("requested") => Some(page.t("data-export-requested-notice")),
        _ => None,
    };
    let participant = account.role == domain::Role::Participant;
    let view = DataPage {
        action: format!("/{}/me/data", town.slug),
        rows: export_rows(&page, town.slug.as_str(), &exports),
        preparing: exports.iter().any(|e| e.ready_at.is_none()),
        notice,
        records_href: participant.then(|| format!("/{}/me/introductions", town.slug)),
        delete_href: format!("/{}/account/delete", town.slug),
        page,
    };
    Ok(render(StatusCode::OK, &view))
}

/// Asks the worker for a download (once while one is being prepared).
pub async fn request(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    page: Page,
    audit: Audit,
) -> Result<Response, WebError> {
    let made = state
        .store
        .tenant(&town)
        .request_data_export(account.id, page.lang.code())
        .await?;
    audit
        .town_record(
            town.id,
            AuditAction::DataExportRequested,
            (AuditTarget::DataExport, made.id),
        )
        .await?;
    Ok(Redirect::to(&format!("/{}/me/data?done=requested", town.slug)).into_response())
}

/// The zip, for its owner only (anyone else's id is not found).
pub async fn download(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    audit: Audit,
) -> Result<Response, WebError> {
    let archive = state
        .store
        .tenant(&town)
        .data_export_archive(account.id, id)
        .await
        .found()?;
    audit
        .town_record(
            town.id,
            AuditAction::DataExportDownloaded,
            (AuditTarget::DataExport, id),
        )
        .await?;
    let mut response = (StatusCode::OK, archive).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/zip"),
    );
    if let Ok(value) = HeaderValue::from_str(&format!(
        "attachment; filename=\"wakucareer-{}-data-{id}.zip\"",
        town.slug
    )) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

#[derive(askama::Template)]
#[template(path = "my_data/delete.html")]
struct DeletePage {
    page: Page,
    action: String,
    alert: Option<crate::form::Alert>,
    fields: Vec<FieldView>,
    data_href: String,
}

fn delete_page(page: Page, slug: &str, errors: &FieldErrors) -> DeletePage {
    let fields = vec![
        FieldView::new(&page, "current_password", "password", "", errors)
            .autocomplete("current-password"),
    ];
    DeletePage {
        action: format!("/{slug}/account/delete"),
        alert: crate::form::alert(&page, errors),
        fields,
        data_href: format!("/{slug}/me/data"),
        page,
    }
}

pub async fn confirm_delete(CurrentTown(town): CurrentTown, page: Page) -> Response {
    let page = page.with_town(&town);
    render(
        StatusCode::OK,
        &delete_page(page, town.slug.as_str(), &FieldErrors::default()),
    )
}

#[derive(Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    current_password: String,
}

#[derive(askama::Template)]
#[template(path = "my_data/deleted.html")]
struct DeletedPage {
    page: Page,
    home: String,
}

/// Deletes the account once the password is right; the session ends with it.
pub async fn delete(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    page: Page,
    audit: Audit,
    jar: CookieJar,
    Form(form): Form<DeleteForm>,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let mut errors = FieldErrors::default();
    match check_current(&state, &account, &form.current_password).await? {
        Current::Right => {}
        Current::Wrong => errors.add("current_password", "password-current-wrong"),
        Current::Locked(minutes) => {
            let mut view = delete_page(page, town.slug.as_str(), &errors);
            let alert = view
                .page
                .t1("signin-locked", "minutes", &minutes.to_string());
            view.alert = Some(crate::form::Alert::text(alert));
            return Ok(render(StatusCode::TOO_MANY_REQUESTS, &view));
        }
    }
    if !errors.is_empty() {
        let view = delete_page(page, town.slug.as_str(), &errors);
        return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view));
    }
    // Written first: the deletion then pseudonymises it with the person's other entries.
    audit
        .town_record(
            town.id,
            AuditAction::AccountDeleted,
            (AuditTarget::Account, account.id.0),
        )
        .await?;
    let asked = Asked {
        channel: DeletionChannel::Site,
        identity_check: IdentityCheck::Password,
        handled_by: None,
    };
    delete_account(&state, &town, &account, asked).await?;
    let jar = session::end(&state, jar).await?;
    let mut page = page;
    page.user = None;
    let view = DeletedPage {
        home: format!("/{}/", town.slug),
        page,
    };
    Ok((jar, render(StatusCode::OK, &view)).into_response())
}
