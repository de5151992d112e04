//! Cancelling one booking, on a page of its own (no script needed): the person's own, which
//! the confirmation sends to `mine::change`; and staff cancelling someone's, for a reason the
//! person is told in the same transaction.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use chrono::Utc;
use domain::FieldErrors;
use domain::audit::{AuditAction, AuditTarget};
use serde::Deserialize;
use store::booking::StoredBooking;

use super::mine::cancel_and_offer;
use super::view::{BookingView, EventDone};
use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::{Found, WebError};
use crate::form::FieldView;
use crate::notify::booking as notices;
use crate::page::{Page, render};
use crate::state::AppState;
use crate::town::CurrentTown;

#[derive(askama::Template)]
#[template(path = "events/booking_cancel.html")]
struct ConfirmPage {
    page: Page,
    booking: BookingView,
    deadline: String,
    /// Staff only: whose booking it is, and the reason they will be told.
    staff: Option<(String, FieldView)>,
    has_errors: bool,
    action: String,
    back_href: String,
}

fn confirm_page(
    page: Page,
    booking: &StoredBooking,
    staff: Option<(&str, &FieldErrors)>,
    (action, back_href): (String, String),
) -> ConfirmPage {
    let view = BookingView::new(&page, booking, Utc::now());
    let staff = staff.map(|(typed, errors)| {
        let mut reason = FieldView::new(&page, "cancel_reason", "textarea", typed, errors)
            .hint(&page, "field-booking-cancel-reason-hint");
        reason.label = page.t("field-booking-cancel-reason");
        (booking.participant_name.clone(), reason)
    });
    ConfirmPage {
        deadline: page.date_time(booking.cancel_deadline),
        has_errors: staff.as_ref().is_some_and(|(_, r)| r.error.is_some()),
        booking: view,
        staff,
        action,
        back_href,
        page,
    }
}

/// The person's own booking, while it can still be cancelled.
pub async fn confirm_mine(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
) -> Result<Response, WebError> {
    let booking = state
        .store
        .tenant(&town)
        .booking(id)
        .await?
        .filter(|b| b.participant_id == account.id.0 && b.status.is_active())
        .ok_or(WebError::NotFound)?;
    let mine = format!("/{}/me/events", town.slug);
    if Utc::now() > booking.cancel_deadline {
        return Ok(Redirect::to(&format!("{mine}?done=past-deadline")).into_response());
    }
    let page = page.with_town(&town);
    let action = format!("/{}/me/bookings/{id}", town.slug);
    let view = confirm_page(page, &booking, None, (action, mine));
    Ok(render(StatusCode::OK, &view))
}

/// A booking of the event, still active, as staff see it: showing it names the person.
async fn staff_booking(
    state: &AppState,
    (town, audit): (&domain::Municipality, &Audit),
    (event, id): (i64, i64),
) -> Result<StoredBooking, WebError> {
    let booking = state
        .store
        .tenant(town)
        .booking(id)
        .await?
        .filter(|b| b.event_id == event && b.status.is_active())
        .ok_or(WebError::NotFound)?;
    audit
        .reveal(
            store::audit::Unshown::new(booking),
            Some(town.id),
            AuditAction::ParticipantEventBookingsViewed,
            (AuditTarget::Booking, &id.to_string()),
            "",
        )
        .await
        .map_err(WebError::from)
}

fn staff_paths(town: &domain::Municipality, event: i64, booking: i64) -> (String, String) {
    let base = format!("/{}/coordinator/events/{event}", town.slug);
    (format!("{base}/bookings/{booking}/cancel"), base)
}

pub async fn confirm_staff(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    Path((_, event, id)): Path<(String, i64, i64)>,
    page: Page,
    audit: Audit,
) -> Result<Response, WebError> {
    let booking = staff_booking(&state, (&town, &audit), (event, id)).await?;
    let page = page.with_town(&town);
    let none = FieldErrors::default();
    let paths = staff_paths(&town, event, id);
    let view = confirm_page(page, &booking, Some(("", &none)), paths);
    Ok(render(StatusCode::OK, &view))
}

#[derive(Deserialize, Default)]
pub struct StaffCancelForm {
    #[serde(default)]
    cancel_reason: String,
}

/// Cancels the booking for the reason given; the person is told, and the freed seat offered.
pub async fn cancel_staff(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    Path((_, event_id, id)): Path<(String, i64, i64)>,
    (page, audit): (Page, Audit),
    Form(form): Form<StaffCancelForm>,
) -> Result<Response, WebError> {
    let booking = staff_booking(&state, (&town, &audit), (event_id, id)).await?;
    let (action, base) = staff_paths(&town, event_id, id);
    let reason = match domain::event::cancel_reason(&form.cancel_reason) {
        Ok(reason) => reason,
        Err(errors) => {
            let typed = Some((form.cancel_reason.as_str(), &errors));
            let view = confirm_page(page.with_town(&town), &booking, typed, (action, base));
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view));
        }
    };
    let tenant = state.store.tenant(&town);
    let event = tenant.event(event_id).await.found()?;
    let person = store::account::AccountId(booking.participant_id);
    let recipients = tenant.recipients(&[person]).await?;
    let told = notices::booking_cancelled_by_staff(&state, &town, (&event, &reason), &recipients);
    let seen = (id, booking.status, account.id);
    if cancel_and_offer(&state, (&town, &event), seen, told).await? {
        audit
            .town_record(
                town.id,
                AuditAction::EventBookingCancelledByStaff,
                (AuditTarget::Booking, id),
            )
            .await?;
    }
    let done = EventDone::BookingCancelled.code();
    Ok(Redirect::to(&format!("{base}?done={done}")).into_response())
}
