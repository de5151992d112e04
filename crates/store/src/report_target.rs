//! The town officer's yearly targets per measure of the report (`domain::report::target`).
//! Setting a year's targets replaces that year's whole set in one transaction.

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
}
