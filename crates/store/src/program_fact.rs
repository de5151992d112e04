//! The program's facts (`domain::report::Fact`): written in the same transaction as the thing
//! they record, read back a fiscal year at a time for the town's numbers. A fact names the
//! person by their account's number only, with no reference, so it outlives the account.

use chrono::{DateTime, NaiveDate, Utc};
use domain::local_time::to_jst;
use domain::report::milestones::PersonMilestones;
use domain::report::{Fact, FactKind};

use crate::{StoreError, TenantStore, Tx};
use domain::MunicipalityId;

/// A fact to write: what, about whom, and what it was about.
pub struct NewFact<'a> {
    pub kind: FactKind,
    pub on: NaiveDate,
    pub person: i64,
    pub detail: &'a str,
    pub subject: Option<i64>,
    pub children: u32,
}

impl<'a> NewFact<'a> {
    /// A fact of `kind` about `person`, on the day in Japan of `at`.
    pub fn at(kind: FactKind, at: DateTime<Utc>, person: i64) -> Self {
        Self {
            kind,
            on: to_jst(at).date_naive(),
            person,
            detail: "",
            subject: None,
            children: 0,
        }
    }

    pub fn detail(self, detail: &'a str) -> Self {
        Self { detail, ..self }
    }

    pub fn subject(self, subject: i64) -> Self {
        Self {
            subject: Some(subject),
            ..self
        }
    }
}

pub(crate) async fn record(
    tx: &mut Tx,
    town: MunicipalityId,
    fact: &NewFact<'_>,
) -> Result<(), StoreError> {
    let children = i32::try_from(fact.children).unwrap_or(i32::MAX);
    on_backend!(tx.exec(), c => sqlx::query(
        "INSERT INTO program_fact (municipality_id, kind, occurred_on, person, detail, subject, children) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)")
        .bind(town.0).bind(fact.kind.code()).bind(fact.on).bind(fact.person).bind(fact.detail)
        .bind(fact.subject).bind(children).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Forgets the facts of `kinds` about `person` and `subject` (an attendance recorded again).
pub(crate) async fn forget(
    tx: &mut Tx,
    town: MunicipalityId,
    kinds: &[FactKind],
    (person, subject): (i64, i64),
) -> Result<(), StoreError> {
    for kind in kinds {
        on_backend!(tx.exec(), c => sqlx::query(
            "DELETE FROM program_fact WHERE municipality_id = $1 AND kind = $2 AND person = $3 AND subject = $4")
            .bind(town.0).bind(kind.code()).bind(person).bind(subject).execute(c).await.map(|r| r.rows_affected()))?;
    }
    Ok(())
}

type FactRow = (String, NaiveDate, i64, String, Option<i64>, i32);

impl TenantStore<'_> {
    /// The town's facts from `first` to `last` (days in Japan, both included), in day order.
    pub async fn program_facts(
        &self,
        first: NaiveDate,
        last: NaiveDate,
    ) -> Result<Vec<Fact>, StoreError> {
        let mut conn = self.store.conn().await?;
        let rows: Vec<FactRow> = on_backend!(conn.exec(), c => sqlx::query_as(
            "SELECT kind, occurred_on, person, detail, subject, children FROM program_fact \
             WHERE municipality_id = $1 AND occurred_on >= $2 AND occurred_on <= $3 ORDER BY occurred_on, id")
            .bind(self.municipality_id.0).bind(first).bind(last).fetch_all(c).await)?;
        Ok(rows
            .into_iter()
            .filter_map(|(kind, on, person, detail, subject, children)| {
                Some(Fact {
                    kind: FactKind::from_code(&kind)?,
                    on,
                    person,
                    detail,
                    subject,
                    children: u32::try_from(children).unwrap_or(0),
                })
            })
            .collect())
    }

    /// The first day with a fact, for the report's choice of years.
    pub async fn first_fact_day(&self) -> Result<Option<NaiveDate>, StoreError> {
        let mut conn = self.store.conn().await?;
        let day: Option<NaiveDate> = on_backend!(conn.exec(), c => sqlx::query_scalar(
            "SELECT MIN(occurred_on) FROM program_fact WHERE municipality_id = $1")
            .bind(self.municipality_id.0).fetch_one(c).await)?;
        Ok(day)
    }

    /// Each person's days of registering, of their first offered introduction and of their
    /// first outcome in work or a business, from the facts of all years (one pass, grouped
    /// by person).
    pub async fn milestones(&self) -> Result<Vec<PersonMilestones>, StoreError> {
        type MilestoneRow = (i64, Option<NaiveDate>, Option<NaiveDate>, Option<NaiveDate>);
        let mut conn = self.store.conn().await?;
        let placements: Vec<&str> = domain::introduction::OutcomeKind::ALL
            .iter()
            .filter(|k| k.is_placement())
            .map(|k| k.code())
            .collect();
        let offered = domain::introduction::IntroductionStatus::Offered.code();
        let sql = format!(
            "SELECT person, \
             MIN(CASE WHEN kind = $2 THEN occurred_on END), \
             MIN(CASE WHEN kind = $3 AND detail = $4 THEN occurred_on END), \
             MIN(CASE WHEN kind = $5 AND detail IN ('{}') THEN occurred_on END) \
             FROM program_fact WHERE municipality_id = $1 AND kind IN ($2, $3, $5) GROUP BY person",
            placements.join("', '")
        );
        let rows: Vec<MilestoneRow> = on_backend!(conn.exec(), c => sqlx::query_as(&sql)
            .bind(self.municipality_id.0).bind(FactKind::Registered.code())
            .bind(FactKind::Introduction.code()).bind(offered).bind(FactKind::Outcome.code())
            .fetch_all(c).await)?;
        Ok(rows
            .into_iter()
            .map(
                |(person, registered, first_offer, placement)| PersonMilestones {
                    person,
                    registered,
                    first_offer,
                    placement,
                },
            )
            .collect())
    }
}
