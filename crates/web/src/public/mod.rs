//! Pages for everyone, signed in or not: the list of towns and each town's home page.

mod home;
mod towns;

use axum::Router;
use axum::routing::get;

use crate::router::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(towns::index))
        .route("/{town}", get(home::redirect_to_slash))
        .route("/{town}/", get(home::home))
}
