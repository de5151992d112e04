//! Introductions and their members, history, provision records and outcome follow-ups (see
//! `domain::introduction` for the moves). Every change is conditional on the state the person
//! saw, so a stale form or a double click changes nothing and answers `false`; notifications
//! are written in the same transaction as the change that caused them.
//!
//! - `moves`: the moves and the members' answers.

use chrono::{DateTime, NaiveDate, Utc};
use domain::MunicipalityId;
use domain::introduction::{
    Answer, IntroductionStatus, MatchReason, MemberStatus, NotPlacedReason, Outcome, OutcomeKind,
    PayBand, SharedItem, Step,
};

use crate::account::AccountId;
use crate::notification::{NewNotification, write_notifications};
use crate::participant::add_case_event;
use crate::program_fact::NewFact;
use crate::{StoreError, TenantStore, Tx};
use domain::introduction::result::{OrganizationResult, PassReason, Verdict};
use domain::report::FactKind;

mod meeting;
mod moves;
mod result;
pub use meeting::{MeetingDue, MembersTime};

/// An introduction about to be made.
#[derive(Debug, Clone)]
pub struct NewIntroduction {
    pub request_id: i64,
    pub organization_id: i64,
    /// More than one member makes a team introduction.
    pub members: Vec<AccountId>,
    /// A batch-run draft rather than an offer.
    pub draft: bool,
    pub fit_score: i32,
    /// Why the engine thinks it fits, for the person to read.
    pub reasons: Vec<MatchReason>,
    /// A team's common free time (hex of the weekly grid), empty for one person.
    pub common_time: String,
    /// The skill gaps the shortlist showed.
    pub gaps: Vec<domain::introduction::gap::SkillGap>,
    /// The coordinator's own words to the person, sent with the offer (may be empty).
    pub personal_note: String,
    pub created_by: AccountId,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
struct IntroductionRow {
    id: i64,
    request_id: i64,
    request_title: String,
    organization_id: i64,
    organization_name: String,
    kind: String,
    status: String,
    fit_score: i32,
    reasons: String,
    common_time: String,
    created_by: i64,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    meeting_at: Option<DateTime<Utc>>,
    meeting_place: String,
    started_on: Option<NaiveDate>,
    outcome: Option<String>,
    outcome_reason: Option<String>,
    outcome_minutes: Option<i32>,
    pay_band: Option<String>,
    concluded_at: Option<DateTime<Utc>>,
    organization_note: String,
    gaps: String,
    personal_note: String,
    meeting_answer: String,
    meeting_answer_note: String,
    result_verdict: Option<String>,
    result_reason: Option<String>,
    result_note: String,
    result_reported_at: Option<DateTime<Utc>>,
}

/// A member of an introduction.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub participant_id: i64,
    pub display_name: String,
    pub status: MemberStatus,
    pub decline_reason: String,
    pub responded_at: Option<DateTime<Utc>>,
    /// What the person chose to share when consenting (every item for consents from before
    /// the choice, and before consent).
    pub shared: Vec<SharedItem>,
}

#[derive(sqlx::FromRow)]
struct MemberRow {
    introduction_id: i64,
    participant_id: i64,
    display_name: String,
    status: String,
    decline_reason: String,
    responded_at: Option<DateTime<Utc>>,
    shared_items: String,
}

/// A member's chosen items as stored: '' (from before the choice) is every item.
fn shared_of(codes: &str) -> Result<Vec<SharedItem>, StoreError> {
    if codes.is_empty() {
        return Ok(SharedItem::ALL.to_vec());
    }
    SharedItems::try_from(codes.to_owned())
        .map(|items| items.0)
        .map_err(|e| corrupt(format!("shared items {e}")))
}

/// A stored introduction with its members.
#[derive(Debug, Clone, PartialEq)]
pub struct Introduction {
    pub id: i64,
    pub request_id: i64,
    pub request_title: String,
    pub organization_id: i64,
    pub organization_name: String,
    pub is_team: bool,
    pub status: IntroductionStatus,
    pub fit_score: i32,
    pub reasons: Vec<MatchReason>,
    pub common_time: String,
    /// The skill gaps the shortlist showed when it was made.
    pub gaps: Vec<domain::introduction::gap::SkillGap>,
    /// The coordinator's own words to the person.
    pub personal_note: String,
    /// The coordinator who made it: told of the answers.
    pub created_by: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub meeting_at: Option<DateTime<Utc>>,
    pub meeting_place: String,
    pub started_on: Option<NaiveDate>,
    pub outcome: Option<OutcomeKind>,
    pub outcome_reason: Option<NotPlacedReason>,
    pub outcome_minutes: Option<i32>,
    pub pay_band: Option<PayBand>,
    pub concluded_at: Option<DateTime<Utc>>,
    pub organization_note: String,
    /// The person's answer to the meeting time proposed last, and their message with it.
    pub meeting_answer: domain::introduction::meeting::MeetingAnswer,
    pub meeting_answer_note: String,
    /// The organization's report of the result after the meeting, and when it was made.
    pub result: Option<(OrganizationResult, DateTime<Utc>)>,
    pub members: Vec<Member>,
}

impl Introduction {
    pub fn member(&self, participant: i64) -> Option<&Member> {
        self.members
            .iter()
            .find(|m| m.participant_id == participant)
    }

    /// Whether the organization may see this member's profile now.
    pub fn shares_profile_of(&self, participant: i64) -> bool {
        self.status.shares_profile()
            && self
                .member(participant)
                .is_some_and(|m| m.status == MemberStatus::Consented)
    }
}

/// One entry of an introduction's history.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct IntroductionEvent {
    #[sqlx(try_from = "String")]
    pub action: Step,
    pub from_status: String,
    pub to_status: String,
    pub actor_name: String,
    pub note: String,
    pub at: DateTime<Utc>,
}

/// The items of a provision record, stored as their codes joined by commas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedItems(pub Vec<SharedItem>);

impl TryFrom<String> for SharedItems {
    type Error = domain::label::UnknownCode;

    fn try_from(codes: String) -> Result<Self, Self::Error> {
        codes
            .split(',')
            .filter(|c| !c.is_empty())
            .map(|c| SharedItem::try_from(c.to_owned()))
            .collect::<Result<_, _>>()
            .map(SharedItems)
    }
}

/// What was shared with an organization, and until when (APPI third-party provision record).
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct ProvisionRecord {
    pub introduction_id: i64,
    pub organization_name: String,
    pub request_title: String,
    #[sqlx(try_from = "String")]
    pub items: SharedItems,
    pub provided_at: DateTime<Utc>,
    pub stopped_at: Option<DateTime<Utc>>,
}

/// Whose own introductions: a participant's (account id) or an organization's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntroductionOwner {
    Participant(i64),
    Organization(i64),
}

/// Which introductions to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntroductionScope {
    Town,
    Participant(i64),
    Organization(i64),
    Request(i64),
}

/// A move of the whole introduction, with what it records.
#[derive(Debug, Clone, Default)]
pub struct Change {
    pub meeting: Option<(DateTime<Utc>, String)>,
    pub started_on: Option<NaiveDate>,
    pub outcome: Option<Outcome>,
    pub note: String,
}

/// A member's answer, as the person saw the introduction.
#[derive(Debug, Clone)]
pub struct MemberAnswer {
    pub introduction: i64,
    pub participant: AccountId,
    pub answer: Answer,
    pub seen: IntroductionStatus,
    pub reason: String,
    /// For a consent: what the person chose to share (`SharedItem::chosen`).
    pub items: Vec<SharedItem>,
}

const SELECT: &str = "SELECT i.id, i.request_id, r.title AS request_title, i.organization_id, \
    o.name AS organization_name, i.kind, i.status, i.fit_score, i.reasons, i.common_time, i.created_by, i.created_at, \
    i.updated_at, i.meeting_at, i.meeting_place, i.started_on, i.outcome, i.outcome_reason, \
    i.outcome_minutes, i.pay_band, i.concluded_at, i.organization_note, i.gaps, i.personal_note, \
    i.meeting_answer, i.meeting_answer_note, i.result_verdict, i.result_reason, i.result_note, \
    i.result_reported_at \
    FROM introduction i JOIN request r ON r.id = i.request_id JOIN organization o ON o.id = i.organization_id";

fn corrupt(detail: String) -> StoreError {
    StoreError::Corrupt {
        table: "introduction",
        detail,
    }
}

fn assemble(row: IntroductionRow, members: Vec<Member>) -> Result<Introduction, StoreError> {
    let status = IntroductionStatus::from_code(&row.status)
        .ok_or_else(|| corrupt(format!("status {}", row.status)))?;
    Ok(Introduction {
        id: row.id,
        request_id: row.request_id,
        request_title: row.request_title,
        organization_id: row.organization_id,
        organization_name: row.organization_name,
        is_team: row.kind == "team",
        status,
        fit_score: row.fit_score,
        reasons: row
            .reasons
            .split(',')
            .filter(|r| !r.is_empty())
            .map(|r| MatchReason::try_from(r.to_owned()))
            .collect::<Result<_, _>>()?,
        common_time: row.common_time,
        gaps: domain::introduction::gap::decode(&row.gaps),
        personal_note: row.personal_note,
        created_by: row.created_by,
        created_at: row.created_at,
        updated_at: row.updated_at,
        meeting_at: row.meeting_at,
        meeting_place: row.meeting_place,
        started_on: row.started_on,
        outcome: row.outcome.map(OutcomeKind::try_from).transpose()?,
        outcome_reason: row
            .outcome_reason
            .map(NotPlacedReason::try_from)
            .transpose()?,
        outcome_minutes: row.outcome_minutes,
        pay_band: row.pay_band.map(PayBand::try_from).transpose()?,
        concluded_at: row.concluded_at,
        organization_note: row.organization_note,
        meeting_answer: row.meeting_answer.try_into()?,
        meeting_answer_note: row.meeting_answer_note,
        result: reported_result(
            (row.result_verdict, row.result_reason, row.result_note),
            row.result_reported_at,
        )?,
        members,
    })
}

/// The organization's report as stored: a verdict (with its reason for 見送り) and its time.
fn reported_result(
    (verdict, reason, note): (Option<String>, Option<String>, String),
    at: Option<DateTime<Utc>>,
) -> Result<Option<(OrganizationResult, DateTime<Utc>)>, StoreError> {
    let (Some(verdict), Some(at)) = (verdict, at) else {
        return Ok(None);
    };
    let result = OrganizationResult {
        verdict: Verdict::try_from(verdict)?,
        reason: reason.map(PassReason::try_from).transpose()?,
        note,
    };
    Ok(Some((result, at)))
}

struct Event<'a> {
    introduction: i64,
    participant: Option<AccountId>,
    action: &'a str,
    from: &'a str,
    to: &'a str,
    actor: AccountId,
    note: &'a str,
}

async fn add_event(
    tx: &mut Tx,
    town: MunicipalityId,
    event: Event<'_>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    on_backend!(tx.exec(), c => sqlx::query(
        "INSERT INTO introduction_event (municipality_id, introduction_id, participant_id, action, from_status, \
         to_status, actor_id, note, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
        .bind(town.0).bind(event.introduction).bind(event.participant.map(|p| p.0)).bind(event.action)
        .bind(event.from).bind(event.to).bind(event.actor.0).bind(event.note).bind(now)
        .execute(c).await.map(|r| r.rows_affected()))?;
    if event.from != event.to {
        stage_fact(tx, town, &event, now).await?;
    }
    Ok(())
}

/// The fact of an introduction reaching a stage, about the member who moved it or else its
/// first member.
async fn stage_fact(
    tx: &mut Tx,
    town: MunicipalityId,
    event: &Event<'_>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let person = match event.participant {
        Some(p) => p.0,
        None => first_member(tx, event.introduction).await?,
    };
    let fact = NewFact::at(FactKind::Introduction, now, person)
        .detail(event.to)
        .subject(event.introduction);
    crate::program_fact::record(tx, town, &fact).await
}

async fn first_member(tx: &mut Tx, introduction: i64) -> Result<i64, StoreError> {
    let first: Option<i64> = on_backend!(tx.exec(), c => sqlx::query_scalar(
        "SELECT MIN(participant_id) FROM introduction_member WHERE introduction_id = $1")
        .bind(introduction).fetch_one(c).await)?;
    Ok(first.unwrap_or(0))
}

impl TenantStore<'_> {
    /// Makes an introduction (offered, or a draft) with its members, and the notifications
    /// `notifications` builds for its id. `None` when one of them already has an open
    /// introduction to the request: nothing is written.
    pub async fn create_introduction(
        &self,
        new: &NewIntroduction,
        notifications: impl FnOnce(i64) -> Vec<NewNotification>,
    ) -> Result<Option<i64>, StoreError> {
        let now = Utc::now();
        let town = self.municipality_id;
        let status = if new.draft {
            IntroductionStatus::Draft
        } else {
            IntroductionStatus::Offered
        };
        let mut tx = self.store.begin().await?;
        for member in &new.members {
            if open_introduction_exists(&mut tx, town, new.request_id, *member).await? {
                return Ok(None);
            }
        }
        let kind = if new.members.len() > 1 {
            "team"
        } else {
            "person"
        };
        let id: i64 = on_backend!(tx.exec(), c => sqlx::query_scalar(
            "INSERT INTO introduction (municipality_id, request_id, organization_id, kind, status, fit_score, reasons, \
             common_time, created_by, created_at, updated_at, gaps, personal_note) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, $12) RETURNING id")
            .bind(town.0).bind(new.request_id).bind(new.organization_id).bind(kind).bind(status.code())
            .bind(new.fit_score).bind(new.reasons.iter().map(|r| r.code()).collect::<Vec<_>>().join(",")).bind(&new.common_time).bind(new.created_by.0).bind(now)
            .bind(domain::introduction::gap::encode(&new.gaps)).bind(&new.personal_note)
            .fetch_one(c).await)?;
        for member in &new.members {
            on_backend!(tx.exec(), c => sqlx::query(
                "INSERT INTO introduction_member (introduction_id, participant_id, municipality_id, status) VALUES ($1, $2, $3, $4)")
                .bind(id).bind(member.0).bind(town.0).bind(MemberStatus::Offered.code())
                .execute(c).await.map(|r| r.rows_affected()))?;
            if !new.draft {
                add_case_event(
                    tx.exec(),
                    town,
                    *member,
                    domain::timeline::TimelineKind::Introduced,
                    &id.to_string(),
                    Some(new.created_by),
                    now,
                )
                .await?;
            }
        }
        let event = Event {
            introduction: id,
            participant: None,
            action: if new.draft { "draft" } else { "offer" },
            from: "",
            to: status.code(),
            actor: new.created_by,
            note: "",
        };
        add_event(&mut tx, town, event, now).await?;
        if !new.draft {
            let introduced = (new.request_id, new.members.as_slice());
            crate::interest::mark_introduced(&mut tx, town, introduced, (new.created_by, now))
                .await?;
        }
        write_notifications(&mut tx, Some(town), &notifications(id), now).await?;
        tx.commit().await?;
        Ok(Some(id))
    }

    /// One introduction as staff see it, naming its members: shown through
    /// [`crate::audit::Unshown::reveal`].
    pub async fn introduction_for_staff(
        &self,
        id: i64,
    ) -> Result<crate::audit::Unshown<Option<Introduction>>, StoreError> {
        Ok(crate::audit::Unshown::new(self.introduction(id).await?))
    }

    /// One introduction, for its members and its organization (who see it only as the record
    /// rules allow), and for deciding moves.
    pub async fn introduction(&self, id: i64) -> Result<Option<Introduction>, StoreError> {
        let sql = format!("{SELECT} WHERE i.municipality_id = $1 AND i.id = $2");
        let mut conn = self.store.conn().await?;
        let row = on_backend!(conn.exec(), c => sqlx::query_as::<_, IntroductionRow>(&sql)
            .bind(self.municipality_id.0).bind(id).fetch_optional(c).await)?;
        drop(conn);
        let Some(row) = row else {
            return Ok(None);
        };
        let mut members = self.members_of(&[row.id]).await?;
        Ok(Some(assemble(
            row,
            members.remove(&id).unwrap_or_default(),
        )?))
    }

    /// Introductions in a scope, optionally of one status, newest first.
    /// Introductions as staff see them (the town's, or a request's), naming their members:
    /// shown through [`crate::audit::Unshown::reveal`].
    pub async fn introductions_for_staff(
        &self,
        scope: IntroductionScope,
        status: Option<IntroductionStatus>,
        limit: i64,
    ) -> Result<crate::audit::Unshown<Vec<Introduction>>, StoreError> {
        Ok(crate::audit::Unshown::new(
            self.introductions(scope, status, limit).await?,
        ))
    }

    /// Introductions of one participant or one organization, for their own pages.
    pub async fn own_introductions(
        &self,
        owner: IntroductionOwner,
        limit: i64,
    ) -> Result<Vec<Introduction>, StoreError> {
        let scope = match owner {
            IntroductionOwner::Participant(p) => IntroductionScope::Participant(p),
            IntroductionOwner::Organization(o) => IntroductionScope::Organization(o),
        };
        self.introductions(scope, None, limit).await
    }

    pub(crate) async fn introductions(
        &self,
        scope: IntroductionScope,
        status: Option<IntroductionStatus>,
        limit: i64,
    ) -> Result<Vec<Introduction>, StoreError> {
        let (condition, key) = match scope {
            IntroductionScope::Town => ("$2 = 0", 0),
            IntroductionScope::Participant(p) => (
                "EXISTS (SELECT 1 FROM introduction_member m WHERE m.introduction_id = i.id AND m.participant_id = $2)",
                p,
            ),
            IntroductionScope::Organization(o) => ("i.organization_id = $2", o),
            IntroductionScope::Request(r) => ("i.request_id = $2", r),
        };
        let sql = format!(
            "{SELECT} WHERE i.municipality_id = $1 AND {condition} AND ($3 = '' OR i.status = $3) \
             ORDER BY i.updated_at DESC, i.id DESC LIMIT $4"
        );
        let status = status.map_or("", IntroductionStatus::code);
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, IntroductionRow>(&sql)
            .bind(self.municipality_id.0).bind(key).bind(status).bind(limit).fetch_all(c).await)?;
        drop(conn);
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let mut members = self.members_of(&ids).await?;
        rows.into_iter()
            .map(|row| {
                let list = members.remove(&row.id).unwrap_or_default();
                assemble(row, list)
            })
            .collect()
    }

    async fn members_of(
        &self,
        ids: &[i64],
    ) -> Result<std::collections::HashMap<i64, Vec<Member>>, StoreError> {
        let mut by_introduction: std::collections::HashMap<i64, Vec<Member>> = Default::default();
        if ids.is_empty() {
            return Ok(by_introduction);
        }
        let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let sql = format!(
            "SELECT m.introduction_id, m.participant_id, a.display_name, m.status, m.decline_reason, m.responded_at, m.shared_items \
             FROM introduction_member m JOIN account a ON a.id = m.participant_id \
             WHERE m.municipality_id = $1 AND m.introduction_id IN ({list}) ORDER BY m.introduction_id, a.furigana"
        );
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, MemberRow>(&sql)
            .bind(self.municipality_id.0).fetch_all(c).await)?;
        for row in rows {
            let status = MemberStatus::from_code(&row.status)
                .ok_or_else(|| corrupt(format!("member status {}", row.status)))?;
            by_introduction
                .entry(row.introduction_id)
                .or_default()
                .push(Member {
                    participant_id: row.participant_id,
                    display_name: row.display_name,
                    status,
                    decline_reason: row.decline_reason,
                    responded_at: row.responded_at,
                    shared: shared_of(&row.shared_items)?,
                });
        }
        Ok(by_introduction)
    }

    pub async fn introduction_events(&self, id: i64) -> Result<Vec<IntroductionEvent>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, IntroductionEvent>(
            "SELECT e.action, e.from_status, e.to_status, a.display_name AS actor_name, e.note, e.at \
             FROM introduction_event e JOIN account a ON a.id = e.actor_id \
             WHERE e.municipality_id = $1 AND e.introduction_id = $2 ORDER BY e.id DESC")
            .bind(self.municipality_id.0).bind(id).fetch_all(c).await)?;
        Ok(rows)
    }

    /// What was shared about a person, with whom, and until when; newest first.
    pub async fn provision_records(
        &self,
        participant: AccountId,
    ) -> Result<Vec<ProvisionRecord>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, ProvisionRecord>(
            "SELECT p.introduction_id, o.name AS organization_name, r.title AS request_title, p.items, p.provided_at, p.stopped_at \
             FROM provision_record p JOIN organization o ON o.id = p.organization_id \
             JOIN introduction i ON i.id = p.introduction_id JOIN request r ON r.id = i.request_id \
             WHERE p.municipality_id = $1 AND p.participant_id = $2 ORDER BY p.id DESC")
            .bind(self.municipality_id.0).bind(participant.0).fetch_all(c).await)?;
        Ok(rows)
    }
}

async fn open_introduction_exists(
    tx: &mut Tx,
    town: MunicipalityId,
    request: i64,
    participant: AccountId,
) -> Result<bool, StoreError> {
    let open: Vec<String> = IntroductionStatus::ALL
        .into_iter()
        .filter(|s| s.is_open())
        .map(|s| format!("'{}'", s.code()))
        .collect();
    let sql = format!(
        "SELECT COUNT(*) FROM introduction i JOIN introduction_member m ON m.introduction_id = i.id \
         WHERE i.municipality_id = $1 AND i.request_id = $2 AND m.participant_id = $3 AND i.status IN ({})",
        open.join(",")
    );
    let count: i64 = on_backend!(tx.exec(), c => sqlx::query_scalar(&sql)
        .bind(town.0).bind(request).bind(participant.0).fetch_one(c).await)?;
    Ok(count > 0)
}

impl crate::audit::Subjects for Introduction {
    fn subjects(&self) -> Vec<i64> {
        self.members.iter().map(|m| m.participant_id).collect()
    }
}
