//! Staff list downloads too long to make while the browser waits (`web::list_export`): asked
//! for on the list page with its filters, made by the worker a batch of rows at a time (its
//! progress kept here for the requester's page), fetched by the requester only, and removed
//! a day after they were ready.

use chrono::{DateTime, Duration, Utc};

use crate::account::AccountId;
use crate::{Store, StoreError, TenantStore};

/// How long a finished download is kept.
pub const KEPT_HOURS: i64 = 24;
/// How long a worker holds an export it is making before another may take it over.
const LEASE_MINUTES: i64 = 10;

/// What the requester asks for: which list, in which file, with which filters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListExportAsk<'a> {
    pub list: &'a str,
    pub format: &'a str,
    /// The list's filters, as the web layer writes them (it reads them back).
    pub query: &'a str,
    pub lang: &'a str,
}

/// A download as its requester sees it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ListExport {
    pub id: i64,
    pub list: String,
    pub format: String,
    pub requested_at: DateTime<Utc>,
    pub rows_total: Option<i64>,
    pub rows_done: i64,
    pub ready_at: Option<DateTime<Utc>>,
    pub expires_at: Option<DateTime<Utc>>,
    pub refused: Option<String>,
}

/// A download a worker claimed, to make.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PendingListExport {
    pub id: i64,
    pub municipality_id: i64,
    pub account_id: i64,
    pub list: String,
    pub format: String,
    pub query: String,
    pub lang: String,
}

const COLUMNS: &str =
    "id, list, format, requested_at, rows_total, rows_done, ready_at, expires_at, refused";

impl TenantStore<'_> {
    /// Asks for a download; it waits for the worker.
    pub async fn request_list_export(
        &self,
        account: AccountId,
        ask: &ListExportAsk<'_>,
    ) -> Result<ListExport, StoreError> {
        let mut conn = self.store.conn().await?;
        let made: ListExport = on_backend!(conn.exec(), c => sqlx::query_as(&format!(
            "INSERT INTO list_export (municipality_id, account_id, list, format, query, lang, requested_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING {COLUMNS}"))
            .bind(self.municipality_id.0).bind(account.0).bind(ask.list).bind(ask.format)
            .bind(ask.query).bind(ask.lang).bind(Utc::now())
            .fetch_one(c).await)?;
        Ok(made)
    }

    /// Download `id`, if `account` asked for it and it is not removed.
    pub async fn list_export(
        &self,
        account: AccountId,
        id: i64,
    ) -> Result<Option<ListExport>, StoreError> {
        let mut conn = self.store.conn().await?;
        let found = on_backend!(conn.exec(), c => sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM list_export \
             WHERE municipality_id = $1 AND account_id = $2 AND id = $3"))
            .bind(self.municipality_id.0).bind(account.0).bind(id).fetch_optional(c).await)?;
        Ok(found)
    }

    /// The format, file name and bytes of download `id`, if `account` asked for it and it is ready
    /// and not expired; the fetch is noted.
    pub async fn list_export_file(
        &self,
        account: AccountId,
        id: i64,
    ) -> Result<Option<(String, String, Vec<u8>)>, StoreError> {
        let now = Utc::now();
        let mut conn = self.store.conn().await?;
        let file: Option<(String, Option<String>, Option<Vec<u8>>)> = on_backend!(conn.exec(), c => sqlx::query_as(
            "UPDATE list_export SET downloaded_at = $1 \
             WHERE municipality_id = $2 AND account_id = $3 AND id = $4 \
             AND file IS NOT NULL AND expires_at > $1 RETURNING format, file_name, file")
            .bind(now).bind(self.municipality_id.0).bind(account.0).bind(id)
            .fetch_optional(c).await)?;
        Ok(file.and_then(|(format, name, bytes)| Some((format, name?, bytes?))))
    }
}

impl Store {
    /// Takes the oldest download waiting to be made, for a lease; several workers never take
    /// the same one.
    pub async fn claim_list_export(&self) -> Result<Option<PendingListExport>, StoreError> {
        self.claim_list_export_where(None).await
    }

    /// Takes download `id` if it still waits to be made (the command line makes its own).
    pub async fn claim_list_export_by_id(
        &self,
        id: i64,
    ) -> Result<Option<PendingListExport>, StoreError> {
        self.claim_list_export_where(Some(id)).await
    }

    /// Takes download `only`, or the oldest waiting when `None`.
    async fn claim_list_export_where(
        &self,
        only: Option<i64>,
    ) -> Result<Option<PendingListExport>, StoreError> {
        let now = Utc::now();
        let until = now + Duration::minutes(LEASE_MINUTES);
        let waiting = "ready_at IS NULL AND (claimed_until IS NULL OR claimed_until < $2)";
        let mut conn = self.conn().await?;
        let claimed: Option<PendingListExport> = on_backend!(conn.exec(), c => sqlx::query_as(&format!(
            "UPDATE list_export SET claimed_until = $1 \
             WHERE id = (SELECT id FROM list_export WHERE {waiting} AND ($3 = 0 OR id = $3) ORDER BY id LIMIT 1) \
             AND {waiting} \
             RETURNING id, municipality_id, account_id, list, format, query, lang"))
            .bind(until).bind(now).bind(only.unwrap_or(0)).fetch_optional(c).await)?;
        Ok(claimed)
    }

    /// How far the making of download `id` has got.
    pub async fn list_export_progress(
        &self,
        id: i64,
        (done, total): (i64, i64),
    ) -> Result<(), StoreError> {
        let mut conn = self.conn().await?;
        on_backend!(conn.exec(), c => sqlx::query(
            "UPDATE list_export SET rows_done = $1, rows_total = $2 WHERE id = $3")
            .bind(done).bind(total).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Stores the finished file; it is kept for [`KEPT_HOURS`].
    pub async fn finish_list_export(
        &self,
        id: i64,
        (name, file): (&str, &[u8]),
    ) -> Result<(), StoreError> {
        let now = Utc::now();
        let mut conn = self.conn().await?;
        on_backend!(conn.exec(), c => sqlx::query(
            "UPDATE list_export SET file_name = $1, file = $2, ready_at = $3, expires_at = $4, \
             claimed_until = NULL WHERE id = $5")
            .bind(name).bind(file).bind(now).bind(now + Duration::hours(KEPT_HOURS)).bind(id)
            .execute(c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Ends download `id` without a file, saying why (in the requester's language).
    pub async fn refuse_list_export(&self, id: i64, why: &str) -> Result<(), StoreError> {
        let now = Utc::now();
        let mut conn = self.conn().await?;
        on_backend!(conn.exec(), c => sqlx::query(
            "UPDATE list_export SET refused = $1, ready_at = $2, expires_at = $3, \
             claimed_until = NULL WHERE id = $4")
            .bind(why).bind(now).bind(now + Duration::hours(KEPT_HOURS)).bind(id)
            .execute(c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Removes downloads past their time; returns how many.
    pub async fn remove_expired_list_exports(&self) -> Result<u64, StoreError> {
        let mut conn = self.conn().await?;
        let removed = on_backend!(conn.exec(), c => sqlx::query(
            "DELETE FROM list_export WHERE expires_at IS NOT NULL AND expires_at <= $1")
            .bind(Utc::now()).execute(c).await.map(|r| r.rows_affected()))?;
        Ok(removed)
    }
}
