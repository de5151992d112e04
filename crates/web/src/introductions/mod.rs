//! Introductions (紹介) on the web: coordinators make them from shortlists, team proposals and
//! batch drafts and see them through; participants read why a request fits and consent or
//! decline; organizations see the profiles shared with them and respond. The moves are
//! `domain::introduction`'s; the store applies each only from the state the person saw.

mod cancel;
mod coordinator;
mod forms;
mod meeting;
mod organization;
mod participant;

pub(crate) use participant::leave_open;
mod result;
mod shared;
mod staff_export;
mod view;

use axum::routing::{get, post};

use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .route("/{town}/coordinator/introductions", get(coordinator::list))
        .route(
            "/{town}/coordinator/introductions/export",
            get(staff_export::download),
        )
        .route(
            "/{town}/coordinator/introductions/{id}",
            get(coordinator::show).post(coordinator::advance),
        )
        .route(
            "/{town}/coordinator/introductions/{id}/cancel",
            get(cancel::confirm).post(cancel::cancel),
        )
        .route(
            "/{town}/coordinator/requests/{id}/introductions",
            post(coordinator::create),
        )
        .route(
            "/{town}/coordinator/proposals/drafts",
            post(coordinator::save_drafts),
        )
        .route("/{town}/me/introductions", get(participant::list))
        .route(
            "/{town}/me/provision-records.csv",
            get(participant::records_csv),
        )
        .route(
            "/{town}/me/introductions/{id}",
            get(participant::show).post(participant::answer),
        )
        .route(
            "/{town}/me/introductions/{id}/meeting",
            post(meeting::answer),
        )
        .route(
            "/{town}/me/introductions/{id}/meeting.ics",
            get(meeting::calendar),
        )
        .route("/{town}/org/introductions", get(organization::list))
        .route(
            "/{town}/org/introductions/{id}",
            get(organization::show).post(organization::advance),
        )
        .route(
            "/{town}/org/introductions/{id}/result",
            post(result::report),
        )
}
