//! Booking rules: a parent's seat and the childcare their children need are confirmed
//! together, or the whole booking waits; waiting bookings are offered seats in order as
//! places free up.

use chrono::{DateTime, Utc};

use super::childcare::{Ratios, plus};
use crate::participant::Children;

/// What an event holds, and what is taken (confirmed bookings and seats offered to the
/// waitlist count alike: an offered seat is held until it is confirmed or lapses).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capacity {
    pub seats: u32,
    /// Carers on duty in the childcare room; 0 when childcare is not offered.
    pub carers: u32,
    pub childcare: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Taken {
    pub seats: u32,
    pub children: Children,
}

/// Where a booking is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BookingStatus {
    Confirmed,
    Waitlisted,
    /// A seat freed up and is held for this person until `offered_until`.
    Offered,
    Cancelled,
    /// The offer was not confirmed in time.
    Lapsed,
}

impl BookingStatus {
    pub const ALL: [BookingStatus; 5] = [
        BookingStatus::Confirmed,
        BookingStatus::Waitlisted,
        BookingStatus::Offered,
        BookingStatus::Cancelled,
        BookingStatus::Lapsed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            BookingStatus::Confirmed => "confirmed",
            BookingStatus::Waitlisted => "waitlisted",
            BookingStatus::Offered => "offered",
            BookingStatus::Cancelled => "cancelled",
            BookingStatus::Lapsed => "lapsed",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Holding a seat (and its childcare).
    pub fn holds_seat(self) -> bool {
        matches!(self, BookingStatus::Confirmed | BookingStatus::Offered)
    }

    /// Still in the person's plans: blocks an overlapping booking.
    pub fn is_active(self) -> bool {
        matches!(
            self,
            BookingStatus::Confirmed | BookingStatus::Waitlisted | BookingStatus::Offered
        )
    }
}

/// Why a booking cannot be made at all (as opposed to waiting for a seat).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BookingError {
    #[error("registration has not opened")]
    NotOpenYet,
    #[error("registration has closed")]
    Closed,
    #[error("the event was cancelled")]
    EventCancelled,
    #[error("childcare is not offered at this event")]
    NoChildcare,
    #[error("more children than the profile has")]
    MoreChildrenThanProfile,
    #[error("the person already has a booking for this event")]
    AlreadyBooked,
    #[error("the person has another booking at the same time")]
    Overlaps,
}

impl BookingError {
    /// The message key's code: `error-booking-<code>`.
    pub fn code(self) -> &'static str {
        match self {
            BookingError::NotOpenYet => "not-open-yet",
            BookingError::Closed => "closed",
            BookingError::EventCancelled => "event-cancelled",
            BookingError::NoChildcare => "no-childcare",
            BookingError::MoreChildrenThanProfile => "more-children-than-profile",
            BookingError::AlreadyBooked => "already-booked",
            BookingError::Overlaps => "overlaps",
        }
    }
}

/// When registration is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
}

/// What a parent asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request {
    /// Children per band who need care during the event.
    pub children: Children,
}

/// The checks that refuse a booking outright; `profile` is the parent's children per band.
pub fn admissible(
    window: Window,
    now: DateTime<Utc>,
    capacity: Capacity,
    request: &Request,
    profile: &Children,
) -> Result<(), BookingError> {
    if now < window.opens_at {
        return Err(BookingError::NotOpenYet);
    }
    if now > window.closes_at {
        return Err(BookingError::Closed);
    }
    if request.children.total() > 0 && !capacity.childcare {
        return Err(BookingError::NoChildcare);
    }
    if request
        .children
        .0
        .iter()
        .zip(profile.0.iter())
        .any(|(asked, has)| asked > has)
    {
        return Err(BookingError::MoreChildrenThanProfile);
    }
    Ok(())
}

/// Whether a request fits beside what is taken: a seat, and carers for everyone's children.
pub fn fits(capacity: Capacity, taken: &Taken, request: &Request, ratios: &Ratios) -> bool {
    taken.seats < capacity.seats
        && (request.children.total() == 0
            || ratios.fits(capacity.carers, &plus(&taken.children, &request.children)))
}

/// A new booking is confirmed when it fits, and waits otherwise: never a seat without the
/// childcare it needs.
pub fn place(
    capacity: Capacity,
    taken: &Taken,
    request: &Request,
    ratios: &Ratios,
) -> BookingStatus {
    if fits(capacity, taken, request, ratios) {
        BookingStatus::Confirmed
    } else {
        BookingStatus::Waitlisted
    }
}

/// The waiting bookings (in waitlist order) to offer a seat to now: each in turn if it fits
/// beside what is taken and what was offered before it. A booking that needs more childcare
/// than is free does not block one behind it that fits (its place in the line is kept).
pub fn promote(
    capacity: Capacity,
    taken: &Taken,
    waiting: &[Request],
    ratios: &Ratios,
) -> Vec<usize> {
    let mut now = *taken;
    let mut offered = Vec::new();
    for (i, request) in waiting.iter().enumerate() {
        if now.seats >= capacity.seats {
            break;
        }
        if fits(capacity, &now, request, ratios) {
            now.seats += 1;
            now.children = plus(&now.children, &request.children);
            offered.push(i);
        }
    }
    offered
}

/// A capacity change may not leave fewer seats or carers than confirmed bookings hold.
pub fn capacity_holds(capacity: Capacity, taken: &Taken, ratios: &Ratios) -> bool {
    taken.seats <= capacity.seats && ratios.fits(capacity.carers, &taken.children)
}

crate::labels!(BookingStatus {
    BookingStatus::Confirmed => "booking-status-confirmed",
    BookingStatus::Waitlisted => "booking-status-waitlisted",
    BookingStatus::Offered => "booking-status-offered",
    BookingStatus::Cancelled => "booking-status-cancelled",
    BookingStatus::Lapsed => "booking-status-lapsed",
});
crate::stored_code!(BookingStatus, "booking status");
crate::labels!(BookingError {
    BookingError::NotOpenYet => "error-booking-not-open-yet",
    BookingError::Closed => "error-booking-closed",
    BookingError::EventCancelled => "error-booking-event-cancelled",
    BookingError::NoChildcare => "error-booking-no-childcare",
    BookingError::MoreChildrenThanProfile => "error-booking-more-children-than-profile",
    BookingError::AlreadyBooked => "error-booking-already-booked",
    BookingError::Overlaps => "error-booking-overlaps",
});

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn ratios() -> Ratios {
        Ratios::shipped()
    }

    fn kids(c: [u8; 4]) -> Request {
        Request {
            children: Children(c),
        }
    }

    const ROOM: Capacity = Capacity {
        seats: 3,
        carers: 1,
        childcare: true,
    };

    #[test]
    fn a_seat_and_its_childcare_are_confirmed_together_or_wait_together() {
        let none = Taken::default();
        assert_eq!(
            place(ROOM, &none, &kids([0, 1, 0, 0]), &ratios()),
            BookingStatus::Confirmed
        );
        // One carer already has 3 babies: a fourth baby waits, with the parent's seat.
        let babies = Taken {
            seats: 1,
            children: Children([3, 0, 0, 0]),
        };
        assert_eq!(
            place(ROOM, &babies, &kids([1, 0, 0, 0]), &ratios()),
            BookingStatus::Waitlisted
        );
        // A parent without children still gets the free seat.
        assert_eq!(
            place(ROOM, &babies, &kids([0, 0, 0, 0]), &ratios()),
            BookingStatus::Confirmed
        );
        let full = Taken {
            seats: 3,
            children: Children::default(),
        };
        assert_eq!(
            place(ROOM, &full, &kids([0, 0, 0, 0]), &ratios()),
            BookingStatus::Waitlisted
        );
    }

    #[test]
    fn promotion_goes_in_order_and_skips_only_what_cannot_fit() {
        // One seat and childcare for two more toddlers' worth frees up.
        let taken = Taken {
            seats: 1,
            children: Children([2, 0, 0, 0]),
        };
        let waiting = [kids([2, 0, 0, 0]), kids([0, 1, 0, 0]), kids([0, 0, 0, 0])];
        // The first needs two more babies (4 > 3 per carer): skipped, keeps its place; the
        // second fits; the third fits too (three seats in all).
        assert_eq!(promote(ROOM, &taken, &waiting, &ratios()), [1, 2]);
        let full = Taken {
            seats: 3,
            children: Children::default(),
        };
        assert!(promote(ROOM, &full, &waiting, &ratios()).is_empty());
    }

    #[test]
    fn bookings_outside_the_rules_are_refused() {
        let now = Utc::now();
        let open = Window {
            opens_at: now - Duration::days(1),
            closes_at: now + Duration::days(1),
        };
        let two = Children([0, 1, 1, 0]);
        assert_eq!(
            admissible(open, now, ROOM, &kids([0, 1, 0, 0]), &two),
            Ok(())
        );
        assert_eq!(
            admissible(open, now, ROOM, &kids([0, 2, 0, 0]), &two),
            Err(BookingError::MoreChildrenThanProfile)
        );
        let no_care = Capacity {
            childcare: false,
            carers: 0,
            ..ROOM
        };
        assert_eq!(
            admissible(open, now, no_care, &kids([0, 1, 0, 0]), &two),
            Err(BookingError::NoChildcare)
        );
        assert_eq!(
            admissible(open, now, no_care, &kids([0, 0, 0, 0]), &two),
            Ok(())
        );
        let later = Window {
            opens_at: now + Duration::hours(1),
            ..open
        };
        assert_eq!(
            admissible(later, now, ROOM, &kids([0; 4]), &two),
            Err(BookingError::NotOpenYet)
        );
        let past = Window {
            closes_at: now - Duration::hours(1),
            ..open
        };
        assert_eq!(
            admissible(past, now, ROOM, &kids([0; 4]), &two),
            Err(BookingError::Closed)
        );
    }

    #[test]
    fn capacity_cannot_drop_below_what_is_confirmed() {
        let taken = Taken {
            seats: 2,
            children: Children([2, 0, 0, 0]),
        };
        assert!(capacity_holds(ROOM, &taken, &ratios()));
        assert!(!capacity_holds(
            Capacity { seats: 1, ..ROOM },
            &taken,
            &ratios()
        ));
        assert!(!capacity_holds(
            Capacity { carers: 0, ..ROOM },
            &taken,
            &ratios()
        ));
    }
}
