//! What a town's staff set for their town: what its pages say and its announcements
//! (`page`), the areas and travel minutes the engine uses (`travel`), and the log of requests
//! under the personal-data law made outside the site (`data_requests`), and the draft of the
//! program's entry in the town's 個人情報ファイル簿 (`file_register`).

mod data_requests;
mod file_register;
pub mod page;
mod privacy;
mod retention;
pub mod travel;

use axum::routing::{get, post};

use crate::page::Page;
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .route(
            "/{town}/town/travel",
            get(travel::show).post(travel::replace),
        )
        .route("/{town}/town/settings", get(page::show).post(page::save))
        .route(
            "/{town}/town/data-requests",
            get(data_requests::list).post(data_requests::log),
        )
        .route(
            "/{town}/town/privacy",
            get(privacy::show).post(privacy::publish),
        )
        .route(
            "/{town}/town/retention",
            get(retention::show).post(retention::save),
        )
        .route(
            "/{town}/town/data-requests/deadline",
            post(data_requests::set_deadline),
        )
        .route(
            "/{town}/town/data-requests/{id}",
            get(data_requests::show).post(data_requests::close),
        )
        .route("/{town}/town/file-register", get(file_register::show))
        .route("/{town}/town/news", post(page::add_news))
        .route("/{town}/town/news/{id}/delete", post(page::remove_news))
        .route("/{town}/town/logo", post(page::save_logo))
        .route("/{town}/theme.css", get(page::theme))
        .route("/{town}/logo", get(page::logo))
}

/// The staff's links to these pages, as (href, words).
pub fn links(page: &Page, slug: &str) -> Vec<(String, String)> {
    vec![
        (
            format!("/{slug}/town/settings"),
            page.t("town-settings-title"),
        ),
        (format!("/{slug}/town/travel"), page.t("travel-title")),
    ]
}
