//! Events, bookings, the waitlist, attendance and course credentials (see `domain::event`).
//!
//! Booking is atomic: the event's row is taken first (`booking_version` is bumped, which
//! serializes bookings of one event on both backends), then what is taken is counted and the
//! domain rule decides; a parent's seat and their childcare are written together, or the
//! booking waits. Cancelling offers freed seats to the waitlist in the same transaction.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use domain::MunicipalityId;
use domain::event::booking::{self, BookingError, BookingStatus, Capacity, Request, Taken, Window};
use domain::event::childcare::Ratios;
use domain::event::{EventDraft, EventKind, EventStatus};
use domain::participant::Children;

use crate::account::AccountId;
use crate::notification::{NewNotification, write_notifications};
use crate::{StoreError, TenantStore, Tx};

/// A stored event with what is taken.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct StoredEvent {
    pub id: i64,
    #[sqlx(try_from = "String")]
    pub kind: EventKind,
    #[sqlx(try_from = "String")]
    pub status: EventStatus,
    pub title: String,
    pub title_en: String,
    pub description: String,
    /// The English description (empty when none was written).
    pub description_en: String,
    pub place: String,
    pub online_url: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub capacity: i32,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub cancel_deadline: DateTime<Utc>,
    pub childcare: bool,
    pub carers: i32,
    pub children_programme: String,
    pub public: bool,
    pub host_id: i64,
    pub host_name: String,
    pub seats_taken: i64,
    pub waiting: i64,
    pub care_age0: i64,
    pub care_age1_2: i64,
    pub care_age3_5: i64,
    pub care_school: i64,
    /// How many sessions it has (a course has several), counted in the same query so a list
    /// of events is one query.
    pub session_count: i64,
}

impl StoredEvent {
    pub fn is_cancelled(&self) -> bool {
        self.status == EventStatus::Cancelled
    }

    pub fn capacity(&self) -> Capacity {
        Capacity {
            seats: u32::try_from(self.capacity).unwrap_or(0),
            carers: u32::try_from(self.carers).unwrap_or(0),
            childcare: self.childcare,
        }
    }

    /// Seats and children in care held by confirmed bookings and open offers.
    pub fn taken(&self) -> Taken {
        let n = |v: i64| u8::try_from(v).unwrap_or(u8::MAX);
        Taken {
            seats: u32::try_from(self.seats_taken).unwrap_or(u32::MAX),
            children: Children([
                n(self.care_age0),
                n(self.care_age1_2),
                n(self.care_age3_5),
                n(self.care_school),
            ]),
        }
    }

    pub fn window(&self) -> Window {
        Window {
            opens_at: self.opens_at,
            closes_at: self.closes_at,
        }
    }
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Session {
    pub id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

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

/// Which upcoming events to list.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    pub kind: Option<EventKind>,
    pub childcare_only: bool,
    pub from: Option<NaiveDate>,
    /// Include events not shown to the public (staff lists).
    pub include_private: bool,
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

const EVENT_SELECT: &str = "SELECT e.id, e.kind, e.status, e.title, e.title_en, e.description, e.description_en, e.place, e.online_url, \
    e.starts_at, e.ends_at, e.capacity, e.opens_at, e.closes_at, e.cancel_deadline, e.childcare, e.carers, \
    e.children_programme, e.public, e.host_id, h.display_name AS host_name, \
    (SELECT COUNT(*) FROM booking b WHERE b.event_id = e.id AND b.status IN ('confirmed', 'offered')) AS seats_taken, \
    (SELECT COUNT(*) FROM booking b WHERE b.event_id = e.id AND b.status = 'waitlisted') AS waiting, \
    (SELECT COALESCE(SUM(b.children_age0), 0) FROM booking b WHERE b.event_id = e.id AND b.status IN ('confirmed', 'offered')) AS care_age0, \
    (SELECT COALESCE(SUM(b.children_age1_2), 0) FROM booking b WHERE b.event_id = e.id AND b.status IN ('confirmed', 'offered')) AS care_age1_2, \
    (SELECT COALESCE(SUM(b.children_age3_5), 0) FROM booking b WHERE b.event_id = e.id AND b.status IN ('confirmed', 'offered')) AS care_age3_5, \
    (SELECT COALESCE(SUM(b.children_school), 0) FROM booking b WHERE b.event_id = e.id AND b.status IN ('confirmed', 'offered')) AS care_school, \
    (SELECT COUNT(*) FROM event_session s WHERE s.event_id = e.id) AS session_count \
    FROM event e JOIN account h ON h.id = e.host_id";

const BOOKING_SELECT: &str = "SELECT b.id, b.event_id, e.title AS event_title, e.title_en AS event_title_en, e.starts_at AS event_starts_at, \
    e.ends_at AS event_ends_at, e.place AS event_place, e.cancel_deadline, b.participant_id, \
    a.display_name AS participant_name, b.status, b.children_age0, b.children_age1_2, b.children_age3_5, \
    b.children_school, b.offered_until, b.created_at \
    FROM booking b JOIN event e ON e.id = b.event_id JOIN account a ON a.id = b.participant_id";

/// How long a freed seat is held for the person offered it, unless the installation sets
/// another (`waitlist_offer_hours`).
pub const OFFER_HOURS: i64 = 24;

fn i32_of(v: u32) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

impl TenantStore<'_> {
    pub async fn create_event(
        &self,
        draft: &EventDraft,
        host: AccountId,
    ) -> Result<i64, StoreError> {
        let now = Utc::now();
        let town = self.municipality_id.0;
        let first = draft.sessions.first().copied().unwrap_or((now, now));
        let last = draft.sessions.last().copied().unwrap_or(first);
        let mut tx = self.store.begin().await?;
        let id: i64 = on_backend!(tx.exec(), c => sqlx::query_scalar(
            "INSERT INTO event (municipality_id, kind, status, title, title_en, description, place, online_url, starts_at, \
             ends_at, capacity, opens_at, closes_at, cancel_deadline, childcare, carers, children_programme, public, host_id, created_at, \
             description_en) \
             VALUES ($1, $2, 'scheduled', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) RETURNING id")
            .bind(town).bind(draft.kind.code()).bind(&draft.title).bind(&draft.title_en).bind(&draft.description)
            .bind(&draft.place).bind(&draft.online_url).bind(first.0).bind(last.1).bind(i32_of(draft.capacity))
            .bind(draft.opens_at).bind(draft.closes_at).bind(draft.cancel_deadline).bind(draft.childcare)
            .bind(i32_of(draft.carers)).bind(&draft.children_programme).bind(draft.public).bind(host.0).bind(now)
            .bind(&draft.description_en).fetch_one(c).await)?;
        for (start, end) in &draft.sessions {
            on_backend!(tx.exec(), c => sqlx::query(
                "INSERT INTO event_session (municipality_id, event_id, starts_at, ends_at) VALUES ($1, $2, $3, $4)")
                .bind(town).bind(id).bind(start).bind(end).execute(c).await.map(|r| r.rows_affected()))?;
        }
        for (skill, level) in &draft.skills {
            on_backend!(tx.exec(), c => sqlx::query(
                "INSERT INTO event_skill (event_id, municipality_id, skill_id, level) VALUES ($1, $2, $3, $4)")
                .bind(id).bind(town).bind(skill).bind(i32::from(level.get())).execute(c).await.map(|r| r.rows_affected()))?;
        }
        tx.commit().await?;
        Ok(id)
    }

    pub async fn event(&self, id: i64) -> Result<Option<StoredEvent>, StoreError> {
        let sql = format!("{EVENT_SELECT} WHERE e.municipality_id = $1 AND e.id = $2");
        let mut conn = self.store.conn().await?;
        let row = on_backend!(conn.exec(), c => sqlx::query_as::<_, StoredEvent>(&sql)
            .bind(self.municipality_id.0).bind(id).fetch_optional(c).await)?;
        Ok(row)
    }

    /// Scheduled events ending after `now`, soonest first.
    pub async fn upcoming_events(
        &self,
        filter: &EventFilter,
        now: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<StoredEvent>, StoreError> {
        let from = filter
            .from
            .map(|d| domain::event::at_jst(d, chrono::NaiveTime::MIN))
            .map_or(now, |d| d.max(now));
        let sql = format!(
            "{EVENT_SELECT} WHERE e.municipality_id = $1 AND e.status = 'scheduled' AND e.ends_at >= $2 \
             AND ($3 = '' OR e.kind = $3) AND ($4 = FALSE OR e.childcare = TRUE) AND ($5 = TRUE OR e.public = TRUE) \
             ORDER BY e.starts_at, e.id LIMIT $6"
        );
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, StoredEvent>(&sql)
            .bind(self.municipality_id.0).bind(from).bind(filter.kind.map_or("", EventKind::code))
            .bind(filter.childcare_only).bind(filter.include_private).bind(limit).fetch_all(c).await)?;
        Ok(rows)
    }

    /// The sessions of several events in one query, by event.
    pub async fn sessions_of(
        &self,
        events: &[i64],
    ) -> Result<std::collections::HashMap<i64, Vec<Session>>, StoreError> {
        let mut by_event: std::collections::HashMap<i64, Vec<Session>> = Default::default();
        if events.is_empty() {
            return Ok(by_event);
        }
        let list = events
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(",");
        let sql = format!(
            "SELECT event_id, id, starts_at, ends_at FROM event_session \
             WHERE municipality_id = $1 AND event_id IN ({list}) ORDER BY event_id, starts_at"
        );
        let mut conn = self.store.conn().await?;
        let rows: Vec<(i64, i64, DateTime<Utc>, DateTime<Utc>)> = on_backend!(conn.exec(), c =>
            sqlx::query_as(&sql).bind(self.municipality_id.0).fetch_all(c).await)?;
        for (event, id, starts_at, ends_at) in rows {
            by_event.entry(event).or_default().push(Session {
                id,
                starts_at,
                ends_at,
            });
        }
        Ok(by_event)
    }

    pub async fn event_sessions(&self, event: i64) -> Result<Vec<Session>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, Session>(
            "SELECT id, starts_at, ends_at FROM event_session WHERE municipality_id = $1 AND event_id = $2 ORDER BY starts_at")
            .bind(self.municipality_id.0).bind(event).fetch_all(c).await)?;
        Ok(rows)
    }

    /// The skills a course teaches: (skill id, level reached).
    pub async fn event_skills(&self, event: i64) -> Result<Vec<(String, i32)>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as(
            "SELECT skill_id, level FROM event_skill WHERE municipality_id = $1 AND event_id = $2 ORDER BY skill_id")
            .bind(self.municipality_id.0).bind(event).fetch_all(c).await)?;
        Ok(rows)
    }

    /// Upcoming courses and the skills they teach: (event id, title, skill id, level), for
    /// the matching engine's gap explanations.
    pub async fn courses_teaching(
        &self,
        now: DateTime<Utc>,
    ) -> Result<Vec<(i64, String, String, i32)>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as(
            "SELECT e.id, e.title, s.skill_id, s.level FROM event e JOIN event_skill s ON s.event_id = e.id \
             WHERE e.municipality_id = $1 AND e.status = 'scheduled' AND e.closes_at >= $2 ORDER BY e.starts_at")
            .bind(self.municipality_id.0).bind(now).fetch_all(c).await)?;
        Ok(rows)
    }

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

    /// Cancels a whole event (staff): every active booking is cancelled with it.
    pub async fn cancel_event(
        &self,
        event_id: i64,
        notifications: impl FnOnce(&[StoredBooking]) -> Vec<NewNotification>,
    ) -> Result<bool, StoreError> {
        let now = Utc::now();
        let town = self.municipality_id;
        let affected: Vec<StoredBooking> = self
            .event_bookings(event_id)
            .await?
            .into_iter()
            .filter(|b| b.status.is_active())
            .collect();
        let mut tx = self.store.begin().await?;
        let changed = on_backend!(tx.exec(), c => sqlx::query(
            "UPDATE event SET status = 'cancelled', booking_version = booking_version + 1 \
             WHERE municipality_id = $1 AND id = $2 AND status = 'scheduled'")
            .bind(town.0).bind(event_id).execute(c).await.map(|r| r.rows_affected()))?;
        if changed == 0 {
            return Ok(false);
        }
        on_backend!(tx.exec(), c => sqlx::query(
            "UPDATE booking SET status = 'cancelled', updated_at = $1 WHERE event_id = $2 AND status IN ('confirmed', 'waitlisted', 'offered')")
            .bind(now).bind(event_id).execute(c).await.map(|r| r.rows_affected()))?;
        write_notifications(&mut tx, Some(town), &notifications(&affected), now).await?;
        tx.commit().await?;
        Ok(true)
    }
}

pub(crate) async fn lock_event(
    tx: &mut Tx,
    town: MunicipalityId,
    event_id: i64,
) -> Result<Option<StoredEvent>, StoreError> {
    let locked = on_backend!(tx.exec(), c => sqlx::query(
        "UPDATE event SET booking_version = booking_version + 1 WHERE municipality_id = $1 AND id = $2")
        .bind(town.0).bind(event_id).execute(c).await.map(|r| r.rows_affected()))?;
    if locked == 0 {
        return Ok(None);
    }
    let sql = format!("{EVENT_SELECT} WHERE e.municipality_id = $1 AND e.id = $2");
    let event = on_backend!(tx.exec(), c => sqlx::query_as::<_, StoredEvent>(&sql)
        .bind(town.0).bind(event_id).fetch_optional(c).await)?;
    Ok(event)
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
async fn promote_waitlist(
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

/// Why a capacity change was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CapacityChange {
    Changed,
    /// Fewer seats or carers than the confirmed bookings and open offers hold.
    BelowBookings,
    NotFound,
}

impl TenantStore<'_> {
    /// Changes an event's seats and carers, unless that would leave fewer than what is
    /// already confirmed (then nothing changes). More room offers seats to the waitlist.
    pub async fn change_capacity(
        &self,
        event_id: i64,
        seats: u32,
        carers: u32,
        ratios: &Ratios,
        offer_hours: i64,
    ) -> Result<(CapacityChange, Vec<Offer>), StoreError> {
        let now = Utc::now();
        let town = self.municipality_id;
        let mut tx = self.store.begin().await?;
        let Some(event) = lock_event(&mut tx, town, event_id).await? else {
            return Ok((CapacityChange::NotFound, Vec::new()));
        };
        let wanted = Capacity {
            seats,
            carers: if event.childcare { carers } else { 0 },
            childcare: event.childcare,
        };
        if !booking::capacity_holds(wanted, &event.taken(), ratios) {
            return Ok((CapacityChange::BelowBookings, Vec::new()));
        }
        on_backend!(tx.exec(), c => sqlx::query("UPDATE event SET capacity = $1, carers = $2 WHERE id = $3")
            .bind(i32_of(wanted.seats)).bind(i32_of(wanted.carers)).bind(event_id)
            .execute(c).await.map(|r| r.rows_affected()))?;
        let offers = promote_waitlist(&mut tx, town, event_id, ratios, now, offer_hours).await?;
        tx.commit().await?;
        Ok((CapacityChange::Changed, offers))
    }
}

impl crate::audit::Subjects for StoredBooking {
    fn subjects(&self) -> Vec<i64> {
        vec![self.participant_id]
    }
}
