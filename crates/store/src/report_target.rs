//! The town officer's choices about the report: yearly targets per measure
//! (`domain::report::target`; setting a year's targets replaces that year's whole set in one
//! transaction), and the measures shown on the town's public results page.

use chrono::Utc;
use domain::report::Measure;
use domain::report::target::Targets;

use crate::account::AccountId;
use crate::{StoreError, TenantStore};

impl TenantStore<'_> {
    /// The targets set for the fiscal year starting in `fiscal_year`, in the report's order.
    pub async fn report_targets(&self, fiscal_year: i32) -> Result<Targets, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows: Vec<(String, i64)> = on_backend!(conn.exec(), c => sqlx::query_as(
            "SELECT measure, target FROM report_target WHERE municipality_id = $1 AND fiscal_year = $2")
            .bind(self.municipality_id.0).bind(fiscal_year).fetch_all(c).await)?;
        let targets = Measure::ALL
            .iter()
            .filter_map(|m| {
                let (_, value) = rows.iter().find(|(code, _)| code == m.code())?;
                Some((*m, u64::try_from(*value).unwrap_or(0)))
            })
            .collect();
        Ok(Targets(targets))
    }

    /// Sets the year's targets to `targets`: measures not in it have none afterwards.
    pub async fn set_report_targets(
        &self,
        fiscal_year: i32,
        targets: &Targets,
        by: AccountId,
    ) -> Result<(), StoreError> {
        let now = Utc::now();
        let mut tx = self.store.begin().await?;
        on_backend!(tx.exec(), c => sqlx::query(
            "DELETE FROM report_target WHERE municipality_id = $1 AND fiscal_year = $2")
            .bind(self.municipality_id.0).bind(fiscal_year).execute(c).await.map(|_| ()))?;
        for (measure, value) in &targets.0 {
            let value = i64::try_from(*value).unwrap_or(i64::MAX);
            on_backend!(tx.exec(), c => sqlx::query(
                "INSERT INTO report_target (municipality_id, fiscal_year, measure, target, set_by, set_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(self.municipality_id.0).bind(fiscal_year).bind(measure.code()).bind(value)
                .bind(by.0).bind(now).execute(c).await.map(|_| ()))?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The measures the town publishes, in the report's order.
    pub async fn published_measures(&self) -> Result<Vec<Measure>, StoreError> {
        let mut conn = self.store.conn().await?;
        let codes: Vec<String> = on_backend!(conn.exec(), c => sqlx::query_scalar(
            "SELECT measure FROM report_published WHERE municipality_id = $1")
            .bind(self.municipality_id.0).fetch_all(c).await)?;
        Ok(Measure::ALL
            .iter()
            .copied()
            .filter(|m| codes.iter().any(|c| c == m.code()))
            .collect())
    }

    /// Publishes exactly `measures`.
    pub async fn set_published_measures(&self, measures: &[Measure]) -> Result<(), StoreError> {
        let mut tx = self.store.begin().await?;
        on_backend!(tx.exec(), c => sqlx::query("DELETE FROM report_published WHERE municipality_id = $1")
            .bind(self.municipality_id.0).execute(c).await.map(|_| ()))?;
        for measure in measures {
            on_backend!(tx.exec(), c => sqlx::query(
                "INSERT INTO report_published (municipality_id, measure) VALUES ($1, $2)")
                .bind(self.municipality_id.0).bind(measure.code()).execute(c).await.map(|_| ()))?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Counts under this are hidden in files and on the public page.
    pub async fn report_threshold(&self) -> Result<u64, StoreError> {
        let mut conn = self.store.conn().await?;
        let n: i32 = on_backend!(conn.exec(), c => sqlx::query_scalar(
            "SELECT report_threshold FROM municipality WHERE id = $1")
            .bind(self.municipality_id.0).fetch_one(c).await)?;
        Ok(u64::try_from(n).unwrap_or(10))
    }

    pub async fn set_report_threshold(&self, threshold: u32) -> Result<(), StoreError> {
        let mut conn = self.store.conn().await?;
        let n = i32::try_from(threshold).unwrap_or(i32::MAX);
        on_backend!(conn.exec(), c => sqlx::query(
            "UPDATE municipality SET report_threshold = $1 WHERE id = $2")
            .bind(n).bind(self.municipality_id.0).execute(c).await.map(|_| ()))?;
        Ok(())
    }
}
