//! The audit log (監査ログ): who did what to which record, when and from where, including every
//! time a staff member viewed a person's data. Append-only: this module only adds and reads,
//! and database triggers refuse any UPDATE or DELETE.
//!
//! **Audited reads by construction.** The store's methods that read people's data for staff
//! return [`Unshown`]: the data is inside and the only way to it is [`Unshown::reveal`], which
//! first writes the audit entry naming every person in it ([`Subjects`]) into `audit_subject`.
//! A handler therefore cannot show personal data without the entry, and a list's entry names
//! the people on that page. Officers ask "who looked at this person" with
//! [`AuditFilter::subject`].

use chrono::{DateTime, Utc};
use domain::MunicipalityId;

use domain::audit::{ActorRole, AuditAction, AuditTarget};

use crate::account::AccountId;
use crate::{Arg, Store, StoreError};

/// One entry to append.
#[derive(Debug, Clone)]
pub struct NewAuditEntry {
    pub municipality_id: Option<MunicipalityId>,
    pub actor_id: Option<AccountId>,
    pub actor_role: ActorRole,
    /// What happened.
    pub action: AuditAction,
    pub target_type: AuditTarget,
    pub target_id: String,
    pub detail: String,
    pub ip: String,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AuditRecord {
    pub id: i64,
    pub municipality_id: Option<i64>,
    pub actor_id: Option<i64>,
    pub actor_name: Option<String>,
    #[sqlx(try_from = "String")]
    pub actor_role: ActorRole,
    #[sqlx(try_from = "String")]
    pub action: AuditAction,
    #[sqlx(try_from = "String")]
    pub target_type: AuditTarget,
    pub target_id: String,
    pub detail: String,
    pub ip: String,
    pub at: DateTime<Utc>,
}

/// What to show of the log. `municipality: None` means every town (operators only).
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub municipality: Option<MunicipalityId>,
    /// Entries whose action starts with this, e.g. `participant.` or `access.denied`.
    pub action_prefix: Option<String>,
    /// Entries by any of these accounts (empty: anyone).
    pub actor_ids: Vec<AccountId>,
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    /// Keyset paging: entries older than this id.
    pub before_id: Option<i64>,
    /// Entries whose view showed, or that concern, any of these people (empty: anyone).
    pub subjects: Vec<AccountId>,
}

/// `$n, $m, …` for the ids, bound after the arguments already in `args`.
fn id_list(ids: &[AccountId], args: &mut Vec<Arg>) -> String {
    let marks: Vec<String> = ids
        .iter()
        .map(|id| {
            args.push(Arg::I64(id.0));
            format!("${}", args.len())
        })
        .collect();
    marks.join(", ")
}

/// The filter's conditions on the people involved: who acted, and whose data it was.
fn people_conditions(filter: &AuditFilter, args: &mut Vec<Arg>) -> Vec<String> {
    let mut conditions = Vec::new();
    if !filter.actor_ids.is_empty() {
        conditions.push(format!(
            "l.actor_id IN ({})",
            id_list(&filter.actor_ids, args)
        ));
    }
    if !filter.subjects.is_empty() {
        let shown = id_list(&filter.subjects, args);
        let as_text: Vec<String> = filter
            .subjects
            .iter()
            .map(|id| format!("'{}'", id.0))
            .collect();
        conditions.push(format!(
            "(l.id IN (SELECT audit_id FROM audit_subject WHERE account_id IN ({shown})) \
             OR (l.target_type IN ('participant', 'account') AND l.target_id IN ({})))",
            as_text.join(", ")
        ));
    }
    conditions
}

/// The people a piece of data is about (account ids).
pub trait Subjects {
    fn subjects(&self) -> Vec<i64>;
}

impl<T: Subjects> Subjects for Vec<T> {
    fn subjects(&self) -> Vec<i64> {
        self.iter().flat_map(Subjects::subjects).collect()
    }
}

impl<T: Subjects> Subjects for Option<T> {
    fn subjects(&self) -> Vec<i64> {
        self.iter().flat_map(Subjects::subjects).collect()
    }
}

impl<A: Subjects, B: Subjects> Subjects for (A, B) {
    fn subjects(&self) -> Vec<i64> {
        let mut ids = self.0.subjects();
        ids.extend(self.1.subjects());
        ids
    }
}

/// People's data read for staff and not shown yet. See the module's documentation.
#[must_use = "personal data for staff is shown only through `reveal`, which records the view"]
pub struct Unshown<T>(T);

impl<T: Subjects> Unshown<T> {
    /// Wraps data that staff are about to see: what the store reads for them, and what the web
    /// layer derives from other reads (a ranked shortlist).
    pub fn new(value: T) -> Self {
        Self(value)
    }

    /// Writes `entry`, naming every person in the data, and then hands the data over.
    pub async fn reveal(self, store: &Store, entry: &NewAuditEntry) -> Result<T, StoreError> {
        store.audit_view(entry, &self.0.subjects()).await?;
        Ok(self.0)
    }
}

impl<T> Unshown<T> {
    #[cfg(feature = "testing")]
    pub(crate) fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Unshown<Vec<T>> {
    /// Keeps the first `n` rows (a page), and says whether there were more.
    pub fn first(self, n: usize) -> (Self, bool) {
        let mut rows = self.0;
        let more = rows.len() > n;
        rows.truncate(n);
        (Self(rows), more)
    }

    /// Adds the rows of another read, still unshown: a long list read a batch at a time is
    /// revealed, and recorded, once.
    pub fn extend(&mut self, more: Unshown<Vec<T>>) {
        self.0.extend(more.0);
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The people named by an entry.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AuditSubject {
    pub audit_id: i64,
    pub account_id: i64,
    pub display_name: Option<String>,
}

impl Store {
    /// Appends a view of people's data with the people it showed, all or nothing.
    pub async fn audit_view(
        &self,
        entry: &NewAuditEntry,
        subjects: &[i64],
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        insert_entry(&mut tx, entry, subjects, Utc::now()).await?;
        tx.commit().await
    }
}

/// Appends an entry and the people it names inside the caller's transaction.
pub(crate) async fn insert_entry(
    tx: &mut crate::Tx,
    entry: &NewAuditEntry,
    subjects: &[i64],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let mut subjects = subjects.to_vec();
    subjects.sort_unstable();
    subjects.dedup();
    let id: i64 = on_backend!(tx.exec(), c => sqlx::query_scalar(
        "INSERT INTO audit_log (municipality_id, actor_id, actor_role, action, target_type, target_id, \
         detail, ip, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id")
        .bind(entry.municipality_id.map(|m| m.0))
        .bind(entry.actor_id.map(|a| a.0))
        .bind(entry.actor_role.code())
        .bind(entry.action.code())
        .bind(entry.target_type.code())
        .bind(&entry.target_id)
        .bind(&entry.detail)
        .bind(&entry.ip)
        .bind(now)
        .fetch_one(c)
        .await)?;
    // One statement per 500 people keeps a long list to a few round trips.
    for chunk in subjects.chunks(500) {
        let values: Vec<String> = (0..chunk.len())
            .map(|i| format!("($1, $2, ${})", i + 3))
            .collect();
        let sql = format!(
            "INSERT INTO audit_subject (audit_id, municipality_id, account_id) VALUES {}",
            values.join(", ")
        );
        let mut args = vec![
            Arg::I64(id),
            Arg::OptI64(entry.municipality_id.map(|m| m.0)),
        ];
        args.extend(chunk.iter().map(|a| Arg::I64(*a)));
        on_backend!(tx.exec(), c => bind_args!(sqlx::query(&sql), &args)
            .execute(c).await.map(|r| r.rows_affected()))?;
    }
    Ok(())
}

impl Store {
    /// The people named by these entries, for the log's page.
    pub async fn audit_subjects(&self, ids: &[i64]) -> Result<Vec<AuditSubject>, StoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let placeholders: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT s.audit_id, s.account_id, a.display_name FROM audit_subject s \
             LEFT JOIN account a ON a.id = s.account_id WHERE s.audit_id IN ({}) \
             ORDER BY s.audit_id, s.account_id",
            placeholders.join(", ")
        );
        let args: Vec<Arg> = ids.iter().map(|i| Arg::I64(*i)).collect();
        let mut conn = self.conn().await?;
        let rows = on_backend!(conn.exec(), c =>
            bind_args!(sqlx::query_as::<_, AuditSubject>(&sql), &args).fetch_all(c).await)?;
        Ok(rows)
    }

    /// Appends an entry that shows nobody's data.
    pub async fn audit(&self, entry: &NewAuditEntry) -> Result<(), StoreError> {
        self.audit_view(entry, &[]).await
    }

    /// One page of the log, newest first.
    pub async fn audit_page(
        &self,
        filter: &AuditFilter,
        limit: i64,
    ) -> Result<Vec<AuditRecord>, StoreError> {
        let mut conditions: Vec<String> = Vec::new();
        let mut args = Vec::new();
        // Adds a condition; `make` gets the placeholder (`$n`) of the bound value.
        let mut push = |make: &dyn Fn(&str) -> String, arg: Arg| {
            args.push(arg);
            conditions.push(make(&format!("${}", args.len())));
        };
        if let Some(town) = filter.municipality {
            push(&|p| format!("l.municipality_id = {p}"), Arg::I64(town.0));
        }
        if let Some(prefix) = filter.action_prefix.as_deref().filter(|p| !p.is_empty()) {
            push(
                &|p| format!("substr(l.action, 1, length({p})) = {p}"),
                Arg::Text(prefix.to_owned()),
            );
        }
        if let Some(from) = filter.from {
            push(&|p| format!("l.at >= {p}"), Arg::Time(from));
        }
        if let Some(until) = filter.until {
            push(&|p| format!("l.at < {p}"), Arg::Time(until));
        }
        if let Some(before) = filter.before_id {
            push(&|p| format!("l.id < {p}"), Arg::I64(before));
        }
        conditions.extend(people_conditions(filter, &mut args));
        let where_clause = if conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conditions.join(" AND "))
        };
        args.push(Arg::I64(limit));
        let sql = format!(
            "SELECT l.id, l.municipality_id, l.actor_id, a.display_name AS actor_name, l.actor_role, l.action, \
             l.target_type, l.target_id, l.detail, l.ip, l.at FROM audit_log l \
             LEFT JOIN account a ON a.id = l.actor_id {where_clause} ORDER BY l.id DESC LIMIT ${}",
            args.len()
        );
        let mut conn = self.conn().await?;
        let rows = on_backend!(conn.exec(), c =>
            bind_args!(sqlx::query_as::<_, AuditRecord>(&sql), &args).fetch_all(c).await)?;
        Ok(rows)
    }
}
