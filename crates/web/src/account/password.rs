//! Changing one's password: the current one is asked again; every session ends, and the
//! person is signed in afresh.

use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use domain::audit::{AuditAction, AuditTarget};
use domain::{FieldErrors, password_policy};
use serde::Deserialize;
use store::secret::verify_password;

use crate::account::{FormPage, Scope};
use crate::audit_trail::Audit;
use crate::auth::{SignedIn, session, throttle};
use crate::error::WebError;
use crate::form::FieldView;
use crate::page::Page;
use crate::state::AppState;
use crate::town::CurrentTown;
use store::throttle::Admission;

#[derive(Deserialize)]
pub struct ChangeForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
}

fn change_page(scope: &Scope, page: Page, errors: &FieldErrors) -> FormPage {
    let page = scope.page(page);
    let fields = vec![
        FieldView::new(&page, "current_password", "password", "", errors)
            .autocomplete("current-password"),
        FieldView::new(&page, "new_password", "password", "", errors)
            .autocomplete("new-password")
            .hint(&page, "field-password-hint"),
    ];
    let alert = crate::form::alert(&page, errors);
    FormPage::new(
        page,
        "password-change-title",
        format!("{}/account/password", scope.base()),
        "password-change-submit",
    )
    .alert(alert)
    .fields(fields)
}

pub async fn show_town(CurrentTown(town): CurrentTown, page: Page) -> Response {
    change_page(&Scope::Town(town), page, &FieldErrors::default()).respond(StatusCode::OK)
}

pub async fn show_platform(page: Page) -> Response {
    change_page(&Scope::Platform, page, &FieldErrors::default()).respond(StatusCode::OK)
}

pub async fn submit_town(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    signed_in: SignedIn,
    page: Page,
    audit: Audit,
    jar: CookieJar,
    Form(form): Form<ChangeForm>,
) -> Result<Response, WebError> {
    submit(&state, Scope::Town(town), signed_in, page, audit, jar, form).await
}

pub async fn submit_platform(
    State(state): State<AppState>,
    signed_in: SignedIn,
    page: Page,
    audit: Audit,
    jar: CookieJar,
    Form(form): Form<ChangeForm>,
) -> Result<Response, WebError> {
    submit(&state, Scope::Platform, signed_in, page, audit, jar, form).await
}

async fn submit(
    state: &AppState,
    scope: Scope,
    SignedIn(account): SignedIn,
    page: Page,
    audit: Audit,
    jar: CookieJar,
    form: ChangeForm,
) -> Result<Response, WebError> {
    let mut errors = FieldErrors::default();
    match check_current(state, &account, &form.current_password).await? {
        Current::Right => {}
        Current::Wrong => errors.add("current_password", "password-current-wrong"),
        Current::Locked(minutes) => {
            let alert = page.t1("signin-locked", "minutes", &minutes.to_string());
            return Ok(change_page(&scope, page, &errors)
                .alert(Some(crate::form::Alert::text(alert)))
                .respond(StatusCode::TOO_MANY_REQUESTS));
        }
    }
    if let Err(err) = password_policy::check(&form.new_password) {
        errors.add("new_password", err.code());
    }
    if !errors.is_empty() {
        return Ok(change_page(&scope, page, &errors).respond(StatusCode::UNPROCESSABLE_ENTITY));
    }
    let hash = super::hashed(form.new_password).await?;
    state.store.set_password(account.id, &hash).await?;
    audit
        .record(
            account.municipality_id,
            AuditAction::AccountPasswordChanged,
            AuditTarget::Account,
            &account.id.0.to_string(),
            "",
        )
        .await?;
    let jar = session::start(state, jar, &account).await?;
    Ok((
        jar,
        Redirect::to(&format!(
            "{}/account/password?done=password-changed",
            scope.base()
        )),
    )
        .into_response())
}

/// What the password a signed-in person typed again says.
pub(crate) enum Current {
    Right,
    Wrong,
    /// Too many wrong tries: locked for this many more minutes.
    Locked(i64),
}

/// Checks the password a signed-in person typed again (to change it, or to delete the
/// account), with the same lock as sign-in after repeated wrong tries.
pub(crate) async fn check_current(
    state: &AppState,
    account: &store::account::Account,
    typed: &str,
) -> Result<Current, WebError> {
    let now = chrono::Utc::now();
    let key = throttle::password_change_key(account.id.0);
    if let Admission::Locked(until) = state
        .store
        .throttle_admit(&key, now, throttle::ACCOUNT_MEMORY, throttle::account_lock)
        .await?
    {
        return Ok(Current::Locked(throttle::minutes_left(until, now)));
    }
    let stored = account.password_hash.clone();
    let typed = typed.to_owned();
    let right = tokio::task::spawn_blocking(move || verify_password(&typed, &stored))
        .await
        .unwrap_or(false);
    if right {
        state.store.throttle_clear(&key).await?;
        Ok(Current::Right)
    } else {
        Ok(Current::Wrong)
    }
}
