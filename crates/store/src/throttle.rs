//! Counts failed sign-ins per key (an account or an IP address) and when each key is locked,
//! and counts other requests per key in fixed windows (rate limits).

use chrono::{DateTime, Duration, Utc};

use crate::{Store, StoreError};

/// The answer to "may this sign-in attempt be checked?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admission {
    /// Counted as the `n`th attempt since the last success; check the password.
    Admitted(i32),
    /// The key is locked until then; do not check anything.
    Locked(DateTime<Utc>),
}

impl Store {
    /// Checks the lock and counts the attempt in one step, before the password is checked, so
    /// parallel attempts cannot all pass a check made before any of them was counted. A
    /// success clears the count ([`Store::throttle_clear`]). Failures older than `forget_after`
    /// start the count again. `lock` gives the locking time for a count.
    pub async fn throttle_admit(
        &self,
        key: &str,
        now: DateTime<Utc>,
        forget_after: Duration,
        lock: impl Fn(i32) -> Option<Duration>,
    ) -> Result<Admission, StoreError> {
        let mut tx = self.begin().await?;
        // On PostgreSQL the conflicting row stays locked until commit, so concurrent attempts
        // on one key queue here and each sees the count and lock of the one before; SQLite's
        // BEGIN IMMEDIATE serializes them anyway.
        let counted: Option<i32> = on_backend!(tx.exec(), c => sqlx::query_scalar(
            "INSERT INTO signin_throttle (key, failures, last_failure_at) VALUES ($1, 1, $2) \
             ON CONFLICT (key) DO UPDATE SET \
             failures = CASE WHEN signin_throttle.last_failure_at < $3 THEN 1 ELSE signin_throttle.failures + 1 END, \
             last_failure_at = $2 \
             WHERE signin_throttle.locked_until IS NULL OR signin_throttle.locked_until <= $2 \
             RETURNING failures")
            .bind(key)
            .bind(now)
            .bind(now - forget_after)
            .fetch_optional(c)
            .await)?;
        let admission = match counted {
            Some(count) => {
                let until = lock(count).map(|duration| now + duration);
                on_backend!(tx.exec(), c => sqlx::query("UPDATE signin_throttle SET locked_until = $1 WHERE key = $2")
                    .bind(until)
                    .bind(key)
                    .execute(c)
                    .await
                    .map(|r| r.rows_affected()))?;
                Admission::Admitted(count)
            }
            None => {
                let until: Option<DateTime<Utc>> = on_backend!(tx.exec(), c => sqlx::query_scalar(
                    "SELECT locked_until FROM signin_throttle WHERE key = $1")
                    .bind(key)
                    .fetch_one(c)
                    .await)?;
                Admission::Locked(until.unwrap_or(now))
            }
        };
        tx.commit().await?;
        Ok(admission)
    }

    /// Failures counted for the key within `window` (0 when none or older).
    pub async fn throttle_failures(
        &self,
        key: &str,
        now: DateTime<Utc>,
        window: Duration,
    ) -> Result<i32, StoreError> {
        let mut conn = self.conn().await?;
        let failures: Option<i32> = on_backend!(conn.exec(), c => sqlx::query_scalar(
            "SELECT failures FROM signin_throttle WHERE key = $1 AND last_failure_at >= $2")
            .bind(key)
            .bind(now - window)
            .fetch_optional(c)
            .await)?;
        Ok(failures.unwrap_or(0))
    }

    /// Counts one more failure for the key (failures older than `window` start again).
    pub async fn throttle_record_failure(
        &self,
        key: &str,
        now: DateTime<Utc>,
        window: Duration,
    ) -> Result<i32, StoreError> {
        let mut conn = self.conn().await?;
        let failures: i32 = on_backend!(conn.exec(), c => sqlx::query_scalar(
            "INSERT INTO signin_throttle (key, failures, last_failure_at) VALUES ($1, 1, $2) \
             ON CONFLICT (key) DO UPDATE SET \
             failures = CASE WHEN signin_throttle.last_failure_at < $3 THEN 1 ELSE signin_throttle.failures + 1 END, \
             last_failure_at = $2 \
             RETURNING failures")
            .bind(key)
            .bind(now)
            .bind(now - window)
            .fetch_one(c)
            .await)?;
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

    /// Counts one request for `key` in the current window of length `window` and says whether
    /// it is within `max`; one statement, so parallel requests are each counted.
    pub async fn rate_take(
        &self,
        key: &str,
        now: DateTime<Utc>,
        window: Duration,
        max: i32,
    ) -> Result<bool, StoreError> {
        let mut conn = self.conn().await?;
        let hits: i32 = on_backend!(conn.exec(), c => sqlx::query_scalar(
            "INSERT INTO rate_window (key, window_start, hits) VALUES ($1, $2, 1) \
             ON CONFLICT (key) DO UPDATE SET \
             hits = CASE WHEN rate_window.window_start <= $3 THEN 1 ELSE rate_window.hits + 1 END, \
             window_start = CASE WHEN rate_window.window_start <= $3 THEN $2 ELSE rate_window.window_start END \
             RETURNING hits")
            .bind(key)
            .bind(now)
            .bind(now - window)
            .fetch_one(c)
            .await)?;
        Ok(hits <= max)
    }
}
