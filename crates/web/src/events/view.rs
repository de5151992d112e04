//! An event as people read it, in their language.

use chrono::{DateTime, Utc};
use domain::event::booking::BookingStatus;
use domain::event::childcare::Ratios;
use domain::local_time::to_jst;
use domain::participant::AgeBand;
use store::booking::StoredBooking;
use store::event::StoredEvent;

use crate::i18n::Lang;
use crate::page::Page;
use crate::shown_text::Shown;

pub struct EventView {
    pub href: String,
    pub title: Shown,
    pub kind: String,
    pub when: String,
    pub sessions: usize,
    pub place: String,
    pub online: bool,
    pub description: Shown,
    pub capacity: u32,
    pub seats_left: u32,
    pub waiting: i64,
    pub childcare: bool,
    /// Childcare places left per age band: (band label, places).
    pub care_left: Vec<(String, u32)>,
    pub children_programme: String,
    pub registration: String,
    pub open: bool,
    pub cancelled: bool,
    /// It has taken place (its last session is over).
    pub ended: bool,
    pub host: String,
}

/// e.g. 2026年12月10日（木） 10:00–12:00 / Thu 10 Dec 2026, 10:00–12:00
pub fn when(page: &Page, start: DateTime<Utc>, end: DateTime<Utc>) -> String {
    format!("{}–{}", page.date_time(start), to_jst(end).format("%H:%M"))
}

/// An event's title for a reader of `lang`.
pub fn title(lang: Lang, event: &StoredEvent) -> Shown {
    Shown::pick(lang, &event.title, &event.title_en)
}

/// Whether and until when people can book, in words.
fn registration_text(page: &Page, event: &StoredEvent, now: DateTime<Utc>) -> String {
    if event.is_cancelled() && !event.cancel_reason.is_empty() {
        page.t1(
            "event-registration-cancelled-because",
            "reason",
            event.cancel_reason.trim_end_matches(['。', '.']),
        )
    } else if event.is_cancelled() {
        page.t("event-registration-cancelled")
    } else if now < event.opens_at {
        page.t1(
            "event-registration-opens",
            "when",
            &page.date(to_jst(event.opens_at).date_naive()),
        )
    } else if now > event.closes_at {
        page.t("event-registration-closed")
    } else {
        page.t1(
            "event-registration-open-until",
            "when",
            &page.date_time(event.closes_at),
        )
    }
}

impl EventView {
    pub fn new(
        page: &Page,
        event: &StoredEvent,
        sessions: usize,
        ratios: &Ratios,
        now: DateTime<Utc>,
    ) -> Self {
        let slug = page
            .town
            .as_ref()
            .map(|t| t.slug.clone())
            .unwrap_or_default();
        let capacity = event.capacity();
        let taken = event.taken();
        let care_left = if event.childcare {
            AgeBand::ALL
                .iter()
                .map(|band| {
                    (
                        page.label(*band),
                        ratios.seats_left(capacity.carers, &taken.children, *band),
                    )
                })
                .collect()
        } else {
            Vec::new()
        };
        let open = !event.is_cancelled() && now >= event.opens_at && now <= event.closes_at;
        let registration = registration_text(page, event, now);
        Self {
            href: format!("/{slug}/events/{}", event.id),
            title: title(page.lang, event),
            kind: page.label(event.kind),
            when: when(page, event.starts_at, event.ends_at),
            sessions,
            place: event.place.clone(),
            online: !event.online_url.is_empty(),
            description: Shown::pick(page.lang, &event.description, &event.description_en),
            capacity: capacity.seats,
            seats_left: capacity.seats.saturating_sub(taken.seats),
            waiting: event.waiting,
            childcare: event.childcare,
            care_left,
            children_programme: event.children_programme.clone(),
            registration,
            open,
            cancelled: event.is_cancelled(),
            ended: now > event.ends_at,
            host: event.host_name.clone(),
        }
    }
}

/// A booking as a line: the event, when, the status and the children in care.
pub struct BookingView {
    pub id: i64,
    pub event_href: String,
    pub title: Shown,
    pub when: String,
    pub status: String,
    pub status_code: String,
    pub children: String,
    pub can_cancel: bool,
    pub can_confirm: bool,
    pub offered_until: String,
    pub person: String,
}

pub fn children_text(page: &Page, children: &domain::participant::Children) -> String {
    let items: Vec<String> = AgeBand::ALL
        .iter()
        .filter(|b| children.count(**b) > 0)
        .map(|b| {
            format!(
                "{} {}",
                page.label(*b),
                page.t1(
                    "event-children-count",
                    "count",
                    &children.count(*b).to_string()
                )
            )
        })
        .collect();
    page.join_list(&items)
}

impl BookingView {
    pub fn new(page: &Page, booking: &StoredBooking, now: DateTime<Utc>) -> Self {
        let slug = page
            .town
            .as_ref()
            .map(|t| t.slug.clone())
            .unwrap_or_default();
        let status = booking.status;
        Self {
            id: booking.id,
            event_href: format!("/{slug}/events/{}", booking.event_id),
            title: Shown::pick(page.lang, &booking.event_title, &booking.event_title_en),
            when: when(page, booking.event_starts_at, booking.event_ends_at),
            status: page.label(status),
            status_code: status.code().to_owned(),
            children: children_text(page, &booking.children()),
            can_cancel: status.is_active() && now <= booking.cancel_deadline,
            can_confirm: status == BookingStatus::Offered
                && booking.offered_until.is_some_and(|u| u >= now),
            offered_until: booking
                .offered_until
                .map(|u| page.date_time(u))
                .unwrap_or_default(),
            person: crate::shown_text::person_name(page.lang, &booking.participant_name),
        }
    }
}

domain::coded!(
    /// What a participant's page says after a booking move, from the redirect's `?done=…`.
    BookingDone {
        Confirmed = "confirmed" => "booking-done-confirmed",
        /// Confirmed with places in childcare for the children asked for.
        ConfirmedWithCare = "confirmed-with-care" => "booking-done-confirmed-with-care",
        Waitlisted = "waitlisted" => "booking-done-waitlisted",
        Cancelled = "cancelled" => "booking-done-cancelled",
        Stale = "stale" => "booking-done-stale",
        PastDeadline = "past-deadline" => "booking-done-past-deadline",
        FeedRevoked = "feed-revoked" => "booking-done-feed-revoked",
    }
);

domain::coded!(
    /// What the coordinator's event page says after a change, from `?done=…`.
    EventDone {
        Created = "created" => "event-done-created",
        Saved = "saved" => "event-done-saved",
        /// Saved, and the registrants were told of the new date or place.
        SavedTold = "saved-told" => "event-done-saved-told",
        Cancelled = "cancelled" => "event-done-cancelled",
        Attendance = "attendance" => "event-done-attendance",
        AttendanceNotYet = "attendance-not-yet" => "event-done-attendance-not-yet",
        AttendanceClosed = "attendance-closed" => "event-done-attendance-closed",
        CapacityChanged = "capacity-changed" => "event-done-capacity-changed",
        CapacityBelowBookings = "capacity-below-bookings" => "event-done-capacity-below-bookings",
        CapacityInvalid = "capacity-invalid" => "event-done-capacity-invalid",
        BookingCancelled = "booking-cancelled" => "event-done-booking-cancelled",
    }
);

impl EventDone {
    /// Whether it says that nothing was done.
    pub fn is_refusal(self) -> bool {
        matches!(
            self,
            EventDone::AttendanceNotYet
                | EventDone::AttendanceClosed
                | EventDone::CapacityBelowBookings
                | EventDone::CapacityInvalid
        )
    }
}
