//! Protection against cross-site request forgery, on every state-changing request.
//!
//! The design is the signed double-submit cookie (OWASP): every visitor gets a random
//! `wk_csrf` cookie (HttpOnly, SameSite=Lax; `__Host-wk_csrf` when cookies are Secure, so no
//! subdomain can plant one); each form carries `csrf_token`, the HMAC-SHA256 of that cookie
//! and of the session it belongs to (the digest of the signed-in session's id, or
//! `anonymous` before sign-in) under a server key kept in the database. A POST (or PUT,
//! PATCH, DELETE) passes only if the token matches both; another site can neither read the
//! cookie nor forge the HMAC, and a token taken from one session is worthless in another.
//! Forms need no JavaScript. The cookie is renewed at sign-in.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use store::secret::random_token;
use subtle::ConstantTimeEq;

use crate::auth::{ClientIp, CurrentSession};
use crate::error::WebError;
use crate::state::AppState;

pub const CSRF_COOKIE: &str = "wk_csrf";
/// The cookie's name when cookies are Secure.
pub const CSRF_COOKIE_SECURE: &str = "__Host-wk_csrf";

/// The CSRF cookie's name under this configuration.
pub fn cookie_name(secure: bool) -> &'static str {
    if secure {
        CSRF_COOKIE_SECURE
    } else {
        CSRF_COOKIE
    }
}

/// What a token is bound to besides its cookie: the signed-in session, or none yet.
pub const ANONYMOUS: &str = "anonymous";
pub const CSRF_FIELD: &str = "csrf_token";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The token forms on this page must carry.
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

/// The token for a cookie value within a session (`binding`: the session id's digest, or
/// [`ANONYMOUS`]).
pub fn token_for(key: &[u8], cookie_value: &str, binding: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(cookie_value.as_bytes());
    mac.update(b"\n");
    mac.update(binding.as_bytes());
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn cookie(state: &AppState, value: String) -> Cookie<'static> {
    Cookie::build((cookie_name(state.config.secure_cookies), value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.config.secure_cookies)
        .build()
}

/// A new CSRF cookie, set at sign-in so a token from before cannot be reused after.
pub fn rotate(state: &AppState, jar: CookieJar) -> CookieJar {
    jar.add(cookie(state, random_token()))
}

/// Middleware: issues the cookie and token, and refuses state-changing requests without a
/// valid token (403, nothing changed).
pub async fn csrf_guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let jar = CookieJar::from_headers(request.headers());
    let secure = state.config.secure_cookies;
    let existing = jar.get(cookie_name(secure)).map(|c| c.value().to_owned());
    let signed_in = request
        .extensions()
        .get::<CurrentSession>()
        .is_some_and(|s| s.account().is_some());
    let binding = match jar.get(crate::auth::session::cookie_name(secure)) {
        Some(session) if signed_in => store::secret::token_digest(session.value()),
        _ => ANONYMOUS.to_owned(),
    };
    let changes_state = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );

    let staff = request
        .extensions()
        .get::<CurrentSession>()
        .and_then(|s| s.account().filter(|a| a.role.is_staff()).cloned());
    let attempt = Attempt {
        staff,
        ip: ClientIp::from_extensions(request.extensions()),
        path: crate::auth::secret_path::loggable(request.uri().path()),
    };
    let request = if changes_state {
        let Some(cookie_value) = existing.as_deref() else {
            return rejected(&state, attempt).await;
        };
        let expected = token_for(&state.csrf_key, cookie_value, &binding);
        match take_token(request, state.config.max_body_bytes).await {
            Ok((request, Some(given)))
                if bool::from(given.as_bytes().ct_eq(expected.as_bytes())) =>
            {
                request
            }
            Ok(_) => return rejected(&state, attempt).await,
            Err(response) => return response,
        }
    } else {
        request
    };

    let (value, fresh) = match existing {
        Some(value) => (value, false),
        None => (random_token(), true),
    };
    let mut request = request;
    request
        .extensions_mut()
        .insert(CsrfToken(token_for(&state.csrf_key, &value, &binding)));
    let response = next.run(request).await;
    if fresh {
        with_first_cookie(&state, response, value).await
    } else {
        response
    }
}

/// A first visit gets the cookie only with a page that has a form, so pages without one stay
/// the same for everyone and shared caches can keep them.
async fn with_first_cookie(state: &AppState, response: Response, value: String) -> Response {
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let formless = response
        .extensions()
        .get::<crate::public_cache::NoForm>()
        .is_some();
    if !html || formless {
        return response;
    }
    let (parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return WebError::Internal.into_response();
    };
    let mut response = Response::from_parts(parts, Body::from(bytes.clone()));
    if crate::public_cache::has_form(&bytes)
        && let Ok(header) = HeaderValue::from_str(&cookie(state, value).encoded().to_string())
    {
        response.headers_mut().append(header::SET_COOKIE, header);
    }
    response
}

/// Who sent a state-changing request, for the audit entry if it is refused.
struct Attempt {
    staff: Option<store::account::Account>,
    ip: ClientIp,
    path: String,
}

/// Refuses the request; a staff member's refused attempt is written to the audit log.
async fn rejected(state: &AppState, attempt: Attempt) -> Response {
    tracing::warn!(path = %attempt.path, "request refused: missing or invalid CSRF token");
    if let Some(account) = attempt.staff {
        match crate::auth::throttle::worth_recording_denial(&state.store, account.id.0, "csrf")
            .await
        {
            Ok(true) => {}
            Ok(false) => return WebError::CsrfRejected.into_response(),
            Err(err) => tracing::error!(error = %err, "cannot count a refused request"),
        }
        let entry = store::audit::NewAuditEntry {
            municipality_id: account.municipality_id,
            actor_id: Some(account.id),
            actor_role: domain::audit::ActorRole::Signed(account.role),
            action: domain::audit::AuditAction::AccessDeniedCsrf,
            target_type: domain::audit::AuditTarget::Route,
            target_id: attempt.path.clone(),
            detail: format!("POST {}", attempt.path),
            ip: attempt.ip.0,
        };
        if let Err(err) = state.store.audit(&entry).await {
            tracing::error!(error = %err, "cannot write the audit entry for a refused request");
        }
    }
    WebError::CsrfRejected.into_response()
}

/// The token from the `x-csrf-token` header or the urlencoded form body; the body is read and
/// put back so the handler still sees it.
async fn take_token(request: Request, limit: usize) -> Result<(Request, Option<String>), Response> {
    if let Some(header) = request
        .headers()
        .get(CSRF_HEADER)
        .and_then(|v| v.to_str().ok())
    {
        let token = header.to_owned();
        return Ok((request, Some(token)));
    }
    if !crate::input_guard::is_urlencoded(request.headers()) {
        return Ok((request, None));
    }
    let (parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, limit)
        .await
        .map_err(|err| WebError::unread_body(&err).into_response())?;
    let token = url::form_urlencoded::parse(&bytes)
        .find(|(name, _)| name == CSRF_FIELD)
        .map(|(_, value)| value.into_owned());
    Ok((Request::from_parts(parts, Body::from(bytes)), token))
}
