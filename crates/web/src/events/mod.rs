//! Events with childcare: the public list and pages, booking, a participant's bookings and
//! calendar feed, and the coordinator's events with attendance (see `domain::event`).

mod mine;
mod public;
mod staff;
pub mod view;

#[cfg(feature = "fuzzing")]
pub(crate) use staff::EventForm;

use axum::routing::{get, post};

use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .route("/{town}/events", get(public::list))
        .route("/{town}/events.ics", get(public::public_feed))
        .route("/{town}/events/{id}", get(public::show).post(public::book))
        .route("/{town}/events/{id}/calendar", get(public::event_ics))
        .route("/{town}/calendar/{token}", get(public::private_feed))
        .route("/{town}/me/events", get(mine::show).post(mine::feed))
        .route("/{town}/me/bookings/{id}", post(mine::change))
        .route("/{town}/coordinator/events", get(staff::list))
        .route(
            "/{town}/coordinator/events/new",
            get(staff::new_form).post(staff::create),
        )
        .route(
            "/{town}/coordinator/events/{id}",
            get(staff::show).post(staff::act),
        )
}
