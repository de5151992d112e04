//! Announcements (お知らせ) a town shows on its home page.

use chrono::{DateTime, Utc};
use domain::MunicipalityId;

use crate::{StoreError, TenantStore};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Announcement {
    pub id: i64,
    pub title_ja: String,
    pub title_en: String,
    pub body_ja: String,
    pub body_en: String,
    pub published_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct NewAnnouncement {
    pub title_ja: String,
    pub title_en: String,
    pub body_ja: String,
    pub body_en: String,
    pub published_at: DateTime<Utc>,
}

impl TenantStore<'_> {
    /// The town's newest announcements published up to `now`, newest first.
    pub async fn announcements(
        &self,
        now: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<Announcement>, StoreError> {
        let mut conn = self.store.conn().await?;
        let MunicipalityId(town) = self.municipality_id;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, Announcement>(
            "SELECT id, title_ja, title_en, body_ja, body_en, published_at FROM announcement \
             WHERE municipality_id = $1 AND published_at <= $2 \
             ORDER BY published_at DESC, id DESC LIMIT $3")
            .bind(town)
            .bind(now)
            .bind(limit)
            .fetch_all(c)
            .await)?;
        Ok(rows)
    }

    pub async fn add_announcement(&self, new: &NewAnnouncement) -> Result<i64, StoreError> {
        let mut tx = self.store.begin().await?;
        let MunicipalityId(town) = self.municipality_id;
        let id: i64 = on_backend!(tx.exec(), c => sqlx::query_scalar(
            "INSERT INTO announcement (municipality_id, title_ja, title_en, body_ja, body_en, published_at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id")
            .bind(town)
            .bind(&new.title_ja)
            .bind(&new.title_en)
            .bind(&new.body_ja)
            .bind(&new.body_en)
            .bind(new.published_at)
            .fetch_one(c)
            .await)?;
        tx.commit().await?;
        Ok(id)
    }
}
