//! `/{town}/town/reports`: the town's numbers by fiscal year, for its officers and coordinators.
//! Every counter with its definition, this year beside last year, and a chart of its months;
//! on screen the exact figures, in the CSV file (`export`) small counts suppressed. Counted from
//! the program's facts (`domain::report`), so a closed year's figures stand.
//!
//! - `view`: the page's view model, pure;
//! - `targets`: the table of targets and achievement, and the officer's form that sets them;
//! - `milestones`: the medians of days from registration to a first introduction and to work;
//! - `results`: the public results page (`/{town}/results`) and the officer's choice of what it shows;
//! - `export`: the tables of the files, suppressed (written by `spreadsheet`).

mod export;
mod milestones;
mod results;
mod targets;
mod view;

use axum::extract::{Query, State};
use axum::http::{Method, StatusCode};
use axum::response::Response;
use axum::routing::get;
use domain::report::era::Eras;
use domain::report::{Row, tally};
use domain::{FieldErrors, FiscalYear};
use serde::Deserialize;

use crate::audit_trail::Audit;
use crate::error::WebError;
use crate::form::FieldView;
use crate::page::{Page, render};
use crate::routes::Routes;
use crate::spreadsheet::FileFormat;
use crate::state::AppState;
use crate::town::CurrentTown;
use domain::audit::{AuditAction, AuditTarget};

pub fn routes() -> Routes {
    Routes::new()
        .route("/{town}/town/reports", get(show))
        .route("/{town}/town/reports/export", get(download))
        .route(
            "/{town}/town/reports/public",
            get(results::choice).post(results::save_choice),
        )
        .route(
            "/{town}/town/reports/threshold",
            axum::routing::post(results::save_threshold),
        )
        .route("/{town}/results", get(results::show))
        .route(
            "/{town}/town/reports/targets",
            get(targets::show).post(targets::save),
        )
}

#[derive(Deserialize, Default)]
pub struct ReportQuery {
    #[serde(default)]
    year: String,
    #[serde(default)]
    done: String,
    #[serde(default)]
    format: String,
    #[serde(default)]
    table: String,
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
    alert: Option<crate::form::Alert>,
    targets: Vec<targets::TargetLine>,
    milestones: Vec<milestones::MilestoneLine>,
    /// Where the officer sets the year's targets and what the public sees; none for those
    /// who may not.
    targets_href: Option<String>,
    public_href: Option<String>,
    notice: Option<String>,
    /// Counts under this are hidden in files.
    threshold: String,
    /// (href, words) of each file the year can be downloaded as.
    export_links: Vec<(String, String)>,
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
    let (_, last_until) = fy.compared_until(today);
    let earlier: Vec<_> = facts
        .iter()
        .filter(|f| f.on <= last_until)
        .cloned()
        .collect();
    Ok((tally(&facts, fy), tally(&earlier, last), running))
}

/// The links to the year's files: each format of the months table, the targets table as CSV.
fn export_links(page: &Page, town: &domain::Municipality, fy: FiscalYear) -> Vec<(String, String)> {
    let base = format!(
        "/{}/town/reports/export?year={}",
        town.slug,
        fy.start_year()
    );
    let mut links: Vec<(String, String)> = FileFormat::ALL
        .iter()
        .map(|f| (format!("{base}&format={}", f.code()), page.label(*f)))
        .collect();
    links.push((
        format!("{base}&table=targets"),
        page.t("report-export-targets-csv"),
    ));
    links
}

/// The page for year `typed` (the newest when none), with `errors` on the year field if it is
/// not one the town has, and `alert` above (a file that could not be written).
async fn report_page(
    state: &AppState,
    (town, page): (&domain::Municipality, Page),
    query: &ReportQuery,
    alert: Option<crate::form::Alert>,
) -> Result<(StatusCode, ReportPage), WebError> {
    let eras = Eras::shipped().map_err(|_| WebError::Internal)?;
    let first = state.store.tenant(town).first_fact_day().await?;
    let years = years(town, first);
    let (fy, errors) = match chosen(&years, &query.year) {
        Ok(fy) => (fy, FieldErrors::default()),
        Err(errors) => (years[0], errors),
    };
    let (this, last, running) = rows(state, town, fy).await?;
    let set = state
        .store
        .tenant(town)
        .report_targets(fy.start_year())
        .await?;
    let people = state.store.tenant(town).milestones().await?;
    let threshold = state.store.tenant(town).report_threshold().await?;
    let today = store::matching_input::today_in_japan();
    let may_set = page.user.as_ref().is_some_and(|u| {
        crate::policy::role_may(u.role, "/{town}/town/reports/targets", &Method::POST)
    });
    let status = if errors.is_empty() && alert.is_none() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = ReportPage {
        title: page.t1(
            "report-title",
            "town",
            crate::page::town_name(page.lang, town),
        ),
        has_errors: !errors.is_empty(),
        year_field: view::year_field(&page, &eras, (&years, fy), &errors),
        this_year: view::fiscal_year_name(page.lang, &eras, fy),
        last_year: view::last_year_words(&page, &eras, fy, running),
        measures: view::measures(&page, fy, (&this, &last)),
        targets: targets::lines(&page, &this, &set),
        milestones: milestones::lines(&page, &people, (fy, today)),
        targets_href: may_set.then(|| {
            format!(
                "/{}/town/reports/targets?year={}",
                town.slug,
                fy.start_year()
            )
        }),
        public_href: may_set.then(|| format!("/{}/town/reports/public", town.slug)),
        notice: (query.done == "targets").then(|| page.t("report-targets-saved")),
        export_links: export_links(&page, town, fy),
        threshold: threshold.to_string(),
        alert,
        page,
    };
    Ok((status, view))
}

async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    Query(query): Query<ReportQuery>,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let (status, view) = report_page(&state, (&town, page), &query, None).await?;
    Ok(render(status, &view))
}

/// The year's three tables for the files: by month, targets and achievement, the medians.
async fn tables(
    state: &AppState,
    (town, page): (&domain::Municipality, &Page),
    fy: FiscalYear,
) -> Result<[crate::spreadsheet::Table; 3], WebError> {
    let (this, last, running) = rows(state, town, fy).await?;
    let tenant = state.store.tenant(town);
    let set = tenant.report_targets(fy.start_year()).await?;
    let people = tenant.milestones().await?;
    let threshold = tenant.report_threshold().await?;
    let months = view::month_names(page, fy);
    let last_label = if running {
        page.t("report-last-year-to-date-short")
    } else {
        page.t("report-last-year")
    };
    let today = store::matching_input::today_in_japan();
    let eras = Eras::shipped().map_err(|_| WebError::Internal)?;
    Ok([
        export::months_table(page, (&months, &last_label), (&this, &last), threshold),
        export::targets_table(page, &this, &targets::lines(page, &this, &set), threshold),
        milestones::table(
            page,
            &milestones::lines(page, &people, (fy, today)),
            (&view::fiscal_year_name(page.lang, &eras, fy), &last_label),
            threshold,
        ),
    ])
}

/// The year's report as a file (CSV in UTF-8 or Shift_JIS of one table, or a workbook with all three),
/// small counts suppressed; named after the town and year. Recorded in the audit log.
async fn download(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    audit: Audit,
    Query(query): Query<ReportQuery>,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let format = FileFormat::asked(&query.format).ok_or(WebError::NotFound)?;
    let first = state.store.tenant(&town).first_fact_day().await?;
    let fy = chosen(&years(&town, first), &query.year).map_err(|_| WebError::NotFound)?;
    let [by_month, against, medians] = tables(&state, (&town, &page), fy).await?;
    let (tables, stem) = match query.table.as_str() {
        "targets" => (
            vec![against],
            format!("{}-targets-{}", town.slug, fy.start_year()),
        ),
        "" => (
            vec![by_month, against, medians],
            format!("{}-report-{}", town.slug, fy.start_year()),
        ),
        _ => return Err(WebError::NotFound),
    };
    let file = match crate::spreadsheet::download(format, &stem, &tables) {
        Ok(file) => file,
        Err(why) => {
            let alert = crate::spreadsheet::refusal(&page, &why);
            let (status, view) = report_page(&state, (&town, page), &query, Some(alert)).await?;
            return Ok(render(status, &view));
        }
    };
    let what = format!("{stem}.{}", format.code());
    audit
        .record(
            Some(town.id),
            AuditAction::ReportExported,
            AuditTarget::Municipality,
            &town.id.0.to_string(),
            &what,
        )
        .await?;
    Ok(file)
}
