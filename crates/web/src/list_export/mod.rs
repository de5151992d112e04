//! Staff lists too long to download while the browser waits. The list's download asks first
//! ([`pages::ask`]); the worker then makes the file a batch of rows at a time ([`make`]),
//! keeping its progress for the requester's page ([`pages::show`]), tells them in お知らせ when
//! it is done, and keeps the file for a day for them alone ([`pages::download`]).

pub mod make;
pub(crate) mod pages;

use axum::routing::get;

use crate::routes::Routes;

domain::coded!(
    /// A list that can be made in the background.
    ExportedList {
        Participants = "participants" => "list-export-participants",
    }
);

/// Rows read in one batch; the progress moves after each.
pub const BATCH: i64 = 500;

/// The page of download `id`.
pub fn href(slug: &str, id: i64) -> String {
    format!("/{slug}/exports/{id}")
}

pub fn routes() -> Routes {
    Routes::new()
        .route("/{town}/exports/{id}", get(pages::show))
        .route("/{town}/exports/{id}/download", get(pages::download))
}
