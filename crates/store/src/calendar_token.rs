//! Private calendar feed tokens: one per person, stored as a digest; renewing retires the old
//! link.

use chrono::Utc;

use crate::account::AccountId;
use crate::{StoreError, TenantStore};

impl TenantStore<'_> {
    /// A person's private calendar feed: replaces any earlier token (the old link stops
    /// working). Only the token's digest is stored.
    pub async fn renew_calendar_token(
        &self,
        account: AccountId,
        token_hash: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.store.begin().await?;
        on_backend!(tx.exec(), c => sqlx::query("DELETE FROM calendar_token WHERE account_id = $1")
            .bind(account.0).execute(c).await.map(|r| r.rows_affected()))?;
        on_backend!(tx.exec(), c => sqlx::query(
            "INSERT INTO calendar_token (account_id, municipality_id, token_hash, created_at) VALUES ($1, $2, $3, $4)")
            .bind(account.0).bind(self.municipality_id.0).bind(token_hash).bind(Utc::now())
            .execute(c).await.map(|r| r.rows_affected()))?;
        tx.commit().await
    }

    pub async fn revoke_calendar_token(&self, account: AccountId) -> Result<(), StoreError> {
        let mut conn = self.store.conn().await?;
        on_backend!(conn.exec(), c => sqlx::query("DELETE FROM calendar_token WHERE account_id = $1 AND municipality_id = $2")
            .bind(account.0).bind(self.municipality_id.0).execute(c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn has_calendar_token(&self, account: AccountId) -> Result<bool, StoreError> {
        let mut conn = self.store.conn().await?;
        let n: i64 = on_backend!(conn.exec(), c => sqlx::query_scalar("SELECT COUNT(*) FROM calendar_token WHERE account_id = $1")
            .bind(account.0).fetch_one(c).await)?;
        Ok(n > 0)
    }

    /// The account a calendar token belongs to, in this town.
    pub async fn calendar_owner(&self, token_hash: &str) -> Result<Option<AccountId>, StoreError> {
        let mut conn = self.store.conn().await?;
        let id: Option<i64> = on_backend!(conn.exec(), c => sqlx::query_scalar(
            "SELECT account_id FROM calendar_token WHERE municipality_id = $1 AND token_hash = $2")
            .bind(self.municipality_id.0).bind(token_hash).fetch_optional(c).await)?;
        Ok(id.map(AccountId))
    }
}
