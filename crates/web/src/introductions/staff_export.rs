//! The coordinator's list of introductions as a file: one line per person introduced, with the
//! request, the organization, the stage, their answer, and the days of its making, meeting,
//! start and outcome (dates as dates). Personal data: recorded in the audit log naming every
//! person in it; a workbook's own sheet says when, by whom and for which stage it was made.

use axum::extract::{Query, State};
use axum::response::Response;
use domain::audit::{AuditAction, AuditTarget};
use domain::introduction::IntroductionStatus;
use domain::local_time::to_jst;
use store::introduction::{Introduction, IntroductionScope};

use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::WebError;
use crate::page::Page;
use crate::spreadsheet::{FileFormat, Table, Value};
use crate::state::AppState;
use crate::town::CurrentTown;

/// The most introductions one file holds.
const MOST: i64 = 100_000;

#[derive(serde::Deserialize, Default)]
pub struct ExportQuery {
    #[serde(default)]
    status: String,
    #[serde(default)]
    format: String,
}

/// The lines of one introduction: one per member.
fn lines_of(page: &Page, i: &Introduction) -> Vec<Vec<Value>> {
    let day = |t: Option<chrono::DateTime<chrono::Utc>>| {
        t.map_or(Value::Empty, |t| Value::Date(to_jst(t).date_naive()))
    };
    i.members
        .iter()
        .map(|m| {
            vec![
                Value::Number(i.id),
                Value::text(&i.request_title),
                Value::text(&i.organization_name),
                Value::text(page.label(i.status)),
                Value::text(&m.display_name),
                Value::text(page.label(m.status)),
                day(Some(i.created_at)),
                day(i.meeting_at),
                i.started_on.map_or(Value::Empty, Value::Date),
                i.outcome
                    .map_or(Value::Empty, |o| Value::text(page.label(o))),
            ]
        })
        .collect()
}

pub fn table(page: &Page, introductions: &[Introduction]) -> Table {
    Table {
        name: page.t("introductions-title"),
        header: [
            "export-introduction-number",
            "export-introduction-request",
            "export-introduction-organization",
            "export-introduction-stage",
            "export-introduction-person",
            "export-introduction-answer",
            "export-introduction-made-on",
            "export-introduction-meeting-on",
            "export-introduction-started-on",
            "export-introduction-outcome",
        ]
        .iter()
        .map(|k| page.t(k))
        .collect(),
        rows: introductions
            .iter()
            .flat_map(|i| lines_of(page, i))
            .collect(),
    }
}

pub async fn download(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    audit: Audit,
    SignedIn(staff): SignedIn,
    Query(query): Query<ExportQuery>,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let format = FileFormat::asked(&query.format).ok_or(WebError::NotFound)?;
    let status = match query.status.as_str() {
        "" => None,
        code => Some(IntroductionStatus::from_code(code).ok_or(WebError::NotFound)?),
    };
    let found = state
        .store
        .tenant(&town)
        .introductions_for_staff(IntroductionScope::Town, status, MOST)
        .await?;
    let filters = status.map_or_else(|| page.t("introduction-filter-all"), |s| page.label(s));
    let detail = format!("{} / {filters}", page.label(format));
    let introductions = audit
        .reveal(
            found,
            Some(town.id),
            AuditAction::IntroductionExport,
            (AuditTarget::Introduction, ""),
            &detail,
        )
        .await?;
    let people: usize = introductions.iter().map(|i| i.members.len()).sum();
    let tables = [
        table(&page, &introductions),
        crate::spreadsheet::about_table(&page, &staff, (&filters, people)),
    ];
    let stem = crate::spreadsheet::file_stem(&town, "introductions", &staff);
    match crate::spreadsheet::download(format, &stem, &tables) {
        Ok(file) => Ok(file),
        Err(why) => {
            let refused = crate::spreadsheet::refusal(&page, &why);
            let asked = super::coordinator::ListQuery {
                status: status.map(|s| s.code().to_owned()),
                ..Default::default()
            };
            super::coordinator::listing(&state, (&town, page), &audit, &asked, Some(refused)).await
        }
    }
}
