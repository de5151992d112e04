//! Sign-in sessions.
//!
//! The cookie holds 256 random bits; the database holds only their SHA-256 digest. A session
//! ends after [`crate::WebConfig::session_idle_minutes`] without a request, and in any case
//! [`crate::WebConfig::session_absolute_hours`] after sign-in. Signing in always starts a new
//! session (the id is rotated), and changing a password ends every session of the account.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};
use chrono::{Duration, Utc};
use store::account::Account;
use store::secret::{random_token, token_digest};
use store::session::Session;

use crate::error::WebError;
use crate::state::AppState;

pub const SESSION_COOKIE: &str = "wk_session";
/// The cookie's name when cookies are Secure: `__Host-` keeps subdomains from setting it.
pub const SESSION_COOKIE_SECURE: &str = "__Host-wk_session";

/// The session cookie's name under this configuration.
pub fn cookie_name(secure: bool) -> &'static str {
    if secure {
        SESSION_COOKIE_SECURE
    } else {
        SESSION_COOKIE
    }
}

/// The request's session, if it has a live one. Put in the request's extensions by
/// [`load_session`].
#[derive(Debug, Clone, Default)]
pub struct CurrentSession(pub Option<Arc<Session>>);

impl CurrentSession {
    pub fn account(&self) -> Option<&Account> {
        self.0.as_ref().map(|s| &s.account)
    }
}

/// Middleware: finds the session named by the cookie, ends it when it has timed out, and
/// records the request as activity.
pub async fn load_session(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let jar = CookieJar::from_headers(request.headers());
    let mut current = CurrentSession::default();
    let mut expired = false;
    if let Some(cookie) = jar.get(cookie_name(state.config.secure_cookies)) {
        let digest = token_digest(cookie.value());
        match state.store.session(&digest).await {
            Ok(Some(session)) => {
                let now = Utc::now();
                let idle = Duration::minutes(state.config.session_idle_minutes);
                if now >= session.expires_at || now - session.last_seen_at >= idle {
                    let _ = state.store.delete_session(&digest).await;
                    expired = true;
                } else {
                    if now - session.last_seen_at >= Duration::minutes(1) {
                        let _ = state.store.touch_session(&digest, now).await;
                    }
                    current = CurrentSession(Some(Arc::new(session)));
                }
            }
            Ok(None) => expired = true,
            // Every connection busy: say so now rather than wait again further in.
            Err(store::StoreError::Busy) => {
                return WebError::Store(store::StoreError::Busy).into_response();
            }
            Err(err) => tracing::error!(error = %err, "cannot load the session"),
        }
    }
    request.extensions_mut().insert(current);
    let mut response = next.run(request).await;
    if expired {
        let removal = removal_cookie(state.config.secure_cookies);
        if let Ok(value) = removal.encoded().to_string().parse() {
            response
                .headers_mut()
                .append(axum::http::header::SET_COOKIE, value);
        }
    }
    response
}

fn removal_cookie(secure: bool) -> Cookie<'static> {
    let mut cookie = Cookie::build((cookie_name(secure), ""))
        .path("/")
        .http_only(true)
        .secure(secure)
        .build();
    cookie.make_removal();
    cookie
}

/// Starts a new session for `account`, ending the one the request came with (rotation).
pub async fn start(
    state: &AppState,
    jar: CookieJar,
    account: &Account,
) -> Result<CookieJar, WebError> {
    if let Some(old) = jar.get(cookie_name(state.config.secure_cookies)) {
        state
            .store
            .delete_session(&token_digest(old.value()))
            .await?;
    }
    let token = random_token();
    let now = Utc::now();
    let expires_at = now + Duration::hours(state.config.session_absolute_hours);
    state
        .store
        .create_session(&token_digest(&token), account.id, now, expires_at)
        .await?;
    // In use again: the retention clock starts over (`domain::retention`).
    state.store.note_sign_in(account.id).await?;
    let cookie = Cookie::build((cookie_name(state.config.secure_cookies), token))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.config.secure_cookies)
        .build();
    Ok(crate::auth::csrf::rotate(state, jar.add(cookie)))
}

/// Ends the request's session.
pub async fn end(state: &AppState, jar: CookieJar) -> Result<CookieJar, WebError> {
    if let Some(cookie) = jar.get(cookie_name(state.config.secure_cookies)) {
        state
            .store
            .delete_session(&token_digest(cookie.value()))
            .await?;
    }
    Ok(jar.add(removal_cookie(state.config.secure_cookies)))
}

/// Extractor for handlers behind a signed-in route: the account, already authorized by the
/// policy middleware.
pub struct SignedIn(pub Account);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for SignedIn {
    type Rejection = WebError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, WebError> {
        parts
            .extensions
            .get::<CurrentSession>()
            .and_then(|s| s.account().cloned())
            .map(SignedIn)
            .ok_or(WebError::Forbidden)
    }
}

/// On a page anyone may open: the account, when someone is signed in.
impl<S: Send + Sync> axum::extract::OptionalFromRequestParts<S> for SignedIn {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Option<Self>, Self::Rejection> {
        Ok(parts
            .extensions
            .get::<CurrentSession>()
            .and_then(|s| s.account().cloned())
            .map(SignedIn))
    }
}
