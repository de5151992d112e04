//! The translated page for every error a person sees: [`WebError`]s marked by
//! `error.rs`, and the framework's own bare errors (an unknown path, a body over the limit, a
//! wrong method), in the request's language.

use axum::extract::Request;
use axum::http::HeaderValue;
use axum::http::header::CONTENT_TYPE;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::error::{ErrorField, ErrorKind, ErrorPageWanted};
use crate::i18n;
use crate::page::{Page, render};

#[derive(askama::Template)]
#[template(path = "error.html")]
struct ErrorPage {
    page: Page,
    title: String,
    message: String,
}

/// Middleware: gives every error response a body in the request's language, as HTML or,
/// for the JSON API and `/healthz`-style clients that ask for it, as JSON.
pub async fn error_pages(request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let lang = i18n::negotiate(&parts);
    let path = parts.uri.path().to_owned();
    let wants_json = path.starts_with("/api/")
        || parts
            .headers
            .get(axum::http::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|accept| accept.starts_with("application/json"));
    let response = next.run(Request::from_parts(parts, body)).await;

    let status = response.status();
    let marked = response
        .extensions()
        .get::<ErrorPageWanted>()
        .map(|wanted| wanted.0);
    let bare = (status.is_client_error() || status.is_server_error())
        && response
            .headers()
            .get(CONTENT_TYPE)
            .is_none_or(is_plain_text);
    if !(marked.is_some() || bare) {
        return response;
    }
    let kind = marked.unwrap_or_else(|| ErrorKind::of_status(status));
    let title = lang.t(kind.title_key());
    let message = match response.extensions().get::<ErrorField>() {
        Some(ErrorField(field)) => invalid_characters_message(lang, field),
        None => lang.t(kind.message_key()),
    };
    let mut rendered = if wants_json {
        (
            status,
            axum::Json(json!({ "error": kind.code(), "message": message })),
        )
            .into_response()
    } else {
        let page = Page::new(lang, &path, false);
        render(
            status,
            &ErrorPage {
                page,
                title,
                message,
            },
        )
    };
    // Keep headers such as `Allow` on 405 from the original response.
    for (name, value) in response.headers() {
        if name != CONTENT_TYPE && name != axum::http::header::CONTENT_LENGTH {
            rendered.headers_mut().entry(name).or_insert(value.clone());
        }
    }
    rendered
}

/// "The field 「label」 holds characters that cannot be used", by the field's label where it
/// has one.
fn invalid_characters_message(lang: i18n::Lang, field: &str) -> String {
    match lang.try_t(&crate::form::label_key(field)) {
        Some(label) => lang.t_args("error-input-control", &[("field", label)]),
        None => lang.t("error-input-control-unnamed"),
    }
}

fn is_plain_text(value: &HeaderValue) -> bool {
    value.to_str().is_ok_and(|v| v.starts_with("text/plain"))
}
