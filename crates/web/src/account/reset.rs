//! Password reset by an emailed, single-use link that expires after an hour. The request page
//! answers the same whether or not the address has an account.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{Duration, Utc};
use domain::account::normalize_email;
use domain::audit::{AuditAction, AuditTarget};
use domain::{FieldErrors, password_policy};
use serde::Deserialize;
use store::secret::{random_token, token_digest};

use crate::account::FormPage;
use crate::audit_trail::Audit;
use crate::auth::ClientIp;
use crate::auth::throttle;
use crate::error::WebError;
use crate::form::FieldView;
use crate::mail;
use crate::page::Page;
use crate::state::AppState;
use crate::town::CurrentTown;
use domain::message::MailKind;

const RESET_LIFETIME_MINUTES: i64 = 60;

#[derive(Deserialize)]
pub struct RequestForm {
    #[serde(default)]
    email: String,
}

#[derive(Deserialize)]
pub struct NewPasswordForm {
    #[serde(default)]
    password: String,
}

pub async fn show_request(CurrentTown(town): CurrentTown, page: Page) -> Response {
    let page = page.with_town(&town);
    let fields = vec![
        FieldView::new(&page, "email", "email", "", &FieldErrors::default()).autocomplete("email"),
    ];
    FormPage::new(
        page,
        "reset-title",
        format!("/{}/password-reset", town.slug),
        "reset-submit",
    )
    .lead("reset-lead")
    .fields(fields)
    .respond(StatusCode::OK)
}

/// Answers the same page at once whether or not the address has an account: the lookup, the
/// token and the mail happen after the answer, so neither the words nor the timing tell who
/// is registered. Each address gets at most [`throttle::RESET_PER_EMAIL`] mails an hour
/// (silently), and each client [`throttle::RESET_PER_ADDRESS`] requests (429).
pub async fn submit_request(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    audit: Audit,
    ip: ClientIp,
    Form(form): Form<RequestForm>,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    if !throttle::allows(&state.store, throttle::RESET_PER_ADDRESS, &ip.0).await? {
        return Ok(too_many(page, "reset-title"));
    }
    let email = normalize_email(&form.email);
    let lang = page.lang;
    let slug = town.slug.to_string();
    tokio::spawn({
        let town = town.clone();
        async move {
            if let Err(err) = send_reset(&state, &town, lang, audit, &email).await {
                tracing::error!(error = %err, "cannot prepare a password reset");
            }
        }
    });
    Ok(
        FormPage::new(page, "reset-title", String::new(), "reset-submit")
            .notice(Some("reset-sent"))
            .link(format!("/{slug}/login"), "signup-to-signin")
            .respond(StatusCode::OK),
    )
}

/// The page for a client over a rate limit.
pub fn too_many(page: Page, title: &'static str) -> Response {
    let alert = page.t("error-429-message");
    FormPage::new(page, title, String::new(), "reset-submit")
        .alert(Some(crate::form::Alert::text(alert)))
        .respond(StatusCode::TOO_MANY_REQUESTS)
}

async fn send_reset(
    state: &AppState,
    town: &domain::Municipality,
    lang: crate::i18n::Lang,
    audit: Audit,
    email: &str,
) -> Result<(), WebError> {
    let Some(account) = state.store.tenant(town).account_by_email(email).await? else {
        return Ok(());
    };
    if !throttle::allows(&state.store, throttle::RESET_PER_EMAIL, email).await? {
        return Ok(());
    }
    let token = random_token();
    let now = Utc::now();
    state
        .store
        .tenant(town)
        .create_password_reset(
            account.id,
            &token_digest(&token),
            now,
            now + Duration::minutes(RESET_LIFETIME_MINUTES),
        )
        .await?;
    let link = mail::link(state, &format!("/{}/password-reset/{token}", town.slug));
    let letter = mail::Letter::about(
        account.display_name.clone(),
        &[
            ("link", link),
            ("minutes", RESET_LIFETIME_MINUTES.to_string()),
        ],
    );
    let kind = MailKind::PasswordReset;
    mail::enqueue(state, (town, lang), kind, &account.email, letter).await?;
    audit
        .town_record(
            town.id,
            AuditAction::AccountPasswordResetRequested,
            (AuditTarget::Account, account.id.0),
        )
        .await?;
    Ok(())
}

fn new_password_page(page: Page, slug: &str, token: &str, errors: &FieldErrors) -> FormPage {
    let fields = vec![
        FieldView::new(&page, "password", "password", "", errors)
            .autocomplete("new-password")
            .hint(&page, "field-password-hint"),
    ];
    FormPage::new(
        page,
        "reset-new-title",
        format!("/{slug}/password-reset/{token}"),
        "reset-new-submit",
    )
    .fields(fields)
}

pub async fn show_new_password(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    Path((_, token)): Path<(String, String)>,
    page: Page,
) -> Result<Response, WebError> {
    if !state
        .store
        .tenant(&town)
        .password_reset_is_open(&token_digest(&token), Utc::now())
        .await?
    {
        return Err(WebError::LinkGone);
    }
    let page = page.with_town(&town);
    Ok(
        new_password_page(page, town.slug.as_str(), &token, &FieldErrors::default())
            .respond(StatusCode::OK),
    )
}

pub async fn submit_new_password(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    Path((_, token)): Path<(String, String)>,
    page: Page,
    audit: Audit,
    Form(form): Form<NewPasswordForm>,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    if let Err(err) = password_policy::check(&form.password) {
        let errors = FieldErrors::single("password", err.code());
        return Ok(new_password_page(page, town.slug.as_str(), &token, &errors)
            .respond(StatusCode::UNPROCESSABLE_ENTITY));
    }
    let hash = super::hashed(form.password).await?;
    let account = state
        .store
        .tenant(&town)
        .complete_password_reset(&token_digest(&token), &hash, Utc::now())
        .await?;
    audit
        .town_record(
            town.id,
            AuditAction::AccountPasswordReset,
            (AuditTarget::Account, account.id.0),
        )
        .await?;
    Ok(Redirect::to(&format!("/{}/login?done=password-reset", town.slug)).into_response())
}
