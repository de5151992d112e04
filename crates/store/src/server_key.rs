//! Platform-wide secrets made once and shared by every app node through the database.

use chrono::Utc;

use crate::{Store, StoreError};

impl Store {
    /// The secret called `name`; `make` creates it the first time. Two nodes racing to create
    /// it agree on whichever was stored first.
    pub async fn server_key(
        &self,
        name: &str,
        make: impl FnOnce() -> String,
    ) -> Result<String, StoreError> {
        let mut tx = self.begin().await?;
        let existing: Option<String> = on_backend!(tx.exec(), c => sqlx::query_scalar(
            "SELECT value FROM server_key WHERE name = $1")
            .bind(name)
            .fetch_optional(c)
            .await)?;
        if let Some(value) = existing {
            return Ok(value);
        }
        on_backend!(tx.exec(), c => sqlx::query(
            "INSERT INTO server_key (name, value, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING")
            .bind(name)
            .bind(make())
            .bind(Utc::now())
            .execute(c)
            .await
            .map(|r| r.rows_affected()))?;
        let value: String = on_backend!(tx.exec(), c => sqlx::query_scalar(
            "SELECT value FROM server_key WHERE name = $1")
            .bind(name)
            .fetch_one(c)
            .await)?;
        tx.commit().await?;
        Ok(value)
    }
}
