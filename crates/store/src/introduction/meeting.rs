//! The person's answer to a proposed meeting time, and the reminder the day before it.

use chrono::{DateTime, Duration, Utc};
use domain::availability::WeeklyAvailability;
use domain::introduction::IntroductionStatus;
use domain::introduction::meeting::MeetingAnswer;
use domain::municipality::MunicipalityId;

use crate::account::AccountId;
use crate::notification::{NewNotification, write_notifications};
use crate::{Store, StoreError, TenantStore};

/// What a proposed meeting time is checked against: each member's week and the times of the
/// events they have a confirmed place at.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MembersTime {
    pub weeks: Vec<WeeklyAvailability>,
    pub booked: Vec<(DateTime<Utc>, DateTime<Utc>)>,
}

impl TenantStore<'_> {
    /// The members' weeks and booked event times, for checking a proposed meeting time; one
    /// connection, two queries.
    pub async fn members_time(&self, introduction: i64) -> Result<MembersTime, StoreError> {
        let town = self.municipality_id.0;
        let mut conn = self.store.conn().await?;
        let weeks: Vec<String> = on_backend!(conn.exec(), c => sqlx::query_scalar(
            "SELECT p.availability FROM participant_profile p \
             JOIN introduction_member m ON m.participant_id = p.account_id \
             WHERE m.introduction_id = $1 AND p.municipality_id = $2 ORDER BY p.account_id")
            .bind(introduction).bind(town).fetch_all(c).await)?;
        let booked = on_backend!(conn.exec(), c => sqlx::query_as::<_, (DateTime<Utc>, DateTime<Utc>)>(
            "SELECT e.starts_at, e.ends_at FROM booking b JOIN event e ON e.id = b.event_id \
             JOIN introduction_member m ON m.participant_id = b.participant_id \
             WHERE m.introduction_id = $1 AND b.municipality_id = $2 AND b.status = 'confirmed' \
             AND e.status = 'scheduled' ORDER BY e.starts_at")
            .bind(introduction).bind(town).fetch_all(c).await)?;
        let weeks = weeks
            .iter()
            .map(|hex| WeeklyAvailability::from_hex(hex).map_err(|e| super::corrupt(e.to_string())))
            .collect::<Result<_, _>>()?;
        Ok(MembersTime { weeks, booked })
    }

    /// A member's answer to the meeting time proposed last: applied only while the meeting is
    /// scheduled at `seen` and still waiting for an answer, so an answer to a time since
    /// replaced changes nothing. Whether it applied.
    pub async fn answer_meeting(
        &self,
        (id, participant): (i64, AccountId),
        (seen, answer, note): (DateTime<Utc>, MeetingAnswer, &str),
        notifications: &[NewNotification],
    ) -> Result<bool, StoreError> {
        let now = Utc::now();
        let mut tx = self.store.begin().await?;
        let changed = on_backend!(tx.exec(), c => sqlx::query(
            "UPDATE introduction SET meeting_answer = $1, meeting_answer_note = $2, updated_at = $3 \
             WHERE municipality_id = $4 AND id = $5 AND status = $6 AND meeting_answer = 'waiting' \
             AND meeting_at = $7 AND EXISTS (SELECT 1 FROM introduction_member m \
               WHERE m.introduction_id = introduction.id AND m.participant_id = $8)")
            .bind(answer.code()).bind(note).bind(now).bind(self.municipality_id.0).bind(id)
            .bind(IntroductionStatus::MeetingScheduled.code()).bind(seen).bind(participant.0)
            .execute(c).await.map(|r| r.rows_affected()))?;
        if changed == 0 {
            return Ok(false);
        }
        write_notifications(&mut tx, Some(self.municipality_id), notifications, now).await?;
        tx.commit().await?;
        Ok(true)
    }
}

/// A meeting to remind its people of: the introduction, its town and the time.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct MeetingDue {
    pub introduction_id: i64,
    pub municipality_id: i64,
    pub meeting_at: DateTime<Utc>,
}

impl Store {
    /// Scheduled meetings within a day whose people have not been reminded and did not ask
    /// for another time.
    pub async fn meetings_to_remind(
        &self,
        now: DateTime<Utc>,
    ) -> Result<Vec<MeetingDue>, StoreError> {
        let mut conn = self.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, MeetingDue>(
            "SELECT id AS introduction_id, municipality_id, meeting_at FROM introduction \
             WHERE status = $1 AND meeting_reminded_at IS NULL AND meeting_answer <> $2 \
             AND meeting_at > $3 AND meeting_at <= $4 ORDER BY meeting_at, id LIMIT 200")
            .bind(IntroductionStatus::MeetingScheduled.code()).bind(MeetingAnswer::AnotherTime.code())
            .bind(now).bind(now + Duration::hours(24)).fetch_all(c).await)?;
        Ok(rows)
    }

    /// Marks the reminder of the meeting at `at` sent and writes it, once per proposed time.
    pub async fn remind_meeting(
        &self,
        due: &MeetingDue,
        notifications: &[NewNotification],
    ) -> Result<bool, StoreError> {
        let now = Utc::now();
        let mut tx = self.begin().await?;
        let marked = on_backend!(tx.exec(), c => sqlx::query(
            "UPDATE introduction SET meeting_reminded_at = $1 \
             WHERE id = $2 AND meeting_at = $3 AND meeting_reminded_at IS NULL")
            .bind(now).bind(due.introduction_id).bind(due.meeting_at)
            .execute(c).await.map(|r| r.rows_affected()))?;
        if marked == 0 {
            return Ok(false);
        }
        let town = MunicipalityId(due.municipality_id);
        write_notifications(&mut tx, Some(town), notifications, now).await?;
        tx.commit().await?;
        Ok(true)
    }
}
