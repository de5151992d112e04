//! An introduction's moves: the coordinator's and the organization's (`advance_introduction`)
//! and each member's answer (`answer_introduction`), each applied only from the state the
//! person saw, with its history, case-timeline entries, facts, follow-ups and notifications
//! in the same transaction.

use chrono::{NaiveDate, Utc};
use domain::introduction::{
    Action, Answer, IntroductionStatus, MemberStatus, NotPlacedReason, PayBand, SharedItem, Step,
    follow_up_base, follow_up_dates, respond,
};
use domain::report::FactKind;

use super::{Change, Event, MemberAnswer, add_event, corrupt};
use crate::account::AccountId;
use crate::notification::{NewNotification, write_notifications};
use crate::participant::add_case_event;
use crate::program_fact::NewFact;
use crate::{StoreError, TenantStore};

impl TenantStore<'_> {
    /// Moves an introduction from `from` to `to` by `action`, recording what the move carries.
    /// Concluding with a placement schedules the 3-, 6- and 12-month follow-ups of every
    /// member for the coordinator who recorded it.
    #[allow(clippy::too_many_arguments)]
    pub async fn advance_introduction(
        &self,
        id: i64,
        (from, to): (IntroductionStatus, IntroductionStatus),
        action: Action,
        actor: AccountId,
        change: &Change,
        notifications: &[NewNotification],
    ) -> Result<bool, StoreError> {
        let now = Utc::now();
        let town = self.municipality_id;
        let mut tx = self.store.begin().await?;
        let (meeting_at, meeting_place) = change
            .meeting
            .clone()
            .map_or((None, None), |(at, place)| (Some(at), Some(place)));
        let outcome = change.outcome.as_ref();
        let changed = on_backend!(tx.exec(), c => sqlx::query(
            "UPDATE introduction SET status = $1, updated_at = $2, \
             meeting_at = COALESCE($3, meeting_at), meeting_place = COALESCE($4, meeting_place), \
             started_on = COALESCE($5, started_on), outcome = COALESCE($6, outcome), \
             outcome_reason = COALESCE($7, outcome_reason), outcome_minutes = COALESCE($8, outcome_minutes), \
             pay_band = COALESCE($9, pay_band), concluded_at = CASE WHEN $1 = 'concluded' THEN $2 ELSE concluded_at END, \
             organization_note = CASE WHEN $10 = '' THEN organization_note ELSE $10 END, \
             meeting_answer = CASE WHEN $3 IS NULL THEN meeting_answer ELSE 'waiting' END, \
             meeting_answer_note = CASE WHEN $3 IS NULL THEN meeting_answer_note ELSE '' END, \
             meeting_reminded_at = CASE WHEN $3 IS NULL THEN meeting_reminded_at ELSE NULL END \
             WHERE municipality_id = $11 AND id = $12 AND status = $13")
            .bind(to.code()).bind(now).bind(meeting_at).bind(meeting_place).bind(change.started_on)
            .bind(outcome.map(|o| o.kind.code())).bind(outcome.and_then(|o| o.reason).map(NotPlacedReason::code))
            .bind(outcome.and_then(|o| o.minutes_per_week).map(|m| i32::try_from(m).unwrap_or(i32::MAX)))
            .bind(outcome.and_then(|o| o.pay_band).map(PayBand::code)).bind(&change.note)
            .bind(town.0).bind(id).bind(from.code())
            .execute(c).await.map(|r| r.rows_affected()))?;
        if changed == 0 {
            return Ok(false);
        }
        let event = Event {
            introduction: id,
            participant: None,
            action: action.code(),
            from: from.code(),
            to: to.code(),
            actor,
            note: &change.note,
        };
        add_event(&mut tx, town, event, now).await?;
        let members: Vec<i64> = on_backend!(tx.exec(), c => sqlx::query_scalar(
            "SELECT participant_id FROM introduction_member WHERE introduction_id = $1 ORDER BY participant_id")
            .bind(id).fetch_all(c).await)?;
        let started_on: Option<NaiveDate> = on_backend!(tx.exec(), c => sqlx::query_scalar(
            "SELECT started_on FROM introduction WHERE id = $1").bind(id).fetch_one(c).await)?;
        let follow_ups_from =
            follow_up_base(started_on, domain::local_time::to_jst(now).date_naive());
        for member in &members {
            let member = AccountId(*member);
            add_case_event(
                tx.exec(),
                town,
                member,
                domain::timeline::TimelineKind::Introduction(action.into()),
                &id.to_string(),
                Some(actor),
                now,
            )
            .await?;
            if let Some(outcome) = outcome {
                let fact = NewFact::at(FactKind::Outcome, now, member.0)
                    .detail(outcome.kind.code())
                    .subject(id);
                crate::program_fact::record(&mut tx, town, &fact).await?;
            }
            if let Some(outcome) = outcome.filter(|o| o.is_placed()) {
                for (months, due_on) in follow_up_dates(follow_ups_from) {
                    on_backend!(tx.exec(), c => sqlx::query(
                        "INSERT INTO follow_up (municipality_id, participant_id, assigned_to, due_on, note, created_at, introduction_id) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7)")
                        .bind(town.0).bind(member.0).bind(actor.0).bind(due_on)
                        .bind(domain::introduction::check_in::note(months, outcome.kind))
                        .bind(now).bind(id)
                        .execute(c).await.map(|r| r.rows_affected()))?;
                }
            }
        }
        write_notifications(&mut tx, Some(town), notifications, now).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// A member's answer. Applied only if the introduction and the member are still as the
    /// person saw them and the other members' answers still lead to the same result; returns
    /// the new (member, introduction) statuses, or `None` when the form was stale. Consent
    /// that makes the profile visible records what is shared; withdrawal ends the record.
    pub async fn answer_introduction(
        &self,
        answer: &MemberAnswer,
        notifications: impl FnOnce(MemberStatus, IntroductionStatus) -> Vec<NewNotification>,
    ) -> Result<Option<(MemberStatus, IntroductionStatus)>, StoreError> {
        let now = Utc::now();
        let town = self.municipality_id;
        let id = answer.introduction;
        let mut tx = self.store.begin().await?;
        // Taking the introduction's row first serializes the members' answers.
        let locked = on_backend!(tx.exec(), c => sqlx::query(
            "UPDATE introduction SET updated_at = $1 WHERE municipality_id = $2 AND id = $3 AND status = $4")
            .bind(now).bind(town.0).bind(id).bind(answer.seen.code())
            .execute(c).await.map(|r| r.rows_affected()))?;
        if locked == 0 {
            return Ok(None);
        }
        let rows: Vec<(i64, String)> = on_backend!(tx.exec(), c => sqlx::query_as(
            "SELECT participant_id, status FROM introduction_member WHERE introduction_id = $1")
            .bind(id).fetch_all(c).await)?;
        let statuses: Vec<(i64, MemberStatus)> = rows
            .iter()
            .map(|(p, s)| {
                MemberStatus::from_code(s)
                    .map(|s| (*p, s))
                    .ok_or_else(|| corrupt(format!("member status {s}")))
            })
            .collect::<Result<_, _>>()?;
        let Some(mine) = statuses
            .iter()
            .find(|(p, _)| *p == answer.participant.0)
            .map(|(_, s)| *s)
        else {
            return Ok(None);
        };
        let others: Vec<MemberStatus> = statuses
            .iter()
            .filter(|(p, _)| *p != answer.participant.0)
            .map(|(_, s)| *s)
            .collect();
        let Ok((member_to, introduction_to)) = respond(answer.seen, mine, answer.answer, &others)
        else {
            return Ok(None);
        };
        let items = if answer.answer == Answer::Consent {
            SharedItem::chosen(&answer.items.iter().map(|i| i.code()).collect::<Vec<_>>())
        } else {
            Vec::new()
        };
        let codes: Vec<&str> = items.iter().map(|i| i.code()).collect();
        on_backend!(tx.exec(), c => sqlx::query(
            "UPDATE introduction_member SET status = $1, decline_reason = $2, responded_at = $3, \
             shared_items = CASE WHEN $6 = '' THEN shared_items ELSE $6 END \
             WHERE introduction_id = $4 AND participant_id = $5")
            .bind(member_to.code()).bind(&answer.reason).bind(now).bind(id).bind(answer.participant.0)
            .bind(codes.join(","))
            .execute(c).await.map(|r| r.rows_affected()))?;
        on_backend!(tx.exec(), c => sqlx::query("UPDATE introduction SET status = $1 WHERE id = $2")
            .bind(introduction_to.code()).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        if introduction_to == IntroductionStatus::Consented
            && answer.seen != IntroductionStatus::Consented
        {
            // The profile becomes visible: one record per member, of what is shared.
            // Each member's own choice ('' from before the choice: every item).
            let every = SharedItem::ALL
                .iter()
                .map(|i| i.code())
                .collect::<Vec<_>>()
                .join(",");
            for (participant, _) in &statuses {
                on_backend!(tx.exec(), c => sqlx::query(
                    "INSERT INTO provision_record (municipality_id, introduction_id, participant_id, organization_id, items, provided_at) \
                     SELECT $1, i.id, m.participant_id, i.organization_id, \
                     CASE WHEN m.shared_items = '' THEN $3 ELSE m.shared_items END, $4 \
                     FROM introduction i JOIN introduction_member m ON m.introduction_id = i.id \
                     WHERE i.id = $5 AND m.participant_id = $2")
                    .bind(town.0).bind(participant).bind(&every).bind(now).bind(id)
                    .execute(c).await.map(|r| r.rows_affected()))?;
            }
        }
        if member_to == MemberStatus::Withdrawn {
            on_backend!(tx.exec(), c => sqlx::query(
                "UPDATE provision_record SET stopped_at = $1 WHERE introduction_id = $2 AND participant_id = $3 AND stopped_at IS NULL")
                .bind(now).bind(id).bind(answer.participant.0).execute(c).await.map(|r| r.rows_affected()))?;
        }
        let step = Step::from(answer.answer);
        let event = Event {
            introduction: id,
            participant: Some(answer.participant),
            action: step.code(),
            from: answer.seen.code(),
            to: introduction_to.code(),
            actor: answer.participant,
            note: &answer.reason,
        };
        add_event(&mut tx, town, event, now).await?;
        add_case_event(
            tx.exec(),
            town,
            answer.participant,
            domain::timeline::TimelineKind::Introduction(step),
            &id.to_string(),
            Some(answer.participant),
            now,
        )
        .await?;
        write_notifications(
            &mut tx,
            Some(town),
            &notifications(member_to, introduction_to),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(Some((member_to, introduction_to)))
    }
}
