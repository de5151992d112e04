//! The review queue's tab as a file: every request it holds (not only the page's newest),
//! in the format the coordinator chooses. Requests are the organizations' posts, not
//! anyone's personal data; the file still says when and by whom it was made.

use axum::extract::{Query, State};
use axum::response::Response;
use domain::local_time::to_jst;
use store::request::StoredRequest;

use super::review::QueueTab;
use crate::auth::SignedIn;
use crate::error::WebError;
use crate::page::Page;
use crate::spreadsheet::{FileFormat, Table, Value};
use crate::state::AppState;
use crate::town::CurrentTown;

/// The most requests one file holds.
const MOST: i64 = 100_000;

#[derive(serde::Deserialize, Default)]
pub struct ExportQuery {
    #[serde(default)]
    status: String,
    #[serde(default)]
    format: String,
}

/// One request's line: what it is, for whom, in which state, and its terms.
fn request_line(page: &Page, r: &StoredRequest) -> Vec<Value> {
    let optional = |n: Option<i32>| n.map_or(Value::Empty, |n| Value::Number(i64::from(n)));
    vec![
        Value::Number(r.id),
        Value::text(&r.title),
        Value::text(&r.organization_name),
        Value::text(page.label(r.kind)),
        r.status()
            .map_or(Value::Empty, |s| Value::text(page.label(s))),
        Value::text(page.label(r.work_mode)),
        Value::text(&r.location_area),
        r.start_date.map_or(Value::Empty, Value::Date),
        r.pay_unit
            .get()
            .map_or(Value::Empty, |u| Value::text(page.label(u))),
        r.pay_yen.map_or(Value::Empty, Value::Number),
        optional(r.headcount),
        optional(r.team_min),
        optional(r.team_max),
        r.budget_yen.map_or(Value::Empty, Value::Number),
        Value::Date(to_jst(r.created_at).date_naive()),
        Value::Date(to_jst(r.updated_at).date_naive()),
    ]
}

/// The requests' table.
pub fn requests_table(page: &Page, requests: &[StoredRequest]) -> Table {
    Table {
        name: page.t("request-queue-title"),
        header: [
            "export-request-number",
            "field-title",
            "field-organization",
            "request-kind",
            "request-status",
            "field-work-mode",
            "field-location-area",
            "field-start-date",
            "field-pay-unit",
            "field-pay-yen",
            "field-headcount",
            "field-team-min",
            "field-team-max",
            "field-budget-yen",
            "export-created-on",
            "request-updated",
        ]
        .iter()
        .map(|key| page.t(key))
        .collect(),
        rows: requests.iter().map(|r| request_line(page, r)).collect(),
    }
}

pub async fn download(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    SignedIn(staff): SignedIn,
    Query(asked): Query<ExportQuery>,
) -> Result<Response, WebError> {
    let format = FileFormat::asked(&asked.format).ok_or(WebError::NotFound)?;
    let tab = QueueTab::from_code(&asked.status).unwrap_or(QueueTab::Submitted);
    let page = page.with_town(&town);
    let requests = state
        .store
        .tenant(&town)
        .requests_in_status(tab.status(), MOST)
        .await?;
    let tables = [
        requests_table(&page, &requests),
        crate::spreadsheet::about_table(&page, &staff, (&page.label(tab), requests.len())),
    ];
    let stem = crate::spreadsheet::file_stem(&town, "requests", &staff);
    match crate::spreadsheet::download(format, &stem, &tables) {
        Ok(file) => Ok(file),
        Err(why) => {
            // Shift_JIS may lack a character of a title: the queue says which.
            let refused = crate::spreadsheet::refusal(&page, &why);
            super::review::queue(&state, (&town, page), tab, Some(refused)).await
        }
    }
}
