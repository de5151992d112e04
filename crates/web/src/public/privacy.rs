//! `/{town}/privacy`: what the program collects, why, and the person's rights. The text is in
//! the translation files; its version is `account::PRIVACY_POLICY_VERSION`. Beside it,
//! `/{town}/accessibility`: the accessibility statement (the standard the pages are built to,
//! how they are checked, what is known not to work yet, and whom to tell).

use axum::http::StatusCode;
use axum::response::Response;

use crate::account::PRIVACY_POLICY_VERSION;
use crate::page::{Page, render};
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
    "privacy-withdraw",
];

#[derive(askama::Template)]
#[template(path = "public/privacy.html")]
struct PrivacyPage {
    page: Page,
    paragraphs: Vec<String>,
    version: &'static str,
}

pub async fn show(CurrentTown(town): CurrentTown, page: Page) -> Response {
    let page = page.with_town(&town);
    let paragraphs = PARAGRAPHS.iter().map(|key| page.t(key)).collect();
    render(
        StatusCode::OK,
        &PrivacyPage {
            page,
            paragraphs,
            version: PRIVACY_POLICY_VERSION,
        },
    )
}

/// The accessibility statement's paragraphs, by translation key.
const ACCESSIBILITY: &[&str] = &[
    "accessibility-target",
    "accessibility-checked",
    "accessibility-known",
    "accessibility-contact",
];

#[derive(askama::Template)]
#[template(path = "public/accessibility.html")]
struct AccessibilityPage {
    page: Page,
    paragraphs: Vec<String>,
}

pub async fn accessibility(CurrentTown(town): CurrentTown, page: Page) -> Response {
    let page = page.with_town(&town);
    let paragraphs = ACCESSIBILITY.iter().map(|key| page.t(key)).collect();
    render(StatusCode::OK, &AccessibilityPage { page, paragraphs })
}
