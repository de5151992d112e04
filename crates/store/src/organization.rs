//! Organizations that bring work (企業・団体). The organizations issue adds their details;
//! here they are a name that members belong to.

use chrono::Utc;
use domain::organization::{OrganizationKind, OrganizationLocation};

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

/// An organization's details.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OrganizationDetails {
    pub id: i64,
    pub name: String,
    pub name_en: String,
    #[sqlx(try_from = "String")]
    pub kind: OrganizationKind,
    #[sqlx(try_from = "String")]
    pub location: OrganizationLocation,
    pub contact_person: String,
    pub description: String,
}

pub use domain::organization::NewOrganization;

impl TenantStore<'_> {
    /// Creates an organization; a name already used in the town is a conflict on `organization_name`.
    pub async fn create_organization(
        &self,
        new: &NewOrganization,
    ) -> Result<OrganizationDetails, StoreError> {
        let mut tx = self.store.begin().await?;
        let row = on_backend!(tx.exec(), c => sqlx::query_as::<_, OrganizationDetails>(
            "INSERT INTO organization (municipality_id, name, name_en, kind, location, contact_person, description, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             RETURNING id, name, name_en, kind, location, contact_person, description")
            .bind(self.municipality_id.0).bind(&new.name).bind(&new.name_en).bind(new.kind.code()).bind(new.location.code())
            .bind(&new.contact_person).bind(&new.description).bind(Utc::now())
            .fetch_one(c).await)
        .map_err(|e| StoreError::unique(e, "organization.name", "organization_name"))?;
        tx.commit().await?;
        Ok(row)
    }

    /// Creates every organization of an import in one transaction: all of them, or none
    /// (a name taken meanwhile refuses the whole set as a conflict on `organization_name`).
    pub async fn import_organizations(
        &self,
        records: &[NewOrganization],
    ) -> Result<usize, StoreError> {
        let now = Utc::now();
        let mut tx = self.store.begin().await?;
        for r in records {
            on_backend!(tx.exec(), c => sqlx::query(
                "INSERT INTO organization (municipality_id, name, name_en, kind, location, contact_person, description, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .bind(self.municipality_id.0).bind(&r.name).bind(&r.name_en).bind(r.kind.code()).bind(r.location.code())
                .bind(&r.contact_person).bind(&r.description).bind(now)
                .execute(c).await.map(|_| ()))
            .map_err(|e| StoreError::unique(e, "organization.name", "organization_name"))?;
        }
        tx.commit().await?;
        Ok(records.len())
    }

    /// Every organization's details, by name: for the list's file and for an import's check
    /// of names already used.
    pub async fn organization_list(&self) -> Result<Vec<OrganizationDetails>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, OrganizationDetails>(
            "SELECT id, name, name_en, kind, location, contact_person, description FROM organization \
             WHERE municipality_id = $1 ORDER BY name")
            .bind(self.municipality_id.0).fetch_all(c).await)?;
        Ok(rows)
    }

    pub async fn organization_details(
        &self,
        id: i64,
    ) -> Result<Option<OrganizationDetails>, StoreError> {
        let mut conn = self.store.conn().await?;
        let row = on_backend!(conn.exec(), c => sqlx::query_as::<_, OrganizationDetails>(
            "SELECT id, name, name_en, kind, location, contact_person, description FROM organization \
             WHERE municipality_id = $1 AND id = $2")
            .bind(self.municipality_id.0).bind(id).fetch_optional(c).await)?;
        Ok(row)
    }
}
