//! A person's rights over their data, on the site: `/{town}/me/data` prepares a download of
//! everything held about them (every role with an account), and `/{town}/account/delete`
//! deletes the account after the password is typed again. Coordinators carry out deletions
//! asked for at the counter or on the phone (`coordinator/participants/deletion.rs`).

pub(crate) mod archive;
pub(crate) mod deletion;
mod pages;
pub(crate) mod prepare;
mod readable;
pub(crate) mod retention;

use axum::routing::get;

use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .route("/{town}/me/data", get(pages::show).post(pages::request))
        .route("/{town}/me/data/{id}/download", get(pages::download))
        .route(
            "/{town}/account/delete",
            get(pages::confirm_delete).post(pages::delete),
        )
}
