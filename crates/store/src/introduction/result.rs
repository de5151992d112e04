//! The organization's report of the result after a meeting (see
//! `domain::introduction::result`), kept beside the introduction until the coordinator
//! records the outcome.

use chrono::Utc;
use domain::introduction::IntroductionStatus;
use domain::introduction::result::{OrganizationResult, PassReason};

use super::{Event, add_event};
use crate::account::AccountId;
use crate::notification::{NewNotification, write_notifications};
use crate::{StoreError, TenantStore};

impl TenantStore<'_> {
    /// The organization's result for one of its introductions, applied only while the
    /// introduction is still at `seen` and a result may be reported there; a second report
    /// replaces the first. Written with its history entry and `notifications`; whether it
    /// applied.
    pub async fn report_result(
        &self,
        (id, organization, seen): (i64, i64, IntroductionStatus),
        result: &OrganizationResult,
        actor: AccountId,
        notifications: &[NewNotification],
    ) -> Result<bool, StoreError> {
        if !OrganizationResult::may_record(seen) {
            return Ok(false);
        }
        let now = Utc::now();
        let town = self.municipality_id;
        let mut tx = self.store.begin().await?;
        let changed = on_backend!(tx.exec(), c => sqlx::query(
            "UPDATE introduction SET result_verdict = $1, result_reason = $2, result_note = $3, \
             result_reported_at = $4, updated_at = $4 \
             WHERE municipality_id = $5 AND id = $6 AND organization_id = $7 AND status = $8")
            .bind(result.verdict.code()).bind(result.reason.map(PassReason::code)).bind(&result.note)
            .bind(now).bind(town.0).bind(id).bind(organization).bind(seen.code())
            .execute(c).await.map(|r| r.rows_affected()))?;
        if changed == 0 {
            return Ok(false);
        }
        let event = Event {
            introduction: id,
            participant: None,
            action: domain::introduction::Step::ResultReported.code(),
            from: seen.code(),
            to: seen.code(),
            actor,
            note: &result.note,
        };
        add_event(&mut tx, town, event, now).await?;
        write_notifications(&mut tx, Some(town), notifications, now).await?;
        tx.commit().await?;
        Ok(true)
    }
}
