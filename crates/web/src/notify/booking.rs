//! Who is told what about bookings.

use domain::Municipality;
use domain::event::booking::BookingStatus;
use store::event::StoredEvent;
use store::notification::{NewNotification, Recipient};

use super::{Arg, Notice, NoticeKind, compose};
use crate::state::AppState;

fn args(event: &StoredEvent) -> Vec<(&'static str, Arg)> {
    vec![
        (
            "event",
            Arg::Titled {
                ja: event.title.clone(),
                en: event.title_en.clone(),
            },
        ),
        ("when", Arg::Span(event.starts_at, event.ends_at)),
        ("place", Arg::Text(event.place.clone())),
    ]
}

fn mine(town: &Municipality) -> String {
    format!("/{}/me/events", town.slug)
}

/// After booking: confirmed, or on the waitlist.
/// What the person is told for either place the booking gets.
pub fn booked(
    state: &AppState,
    town: &Municipality,
    event: &StoredEvent,
    recipients: &[Recipient],
) -> store::booking_desk::BookingNotices {
    let told = |status| booked_as(state, town, event, status, recipients);
    store::booking_desk::BookingNotices {
        confirmed: told(BookingStatus::Confirmed),
        waitlisted: told(BookingStatus::Waitlisted),
    }
}

fn booked_as(
    state: &AppState,
    town: &Municipality,
    event: &StoredEvent,
    status: BookingStatus,
    recipients: &[Recipient],
) -> Vec<NewNotification> {
    let kind = if status == BookingStatus::Confirmed {
        NoticeKind::BookingConfirmed
    } else {
        NoticeKind::BookingWaitlisted
    };
    compose(
        state,
        town,
        &Notice {
            kind,
            args: args(event),
            link: mine(town),
        },
        recipients,
    )
}

/// A seat freed up and is held for them until `until`.
pub fn seat_offered(
    state: &AppState,
    town: &Municipality,
    event: &StoredEvent,
    until: chrono::DateTime<chrono::Utc>,
    recipients: &[Recipient],
) -> Vec<NewNotification> {
    let mut args = args(event);
    args.push(("until", Arg::At(until)));
    compose(
        state,
        town,
        &Notice {
            kind: NoticeKind::SeatOffered,
            args,
            link: mine(town),
        },
        recipients,
    )
}

/// The event was cancelled by the town, for `reason`.
pub fn event_cancelled(
    state: &AppState,
    town: &Municipality,
    (event, reason): (&StoredEvent, &str),
    recipients: &[Recipient],
) -> Vec<NewNotification> {
    let link = format!("/{}/events/{}", town.slug, event.id);
    let notice = with_reason(NoticeKind::EventCancelled, (event, reason), link);
    compose(state, town, &notice, recipients)
}

/// Staff cancelled the person's booking, for the reason given.
pub fn booking_cancelled_by_staff(
    state: &AppState,
    town: &Municipality,
    (event, reason): (&StoredEvent, &str),
    recipients: &[Recipient],
) -> Vec<NewNotification> {
    let notice = with_reason(
        NoticeKind::BookingCancelledByStaff,
        (event, reason),
        mine(town),
    );
    compose(state, town, &notice, recipients)
}

/// A notice about the event that gives staff's reason.
fn with_reason(kind: NoticeKind, (event, reason): (&StoredEvent, &str), link: String) -> Notice {
    let mut args = args(event);
    args.push(("reason", Arg::Reason(reason.to_owned())));
    Notice { kind, args, link }
}

/// The event's date, time or place changed: `event` as it is now.
pub fn event_changed(
    state: &AppState,
    town: &Municipality,
    event: &StoredEvent,
    recipients: &[Recipient],
) -> Vec<NewNotification> {
    about_event(state, (town, event), NoticeKind::EventChanged, recipients)
}

/// The day before.
pub fn reminder(
    state: &AppState,
    town: &Municipality,
    event: &StoredEvent,
    recipients: &[Recipient],
) -> Vec<NewNotification> {
    about_event(state, (town, event), NoticeKind::EventReminder, recipients)
}

/// A notice about the event itself, linking to its page.
fn about_event(
    state: &AppState,
    (town, event): (&Municipality, &StoredEvent),
    kind: NoticeKind,
    recipients: &[Recipient],
) -> Vec<NewNotification> {
    compose(
        state,
        town,
        &Notice {
            kind,
            args: args(event),
            link: format!("/{}/events/{}", town.slug, event.id),
        },
        recipients,
    )
}

/// Everyone holding a place or waiting for one at an event: who is told when it changes.
pub async fn registrant_recipients(
    tenant: &store::TenantStore<'_>,
    event: i64,
) -> Result<Vec<Recipient>, store::StoreError> {
    let people: Vec<store::account::AccountId> = tenant
        .event_bookings(event)
        .await?
        .iter()
        .filter(|b| b.status.is_active())
        .map(|b| store::account::AccountId(b.participant_id))
        .collect();
    tenant.recipients(&people).await
}

/// Everyone on an event's waiting list, loaded before a change that may offer them seats, so
/// the offers' notices can go in the change's own transaction.
pub async fn waiting_recipients(
    tenant: &store::TenantStore<'_>,
    event: i64,
) -> Result<Vec<Recipient>, store::StoreError> {
    let waiting: Vec<store::account::AccountId> = tenant
        .event_bookings(event)
        .await?
        .iter()
        .filter(|b| b.status == BookingStatus::Waitlisted)
        .map(|b| store::account::AccountId(b.participant_id))
        .collect();
    tenant.recipients(&waiting).await
}

/// The notices of seats offered, each to its person.
pub fn offers_made(
    state: &AppState,
    town: &Municipality,
    event: &StoredEvent,
    offers: &[store::booking::Offer],
    waiting: &[Recipient],
) -> Vec<NewNotification> {
    offers
        .iter()
        .flat_map(|offer| {
            let to: Vec<_> = waiting
                .iter()
                .filter(|r| r.id == offer.participant_id)
                .cloned()
                .collect();
            seat_offered(state, town, event, offer.offered_until, &to)
        })
        .collect()
}
