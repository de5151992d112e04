//! Correcting a hearing afterwards: the hearing as it stood is kept as a revision, with who
//! changed it, when and why, in the same transaction as the change.

use chrono::{DateTime, NaiveDate, Utc};

use crate::account::AccountId;
use crate::{StoreError, TenantStore};

/// A hearing's corrected contents, and why it was corrected.
#[derive(Debug, Clone)]
pub struct HearingCorrection {
    pub held_on: NaiveDate,
    pub goals: String,
    pub worries: String,
    pub constraints_confirmed: bool,
    pub notes: String,
    pub reason: String,
}

/// A hearing as it stood before one correction.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct HearingRevision {
    pub hearing_id: i64,
    pub held_on: NaiveDate,
    pub goals: String,
    pub worries: String,
    pub constraints_confirmed: bool,
    pub notes: String,
    pub reason: String,
    pub changed_by_name: String,
    pub changed_at: DateTime<Utc>,
}

impl TenantStore<'_> {
    /// Corrects one of `participant`'s hearings, keeping the version it replaces; `false`
    /// when the town has no such hearing of that person (nothing is written).
    pub async fn correct_hearing(
        &self,
        (participant, hearing): (AccountId, i64),
        correction: &HearingCorrection,
        by: AccountId,
    ) -> Result<bool, StoreError> {
        let now = Utc::now();
        let town = self.municipality_id.0;
        let mut tx = self.store.begin().await?;
        let kept = on_backend!(tx.exec(), c => sqlx::query(
            "INSERT INTO hearing_revision (municipality_id, hearing_id, held_on, goals, worries, \
             constraints_confirmed, notes, reason, changed_by, changed_at) \
             SELECT municipality_id, id, held_on, goals, worries, constraints_confirmed, notes, $1, $2, $3 \
             FROM hearing WHERE municipality_id = $4 AND participant_id = $5 AND id = $6")
            .bind(&correction.reason).bind(by.0).bind(now).bind(town).bind(participant.0).bind(hearing)
            .execute(c).await.map(|r| r.rows_affected()))?;
        if kept == 0 {
            return Ok(false);
        }
        on_backend!(tx.exec(), c => sqlx::query(
            "UPDATE hearing SET held_on = $1, goals = $2, worries = $3, constraints_confirmed = $4, notes = $5 \
             WHERE municipality_id = $6 AND id = $7")
            .bind(correction.held_on).bind(&correction.goals).bind(&correction.worries)
            .bind(correction.constraints_confirmed).bind(&correction.notes).bind(town).bind(hearing)
            .execute(c).await.map(|r| r.rows_affected()))?;
        // A corrected date is a correction of the fact too.
        on_backend!(tx.exec(), c => sqlx::query(
            "UPDATE program_fact SET occurred_on = $1 WHERE municipality_id = $2 AND kind = $3 AND subject = $4")
            .bind(correction.held_on).bind(town).bind(domain::report::FactKind::Hearing.code()).bind(hearing)
            .execute(c).await.map(|r| r.rows_affected()))?;
        tx.commit().await?;
        Ok(true)
    }

    /// Every earlier version of a person's hearings, newest correction first.
    pub async fn hearing_revisions(
        &self,
        participant: AccountId,
    ) -> Result<Vec<HearingRevision>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, HearingRevision>(
            "SELECT r.hearing_id, r.held_on, r.goals, r.worries, r.constraints_confirmed, r.notes, r.reason, \
             a.display_name AS changed_by_name, r.changed_at FROM hearing_revision r \
             JOIN hearing h ON h.id = r.hearing_id JOIN account a ON a.id = r.changed_by \
             WHERE r.municipality_id = $1 AND h.participant_id = $2 ORDER BY r.changed_at DESC, r.id DESC")
            .bind(self.municipality_id.0).bind(participant.0).fetch_all(c).await)?;
        Ok(rows)
    }
}
