//! Events: creating and listing them, their sessions, skills and capacity (see
//! `domain::event`). Editing and cancelling one is `event_change`; bookings are `booking`
//! (reading, cancelling, the waitlist) and `booking_desk` (placing them).
//!
//! Booking is atomic: the event's row is taken first (`lock_event`: `booking_version` is
//! bumped, which serializes bookings of one event on both backends), then what is taken is
//! counted and the domain rule decides; a parent's seat and their childcare are written
//! together, or the booking waits. Cancelling offers freed seats to the waitlist in the same
//! transaction.

use chrono::{DateTime, NaiveDate, Utc};
use domain::MunicipalityId;
use domain::event::booking::{self, Capacity, Taken, Window};
use domain::event::childcare::Ratios;
use domain::event::{EventDraft, EventKind, EventStatus};
use domain::participant::Children;

use crate::account::AccountId;
use crate::booking::Offer;
use crate::booking::promote_waitlist;
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
    /// Why it was cancelled, as the registrants were told (empty while it is scheduled).
    pub cancel_reason: String,
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

/// Which upcoming events to list.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    pub kind: Option<EventKind>,
    pub childcare_only: bool,
    pub from: Option<NaiveDate>,
    /// Include events not shown to the public (staff lists).
    pub include_private: bool,
}

/// The staff's lists of events: what is coming, what has ended (attendance is recorded after),
/// and what was called off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventTab {
    /// Scheduled and not yet ended, soonest first.
    Upcoming,
    /// Scheduled and ended, latest first.
    Past,
    /// Cancelled: those whose day was still to come first, then latest first.
    Cancelled,
}

/// How many events each tab holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct EventTabCounts {
    pub upcoming: i64,
    pub past: i64,
    pub cancelled: i64,
}

pub(crate) const EVENT_SELECT: &str = "SELECT e.id, e.kind, e.status, e.title, e.title_en, e.description, e.description_en, e.place, e.online_url, \
    e.starts_at, e.ends_at, e.capacity, e.opens_at, e.closes_at, e.cancel_deadline, e.childcare, e.carers, \
    e.children_programme, e.public, e.cancel_reason, e.host_id, h.display_name AS host_name, \
    (SELECT COUNT(*) FROM booking b WHERE b.event_id = e.id AND b.status IN ('confirmed', 'offered')) AS seats_taken, \
    (SELECT COUNT(*) FROM booking b WHERE b.event_id = e.id AND b.status = 'waitlisted') AS waiting, \
    (SELECT COALESCE(SUM(b.children_age0), 0) FROM booking b WHERE b.event_id = e.id AND b.status IN ('confirmed', 'offered')) AS care_age0, \
    (SELECT COALESCE(SUM(b.children_age1_2), 0) FROM booking b WHERE b.event_id = e.id AND b.status IN ('confirmed', 'offered')) AS care_age1_2, \
    (SELECT COALESCE(SUM(b.children_age3_5), 0) FROM booking b WHERE b.event_id = e.id AND b.status IN ('confirmed', 'offered')) AS care_age3_5, \
    (SELECT COALESCE(SUM(b.children_school), 0) FROM booking b WHERE b.event_id = e.id AND b.status IN ('confirmed', 'offered')) AS care_school, \
    (SELECT COUNT(*) FROM event_session s WHERE s.event_id = e.id) AS session_count \
    FROM event e JOIN account h ON h.id = e.host_id";

fn i32_of(v: u32) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

impl TenantStore<'_> {
    pub async fn create_event(
        &self,
        draft: &EventDraft,
        host: AccountId,
    ) -> Result<i64, StoreError> {
        let ids = self
            .create_events(std::slice::from_ref(draft), host)
            .await?;
        ids.first().copied().ok_or(StoreError::NotFound)
    }

    /// Creates several events (a series of consultation slots) in one transaction: all of
    /// them, or none.
    pub async fn create_events(
        &self,
        drafts: &[EventDraft],
        host: AccountId,
    ) -> Result<Vec<i64>, StoreError> {
        let now = Utc::now();
        let mut tx = self.store.begin().await?;
        let mut ids = Vec::with_capacity(drafts.len());
        for draft in drafts {
            ids.push(insert_event(&mut tx, self.municipality_id, (draft, host), now).await?);
        }
        tx.commit().await?;
        Ok(ids)
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

    /// One of the staff's lists, public and private events alike.
    pub async fn staff_events(
        &self,
        tab: EventTab,
        now: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<StoredEvent>, StoreError> {
        let condition = match tab {
            EventTab::Upcoming => {
                "e.status = 'scheduled' AND e.ends_at >= $2 ORDER BY e.starts_at, e.id"
            }
            EventTab::Past => {
                "e.status = 'scheduled' AND e.ends_at < $2 ORDER BY e.starts_at DESC, e.id DESC"
            }
            EventTab::Cancelled => {
                "e.status = 'cancelled' ORDER BY CASE WHEN e.ends_at >= $2 THEN 0 ELSE 1 END, e.starts_at DESC, e.id DESC"
            }
        };
        let sql = format!("{EVENT_SELECT} WHERE e.municipality_id = $1 AND {condition} LIMIT $3");
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, StoredEvent>(&sql)
            .bind(self.municipality_id.0).bind(now).bind(limit).fetch_all(c).await)?;
        Ok(rows)
    }

    /// How many events each of the staff's lists holds, in one query.
    pub async fn event_tab_counts(&self, now: DateTime<Utc>) -> Result<EventTabCounts, StoreError> {
        let mut conn = self.store.conn().await?;
        let counts = on_backend!(conn.exec(), c => sqlx::query_as::<_, EventTabCounts>(
            "SELECT COALESCE(SUM(CASE WHEN status = 'scheduled' AND ends_at >= $2 THEN 1 ELSE 0 END), 0) AS upcoming, \
             COALESCE(SUM(CASE WHEN status = 'scheduled' AND ends_at < $2 THEN 1 ELSE 0 END), 0) AS past, \
             COALESCE(SUM(CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END), 0) AS cancelled \
             FROM event WHERE municipality_id = $1")
            .bind(self.municipality_id.0).bind(now).fetch_one(c).await)?;
        Ok(counts)
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
}

/// Writes one event with its sessions and skills.
async fn insert_event(
    tx: &mut Tx,
    town: MunicipalityId,
    (draft, host): (&EventDraft, AccountId),
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let town = town.0;
    let first = draft.sessions.first().copied().unwrap_or((now, now));
    let last = draft.sessions.last().copied().unwrap_or(first);
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
    Ok(id)
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
