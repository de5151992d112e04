//! `/{town}/town/file-register`: a draft of the program's entry in the town's 個人情報ファイル簿
//! (the register of personal-data files a local government publishes, 個人情報の保護に関する
//! 法律 第75条), with every item the law lists: the file's name, the office whose work uses
//! it, its purpose, the recorded items (from the classification of the schema's personal
//! columns, `store::personal_data::TABLES`) and range, how they are collected, that none is
//! 要配慮個人情報, the regular recipients, the office that takes requests, and the number of
//! people, said against the rule from which an entry is required (`domain::personal_file_register`).
//! Shown on the page and downloaded as a file for the town's register.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use domain::personal_file_register::RegisterRules;
use domain::town_page::TownPage;
use store::personal_data::{Class, RegisterCounts, TABLES};

use crate::error::WebError;
use crate::page::{Page, render};
use crate::spreadsheet::{FileFormat, Table, Value};
use crate::state::AppState;
use crate::town::CurrentTown;

/// What the entry is made from.
pub struct RegisterFacts<'a> {
    pub town: &'a str,
    pub own: &'a TownPage,
    pub counts: RegisterCounts,
    pub today: chrono::NaiveDate,
    pub rules: &'a RegisterRules,
}

/// The recorded items: each kind of record a person has, with its personal columns.
pub fn recorded_items(page: &Page) -> String {
    TABLES
        .iter()
        .filter(|t| !t.rows.is_empty())
        .filter_map(|t| {
            let columns: Vec<String> = t
                .columns
                .iter()
                .filter(|c| c.class == Class::Personal)
                .map(|c| page.t(c.label_key))
                .collect();
            (!columns.is_empty()).then(|| {
                format!(
                    "{}{}{}{}",
                    page.t(t.label_key),
                    page.open_paren(),
                    page.join_list(&columns),
                    page.close_paren()
                )
            })
        })
        .collect::<Vec<_>>()
        .join(" / ")
}

/// The office's name, or a note that it is still to be set.
fn office(page: &Page, own: &TownPage) -> String {
    if own.office_ja.is_empty() {
        page.t("file-register-office-unset")
    } else {
        own.office_ja.clone()
    }
}

/// Where requests go: the office, with its phone and mail.
fn requests_office(page: &Page, own: &TownPage) -> String {
    let contact: Vec<String> = [&own.contact_phone, &own.contact_email]
        .iter()
        .filter(|c| !c.is_empty())
        .map(|c| c.to_string())
        .collect();
    format!(
        "{}{}{}{}",
        office(page, own),
        page.open_paren(),
        page.join_list(&contact),
        page.close_paren()
    )
}

/// How many people the file holds, and whether that needs an entry by the rule in force.
fn people_words(page: &Page, facts: &RegisterFacts<'_>) -> String {
    let people = u64::try_from(facts.counts.people).unwrap_or(0);
    let rule = facts.rules.rule(facts.today);
    let min = i64::try_from(rule.min_people).unwrap_or(i64::MAX);
    let duty = if facts.rules.required(facts.today, people) {
        "file-register-required"
    } else {
        "file-register-not-required"
    };
    page.lang.t_args(
        "file-register-people",
        &[
            (
                "count",
                crate::formats::number(page.lang, facts.counts.people),
            ),
            ("day", page.date(facts.today)),
            (
                "duty",
                page.t1(duty, "min", &crate::formats::number(page.lang, min)),
            ),
        ],
    )
}

/// The entry, item by item: (the law's item, what the draft says).
pub fn entry(page: &Page, facts: &RegisterFacts<'_>) -> Vec<(String, String)> {
    let item = |key: &str, value: String| (page.t(key), value);
    let with_town = |key: &str| page.t1(key, "town", facts.town);
    let recipients = facts.counts.recipients.to_string();
    vec![
        item("file-register-item-name", with_town("file-register-name")),
        item("file-register-item-office", office(page, facts.own)),
        item(
            "file-register-item-purpose",
            with_town("file-register-purpose"),
        ),
        item("file-register-item-items", recorded_items(page)),
        item("file-register-item-range", with_town("file-register-range")),
        item(
            "file-register-item-collection",
            page.t("file-register-collection"),
        ),
        item(
            "file-register-item-sensitive",
            page.t("file-register-sensitive"),
        ),
        item(
            "file-register-item-recipients",
            page.t1("file-register-recipients", "count", &recipients),
        ),
        item(
            "file-register-item-requests",
            requests_office(page, facts.own),
        ),
        item(
            "file-register-item-special",
            page.t("file-register-special"),
        ),
        item("file-register-item-kind", page.t("file-register-kind")),
        item("file-register-item-people", people_words(page, facts)),
        item(
            "file-register-item-source",
            facts.rules.rule(facts.today).source.clone(),
        ),
    ]
}

#[derive(askama::Template)]
#[template(path = "town/file_register.html")]
struct RegisterPage {
    page: Page,
    items: Vec<(String, String)>,
    links: Vec<(String, String)>,
}

#[derive(serde::Deserialize, Default)]
pub struct FormatQuery {
    #[serde(default)]
    format: String,
}

pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    Query(asked): Query<FormatQuery>,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let tenant = state.store.tenant(&town);
    let own = tenant.town_page().await?;
    let counts = tenant.register_counts().await?;
    let rules = RegisterRules::shipped().map_err(|_| WebError::Internal)?;
    let name = crate::page::town_name(page.lang, &town);
    let facts = RegisterFacts {
        town: name,
        own: &own,
        counts,
        today: domain::local_time::to_jst(chrono::Utc::now()).date_naive(),
        rules: &rules,
    };
    let items = entry(&page, &facts);
    let base = format!("/{}/town/file-register", town.slug);
    if !asked.format.is_empty() {
        let format = FileFormat::from_code(&asked.format).ok_or(WebError::NotFound)?;
        let table = Table {
            name: page.t("file-register-title"),
            header: vec![
                page.t("file-register-column-item"),
                page.t("file-register-column-value"),
            ],
            rows: items
                .into_iter()
                .map(|(item, value)| vec![Value::Text(item), Value::Text(value)])
                .collect(),
        };
        let stem = format!("{}-file-register", town.slug);
        return crate::spreadsheet::download(format, &stem, &[table])
            .map_err(|_| WebError::Internal);
    }
    let links = FileFormat::ALL
        .iter()
        .map(|f| (format!("{base}?format={}", f.code()), page.label(*f)))
        .collect();
    Ok(render(StatusCode::OK, &RegisterPage { page, items, links }))
}
