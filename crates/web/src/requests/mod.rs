//! Requests (依頼): organizations post jobs and team projects, coordinators review and publish
//! them, and the public finds them.

pub mod batch_run;
pub mod close;
pub mod form;
pub mod interest;
pub mod interested;
pub mod manage;
pub mod matches;
pub mod moves;
pub mod organization;
pub mod public;
pub mod queue_export;
pub mod review;
pub mod saved;
pub mod team_view;
pub mod view;

use axum::routing::{get, post};

use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .merge(interest_routes())
        .route("/{town}/requests", get(public::list))
        .route("/{town}/requests/{id}", get(public::show))
        .route(
            "/{town}/work-with-us",
            get(public::enquiry_form).post(public::enquiry_submit),
        )
        .route(
            "/{town}/org/requests/new",
            get(organization::new_form).post(organization::create),
        )
        .route(
            "/{town}/org/requests/{id}",
            get(organization::show).post(organization::update),
        )
        .route(
            "/{town}/org/requests/{id}/status",
            post(organization::change_status),
        )
        .route(
            "/{town}/org/requests/{id}/close",
            get(organization::confirm_close),
        )
        .route("/{town}/coordinator/requests", get(review::list))
        .route(
            "/{town}/coordinator/requests/export",
            get(queue_export::download),
        )
        .route(
            "/{town}/coordinator/requests/new",
            get(review::new_form).post(review::create),
        )
        .route(
            "/{town}/coordinator/requests/{id}",
            get(review::show).post(review::update),
        )
        .route(
            "/{town}/coordinator/requests/{id}/status",
            post(review::change_status),
        )
        .route(
            "/{town}/coordinator/requests/{id}/close",
            get(review::confirm_close),
        )
        .route("/{town}/coordinator/enquiries", get(review::enquiries))
        .route(
            "/{town}/coordinator/enquiries/{id}",
            post(review::handle_enquiry),
        )
}

/// A resident's "この仕事について相談したい", and the coordinators' side of it.
fn interest_routes() -> Routes {
    Routes::new()
        .route(
            "/{town}/requests/{id}/interest",
            get(interest::show).post(interest::submit),
        )
        .route(
            "/{town}/me/interests/{id}/withdraw",
            post(interest::withdraw),
        )
        .route("/{town}/requests/{id}/save", post(saved::save))
        .route("/{town}/coordinator/interests", get(interested::waiting))
        .route(
            "/{town}/coordinator/interests/{id}/answered",
            post(interested::answer),
        )
}
