//! `/{town}/privacy`: what the program collects, why, and the person's rights. The text is in
//! the translation files; its version is `account::PRIVACY_POLICY_VERSION`.

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
