//! `/{town}/town/reports`: the town's numbers by fiscal year, for its officers and coordinators.
//! Every counter with its definition, this year beside last year, and a chart of its months;
//! on screen the exact figures, in the CSV file (`export`) small counts suppressed. Counted from
//! the program's facts (`domain::report`), so a closed year's figures stand.
//!
//! - `view`: the page's view model, pure;
//! - `export`: the CSV lines, suppressed.

mod export;
mod view;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use chrono::Datelike;
use domain::report::era::Eras;
use domain::report::{Row, tally};
use domain::{FieldErrors, FiscalYear};
use serde::Deserialize;

use crate::error::WebError;
use crate::form::FieldView;
use crate::page::{Page, render};
use crate::routes::Routes;
use crate::state::AppState;
use crate::town::CurrentTown;

pub fn routes() -> Routes {
    Routes::new()
        .route("/{town}/town/reports", get(show))
        .route("/{town}/town/reports/export", get(download))
}

#[derive(Deserialize, Default)]
pub struct ReportQuery {
    #[serde(default)]
    year: String,
}

#[derive(askama::Template)]
#[template(path = "town/reports.html")]
struct ReportPage {
    page: Page,
    title: String,
    year_field: FieldView,
    has_errors: bool,
    this_year: String,
    last_year: String,
    measures: Vec<view::MeasureView>,
    export_href: String,
}

/// The fiscal years the report can show: from the town's first fact to this one, newest first.
fn years(town: &domain::Municipality, first: Option<chrono::NaiveDate>) -> Vec<FiscalYear> {
    let today = store::matching_input::today_in_japan();
    let now = FiscalYear::containing(today, town.fiscal_year_start);
    let oldest = first.map_or(now, |d| FiscalYear::containing(d, town.fiscal_year_start));
    let mut years = vec![now];
    while years.last().is_some_and(|y| *y > oldest) {
        let older = years.last().map(|y| y.previous()).unwrap_or(now);
        years.push(older);
    }
    years
}

/// The year asked for, if it is one of `years`; the newest when none was asked.
fn chosen(years: &[FiscalYear], typed: &str) -> Result<FiscalYear, FieldErrors> {
    let newest = years[0];
    if typed.trim().is_empty() {
        return Ok(newest);
    }
    typed
        .trim()
        .parse::<i32>()
        .ok()
        .and_then(|y| years.iter().copied().find(|f| f.start_year() == y))
        .ok_or_else(|| FieldErrors::single("year", "choose-one"))
}

/// This year's rows and last year's, from one read of the facts. While the year is still
/// running, last year is counted to the same day, so the change compares like with like.
async fn rows(
    state: &AppState,
    town: &domain::Municipality,
    fy: FiscalYear,
) -> Result<(Vec<Row>, Vec<Row>, bool), WebError> {
    let last = fy.previous();
    let today = store::matching_input::today_in_japan();
    let facts = state
        .store
        .tenant(town)
        .program_facts(last.first_day(), fy.last_day())
        .await?;
    let running = fy.contains(today);
    let same_day = today
        .with_year(today.year() - 1)
        .unwrap_or_else(|| today - chrono::Duration::days(365));
    let earlier: Vec<_> = facts
        .iter()
        .filter(|f| !running || f.on <= same_day)
        .cloned()
        .collect();
    Ok((tally(&facts, fy), tally(&earlier, last), running))
}

async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    Query(query): Query<ReportQuery>,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let eras = Eras::shipped().map_err(|_| WebError::Internal)?;
    let first = state.store.tenant(&town).first_fact_day().await?;
    let years = years(&town, first);
    let (fy, errors) = match chosen(&years, &query.year) {
        Ok(fy) => (fy, FieldErrors::default()),
        Err(errors) => (years[0], errors),
    };
    let (this, last, running) = rows(&state, &town, fy).await?;
    let year_field = view::year_field(&page, &eras, (&years, fy), &errors);
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = ReportPage {
        title: page.t1(
            "report-title",
            "town",
            crate::page::town_name(page.lang, &town),
        ),
        has_errors: !errors.is_empty(),
        this_year: view::fiscal_year_name(page.lang, &eras, fy),
        last_year: view::last_year_words(&page, &eras, fy, running),
        measures: view::measures(&page, fy, (&this, &last)),
        export_href: format!(
            "/{}/town/reports/export?year={}",
            town.slug,
            fy.start_year()
        ),
        year_field,
        page,
    };
    Ok(render(status, &view))
}

/// The year's report as CSV, small counts suppressed; the file is named after the town and year.
async fn download(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    Query(query): Query<ReportQuery>,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let first = state.store.tenant(&town).first_fact_day().await?;
    let years = years(&town, first);
    let fy = chosen(&years, &query.year).map_err(|_| WebError::NotFound)?;
    let (this, last, running) = rows(&state, &town, fy).await?;
    let months = view::month_names(&page, fy);
    let last_label = if running {
        page.t("report-last-year-to-date-short")
    } else {
        page.t("report-last-year")
    };
    let lines = export::lines(&page, (&months, &last_label), (&this, &last));
    let name = format!("{}-report-{}.csv", town.slug, fy.start_year());
    Ok(crate::csv_file::download(&name, &lines))
}
