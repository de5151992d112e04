//! Enquiries from the public "work with us" form (企業・団体の方へ), reviewed by coordinators.

use chrono::{DateTime, Utc};

use domain::organization::{EnquiryStatus, OrganizationKind, OrganizationLocation};

use crate::account::AccountId;
use crate::{StoreError, TenantStore};

#[derive(Debug, Clone)]
pub struct NewEnquiry {
    pub organization_name: String,
    pub kind: OrganizationKind,
    pub location: OrganizationLocation,
    pub contact_person: String,
    pub email: String,
    pub phone: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Enquiry {
    pub id: i64,
    pub organization_name: String,
    #[sqlx(try_from = "String")]
    pub kind: OrganizationKind,
    #[sqlx(try_from = "String")]
    pub location: OrganizationLocation,
    pub contact_person: String,
    pub email: String,
    pub phone: String,
    pub message: String,
    #[sqlx(try_from = "String")]
    pub status: EnquiryStatus,
    pub organization_id: Option<i64>,
    pub created_at: DateTime<Utc>,
}

const COLUMNS: &str = "id, organization_name, kind, location, contact_person, email, phone, message, status, organization_id, created_at";

impl TenantStore<'_> {
    pub async fn create_enquiry(&self, new: &NewEnquiry) -> Result<i64, StoreError> {
        let mut tx = self.store.begin().await?;
        let id: i64 = on_backend!(tx.exec(), c => sqlx::query_scalar(
            "INSERT INTO enquiry (municipality_id, organization_name, kind, location, contact_person, email, phone, message, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id")
            .bind(self.municipality_id.0).bind(&new.organization_name).bind(new.kind.code()).bind(new.location.code())
            .bind(&new.contact_person).bind(&new.email).bind(&new.phone).bind(&new.message).bind(Utc::now())
            .fetch_one(c).await)?;
        tx.commit().await?;
        Ok(id)
    }

    /// Enquiries, new ones first.
    pub async fn enquiries(&self, limit: i64) -> Result<Vec<Enquiry>, StoreError> {
        let mut conn = self.store.conn().await?;
        let sql = format!(
            "SELECT {COLUMNS} FROM enquiry WHERE municipality_id = $1 ORDER BY status = 'new' DESC, id DESC LIMIT $2"
        );
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, Enquiry>(&sql)
            .bind(self.municipality_id.0).bind(limit).fetch_all(c).await)?;
        Ok(rows)
    }

    pub async fn enquiry(&self, id: i64) -> Result<Option<Enquiry>, StoreError> {
        let mut conn = self.store.conn().await?;
        let sql = format!("SELECT {COLUMNS} FROM enquiry WHERE municipality_id = $1 AND id = $2");
        let row = on_backend!(conn.exec(), c => sqlx::query_as::<_, Enquiry>(&sql)
            .bind(self.municipality_id.0).bind(id).fetch_optional(c).await)?;
        Ok(row)
    }

    /// Marks a new enquiry handled; `false` when it was already handled (a double click).
    pub async fn close_enquiry(
        &self,
        id: i64,
        status: EnquiryStatus,
        organization: Option<i64>,
        by: AccountId,
    ) -> Result<bool, StoreError> {
        let mut tx = self.store.begin().await?;
        let changed = on_backend!(tx.exec(), c => sqlx::query(
            "UPDATE enquiry SET status = $1, organization_id = $2, handled_by = $3, handled_at = $4 \
             WHERE municipality_id = $5 AND id = $6 AND status = 'new'")
            .bind(status.code()).bind(organization).bind(by.0).bind(Utc::now()).bind(self.municipality_id.0).bind(id)
            .execute(c).await.map(|r| r.rows_affected()))?;
        tx.commit().await?;
        Ok(changed > 0)
    }
}
