//! The participant's own pages: their start page, the profile the matching engine reads, and
//! their consents.

mod consent;
mod home;
pub(crate) mod job_mail;
mod profile;
mod profile_form;
#[cfg(feature = "fuzzing")]
pub(crate) use profile_form::ProfileForm;

use axum::routing::{get, post};

use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .route("/{town}/me/", get(home::show))
        .route("/{town}/me/job-mail", post(job_mail::change))
        .route("/{town}/me/profile", get(profile::show).post(profile::save))
        .route(
            "/{town}/me/consent",
            get(consent::show).post(consent::change),
        )
}
