//! Sign-in and sign-out, with throttling and without telling which emails have accounts.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use chrono::Utc;
use domain::account::normalize_email;
use domain::audit::{AuditAction, AuditTarget};
use domain::{FieldErrors, Municipality};
use serde::Deserialize;
use store::account::Account;
use store::secret::{decoy_hash, verify_password};
use store::throttle::Admission;

use crate::account::FormPage;
use crate::audit_trail::Audit;
use crate::auth::throttle;
use crate::auth::{ClientIp, session};
use crate::error::WebError;
use crate::form::FieldView;
use crate::language_switch::is_local_path;
use crate::page::{Page, role_home};
use crate::state::AppState;
use crate::town::CurrentTown;

/// Whose sign-in this is: a town's accounts, or the platform's operators.
#[derive(Debug, Clone)]
pub enum Scope {
    Town(Municipality),
    Platform,
}

impl Scope {
    pub fn base(&self) -> String {
        match self {
            Scope::Town(town) => format!("/{}", town.slug),
            Scope::Platform => "/operator".to_owned(),
        }
    }

    fn throttle_name(&self) -> String {
        match self {
            Scope::Town(town) => town.slug.to_string(),
            Scope::Platform => "operator".to_owned(),
        }
    }

    async fn find(&self, state: &AppState, email: &str) -> Result<Option<Account>, WebError> {
        Ok(match self {
            Scope::Town(town) => state.store.tenant(town).account_by_email(email).await?,
            Scope::Platform => state.store.operator_by_email(email).await?,
        })
    }

    pub fn page(&self, page: Page) -> Page {
        match self {
            Scope::Town(town) => page.with_town(town),
            Scope::Platform => page,
        }
    }
}

#[derive(Deserialize, Default)]
pub struct Next {
    next: Option<String>,
    done: Option<String>,
}

#[derive(Deserialize)]
pub struct SignInForm {
    email: String,
    password: String,
    next: Option<String>,
}

/// Notices a page can be sent to show after a redirect; anything else is ignored.
pub fn notice_key(done: Option<&str>) -> Option<&'static str> {
    match done? {
        "password-reset" => Some("notice-password-reset"),
        "password-changed" => Some("notice-password-changed"),
        "signed-out" => Some("notice-signed-out"),
        _ => None,
    }
}

fn signin_page(
    scope: &Scope,
    page: Page,
    email: &str,
    next: &str,
    errors: &FieldErrors,
) -> FormPage {
    let page = scope.page(page);
    let fields = vec![
        FieldView::new(&page, "email", "email", email, errors).autocomplete("username"),
        FieldView::new(&page, "password", "password", "", errors).autocomplete("current-password"),
    ];
    let title = match scope {
        Scope::Town(_) => "signin-title",
        Scope::Platform => "signin-operator-title",
    };
    let base = scope.base();
    let mut form =
        FormPage::new(page, title, format!("{base}/login"), "signin-submit").fields(fields);
    if !next.is_empty() {
        form = form.hidden("next", next.to_owned());
    }
    if let Scope::Town(_) = scope {
        form = form
            .link(format!("{base}/password-reset"), "signin-forgot")
            .link(
                super::with_next(
                    &format!("{base}/signup"),
                    Some(next).filter(|n| !n.is_empty()),
                ),
                "signin-to-signup",
            );
    }
    form
}

pub async fn show_town(
    CurrentTown(town): CurrentTown,
    page: Page,
    Query(query): Query<Next>,
) -> Response {
    show(Scope::Town(town), page, query)
}

pub async fn show_platform(page: Page, Query(query): Query<Next>) -> Response {
    show(Scope::Platform, page, query)
}

fn show(scope: Scope, page: Page, query: Next) -> Response {
    let next = query.next.filter(|n| is_local_path(n)).unwrap_or_default();
    signin_page(&scope, page, "", &next, &FieldErrors::default())
        .notice(notice_key(query.done.as_deref()))
        .respond(StatusCode::OK)
}

pub async fn submit_town(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    audit: Audit,
    jar: CookieJar,
    ip: ClientIp,
    Form(form): Form<SignInForm>,
) -> Result<Response, WebError> {
    submit(&state, Scope::Town(town), page, audit, jar, &ip, form).await
}

pub async fn submit_platform(
    State(state): State<AppState>,
    page: Page,
    audit: Audit,
    jar: CookieJar,
    ip: ClientIp,
    Form(form): Form<SignInForm>,
) -> Result<Response, WebError> {
    submit(&state, Scope::Platform, page, audit, jar, &ip, form).await
}

/// Whether this sign-in may be tried: a busy address waits (it is never locked out), and an
/// account with too many failures is locked for a while.
async fn admit(
    state: &AppState,
    (account_key, address_key): (&str, &str),
    now: chrono::DateTime<Utc>,
) -> Result<Admission, WebError> {
    let address_failures = state
        .store
        .throttle_failures(address_key, now, throttle::ADDRESS_MEMORY)
        .await?;
    let delay = throttle::address_delay(address_failures);
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    Ok(state
        .store
        .throttle_admit(
            account_key,
            now,
            throttle::ACCOUNT_MEMORY,
            throttle::account_lock,
        )
        .await?)
}

/// The account whose password this is; the same work is done for an unknown address (a decoy
/// hash), so the answer's timing says nothing about who has an account.
async fn signed(
    state: &AppState,
    scope: &Scope,
    email: &str,
    password: String,
) -> Result<Option<store::account::Account>, WebError> {
    let account = scope.find(state, email).await?;
    let stored = account
        .as_ref()
        .map_or_else(|| decoy_hash().to_owned(), |a| a.password_hash.clone());
    let matches = tokio::task::spawn_blocking(move || verify_password(&password, &stored))
        .await
        .unwrap_or(false);
    Ok(account.filter(|_| matches))
}

async fn submit(
    state: &AppState,
    scope: Scope,
    page: Page,
    audit: Audit,
    jar: CookieJar,
    ip: &ClientIp,
    form: SignInForm,
) -> Result<Response, WebError> {
    let email = normalize_email(&form.email);
    let next = form.next.clone().unwrap_or_default();
    let account_key = throttle::account_key(&scope.throttle_name(), &email);
    let address_key = throttle::address_key(&ip.0);
    let now = Utc::now();
    if let Admission::Locked(until) = admit(state, (&account_key, &address_key), now).await? {
        let minutes = throttle::minutes_left(until, now).to_string();
        let alert = page.t1("signin-locked", "minutes", &minutes);
        return Ok(
            signin_page(&scope, page, &email, &next, &FieldErrors::default())
                .alert(Some(crate::form::Alert::text(alert)))
                .respond(StatusCode::TOO_MANY_REQUESTS),
        );
    }

    let Some(account) = signed(state, &scope, &email, form.password).await? else {
        state
            .store
            .throttle_record_failure(&address_key, now, throttle::ADDRESS_MEMORY)
            .await?;
        let alert = page.t("signin-failed");
        return Ok(
            signin_page(&scope, page, &email, &next, &FieldErrors::default())
                .alert(Some(crate::form::Alert::text(alert)))
                .respond(StatusCode::UNPROCESSABLE_ENTITY),
        );
    };

    state.store.throttle_clear(&account_key).await?;
    let jar = session::start(state, jar, &account).await?;
    audit
        .record_by(
            &account,
            AuditAction::AuthSignIn,
            AuditTarget::Account,
            &account.id.0.to_string(),
            "",
        )
        .await?;
    let target = after_sign_in(&scope, &account, next);
    Ok((jar, Redirect::to(&target)).into_response())
}

/// Where a person goes once signed in: the page they were sent from, if it is one of this
/// scope's own; their home otherwise.
fn after_sign_in(scope: &Scope, account: &store::account::Account, next: String) -> String {
    let slug = match scope {
        Scope::Town(town) => Some(town.slug.to_string()),
        Scope::Platform => None,
    };
    let base = scope.base();
    if is_local_path(&next) && next.starts_with(&format!("{base}/")) {
        next
    } else {
        role_home(account.role, slug.as_deref())
    }
}

pub async fn logout(
    State(state): State<AppState>,
    page: Page,
    audit: Audit,
    jar: CookieJar,
) -> Result<Response, WebError> {
    audit
        .record(None, AuditAction::AuthSignOut, AuditTarget::Session, "", "")
        .await?;
    let jar = session::end(&state, jar).await?;
    let target = match page.user.and_then(|u| u.town_slug) {
        Some(slug) => format!("/{slug}/login?done=signed-out"),
        None => "/operator/login?done=signed-out".to_owned(),
    };
    Ok((jar, Redirect::to(&target)).into_response())
}
