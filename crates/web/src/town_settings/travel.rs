//! `/{town}/town/travel`: the town's areas and the travel minutes between them, which the
//! engine uses for commutes, shown and replaced by its staff. The table is text in the form
//! `domain::travel::TravelTable::parse` reads (a file chosen on the page is read into the box
//! by `/static/file_text.js`; it can be pasted too); a table with any wrong line changes
//! nothing, and each wrong line is named with its number.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use domain::audit::{AuditAction, AuditTarget};
use domain::label::Label;
use domain::travel::{LineError, TravelTable};
use serde::Deserialize;

use crate::audit_trail::Audit;
use crate::error::WebError;
use crate::page::{Page, render};
use crate::state::AppState;
use crate::town::CurrentTown;

/// The most a table may hold, in characters (a town of 200 areas fits many times over).
const TABLE_MAX: usize = 400_000;

#[derive(askama::Template)]
#[template(path = "town/travel.html")]
struct TravelPage {
    page: Page,
    action: String,
    /// (Japanese name, English name, code).
    areas: Vec<(String, String, String)>,
    default_minutes: u16,
    pairs: usize,
    text: String,
    /// Each wrong line in words: 「3行目: …」.
    problems: Vec<String>,
    notice: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct TravelQuery {
    done: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct TravelForm {
    #[serde(default)]
    table: String,
}

/// The page for the table in force, with `text` in the box and its `problems`.
fn travel_page(
    page: Page,
    (slug, table): (&str, &TravelTable),
    (text, problems): (String, Vec<String>),
) -> TravelPage {
    TravelPage {
        action: format!("/{slug}/town/travel"),
        areas: table
            .areas
            .iter()
            .map(|a| (a.name_ja.clone(), a.name_en.clone(), a.code.clone()))
            .collect(),
        default_minutes: table.default_minutes,
        pairs: table.minutes.len(),
        text,
        problems,
        notice: None,
        page,
    }
}

/// A wrong line in the reader's language.
fn problem_words(page: &Page, error: &LineError) -> String {
    page.lang.t_args(
        "travel-problem-line",
        &[
            ("line", error.line.to_string()),
            (
                "problem",
                page.t1(error.problem.label_key(), "subject", &error.subject),
            ),
        ],
    )
}

pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    Query(query): Query<TravelQuery>,
) -> Result<Response, WebError> {
    let table = state.store.tenant(&town).travel_table().await?;
    let page = page.with_town(&town);
    let text = table.to_text();
    let mut view = travel_page(page, (town.slug.as_str(), &table), (text, Vec::new()));
    view.notice = (query.done.as_deref() == Some("saved")).then(|| view.page.t("travel-saved"));
    Ok(render(StatusCode::OK, &view))
}

pub async fn replace(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    (page, audit): (Page, Audit),
    Form(form): Form<TravelForm>,
) -> Result<Response, WebError> {
    let tenant = state.store.tenant(&town);
    let page = page.with_town(&town);
    let parsed = if form.table.chars().count() > TABLE_MAX {
        Err(vec![page.t1(
            "travel-too-long",
            "max",
            &TABLE_MAX.to_string(),
        )])
    } else {
        TravelTable::parse(&form.table)
            .map_err(|errors| errors.iter().map(|e| problem_words(&page, e)).collect())
    };
    let table = match parsed {
        Ok(table) => table,
        Err(problems) => {
            let current = tenant.travel_table().await?;
            let view = travel_page(page, (town.slug.as_str(), &current), (form.table, problems));
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view));
        }
    };
    tenant.replace_travel_table(&table).await?;
    audit
        .town_record(
            town.id,
            AuditAction::TravelTableReplaced,
            (AuditTarget::Municipality, town.id.0),
        )
        .await?;
    Ok(Redirect::to(&format!("/{}/town/travel?done=saved", town.slug)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn each_wrong_line_is_named_with_its_number_in_the_readers_language() {
        let errors = TravelTable::parse("area,a,甲,Ko\ntravel,a,z,5\n").unwrap_err();
        let ja = Page::new(Lang::Ja, "/nagaizumi/town/travel", false);
        let en = Page::new(Lang::En, "/nagaizumi/town/travel", false);
        let words = problem_words(&ja, &errors[0]);
        assert!(words.starts_with("2行目") && words.contains("z"), "{words}");
        assert!(problem_words(&en, &errors[0]).starts_with("Line 2"));
        for problem in domain::travel::LineProblem::ALL {
            for page in [&ja, &en] {
                let words = page.t1(problem.label_key(), "subject", "x");
                assert!(!words.contains("travel-problem"), "{problem:?}: {words}");
            }
        }
    }
}
