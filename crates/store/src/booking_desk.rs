//! Simultaneous bookings of one event, taken in turns. Each booking waits at its event's desk;
//! whoever holds the event's turn takes every booking waiting there and places them in one
//! transaction: the event locked and counted once, each booking checked and placed in arrival
//! order against the seats and childcare places the ones before it took, one commit. A rush of
//! a thousand people on one event costs a lock and a commit per batch rather than per person.
//!
//! The turn is per app process; between processes the event row's lock still decides
//! (`lock_event`), so the rule that no event is ever oversold holds everywhere. A batch that
//! fails is rolled back whole: everyone in it is told it failed, nothing of it is written.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::Utc;
use domain::event::booking::{self, BookingError, BookingStatus, Request, Taken};
use domain::event::childcare::Ratios;
use domain::participant::Children;
use tokio::sync::oneshot;

use crate::account::AccountId;
use crate::audit::NewAuditEntry;
use crate::booking::{Booked, active_booking, insert_booking, overlaps};
use crate::event::{StoredEvent, lock_event};
use crate::notification::{NewNotification, write_notifications};
use crate::program_fact::NewFact;
use crate::{Store, StoreError, TenantStore, Tx};
use domain::MunicipalityId;
use domain::audit::{AuditAction, AuditTarget};
use domain::report::FactKind;

/// What to tell the person, for either place a booking can get.
#[derive(Debug, Clone, Default)]
pub struct BookingNotices {
    pub confirmed: Vec<NewNotification>,
    pub waitlisted: Vec<NewNotification>,
}

impl BookingNotices {
    fn take(&mut self, status: BookingStatus) -> Vec<NewNotification> {
        match status {
            BookingStatus::Confirmed => std::mem::take(&mut self.confirmed),
            _ => std::mem::take(&mut self.waitlisted),
        }
    }
}

/// One booking asked for: who, for whom care is needed, what to tell them, and who asked (for
/// the audit log).
pub struct BookingAsk {
    pub participant: AccountId,
    pub request: Request,
    /// The parent's children per band, as the profile says.
    pub profile: Children,
    pub notices: BookingNotices,
    /// The audit entry of the request that asked; a placed booking is recorded with it, in the
    /// same transaction, as confirmed or waitlisted on the event (`None` writes no entry).
    pub audit: Option<NewAuditEntry>,
}

/// The entry recording a placed booking.
fn placed_entry(asked: &NewAuditEntry, event_id: i64, status: BookingStatus) -> NewAuditEntry {
    NewAuditEntry {
        action: if status == BookingStatus::Confirmed {
            AuditAction::EventBookingConfirmed
        } else {
            AuditAction::EventBookingWaitlisted
        },
        target_type: AuditTarget::Event,
        target_id: event_id.to_string(),
        detail: String::new(),
        ..asked.clone()
    }
}

struct Waiting {
    ask: BookingAsk,
    reply: oneshot::Sender<Result<Booked, StoreError>>,
}

#[derive(Default)]
struct Desk {
    waiting: Mutex<Vec<Waiting>>,
    turn: Arc<tokio::sync::Mutex<()>>,
}

/// The desks of the events being booked, one per event (dropped when nobody waits).
#[derive(Default)]
pub(crate) struct Desks(Mutex<HashMap<i64, Arc<Desk>>>);

impl std::fmt::Debug for Desks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let open = self.0.lock().map(|d| d.len()).unwrap_or_default();
        f.debug_struct("Desks").field("open", &open).finish()
    }
}

impl Desks {
    fn desk(&self, event: i64) -> Arc<Desk> {
        lock(&self.0).entry(event).or_default().clone()
    }

    /// Forgets an event's desk when no booking waits at it or holds it.
    fn tidy(&self, event: i64) {
        let mut desks = lock(&self.0);
        if desks.get(&event).is_some_and(|d| Arc::strong_count(d) == 1) {
            desks.remove(&event);
        }
    }
}

impl TenantStore<'_> {
    /// Books a place on an event: confirmed while seats and childcare places last, then on the
    /// waiting list; refused when the event is closed, cancelled, overlapping another booking
    /// or already booked. Bookings arriving together are placed together (see the module).
    pub async fn book(
        &self,
        event_id: i64,
        ask: BookingAsk,
        ratios: &Ratios,
    ) -> Result<Booked, StoreError> {
        let desks = &self.store.booking_desks;
        let desk = desks.desk(event_id);
        let (reply, answer) = oneshot::channel();
        lock(&desk.waiting).push(Waiting { ask, reply });
        let turn = desk.turn.clone().lock_owned().await;
        let batch = std::mem::take(&mut *lock(&desk.waiting));
        drop(desk);
        desks.tidy(event_id);
        if batch.is_empty() {
            // An earlier turn took this booking with its batch.
            drop(turn);
        } else {
            // Placed by a task of its own, holding the turn: a person who closes the page
            // mid-batch cancels nothing for the others in it.
            let (store, town, ratios) = (self.store.clone(), self.municipality_id, *ratios);
            tokio::spawn(async move {
                place_batch(&store, town, event_id, batch, &ratios).await;
                drop(turn);
            });
        }
        answer
            .await
            .unwrap_or(Err(StoreError::Batch("the booking was not taken".into())))
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// Places a batch in one transaction and answers everyone in it.
async fn place_batch(
    store: &Store,
    town: MunicipalityId,
    event_id: i64,
    batch: Vec<Waiting>,
    ratios: &Ratios,
) {
    let (asks, replies): (Vec<BookingAsk>, Vec<_>) =
        batch.into_iter().map(|w| (w.ask, w.reply)).unzip();
    match place_all(store, town, event_id, asks, ratios).await {
        Ok(answers) => {
            for (reply, answer) in replies.into_iter().zip(answers) {
                reply.send(Ok(answer)).ok();
            }
        }
        Err(error) => {
            tracing::error!(%error, event_id, people = replies.len(), "a batch of bookings failed");
            let shared = error.to_string();
            for reply in replies {
                let error = match &error {
                    StoreError::NotFound => StoreError::NotFound,
                    StoreError::Busy => StoreError::Busy,
                    _ => StoreError::Batch(shared.clone()),
                };
                reply.send(Err(error)).ok();
            }
        }
    }
}

/// Checks and places each booking in order, in one transaction with the event locked.
async fn place_all(
    store: &Store,
    town: MunicipalityId,
    event_id: i64,
    asks: Vec<BookingAsk>,
    ratios: &Ratios,
) -> Result<Vec<Booked>, StoreError> {
    let now = Utc::now();
    let mut tx = store.begin().await?;
    let Some(event) = lock_event(&mut tx, town, event_id).await? else {
        return Err(StoreError::NotFound);
    };
    let mut taken: Taken = event.taken();
    let mut answers = Vec::with_capacity(asks.len());
    for mut ask in asks {
        if let Some(refusal) = refusal(&mut tx, (town, &event), &ask, now).await? {
            answers.push(Booked::Refused(refusal));
            continue;
        }
        let status = booking::place(event.capacity(), &taken, &ask.request, ratios);
        if status == BookingStatus::Confirmed {
            taken = with_seat(taken, &ask.request);
        }
        let at = (town, event_id);
        let id = insert_booking(&mut tx, at, ask.participant, status, &ask.request, now).await?;
        let asked = if status == BookingStatus::Waitlisted {
            FactKind::Waitlisted
        } else {
            FactKind::Booked
        };
        let fact = NewFact::at(asked, now, ask.participant.0)
            .detail(event.kind.code())
            .subject(event_id);
        crate::program_fact::record(&mut tx, town, &fact).await?;
        crate::participant::add_case_event(
            tx.exec(),
            town,
            ask.participant,
            domain::timeline::TimelineKind::Booked(status),
            &event.title,
            Some(ask.participant),
            now,
        )
        .await?;
        write_notifications(&mut tx, Some(town), &ask.notices.take(status), now).await?;
        if let Some(asked) = &ask.audit {
            let entry = placed_entry(asked, event_id, status);
            crate::audit::insert_entry(&mut tx, &entry, &[], now).await?;
        }
        answers.push(Booked::Placed { id, status });
    }
    tx.commit().await?;
    Ok(answers)
}

/// Why a booking is refused outright, if it is.
async fn refusal(
    tx: &mut Tx,
    (town, event): (MunicipalityId, &StoredEvent),
    ask: &BookingAsk,
    now: chrono::DateTime<Utc>,
) -> Result<Option<BookingError>, StoreError> {
    if event.is_cancelled() {
        return Ok(Some(BookingError::EventCancelled));
    }
    let window = event.window();
    if let Err(refusal) =
        booking::admissible(window, now, event.capacity(), &ask.request, &ask.profile)
    {
        return Ok(Some(refusal));
    }
    if active_booking(tx, event.id, ask.participant).await? {
        return Ok(Some(BookingError::AlreadyBooked));
    }
    if overlaps(tx, town, event, ask.participant).await? {
        return Ok(Some(BookingError::Overlaps));
    }
    Ok(None)
}

/// What is taken once one more booking is confirmed: its seat and its children's places.
fn with_seat(taken: Taken, request: &Request) -> Taken {
    let mut children = taken.children;
    for (held, more) in children.0.iter_mut().zip(request.children.0) {
        *held = held.saturating_add(more);
    }
    Taken {
        seats: taken.seats.saturating_add(1),
        children,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_confirmed_booking_takes_its_seat_and_its_childrens_places() {
        let taken = Taken {
            seats: 3,
            children: Children([1, 0, 2, 0]),
        };
        let after = with_seat(
            taken,
            &Request {
                children: Children([0, 1, 1, 0]),
            },
        );
        assert_eq!(after.seats, 4);
        assert_eq!(after.children, Children([1, 1, 3, 0]));
    }
}
