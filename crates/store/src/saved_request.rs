//! Requests a resident saved (保存した仕事), and the weekly mail of newly published requests
//! that fit them, which they opt into. The mail is claimed once per week per person
//! ([`Store::job_mails_due`], [`Store::send_job_mail`]), so several workers never send it twice.

use chrono::{DateTime, Duration, Utc};
use domain::MunicipalityId;
use domain::request::RequestStatus;

use crate::account::AccountId;
use crate::notification::{NewNotification, write_notifications};
use crate::{Store, StoreError, TenantStore};

/// How often the mail of new requests goes out.
pub const JOB_MAIL_EVERY: Duration = Duration::days(7);

/// A saved request as the person's page lists it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SavedRequest {
    pub request_id: i64,
    pub title: String,
    pub title_en: String,
    pub organization_name: String,
    pub status: String,
    pub close_reason: Option<String>,
    pub saved_at: DateTime<Utc>,
}

impl SavedRequest {
    /// Whether it can still be asked about: it is published.
    pub fn open(&self) -> bool {
        matches!(
            RequestStatus::from_codes(&self.status, self.close_reason.as_deref()),
            Some(RequestStatus::Published)
        )
    }
}

/// A person whose weekly mail is due: the requests published since `since` are the new ones.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct JobMailDue {
    pub municipality_id: i64,
    pub participant_id: i64,
    pub since: DateTime<Utc>,
}

impl TenantStore<'_> {
    /// Saves a published request for the person, or (`saved` false) forgets it. Saving one
    /// twice keeps the first date; a request that is not published cannot be saved
    /// (`NotFound`), though one saved before it closed can be forgotten.
    pub async fn save_request(
        &self,
        (participant, request): (AccountId, i64),
        saved: bool,
    ) -> Result<(), StoreError> {
        let town = self.municipality_id.0;
        let mut conn = self.store.conn().await?;
        if !saved {
            on_backend!(conn.exec(), c => sqlx::query(
                "DELETE FROM saved_request WHERE municipality_id = $1 AND participant_id = $2 AND request_id = $3")
                .bind(town).bind(participant.0).bind(request).execute(c).await.map(|_| ()))?;
            return Ok(());
        }
        let inserted = on_backend!(conn.exec(), c => sqlx::query(
            "INSERT INTO saved_request (municipality_id, participant_id, request_id, saved_at) \
             SELECT $1, $2, id, $4 FROM request WHERE municipality_id = $1 AND id = $3 AND status = 'published' \
             ON CONFLICT (participant_id, request_id) DO NOTHING")
            .bind(town).bind(participant.0).bind(request).bind(Utc::now())
            .execute(c).await.map(|r| r.rows_affected()))?;
        if inserted == 0 && !self.is_saved(participant, request).await? {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    pub async fn is_saved(&self, participant: AccountId, request: i64) -> Result<bool, StoreError> {
        let mut conn = self.store.conn().await?;
        let found: Option<i64> = on_backend!(conn.exec(), c => sqlx::query_scalar(
            "SELECT request_id FROM saved_request WHERE municipality_id = $1 AND participant_id = $2 AND request_id = $3")
            .bind(self.municipality_id.0).bind(participant.0).bind(request).fetch_optional(c).await)?;
        Ok(found.is_some())
    }

    /// The person's saved requests, newest saved first, closed ones too (marked so).
    pub async fn saved_requests(
        &self,
        participant: AccountId,
    ) -> Result<Vec<SavedRequest>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, SavedRequest>(
            "SELECT s.request_id, r.title, r.title_en, o.name AS organization_name, r.status, \
             r.close_reason, s.saved_at FROM saved_request s \
             JOIN request r ON r.id = s.request_id AND r.municipality_id = s.municipality_id \
             JOIN organization o ON o.id = r.organization_id \
             WHERE s.municipality_id = $1 AND s.participant_id = $2 \
             ORDER BY s.saved_at DESC, s.request_id DESC LIMIT 100")
            .bind(self.municipality_id.0).bind(participant.0).fetch_all(c).await)?;
        Ok(rows)
    }

    /// Requests published after `since` and still published, newest first: (id, title,
    /// English title), for the weekly mail.
    pub async fn published_since(
        &self,
        since: DateTime<Utc>,
    ) -> Result<Vec<(i64, String, String)>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as(
            "SELECT id, title, title_en FROM request WHERE municipality_id = $1 AND status = 'published' \
             AND published_at > $2 ORDER BY published_at DESC, id DESC LIMIT 500")
            .bind(self.municipality_id.0).bind(since).fetch_all(c).await)?;
        Ok(rows)
    }

    /// Since when the person receives the weekly mail of new requests, if they do.
    pub async fn job_mail_since(
        &self,
        participant: AccountId,
    ) -> Result<Option<DateTime<Utc>>, StoreError> {
        let mut conn = self.store.conn().await?;
        let since: Option<Option<DateTime<Utc>>> = on_backend!(conn.exec(), c => sqlx::query_scalar(
            "SELECT job_mail_since FROM participant_profile WHERE municipality_id = $1 AND account_id = $2")
            .bind(self.municipality_id.0).bind(participant.0).fetch_optional(c).await)?;
        Ok(since.flatten())
    }

    /// Starts or stops the weekly mail. Starting again keeps the first date, so it does not
    /// delay the next mail.
    pub async fn set_job_mail(&self, participant: AccountId, on: bool) -> Result<(), StoreError> {
        let mut conn = self.store.conn().await?;
        let since = on.then(Utc::now);
        on_backend!(conn.exec(), c => sqlx::query(
            "UPDATE participant_profile SET job_mail_since = CASE WHEN $1 THEN COALESCE(job_mail_since, $2) END \
             WHERE municipality_id = $3 AND account_id = $4")
            .bind(on).bind(since).bind(self.municipality_id.0).bind(participant.0)
            .execute(c).await.map(|_| ()))?;
        Ok(())
    }
}

impl Store {
    /// People whose weekly mail is due at `now`: a week after they opted in or after the last.
    pub async fn job_mails_due(&self, now: DateTime<Utc>) -> Result<Vec<JobMailDue>, StoreError> {
        let mut conn = self.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, JobMailDue>(
            "SELECT municipality_id, account_id AS participant_id, \
             COALESCE(job_mail_sent_at, job_mail_since) AS since FROM participant_profile \
             WHERE job_mail_since IS NOT NULL AND COALESCE(job_mail_sent_at, job_mail_since) <= $1 \
             ORDER BY municipality_id, account_id LIMIT 200")
            .bind(now - JOB_MAIL_EVERY).fetch_all(c).await)?;
        Ok(rows)
    }

    /// Claims the person's due mail and writes it (`notifications`, possibly none when nothing
    /// new fits), once: false when another worker, or a change of mind, came first.
    pub async fn send_job_mail(
        &self,
        due: &JobMailDue,
        notifications: &[NewNotification],
    ) -> Result<bool, StoreError> {
        let now = Utc::now();
        let mut tx = self.begin().await?;
        let claimed = on_backend!(tx.exec(), c => sqlx::query(
            "UPDATE participant_profile SET job_mail_sent_at = $1 \
             WHERE municipality_id = $2 AND account_id = $3 AND job_mail_since IS NOT NULL \
             AND COALESCE(job_mail_sent_at, job_mail_since) <= $4")
            .bind(now).bind(due.municipality_id).bind(due.participant_id).bind(now - JOB_MAIL_EVERY)
            .execute(c).await.map(|r| r.rows_affected()))?;
        if claimed == 0 {
            return Ok(false);
        }
        let town = MunicipalityId(due.municipality_id);
        write_notifications(&mut tx, Some(town), notifications, now).await?;
        tx.commit().await?;
        Ok(true)
    }
}
