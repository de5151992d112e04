//! What waits for the town's coordinators, counted in one query for their home page: requests
//! to review, enquiries, registrations not yet contacted, residents' interests in requests, introductions waiting for someone,
//! follow-ups, and this week's events with places left or people waiting.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::{StoreError, TenantStore};

/// The counts of the coordinator's work queue.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct WorkQueue {
    /// Requests submitted for review (審査待ち).
    pub requests_to_review: i64,
    /// Enquiries from organizations not yet handled.
    pub enquiries_open: i64,
    /// Participants no one has contacted yet.
    pub not_contacted: i64,
    /// Residents' "相談したい" about a request, waiting for a coordinator.
    pub interests_waiting: i64,
    /// Introductions offered, waiting for the people's consent.
    pub awaiting_consent: i64,
    /// Consented, waiting for the organization's answer.
    pub awaiting_organization: i64,
    /// Accepted, met or working: waiting for the outcome to be recorded.
    pub awaiting_outcome: i64,
    /// Of those, the ones whose organization reported its result: the coordinator confirms it
    /// as the outcome.
    pub results_to_confirm: i64,
    /// `assignee`'s open follow-ups due within the week, and those already overdue.
    pub follow_ups_this_week: i64,
    pub follow_ups_overdue: i64,
    /// Scheduled events starting within the week with places left, and those with a waitlist.
    pub events_with_places: i64,
    pub events_with_waitlist: i64,
}

impl TenantStore<'_> {
    /// The work queue as of `now` (`today` in Japan), with `assignee`'s follow-ups.
    pub async fn work_queue(
        &self,
        assignee: crate::account::AccountId,
        (now, today): (DateTime<Utc>, NaiveDate),
    ) -> Result<WorkQueue, StoreError> {
        let week_end = now + Duration::days(7);
        let mut conn = self.store.conn().await?;
        let queue = on_backend!(conn.exec(), c => sqlx::query_as::<_, WorkQueue>(
            "SELECT \
             (SELECT COUNT(*) FROM request WHERE municipality_id = $1 AND status = 'submitted') AS requests_to_review, \
             (SELECT COUNT(*) FROM enquiry WHERE municipality_id = $1 AND status = 'new') AS enquiries_open, \
             (SELECT COUNT(*) FROM participant_profile p JOIN account a ON a.id = p.account_id \
              WHERE p.municipality_id = $1 AND a.role = 'participant' AND p.last_contact_at IS NULL) AS not_contacted, \
             (SELECT COUNT(*) FROM request_interest WHERE municipality_id = $1 AND status = 'waiting') AS interests_waiting, \
             (SELECT COUNT(*) FROM introduction WHERE municipality_id = $1 AND status = 'offered') AS awaiting_consent, \
             (SELECT COUNT(*) FROM introduction WHERE municipality_id = $1 AND status = 'consented') AS awaiting_organization, \
             (SELECT COUNT(*) FROM introduction WHERE municipality_id = $1 \
              AND status IN ('accepted', 'meeting_scheduled', 'engaged')) AS awaiting_outcome, \
             (SELECT COUNT(*) FROM introduction WHERE municipality_id = $1 \
              AND status IN ('meeting_scheduled', 'engaged') AND result_verdict IS NOT NULL) AS results_to_confirm, \
             (SELECT COUNT(*) FROM follow_up WHERE municipality_id = $1 AND assigned_to = $2 AND done_at IS NULL \
              AND due_on >= $3 AND due_on <= $4) AS follow_ups_this_week, \
             (SELECT COUNT(*) FROM follow_up WHERE municipality_id = $1 AND assigned_to = $2 AND done_at IS NULL \
              AND due_on < $3) AS follow_ups_overdue, \
             (SELECT COUNT(*) FROM event e WHERE e.municipality_id = $1 AND e.status = 'scheduled' \
              AND e.starts_at >= $5 AND e.starts_at < $6 AND e.capacity > \
              (SELECT COUNT(*) FROM booking b WHERE b.event_id = e.id AND b.status IN ('confirmed', 'offered'))) AS events_with_places, \
             (SELECT COUNT(*) FROM event e WHERE e.municipality_id = $1 AND e.status = 'scheduled' \
              AND e.starts_at >= $5 AND e.starts_at < $6 AND EXISTS \
              (SELECT 1 FROM booking b WHERE b.event_id = e.id AND b.status = 'waitlisted')) AS events_with_waitlist")
            .bind(self.municipality_id.0).bind(assignee.0).bind(today).bind(today + Duration::days(7))
            .bind(now).bind(week_end).fetch_one(c).await)?;
        Ok(queue)
    }
}
