//! Sign-in sessions, kept in the database so app nodes hold no state. Only a hash of the
//! session id is stored; the id itself lives in the person's cookie.

use chrono::{DateTime, Utc};

use crate::account::{ACCOUNT_COLUMNS, Account, AccountId};
use crate::{Exec, Store, StoreError};

#[derive(Debug, Clone)]
pub struct Session {
    pub account: Account,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct SessionTimes {
    created_at: DateTime<Utc>,
    last_seen_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    account_id: i64,
}

impl Store {
    pub async fn create_session(
        &self,
        id_hash: &str,
        account: AccountId,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        on_backend!(tx.exec(), c => sqlx::query(
            "INSERT INTO session (id_hash, account_id, created_at, last_seen_at, expires_at) \
             VALUES ($1, $2, $3, $3, $4)")
            .bind(id_hash)
            .bind(account.0)
            .bind(now)
            .bind(expires_at)
            .execute(c)
            .await
            .map(|r| r.rows_affected()))?;
        tx.commit().await
    }

    /// The session and its account, if the session exists.
    pub async fn session(&self, id_hash: &str) -> Result<Option<Session>, StoreError> {
        let mut conn = self.conn().await?;
        let times = on_backend!(conn.exec(), c => sqlx::query_as::<_, SessionTimes>(
            "SELECT created_at, last_seen_at, expires_at, account_id FROM session WHERE id_hash = $1")
            .bind(id_hash)
            .fetch_optional(c)
            .await)?;
        let Some(times) = times else { return Ok(None) };
        let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM account WHERE id = $1");
        let account =
            crate::account::fetch_account(conn.exec(), &sql, (Some(times.account_id), None))
                .await?;
        Ok(account.map(|account| Session {
            account,
            created_at: times.created_at,
            last_seen_at: times.last_seen_at,
            expires_at: times.expires_at,
        }))
    }

    pub async fn touch_session(&self, id_hash: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        let mut conn = self.conn().await?;
        on_backend!(conn.exec(), c => sqlx::query("UPDATE session SET last_seen_at = $1 WHERE id_hash = $2")
            .bind(now)
            .bind(id_hash)
            .execute(c)
            .await
            .map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn delete_session(&self, id_hash: &str) -> Result<(), StoreError> {
        let mut conn = self.conn().await?;
        on_backend!(conn.exec(), c => sqlx::query("DELETE FROM session WHERE id_hash = $1")
            .bind(id_hash)
            .execute(c)
            .await
            .map(|r| r.rows_affected()))?;
        Ok(())
    }
}

pub(crate) async fn delete_for_account(
    exec: Exec<'_>,
    account: AccountId,
) -> Result<(), StoreError> {
    on_backend!(exec, c => sqlx::query("DELETE FROM session WHERE account_id = $1")
        .bind(account.0)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}
