//! `/healthz` for load balancers and `/metrics` for Prometheus.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::error::WebError;
use crate::state::AppState;

/// Answers 200 when the database answers, 503 when it does not.
pub async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    let backend = state.store.backend().name();
    match state.store.ping().await {
        Ok(()) => (
            StatusCode::OK,
            Json(json!({ "status": "ok", "database": "ok", "backend": backend })),
        ),
        Err(err) => {
            tracing::error!(error = %err, "health check: database unreachable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "error", "database": "unreachable", "backend": backend })),
            )
        }
    }
}

/// The metrics, for a scraper that sends `Authorization: Bearer <metrics_token>`. Without a
/// configured token, or with a wrong one, the page does not exist (404), so nobody learns
/// the site's traffic by asking.
pub async fn metrics(
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
) -> Result<Response, WebError> {
    let given = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    let allowed = state.config.metrics_token.as_ref().is_some_and(|token| {
        bool::from(subtle::ConstantTimeEq::ct_eq(
            given.as_bytes(),
            token.expose().as_bytes(),
        ))
    });
    if !allowed {
        return Err(WebError::NotFound);
    }
    Ok((
        [(
            CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        state.metrics.encode(),
    )
        .into_response())
}
