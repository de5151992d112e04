//! Static files, compiled into the binary so it runs from any folder.

use axum::extract::Path;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

use crate::error::WebError;

const FILES: &[(&str, &str, &str)] = &[
    (
        "app.css",
        "text/css; charset=utf-8",
        include_str!("../static/app.css"),
    ),
    (
        "grid.js",
        "text/javascript; charset=utf-8",
        include_str!("../static/grid.js"),
    ),
    (
        "file_text.js",
        "text/javascript; charset=utf-8",
        include_str!("../static/file_text.js"),
    ),
];

pub async fn asset(Path(file): Path<String>) -> Result<Response, WebError> {
    let (_, content_type, body) = FILES
        .iter()
        .find(|(name, _, _)| *name == file)
        .ok_or(WebError::NotFound)?;
    Ok((
        [
            (CONTENT_TYPE, *content_type),
            (CACHE_CONTROL, "public, max-age=3600"),
        ],
        *body,
    )
        .into_response())
}
