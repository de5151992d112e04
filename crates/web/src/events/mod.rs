//! Events with childcare: the public list and pages, booking, a participant's bookings and
//! calendar feed, and the coordinator's events: lists and the form (`schedule`), one event's
//! page with attendance (`staff`), cancelling one (`cancel`), cancelling one booking
//! (`booking_cancel`), consultation slots in series
//! (`slots`). See `domain::event`.

mod booking_cancel;
mod cancel;
mod export;
mod form;
mod mine;
mod public;
pub(crate) mod schedule;
mod slots;
mod staff;
pub mod view;

#[cfg(feature = "fuzzing")]
pub(crate) use form::EventForm;
pub(crate) use mine::cancel_and_offer;

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
        .route(
            "/{town}/me/bookings/{id}/cancel",
            get(booking_cancel::confirm_mine),
        )
        .route(
            "/{town}/coordinator/events/{id}/bookings/{booking}/cancel",
            get(booking_cancel::confirm_staff).post(booking_cancel::cancel_staff),
        )
        .route("/{town}/coordinator/events", get(schedule::list))
        .route("/{town}/coordinator/events/export", get(export::download))
        .route(
            "/{town}/coordinator/events/new",
            get(schedule::new_form).post(schedule::create),
        )
        .route(
            "/{town}/coordinator/events/slots",
            get(slots::form).post(slots::create),
        )
        .route(
            "/{town}/coordinator/events/{id}/edit",
            get(schedule::edit_form).post(schedule::save_edit),
        )
        .route(
            "/{town}/coordinator/events/{id}/cancel",
            get(cancel::confirm).post(cancel::cancel),
        )
        .route(
            "/{town}/coordinator/events/{id}",
            get(staff::show).post(staff::act),
        )
}
