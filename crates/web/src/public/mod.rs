//! Pages for everyone, signed in or not: the list of towns and each town's home page.

mod home;
mod privacy;
mod towns;

use axum::routing::get;

use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .route("/", get(towns::index))
        .route("/{town}", get(home::redirect_to_slash))
        .route("/{town}/", get(home::home))
        .route("/{town}/privacy", get(privacy::show))
        .route("/{town}/accessibility", get(privacy::accessibility))
}
