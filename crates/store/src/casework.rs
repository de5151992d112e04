//! A coordinator's casework with a participant: hearings (ヒアリング), follow-ups
//! (フォローアップ) and the case timeline that other work appends to.

use chrono::{DateTime, NaiveDate, Utc};
use domain::timeline::{Detail, TimelineKind};

use crate::account::AccountId;
use crate::participant::add_case_event;
use crate::program_fact::NewFact;
use crate::{StoreError, TenantStore};
use domain::introduction::check_in::CheckIn;
use domain::report::FactKind;

/// A hearing about to be recorded.
#[derive(Debug, Clone)]
pub struct NewHearing {
    pub participant: AccountId,
    pub coordinator: AccountId,
    pub held_on: NaiveDate,
    pub goals: String,
    pub worries: String,
    pub constraints_confirmed: bool,
    pub notes: String,
    /// Self-declared skills the coordinator confirmed; they become verified.
    pub confirmed_skills: Vec<String>,
    /// A follow-up to schedule, if any: due date and note.
    pub follow_up: Option<(NaiveDate, String)>,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Hearing {
    pub id: i64,
    pub coordinator_name: String,
    pub held_on: NaiveDate,
    pub goals: String,
    pub worries: String,
    pub constraints_confirmed: bool,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct FollowUp {
    pub id: i64,
    pub participant_id: i64,
    pub participant_name: String,
    pub due_on: NaiveDate,
    pub note: String,
    pub done_at: Option<DateTime<Utc>>,
    /// What the coordinator learned when completing it (e.g. an outcome check-in's answers).
    pub answer: String,
}

/// A line of a participant's case timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseEvent {
    pub kind: TimelineKind,
    pub detail: Detail,
    pub actor_name: Option<String>,
    pub at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct CaseEventRow {
    #[sqlx(try_from = "String")]
    kind: TimelineKind,
    summary: String,
    actor_name: Option<String>,
    at: DateTime<Utc>,
}

impl TryFrom<CaseEventRow> for CaseEvent {
    type Error = StoreError;

    fn try_from(row: CaseEventRow) -> Result<Self, StoreError> {
        Ok(CaseEvent {
            detail: row.kind.detail(&row.summary)?,
            kind: row.kind,
            actor_name: row.actor_name,
            at: row.at,
        })
    }
}

impl TenantStore<'_> {
    /// Records a hearing, marks the confirmed skills verified, notes the contact and schedules
    /// the follow-up: all or nothing. Returns the hearing's id.
    pub async fn record_hearing(&self, hearing: &NewHearing) -> Result<i64, StoreError> {
        let now = Utc::now();
        let town = self.municipality_id;
        let participant = self
            .participant(hearing.participant)
            .await?
            .ok_or(StoreError::NotFound)?;
        let mut tx = self.store.begin().await?;
        let id: i64 = on_backend!(tx.exec(), c => sqlx::query_scalar(
            "INSERT INTO hearing (municipality_id, participant_id, coordinator_id, held_on, goals, worries, \
             constraints_confirmed, notes, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id")
            .bind(town.0).bind(hearing.participant.0).bind(hearing.coordinator.0).bind(hearing.held_on)
            .bind(&hearing.goals).bind(&hearing.worries).bind(hearing.constraints_confirmed).bind(&hearing.notes).bind(now)
            .fetch_one(c).await)?;
        let fact = crate::program_fact::NewFact {
            on: hearing.held_on,
            ..crate::program_fact::NewFact::at(
                domain::report::FactKind::Hearing,
                now,
                hearing.participant.0,
            )
        }
        .subject(id);
        crate::program_fact::record(&mut tx, town, &fact).await?;
        for skill in hearing
            .confirmed_skills
            .iter()
            .filter(|s| participant.skills.iter().any(|p| &p.skill_id == *s))
        {
            on_backend!(tx.exec(), c => sqlx::query(
                "UPDATE participant_skill SET verified_by = $1, verified_at = $2 WHERE municipality_id = $3 AND account_id = $4 AND skill_id = $5")
                .bind(hearing.coordinator.0).bind(now).bind(town.0).bind(hearing.participant.0).bind(skill)
                .execute(c).await.map(|r| r.rows_affected()))?;
        }
        on_backend!(tx.exec(), c => sqlx::query(
            "UPDATE participant_profile SET last_contact_at = $1 WHERE municipality_id = $2 AND account_id = $3")
            .bind(now).bind(town.0).bind(hearing.participant.0).execute(c).await.map(|r| r.rows_affected()))?;
        add_case_event(
            tx.exec(),
            town,
            hearing.participant,
            TimelineKind::Hearing,
            &hearing.held_on.to_string(),
            Some(hearing.coordinator),
            now,
        )
        .await?;
        if let Some((due_on, note)) = &hearing.follow_up {
            insert_follow_up(
                &mut tx,
                town.0,
                hearing.participant,
                hearing.coordinator,
                *due_on,
                note,
                now,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// A participant's hearings, newest first.
    pub async fn hearings(&self, participant: AccountId) -> Result<Vec<Hearing>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, Hearing>(
            "SELECT h.id, a.display_name AS coordinator_name, h.held_on, h.goals, h.worries, h.constraints_confirmed, h.notes \
             FROM hearing h JOIN account a ON a.id = h.coordinator_id \
             WHERE h.municipality_id = $1 AND h.participant_id = $2 ORDER BY h.held_on DESC, h.id DESC")
            .bind(self.municipality_id.0).bind(participant.0).fetch_all(c).await)?;
        Ok(rows)
    }

    pub async fn add_follow_up(
        &self,
        participant: AccountId,
        assigned_to: AccountId,
        due_on: NaiveDate,
        note: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.store.begin().await?;
        insert_follow_up(
            &mut tx,
            self.municipality_id.0,
            participant,
            assigned_to,
            due_on,
            note,
            Utc::now(),
        )
        .await?;
        tx.commit().await
    }

    /// One of the town's follow-ups, for the page that records a check-in's answer.
    pub async fn follow_up(
        &self,
        id: i64,
    ) -> Result<crate::audit::Unshown<Option<FollowUp>>, StoreError> {
        let mut conn = self.store.conn().await?;
        let row = on_backend!(conn.exec(), c => sqlx::query_as::<_, FollowUp>(
            "SELECT f.id, f.participant_id, a.display_name AS participant_name, f.due_on, f.note, f.done_at, f.answer \
             FROM follow_up f JOIN account a ON a.id = f.participant_id \
             WHERE f.municipality_id = $1 AND f.id = $2")
            .bind(self.municipality_id.0).bind(id).fetch_optional(c).await)?;
        Ok(crate::audit::Unshown::new(row))
    }

    /// The months of the check-in an open follow-up of the town is, if it is one.
    pub async fn open_check_in(&self, id: i64) -> Result<Option<u32>, StoreError> {
        let mut conn = self.store.conn().await?;
        let note: Option<String> = on_backend!(conn.exec(), c => sqlx::query_scalar(
            "SELECT note FROM follow_up WHERE municipality_id = $1 AND id = $2 AND done_at IS NULL")
            .bind(self.municipality_id.0).bind(id).fetch_optional(c).await)?;
        Ok(note
            .as_deref()
            .and_then(domain::introduction::check_in::months_of))
    }

    /// Marks a follow-up done with what was learned, and a check-in's answer as the facts
    /// the town's numbers count; `false` when it was already done (a double click);
    /// [`StoreError::NotFound`] when this town has no such follow-up.
    pub async fn complete_follow_up(
        &self,
        id: i64,
        by: AccountId,
        answered: (&str, Option<&CheckIn>),
    ) -> Result<bool, StoreError> {
        self.complete_follow_up_at(id, by, answered, Utc::now())
            .await
    }

    /// [`Self::complete_follow_up`] as of `now` (earlier casework is completed on its day).
    pub(crate) async fn complete_follow_up_at(
        &self,
        id: i64,
        by: AccountId,
        (answer, check_in): (&str, Option<&CheckIn>),
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let mut tx = self.store.begin().await?;
        let done: Option<(i64, Option<i64>)> = on_backend!(tx.exec(), c => sqlx::query_as(
            "UPDATE follow_up SET done_at = $1, answer = $2 WHERE municipality_id = $3 AND id = $4 AND done_at IS NULL \
             RETURNING participant_id, introduction_id")
            .bind(now).bind(answer).bind(self.municipality_id.0).bind(id).fetch_optional(c).await)?;
        let participant = done.map(|(p, _)| p);
        if let (Some((person, introduction)), Some(check_in)) = (done, check_in) {
            record_check_in(
                &mut tx,
                self.municipality_id,
                (person, introduction),
                check_in,
                now,
            )
            .await?;
        }
        let Some(participant) = participant else {
            let exists: Option<i64> = on_backend!(tx.exec(), c => sqlx::query_scalar(
                "SELECT id FROM follow_up WHERE municipality_id = $1 AND id = $2")
                .bind(self.municipality_id.0).bind(id).fetch_optional(c).await)?;
            return exists.map(|_| false).ok_or(StoreError::NotFound);
        };
        on_backend!(tx.exec(), c => sqlx::query(
            "UPDATE participant_profile SET last_contact_at = $1 WHERE municipality_id = $2 AND account_id = $3")
            .bind(now).bind(self.municipality_id.0).bind(participant).execute(c).await.map(|r| r.rows_affected()))?;
        add_case_event(
            tx.exec(),
            self.municipality_id,
            AccountId(participant),
            TimelineKind::FollowUpDone,
            answer,
            Some(by),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Open follow-ups assigned to a coordinator due on or before `until`, soonest first.
    pub async fn follow_ups_due(
        &self,
        assigned_to: AccountId,
        until: NaiveDate,
    ) -> Result<crate::audit::Unshown<Vec<FollowUp>>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, FollowUp>(
            "SELECT f.id, f.participant_id, a.display_name AS participant_name, f.due_on, f.note, f.done_at, f.answer \
             FROM follow_up f JOIN account a ON a.id = f.participant_id \
             WHERE f.municipality_id = $1 AND f.assigned_to = $2 AND f.done_at IS NULL AND f.due_on <= $3 \
             ORDER BY f.due_on, f.id")
            .bind(self.municipality_id.0).bind(assigned_to.0).bind(until).fetch_all(c).await)?;
        Ok(crate::audit::Unshown::new(rows))
    }

    /// A participant's follow-ups, open first.
    pub async fn follow_ups_of(&self, participant: AccountId) -> Result<Vec<FollowUp>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, FollowUp>(
            "SELECT f.id, f.participant_id, a.display_name AS participant_name, f.due_on, f.note, f.done_at, f.answer \
             FROM follow_up f JOIN account a ON a.id = f.participant_id \
             WHERE f.municipality_id = $1 AND f.participant_id = $2 ORDER BY f.done_at IS NOT NULL, f.due_on")
            .bind(self.municipality_id.0).bind(participant.0).fetch_all(c).await)?;
        Ok(rows)
    }

    /// The case timeline, newest first.
    pub async fn case_events(&self, participant: AccountId) -> Result<Vec<CaseEvent>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, CaseEventRow>(
            "SELECT e.kind, e.summary, a.display_name AS actor_name, e.at FROM case_event e \
             LEFT JOIN account a ON a.id = e.actor_id \
             WHERE e.municipality_id = $1 AND e.participant_id = $2 ORDER BY e.at DESC, e.id DESC")
            .bind(self.municipality_id.0).bind(participant.0).fetch_all(c).await)?;
        rows.into_iter().map(CaseEvent::try_from).collect()
    }
}

async fn insert_follow_up(
    tx: &mut crate::Tx,
    town: i64,
    participant: AccountId,
    assigned_to: AccountId,
    due_on: NaiveDate,
    note: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    on_backend!(tx.exec(), c => sqlx::query(
        "INSERT INTO follow_up (municipality_id, participant_id, assigned_to, due_on, note, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(town).bind(participant.0).bind(assigned_to.0).bind(due_on).bind(note).bind(now)
        .execute(c).await.map(|r| r.rows_affected()))?;
    add_case_event(
        tx.exec(),
        domain::MunicipalityId(town),
        participant,
        TimelineKind::FollowUpScheduled,
        &due_on.to_string(),
        Some(assigned_to),
        now,
    )
    .await
}

/// A follow-up that has come due and whose coordinator has not been told yet.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct DueFollowUp {
    pub id: i64,
    pub municipality_id: i64,
    pub assigned_to: i64,
    pub participant_id: i64,
    pub participant_name: String,
    pub due_on: NaiveDate,
    pub note: String,
}

impl crate::Store {
    /// Follow-ups due on or before `today`, open, and not yet notified, in every town.
    pub async fn follow_ups_to_notify(
        &self,
        today: NaiveDate,
        limit: i64,
    ) -> Result<Vec<DueFollowUp>, StoreError> {
        let mut conn = self.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, DueFollowUp>(
            "SELECT f.id, f.municipality_id, f.assigned_to, f.participant_id, a.display_name AS participant_name, \
             f.due_on, f.note FROM follow_up f JOIN account a ON a.id = f.participant_id \
             WHERE f.done_at IS NULL AND f.notified_at IS NULL AND f.due_on <= $1 ORDER BY f.id LIMIT $2")
            .bind(today).bind(limit).fetch_all(c).await)?;
        Ok(rows)
    }

    /// Marks a follow-up notified and writes its notifications, once: a second worker that
    /// read the same follow-up finds it already marked and writes nothing.
    pub async fn notify_follow_up(
        &self,
        follow_up: &DueFollowUp,
        notifications: &[crate::notification::NewNotification],
    ) -> Result<bool, StoreError> {
        let now = Utc::now();
        let mut tx = self.begin().await?;
        let marked = on_backend!(tx.exec(), c => sqlx::query(
            "UPDATE follow_up SET notified_at = $1 WHERE id = $2 AND notified_at IS NULL")
            .bind(now).bind(follow_up.id).execute(c).await.map(|r| r.rows_affected()))?;
        if marked == 0 {
            return Ok(false);
        }
        crate::notification::write_notifications(
            &mut tx,
            Some(domain::MunicipalityId(follow_up.municipality_id)),
            notifications,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }
}

/// A check-in's answer as facts: its status, and the hours of someone working.
async fn record_check_in(
    tx: &mut crate::Tx,
    town: domain::MunicipalityId,
    (person, introduction): (i64, Option<i64>),
    check_in: &CheckIn,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let status = check_in.status_detail();
    let hours = check_in.hours_detail();
    let details = [
        (FactKind::CheckIn, Some(status)),
        (FactKind::CheckInHours, hours),
    ];
    for (kind, detail) in details {
        let Some(detail) = detail else { continue };
        let mut fact = NewFact::at(kind, now, person).detail(&detail);
        fact.subject = introduction;
        crate::program_fact::record(tx, town, &fact).await?;
    }
    Ok(())
}

impl crate::audit::Subjects for FollowUp {
    fn subjects(&self) -> Vec<i64> {
        vec![self.participant_id]
    }
}
