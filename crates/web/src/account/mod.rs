//! Accounts: sign-up (participants), sign-in and sign-out, password change and reset, and
//! accepting an invitation. Town accounts use `/{town}/…`; operators use `/operator/…`,
//! through the same functions with [`Scope::Platform`].

mod form_page;
mod invitation;
mod password;
mod reset;
mod signin;
mod signup;

use axum::routing::{get, post};

pub use form_page::FormPage;
pub(crate) use password::{Current, check_current};
pub use signin::Scope;

use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .route("/{town}/signup", get(signup::show).post(signup::submit))
        .route(
            "/{town}/signup/{token}",
            get(signup::show_details).post(signup::submit_details),
        )
        .route(
            "/{town}/login",
            get(signin::show_town).post(signin::submit_town),
        )
        .route("/{town}/logout", post(signin::logout))
        .route(
            "/{town}/password-reset",
            get(reset::show_request).post(reset::submit_request),
        )
        .route(
            "/{town}/password-reset/{token}",
            get(reset::show_new_password).post(reset::submit_new_password),
        )
        .route(
            "/{town}/invitations/{token}",
            get(invitation::show).post(invitation::accept),
        )
        .route(
            "/{town}/account/password",
            get(password::show_town).post(password::submit_town),
        )
        .route(
            "/operator/login",
            get(signin::show_platform).post(signin::submit_platform),
        )
        .route("/operator/logout", post(signin::logout))
        .route(
            "/operator/account/password",
            get(password::show_platform).post(password::submit_platform),
        )
}

/// A password's hash, computed on a blocking thread so the slow hash never holds up the
/// runtime's threads.
async fn hashed(password: String) -> Result<String, crate::error::WebError> {
    tokio::task::spawn_blocking(move || store::secret::hash_password(&password))
        .await
        .map_err(|_| crate::error::WebError::Internal)
}

/// Where a person was going before they were asked to sign in or up, if it is a page of this
/// town's own (anything else is dropped, so a link cannot send anyone off the site).
fn town_next(town: &domain::Municipality, next: Option<&str>) -> Option<String> {
    next.filter(|n| crate::language_switch::is_local_path(n))
        .filter(|n| n.starts_with(&format!("/{}/", town.slug)))
        .map(str::to_owned)
}

/// `path` with `?next=…` when there is somewhere to come back to.
fn with_next(path: &str, next: Option<&str>) -> String {
    match next {
        Some(next) => {
            let next: String = url::form_urlencoded::byte_serialize(next.as_bytes()).collect();
            format!("{path}?next={next}")
        }
        None => path.to_owned(),
    }
}

/// A new account's first moment: what is written to them from now on is in the language
/// they used, they are signed in, the audit log says how they came, and they go home (or back
/// to the page they were on, `next`, when it is the town's own).
async fn welcome(
    state: &crate::state::AppState,
    (jar, audit): (axum_extra::extract::CookieJar, &crate::audit_trail::Audit),
    (created, town, next): (
        &store::account::Account,
        &domain::Municipality,
        Option<&str>,
    ),
    lang: crate::i18n::Lang,
    (action, detail): (domain::audit::AuditAction, &str),
) -> Result<axum::response::Response, crate::error::WebError> {
    use axum::response::IntoResponse;
    state
        .store
        .set_account_lang(created.id, lang.code())
        .await?;
    let jar = crate::auth::session::start(state, jar, created).await?;
    audit
        .record_by(
            created,
            action,
            domain::audit::AuditTarget::Account,
            &created.id.0.to_string(),
            detail,
        )
        .await?;
    let home = town_next(town, next)
        .unwrap_or_else(|| crate::page::role_home(created.role, Some(town.slug.as_str())));
    Ok((jar, axum::response::Redirect::to(&home)).into_response())
}
