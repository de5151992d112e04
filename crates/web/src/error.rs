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

/// What an error page says, by kind: each names the keys of its title and message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ErrorKind {
    BadRequest,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    Timeout,
    Conflict,
    TooLarge,
    Unprocessable,
    TooMany,
    Internal,
    Busy,
    /// A form sent without its valid token.
    Csrf,
    /// A link that was used or has expired.
    Gone,
}

impl ErrorKind {
    #[cfg(test)]
    pub(crate) const ALL: [ErrorKind; 13] = [
        ErrorKind::BadRequest,
        ErrorKind::Forbidden,
        ErrorKind::NotFound,
        ErrorKind::MethodNotAllowed,
        ErrorKind::Timeout,
        ErrorKind::Conflict,
        ErrorKind::TooLarge,
        ErrorKind::Unprocessable,
        ErrorKind::TooMany,
        ErrorKind::Internal,
        ErrorKind::Busy,
        ErrorKind::Csrf,
        ErrorKind::Gone,
    ];

    /// The kind of a bare error status (the framework's own, or a handler's).
    pub(crate) fn of_status(status: StatusCode) -> Self {
        match status.as_u16() {
            403 => ErrorKind::Forbidden,
            404 => ErrorKind::NotFound,
            405 => ErrorKind::MethodNotAllowed,
            408 => ErrorKind::Timeout,
            409 => ErrorKind::Conflict,
            410 => ErrorKind::Gone,
            413 => ErrorKind::TooLarge,
            422 => ErrorKind::Unprocessable,
            429 => ErrorKind::TooMany,
            503 => ErrorKind::Busy,
            s if s >= 500 => ErrorKind::Internal,
            _ => ErrorKind::BadRequest,
        }
    }

    /// How JSON clients are told which error it is (`"error": "404"`).
    pub(crate) fn code(self) -> &'static str {
        self.keys().0
    }

    pub(crate) fn title_key(self) -> &'static str {
        self.keys().1
    }

    pub(crate) fn message_key(self) -> &'static str {
        self.keys().2
    }

    fn keys(self) -> (&'static str, &'static str, &'static str) {
        match self {
            ErrorKind::BadRequest => ("400", "error-400-title", "error-400-message"),
            ErrorKind::Forbidden => ("403", "error-403-title", "error-403-message"),
            ErrorKind::NotFound => ("404", "error-404-title", "error-404-message"),
            ErrorKind::MethodNotAllowed => ("405", "error-405-title", "error-405-message"),
            ErrorKind::Timeout => ("408", "error-408-title", "error-408-message"),
            ErrorKind::Conflict => ("409", "error-409-title", "error-409-message"),
            ErrorKind::TooLarge => ("413", "error-413-title", "error-413-message"),
            ErrorKind::Unprocessable => ("422", "error-422-title", "error-422-message"),
            ErrorKind::TooMany => ("429", "error-429-title", "error-429-message"),
            ErrorKind::Internal => ("500", "error-500-title", "error-500-message"),
            ErrorKind::Busy => ("503", "error-503-title", "error-503-message"),
            ErrorKind::Csrf => ("csrf", "error-csrf-title", "error-csrf-message"),
            ErrorKind::Gone => ("gone", "error-gone-title", "error-gone-message"),
        }
    }
}

/// Marks a response for [`crate::error_page::error_pages`]: what its page says.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ErrorPageWanted(pub(crate) ErrorKind);

/// The form field whose input was refused, named on the error page by its label.
#[derive(Debug, Clone)]
pub(crate) struct ErrorField(pub(crate) String);

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        }
        let kind = match self {
            WebError::CsrfRejected => ErrorKind::Csrf,
            WebError::LinkGone | WebError::Store(StoreError::Gone) => ErrorKind::Gone,
            _ => ErrorKind::of_status(status),
        };
        let mut response = status.into_response();
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                HeaderValue::from_static("2"),
            );
        }
        response.extensions_mut().insert(ErrorPageWanted(kind));
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

#[cfg(test)]
mod tests {
    use super::ErrorKind;
    use crate::i18n::Lang;

    #[test]
    fn every_error_page_has_a_title_and_a_message_in_both_languages() {
        for kind in ErrorKind::ALL {
            for lang in Lang::ALL {
                assert!(lang.try_t(kind.title_key()).is_some(), "{kind:?} {lang:?}");
                assert!(
                    lang.try_t(kind.message_key()).is_some(),
                    "{kind:?} {lang:?}"
                );
            }
        }
        assert_eq!(
            ErrorKind::of_status(axum::http::StatusCode::IM_A_TEAPOT),
            ErrorKind::BadRequest
        );
    }
}
