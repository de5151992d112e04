//! What a town's pages say of it (`domain::town_page`), and its announcements' removal.

use chrono::Utc;
use domain::town_page::TownPage;

use crate::{StoreError, TenantStore};

#[derive(sqlx::FromRow)]
struct Row {
    program_name_ja: Option<String>,
    program_name_en: Option<String>,
    lead_ja: Option<String>,
    lead_en: Option<String>,
    office_ja: Option<String>,
    office_en: Option<String>,
    accent: Option<String>,
    logo: Option<bool>,
    contact_email: String,
    contact_phone: String,
}

impl TenantStore<'_> {
    /// The town's page settings; a town that never set them has the platform's words.
    pub async fn town_page(&self) -> Result<TownPage, StoreError> {
        let mut conn = self.store.conn().await?;
        let row = on_backend!(conn.exec(), c => sqlx::query_as::<_, Row>(
            "SELECT p.program_name_ja, p.program_name_en, p.lead_ja, p.lead_en, p.office_ja, \
             p.office_en, p.accent, p.logo IS NOT NULL AS logo, m.contact_email, m.contact_phone FROM municipality m \
             LEFT JOIN town_page p ON p.municipality_id = m.id WHERE m.id = $1")
            .bind(self.municipality_id.0).fetch_one(c).await)?;
        Ok(TownPage {
            program_name_ja: row.program_name_ja.unwrap_or_default(),
            program_name_en: row.program_name_en.unwrap_or_default(),
            lead_ja: row.lead_ja.unwrap_or_default(),
            lead_en: row.lead_en.unwrap_or_default(),
            office_ja: row.office_ja.unwrap_or_default(),
            office_en: row.office_en.unwrap_or_default(),
            accent: row.accent.unwrap_or_default(),
            contact_email: row.contact_email,
            contact_phone: row.contact_phone,
            logo: row.logo.unwrap_or(false),
        })
    }

    /// Sets the town's logo (its bytes and type, checked by `domain::town_page::logo_type`),
    /// or takes it away.
    pub async fn set_town_logo(&self, logo: Option<(&[u8], &str)>) -> Result<(), StoreError> {
        let (town, now) = (self.municipality_id.0, Utc::now());
        let (bytes, kind) = match logo {
            Some((bytes, kind)) => (Some(bytes.to_vec()), kind),
            None => (None, ""),
        };
        let mut conn = self.store.conn().await?;
        on_backend!(conn.exec(), c => sqlx::query(
            "INSERT INTO town_page (municipality_id, logo, logo_type, updated_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (municipality_id) DO UPDATE SET logo = excluded.logo, logo_type = excluded.logo_type, \
             updated_at = excluded.updated_at")
            .bind(town).bind(bytes).bind(kind).bind(now).execute(c).await.map(|_| ()))?;
        Ok(())
    }

    /// The town's logo: its bytes and type.
    pub async fn town_logo(&self) -> Result<Option<(Vec<u8>, String)>, StoreError> {
        let mut conn = self.store.conn().await?;
        let row: Option<(Option<Vec<u8>>, String)> = on_backend!(conn.exec(), c => sqlx::query_as(
            "SELECT logo, logo_type FROM town_page WHERE municipality_id = $1")
            .bind(self.municipality_id.0).fetch_optional(c).await)?;
        Ok(row.and_then(|(bytes, kind)| bytes.map(|b| (b, kind))))
    }

    /// Saves the settings and the contact, together.
    pub async fn save_town_page(&self, page: &TownPage) -> Result<(), StoreError> {
        let (town, now) = (self.municipality_id.0, Utc::now());
        let mut tx = self.store.begin().await?;
        on_backend!(tx.exec(), c => sqlx::query(
            "INSERT INTO town_page (municipality_id, program_name_ja, program_name_en, lead_ja, lead_en, \
             office_ja, office_en, accent, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
             ON CONFLICT (municipality_id) DO UPDATE SET program_name_ja = excluded.program_name_ja, \
             program_name_en = excluded.program_name_en, lead_ja = excluded.lead_ja, lead_en = excluded.lead_en, \
             office_ja = excluded.office_ja, office_en = excluded.office_en, accent = excluded.accent, \
             updated_at = excluded.updated_at")
            .bind(town).bind(&page.program_name_ja).bind(&page.program_name_en)
            .bind(&page.lead_ja).bind(&page.lead_en).bind(&page.office_ja).bind(&page.office_en)
            .bind(&page.accent).bind(now).execute(c).await.map(|_| ()))?;
        on_backend!(tx.exec(), c => sqlx::query(
            "UPDATE municipality SET contact_email = $1, contact_phone = $2 WHERE id = $3")
            .bind(&page.contact_email).bind(&page.contact_phone).bind(town)
            .execute(c).await.map(|_| ()))?;
        tx.commit().await
    }

    /// Takes an announcement down; false when the town has none with that id.
    pub async fn remove_announcement(&self, id: i64) -> Result<bool, StoreError> {
        let mut conn = self.store.conn().await?;
        let removed = on_backend!(conn.exec(), c => sqlx::query(
            "DELETE FROM announcement WHERE municipality_id = $1 AND id = $2")
            .bind(self.municipality_id.0).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        Ok(removed == 1)
    }
}
