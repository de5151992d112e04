//! The audit log (監査ログ): who did what to which record, when and from where, including every
//! time a staff member viewed a person's data. Append-only: this module only adds and reads,
//! and database triggers refuse any UPDATE or DELETE.

use chrono::{DateTime, Utc};
use domain::MunicipalityId;

use crate::account::AccountId;
use crate::{Arg, Store, StoreError};

/// One entry to append.
#[derive(Debug, Clone)]
pub struct NewAuditEntry {
    pub municipality_id: Option<MunicipalityId>,
    pub actor_id: Option<AccountId>,
    /// The actor's role, or `anonymous`.
    pub actor_role: String,
    /// What happened, e.g. `participant.view`, `invitation.create`, `access.denied`.
    pub action: String,
    pub target_type: String,
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
    pub actor_role: String,
    pub action: String,
    pub target_type: String,
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
    pub actor_id: Option<AccountId>,
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    /// Keyset paging: entries older than this id.
    pub before_id: Option<i64>,
}

impl Store {
    pub async fn audit(&self, entry: &NewAuditEntry) -> Result<(), StoreError> {
        let mut conn = self.conn().await?;
        on_backend!(conn.exec(), c => sqlx::query(
            "INSERT INTO audit_log (municipality_id, actor_id, actor_role, action, target_type, target_id, \
             detail, ip, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
            .bind(entry.municipality_id.map(|m| m.0))
            .bind(entry.actor_id.map(|a| a.0))
            .bind(&entry.actor_role)
            .bind(&entry.action)
            .bind(&entry.target_type)
            .bind(&entry.target_id)
            .bind(&entry.detail)
            .bind(&entry.ip)
            .bind(Utc::now())
            .execute(c)
            .await
            .map(|r| r.rows_affected()))?;
        Ok(())
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
        if let Some(actor) = filter.actor_id {
            push(&|p| format!("l.actor_id = {p}"), Arg::I64(actor.0));
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
