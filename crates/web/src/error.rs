//! The error policy of the web layer.
//!
//! - Crates below the web expose `thiserror` enums at their boundaries (`StoreError`, the
//!   domain's `FieldErrors`); the binary and background jobs use `anyhow`.
//! - [`WebError`] is the one error type handlers return. Each variant maps to one status:
//!   not found → 404, forbidden → 403, invalid input → 422, too large → 413, anything else →
//!   500.
//! - A 5xx is logged with its cause and the request id; the client sees a translated page that
//!   says something went wrong and never the internal text.
//! - Invalid form input is not an error page: the form handler re-renders the form with status
//!   422 and each message next to the field that caused it (`FieldErrors`). A unique
//!   constraint violation arrives as `StoreError::Conflict { field }` and is shown the same way.
//! - The translated page is rendered by [`crate::error_page::error_pages`], which knows the request's language.
//!   It also dresses the framework's own bare errors (an unknown path, a body over the limit,
//!   a wrong method) in the same page, so every error a person sees is in their language.

use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("not found")]
    NotFound,
    /// A request no form of ours sends (an unknown action, a malformed value).
    #[error("bad request")]
    BadRequest,
    #[error("forbidden")]
    Forbidden,
    #[error("payload too large")]
    PayloadTooLarge,
    /// The request's body did not arrive in time (`server::Timeouts`).
    #[error("request body timed out")]
    RequestTimeout,
    /// A state-changing request without a valid CSRF token.
    #[error("CSRF token missing or invalid")]
    CsrfRejected,
    /// Text with control or direction characters, in the named field (`input_guard`).
    #[error("invalid characters in {field}")]
    InvalidCharacters { field: String },
    /// A single-use link that expired, was used, or never existed.
    #[error("link expired or used")]
    LinkGone,
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A bug or a failure below us with nothing more to say to the client.
    #[error("internal error")]
    Internal,
}

impl WebError {
    /// Why a request body could not be read: too slow, or too large.
    pub fn unread_body(err: &axum::Error) -> WebError {
        if crate::server::is_body_timeout(err) {
            WebError::RequestTimeout
        } else {
            WebError::PayloadTooLarge
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            WebError::NotFound | WebError::Store(StoreError::NotFound) => StatusCode::NOT_FOUND,
            WebError::BadRequest => StatusCode::BAD_REQUEST,
            WebError::Forbidden | WebError::CsrfRejected => StatusCode::FORBIDDEN,
            WebError::LinkGone | WebError::Store(StoreError::Gone) => StatusCode::GONE,
            WebError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            WebError::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            WebError::InvalidCharacters { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            WebError::Store(StoreError::Conflict { .. }) => StatusCode::CONFLICT,
            WebError::Store(StoreError::Busy) => StatusCode::SERVICE_UNAVAILABLE,
            WebError::Store(_) | WebError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// Marks a response whose body [`error_pages`] should render, with the stem of its
/// translation keys (`error-<stem>-title`, `error-<stem>-message`).
/// Marks a response for [`crate::error_page::error_pages`]: the stem of its message keys.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ErrorPageWanted(pub(crate) &'static str);

/// The form field an error is about, named on the error page by its label.
/// The field whose input was refused, for the error page's message.
#[derive(Debug, Clone)]
pub(crate) struct ErrorField(pub(crate) String);

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        }
        let stem = match self {
            WebError::CsrfRejected => "csrf",
            WebError::LinkGone | WebError::Store(StoreError::Gone) => "gone",
            _ => status_key(status),
        };
        let mut response = status.into_response();
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                HeaderValue::from_static("2"),
            );
        }
        response.extensions_mut().insert(ErrorPageWanted(stem));
        if let WebError::InvalidCharacters { field } = self {
            response.extensions_mut().insert(ErrorField(field));
        }
        response
    }
}

/// A record looked up by its id: a missing one is a 404.
pub trait Found<T> {
    fn found(self) -> Result<T, WebError>;
}

impl<T> Found<T> for Result<Option<T>, StoreError> {
    fn found(self) -> Result<T, WebError> {
        self?.ok_or(WebError::NotFound)
    }
}

/// The translation-key stem of a status.
pub(crate) fn status_key(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "400",
        403 => "403",
        404 => "404",
        405 => "405",
        408 => "408",
        409 => "409",
        413 => "413",
        422 => "422",
        429 => "429",
        503 => "503",
        s if s >= 500 => "500",
        _ => "400",
    }
}
