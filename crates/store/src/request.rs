//! Requests: jobs and team projects, their skills, their review history, and the public list.

use chrono::{DateTime, NaiveDate, Utc};
use domain::availability::WeeklyAvailability;
use domain::label::OptionalCode;
use domain::request::{
    ContractType, Flag, MeetingMode, Pay, PayUnit, RequestDraft, RequestKind, RequestStatus,
    RequestStep, Schedule, ShiftRule, WorkMode,
};

use crate::account::AccountId;
use crate::program_fact::NewFact;
use crate::{Arg, Exec, StoreError, TenantStore};
use domain::report::FactKind;

/// A request as stored, with its organization's name.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct StoredRequest {
    pub id: i64,
    pub organization_id: i64,
    pub organization_name: String,
    #[sqlx(try_from = "String")]
    pub kind: RequestKind,
    pub status: String,
    pub close_reason: Option<String>,
    pub title: String,
    pub description: String,
    /// The English versions (empty when none was written).
    pub title_en: String,
    pub description_en: String,
    #[sqlx(try_from = "String")]
    pub work_mode: WorkMode,
    pub location_area: String,
    pub flexible: bool,
    pub windows: String,
    /// `None` for a request from before the rule was asked: see [`Self::shift_rule`].
    pub shift_rule: Option<String>,
    pub shortest_shift_minutes: Option<i32>,
    pub days_per_week: Option<i32>,
    pub min_minutes: i32,
    pub max_minutes: i32,
    pub start_date: Option<NaiveDate>,
    #[sqlx(try_from = "Option<String>")]
    pub contract: OptionalCode<ContractType>,
    #[sqlx(try_from = "Option<String>")]
    pub pay_unit: OptionalCode<PayUnit>,
    pub pay_yen: Option<i64>,
    pub headcount: Option<i32>,
    pub commuting_allowance_yen: i32,
    pub deliverable: String,
    pub team_min: Option<i32>,
    pub team_max: Option<i32>,
    pub milestones: String,
    pub budget_yen: Option<i64>,
    #[sqlx(try_from = "Option<String>")]
    pub meeting_mode: OptionalCode<MeetingMode>,
    pub meeting_minutes: Option<i32>,
    pub flag_within_cap: bool,
    pub flag_gap_welcome: bool,
    pub flag_sudden_absence: bool,
    pub flag_children_welcome: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
}

impl StoredRequest {
    pub fn status(&self) -> Result<RequestStatus, StoreError> {
        RequestStatus::from_codes(&self.status, self.close_reason.as_deref()).ok_or_else(|| {
            StoreError::Corrupt {
                table: "request",
                detail: format!("status {} {:?}", self.status, self.close_reason),
            }
        })
    }

    pub fn windows(&self) -> WeeklyAvailability {
        WeeklyAvailability::from_hex(&self.windows).unwrap_or_default()
    }

    /// How the windows are worked: as stored, or for a request from before the rule was
    /// asked, the rule its hours imply.
    pub fn shift_rule(&self) -> ShiftRule {
        let shortest = self
            .shortest_shift_minutes
            .and_then(|m| u32::try_from(m).ok());
        self.shift_rule
            .as_deref()
            .and_then(|code| ShiftRule::from_code(code, shortest))
            .unwrap_or_else(|| {
                ShiftRule::implied(
                    &self.windows(),
                    u32::try_from(self.min_minutes).unwrap_or(0),
                )
            })
    }

    /// What the request pays, as the income walls count it.
    pub fn pay(&self) -> Pay {
        let yen = self.pay_yen.and_then(|y| u32::try_from(y).ok());
        match (self.pay_unit.get(), yen) {
            (Some(unit), Some(yen)) => Pay::of(unit, yen),
            _ => Pay::Unknown,
        }
    }

    pub fn flags(&self) -> Vec<Flag> {
        [
            (self.flag_within_cap, Flag::WithinIncomeCap),
            (self.flag_gap_welcome, Flag::CareerGapWelcome),
            (self.flag_sudden_absence, Flag::SuddenAbsenceCovered),
            (self.flag_children_welcome, Flag::ChildrenWelcome),
        ]
        .into_iter()
        .filter_map(|(on, flag)| on.then_some(flag))
        .collect()
    }
}

/// A skill a stored request asks for.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct RequestSkill {
    pub skill_id: String,
    pub level: i32,
    pub required: bool,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct RequestEvent {
    #[sqlx(try_from = "String")]
    pub action: RequestStep,
    pub from_status: String,
    pub to_status: String,
    pub actor_name: Option<String>,
    pub comment: String,
    pub at: DateTime<Utc>,
}

const COLUMNS: &str = "r.id, r.organization_id, o.name AS organization_name, r.kind, r.status, r.close_reason, r.title, \
    r.description, r.title_en, r.description_en, r.work_mode, r.location_area, r.flexible, r.windows, r.shift_rule, r.shortest_shift_minutes, r.days_per_week, \
    r.min_minutes, r.max_minutes, r.start_date, r.contract, r.pay_unit, r.pay_yen, r.headcount, r.commuting_allowance_yen, r.deliverable, r.team_min, r.team_max, r.milestones, \
    r.budget_yen, r.meeting_mode, r.meeting_minutes, r.flag_within_cap, r.flag_gap_welcome, r.flag_sudden_absence, \
    r.flag_children_welcome, r.created_at, r.updated_at, r.published_at";

/// The columns a draft writes, in bind order ($1 … $33).
const DRAFT_COLUMNS: [&str; 33] = [
    "kind",
    "title",
    "description",
    "title_en",
    "description_en",
    "work_mode",
    "location_area",
    "flexible",
    "windows",
    "shift_rule",
    "shortest_shift_minutes",
    "latest_end",
    "days_per_week",
    "min_minutes",
    "max_minutes",
    "start_date",
    "contract",
    "pay_unit",
    "pay_yen",
    "headcount",
    "commuting_allowance_yen",
    "deliverable",
    "team_min",
    "team_max",
    "milestones",
    "budget_yen",
    "meeting_mode",
    "meeting_minutes",
    "flag_within_cap",
    "flag_gap_welcome",
    "flag_sudden_absence",
    "flag_children_welcome",
    "updated_at",
];

fn int(v: u32) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

/// Binds a draft's values in the order of [`DRAFT_COLUMNS`].
macro_rules! bind_draft {
    ($query:expr, $draft:expr, $now:expr) => {{
        let d: &RequestDraft = $draft;
        let (windows, rule) = match d.schedule {
            Schedule::Fixed(w, rule) => (w, Some(rule)),
            Schedule::Flexible => (WeeklyAvailability::empty(), None),
        };
        let job = d.job.as_ref();
        let project = d.project.as_ref();
        $query
            .bind(d.kind.code())
            .bind(&d.title)
            .bind(&d.description)
            .bind(&d.title_en)
            .bind(&d.description_en)
            .bind(d.work_mode.code())
            .bind(&d.location_area)
            .bind(matches!(d.schedule, Schedule::Flexible))
            .bind(windows.to_hex())
            .bind(rule.map(|r| r.code()))
            .bind(rule.and_then(|r| r.shortest_minutes()).map(int))
            .bind(d.latest_end().map(|e| e as i32))
            .bind(d.days_per_week.map(int))
            .bind(int(d.min_minutes_per_week))
            .bind(int(d.max_minutes_per_week))
            .bind(d.start_date)
            .bind(job.map(|j| j.contract.code()))
            .bind(job.map(|j| j.pay_unit.code()))
            .bind(job.map(|j| i64::from(j.pay_yen)))
            .bind(job.map(|j| int(j.headcount)))
            .bind(job.map_or(0, |j| int(j.commuting_allowance_yen)))
            .bind(project.map(|p| p.deliverable.clone()).unwrap_or_default())
            .bind(project.map(|p| int(p.team_min)))
            .bind(project.map(|p| int(p.team_max)))
            .bind(project.map(|p| p.milestones.clone()).unwrap_or_default())
            .bind(project.map(|p| i64::from(p.budget_yen)))
            .bind(project.map(|p| p.meeting_mode.code()))
            .bind(project.map(|p| int(p.meeting_minutes_per_week)))
            .bind(d.has(Flag::WithinIncomeCap))
            .bind(d.has(Flag::CareerGapWelcome))
            .bind(d.has(Flag::SuddenAbsenceCovered))
            .bind(d.has(Flag::ChildrenWelcome))
            .bind($now)
    }};
}

async fn replace_skills(
    exec: &mut crate::Tx,
    town: i64,
    id: i64,
    draft: &RequestDraft,
) -> Result<(), StoreError> {
    on_backend!(exec.exec(), c => sqlx::query("DELETE FROM request_skill WHERE municipality_id = $1 AND request_id = $2")
        .bind(town).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    let all = draft
        .required_skills
        .iter()
        .map(|n| (n, true))
        .chain(draft.nice_skills.iter().map(|n| (n, false)));
    for (need, required) in all {
        on_backend!(exec.exec(), c => sqlx::query(
            "INSERT INTO request_skill (request_id, municipality_id, skill_id, level, required) VALUES ($1, $2, $3, $4, $5)")
            .bind(id).bind(town).bind(need.skill.as_str()).bind(i32::from(need.level.get())).bind(required)
            .execute(c).await.map(|r| r.rows_affected()))?;
    }
    Ok(())
}

/// One line of a request's history.
struct Event<'a> {
    action: RequestStep,
    from: &'a str,
    to: &'a str,
    actor: AccountId,
    comment: &'a str,
}

async fn add_event(
    exec: Exec<'_>,
    town: i64,
    id: i64,
    event: Event<'_>,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    on_backend!(exec, c => sqlx::query(
        "INSERT INTO request_event (municipality_id, request_id, action, from_status, to_status, actor_id, comment, at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
        .bind(town).bind(id).bind(event.action.code()).bind(event.from).bind(event.to).bind(event.actor.0).bind(event.comment).bind(at)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// What the public list is filtered by.
#[derive(Debug, Clone, Default)]
pub struct PublicFilter {
    pub kind: Option<RequestKind>,
    /// Remote or hybrid work only.
    pub remote: bool,
    pub within_income_cap: bool,
    pub career_gap_welcome: bool,
    /// At most this many days a week.
    pub max_days_per_week: Option<u32>,
    /// Fixed work that ends by this half-hour (flexible work always qualifies).
    pub finishes_by: Option<usize>,
    /// Keyset paging: requests with a smaller id.
    pub before_id: Option<i64>,
}

impl TenantStore<'_> {
    /// Stores a new draft by `actor` for `organization`; returns its id.
    pub async fn create_request(
        &self,
        organization: i64,
        draft: &RequestDraft,
        actor: AccountId,
    ) -> Result<i64, StoreError> {
        let now = Utc::now();
        let town = self.municipality_id.0;
        let placeholders: Vec<String> = (4..4 + DRAFT_COLUMNS.len())
            .map(|n| format!("${n}"))
            .collect();
        let sql = format!(
            "INSERT INTO request (municipality_id, organization_id, created_by, {}, status, created_at) \
             VALUES ($1, $2, $3, {}, 'draft', ${}) RETURNING id",
            DRAFT_COLUMNS.join(", "),
            placeholders.join(", "),
            4 + DRAFT_COLUMNS.len()
        );
        let mut tx = self.store.begin().await?;
        let id: i64 = on_backend!(tx.exec(), c => {
            let q = sqlx::query_scalar(&sql).bind(town).bind(organization).bind(actor.0);
            bind_draft!(q, draft, now).bind(now).fetch_one(c).await
        })?;
        replace_skills(&mut tx, town, id, draft).await?;
        let event = Event {
            action: RequestStep::Created,
            from: "",
            to: "draft",
            actor,
            comment: "",
        };
        add_event(tx.exec(), town, id, event, now).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Replaces a request's content if it is still in the status the editor saw, leaving it
    /// in `to` (`workflow::after_edit`); `summary` says what changed, for the history. A
    /// request that moved on meanwhile is `NotFound`.
    pub async fn update_request(
        &self,
        (id, seen, to): (i64, RequestStatus, RequestStatus),
        draft: &RequestDraft,
        actor: AccountId,
        summary: &str,
    ) -> Result<(), StoreError> {
        let now = Utc::now();
        let town = self.municipality_id.0;
        let sets: Vec<String> = DRAFT_COLUMNS
            .iter()
            .enumerate()
            .map(|(i, col)| format!("{col} = ${}", i + 1))
            .collect();
        let n = DRAFT_COLUMNS.len();
        let sql = format!(
            "UPDATE request SET {}, status = ${} WHERE municipality_id = ${} AND id = ${} \
             AND status = ${} AND status <> 'closed' RETURNING status",
            sets.join(", "),
            n + 1,
            n + 2,
            n + 3,
            n + 4
        );
        let mut tx = self.store.begin().await?;
        let status: Option<String> = on_backend!(tx.exec(), c => {
            let q = sqlx::query_scalar(&sql);
            bind_draft!(q, draft, now)
                .bind(to.code())
                .bind(town)
                .bind(id)
                .bind(seen.code())
                .fetch_optional(c)
                .await
        })?;
        let status = status.ok_or(StoreError::NotFound)?;
        replace_skills(&mut tx, town, id, draft).await?;
        let event = Event {
            action: RequestStep::Edited,
            from: seen.code(),
            to: &status,
            actor,
            comment: summary,
        };
        add_event(tx.exec(), town, id, event, now).await?;
        tx.commit().await
    }

    pub async fn request(&self, id: i64) -> Result<Option<StoredRequest>, StoreError> {
        let mut conn = self.store.conn().await?;
        let sql = format!(
            "SELECT {COLUMNS} FROM request r JOIN organization o ON o.id = r.organization_id \
             WHERE r.municipality_id = $1 AND r.id = $2"
        );
        let row = on_backend!(conn.exec(), c => sqlx::query_as::<_, StoredRequest>(&sql)
            .bind(self.municipality_id.0).bind(id).fetch_optional(c).await)?;
        Ok(row)
    }

    pub async fn request_skills(&self, id: i64) -> Result<Vec<RequestSkill>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, RequestSkill>(
            "SELECT skill_id, level, required FROM request_skill WHERE municipality_id = $1 AND request_id = $2 \
             ORDER BY required DESC, skill_id")
            .bind(self.municipality_id.0).bind(id).fetch_all(c).await)?;
        Ok(rows)
    }

    pub async fn request_events(&self, id: i64) -> Result<Vec<RequestEvent>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, RequestEvent>(
            "SELECT e.action, e.from_status, e.to_status, a.display_name AS actor_name, e.comment, e.at \
             FROM request_event e LEFT JOIN account a ON a.id = e.actor_id \
             WHERE e.municipality_id = $1 AND e.request_id = $2 ORDER BY e.id DESC")
            .bind(self.municipality_id.0).bind(id).fetch_all(c).await)?;
        Ok(rows)
    }

    /// Moves a request from `from` to `to`, only if it is still in `from`: a stale form or a
    /// double click changes nothing and answers `false`.
    pub async fn move_request(
        &self,
        id: i64,
        from: RequestStatus,
        to: RequestStatus,
        action: RequestStep,
        actor: AccountId,
        comment: &str,
    ) -> Result<bool, StoreError> {
        let now = Utc::now();
        let town = self.municipality_id.0;
        let reason = match to {
            RequestStatus::Closed(reason) => Some(reason.code()),
            _ => None,
        };
        let mut tx = self.store.begin().await?;
        let first_publication = if to == RequestStatus::Published {
            first_publication(&mut tx, town, id).await?
        } else {
            None
        };
        let changed = on_backend!(tx.exec(), c => sqlx::query(
            "UPDATE request SET status = $1, close_reason = $2, updated_at = $3, \
             published_at = CASE WHEN $1 = 'published' AND published_at IS NULL THEN $3 ELSE published_at END \
             WHERE municipality_id = $4 AND id = $5 AND status = $6")
            .bind(to.code()).bind(reason).bind(now).bind(town).bind(id).bind(from.code())
            .execute(c).await.map(|r| r.rows_affected()))?;
        if changed == 0 {
            return Ok(false);
        }
        let event = Event {
            action,
            from: from.code(),
            to: to.code(),
            actor,
            comment,
        };
        add_event(tx.exec(), town, id, event, now).await?;
        if let Some((request_kind, organization, organization_kind)) = first_publication {
            let published = NewFact::at(FactKind::RequestPublished, now, actor.0)
                .detail(&request_kind)
                .subject(id);
            crate::program_fact::record(&mut tx, self.municipality_id, &published).await?;
            let active = NewFact::at(FactKind::OrganizationActive, now, actor.0)
                .detail(&organization_kind)
                .subject(organization);
            crate::program_fact::record(&mut tx, self.municipality_id, &active).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// An organization's requests, newest first.
    pub async fn requests_of_organization(
        &self,
        organization: i64,
    ) -> Result<Vec<StoredRequest>, StoreError> {
        let mut conn = self.store.conn().await?;
        let sql = format!(
            "SELECT {COLUMNS} FROM request r JOIN organization o ON o.id = r.organization_id \
             WHERE r.municipality_id = $1 AND r.organization_id = $2 ORDER BY r.id DESC"
        );
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, StoredRequest>(&sql)
            .bind(self.municipality_id.0).bind(organization).fetch_all(c).await)?;
        Ok(rows)
    }

    /// The town's requests in a status (or all), newest first, for coordinators.
    /// How many of the town's requests are in each status, as (status code, count).
    pub async fn request_status_counts(&self) -> Result<Vec<(String, i64)>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as(
            "SELECT status, COUNT(*) FROM request WHERE municipality_id = $1 GROUP BY status ORDER BY status")
            .bind(self.municipality_id.0).fetch_all(c).await)?;
        Ok(rows)
    }

    pub async fn requests_in_status(
        &self,
        status: Option<&str>,
        limit: i64,
    ) -> Result<Vec<StoredRequest>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows = match status {
            Some(status) => {
                let sql = format!(
                    "SELECT {COLUMNS} FROM request r JOIN organization o ON o.id = r.organization_id \
                     WHERE r.municipality_id = $1 AND r.status = $2 ORDER BY r.updated_at DESC, r.id DESC LIMIT $3"
                );
                on_backend!(conn.exec(), c => sqlx::query_as::<_, StoredRequest>(&sql)
                    .bind(self.municipality_id.0).bind(status).bind(limit).fetch_all(c).await)?
            }
            None => {
                let sql = format!(
                    "SELECT {COLUMNS} FROM request r JOIN organization o ON o.id = r.organization_id \
                     WHERE r.municipality_id = $1 ORDER BY r.updated_at DESC, r.id DESC LIMIT $2"
                );
                on_backend!(conn.exec(), c => sqlx::query_as::<_, StoredRequest>(&sql)
                    .bind(self.municipality_id.0).bind(limit).fetch_all(c).await)?
            }
        };
        Ok(rows)
    }

    /// Published requests matching the filter, newest first, `limit` at a time.
    pub async fn published_requests(
        &self,
        filter: &PublicFilter,
        limit: i64,
    ) -> Result<Vec<StoredRequest>, StoreError> {
        let mut args = vec![Arg::I64(self.municipality_id.0)];
        let mut conditions = vec![
            "r.municipality_id = $1".to_owned(),
            "r.status = 'published'".to_owned(),
        ];
        let mut push = |make: &dyn Fn(&str) -> String, arg: Arg| {
            args.push(arg);
            conditions.push(make(&format!("${}", args.len())));
        };
        if let Some(kind) = filter.kind {
            push(
                &|p| format!("r.kind = {p}"),
                Arg::Text(kind.code().to_owned()),
            );
        }
        if let Some(days) = filter.max_days_per_week {
            push(
                &|p| format!("(r.days_per_week IS NULL OR r.days_per_week <= {p})"),
                Arg::I64(i64::from(days)),
            );
        }
        if let Some(end) = filter.finishes_by {
            push(
                &|p| format!("(r.flexible OR r.latest_end <= {p})"),
                Arg::I64(end as i64),
            );
        }
        if let Some(before) = filter.before_id {
            push(&|p| format!("r.id < {p}"), Arg::I64(before));
        }
        if filter.remote {
            conditions.push("r.work_mode IN ('remote', 'hybrid')".to_owned());
        }
        if filter.within_income_cap {
            conditions.push("r.flag_within_cap".to_owned());
        }
        if filter.career_gap_welcome {
            conditions.push("r.flag_gap_welcome".to_owned());
        }
        args.push(Arg::I64(limit));
        let sql = format!(
            "SELECT {COLUMNS} FROM request r JOIN organization o ON o.id = r.organization_id WHERE {} \
             ORDER BY r.id DESC LIMIT ${}",
            conditions.join(" AND "),
            args.len()
        );
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c =>
            bind_args!(sqlx::query_as::<_, StoredRequest>(&sql), &args).fetch_all(c).await)?;
        Ok(rows)
    }
}

/// A request never published before: its kind, its organization and the organization's kind,
/// for the facts its first publication records.
async fn first_publication(
    tx: &mut crate::Tx,
    town: i64,
    id: i64,
) -> Result<Option<(String, i64, String)>, StoreError> {
    let row = on_backend!(tx.exec(), c => sqlx::query_as(
        "SELECT r.kind, o.id, o.kind FROM request r JOIN organization o ON o.id = r.organization_id \
         WHERE r.municipality_id = $1 AND r.id = $2 AND r.published_at IS NULL")
        .bind(town).bind(id).fetch_optional(c).await)?;
    Ok(row)
}
