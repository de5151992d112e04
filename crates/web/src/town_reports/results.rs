//! The town's results for everyone: `/{town}/results` shows the measures the town officer
//! chose to publish (`/{town}/town/reports/public`), this fiscal year so far and last year,
//! with each one's definition; a count under the town's threshold shows 「―」, as in every file
//! (`export::total_hidden`), and so does an achievement that would give it away. The officer
//! also sets the town's threshold there (`save_threshold`).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use domain::audit::{AuditAction, AuditTarget};
use domain::report::era::Eras;
use domain::report::target::{Targets, achievement_tenths, percent_words};
use domain::report::{Measure, Row, tally};

use crate::audit_trail::Audit;
use crate::error::WebError;
use crate::page::{Page, render};
use crate::state::AppState;
use crate::town::CurrentTown;

/// One published measure as the public page shows it.
pub struct ResultLine {
    pub label: String,
    pub definition: String,
    pub unit: String,
    pub this_year: String,
    pub last_year: String,
    pub achievement: String,
}

fn total(rows: &[Row], measure: Measure) -> u64 {
    rows.iter()
        .find(|r| r.measure == measure && r.part.is_none())
        .map_or(0, |r| r.year)
}

/// The published measures' lines, small counts hidden.
pub fn lines(
    page: &Page,
    (this, last): (&[Row], &[Row]),
    (published, targets): (&[Measure], &Targets),
    threshold: u64,
) -> Vec<ResultLine> {
    let mark = page.t("report-suppressed");
    let figure = |rows: &[Row], measure: Measure| {
        if super::export::total_hidden(rows, measure, threshold) {
            mark.clone()
        } else {
            let value = i64::try_from(total(rows, measure)).unwrap_or(i64::MAX);
            crate::formats::number(page.lang, value)
        }
    };
    published
        .iter()
        .map(|measure| {
            let hidden = super::export::total_hidden(this, *measure, threshold);
            let achievement = targets
                .of(*measure)
                .and_then(|t| achievement_tenths(total(this, *measure), t))
                .filter(|_| !hidden)
                .map_or_else(|| mark.clone(), percent_words);
            ResultLine {
                label: page.label(*measure),
                definition: page.t(measure.definition_key()),
                unit: page.label(measure.unit()),
                this_year: figure(this, *measure),
                last_year: figure(last, *measure),
                achievement,
            }
        })
        .collect()
}

#[derive(askama::Template)]
#[template(path = "town/results_public.html")]
struct ResultsPage {
    page: Page,
    title: String,
    this_year: String,
    last_year: String,
    note: String,
    lines: Vec<ResultLine>,
}

/// `/{town}/results`, for anyone.
pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let eras = Eras::shipped().map_err(|_| WebError::Internal)?;
    let today = store::matching_input::today_in_japan();
    let fy = domain::FiscalYear::containing(today, town.fiscal_year_start);
    let last = fy.previous();
    let tenant = state.store.tenant(&town);
    let published = tenant.published_measures().await?;
    let targets = tenant.report_targets(fy.start_year()).await?;
    let threshold = tenant.report_threshold().await?;
    let facts = tenant
        .program_facts(last.first_day(), fy.last_day())
        .await?;
    let (this_rows, last_rows) = (tally(&facts, fy), tally(&facts, last));
    let view = ResultsPage {
        title: page.t1(
            "results-title",
            "town",
            crate::page::town_name(page.lang, &town),
        ),
        this_year: page.t1(
            "results-this-year",
            "year",
            &super::view::fiscal_year_name(page.lang, &eras, fy),
        ),
        last_year: super::view::fiscal_year_name(page.lang, &eras, last),
        note: page.t1(
            "results-suppression-note",
            "threshold",
            &threshold.to_string(),
        ),
        lines: lines(
            &page,
            (&this_rows, &last_rows),
            (&published, &targets),
            threshold,
        ),
        page,
    };
    Ok(render(StatusCode::OK, &view))
}

#[derive(askama::Template)]
#[template(path = "town/results_choice.html")]
struct ChoicePage {
    page: Page,
    action: String,
    threshold_action: String,
    threshold: String,
    threshold_field: crate::form::FieldView,
    alert: Option<crate::form::Alert>,
    public_href: String,
    /// (code, words, published).
    measures: Vec<(&'static str, String, bool)>,
    notice: Option<String>,
}

#[derive(serde::Deserialize, Default)]
pub struct Done {
    #[serde(default)]
    done: String,
}

async fn choice_page(
    state: &AppState,
    (town, page): (&domain::Municipality, Page),
    (typed, errors): (Option<&str>, &domain::FieldErrors),
) -> Result<ChoicePage, WebError> {
    let tenant = state.store.tenant(town);
    let published = tenant.published_measures().await?;
    let threshold = tenant.report_threshold().await?.to_string();
    let threshold_field = crate::form::FieldView::new(
        &page,
        "threshold",
        "text",
        typed.unwrap_or(&threshold),
        errors,
    );
    Ok(ChoicePage {
        action: format!("/{}/town/reports/public", town.slug),
        threshold_action: format!("/{}/town/reports/threshold", town.slug),
        public_href: format!("/{}/results", town.slug),
        measures: Measure::ALL
            .iter()
            .map(|m| (m.code(), page.label(*m), published.contains(m)))
            .collect(),
        notice: None,
        alert: crate::form::alert(&page, errors),
        threshold,
        threshold_field,
        page,
    })
}

/// The officer's choice of what the public page shows, and of the threshold.
pub async fn choice(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    axum::extract::Query(done): axum::extract::Query<Done>,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let none = domain::FieldErrors::default();
    let mut view = choice_page(&state, (&town, page), (None, &none)).await?;
    view.notice = match done.done.as_str() {
        "saved" => Some(view.page.t("results-choice-saved")),
        "threshold" => Some(view.page.t("results-threshold-saved")),
        _ => None,
    };
    Ok(render(StatusCode::OK, &view))
}

#[derive(serde::Deserialize, Default)]
pub struct ThresholdForm {
    #[serde(default)]
    threshold: String,
}

pub async fn save_threshold(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    audit: Audit,
    Form(form): Form<ThresholdForm>,
) -> Result<Response, WebError> {
    let threshold = match domain::report::suppression::check_threshold(&form.threshold) {
        Ok(n) => n,
        Err(code) => {
            let errors = domain::FieldErrors::single("threshold", code);
            let page = page.with_town(&town);
            let view = choice_page(&state, (&town, page), (Some(&form.threshold), &errors)).await?;
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view));
        }
    };
    state
        .store
        .tenant(&town)
        .set_report_threshold(threshold)
        .await?;
    audit
        .town_record(
            town.id,
            AuditAction::TownSettingsEdited,
            (AuditTarget::Municipality, town.id.0),
        )
        .await?;
    let to = format!("/{}/town/reports/public?done=threshold", town.slug);
    Ok(Redirect::to(&to).into_response())
}

pub async fn save_choice(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    audit: Audit,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let mut chosen = Vec::new();
    for (_, value) in form.iter().filter(|(n, _)| n == "measure") {
        let measure = Measure::from_code(value).ok_or(WebError::BadRequest)?;
        if !chosen.contains(&measure) {
            chosen.push(measure);
        }
    }
    state
        .store
        .tenant(&town)
        .set_published_measures(&chosen)
        .await?;
    audit
        .town_record(
            town.id,
            AuditAction::TownSettingsEdited,
            (AuditTarget::Municipality, town.id.0),
        )
        .await?;
    let to = format!("/{}/town/reports/public?done=saved", town.slug);
    Ok(Redirect::to(&to).into_response())
}
