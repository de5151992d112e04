//! The engine's inputs, read from the store: participants who can be proposed and published
//! requests, as the compact types of the `matching` crate.
//!
//! Places: a person's area is the one chosen in their profile, a request's the town area its
//! place names; travel minutes come from the town's table (`domain::travel`, where the
//! approximation is stated). Unknown areas take the table's default.

use chrono::{DateTime, NaiveDate, Utc};
use domain::availability::WeeklyAvailability;
use domain::income_cap::{CapLimit, IncomeCap, WallRules};
use domain::introduction::history::IntroductionHistory;
use domain::introduction::{IntroductionStatus, MemberStatus, OutcomeKind};
use domain::participant::{GoalTrack, WorkPlace};
use domain::skill::Taxonomy;
use domain::travel::TravelTable;
use matching::{Candidate, Opening, TravelTimes};

use std::collections::HashMap;

use crate::request::{RequestSkill, StoredRequest};
use crate::{Arg, StoreError, TenantStore};

#[derive(sqlx::FromRow)]
struct CandidateRow {
    id: i64,
    display_name: String,
    availability: String,
    max_minutes_per_week: i32,
    income_cap: String,
    income_cap_yen: Option<i64>,
    work_place: String,
    commute_minutes: i32,
    earliest_start: Option<chrono::NaiveDate>,
    #[sqlx(try_from = "Option<String>")]
    goal_track: domain::label::OptionalCode<GoalTrack>,
    career_gap_months: i32,
    children: i32,
    cares_for_adult: bool,
    home_area: Option<String>,
}

/// Today in Japan: the day whose income walls apply.
pub fn today_in_japan() -> NaiveDate {
    domain::local_time::to_jst(chrono::Utc::now()).date_naive()
}

/// A person's chosen wall as it stands on `on`.
pub fn cap_limit(cap: IncomeCap, on: NaiveDate) -> CapLimit {
    WallRules::in_force().limit(cap, on)
}

/// Introductions within this many days count towards a person's exposure (see
/// `matching::shortlist`).
pub const RECENT_DAYS: i64 = 90;

/// An area unknown to the table: the engine takes the default minutes for it.
const UNKNOWN_AREA: u16 = u16::MAX;

fn area_index(index: Option<usize>) -> u16 {
    index
        .and_then(|i| u16::try_from(i).ok())
        .unwrap_or(UNKNOWN_AREA)
}

/// Maps skill ids to the engine's indexes (positions in the taxonomy).
pub fn skill_index(taxonomy: &Taxonomy, id: &str) -> Option<u16> {
    taxonomy
        .skills()
        .iter()
        .position(|s| s.id.as_str() == id)
        .map(|i| i as u16)
}

/// A town's table as the engine's travel times.
pub fn travel_times(table: &TravelTable) -> TravelTimes {
    let mut times = TravelTimes::new(table.areas.len(), table.default_minutes);
    for (a, b, minutes) in &table.minutes {
        times.set(area_index(Some(*a)), area_index(Some(*b)), *minutes);
    }
    times
}

/// Which participants a load reads: the whole town, or the ones changes named.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Only<'a> {
    All,
    Ids(&'a [i64]),
}

impl Only<'_> {
    /// `AND <column> IN (the ids)` for this backend, the ids bound as one JSON array `$n`; and
    /// that argument. Nothing for the whole town.
    fn filter(&self, backend: crate::Backend, column: &str, n: usize) -> (String, Vec<Arg>) {
        let Only::Ids(ids) = self else {
            return (String::new(), Vec::new());
        };
        let list = match backend {
            crate::Backend::Sqlite => format!("SELECT value FROM json_each(${n})"),
            crate::Backend::Postgres => {
                format!("SELECT value::bigint FROM json_array_elements_text(${n}::json)")
            }
        };
        let json = format!(
            "[{}]",
            ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
        );
        (format!(" AND {column} IN ({list})"), vec![Arg::Text(json)])
    }
}

/// One proposable participant: what the engine reads and the name pages label them with.
pub(crate) struct NamedCandidate {
    pub candidate: Candidate,
    pub name: String,
}

/// (participant, request, introduction status, outcome, member status, responded at).
type FactRow = (i64, i64, String, String, String, Option<DateTime<Utc>>);

/// One person's introductions, gathered row by row.
#[derive(Default)]
struct IntroductionFacts {
    introduced_to: Vec<i64>,
    history: IntroductionHistory,
}

impl IntroductionFacts {
    /// Counts one introduction: open, a placement, or one the person declined (on the day in
    /// Japan they answered).
    fn add(
        &mut self,
        status: &str,
        outcome: &str,
        (member, responded): (&str, Option<DateTime<Utc>>),
    ) {
        let status = IntroductionStatus::from_code(status);
        if status.is_some_and(IntroductionStatus::is_open) {
            self.history.open += 1;
        }
        let placed = OutcomeKind::from_code(outcome).is_some_and(OutcomeKind::is_placement);
        if status == Some(IntroductionStatus::Concluded) && placed {
            self.history.placed = true;
        }
        if MemberStatus::from_code(member) == Some(MemberStatus::Declined) {
            let on = responded.map(|at| domain::local_time::to_jst(at).date_naive());
            self.history.last_declined_on = self.history.last_declined_on.max(on);
        }
    }
}

impl TenantStore<'_> {
    /// Each person's introductions as the engine reads them: the requests with one in progress,
    /// concluded or declined (not drafts set aside or cancelled ones), sorted, which it does not
    /// propose again; and their history, which decides their room in a batch run.
    async fn introduction_facts(
        &self,
        only: Only<'_>,
    ) -> Result<HashMap<i64, IntroductionFacts>, StoreError> {
        let (filter, extra) = only.filter(self.store.backend(), "m.participant_id", 2);
        let sql = format!(
            "SELECT m.participant_id, i.request_id, i.status, COALESCE(i.outcome, ''), m.status, m.responded_at \
             FROM introduction_member m JOIN introduction i ON i.id = m.introduction_id \
             WHERE i.municipality_id = $1 AND i.status NOT IN ('discarded', 'cancelled'){filter} ORDER BY m.participant_id, i.request_id"
        );
        let args = [vec![Arg::I64(self.municipality_id.0)], extra].concat();
        let mut conn = self.store.conn().await?;
        let rows: Vec<FactRow> = on_backend!(conn.exec(), c => bind_args!(sqlx::query_as(&sql), &args).fetch_all(c).await)?;
        let mut facts: HashMap<i64, IntroductionFacts> = Default::default();
        for (participant, request, status, outcome, member, responded) in rows {
            let person = facts.entry(participant).or_default();
            if person.introduced_to.last() != Some(&request) {
                person.introduced_to.push(request);
            }
            person.add(&status, &outcome, (&member, responded));
        }
        Ok(facts)
    }

    /// How many introductions (not drafts, not set aside) each person had in the last `days`:
    /// their exposure, which the shortlist spreads fairly.
    pub(crate) async fn recent_introduction_counts(
        &self,
        days: i64,
        only: Only<'_>,
    ) -> Result<HashMap<i64, u32>, StoreError> {
        let since = chrono::Utc::now() - chrono::Duration::days(days);
        let (filter, extra) = only.filter(self.store.backend(), "m.participant_id", 3);
        let sql = format!(
            "SELECT m.participant_id, COUNT(*) FROM introduction_member m JOIN introduction i ON i.id = m.introduction_id \
             WHERE i.municipality_id = $1 AND i.created_at >= $2 AND i.status <> 'draft' AND i.status <> 'discarded'{filter} \
             GROUP BY m.participant_id"
        );
        let args = [
            vec![Arg::I64(self.municipality_id.0), Arg::Time(since)],
            extra,
        ]
        .concat();
        let mut conn = self.store.conn().await?;
        let rows: Vec<(i64, i64)> = on_backend!(conn.exec(), c => bind_args!(sqlx::query_as(&sql), &args).fetch_all(c).await)?;
        Ok(rows
            .into_iter()
            .map(|(id, n)| (id, u32::try_from(n).unwrap_or(u32::MAX)))
            .collect())
    }

    /// Participants who can be proposed (profile filled in, privacy consent in force), by id,
    /// with their names: the whole town or the ones named.
    pub(crate) async fn named_candidates(
        &self,
        taxonomy: &Taxonomy,
        only: Only<'_>,
    ) -> Result<Vec<NamedCandidate>, StoreError> {
        let backend = self.store.backend();
        let town = vec![Arg::I64(self.municipality_id.0)];
        let (filter, extra) = only.filter(backend, "a.id", 2);
        let people_sql = format!(
            "SELECT a.id, a.display_name, p.availability, p.max_minutes_per_week, p.income_cap, p.income_cap_yen, p.work_place, \
             p.commute_minutes, p.earliest_start, p.goal_track, p.career_gap_months, \
             p.children_age0 + p.children_age1_2 + p.children_age3_5 + p.children_school AS children, \
             (p.cares_for_elder OR p.cares_for_family) AS cares_for_adult, p.home_area \
             FROM account a JOIN participant_profile p ON p.account_id = a.id \
             WHERE a.municipality_id = $1 AND p.profile_updated_at IS NOT NULL{filter} \
             AND EXISTS (SELECT 1 FROM consent k WHERE k.account_id = a.id AND k.kind = 'privacy_policy' AND k.withdrawn_at IS NULL) \
             ORDER BY a.id"
        );
        let (skill_filter, _) = only.filter(backend, "account_id", 2);
        let skills_sql = format!(
            "SELECT account_id, skill_id, level FROM participant_skill WHERE municipality_id = $1{skill_filter} ORDER BY account_id"
        );
        let args = [town, extra].concat();
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => bind_args!(sqlx::query_as::<_, CandidateRow>(&people_sql), &args).fetch_all(c).await)?;
        let skills: Vec<(i64, String, i32)> = on_backend!(conn.exec(), c => bind_args!(sqlx::query_as(&skills_sql), &args).fetch_all(c).await)?;
        // Never hold a pooled connection while asking for another (the pool stall).
        drop(conn);
        let mut by_account = skills_by_account(taxonomy, &skills);
        let table = self.travel_table().await?;
        let today = today_in_japan();
        let mut introduced = self.introduction_facts(only).await?;
        let recent = self.recent_introduction_counts(RECENT_DAYS, only).await?;
        Ok(rows
            .into_iter()
            .map(|row| {
                let skills = by_account.remove(&row.id).unwrap_or_default();
                let skills = matching::skills::with_implied_licences(taxonomy, &skills);
                let name = row.display_name.clone();
                let mut candidate = row.into_candidate(&table, skills, today);
                candidate.recent_introductions = recent.get(&candidate.id).copied().unwrap_or(0);
                let facts = introduced.remove(&candidate.id).unwrap_or_default();
                candidate.introduced_to = facts.introduced_to;
                candidate.history = facts.history;
                NamedCandidate { candidate, name }
            })
            .collect())
    }

    /// Published requests as the engine sees them, with their titles and organizations.
    pub(crate) async fn titled_openings(
        &self,
        taxonomy: &Taxonomy,
    ) -> Result<Vec<(Opening, PublishedTitle)>, StoreError> {
        let requests = self
            .published_requests(&Default::default(), 100_000)
            .await?;
        // Every published request's skills in one query, grouped by request.
        let mut conn = self.store.conn().await?;
        let rows: Vec<(i64, String, i32, bool)> = on_backend!(conn.exec(), c => sqlx::query_as(
            "SELECT s.request_id, s.skill_id, s.level, s.required FROM request_skill s \
             JOIN request r ON r.id = s.request_id WHERE s.municipality_id = $1 AND r.status = 'published'")
            .bind(self.municipality_id.0).fetch_all(c).await)?;
        drop(conn);
        let mut skills: HashMap<i64, Vec<RequestSkill>> = HashMap::new();
        for (request, skill_id, level, required) in rows {
            skills.entry(request).or_default().push(RequestSkill {
                skill_id,
                level,
                required,
            });
        }
        let table = self.travel_table().await?;
        let mut openings: Vec<(Opening, PublishedTitle)> = requests
            .into_iter()
            .map(|request| {
                let own = skills.get(&request.id).map_or(&[][..], Vec::as_slice);
                (
                    opening(taxonomy, &table, &request, own),
                    PublishedTitle {
                        title: request.title,
                        organization_id: request.organization_id,
                        organization_name: request.organization_name,
                    },
                )
            })
            .collect();
        openings.sort_by_key(|(o, _)| o.id);
        Ok(openings)
    }
}

/// What pages say about a published request the engine proposes.
#[derive(Clone, Debug)]
pub struct PublishedTitle {
    pub title: String,
    pub organization_id: i64,
    pub organization_name: String,
}

/// Participants' skills grouped by account, as the engine's (skill index, level) pairs.
fn skills_by_account(
    taxonomy: &Taxonomy,
    rows: &[(i64, String, i32)],
) -> HashMap<i64, Vec<(u16, u8)>> {
    let index: HashMap<&str, u16> = taxonomy
        .skills()
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i as u16))
        .collect();
    let mut by_account: HashMap<i64, Vec<(u16, u8)>> = HashMap::new();
    for (account, id, level) in rows {
        if let (Some(skill), Ok(level)) = (index.get(id.as_str()), u8::try_from(*level)) {
            by_account
                .entry(*account)
                .or_default()
                .push((*skill, level));
        }
    }
    by_account
}

impl CandidateRow {
    /// The row as the engine's candidate, with the income wall in force `today`; exposure and
    /// past introductions are filled in by the caller.
    fn into_candidate(
        self,
        table: &TravelTable,
        skills: Vec<(u16, u8)>,
        today: NaiveDate,
    ) -> Candidate {
        Candidate {
            id: self.id,
            skills,
            availability: WeeklyAvailability::from_hex(&self.availability).unwrap_or_default(),
            max_minutes_per_week: u32::try_from(self.max_minutes_per_week).unwrap_or(0),
            income_cap: cap_limit(
                IncomeCap::from_code(
                    &self.income_cap,
                    self.income_cap_yen.and_then(|y| u32::try_from(y).ok()),
                )
                .unwrap_or(IncomeCap::None),
                today,
            ),
            work_place: WorkPlace::from_code(&self.work_place).unwrap_or(WorkPlace::Either),
            commute_minutes: u32::try_from(self.commute_minutes).unwrap_or(0),
            area: area_index(self.home_area.as_deref().and_then(|a| table.index(a))),
            earliest_start: self.earliest_start,
            goal: self.goal_track.get().unwrap_or(GoalTrack::OwnPace),
            career_gap_months: u32::try_from(self.career_gap_months).unwrap_or(0),
            children: u32::try_from(self.children).unwrap_or(0),
            cares_for_adult: self.cares_for_adult,
            recent_introductions: 0,
            introduced_to: Vec::new(),
            history: Default::default(),
        }
    }
}

/// A team project's team as the engine reads it; `None` for a job.
fn team_shape(request: &StoredRequest) -> Option<matching::input::TeamShape> {
    let count = |n: Option<i32>| n.and_then(|n| u16::try_from(n).ok()).unwrap_or(1);
    (request.kind == domain::request::RequestKind::TeamProject).then(|| {
        matching::input::TeamShape {
            size_min: count(request.team_min),
            size_max: count(request.team_max),
            meeting_minutes: request
                .meeting_minutes
                .and_then(|m| u32::try_from(m).ok())
                .unwrap_or(0),
        }
    })
}

/// One stored request as an engine opening.
pub fn opening(
    taxonomy: &Taxonomy,
    travel: &TravelTable,
    request: &StoredRequest,
    skills: &[crate::request::RequestSkill],
) -> Opening {
    let pick = |required: bool| {
        let mut list: Vec<(u16, u8)> = skills
            .iter()
            .filter(|s| s.required == required)
            .filter_map(|s| {
                Some((
                    skill_index(taxonomy, &s.skill_id)?,
                    u8::try_from(s.level).ok()?,
                ))
            })
            .collect();
        list.sort_unstable();
        list
    };
    let required = pick(true);
    Opening {
        id: request.id,
        kind: request.kind,
        licences: matching::skills::licences_among(taxonomy, &required),
        required,
        nice: pick(false),
        windows: (!request.flexible).then(|| request.windows()),
        shifts: request.shift_rule(),
        min_minutes_per_week: u32::try_from(request.min_minutes).unwrap_or(0),
        max_minutes_per_week: u32::try_from(request.max_minutes).unwrap_or(0),
        pay: request.pay(),
        commuting_allowance_monthly: u32::try_from(request.commuting_allowance_yen).unwrap_or(0),
        flags: request.flags(),
        work_mode: request.work_mode,
        area: area_index(travel.find(&request.location_area)),
        start_date: request.start_date,
        capacity: u32::try_from(request.headcount.or(request.team_max).unwrap_or(1)).unwrap_or(1),
        team: team_shape(request),
        is_employment: request.contract.get() == Some(domain::request::ContractType::Employment),
    }
}
