//! The whole application: routes and the layers every request passes through.

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use store::Store;

use crate::config::WebConfig;
use crate::metrics::Metrics;
use crate::{assets, health, language_switch, middleware, public};

/// What every handler can reach. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub config: Arc<WebConfig>,
    pub metrics: Arc<Metrics>,
}

impl AppState {
    pub fn new(store: Store, config: WebConfig) -> Self {
        Self {
            store,
            config: Arc::new(config),
            metrics: Arc::new(Metrics::default()),
        }
    }
}

/// Every route of the application, wrapped in the shared layers (outermost first): request
/// id, tracing, metrics, security headers, compression, translated error pages, body limit.
pub fn router(state: AppState) -> Router {
    let max_body = state.config.max_body_bytes;
    let routes = Router::new()
        .route("/healthz", get(health::healthz))
        .route("/metrics", get(health::metrics))
        .route("/static/{file}", get(assets::asset))
        .route("/lang/{code}", get(language_switch::switch))
        .merge(public::routes())
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(max_body));
    middleware::wrap(routes, state.clone(), max_body).with_state(state)
}

async fn not_found() -> crate::error::WebError {
    crate::error::WebError::NotFound
}
