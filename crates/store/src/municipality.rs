//! Towns: the tenants. These queries are the only ones not scoped to a tenant.

use chrono::{DateTime, Utc};
use domain::municipality::EligibilityRule;
use domain::{
    FiscalYearStartMonth, Municipality, MunicipalityId, MunicipalitySlug, NewMunicipality,
};

use crate::{Exec, Store, StoreError};

#[derive(sqlx::FromRow)]
struct MunicipalityRow {
    id: i64,
    slug: String,
    name_ja: String,
    name_en: String,
    eligibility_rule: String,
    fiscal_year_start_month: i32,
    contact_email: String,
    contact_phone: String,
    prefecture: String,
}

const COLUMNS: &str = "id, slug, name_ja, name_en, eligibility_rule, fiscal_year_start_month, \
                       contact_email, contact_phone, prefecture";

impl TryFrom<MunicipalityRow> for Municipality {
    type Error = StoreError;

    fn try_from(row: MunicipalityRow) -> Result<Self, StoreError> {
        let corrupt = |detail: String| StoreError::Corrupt {
            table: "municipality",
            detail,
        };
        Ok(Municipality {
            id: MunicipalityId(row.id),
            slug: MunicipalitySlug::parse(&row.slug)
                .map_err(|e| corrupt(format!("slug {}: {e}", row.slug)))?,
            name_ja: row.name_ja,
            name_en: row.name_en,
            eligibility: EligibilityRule::from_code(&row.eligibility_rule)
                .ok_or_else(|| corrupt(format!("eligibility_rule {}", row.eligibility_rule)))?,
            fiscal_year_start: u32::try_from(row.fiscal_year_start_month)
                .ok()
                .and_then(FiscalYearStartMonth::new)
                .ok_or_else(|| {
                    corrupt(format!(
                        "fiscal_year_start_month {}",
                        row.fiscal_year_start_month
                    ))
                })?,
            contact_email: row.contact_email,
            contact_phone: row.contact_phone,
            prefecture: row.prefecture,
        })
    }
}

impl Store {
    /// Every town, by slug.
    pub async fn municipalities(&self) -> Result<Vec<Municipality>, StoreError> {
        let mut conn = self.conn().await?;
        let sql = format!("SELECT {COLUMNS} FROM municipality ORDER BY slug");
        let rows = on_backend!(conn.exec(), c =>
            sqlx::query_as::<_, MunicipalityRow>(&sql).fetch_all(c).await)?;
        rows.into_iter().map(Municipality::try_from).collect()
    }

    pub async fn municipality_by_slug(
        &self,
        slug: &str,
    ) -> Result<Option<Municipality>, StoreError> {
        let mut conn = self.conn().await?;
        let sql = format!("SELECT {COLUMNS} FROM municipality WHERE slug = $1");
        let row = on_backend!(conn.exec(), c =>
            sqlx::query_as::<_, MunicipalityRow>(&sql).bind(slug).fetch_optional(c).await)?;
        row.map(Municipality::try_from).transpose()
    }

    /// Creates a town; a slug already in use is a conflict on the `slug` field.
    pub async fn create_municipality(
        &self,
        new: &NewMunicipality,
    ) -> Result<Municipality, StoreError> {
        let mut tx = self.begin().await?;
        let created = insert_municipality(tx.exec(), new, Utc::now()).await?;
        tx.commit().await?;
        Ok(created)
    }
}

/// Inserts a town inside a caller's transaction.
pub async fn insert_municipality(
    exec: Exec<'_>,
    new: &NewMunicipality,
    now: DateTime<Utc>,
) -> Result<Municipality, StoreError> {
    let sql = format!(
        "INSERT INTO municipality (slug, name_ja, name_en, eligibility_rule, fiscal_year_start_month, \
         contact_email, contact_phone, created_at, prefecture) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         RETURNING {COLUMNS}"
    );
    let month = i32::try_from(new.fiscal_year_start.get()).expect("a month fits in i32");
    let row = on_backend!(exec, c => sqlx::query_as::<_, MunicipalityRow>(&sql)
        .bind(new.slug.as_str())
        .bind(&new.name_ja)
        .bind(&new.name_en)
        .bind(new.eligibility.code())
        .bind(month)
        .bind(&new.contact_email)
        .bind(&new.contact_phone)
        .bind(now)
        .bind(&new.prefecture)
        .fetch_one(c)
        .await)
    .map_err(|e| StoreError::unique(e, "municipality.slug", "slug"))?;
    Municipality::try_from(row)
}

impl Store {
    /// A town's slug by id, for links.
    pub async fn municipality_slug(
        &self,
        id: MunicipalityId,
    ) -> Result<Option<String>, StoreError> {
        let mut conn = self.conn().await?;
        let slug = on_backend!(conn.exec(), c => sqlx::query_scalar("SELECT slug FROM municipality WHERE id = $1")
            .bind(id.0)
            .fetch_optional(c)
            .await)?;
        Ok(slug)
    }

    pub async fn municipality(
        &self,
        id: MunicipalityId,
    ) -> Result<Option<Municipality>, StoreError> {
        let mut conn = self.conn().await?;
        let sql = format!("SELECT {COLUMNS} FROM municipality WHERE id = $1");
        let row = on_backend!(conn.exec(), c =>
            sqlx::query_as::<_, MunicipalityRow>(&sql).bind(id.0).fetch_optional(c).await)?;
        row.map(Municipality::try_from).transpose()
    }
}
