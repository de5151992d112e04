//! `/{town}/coordinator/import`: a coordinator brings the town's list of organizations in
//! from a CSV file made in Excel (`organization_import`). Checking a file writes nothing: the
//! page lists every line that would be refused, with its number and what is wrong, and how
//! many would be added; only confirming writes them, all in one transaction. The page also
//! downloads the town's organizations in the same form.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use domain::FieldErrors;
use domain::audit::{AuditAction, AuditTarget};
use domain::import::encoding::{TextEncoding, decode};

use crate::audit_trail::Audit;
use crate::error::WebError;
use crate::form::FieldView;
use crate::organization_import::{plan_of, problem_words, refusals, table};
use crate::page::{Page, render};
use crate::spreadsheet::FileFormat;
use crate::state::AppState;
use crate::town::CurrentTown;

#[derive(serde::Deserialize, Default)]
pub struct ImportForm {
    /// The chosen file as a data URL (`/static/file_text.js`).
    #[serde(default)]
    file_data: String,
    #[serde(default)]
    encoding: String,
    /// The checked file's text, sent back to confirm it.
    #[serde(default)]
    text: String,
    #[serde(default)]
    step: String,
}

/// A checked file: what would be added, and the lines refused.
struct Checked {
    text: String,
    adds: usize,
    refused: Vec<(usize, String)>,
    encoding: String,
}

#[derive(askama::Template)]
#[template(path = "coordinator/import.html")]
struct ImportPage {
    page: Page,
    action: String,
    encoding_field: FieldView,
    file_error: Option<String>,
    alert: Option<crate::form::Alert>,
    checked: Option<Checked>,
    export_links: Vec<(String, String)>,
    notice: Option<String>,
}

#[derive(serde::Deserialize, Default)]
pub struct Asked {
    #[serde(default)]
    format: String,
    #[serde(default)]
    added: String,
}

fn import_page(
    page: Page,
    town: &domain::Municipality,
    (typed, errors): (&ImportForm, &FieldErrors),
    checked: Option<Checked>,
) -> ImportPage {
    let base = format!("/{}/coordinator/import", town.slug);
    let encoding_field = FieldView::new(&page, "encoding", "select", &typed.encoding, errors)
        .options(crate::form::labelled(
            &page,
            TextEncoding::ALL,
            TextEncoding::code,
        ))
        .optional();
    ImportPage {
        export_links: FileFormat::ALL
            .iter()
            .map(|f| (format!("{base}?format={}", f.code()), page.label(*f)))
            .collect(),
        file_error: crate::form::error_text(&page, errors, "file"),
        alert: crate::form::alert(&page, errors),
        action: base,
        encoding_field,
        checked,
        notice: None,
        page,
    }
}

pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    Query(asked): Query<Asked>,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    if !asked.format.is_empty() {
        let format = FileFormat::from_code(&asked.format).ok_or(WebError::NotFound)?;
        let organizations = state.store.tenant(&town).organization_list().await?;
        let stem = format!("{}-organizations", town.slug);
        return crate::spreadsheet::download(format, &stem, &[table(page.lang, &organizations)])
            .map_err(|_| WebError::Internal);
    }
    let mut view = import_page(
        page,
        &town,
        (&ImportForm::default(), &FieldErrors::default()),
        None,
    );
    if let Ok(added) = asked.added.parse::<usize>() {
        view.notice = Some(view.page.t1("import-added", "count", &added.to_string()));
    }
    Ok(render(StatusCode::OK, &view))
}

/// The file's text: the one checked before when confirming, else the chosen file decoded.
fn text_of(form: &ImportForm) -> Result<(String, TextEncoding), FieldErrors> {
    use base64::Engine;
    if form.step == "commit" {
        return Ok((form.text.clone(), TextEncoding::Utf8));
    }
    let encoded = form
        .file_data
        .split_once(";base64,")
        .map(|(_, b)| b)
        .ok_or_else(|| FieldErrors::single("file", "required"))?;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .map_err(|_| FieldErrors::single("file", "file-unreadable"))?;
    let asked = TextEncoding::from_code(&form.encoding).unwrap_or(TextEncoding::Detect);
    let (text, found) = decode(&bytes, asked).map_err(|code| FieldErrors::single("file", code))?;
    if !crate::input_guard::clean(&text, crate::input_guard::Origin::FormField) {
        return Err(FieldErrors::single("file", "file-control-characters"));
    }
    Ok((text, found))
}

pub async fn submit(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    audit: Audit,
    Form(form): Form<ImportForm>,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let refuse = |page, errors: &FieldErrors| {
        let view = import_page(page, &town, (&form, errors), None);
        Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view))
    };
    let (text, encoding) = match text_of(&form) {
        Ok(found) => found,
        Err(errors) => return refuse(page, &errors),
    };
    let tenant = state.store.tenant(&town);
    let existing = tenant.organization_list().await?;
    let plan = match plan_of(&text, &existing) {
        Ok(plan) => plan,
        Err(problem) => {
            let mut view = import_page(page, &town, (&form, &FieldErrors::default()), None);
            view.alert = Some(crate::form::Alert::text(problem_words(
                view.page.lang,
                problem,
            )));
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view));
        }
    };
    if form.step == "commit" && !plan.rows.is_empty() {
        let added = tenant.import_organizations(&plan.rows).await?;
        audit
            .record(
                Some(town.id),
                AuditAction::OrganizationsImported,
                AuditTarget::Municipality,
                &town.id.0.to_string(),
                &added.to_string(),
            )
            .await?;
        let to = format!("/{}/coordinator/import?added={added}", town.slug);
        return Ok(Redirect::to(&to).into_response());
    }
    let checked = Checked {
        refused: refusals(page.lang, &plan),
        adds: plan.rows.len(),
        encoding: page.label(encoding),
        text,
    };
    let view = import_page(page, &town, (&form, &FieldErrors::default()), Some(checked));
    Ok(render(StatusCode::OK, &view))
}
