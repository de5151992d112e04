//! Bookings of events: reading them, cancelling and confirming, the waiting list (seats offered
//! in order, lapsing when not confirmed in time) and reminders. Placing a booking is
//! `booking_desk`; events themselves are `event`.

use chrono::{DateTime, Duration, Utc};
use domain::MunicipalityId;
use domain::event::booking::{self, BookingError, BookingStatus, Request};
use domain::event::childcare::Ratios;
use domain::participant::Children;

use crate::account::AccountId;
use crate::event::{EVENT_SELECT, StoredEvent, lock_event};
use crate::notification::{NewNotification, write_notifications};
use crate::{StoreError, TenantStore, Tx};

/// A booking with its person and event.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct StoredBooking {
    pub id: i64,
    pub event_id: i64,
    pub event_title: String,
    pub event_title_en: String,
    pub event_starts_at: DateTime<Utc>,
    pub event_ends_at: DateTime<Utc>,
    pub event_place: String,
    pub cancel_deadline: DateTime<Utc>,
    pub participant_id: i64,
    pub participant_name: String,
    #[sqlx(try_from = "String")]
    pub status: BookingStatus,
    pub children_age0: i32,
    pub children_age1_2: i32,
    pub children_age3_5: i32,
    pub children_school: i32,
    pub offered_until: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl StoredBooking {
    pub fn children(&self) -> Children {
        let n = |v: i32| u8::try_from(v).unwrap_or(0);
        Children([
            n(self.children_age0),
            n(self.children_age1_2),
            n(self.children_age3_5),
            n(self.children_school),
        ])
    }
}

/// What happened to a booking attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Booked {
    Placed { id: i64, status: BookingStatus },
    Refused(BookingError),
}

/// Seats offered to the waitlist by a change, for their notifications.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    pub booking_id: i64,
    pub participant_id: i64,
    pub offered_until: DateTime<Utc>,
}

const BOOKING_SELECT: &str = "SELECT b.id, b.event_id, e.title AS event_title, e.title_en AS event_title_en, e.starts_at AS event_starts_at, \
    e.ends_at AS event_ends_at, e.place AS event_place, e.cancel_deadline, b.participant_id, \
    a.display_name AS participant_name, b.status, b.children_age0, b.children_age1_2, b.children_age3_5, \
    b.children_school, b.offered_until, b.created_at \
    FROM booking b JOIN event e ON e.id = b.event_id JOIN account a ON a.id = b.participant_id";

/// How long a freed seat is held for the person offered it, unless the installation sets
/// another (`waitlist_offer_hours`).
pub const OFFER_HOURS: i64 = 24;

impl TenantStore<'_> {
    pub async fn booking(&self, id: i64) -> Result<Option<StoredBooking>, StoreError> {
        let sql = format!("{BOOKING_SELECT} WHERE b.municipality_id = $1 AND b.id = $2");
        let mut conn = self.store.conn().await?;
        let row = on_backend!(conn.exec(), c => sqlx::query_as::<_, StoredBooking>(&sql)
            .bind(self.municipality_id.0).bind(id).fetch_optional(c).await)?;
        Ok(row)
    }

    /// An event's bookings in waitlist order (by id).
    /// An event's bookings as staff see them (names, children), through
    /// [`crate::audit::Unshown::reveal`].
    pub async fn event_bookings_for_staff(
        &self,
        event: i64,
    ) -> Result<crate::audit::Unshown<Vec<StoredBooking>>, StoreError> {
        Ok(crate::audit::Unshown::new(
            self.event_bookings(event).await?,
        ))
    }

    /// An event's bookings, for working out whom to tell of a change (never for a page).
    pub async fn event_bookings(&self, event: i64) -> Result<Vec<StoredBooking>, StoreError> {
        let sql = format!(
            "{BOOKING_SELECT} WHERE b.municipality_id = $1 AND b.event_id = $2 ORDER BY b.id"
        );
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, StoredBooking>(&sql)
            .bind(self.municipality_id.0).bind(event).fetch_all(c).await)?;
        Ok(rows)
    }

    /// A participant's bookings, soonest event first.
    pub async fn participant_bookings(
        &self,
        participant: AccountId,
    ) -> Result<Vec<StoredBooking>, StoreError> {
        let sql = format!(
            "{BOOKING_SELECT} WHERE b.municipality_id = $1 AND b.participant_id = $2 ORDER BY e.starts_at, b.id"
        );
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, StoredBooking>(&sql)
            .bind(self.municipality_id.0).bind(participant.0).fetch_all(c).await)?;
        Ok(rows)
    }

    /// Cancels a booking held in `seen` status (by its person before the deadline, or by
    /// staff at any time: the caller checks who may) and offers the freed seat to the
    /// waitlist. `None` when the booking had moved on.
    pub async fn cancel_booking(
        &self,
        booking_id: i64,
        seen: BookingStatus,
        by: AccountId,
        (ratios, offer_hours): (&Ratios, i64),
        notifications: impl FnOnce(&[Offer]) -> Vec<NewNotification>,
    ) -> Result<Option<Vec<Offer>>, StoreError> {
        let now = Utc::now();
        let town = self.municipality_id;
        let mut tx = self.store.begin().await?;
        let event_id: Option<i64> = on_backend!(tx.exec(), c => sqlx::query_scalar(
            "SELECT event_id FROM booking WHERE municipality_id = $1 AND id = $2")
            .bind(town.0).bind(booking_id).fetch_optional(c).await)?;
        let Some(event_id) = event_id else {
            return Ok(None);
        };
        let Some(event) = lock_event(&mut tx, town, event_id).await? else {
            return Ok(None);
        };
        let changed = on_backend!(tx.exec(), c => sqlx::query(
            "UPDATE booking SET status = 'cancelled', updated_at = $1 WHERE id = $2 AND status = $3")
            .bind(now).bind(booking_id).bind(seen.code()).execute(c).await.map(|r| r.rows_affected()))?;
        if changed == 0 {
            return Ok(None);
        }
        let participant: i64 = on_backend!(tx.exec(), c => sqlx::query_scalar("SELECT participant_id FROM booking WHERE id = $1")
            .bind(booking_id).fetch_one(c).await)?;
        crate::participant::add_case_event(
            tx.exec(),
            town,
            AccountId(participant),
            domain::timeline::TimelineKind::Booked(BookingStatus::Cancelled),
            &event.title,
            Some(by),
            now,
        )
        .await?;
        let offers = promote_waitlist(&mut tx, town, event_id, ratios, now, offer_hours).await?;
        write_notifications(&mut tx, Some(town), &notifications(&offers), now).await?;
        tx.commit().await?;
        Ok(Some(offers))
    }

    /// The person offered a seat takes it; `false` if the offer had lapsed or moved on.
    pub async fn confirm_offer(
        &self,
        booking_id: i64,
        participant: AccountId,
    ) -> Result<bool, StoreError> {
        let now = Utc::now();
        let mut conn = self.store.conn().await?;
        let changed = on_backend!(conn.exec(), c => sqlx::query(
            "UPDATE booking SET status = 'confirmed', offered_until = NULL, updated_at = $1 \
             WHERE municipality_id = $2 AND id = $3 AND participant_id = $4 AND status = 'offered' AND offered_until >= $1")
            .bind(now).bind(self.municipality_id.0).bind(booking_id).bind(participant.0)
            .execute(c).await.map(|r| r.rows_affected()))?;
        Ok(changed == 1)
    }
}

pub(crate) async fn active_booking(
    tx: &mut Tx,
    event_id: i64,
    participant: AccountId,
) -> Result<bool, StoreError> {
    let n: i64 = on_backend!(tx.exec(), c => sqlx::query_scalar(
        "SELECT COUNT(*) FROM booking WHERE event_id = $1 AND participant_id = $2 AND status IN ('confirmed', 'waitlisted', 'offered')")
        .bind(event_id).bind(participant.0).fetch_one(c).await)?;
    Ok(n > 0)
}

/// Whether any session of another event the person is booked on overlaps one of this one's.
pub(crate) async fn overlaps(
    tx: &mut Tx,
    town: MunicipalityId,
    event: &StoredEvent,
    participant: AccountId,
) -> Result<bool, StoreError> {
    let n: i64 = on_backend!(tx.exec(), c => sqlx::query_scalar(
        "SELECT COUNT(*) FROM booking b JOIN event_session s ON s.event_id = b.event_id \
         JOIN event_session mine ON mine.event_id = $1 \
         WHERE b.municipality_id = $2 AND b.participant_id = $3 AND b.event_id <> $1 \
         AND b.status IN ('confirmed', 'waitlisted', 'offered') \
         AND s.starts_at < mine.ends_at AND mine.starts_at < s.ends_at")
        .bind(event.id).bind(town.0).bind(participant.0).fetch_one(c).await)?;
    Ok(n > 0)
}

/// Writes one booking inside the caller's transaction.
pub(crate) async fn insert_booking(
    tx: &mut Tx,
    (town, event_id): (MunicipalityId, i64),
    participant: AccountId,
    status: BookingStatus,
    request: &Request,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let c = request.children.0;
    let id: i64 = on_backend!(tx.exec(), conn => sqlx::query_scalar(
        "INSERT INTO booking (municipality_id, event_id, participant_id, status, children_age0, children_age1_2, \
         children_age3_5, children_school, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id")
        .bind(town.0).bind(event_id).bind(participant.0).bind(status.code())
        .bind(i32::from(c[0])).bind(i32::from(c[1])).bind(i32::from(c[2])).bind(i32::from(c[3])).bind(now)
        .fetch_one(conn).await)?;
    Ok(id)
}

/// Offers freed seats to the waitlist, in order (see `domain::event::booking::promote`).
pub(crate) async fn promote_waitlist(
    tx: &mut Tx,
    town: MunicipalityId,
    event_id: i64,
    ratios: &Ratios,
    now: DateTime<Utc>,
    offer_hours: i64,
) -> Result<Vec<Offer>, StoreError> {
    let sql = format!("{EVENT_SELECT} WHERE e.municipality_id = $1 AND e.id = $2");
    let Some(event) = on_backend!(tx.exec(), c => sqlx::query_as::<_, StoredEvent>(&sql)
        .bind(town.0).bind(event_id).fetch_optional(c).await)?
    else {
        return Ok(Vec::new());
    };
    let waiting_sql =
        format!("{BOOKING_SELECT} WHERE b.event_id = $1 AND b.status = 'waitlisted' ORDER BY b.id");
    let waiting = on_backend!(tx.exec(), c => sqlx::query_as::<_, StoredBooking>(&waiting_sql)
        .bind(event_id).fetch_all(c).await)?;
    let requests: Vec<Request> = waiting
        .iter()
        .map(|b| Request {
            children: b.children(),
        })
        .collect();
    let until = now + Duration::hours(offer_hours);
    let mut offers = Vec::new();
    for index in booking::promote(event.capacity(), &event.taken(), &requests, ratios) {
        let chosen = &waiting[index];
        on_backend!(tx.exec(), c => sqlx::query(
            "UPDATE booking SET status = 'offered', offered_until = $1, updated_at = $2 WHERE id = $3 AND status = 'waitlisted'")
            .bind(until).bind(now).bind(chosen.id).execute(c).await.map(|r| r.rows_affected()))?;
        offers.push(Offer {
            booking_id: chosen.id,
            participant_id: chosen.participant_id,
            offered_until: until,
        });
    }
    Ok(offers)
}

impl crate::Store {
    /// Offers not confirmed in time lapse, and their seats go to the next in line; returns
    /// the new offers per town for their notifications. Safe to run in several workers: each
    /// event is locked while its offers are settled.
    pub async fn lapse_offers(
        &self,
        now: DateTime<Utc>,
        (ratios, offer_hours): (&Ratios, i64),
    ) -> Result<Vec<(MunicipalityId, i64, Vec<Offer>)>, StoreError> {
        let mut conn = self.conn().await?;
        let due: Vec<(i64, i64)> = on_backend!(conn.exec(), c => sqlx::query_as(
            "SELECT DISTINCT municipality_id, event_id FROM booking WHERE status = 'offered' AND offered_until < $1")
            .bind(now).fetch_all(c).await)?;
        drop(conn);
        let mut out = Vec::new();
        for (town, event_id) in due {
            let town = MunicipalityId(town);
            let mut tx = self.begin().await?;
            if lock_event(&mut tx, town, event_id).await?.is_none() {
                continue;
            }
            on_backend!(tx.exec(), c => sqlx::query(
                "UPDATE booking SET status = 'lapsed', updated_at = $1 WHERE event_id = $2 AND status = 'offered' AND offered_until < $1")
                .bind(now).bind(event_id).execute(c).await.map(|r| r.rows_affected()))?;
            let offers =
                promote_waitlist(&mut tx, town, event_id, ratios, now, offer_hours).await?;
            tx.commit().await?;
            out.push((town, event_id, offers));
        }
        Ok(out)
    }

    /// Confirmed bookings of events starting within a day, not yet reminded.
    pub async fn bookings_to_remind(
        &self,
        now: DateTime<Utc>,
    ) -> Result<Vec<(i64, StoredBooking)>, StoreError> {
        let sql = format!(
            "{BOOKING_SELECT} WHERE b.status = 'confirmed' AND b.reminded_at IS NULL AND e.status = 'scheduled' \
             AND e.starts_at > $1 AND e.starts_at <= $2 ORDER BY b.id LIMIT 200"
        );
        let mut conn = self.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, StoredBooking>(&sql)
            .bind(now).bind(now + Duration::hours(24)).fetch_all(c).await)?;
        let mut out = Vec::new();
        for booking in rows {
            let town: i64 = on_backend!(conn.exec(), c => sqlx::query_scalar("SELECT municipality_id FROM booking WHERE id = $1")
                .bind(booking.id).fetch_one(c).await)?;
            out.push((town, booking));
        }
        Ok(out)
    }

    /// Marks a reminder sent and writes it, once.
    pub async fn remind_booking(
        &self,
        booking_id: i64,
        town: MunicipalityId,
        notifications: &[NewNotification],
    ) -> Result<bool, StoreError> {
        let now = Utc::now();
        let mut tx = self.begin().await?;
        let marked = on_backend!(tx.exec(), c => sqlx::query(
            "UPDATE booking SET reminded_at = $1 WHERE id = $2 AND reminded_at IS NULL")
            .bind(now).bind(booking_id).execute(c).await.map(|r| r.rows_affected()))?;
        if marked == 0 {
            return Ok(false);
        }
        write_notifications(&mut tx, Some(town), notifications, now).await?;
        tx.commit().await?;
        Ok(true)
    }
}

impl crate::audit::Subjects for StoredBooking {
    fn subjects(&self) -> Vec<i64> {
        vec![self.participant_id]
    }
}
