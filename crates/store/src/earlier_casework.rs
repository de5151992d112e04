//! Loading a town's earlier casework: an introduction's whole history, or a registration,
//! moved into the past with the facts the town's numbers count (the demo town's two fiscal
//! years, or an import from another system).

use chrono::{DateTime, NaiveDate, Utc};
use domain::MunicipalityId;
use domain::report::FactKind;

use crate::account::AccountId;
use crate::{StoreError, TenantStore, Tx};

impl TenantStore<'_> {
    /// The town's open 3/6/12-month check-ins due on or before `until`: (follow-up, months,
    /// due day), oldest first; names no one.
    pub async fn earlier_check_ins(
        &self,
        until: NaiveDate,
    ) -> Result<Vec<(i64, u32, NaiveDate)>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows: Vec<(i64, String, NaiveDate)> = on_backend!(conn.exec(), c => sqlx::query_as(
            "SELECT id, note, due_on FROM follow_up WHERE municipality_id = $1 AND done_at IS NULL \
             AND introduction_id IS NOT NULL AND due_on <= $2 ORDER BY due_on, id")
            .bind(self.municipality_id.0).bind(until).fetch_all(c).await)?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, note, due)| {
                domain::introduction::check_in::months_of(&note).map(|m| (id, m, due))
            })
            .collect())
    }

    /// Completes an earlier follow-up with its answer on the day it was answered, `at`: its
    /// facts, the last contact and the timeline are dated then (the demo town's past, or an
    /// import from another system).
    pub async fn complete_earlier_follow_up(
        &self,
        id: i64,
        by: AccountId,
        answered: (&str, Option<&domain::introduction::check_in::CheckIn>),
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        self.complete_follow_up_at(id, by, answered, at).await
    }

    /// Moves an introduction's whole history `days` into the past: its times, its events, the
    /// members' answers, what was shared and its follow-ups. For loading a town's earlier
    /// casework (the demo town's two fiscal years, or an import from another system).
    pub async fn shift_introduction_history(&self, id: i64, days: i64) -> Result<(), StoreError> {
        let shift = chrono::Duration::days(days);
        let town = self.municipality_id.0;
        let mut tx = self.store.begin().await?;
        type Times = (
            DateTime<Utc>,
            DateTime<Utc>,
            Option<DateTime<Utc>>,
            Option<DateTime<Utc>>,
        );
        let times: Option<Times> = on_backend!(tx.exec(), c => sqlx::query_as(
            "SELECT created_at, updated_at, concluded_at, meeting_at FROM introduction WHERE municipality_id = $1 AND id = $2")
            .bind(town).bind(id).fetch_optional(c).await)?;
        let Some((created, updated, concluded, meeting)) = times else {
            return Err(StoreError::NotFound);
        };
        on_backend!(tx.exec(), c => sqlx::query(
            "UPDATE introduction SET created_at = $1, updated_at = $2, concluded_at = $3, meeting_at = $4 WHERE id = $5")
            .bind(created - shift).bind(updated - shift).bind(concluded.map(|t| t - shift)).bind(meeting.map(|t| t - shift)).bind(id)
            .execute(c).await.map(|r| r.rows_affected()))?;
        let events: Vec<(i64, DateTime<Utc>)> = on_backend!(tx.exec(), c => sqlx::query_as(
            "SELECT id, at FROM introduction_event WHERE introduction_id = $1").bind(id).fetch_all(c).await)?;
        for (event, at) in events {
            on_backend!(tx.exec(), c => sqlx::query("UPDATE introduction_event SET at = $1 WHERE id = $2")
                .bind(at - shift).bind(event).execute(c).await.map(|r| r.rows_affected()))?;
        }
        let members: Vec<(i64, Option<DateTime<Utc>>)> = on_backend!(tx.exec(), c => sqlx::query_as(
            "SELECT participant_id, responded_at FROM introduction_member WHERE introduction_id = $1").bind(id).fetch_all(c).await)?;
        for (member, at) in members {
            on_backend!(tx.exec(), c => sqlx::query(
                "UPDATE introduction_member SET responded_at = $1 WHERE introduction_id = $2 AND participant_id = $3")
                .bind(at.map(|t| t - shift)).bind(id).bind(member).execute(c).await.map(|r| r.rows_affected()))?;
        }
        let shared: Vec<(i64, DateTime<Utc>, Option<DateTime<Utc>>)> = on_backend!(tx.exec(), c => sqlx::query_as(
            "SELECT id, provided_at, stopped_at FROM provision_record WHERE introduction_id = $1").bind(id).fetch_all(c).await)?;
        for (record, provided, stopped) in shared {
            on_backend!(tx.exec(), c => sqlx::query("UPDATE provision_record SET provided_at = $1, stopped_at = $2 WHERE id = $3")
                .bind(provided - shift).bind(stopped.map(|t| t - shift)).bind(record).execute(c).await.map(|r| r.rows_affected()))?;
        }
        let follow_ups: Vec<(i64, NaiveDate, DateTime<Utc>)> = on_backend!(tx.exec(), c => sqlx::query_as(
            "SELECT id, due_on, created_at FROM follow_up WHERE introduction_id = $1").bind(id).fetch_all(c).await)?;
        for (follow_up, due, created) in follow_ups {
            on_backend!(tx.exec(), c => sqlx::query("UPDATE follow_up SET due_on = $1, created_at = $2 WHERE id = $3")
                .bind(due - shift).bind(created - shift).bind(follow_up).execute(c).await.map(|r| r.rows_affected()))?;
        }
        let kinds = [FactKind::Introduction, FactKind::Outcome];
        shift_facts(&mut tx, self.municipality_id, (&kinds, id), shift).await?;
        tx.commit().await
    }

    /// Moves the facts of an event's bookings (confirmed or waitlisted when asked) `days` into
    /// the past: for loading events booked before the town moved to wakucareer.
    pub async fn backdate_bookings(&self, event: i64, days: i64) -> Result<(), StoreError> {
        let mut tx = self.store.begin().await?;
        let kinds = [FactKind::Booked, FactKind::Waitlisted];
        let shift = chrono::Duration::days(days);
        shift_facts(&mut tx, self.municipality_id, (&kinds, event), shift).await?;
        tx.commit().await
    }

    /// Moves a participant's registration `days` into the past, with its facts (registered,
    /// and the goal track chosen): for loading people who registered before the town moved to
    /// wakucareer (and the demo town's).
    pub async fn backdate_registration(
        &self,
        account: AccountId,
        days: i64,
    ) -> Result<(), StoreError> {
        let shift = chrono::Duration::days(days);
        let town = self.municipality_id;
        let mut tx = self.store.begin().await?;
        let created: Option<DateTime<Utc>> = on_backend!(tx.exec(), c => sqlx::query_scalar(
            "SELECT created_at FROM account WHERE municipality_id = $1 AND id = $2 AND role = 'participant'")
            .bind(town.0).bind(account.0).fetch_optional(c).await)?;
        let Some(created) = created else {
            return Err(StoreError::NotFound);
        };
        on_backend!(tx.exec(), c => sqlx::query("UPDATE account SET created_at = $1 WHERE id = $2")
            .bind(created - shift).bind(account.0).execute(c).await.map(|r| r.rows_affected()))?;
        let facts: Vec<(i64, NaiveDate)> = on_backend!(tx.exec(), c => sqlx::query_as(
            "SELECT id, occurred_on FROM program_fact WHERE municipality_id = $1 AND kind IN ($2, $3) AND person = $4")
            .bind(town.0).bind(FactKind::Registered.code()).bind(FactKind::GoalChosen.code()).bind(account.0)
            .fetch_all(c).await)?;
        for (fact, on) in facts {
            on_backend!(tx.exec(), c => sqlx::query("UPDATE program_fact SET occurred_on = $1 WHERE id = $2")
                .bind(on - shift).bind(fact).execute(c).await.map(|r| r.rows_affected()))?;
        }
        tx.commit().await
    }
}

/// Moves the facts of `kinds` about `subject` `shift` into the past.
async fn shift_facts(
    tx: &mut Tx,
    town: MunicipalityId,
    (kinds, subject): (&[FactKind], i64),
    shift: chrono::Duration,
) -> Result<(), StoreError> {
    for kind in kinds {
        let facts: Vec<(i64, NaiveDate)> = on_backend!(tx.exec(), c => sqlx::query_as(
            "SELECT id, occurred_on FROM program_fact WHERE municipality_id = $1 AND kind = $2 AND subject = $3")
            .bind(town.0).bind(kind.code()).bind(subject).fetch_all(c).await)?;
        for (fact, on) in facts {
            on_backend!(tx.exec(), c => sqlx::query("UPDATE program_fact SET occurred_on = $1 WHERE id = $2")
                .bind(on - shift).bind(fact).execute(c).await.map(|r| r.rows_affected()))?;
        }
    }
    Ok(())
}
