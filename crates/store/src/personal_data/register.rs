//! The figures a town's 個人情報ファイル簿 entry for the program needs: how many people the
//! file holds now, and to how many organizations their data has been provided (by consent).

use crate::{StoreError, TenantStore};

/// The file's size and its regular recipients, counted today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegisterCounts {
    /// Residents with an account that is not deleted.
    pub people: i64,
    /// Organizations that received someone's profile through a consented introduction.
    pub recipients: i64,
}

impl TenantStore<'_> {
    pub async fn register_counts(&self) -> Result<RegisterCounts, StoreError> {
        let mut conn = self.store.conn().await?;
        let (people, recipients): (i64, i64) = on_backend!(conn.exec(), c => sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM account WHERE municipality_id = $1 \
                     AND role = 'participant' AND deleted_at IS NULL), \
                    (SELECT COUNT(DISTINCT organization_id) FROM provision_record \
                     WHERE municipality_id = $1)")
            .bind(self.municipality_id.0).fetch_one(c).await)?;
        Ok(RegisterCounts { people, recipients })
    }
}
