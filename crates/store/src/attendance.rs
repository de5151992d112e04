//! Attendance per session, with the children left at childcare, and course credentials:
//! attending enough of a course's sessions (`domain::event::course`) awards the credential and
//! raises the person's skills, marked as verified by the course.

use chrono::{DateTime, Utc};
use domain::MunicipalityId;
use domain::event::EventKind;
use domain::event::course::completed;

use crate::account::AccountId;
use crate::booking::StoredBooking;
use crate::program_fact::NewFact;
use crate::{StoreError, TenantStore, Tx};
use domain::report::FactKind;

fn i32_of(v: u32) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

impl TenantStore<'_> {
    /// Records who came to a session (and how many children they left in care). Attending
    /// enough of a course's sessions awards its credential and raises the person's skills to
    /// the levels the course teaches; returns whether a credential was awarded now.
    pub async fn record_attendance(
        &self,
        session_id: i64,
        booking_id: i64,
        attended: bool,
        children_in_care: u32,
        by: AccountId,
    ) -> Result<bool, StoreError> {
        let now = Utc::now();
        let town = self.municipality_id;
        let Some(booking) = self.booking(booking_id).await? else {
            return Err(StoreError::NotFound);
        };
        let mut tx = self.store.begin().await?;
        on_backend!(tx.exec(), c => sqlx::query(
            "DELETE FROM attendance WHERE booking_id = $1 AND session_id = $2")
            .bind(booking_id).bind(session_id).execute(c).await.map(|r| r.rows_affected()))?;
        on_backend!(tx.exec(), c => sqlx::query(
            "INSERT INTO attendance (booking_id, session_id, municipality_id, attended, children_in_care, recorded_by, recorded_at) \
             SELECT $1, s.id, $2, $3, $4, $5, $6 FROM event_session s WHERE s.id = $7 AND s.event_id = $8 AND s.municipality_id = $2")
            .bind(booking_id).bind(town.0).bind(attended).bind(i32_of(children_in_care)).bind(by.0).bind(now)
            .bind(session_id).bind(booking.event_id).execute(c).await.map(|r| r.rows_affected()))?;
        let held_at = record_attended(
            &mut tx,
            town,
            (&booking, session_id),
            (attended, children_in_care),
        )
        .await?
        .unwrap_or(now);
        let (sessions, present): (i64, i64) = on_backend!(tx.exec(), c => sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM event_session WHERE event_id = $1), \
             (SELECT COUNT(*) FROM attendance WHERE booking_id = $2 AND attended = TRUE)")
            .bind(booking.event_id).bind(booking_id).fetch_one(c).await)?;
        let kind: String = on_backend!(tx.exec(), c => sqlx::query_scalar("SELECT kind FROM event WHERE id = $1")
            .bind(booking.event_id).fetch_one(c).await)?;
        let mut awarded = false;
        if kind == EventKind::Course.code()
            && completed(
                u32::try_from(present).unwrap_or(0),
                u32::try_from(sessions).unwrap_or(0),
            )
        {
            let inserted = on_backend!(tx.exec(), c => sqlx::query(
                "INSERT INTO credential (municipality_id, participant_id, event_id, awarded_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (participant_id, event_id) DO NOTHING")
                .bind(town.0).bind(booking.participant_id).bind(booking.event_id).bind(now)
                .execute(c).await.map(|r| r.rows_affected()))?;
            if inserted == 1 {
                awarded = true;
                // Completed on the day of the session that completed it.
                let fact = NewFact::at(FactKind::Credential, held_at, booking.participant_id)
                    .subject(booking.event_id);
                crate::program_fact::record(&mut tx, town, &fact).await?;
                grant_course_skills(&mut tx, town, &booking, now).await?;
            }
        }
        tx.commit().await?;
        Ok(awarded)
    }

    /// Attendance of an event: (booking id, session id, attended, children in care).
    pub async fn attendance(&self, event: i64) -> Result<Vec<(i64, i64, bool, i32)>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as(
            "SELECT a.booking_id, a.session_id, a.attended, a.children_in_care FROM attendance a \
             JOIN booking b ON b.id = a.booking_id WHERE b.municipality_id = $1 AND b.event_id = $2")
            .bind(self.municipality_id.0).bind(event).fetch_all(c).await)?;
        Ok(rows)
    }

    /// A person's recorded attendance by booking: (booking id, sessions attended, sessions
    /// recorded). Bookings with nothing recorded are absent.
    pub async fn participant_attendance(
        &self,
        participant: AccountId,
    ) -> Result<Vec<(i64, i64, i64)>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as(
            "SELECT a.booking_id, SUM(CASE WHEN a.attended THEN 1 ELSE 0 END), COUNT(*) FROM attendance a \
             JOIN booking b ON b.id = a.booking_id WHERE b.municipality_id = $1 AND b.participant_id = $2 \
             GROUP BY a.booking_id")
            .bind(self.municipality_id.0).bind(participant.0).fetch_all(c).await)?;
        Ok(rows)
    }

    /// Courses a person completed: (event id, title, awarded at).
    pub async fn credentials(
        &self,
        participant: AccountId,
    ) -> Result<Vec<(i64, String, DateTime<Utc>)>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as(
            "SELECT e.id, e.title, k.awarded_at FROM credential k JOIN event e ON e.id = k.event_id \
             WHERE k.municipality_id = $1 AND k.participant_id = $2 ORDER BY k.awarded_at")
            .bind(self.municipality_id.0).bind(participant.0).fetch_all(c).await)?;
        Ok(rows)
    }
}

/// Raises the person's skills to the levels the course teaches, marked as verified by the
/// course.
async fn grant_course_skills(
    tx: &mut Tx,
    town: MunicipalityId,
    booking: &StoredBooking,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let skills: Vec<(String, i32)> = on_backend!(tx.exec(), c => sqlx::query_as(
        "SELECT skill_id, level FROM event_skill WHERE event_id = $1")
        .bind(booking.event_id).fetch_all(c).await)?;
    for (skill, level) in skills {
        let evidence = format!("講座修了: {}", booking.event_title);
        let existing: Option<i32> = on_backend!(tx.exec(), c => sqlx::query_scalar(
            "SELECT level FROM participant_skill WHERE account_id = $1 AND skill_id = $2")
            .bind(booking.participant_id).bind(&skill).fetch_optional(c).await)?;
        match existing {
            Some(has) if has >= level => {}
            Some(_) => {
                on_backend!(tx.exec(), c => sqlx::query(
                    "UPDATE participant_skill SET level = $1, evidence = $2, verified_at = $3 WHERE account_id = $4 AND skill_id = $5")
                    .bind(level).bind(&evidence).bind(now).bind(booking.participant_id).bind(&skill)
                    .execute(c).await.map(|r| r.rows_affected()))?;
            }
            None => {
                on_backend!(tx.exec(), c => sqlx::query(
                    "INSERT INTO participant_skill (account_id, municipality_id, skill_id, level, evidence, verified_at) VALUES ($1, $2, $3, $4, $5, $6)")
                    .bind(booking.participant_id).bind(town.0).bind(&skill).bind(level).bind(&evidence).bind(now)
                    .execute(c).await.map(|r| r.rows_affected()))?;
            }
        }
    }
    crate::participant::add_case_event(
        tx.exec(),
        town,
        AccountId(booking.participant_id),
        domain::timeline::TimelineKind::CourseCompleted,
        &booking.event_title,
        None,
        now,
    )
    .await
}

/// The fact of a session attended or missed, on the session's day, replacing any recorded
/// before for the same person and session; the session's start, when it is the event's.
async fn record_attended(
    tx: &mut Tx,
    town: MunicipalityId,
    (booking, session): (&StoredBooking, i64),
    (attended, children): (bool, u32),
) -> Result<Option<DateTime<Utc>>, StoreError> {
    let person = booking.participant_id;
    let kinds = [
        FactKind::Attended,
        FactKind::NoShow,
        FactKind::ChildrenOfAge,
    ];
    crate::program_fact::forget(tx, town, &kinds, (person, session)).await?;
    let row: Option<(DateTime<Utc>, String)> = on_backend!(tx.exec(), c => sqlx::query_as(
        "SELECT s.starts_at, e.kind FROM event_session s JOIN event e ON e.id = s.event_id \
         WHERE s.id = $1 AND s.municipality_id = $2 AND s.event_id = $3")
        .bind(session).bind(town.0).bind(booking.event_id).fetch_optional(c).await)?;
    let Some((starts_at, kind)) = row else {
        return Ok(None);
    };
    let fact = NewFact {
        children: if attended { children } else { 0 },
        ..NewFact::at(
            if attended {
                FactKind::Attended
            } else {
                FactKind::NoShow
            },
            starts_at,
            person,
        )
    }
    .detail(&kind)
    .subject(session);
    crate::program_fact::record(tx, town, &fact).await?;
    if attended && children > 0 {
        for (band, count) in booked_children(booking) {
            let fact = NewFact {
                children: count,
                ..NewFact::at(FactKind::ChildrenOfAge, starts_at, person)
            }
            .detail(band.code())
            .subject(session);
            crate::program_fact::record(tx, town, &fact).await?;
        }
    }
    Ok(Some(starts_at))
}

/// The children a booking asked care for, by age band, leaving out empty bands.
fn booked_children(booking: &StoredBooking) -> Vec<(domain::participant::AgeBand, u32)> {
    let counts = [
        booking.children_age0,
        booking.children_age1_2,
        booking.children_age3_5,
        booking.children_school,
    ];
    domain::participant::AgeBand::ALL
        .into_iter()
        .zip(counts)
        .filter_map(|(band, n)| u32::try_from(n).ok().filter(|n| *n > 0).map(|n| (band, n)))
        .collect()
}

/// An event's attendance over all its sessions: present, absent, and children in care.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AttendanceTotals {
    pub present: i64,
    pub absent: i64,
    pub children: i64,
}

impl TenantStore<'_> {
    /// Every event's attendance totals in one grouped query, by event id.
    pub async fn attendance_totals(
        &self,
    ) -> Result<std::collections::HashMap<i64, AttendanceTotals>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows: Vec<(i64, i64, i64, i64)> = on_backend!(conn.exec(), c => sqlx::query_as(
            "SELECT b.event_id, \
             COALESCE(SUM(CASE WHEN a.attended THEN 1 ELSE 0 END), 0), \
             COALESCE(SUM(CASE WHEN a.attended THEN 0 ELSE 1 END), 0), \
             COALESCE(SUM(a.children_in_care), 0) \
             FROM attendance a JOIN booking b ON b.id = a.booking_id \
             WHERE a.municipality_id = $1 GROUP BY b.event_id")
            .bind(self.municipality_id.0).fetch_all(c).await)?;
        Ok(rows
            .into_iter()
            .map(|(event, present, absent, children)| {
                (
                    event,
                    AttendanceTotals {
                        present,
                        absent,
                        children,
                    },
                )
            })
            .collect())
    }
}
