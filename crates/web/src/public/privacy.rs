//! `/{town}/privacy`: the town's privacy policy: who runs the program (the town and its
//! office), what is collected and why none of it is 要配慮個人情報, provision to organizations
//! only with consent per introduction, how to download, correct and delete one's data, how
//! long each kind is kept (`domain::retention`, with the town's own periods), where to ask,
//! and its versions with what changed (`store::privacy_policy`). Beside it,
//! `/{town}/accessibility`: the accessibility statement (the standard the pages are built to,
//! how they are checked, what is known not to work yet, and whom to tell).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Utc;
use domain::retention::RetentionKind;

use crate::error::WebError;
use crate::i18n::Lang;
use crate::page::{Page, render};
use crate::state::AppState;
use crate::town::CurrentTown;

/// The statement's paragraphs, by translation key.
const PARAGRAPHS: &[&str] = &[
    "privacy-purpose",
    "privacy-collect",
    "privacy-never",
    "privacy-children",
    "privacy-sharing",
    "privacy-staff",
    "privacy-rights",
    "privacy-download",
    "privacy-delete",
    "privacy-withdraw",
];

/// One version as the page lists it.
struct VersionView {
    version: String,
    published: String,
    changes: String,
}

#[derive(askama::Template)]
#[template(path = "public/privacy.html")]
struct PrivacyPage {
    page: Page,
    operator: String,
    paragraphs: Vec<String>,
    /// (kind, how long, why).
    retention: Vec<(String, String, String)>,
    requests: String,
    version: String,
    versions: Vec<VersionView>,
}

/// Each kind of record: how long this town keeps it, and why.
fn retention_rows(
    state: &AppState,
    page: &Page,
    settings: &[(RetentionKind, u32)],
) -> Vec<(String, String, String)> {
    let today = domain::local_time::to_jst(Utc::now()).date_naive();
    RetentionKind::ALL
        .iter()
        .map(|kind| {
            let mine = settings.iter().find(|(k, _)| k == kind).map(|(_, m)| *m);
            let months = state.retention.months(*kind, today, mine);
            let rule = state.retention.rule(*kind, today);
            let period = page.t1("privacy-months", "months", &months.to_string());
            (page.label(*kind), period, rule.reason.clone())
        })
        .collect()
}

pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
) -> Result<Response, WebError> {
    let tenant = state.store.tenant(&town);
    let own = tenant.town_page().await?;
    let settings = tenant.retention_settings().await?;
    let versions = tenant.privacy_versions().await?;
    let version = tenant.privacy_version().await?;
    let page = page.with_town(&town);
    let en = page.lang == Lang::En;
    let office = if en && !own.office_en.is_empty() {
        &own.office_en
    } else {
        &own.office_ja
    };
    let name = page
        .town
        .as_ref()
        .map(|t| t.name.clone())
        .unwrap_or_default();
    let operator = page.lang.t_args(
        "privacy-operator",
        &[("town", name), ("office", office.clone())],
    );
    let retention = retention_rows(&state, &page, &settings);
    let contact = [own.contact_phone.as_str(), own.contact_email.as_str()]
        .iter()
        .filter(|c| !c.is_empty())
        .map(|c| c.to_string())
        .collect::<Vec<_>>();
    let requests = page
        .lang
        .t_args("privacy-requests", &[("contact", page.join_list(&contact))]);
    let versions = versions
        .into_iter()
        .map(|v| VersionView {
            published: page.date_time(v.published_at),
            changes: if en && !v.changes_en.is_empty() {
                v.changes_en
            } else {
                v.changes_ja
            },
            version: v.version,
        })
        .collect();
    let paragraphs = PARAGRAPHS.iter().map(|key| page.t(key)).collect();
    let view = PrivacyPage {
        page,
        operator,
        paragraphs,
        retention,
        requests,
        version,
        versions,
    };
    Ok(render(StatusCode::OK, &view))
}

/// The accessibility statement's paragraphs, by translation key.
const ACCESSIBILITY: &[&str] = &[
    "accessibility-target",
    "accessibility-checked",
    "accessibility-known",
    "accessibility-contact",
];

/// One success criterion's row in the reader's language.
struct CriterionView {
    sc: String,
    name: String,
    level: String,
    outcome: String,
    how: String,
}

#[derive(askama::Template)]
#[template(path = "public/accessibility.html")]
struct AccessibilityPage {
    page: Page,
    paragraphs: Vec<String>,
    policy: String,
    degree: String,
    tested: String,
    pages: Vec<String>,
    rows: Vec<CriterionView>,
}

/// How a criterion was checked: by which axe-core rules, or by hand with the note.
fn how(page: &Page, row: &crate::accessibility_report::Row) -> String {
    match &row.manual {
        Some(note) => page.t1("a11y-how-manual", "note", note),
        None if !row.rules.is_empty() => page.t1("a11y-how-axe", "rules", &row.rules.join(", ")),
        None => String::new(),
    }
}

pub async fn accessibility(
    CurrentTown(town): CurrentTown,
    page: Page,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let report = crate::accessibility_report::Report::shipped().map_err(|_| WebError::NotFound)?;
    let name = page
        .town
        .as_ref()
        .map(|t| t.name.clone())
        .unwrap_or_default();
    let rows = report
        .rows
        .iter()
        .map(|r| CriterionView {
            name: if page.lang == Lang::En {
                r.name_en.clone()
            } else {
                r.name_ja.clone()
            },
            outcome: page.label(r.outcome),
            how: how(&page, r),
            sc: r.sc.clone(),
            level: r.level.clone(),
        })
        .collect();
    let degree_key = if report.conforms() {
        "a11y-degree-conforms"
    } else {
        "a11y-degree-partly"
    };
    let tested = page.lang.t_args(
        "a11y-tested",
        &[
            ("day", report.tested_on.clone()),
            ("runs", report.axe_runs.to_string()),
            ("pages", report.pages.len().to_string()),
        ],
    );
    let view = AccessibilityPage {
        paragraphs: ACCESSIBILITY.iter().map(|key| page.t(key)).collect(),
        policy: page.t1("a11y-policy", "town", &name),
        degree: page.t(degree_key),
        tested,
        pages: report.pages.clone(),
        rows,
        page,
    };
    Ok(render(StatusCode::OK, &view))
}
