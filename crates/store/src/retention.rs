//! What retention reads and removes (`domain::retention`): accounts unused since their last
//! sign-in and the warnings sent to them, records past their period, a town's own periods,
//! and what each run removed. Warnings are claimed with the count the worker saw, so several
//! workers never send the same one twice.

use chrono::{DateTime, NaiveDate, Utc};
use domain::retention::RetentionKind;

use crate::account::AccountId;
use crate::{Store, StoreError, TenantStore};

/// An account of a resident or an organization member not signed in to since `last_active`.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct UnusedAccount {
    pub id: i64,
    pub last_active: DateTime<Utc>,
    pub warnings: i32,
    pub warned_at: Option<DateTime<Utc>>,
}

/// What one run did in one town.
#[derive(Debug, Clone, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct RetentionRun {
    pub ran_at: DateTime<Utc>,
    pub warned: i64,
    pub accounts: i64,
    pub provision_records: i64,
    pub data_requests: i64,
    pub sent_mail: i64,
}

impl RetentionRun {
    pub fn removed_anything(&self) -> bool {
        self.warned + self.accounts + self.provision_records + self.data_requests + self.sent_mail
            > 0
    }
}

impl Store {
    /// Notes a sign-in: the account is in use again, and earlier warnings no longer apply.
    pub async fn note_sign_in(&self, account: AccountId) -> Result<(), StoreError> {
        let mut conn = self.conn().await?;
        on_backend!(conn.exec(), c => sqlx::query(
            "UPDATE account SET last_seen_at = $1, retention_warnings = 0, retention_warned_at = NULL WHERE id = $2")
            .bind(Utc::now()).bind(account.0).execute(c).await.map(|_| ()))?;
        Ok(())
    }
}

impl TenantStore<'_> {
    /// The town's own periods, by kind.
    pub async fn retention_settings(&self) -> Result<Vec<(RetentionKind, u32)>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows: Vec<(String, i32)> = on_backend!(conn.exec(), c => sqlx::query_as(
            "SELECT kind, months FROM retention_setting WHERE municipality_id = $1")
            .bind(self.municipality_id.0).fetch_all(c).await)?;
        Ok(rows
            .into_iter()
            .filter_map(|(k, m)| Some((RetentionKind::from_code(&k)?, u32::try_from(m).ok()?)))
            .collect())
    }

    pub async fn set_retention(&self, kind: RetentionKind, months: u32) -> Result<(), StoreError> {
        let months = i32::try_from(months).unwrap_or(i32::MAX);
        let mut conn = self.store.conn().await?;
        on_backend!(conn.exec(), c => sqlx::query(
            "INSERT INTO retention_setting (municipality_id, kind, months) VALUES ($1, $2, $3) \
             ON CONFLICT (municipality_id, kind) DO UPDATE SET months = excluded.months")
            .bind(self.municipality_id.0).bind(kind.code()).bind(months).execute(c).await.map(|_| ()))?;
        Ok(())
    }

    /// Residents' and organization members' accounts last used before `before`.
    pub async fn unused_accounts(
        &self,
        before: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<UnusedAccount>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as(
            "SELECT id, COALESCE(last_seen_at, created_at) AS last_active, retention_warnings AS warnings, \
             retention_warned_at AS warned_at FROM account \
             WHERE municipality_id = $1 AND deleted_at IS NULL AND role IN ('participant', 'organization_member') \
             AND COALESCE(last_seen_at, created_at) < $2 ORDER BY id LIMIT $3")
            .bind(self.municipality_id.0).bind(before).bind(limit).fetch_all(c).await)?;
        Ok(rows)
    }

    /// Claims the next warning for an account that had `seen` warnings; `false` when another
    /// worker sent it or the person signed in meanwhile.
    pub async fn claim_retention_warning(
        &self,
        account: AccountId,
        seen: i32,
    ) -> Result<bool, StoreError> {
        let mut conn = self.store.conn().await?;
        let n = on_backend!(conn.exec(), c => sqlx::query(
            "UPDATE account SET retention_warnings = $1, retention_warned_at = $2 \
             WHERE municipality_id = $3 AND id = $4 AND retention_warnings = $5 AND deleted_at IS NULL")
            .bind(seen + 1).bind(Utc::now()).bind(self.municipality_id.0).bind(account.0).bind(seen)
            .execute(c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// Removes provision records made before `before`.
    pub async fn remove_provision_records(&self, before: DateTime<Utc>) -> Result<u64, StoreError> {
        self.remove(
            "DELETE FROM provision_record WHERE municipality_id = $1 AND provided_at < $2",
            before,
        )
        .await
    }

    /// Removes mail sent before `before` (mail not yet sent is never removed).
    pub async fn remove_sent_mail(&self, before: DateTime<Utc>) -> Result<u64, StoreError> {
        self.remove(
            "DELETE FROM outbox_message WHERE municipality_id = $1 AND sent_at IS NOT NULL AND sent_at < $2",
            before,
        )
        .await
    }

    /// Removes requests under the law answered or withdrawn before `before`.
    pub async fn remove_data_requests(&self, before: NaiveDate) -> Result<u64, StoreError> {
        let mut conn = self.store.conn().await?;
        let n = on_backend!(conn.exec(), c => sqlx::query(
            "DELETE FROM data_request WHERE municipality_id = $1 AND answered_on IS NOT NULL AND answered_on < $2")
            .bind(self.municipality_id.0).bind(before).execute(c).await.map(|r| r.rows_affected()))?;
        Ok(n)
    }

    async fn remove(&self, sql: &str, before: DateTime<Utc>) -> Result<u64, StoreError> {
        let mut conn = self.store.conn().await?;
        let n = on_backend!(conn.exec(), c => sqlx::query(sql)
            .bind(self.municipality_id.0).bind(before).execute(c).await.map(|r| r.rows_affected()))?;
        Ok(n)
    }

    pub async fn record_retention_run(&self, run: &RetentionRun) -> Result<(), StoreError> {
        let mut conn = self.store.conn().await?;
        on_backend!(conn.exec(), c => sqlx::query(
            "INSERT INTO retention_run (municipality_id, ran_at, warned, accounts, provision_records, data_requests, sent_mail) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)")
            .bind(self.municipality_id.0).bind(run.ran_at).bind(run.warned).bind(run.accounts)
            .bind(run.provision_records).bind(run.data_requests).bind(run.sent_mail)
            .execute(c).await.map(|_| ()))?;
        Ok(())
    }

    /// The latest runs that did something, newest first.
    pub async fn retention_runs(&self, limit: i64) -> Result<Vec<RetentionRun>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as(
            "SELECT ran_at, warned, accounts, provision_records, data_requests, sent_mail FROM retention_run \
             WHERE municipality_id = $1 ORDER BY id DESC LIMIT $2")
            .bind(self.municipality_id.0).bind(limit).fetch_all(c).await)?;
        Ok(rows)
    }
}
