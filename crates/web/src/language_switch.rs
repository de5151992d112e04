//! `/lang/{code}?next=/path`: remembers the chosen language in a cookie and goes back.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};
use serde::Deserialize;

use crate::error::WebError;
use crate::i18n::{LANG_COOKIE, Lang};
use crate::state::AppState;

#[derive(Deserialize)]
pub struct Next {
    next: Option<String>,
}

pub async fn switch(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(query): Query<Next>,
    jar: CookieJar,
) -> Result<Response, WebError> {
    let lang = Lang::from_code(&code).ok_or(WebError::NotFound)?;
    let cookie = Cookie::build((LANG_COOKIE, lang.code()))
        .path("/")
        .max_age(time_year())
        .same_site(SameSite::Lax)
        .secure(state.config.secure_cookies)
        .http_only(true)
        .build();
    let next = query
        .next
        .as_deref()
        .filter(|n| is_local_path(n))
        .unwrap_or("/");
    Ok((jar.add(cookie), Redirect::to(next)).into_response())
}

fn time_year() -> time::Duration {
    time::Duration::days(365)
}

/// Only paths on this site, so the switch cannot be used to send people elsewhere. The path is
/// judged as a browser would read it: percent-decoded, and with no control character or space
/// anywhere (browsers drop tabs and line breaks, so `/%09/evil.example` would become
/// `//evil.example`), no backslash (read as a slash), and not starting with `//`.
pub fn is_local_path(next: &str) -> bool {
    let decoded: String =
        url::form_urlencoded::parse(format!("x={}", next.replace('+', "%2B")).as_bytes())
            .next()
            .map(|(_, v)| v.into_owned())
            .unwrap_or_default();
    [next, decoded.as_str()].iter().all(|path| {
        path.starts_with('/')
            && !path.starts_with("//")
            && !path.contains('\\')
            && !path.contains("://")
            && !path.chars().any(|c| c.is_control() || c.is_whitespace())
    })
}

#[cfg(test)]
mod tests {
    use super::is_local_path;

    #[test]
    fn only_local_paths_are_followed() {
        assert!(is_local_path("/nagaizumi/?a=1"));
        assert!(!is_local_path("//evil.example/"));
        assert!(!is_local_path("https://evil.example/"));
        assert!(!is_local_path("/\\evil.example"));
        assert!(!is_local_path("evil"));
        assert!(!is_local_path("/%09/evil.example/"));
        assert!(!is_local_path("/\t/evil.example/"));
        assert!(!is_local_path("/%0a"));
        assert!(!is_local_path("/%2F/evil.example/"));
        assert!(!is_local_path("/%5Cevil.example"));
        assert!(is_local_path("/nagaizumi/events?kind=seminar"));
    }
}
