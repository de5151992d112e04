//! Downloads of a person's own data (`/{town}/me/data`): asked for on the site, prepared by the
//! worker (`personal_data` read, zipped by the web crate), fetched by that person only, and
//! removed a week after they were ready.

use chrono::{DateTime, Duration, Utc};

use crate::account::AccountId;
use crate::{Store, StoreError, TenantStore};

/// How long a prepared download is kept.
pub const KEPT_DAYS: i64 = 7;
/// How long a worker holds an export it is preparing before another may take it over.
const LEASE_MINUTES: i64 = 10;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct DataExport {
    pub id: i64,
    pub requested_at: DateTime<Utc>,
    pub ready_at: Option<DateTime<Utc>>,
    pub expires_at: Option<DateTime<Utc>>,
    pub downloaded_at: Option<DateTime<Utc>>,
}

/// An export a worker claimed, to prepare.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PendingExport {
    pub id: i64,
    pub municipality_id: i64,
    pub account_id: i64,
    pub lang: String,
}

const EXPORT_COLUMNS: &str = "id, requested_at, ready_at, expires_at, downloaded_at";

impl TenantStore<'_> {
    /// Asks for a download; while one is still being prepared, that one is the answer.
    pub async fn request_data_export(
        &self,
        account: AccountId,
        lang: &str,
    ) -> Result<DataExport, StoreError> {
        let now = Utc::now();
        let mut tx = self.store.begin().await?;
        let pending: Option<DataExport> = on_backend!(tx.exec(), c => sqlx::query_as(&format!(
            "SELECT {EXPORT_COLUMNS} FROM data_export \
             WHERE municipality_id = $1 AND account_id = $2 AND ready_at IS NULL"))
            .bind(self.municipality_id.0).bind(account.0).fetch_optional(c).await)?;
        if let Some(pending) = pending {
            return Ok(pending);
        }
        let made: DataExport = on_backend!(tx.exec(), c => sqlx::query_as(&format!(
            "INSERT INTO data_export (municipality_id, account_id, lang, requested_at) \
             VALUES ($1, $2, $3, $4) RETURNING {EXPORT_COLUMNS}"))
            .bind(self.municipality_id.0).bind(account.0).bind(lang).bind(now)
            .fetch_one(c).await)?;
        tx.commit().await?;
        Ok(made)
    }

    /// The person's downloads not yet removed, newest first.
    pub async fn data_exports(&self, account: AccountId) -> Result<Vec<DataExport>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as(&format!(
            "SELECT {EXPORT_COLUMNS} FROM data_export \
             WHERE municipality_id = $1 AND account_id = $2 ORDER BY id DESC"))
            .bind(self.municipality_id.0).bind(account.0).fetch_all(c).await)?;
        Ok(rows)
    }

    /// The zip of download `id`, if it is this person's, ready and not expired; the fetch is
    /// noted.
    pub async fn data_export_archive(
        &self,
        account: AccountId,
        id: i64,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        let now = Utc::now();
        let mut tx = self.store.begin().await?;
        let archive: Option<Option<Vec<u8>>> = on_backend!(tx.exec(), c => sqlx::query_scalar(
            "UPDATE data_export SET downloaded_at = $1 \
             WHERE municipality_id = $2 AND account_id = $3 AND id = $4 \
             AND ready_at IS NOT NULL AND expires_at > $1 RETURNING archive")
            .bind(now).bind(self.municipality_id.0).bind(account.0).bind(id)
            .fetch_optional(c).await)?;
        tx.commit().await?;
        Ok(archive.flatten())
    }
}

impl Store {
    /// Takes the oldest download waiting to be prepared, for a lease; several workers never
    /// take the same one.
    pub async fn claim_data_export(&self) -> Result<Option<PendingExport>, StoreError> {
        let now = Utc::now();
        let until = now + Duration::minutes(LEASE_MINUTES);
        let mut tx = self.begin().await?;
        let claimed: Option<PendingExport> = on_backend!(tx.exec(), c => sqlx::query_as(
            "UPDATE data_export SET claimed_until = $1 \
             WHERE id = (SELECT id FROM data_export WHERE ready_at IS NULL \
                         AND (claimed_until IS NULL OR claimed_until < $2) ORDER BY id LIMIT 1) \
             AND ready_at IS NULL AND (claimed_until IS NULL OR claimed_until < $2) \
             RETURNING id, municipality_id, account_id, lang")
            .bind(until).bind(now).fetch_optional(c).await)?;
        tx.commit().await?;
        Ok(claimed)
    }

    /// Stores the prepared zip; it is kept for [`KEPT_DAYS`].
    pub async fn finish_data_export(&self, id: i64, archive: &[u8]) -> Result<(), StoreError> {
        let now = Utc::now();
        let mut conn = self.conn().await?;
        on_backend!(conn.exec(), c => sqlx::query(
            "UPDATE data_export SET archive = $1, ready_at = $2, expires_at = $3, claimed_until = NULL \
             WHERE id = $4")
            .bind(archive).bind(now).bind(now + Duration::days(KEPT_DAYS)).bind(id)
            .execute(c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Removes downloads past their time; returns how many.
    pub async fn remove_expired_exports(&self) -> Result<u64, StoreError> {
        let mut conn = self.conn().await?;
        let removed = on_backend!(conn.exec(), c => sqlx::query(
            "DELETE FROM data_export WHERE expires_at IS NOT NULL AND expires_at <= $1")
            .bind(Utc::now()).execute(c).await.map(|r| r.rows_affected()))?;
        Ok(removed)
    }
}
