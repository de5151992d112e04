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
pub use signin::Scope;
pub use signup::PRIVACY_POLICY_VERSION;

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

/// A new account's first moment: what is written to them from now on is in the language
/// they used, they are signed in, the audit log says how they came, and they go home.
async fn welcome(
    state: &crate::state::AppState,
    (jar, audit): (axum_extra::extract::CookieJar, &crate::audit_trail::Audit),
    (created, town): (&store::account::Account, &domain::Municipality),
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
    let home = crate::page::role_home(created.role, Some(town.slug.as_str()));
    Ok((jar, axum::response::Redirect::to(&home)).into_response())
}
