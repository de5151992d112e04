//! Participants: registration with eligibility and consent, the profile the matching engine
//! reads, coordinators' search, hearings, follow-ups and the case timeline.

use chrono::{DateTime, NaiveDate, Utc};
use domain::availability::WeeklyAvailability;
use domain::income_cap::IncomeCap;
use domain::municipality::EligibilityBasis;
use domain::participant::{CareFor, Children, GoalTrack, Profile, WorkPlace};
use domain::timeline::TimelineKind;
use domain::{MunicipalityId, Role};

use crate::account::{Account, AccountId, NewAccountRecord, insert_account};
use crate::audit::Unshown;
use crate::program_fact::NewFact;
use crate::{Exec, StoreError, TenantStore};
use domain::report::FactKind;

pub use crate::participant_search::{ParticipantFilter, ParticipantSummary};

/// The consent every participant gives at registration.
pub const PRIVACY_POLICY: &str = "privacy_policy";

/// A participant's stored profile; fields not yet filled in are `None` or empty.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredProfile {
    pub eligibility_basis: EligibilityBasis,
    pub phone: String,
    pub postal_code: String,
    pub goal_track: Option<GoalTrack>,
    pub work_history: String,
    pub career_gap_months: u32,
    pub availability: WeeklyAvailability,
    pub max_minutes_per_week: u32,
    pub earliest_start: Option<NaiveDate>,
    pub income_cap: IncomeCap,
    pub expected_hourly_wage: Option<u32>,
    pub work_place: WorkPlace,
    pub commute_minutes: u32,
    pub home_area: Option<String>,
    pub drives: bool,
    pub children: Children,
    pub cares_for: Vec<CareFor>,
    pub profile_updated_at: Option<DateTime<Utc>>,
    pub last_contact_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct StoredSkill {
    pub skill_id: String,
    pub level: i32,
    pub evidence: String,
    pub verified_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Consent {
    pub id: i64,
    #[sqlx(try_from = "String")]
    pub kind: domain::participant::ConsentKind,
    pub version: String,
    pub given_at: DateTime<Utc>,
    pub withdrawn_at: Option<DateTime<Utc>>,
}

/// Everything about one participant.
#[derive(Debug, Clone)]
pub struct ParticipantRecord {
    pub account: Account,
    pub profile: StoredProfile,
    pub skills: Vec<StoredSkill>,
}

#[derive(sqlx::FromRow)]
struct ProfileRow {
    eligibility_basis: String,
    phone: String,
    postal_code: String,
    #[sqlx(try_from = "Option<String>")]
    goal_track: domain::label::OptionalCode<GoalTrack>,
    work_history: String,
    career_gap_months: i32,
    availability: String,
    max_minutes_per_week: i32,
    earliest_start: Option<NaiveDate>,
    income_cap: String,
    income_cap_yen: Option<i64>,
    expected_hourly_wage: Option<i32>,
    work_place: String,
    commute_minutes: i32,
    home_area: Option<String>,
    drives: bool,
    children_age0: i32,
    children_age1_2: i32,
    children_age3_5: i32,
    children_school: i32,
    cares_for_elder: bool,
    cares_for_family: bool,
    profile_updated_at: Option<DateTime<Utc>>,
    last_contact_at: Option<DateTime<Utc>>,
}

const PROFILE_COLUMNS: &str = "eligibility_basis, phone, postal_code, goal_track, work_history, career_gap_months, \
    availability, max_minutes_per_week, earliest_start, income_cap, income_cap_yen, expected_hourly_wage, work_place, \
    commute_minutes, home_area, drives, children_age0, children_age1_2, children_age3_5, children_school, cares_for_elder, \
    cares_for_family, profile_updated_at, last_contact_at";

fn unsigned(value: i32) -> u32 {
    u32::try_from(value).unwrap_or(0)
}

fn count(value: i32) -> u8 {
    u8::try_from(value).unwrap_or(0)
}

impl TryFrom<ProfileRow> for StoredProfile {
    type Error = StoreError;
    fn try_from(row: ProfileRow) -> Result<Self, StoreError> {
        let corrupt = |detail: String| StoreError::Corrupt {
            table: "participant_profile",
            detail,
        };
        Ok(StoredProfile {
            availability: WeeklyAvailability::from_hex(&row.availability)
                .map_err(|e| corrupt(e.to_string()))?,
            income_cap: IncomeCap::from_code(
                &row.income_cap,
                row.income_cap_yen.and_then(|y| u32::try_from(y).ok()),
            )
            .ok_or_else(|| corrupt(format!("income_cap {}", row.income_cap)))?,
            work_place: WorkPlace::from_code(&row.work_place)
                .ok_or_else(|| corrupt(format!("work_place {}", row.work_place)))?,
            goal_track: row.goal_track.get(),
            eligibility_basis: EligibilityBasis::try_from(row.eligibility_basis)?,
            phone: row.phone,
            postal_code: row.postal_code,
            work_history: row.work_history,
            career_gap_months: unsigned(row.career_gap_months),
            max_minutes_per_week: unsigned(row.max_minutes_per_week),
            earliest_start: row.earliest_start,
            expected_hourly_wage: row.expected_hourly_wage.map(unsigned),
            commute_minutes: unsigned(row.commute_minutes),
            home_area: row.home_area,
            drives: row.drives,
            children: Children([
                count(row.children_age0),
                count(row.children_age1_2),
                count(row.children_age3_5),
                count(row.children_school),
            ]),
            cares_for: [
                (row.cares_for_elder, CareFor::Elder),
                (row.cares_for_family, CareFor::Family),
            ]
            .into_iter()
            .filter_map(|(cares, who)| cares.then_some(who))
            .collect(),
            profile_updated_at: row.profile_updated_at,
            last_contact_at: row.last_contact_at,
        })
    }
}

fn basis_code(basis: EligibilityBasis) -> &'static str {
    basis.code()
}

/// Appends to a participant's case timeline inside a caller's transaction.
pub async fn add_case_event(
    exec: Exec<'_>,
    town: MunicipalityId,
    participant: AccountId,
    kind: TimelineKind,
    summary: &str,
    actor: Option<AccountId>,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    on_backend!(exec, c => sqlx::query(
        "INSERT INTO case_event (municipality_id, participant_id, kind, summary, actor_id, at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(town.0).bind(participant.0).bind(kind.code()).bind(summary).bind(actor.map(|a| a.0)).bind(at)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

impl TenantStore<'_> {
    /// Creates a participant with their eligibility basis and privacy-policy consent, all or
    /// nothing. A taken email is a conflict on `email`.
    pub async fn register_participant(
        &self,
        record: &NewAccountRecord,
        basis: EligibilityBasis,
        policy_version: &str,
    ) -> Result<Account, StoreError> {
        let mut tx = self.store.begin().await?;
        let account = self
            .register_in(&mut tx, record, basis, policy_version, Utc::now())
            .await?;
        tx.commit().await?;
        Ok(account)
    }

    /// Registers the participant whose address the sign-up link `token_hash` proved, using up
    /// the link in the same transaction: all or nothing. A used, expired or unknown link, or
    /// one for another address, is [`StoreError::Gone`].
    pub async fn register_verified_participant(
        &self,
        token_hash: &str,
        record: &NewAccountRecord,
        basis: EligibilityBasis,
        policy_version: &str,
    ) -> Result<Account, StoreError> {
        let now = Utc::now();
        let mut tx = self.store.begin().await?;
        let email: Option<String> = on_backend!(tx.exec(), c => sqlx::query_scalar(
            "UPDATE signup_verification SET used_at = $1 WHERE token_hash = $2 AND municipality_id = $3 \
             AND used_at IS NULL AND expires_at > $1 RETURNING email")
            .bind(now).bind(token_hash).bind(self.municipality_id.0)
            .fetch_optional(c).await)?;
        if email.as_deref() != Some(record.email.as_str()) {
            return Err(StoreError::Gone);
        }
        let account = self
            .register_in(&mut tx, record, basis, policy_version, now)
            .await?;
        tx.commit().await?;
        Ok(account)
    }

    pub(crate) async fn register_in(
        &self,
        tx: &mut crate::Tx,
        record: &NewAccountRecord,
        basis: EligibilityBasis,
        policy_version: &str,
        now: chrono::DateTime<Utc>,
    ) -> Result<Account, StoreError> {
        debug_assert_eq!(record.role, Role::Participant);
        let town = self.municipality_id;
        let account = insert_account(tx.exec(), Some(town), record, now).await?;
        on_backend!(tx.exec(), c => sqlx::query(
            "INSERT INTO participant_profile (account_id, municipality_id, eligibility_basis, availability) VALUES ($1, $2, $3, $4)")
            .bind(account.id.0).bind(town.0).bind(basis_code(basis)).bind(WeeklyAvailability::empty().to_hex())
            .execute(c).await.map(|r| r.rows_affected()))?;
        on_backend!(tx.exec(), c => sqlx::query(
            "INSERT INTO consent (municipality_id, account_id, kind, version, given_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(town.0).bind(account.id.0).bind(PRIVACY_POLICY).bind(policy_version).bind(now)
            .execute(c).await.map(|r| r.rows_affected()))?;
        let fact = NewFact::at(FactKind::Registered, now, account.id.0).detail(basis_code(basis));
        crate::program_fact::record(tx, town, &fact).await?;
        add_case_event(
            tx.exec(),
            town,
            account.id,
            TimelineKind::Registered,
            basis_code(basis),
            Some(account.id),
            now,
        )
        .await?;
        Ok(account)
    }

    /// The signed-in participant's own record: `None` for anyone who is not a participant of
    /// this town.
    pub async fn own_participant(
        &self,
        account: &Account,
    ) -> Result<Option<ParticipantRecord>, StoreError> {
        if account.role != Role::Participant
            || account.municipality_id != Some(self.municipality_id)
        {
            return Ok(None);
        }
        self.participant(account.id).await
    }

    /// A participant's record for staff (or an organization shown it by consent): shown only
    /// through [`Unshown::reveal`], which records whose record it was.
    pub async fn participant_for_staff(
        &self,
        id: AccountId,
    ) -> Result<Unshown<Option<ParticipantRecord>>, StoreError> {
        Ok(Unshown::new(self.participant(id).await?))
    }

    /// A participant of this town with profile and skills.
    pub(crate) async fn participant(
        &self,
        id: AccountId,
    ) -> Result<Option<ParticipantRecord>, StoreError> {
        let Some(account) = self
            .account(id)
            .await?
            .filter(|a| a.role == Role::Participant)
        else {
            return Ok(None);
        };
        let mut conn = self.store.conn().await?;
        let sql = format!(
            "SELECT {PROFILE_COLUMNS} FROM participant_profile WHERE municipality_id = $1 AND account_id = $2"
        );
        let row = on_backend!(conn.exec(), c => sqlx::query_as::<_, ProfileRow>(&sql)
            .bind(self.municipality_id.0).bind(id.0).fetch_optional(c).await)?;
        let Some(row) = row else { return Ok(None) };
        let skills = on_backend!(conn.exec(), c => sqlx::query_as::<_, StoredSkill>(
            "SELECT skill_id, level, evidence, verified_at FROM participant_skill \
             WHERE municipality_id = $1 AND account_id = $2 ORDER BY account_id, skill_id")
            .bind(self.municipality_id.0).bind(id.0).fetch_all(c).await)?;
        Ok(Some(ParticipantRecord {
            account,
            profile: StoredProfile::try_from(row)?,
            skills,
        }))
    }

    /// Saves a profile: fields, skills (a skill kept at the same level keeps its verification),
    /// and a goal-track change with its history; all or nothing.
    pub async fn save_profile(
        &self,
        id: AccountId,
        profile: &Profile,
        actor: AccountId,
    ) -> Result<(), StoreError> {
        let now = Utc::now();
        let town = self.municipality_id;
        let previous = self.participant(id).await?.ok_or(StoreError::NotFound)?;
        let mut tx = self.store.begin().await?;
        let free_days: Vec<&str> = profile
            .availability
            .free_days()
            .iter()
            .map(|d| d.code())
            .collect();
        let wage = profile
            .expected_hourly_wage
            .map(|w| i32::try_from(w).unwrap_or(i32::MAX));
        let cap_yen = match profile.income_cap {
            IncomeCap::Custom(yen) => Some(i64::from(yen)),
            _ => None,
        };
        let ints = |v: u32| i32::try_from(v).unwrap_or(i32::MAX);
        on_backend!(tx.exec(), c => sqlx::query(
            "UPDATE participant_profile SET phone = $1, postal_code = $2, goal_track = $3, work_history = $4, \
             career_gap_months = $5, availability = $6, free_days = $7, max_minutes_per_week = $8, earliest_start = $9, \
             income_cap = $10, income_cap_yen = $11, expected_hourly_wage = $12, work_place = $13, commute_minutes = $14, \
             drives = $15, children_age0 = $16, children_age1_2 = $17, children_age3_5 = $18, children_school = $19, \
             profile_updated_at = $20, home_area = $21, cares_for_elder = $22, cares_for_family = $23 \
             WHERE municipality_id = $24 AND account_id = $25")
            .bind(&profile.phone).bind(&profile.postal_code).bind(profile.goal_track.code()).bind(&profile.work_history)
            .bind(ints(profile.career_gap_months)).bind(profile.availability.to_hex()).bind(free_days.join(","))
            .bind(ints(profile.max_minutes_per_week)).bind(profile.earliest_start).bind(profile.income_cap.code())
            .bind(cap_yen).bind(wage).bind(profile.work_place.code()).bind(ints(profile.commute_minutes))
            .bind(profile.drives)
            .bind(i32::from(profile.children.0[0])).bind(i32::from(profile.children.0[1]))
            .bind(i32::from(profile.children.0[2])).bind(i32::from(profile.children.0[3]))
            .bind(now).bind(&profile.home_area)
            .bind(profile.cares_for.contains(&CareFor::Elder)).bind(profile.cares_for.contains(&CareFor::Family))
            .bind(town.0).bind(id.0)
            .execute(c).await.map(|r| r.rows_affected()))?;
        on_backend!(tx.exec(), c => sqlx::query(
            "UPDATE account SET display_name = $1, furigana = $2, name_key = $5 WHERE municipality_id = $3 AND id = $4")
            .bind(&profile.display_name).bind(profile.furigana.as_str()).bind(town.0).bind(id.0)
            .bind(crate::account::name_key(&profile.display_name, profile.furigana.as_str()))
            .execute(c).await.map(|r| r.rows_affected()))?;
        on_backend!(tx.exec(), c => sqlx::query("DELETE FROM participant_skill WHERE municipality_id = $1 AND account_id = $2")
            .bind(town.0).bind(id.0).execute(c).await.map(|r| r.rows_affected()))?;
        for skill in &profile.skills {
            let level = i32::from(skill.level.get());
            let kept = previous
                .skills
                .iter()
                .find(|s| s.skill_id == skill.skill.as_str() && s.level == level);
            let verified_at = kept.and_then(|s| s.verified_at);
            on_backend!(tx.exec(), c => sqlx::query(
                "INSERT INTO participant_skill (account_id, municipality_id, skill_id, level, evidence, verified_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(id.0).bind(town.0).bind(skill.skill.as_str()).bind(level).bind(&skill.evidence).bind(verified_at)
                .execute(c).await.map(|r| r.rows_affected()))?;
        }
        if previous.profile.goal_track != Some(profile.goal_track) {
            on_backend!(tx.exec(), c => sqlx::query(
                "INSERT INTO goal_track_change (municipality_id, account_id, goal_track, changed_by, changed_at) \
                 VALUES ($1, $2, $3, $4, $5)")
                .bind(town.0).bind(id.0).bind(profile.goal_track.code()).bind(actor.0).bind(now)
                .execute(c).await.map(|r| r.rows_affected()))?;
            let fact =
                NewFact::at(FactKind::GoalChosen, now, id.0).detail(profile.goal_track.code());
            crate::program_fact::record(&mut tx, town, &fact).await?;
            add_case_event(
                tx.exec(),
                town,
                id,
                TimelineKind::GoalTrack,
                profile.goal_track.code(),
                Some(actor),
                now,
            )
            .await?;
        }
        add_case_event(
            tx.exec(),
            town,
            id,
            TimelineKind::ProfileUpdated,
            "",
            Some(actor),
            now,
        )
        .await?;
        tx.commit().await
    }

    /// The goal tracks a participant has had, oldest first.
    pub async fn goal_track_history(
        &self,
        id: AccountId,
    ) -> Result<Vec<(String, DateTime<Utc>)>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, (String, DateTime<Utc>)>(
            "SELECT goal_track, changed_at FROM goal_track_change WHERE municipality_id = $1 AND account_id = $2 ORDER BY id")
            .bind(self.municipality_id.0).bind(id.0).fetch_all(c).await)?;
        Ok(rows)
    }

    /// Every consent a participant has given, newest first.
    pub async fn consents(&self, id: AccountId) -> Result<Vec<Consent>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, Consent>(
            "SELECT id, kind, version, given_at, withdrawn_at FROM consent WHERE municipality_id = $1 AND account_id = $2 ORDER BY id DESC")
            .bind(self.municipality_id.0).bind(id.0).fetch_all(c).await)?;
        Ok(rows)
    }

    /// Withdraws the participant's open privacy-policy consent; returns whether one was open.
    pub async fn withdraw_privacy_consent(&self, id: AccountId) -> Result<bool, StoreError> {
        let now = Utc::now();
        let mut tx = self.store.begin().await?;
        let changed = on_backend!(tx.exec(), c => sqlx::query(
            "UPDATE consent SET withdrawn_at = $1 WHERE municipality_id = $2 AND account_id = $3 AND kind = $4 AND withdrawn_at IS NULL")
            .bind(now).bind(self.municipality_id.0).bind(id.0).bind(PRIVACY_POLICY)
            .execute(c).await.map(|r| r.rows_affected()))?;
        if changed > 0 {
            add_case_event(
                tx.exec(),
                self.municipality_id,
                id,
                TimelineKind::ConsentWithdrawn,
                PRIVACY_POLICY,
                Some(id),
                now,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(changed > 0)
    }

    /// Gives the privacy-policy consent again (after a withdrawal).
    pub async fn give_privacy_consent(
        &self,
        id: AccountId,
        version: &str,
    ) -> Result<(), StoreError> {
        let now = Utc::now();
        let mut tx = self.store.begin().await?;
        on_backend!(tx.exec(), c => sqlx::query(
            "INSERT INTO consent (municipality_id, account_id, kind, version, given_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(self.municipality_id.0).bind(id.0).bind(PRIVACY_POLICY).bind(version).bind(now)
            .execute(c).await.map(|r| r.rows_affected()))?;
        add_case_event(
            tx.exec(),
            self.municipality_id,
            id,
            TimelineKind::ConsentGiven,
            PRIVACY_POLICY,
            Some(id),
            now,
        )
        .await?;
        tx.commit().await
    }
}

impl crate::audit::Subjects for ParticipantRecord {
    fn subjects(&self) -> Vec<i64> {
        vec![self.account.id.0]
    }
}
