//! Targets and achievement: the table grant reviews use (指標 / 単位 / 目標値 / 実績値 / 達成率),
//! built by a pure function from the year's rows and targets, and the town officer's form at
//! `/{town}/town/reports/targets` that sets a year's targets (`domain::report::target`).

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use domain::FieldErrors;
use domain::audit::{AuditAction, AuditTarget};
use domain::report::era::Eras;
use domain::report::target::{Targets, achievement_tenths, percent_words};
use domain::report::{Measure, Row};

use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::WebError;
use crate::form::FieldView;
use crate::page::{Page, render};
use crate::state::AppState;
use crate::town::CurrentTown;

/// One line of the table: a measure's year total against its target.
pub struct TargetLine {
    pub measure: Measure,
    pub label: String,
    pub unit: String,
    pub target: Option<u64>,
    pub actual: u64,
    /// 達成率 in tenths of a percent; none without a target (or with a target of 0).
    pub rate: Option<u64>,
}

impl TargetLine {
    pub fn target_words(&self, page: &Page) -> String {
        self.target.map_or_else(
            || page.t("report-no-target"),
            |t| crate::formats::number(page.lang, i64::try_from(t).unwrap_or(i64::MAX)),
        )
    }

    pub fn actual_words(&self, page: &Page) -> String {
        crate::formats::number(page.lang, i64::try_from(self.actual).unwrap_or(i64::MAX))
    }

    pub fn rate_words(&self) -> String {
        self.rate.map_or_else(|| "―".to_owned(), percent_words)
    }
}

/// Every measure's line for the year, in the report's order.
pub fn lines(page: &Page, this: &[Row], targets: &Targets) -> Vec<TargetLine> {
    Measure::ALL
        .iter()
        .map(|measure| {
            let actual = this
                .iter()
                .find(|r| r.measure == *measure && r.part.is_none())
                .map_or(0, |r| r.year);
            let target = targets.of(*measure);
            TargetLine {
                measure: *measure,
                label: page.label(*measure),
                unit: page.label(measure.unit()),
                target,
                actual,
                rate: target.and_then(|t| achievement_tenths(actual, t)),
            }
        })
        .collect()
}

#[derive(askama::Template)]
#[template(path = "town/report_targets.html")]
struct TargetsPage {
    page: Page,
    title: String,
    action: String,
    back_href: String,
    year: i32,
    fields: Vec<FieldView>,
    alert: Option<crate::form::Alert>,
}

#[derive(serde::Deserialize, Default)]
pub struct YearQuery {
    #[serde(default)]
    year: String,
}

/// The years a target may be set for: those the report offers, and the next one.
fn settable(
    town: &domain::Municipality,
    first: Option<chrono::NaiveDate>,
) -> Vec<domain::FiscalYear> {
    let years = super::years(town, first);
    std::iter::once(years[0].next()).chain(years).collect()
}

async fn year_asked(
    state: &AppState,
    town: &domain::Municipality,
    typed: &str,
) -> Result<domain::FiscalYear, WebError> {
    let first = state.store.tenant(town).first_fact_day().await?;
    let years = settable(town, first);
    if typed.trim().is_empty() {
        return Ok(years[1]);
    }
    super::chosen(&years, typed).map_err(|_| WebError::NotFound)
}

fn targets_page(
    page: Page,
    town: &domain::Municipality,
    fy: domain::FiscalYear,
    (typed, errors): (&[(Measure, String)], &FieldErrors),
) -> Result<TargetsPage, WebError> {
    let eras = Eras::shipped().map_err(|_| WebError::Internal)?;
    let year_name = super::view::fiscal_year_name(page.lang, &eras, fy);
    let fields = typed
        .iter()
        .map(|(measure, value)| {
            FieldView::new(&page, measure.target_field(), "text", value, errors)
                .optional()
                .autocomplete("off")
        })
        .collect();
    Ok(TargetsPage {
        title: page.t1("report-targets-title", "year", &year_name),
        action: format!("/{}/town/reports/targets", town.slug),
        back_href: format!("/{}/town/reports?year={}", town.slug, fy.start_year()),
        year: fy.start_year(),
        fields,
        alert: crate::form::alert(&page, errors),
        page,
    })
}

pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    Query(query): Query<YearQuery>,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let fy = year_asked(&state, &town, &query.year).await?;
    let targets = state
        .store
        .tenant(&town)
        .report_targets(fy.start_year())
        .await?;
    let typed: Vec<(Measure, String)> = Measure::ALL
        .iter()
        .map(|m| {
            (
                *m,
                targets.of(*m).map(|t| t.to_string()).unwrap_or_default(),
            )
        })
        .collect();
    let view = targets_page(page, &town, fy, (&typed, &FieldErrors::default()))?;
    Ok(render(StatusCode::OK, &view))
}

pub async fn save(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    audit: Audit,
    SignedIn(officer): SignedIn,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let value = |name: &str| {
        form.iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let fy = year_asked(&state, &town, &value("year")).await?;
    let typed: Vec<(Measure, String)> = Measure::ALL
        .iter()
        .map(|m| (*m, value(m.target_field())))
        .collect();
    let targets = match Targets::parse(&typed) {
        Ok(targets) => targets,
        Err(errors) => {
            let view = targets_page(page, &town, fy, (&typed, &errors))?;
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view));
        }
    };
    state
        .store
        .tenant(&town)
        .set_report_targets(fy.start_year(), &targets, officer.id)
        .await?;
    audit
        .town_record(
            town.id,
            AuditAction::ReportTargetsSet,
            (AuditTarget::Municipality, town.id.0),
        )
        .await?;
    let to = format!(
        "/{}/town/reports?year={}&done=targets#targets",
        town.slug,
        fy.start_year()
    );
    Ok(Redirect::to(&to).into_response())
}
