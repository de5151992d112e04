//! The town's log of requests under the personal-data law made outside the site
//! (`domain::data_request`): logged with their deadline, answered or withdrawn once.

use chrono::{NaiveDate, Utc};
use domain::data_request::{
    DEFAULT_DEADLINE_DAYS, DataRequestChannel, DataRequestKind, DataRequestState, NewDataRequest,
    deadline,
};

use crate::account::AccountId;
use crate::{StoreError, TenantStore};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct DataRequest {
    pub id: i64,
    #[sqlx(try_from = "String")]
    pub kind: DataRequestKind,
    #[sqlx(try_from = "String")]
    pub channel: DataRequestChannel,
    pub received_on: NaiveDate,
    pub deadline_on: NaiveDate,
    pub requester: String,
    pub summary: String,
    #[sqlx(try_from = "String")]
    pub state: DataRequestState,
    pub answer: String,
    pub answered_on: Option<NaiveDate>,
    pub handled_by: Option<i64>,
    pub created_by: i64,
}

const COLUMNS: &str = "id, kind, channel, received_on, deadline_on, requester, summary, state, \
     answer, answered_on, handled_by, created_by";

/// How a request ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closing {
    pub state: DataRequestState,
    pub answer: String,
    pub by: AccountId,
    pub on: NaiveDate,
}

impl TenantStore<'_> {
    /// The town's deadline in days from receipt.
    pub async fn request_deadline_days(&self) -> Result<i64, StoreError> {
        let mut conn = self.store.conn().await?;
        let days: Option<i32> = on_backend!(conn.exec(), c => sqlx::query_scalar(
            "SELECT request_deadline_days FROM town_page WHERE municipality_id = $1")
            .bind(self.municipality_id.0).fetch_optional(c).await)?;
        Ok(days.map_or(DEFAULT_DEADLINE_DAYS, i64::from))
    }

    pub async fn set_request_deadline_days(&self, days: i64) -> Result<(), StoreError> {
        let days = i32::try_from(days).unwrap_or(DEFAULT_DEADLINE_DAYS as i32);
        let mut conn = self.store.conn().await?;
        on_backend!(conn.exec(), c => sqlx::query(
            "INSERT INTO town_page (municipality_id, request_deadline_days, updated_at) VALUES ($1, $2, $3) \
             ON CONFLICT (municipality_id) DO UPDATE SET request_deadline_days = excluded.request_deadline_days")
            .bind(self.municipality_id.0).bind(days).bind(Utc::now()).execute(c).await.map(|_| ()))?;
        Ok(())
    }

    /// Logs a request, its deadline fixed from the town's setting now; returns its id.
    pub async fn log_data_request(
        &self,
        new: &NewDataRequest,
        by: AccountId,
    ) -> Result<i64, StoreError> {
        let days = self.request_deadline_days().await?;
        let due = deadline(new.received_on, days);
        let mut conn = self.store.conn().await?;
        let id = on_backend!(conn.exec(), c => sqlx::query_scalar(
            "INSERT INTO data_request (municipality_id, kind, channel, received_on, deadline_on, requester, \
             summary, state, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $9) RETURNING id")
            .bind(self.municipality_id.0).bind(new.kind.code()).bind(new.channel.code())
            .bind(new.received_on).bind(due).bind(&new.requester).bind(&new.summary)
            .bind(by.0).bind(Utc::now()).fetch_one(c).await)?;
        Ok(id)
    }

    /// The town's requests: open ones first, the earliest deadline first, then the rest,
    /// newest first.
    pub async fn data_requests(&self, limit: i64) -> Result<Vec<DataRequest>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM data_request WHERE municipality_id = $1 \
             ORDER BY CASE WHEN state = 'open' THEN 0 ELSE 1 END, \
             CASE WHEN state = 'open' THEN deadline_on END, received_on DESC, id DESC LIMIT $2"))
            .bind(self.municipality_id.0).bind(limit).fetch_all(c).await)?;
        Ok(rows)
    }

    pub async fn data_request(&self, id: i64) -> Result<Option<DataRequest>, StoreError> {
        let mut conn = self.store.conn().await?;
        let row = on_backend!(conn.exec(), c => sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM data_request WHERE municipality_id = $1 AND id = $2"))
            .bind(self.municipality_id.0).bind(id).fetch_optional(c).await)?;
        Ok(row)
    }

    /// Answers or withdraws an open request; `false` when it was no longer open.
    pub async fn close_data_request(&self, id: i64, closing: &Closing) -> Result<bool, StoreError> {
        let mut conn = self.store.conn().await?;
        let changed = on_backend!(conn.exec(), c => sqlx::query(
            "UPDATE data_request SET state = $1, answer = $2, handled_by = $3, answered_on = $4 \
             WHERE municipality_id = $5 AND id = $6 AND state = 'open'")
            .bind(closing.state.code()).bind(&closing.answer).bind(closing.by.0).bind(closing.on)
            .bind(self.municipality_id.0).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        Ok(changed == 1)
    }
}
