//! Password resets by emailed, single-use, expiring link. Only a hash of the token is stored.

use chrono::{DateTime, Utc};

use crate::account::{Account, AccountId, set_password_in};
use crate::{StoreError, TenantStore};

impl TenantStore<'_> {
    pub async fn create_password_reset(
        &self,
        account: AccountId,
        token_hash: &str,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.store.begin().await?;
        on_backend!(tx.exec(), c => sqlx::query(
            "INSERT INTO password_reset (account_id, token_hash, created_at, expires_at) \
             SELECT id, $1, $2, $3 FROM account WHERE id = $4 AND municipality_id = $5")
            .bind(token_hash)
            .bind(now)
            .bind(expires_at)
            .bind(account.0)
            .bind(self.municipality_id.0)
            .execute(c)
            .await
            .map(|r| r.rows_affected()))?;
        tx.commit().await
    }

    /// Whether this town has an open reset with this token.
    pub async fn password_reset_is_open(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let mut conn = self.store.conn().await?;
        let found: Option<i64> = on_backend!(conn.exec(), c => sqlx::query_scalar(
            "SELECT r.id FROM password_reset r JOIN account a ON a.id = r.account_id \
             WHERE r.token_hash = $1 AND a.municipality_id = $2 AND r.used_at IS NULL AND r.expires_at > $3")
            .bind(token_hash)
            .bind(self.municipality_id.0)
            .bind(now)
            .fetch_optional(c)
            .await)?;
        Ok(found.is_some())
    }

    /// Sets the new password, uses up the token and ends every session of the account, all or
    /// nothing. A used, expired or unknown token is [`StoreError::Gone`].
    pub async fn complete_password_reset(
        &self,
        token_hash: &str,
        password_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Account, StoreError> {
        let mut tx = self.store.begin().await?;
        let account_id: Option<i64> = on_backend!(tx.exec(), c => sqlx::query_scalar(
            "UPDATE password_reset SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL \
             AND expires_at > $1 AND account_id IN (SELECT id FROM account WHERE municipality_id = $3) \
             RETURNING account_id")
            .bind(now)
            .bind(token_hash)
            .bind(self.municipality_id.0)
            .fetch_optional(c)
            .await)?;
        let id = AccountId(account_id.ok_or(StoreError::Gone)?);
        set_password_in(tx.exec(), id, password_hash, now).await?;
        crate::session::delete_for_account(tx.exec(), id).await?;
        tx.commit().await?;
        self.account(id).await?.ok_or(StoreError::NotFound)
    }
}
