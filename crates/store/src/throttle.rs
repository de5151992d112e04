//! Counts failed sign-ins per key (an account or an IP address) and when each key is locked.

use chrono::{DateTime, Utc};

use crate::{Store, StoreError};

impl Store {
    /// Until when the key is locked, if it is.
    pub async fn throttle_locked_until(
        &self,
        key: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<DateTime<Utc>>, StoreError> {
        let mut conn = self.conn().await?;
        let until: Option<Option<DateTime<Utc>>> = on_backend!(conn.exec(), c => sqlx::query_scalar(
            "SELECT locked_until FROM signin_throttle WHERE key = $1")
            .bind(key)
            .fetch_optional(c)
            .await)?;
        Ok(until.flatten().filter(|until| *until > now))
    }

    /// Counts one more failure and returns the new count; `lock` gives the locking time for
    /// that count.
    pub async fn throttle_record_failure(
        &self,
        key: &str,
        now: DateTime<Utc>,
        lock: impl Fn(i32) -> Option<chrono::Duration>,
    ) -> Result<i32, StoreError> {
        let mut tx = self.begin().await?;
        let failures: i32 = on_backend!(tx.exec(), c => sqlx::query_scalar(
            "INSERT INTO signin_throttle (key, failures, last_failure_at) VALUES ($1, 1, $2) \
             ON CONFLICT (key) DO UPDATE SET failures = signin_throttle.failures + 1, last_failure_at = $2 \
             RETURNING failures")
            .bind(key)
            .bind(now)
            .fetch_one(c)
            .await)?;
        if let Some(duration) = lock(failures) {
            on_backend!(tx.exec(), c => sqlx::query("UPDATE signin_throttle SET locked_until = $1 WHERE key = $2")
                .bind(now + duration)
                .bind(key)
                .execute(c)
                .await
                .map(|r| r.rows_affected()))?;
        }
        tx.commit().await?;
        Ok(failures)
    }

    /// Forgets the key's failures, after a successful sign-in.
    pub async fn throttle_clear(&self, key: &str) -> Result<(), StoreError> {
        let mut conn = self.conn().await?;
        on_backend!(conn.exec(), c => sqlx::query("DELETE FROM signin_throttle WHERE key = $1")
            .bind(key)
            .execute(c)
            .await
            .map(|r| r.rows_affected()))?;
        Ok(())
    }
}
