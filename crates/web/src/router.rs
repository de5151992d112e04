//! The whole application: the audience routers, assembled, and the layers every request
//! passes through. Only this module (and `lib.rs`) imports the audience modules.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;

use crate::routes::Routes;
use crate::state::AppState;
use crate::{
    account, assets, coordinator, health, language_switch, middleware, operator, participant,
    policy, public, requests, role_homes,
};

/// Every route of the application, wrapped in the shared layers (outermost first): request
/// id, tracing, metrics, security headers, compression, translated error pages, body limit,
/// session, CSRF; then, for matched routes, the access policy.
pub fn router(state: AppState) -> Router {
    let max_body = state.config.max_body_bytes;
    let routes = Routes::new()
        .route("/healthz", get(health::healthz))
        .route("/metrics", get(health::metrics))
        .route("/static/{file}", get(assets::asset))
        .route("/lang/{code}", get(language_switch::switch))
        .merge(public::routes())
        .merge(account::routes())
        .merge(role_homes::routes())
        .merge(crate::town_reports::routes())
        .merge(crate::town_settings::routes())
        .merge(participant::routes())
        .merge(requests::routes())
        .merge(crate::organization_home::routes())
        .merge(coordinator::routes())
        .merge(crate::introductions::routes())
        .merge(crate::notifications::routes())
        .merge(crate::my_data::routes())
        .merge(crate::list_export::routes())
        .merge(crate::events::routes())
        .merge(operator::routes())
        .into_router()
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            policy::authorize,
        ))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(max_body));
    middleware::wrap(routes, state.clone(), max_body).with_state(state)
}

async fn not_found() -> crate::error::WebError {
    crate::error::WebError::NotFound
}
