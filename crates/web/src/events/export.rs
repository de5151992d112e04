//! The staff's list of events as a file: each event of the tab shown with its kind, day,
//! place, seats, bookings, waiting list, and attendance over its sessions (present, absent,
//! children in care), counted in one grouped query (`TenantStore::attendance_totals`). It
//! names no one, so it needs no audit entry.

use axum::extract::{Query, State};
use axum::response::Response;
use chrono::Utc;
use domain::local_time::to_jst;
use store::attendance::AttendanceTotals;
use store::event::StoredEvent;

use super::schedule::ListTab;
use crate::error::WebError;
use crate::page::Page;
use crate::spreadsheet::{FileFormat, Table, Value};
use crate::state::AppState;
use crate::town::CurrentTown;

#[derive(serde::Deserialize, Default)]
pub struct ExportQuery {
    #[serde(default)]
    tab: String,
    #[serde(default)]
    format: String,
}

fn line(page: &Page, event: &StoredEvent, totals: AttendanceTotals) -> Vec<Value> {
    vec![
        Value::text(&event.title),
        Value::text(page.label(event.kind)),
        Value::Date(to_jst(event.starts_at).date_naive()),
        Value::text(&event.place),
        Value::Number(i64::from(event.capacity)),
        Value::Number(event.seats_taken),
        Value::Number(event.waiting),
        Value::Number(totals.present),
        Value::Number(totals.absent),
        Value::Number(totals.children),
    ]
}

pub fn table(
    page: &Page,
    events: &[StoredEvent],
    totals: &std::collections::HashMap<i64, AttendanceTotals>,
) -> Table {
    Table {
        name: page.t("events-staff-title"),
        header: [
            "export-event-title",
            "export-event-kind",
            "export-event-day",
            "export-event-place",
            "export-event-capacity",
            "export-event-booked",
            "export-event-waiting",
            "export-event-present",
            "export-event-absent",
            "export-event-children",
        ]
        .iter()
        .map(|k| page.t(k))
        .collect(),
        rows: events
            .iter()
            .map(|e| line(page, e, totals.get(&e.id).copied().unwrap_or_default()))
            .collect(),
    }
}

pub async fn download(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    Query(query): Query<ExportQuery>,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let format = FileFormat::asked(&query.format).ok_or(WebError::NotFound)?;
    let tab = match query.tab.as_str() {
        "" => ListTab::Upcoming,
        code => ListTab::from_code(code).ok_or(WebError::NotFound)?,
    };
    let tenant = state.store.tenant(&town);
    let events = tenant
        .staff_events(tab.store_tab(), Utc::now(), 100_000)
        .await?;
    let totals = tenant.attendance_totals().await?;
    let stem = format!("{}-events-{}", town.slug, tab.code());
    crate::spreadsheet::download(format, &stem, &[table(&page, &events, &totals)])
        .map_err(|_| WebError::Internal)
}
