//! Versions of a town's privacy policy: published by its staff with what changed; the newest
//! is in force, and residents whose consent names an older one are asked to accept it again.

use chrono::{DateTime, Utc};

use crate::account::AccountId;
use crate::participant::PRIVACY_POLICY;
use crate::{Store, StoreError, TenantStore};

/// The version every town starts with, before its staff publish one.
pub const FIRST_VERSION: &str = "2026-11";

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PolicyVersion {
    pub version: String,
    pub changes_ja: String,
    pub changes_en: String,
    pub published_at: DateTime<Utc>,
}

impl TenantStore<'_> {
    /// The versions, newest first.
    pub async fn privacy_versions(&self) -> Result<Vec<PolicyVersion>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as(
            "SELECT version, changes_ja, changes_en, published_at FROM privacy_policy \
             WHERE municipality_id = $1 ORDER BY id DESC")
            .bind(self.municipality_id.0).fetch_all(c).await)?;
        Ok(rows)
    }

    /// The version in force.
    pub async fn privacy_version(&self) -> Result<String, StoreError> {
        let mut conn = self.store.conn().await?;
        let version: Option<String> = on_backend!(conn.exec(), c => sqlx::query_scalar(
            "SELECT version FROM privacy_policy WHERE municipality_id = $1 ORDER BY id DESC LIMIT 1")
            .bind(self.municipality_id.0).fetch_optional(c).await)?;
        Ok(version.unwrap_or_else(|| FIRST_VERSION.to_owned()))
    }

    /// Publishes a new version named by `day` (a second one that day is `day-2`, …);
    /// returns its name.
    pub async fn publish_privacy_version(
        &self,
        day: &str,
        (changes_ja, changes_en): (&str, &str),
        by: AccountId,
    ) -> Result<String, StoreError> {
        let mut tx = self.store.begin().await?;
        let same_day: i64 = on_backend!(tx.exec(), c => sqlx::query_scalar(
            "SELECT COUNT(*) FROM privacy_policy WHERE municipality_id = $1 AND version LIKE $2 || '%'")
            .bind(self.municipality_id.0).bind(day).fetch_one(c).await)?;
        let version = match same_day {
            0 => day.to_owned(),
            n => format!("{day}-{}", n + 1),
        };
        on_backend!(tx.exec(), c => sqlx::query(
            "INSERT INTO privacy_policy (municipality_id, version, changes_ja, changes_en, published_by, published_at) \
             VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(self.municipality_id.0).bind(&version).bind(changes_ja).bind(changes_en)
            .bind(by.0).bind(Utc::now()).execute(c).await.map(|_| ()))?;
        tx.commit().await?;
        Ok(version)
    }
}

impl Store {
    /// What the page header needs of a signed-in account, in one query: its unread
    /// notifications, and whether it is a resident whose privacy consent is in force for an
    /// older version than the town's.
    pub async fn header_facts(&self, account: AccountId) -> Result<(i64, bool), StoreError> {
        let mut conn = self.conn().await?;
        let (unread, pending): (i64, i64) = on_backend!(conn.exec(), c => sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM notification WHERE account_id = $1 AND read_at IS NULL), \
             (SELECT COUNT(*) FROM account a \
              JOIN consent k ON k.account_id = a.id AND k.kind = $2 AND k.withdrawn_at IS NULL \
              WHERE a.id = $1 AND a.role = 'participant' \
              AND k.id = (SELECT MAX(id) FROM consent WHERE account_id = a.id AND kind = $2) \
              AND k.version <> COALESCE((SELECT p.version FROM privacy_policy p \
                  WHERE p.municipality_id = a.municipality_id ORDER BY p.id DESC LIMIT 1), $3))")
            .bind(account.0).bind(PRIVACY_POLICY).bind(FIRST_VERSION).fetch_one(c).await)?;
        Ok((unread, pending > 0))
    }
}
