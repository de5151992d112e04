//! The coordinator's search of a town's participants: what the list filters by (names and
//! readings through `account.name_key`, goals, skills, days, gaps, contact, income walls,
//! areas, family needs, registration), as SQL over the account and profile, a page at a time.

use chrono::{DateTime, Utc};
use domain::participant::GoalTrack;

use crate::audit::Unshown;
use crate::{Arg, StoreError, TenantStore};

/// What a coordinator filters the participant list by.
#[derive(Debug, Clone, Default)]
pub struct ParticipantFilter {
    pub goal_track: Option<GoalTrack>,
    /// Has at least one of these skills (empty: any skills at all, or none).
    pub skill_ids: Vec<String>,
    /// `mon` … `sun`.
    pub free_on: Option<String>,
    pub min_gap_months: Option<u32>,
    pub max_gap_months: Option<u32>,
    /// Not contacted since this time (or never).
    pub not_contacted_since: Option<DateTime<Utc>>,
    /// Never contacted at all: new registrations waiting for their first call.
    pub never_contacted: bool,
    /// Part of a name or reading, in search form (`domain::furigana::search_key`).
    pub name: Option<String>,
    /// The income wall the person chose.
    pub income_cap: Option<domain::income_cap::IncomeCap>,
    /// The town area the person lives in (a travel-table code).
    pub home_area: Option<String>,
    /// Has a child under school age, who needs care while the parent works.
    pub needs_childcare: bool,
    /// Cares for this kind of adult.
    pub cares_for: Option<domain::participant::CareFor>,
    /// Registered at or after this time.
    pub registered_since: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct ParticipantSummary {
    pub id: i64,
    pub display_name: String,
    pub furigana: String,
    pub email: String,
    #[sqlx(try_from = "String")]
    pub eligibility_basis: domain::municipality::EligibilityBasis,
    #[sqlx(try_from = "Option<String>")]
    pub goal_track: domain::label::OptionalCode<GoalTrack>,
    pub career_gap_months: i32,
    pub free_days: String,
    pub last_contact_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub home_area: Option<String>,
}

/// The filter as SQL conditions over `a` (account) and `p` (profile), with their arguments
/// numbered after the `args` already given.
fn filter_conditions(filter: &ParticipantFilter, args: &mut Vec<Arg>) -> Vec<String> {
    let mut conditions = Vec::new();
    let mut push = |make: &dyn Fn(&str) -> String, arg: Arg| {
        args.push(arg);
        conditions.push(make(&format!("${}", args.len())));
    };
    if let Some(goal) = filter.goal_track {
        push(
            &|p| format!("p.goal_track = {p}"),
            Arg::Text(goal.code().to_owned()),
        );
    }
    if let Some(day) = &filter.free_on {
        push(
            &|p| format!("p.free_days LIKE {p}"),
            Arg::Text(format!("%{day}%")),
        );
    }
    if let Some(min) = filter.min_gap_months {
        push(
            &|p| format!("p.career_gap_months >= {p}"),
            Arg::I64(i64::from(min)),
        );
    }
    if let Some(max) = filter.max_gap_months {
        push(
            &|p| format!("p.career_gap_months <= {p}"),
            Arg::I64(i64::from(max)),
        );
    }
    if let Some(since) = filter.not_contacted_since {
        push(
            &|p| format!("(p.last_contact_at IS NULL OR p.last_contact_at < {p})"),
            Arg::Time(since),
        );
    }
    if let Some(name) = &filter.name {
        push(
            &|p| format!("a.name_key LIKE {p} ESCAPE '\\'"),
            Arg::Text(crate::account::contains_pattern(name)),
        );
    }
    if let Some(cap) = filter.income_cap {
        push(
            &|p| format!("p.income_cap = {p}"),
            Arg::Text(cap.code().to_owned()),
        );
    }
    if let Some(area) = &filter.home_area {
        push(&|p| format!("p.home_area = {p}"), Arg::Text(area.clone()));
    }
    if let Some(since) = filter.registered_since {
        push(&|p| format!("a.created_at >= {p}"), Arg::Time(since));
    }
    conditions.extend(skill_condition(&filter.skill_ids, args));
    conditions.extend(flag_conditions(filter));
    conditions
}

/// Has any of the skills, when some are asked for.
fn skill_condition(skill_ids: &[String], args: &mut Vec<Arg>) -> Option<String> {
    if skill_ids.is_empty() {
        return None;
    }
    let marks: Vec<String> = skill_ids
        .iter()
        .map(|skill| {
            args.push(Arg::Text(skill.clone()));
            format!("${}", args.len())
        })
        .collect();
    Some(format!(
        "EXISTS (SELECT 1 FROM participant_skill s WHERE s.account_id = a.id AND s.skill_id IN ({}))",
        marks.join(", ")
    ))
}

/// The filter's yes/no conditions, which take no arguments.
fn flag_conditions(filter: &ParticipantFilter) -> Vec<String> {
    use domain::participant::CareFor;
    let mut conditions = Vec::new();
    if filter.never_contacted {
        conditions.push("p.last_contact_at IS NULL".to_owned());
    }
    if filter.needs_childcare {
        conditions.push("(p.children_age0 + p.children_age1_2 + p.children_age3_5) > 0".to_owned());
    }
    match filter.cares_for {
        Some(CareFor::Elder) => conditions.push("p.cares_for_elder".to_owned()),
        Some(CareFor::Family) => conditions.push("p.cares_for_family".to_owned()),
        None => {}
    }
    conditions
}

/// The town's participants (`$1`) the filter finds.
fn participant_conditions(filter: &ParticipantFilter, args: &mut Vec<Arg>) -> Vec<String> {
    let mut conditions = vec![
        "a.municipality_id = $1".to_owned(),
        "a.role = 'participant'".to_owned(),
    ];
    conditions.extend(filter_conditions(filter, args));
    conditions
}

impl TenantStore<'_> {
    /// One page of the town's participants matching the filter, by name reading.
    pub async fn search_participants(
        &self,
        filter: &ParticipantFilter,
        limit: i64,
        offset: i64,
    ) -> Result<Unshown<Vec<ParticipantSummary>>, StoreError> {
        Ok(Unshown::new(
            self.participant_summaries(filter, limit, offset).await?,
        ))
    }

    /// How many of the town's participants match the filter.
    pub async fn count_participants(&self, filter: &ParticipantFilter) -> Result<i64, StoreError> {
        let mut args = vec![Arg::I64(self.municipality_id.0)];
        let conditions = participant_conditions(filter, &mut args);
        let sql = format!(
            "SELECT COUNT(*) FROM account a JOIN participant_profile p ON p.account_id = a.id \
             WHERE {}",
            conditions.join(" AND ")
        );
        let mut conn = self.store.conn().await?;
        let count = on_backend!(conn.exec(), c => bind_args!(sqlx::query_scalar::<_, i64>(&sql), &args).fetch_one(c).await)?;
        Ok(count)
    }

    async fn participant_summaries(
        &self,
        filter: &ParticipantFilter,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<ParticipantSummary>, StoreError> {
        let mut args = vec![Arg::I64(self.municipality_id.0)];
        let conditions = participant_conditions(filter, &mut args);
        args.push(Arg::I64(limit));
        args.push(Arg::I64(offset));
        let sql = format!(
            "SELECT a.id, a.display_name, a.furigana, a.email, p.eligibility_basis, p.goal_track, p.career_gap_months, p.free_days, p.last_contact_at, a.created_at, p.home_area \
             FROM account a JOIN participant_profile p ON p.account_id = a.id WHERE {} \
             ORDER BY a.furigana, a.id LIMIT ${} OFFSET ${}",
            conditions.join(" AND "),
            args.len() - 1,
            args.len()
        );
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => bind_args!(sqlx::query_as::<_, ParticipantSummary>(&sql), &args).fetch_all(c).await)?;
        Ok(rows)
    }
}

impl crate::audit::Subjects for ParticipantSummary {
    fn subjects(&self) -> Vec<i64> {
        vec![self.id]
    }
}
