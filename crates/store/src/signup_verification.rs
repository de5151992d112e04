//! Sign-up links: the first step of registration proves the email address with a
//! single-use, expiring link; only the token's digest is stored. The account itself is made
//! by `TenantStore::register_verified_participant`, which uses the link up.

use chrono::{DateTime, Utc};

use crate::{StoreError, TenantStore};

impl TenantStore<'_> {
    pub async fn create_signup_verification(
        &self,
        email: &str,
        token_hash: &str,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut conn = self.store.conn().await?;
        on_backend!(conn.exec(), c => sqlx::query(
            "INSERT INTO signup_verification (municipality_id, email, token_hash, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)")
            .bind(self.municipality_id.0)
            .bind(email)
            .bind(token_hash)
            .bind(now)
            .bind(expires_at)
            .execute(c)
            .await
            .map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// The address an open sign-up link of this town proves.
    pub async fn signup_email(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<String>, StoreError> {
        let mut conn = self.store.conn().await?;
        let email = on_backend!(conn.exec(), c => sqlx::query_scalar(
            "SELECT email FROM signup_verification WHERE token_hash = $1 AND municipality_id = $2 \
             AND used_at IS NULL AND expires_at > $3")
            .bind(token_hash)
            .bind(self.municipality_id.0)
            .bind(now)
            .fetch_optional(c)
            .await)?;
        Ok(email)
    }
}
