//! `/{town}/coordinator/import` and `/{town}/coordinator/import/participants`: a coordinator
//! brings the town's own lists in from CSV files made in Excel — organizations
//! (`organization_import`) and participants (`participant_import`). Checking a file writes
//! nothing: the page lists every line that would be refused, with its number and what is
//! wrong, and how many would be added; only confirming writes them, all in one transaction.
//! Organizations are registered; participants are sent an invitation to register, set their
//! own password and consent, so no one is matched before they do. The page also downloads the
//! list in the same form.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use domain::FieldErrors;
use domain::audit::{AuditAction, AuditTarget};
use domain::import::encoding::{TextEncoding, decode};
use domain::import::{FileProblem, Plan};

use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::WebError;
use crate::form::FieldView;
use crate::import_words::{problem_words, refusals};
use crate::page::{Page, render};
use crate::spreadsheet::FileFormat;
use crate::state::AppState;
use crate::town::CurrentTown;

domain::coded!(
    /// The lists a town brings in.
    ImportList {
        Organizations = "organizations" => "import-list-organizations",
        Participants = "participants" => "import-list-participants",
    }
);

impl ImportList {
    /// The page's address.
    fn path(self, slug: &str) -> String {
        match self {
            ImportList::Organizations => format!("/{slug}/coordinator/import"),
            ImportList::Participants => format!("/{slug}/coordinator/import/participants"),
        }
    }

    /// Where the list downloads in the form it is read back in.
    fn download(self, slug: &str, format: FileFormat) -> String {
        match self {
            ImportList::Organizations => {
                format!("/{slug}/coordinator/import?format={}", format.code())
            }
            ImportList::Participants => format!(
                "/{slug}/coordinator/participants/export?format={}",
                format.code()
            ),
        }
    }

    /// (title, lead, columns, "N can be added", "add N", "N added") keys.
    fn keys(self) -> [&'static str; 6] {
        match self {
            ImportList::Organizations => [
                "import-title",
                "import-lead",
                "import-file-note",
                "import-check-adds",
                "import-commit",
                "import-added",
            ],
            ImportList::Participants => [
                "import-participants-title",
                "import-participants-lead",
                "import-participants-file-note",
                "import-participants-check-adds",
                "import-participants-commit",
                "import-participants-added",
            ],
        }
    }
}

#[derive(serde::Deserialize, Default)]
pub struct ImportForm {
    /// The chosen file as a data URL (`/static/file_text.js`); confirming sends the checked
    /// one back with the encoding found, so it is read again exactly as it was checked (base64
    /// keeps the request about a third over the file, where its text URL-encoded would be up
    /// to three times it).
    #[serde(default)]
    file_data: String,
    #[serde(default)]
    encoding: String,
    #[serde(default)]
    step: String,
}

/// A checked file: what would be added, and the lines refused.
struct Checked {
    file_data: String,
    /// The encoding found, as a code, to read the file the same way when confirming.
    encoding_code: String,
    adds: String,
    commit: Option<String>,
    refused: Vec<(usize, String)>,
    encoding: String,
}

#[derive(askama::Template)]
#[template(path = "coordinator/import.html")]
struct ImportPage {
    page: Page,
    title: String,
    lead: String,
    file_note: String,
    lists: Vec<(String, String, bool)>,
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
    (town, list): (&domain::Municipality, ImportList),
    (typed, errors): (&ImportForm, &FieldErrors),
    checked: Option<Checked>,
) -> ImportPage {
    let slug = town.slug.as_str();
    let [title, lead, file_note, ..] = list.keys();
    let encoding_field = FieldView::new(&page, "encoding", "select", &typed.encoding, errors)
        .options(crate::form::labelled(
            &page,
            TextEncoding::ALL,
            TextEncoding::code,
        ))
        .optional();
    ImportPage {
        title: page.t(title),
        lead: page.t(lead),
        file_note: page.t(file_note),
        lists: ImportList::ALL
            .iter()
            .map(|l| (l.path(slug), page.label(*l), *l == list))
            .collect(),
        export_links: FileFormat::ALL
            .iter()
            .map(|f| (list.download(slug, *f), page.label(*f)))
            .collect(),
        file_error: crate::form::error_text(&page, errors, "file"),
        alert: crate::form::alert(&page, errors),
        action: list.path(slug),
        encoding_field,
        checked,
        notice: None,
        page,
    }
}

fn show_list(page: Page, town: &domain::Municipality, list: ImportList, added: &str) -> Response {
    let mut view = import_page(
        page,
        (town, list),
        (&ImportForm::default(), &FieldErrors::default()),
        None,
    );
    if let Ok(added) = added.parse::<usize>() {
        let key = list.keys()[5];
        view.notice = Some(view.page.t1(key, "count", &added.to_string()));
    }
    render(StatusCode::OK, &view)
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
        let table = crate::organization_import::table(page.lang, &organizations);
        return crate::spreadsheet::download(format, &stem, &[table])
            .map_err(|_| WebError::Internal);
    }
    Ok(show_list(
        page,
        &town,
        ImportList::Organizations,
        &asked.added,
    ))
}

pub async fn show_participants(
    CurrentTown(town): CurrentTown,
    page: Page,
    Query(asked): Query<Asked>,
) -> Response {
    let page = page.with_town(&town);
    show_list(page, &town, ImportList::Participants, &asked.added)
}

/// The chosen file's text, decoded, and the encoding it was in.
fn text_of(form: &ImportForm) -> Result<(String, TextEncoding), FieldErrors> {
    use base64::Engine;
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

/// The page after a check: what would be added and refused, or the file's problem.
fn checked_page<T>(
    page: Page,
    (town, list): (&domain::Municipality, ImportList),
    form: &ImportForm,
    (encoding, plan): (TextEncoding, Result<Plan<T>, FileProblem>),
) -> Response {
    let plan = match plan {
        Ok(plan) => plan,
        Err(problem) => {
            let mut view = import_page(page, (town, list), (form, &FieldErrors::default()), None);
            let words = problem_words(view.page.lang, problem);
            view.alert = Some(crate::form::Alert::text(words));
            return render(StatusCode::UNPROCESSABLE_ENTITY, &view);
        }
    };
    let [_, _, _, adds, commit, _] = list.keys();
    let count = plan.rows.len().to_string();
    let checked = Checked {
        refused: refusals(page.lang, &plan),
        adds: page.t1(adds, "count", &count),
        commit: (!plan.rows.is_empty()).then(|| page.t1(commit, "count", &count)),
        encoding: page.label(encoding),
        encoding_code: encoding.code().to_owned(),
        file_data: form.file_data.clone(),
    };
    let view = import_page(
        page,
        (town, list),
        (form, &FieldErrors::default()),
        Some(checked),
    );
    render(StatusCode::OK, &view)
}

/// The file, read, or the page that says why it cannot be.
fn read_file(
    page: &Page,
    (town, list): (&domain::Municipality, ImportList),
    form: &ImportForm,
) -> Result<(String, TextEncoding), Box<Response>> {
    text_of(form).map_err(|errors| {
        let view = import_page(page.clone(), (town, list), (form, &errors), None);
        Box::new(render(StatusCode::UNPROCESSABLE_ENTITY, &view))
    })
}

pub async fn submit(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    audit: Audit,
    Form(form): Form<ImportForm>,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let at = (&town, ImportList::Organizations);
    let (text, encoding) = match read_file(&page, at, &form) {
        Ok(read) => read,
        Err(refused) => return Ok(*refused),
    };
    let tenant = state.store.tenant(&town);
    let existing = tenant.organization_list().await?;
    let plan = crate::organization_import::plan_of(&text, &existing);
    if let (Ok(plan), "commit") = (&plan, form.step.as_str())
        && !plan.rows.is_empty()
    {
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
    Ok(checked_page(page, at, &form, (encoding, plan)))
}

pub async fn submit_participants(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(coordinator): SignedIn,
    page: Page,
    audit: Audit,
    Form(form): Form<ImportForm>,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let at = (&town, ImportList::Participants);
    let (text, encoding) = match read_file(&page, at, &form) {
        Ok(read) => read,
        Err(refused) => return Ok(*refused),
    };
    let tenant = state.store.tenant(&town);
    let taken = tenant.account_emails().await?;
    let plan = crate::participant_import::plan_of(&text, &town, &taken);
    if let (Ok(plan), "commit") = (&plan, form.step.as_str())
        && !plan.rows.is_empty()
    {
        let public_url = state.config.public_url.as_str();
        let invitations = crate::participant_import::invitations(
            (&town, public_url),
            page.lang,
            &coordinator.display_name,
            &plan.rows,
        );
        let expires = crate::participant_import::link_expiry(chrono::Utc::now());
        let sent = tenant
            .invite_participants(&invitations, (coordinator.id, expires))
            .await?;
        audit
            .record(
                Some(town.id),
                AuditAction::ParticipantsImported,
                AuditTarget::Municipality,
                &town.id.0.to_string(),
                &sent.to_string(),
            )
            .await?;
        let to = format!(
            "{}?added={sent}",
            ImportList::Participants.path(town.slug.as_str())
        );
        return Ok(Redirect::to(&to).into_response());
    }
    Ok(checked_page(page, at, &form, (encoding, plan)))
}
