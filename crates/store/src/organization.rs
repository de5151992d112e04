//! Organizations that bring work (企業・団体). The organizations issue adds their details;
//! here they are a name that members belong to.

use chrono::Utc;

use crate::{StoreError, TenantStore};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Organization {
    pub id: i64,
    pub name: String,
}

impl TenantStore<'_> {
    pub async fn organizations(&self) -> Result<Vec<Organization>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, Organization>(
            "SELECT id, name FROM organization WHERE municipality_id = $1 ORDER BY name")
            .bind(self.municipality_id.0)
            .fetch_all(c)
            .await)?;
        Ok(rows)
    }

    pub async fn organization(&self, id: i64) -> Result<Option<Organization>, StoreError> {
        let mut conn = self.store.conn().await?;
        let row = on_backend!(conn.exec(), c => sqlx::query_as::<_, Organization>(
            "SELECT id, name FROM organization WHERE municipality_id = $1 AND id = $2")
            .bind(self.municipality_id.0)
            .bind(id)
            .fetch_optional(c)
            .await)?;
        Ok(row)
    }

    /// The organization with this name in the town, created if it is new.
    pub async fn organization_named(&self, name: &str) -> Result<Organization, StoreError> {
        let mut tx = self.store.begin().await?;
        on_backend!(tx.exec(), c => sqlx::query(
            "INSERT INTO organization (municipality_id, name, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (municipality_id, name) DO NOTHING")
            .bind(self.municipality_id.0)
            .bind(name)
            .bind(Utc::now())
            .execute(c)
            .await
            .map(|r| r.rows_affected()))?;
        let row = on_backend!(tx.exec(), c => sqlx::query_as::<_, Organization>(
            "SELECT id, name FROM organization WHERE municipality_id = $1 AND name = $2")
            .bind(self.municipality_id.0)
            .bind(name)
            .fetch_one(c)
            .await)?;
        tx.commit().await?;
        Ok(row)
    }
}
