//! The audit log as town officers (their town) and operators (every town) read it: newest
//! first, filtered, paged by id. Each view of people's data lists the people it showed, and
//! the log can be filtered by person: who looked at this person's data, when, and why.

use axum::http::StatusCode;
use axum::response::Response;
use chrono::{NaiveDate, TimeZone, Utc};
use domain::MunicipalityId;
use domain::local_time::{jst, to_jst};
use serde::Deserialize;
use store::account::AccountId;
use store::audit::{AuditFilter, AuditRecord};

use crate::error::WebError;
use crate::page::{Page, render};
use crate::state::AppState;

const PAGE_SIZE: i64 = 50;

/// The filters, as the form sends them.
#[derive(Debug, Default, Deserialize)]
pub struct AuditQuery {
    #[serde(default)]
    action: String,
    #[serde(default)]
    actor: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    until: String,
    #[serde(default)]
    person: String,
    before: Option<i64>,
}

/// The kinds of entry the filter offers: (action prefix, translation key).
const ACTIONS: &[(&str, &str)] = &[
    ("", "audit-action-all"),
    ("participant.", "audit-action-participant"),
    ("access.denied", "audit-action-denied"),
    ("auth.", "audit-action-auth"),
    ("account.", "audit-action-account"),
    ("invitation.", "audit-action-invitation"),
    ("municipality.", "audit-action-municipality"),
    ("audit_log.", "audit-action-audit-log"),
];

struct Row {
    at: String,
    actor: String,
    role: String,
    action: String,
    target: String,
    detail: String,
    ip: String,
    subjects: String,
}

#[derive(askama::Template)]
#[template(path = "audit.html")]
struct AuditPage {
    page: Page,
    action_path: String,
    actions: Vec<(String, String)>,
    query_action: String,
    query_actor: String,
    query_from: String,
    query_until: String,
    query_person: String,
    rows: Vec<Row>,
    older_href: Option<String>,
}

fn day_start(raw: &str) -> Option<chrono::DateTime<Utc>> {
    let date = NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").ok()?;
    let local = jst()
        .from_local_datetime(&date.and_hms_opt(0, 0, 0)?)
        .single()?;
    Some(local.with_timezone(&Utc))
}

impl AuditQuery {
    /// What of the log the query asks for, within `town` (every town for operators).
    fn filter(&self, town: Option<MunicipalityId>) -> AuditFilter {
        AuditFilter {
            municipality: town,
            action_prefix: Some(self.action.clone())
                .filter(|a| ACTIONS.iter().any(|(p, _)| p == a)),
            actor_id: self.actor.trim().parse().ok().map(AccountId),
            from: day_start(&self.from),
            until: day_start(&self.until).map(|d| d + chrono::Duration::days(1)),
            before_id: self.before,
            subject: self.person.trim().parse().ok().map(AccountId),
        }
    }

    /// The same query, one page further back (entries before `before`).
    fn older_href(&self, action_path: &str, before: i64) -> String {
        let params: String = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("action", &self.action)
            .append_pair("actor", &self.actor)
            .append_pair("from", &self.from)
            .append_pair("until", &self.until)
            .append_pair("person", &self.person)
            .append_pair("before", &before.to_string())
            .finish();
        format!("{action_path}?{params}")
    }
}

pub async fn respond(
    state: &AppState,
    page: Page,
    town: Option<MunicipalityId>,
    action_path: &str,
    query: &AuditQuery,
) -> Result<Response, WebError> {
    let filter = query.filter(town);
    let records = state.store.audit_page(&filter, PAGE_SIZE).await?;
    let ids: Vec<i64> = records.iter().map(|r| r.id).collect();
    let mut subjects: std::collections::HashMap<i64, Vec<String>> = Default::default();
    for s in state.store.audit_subjects(&ids).await? {
        let name = s.display_name.unwrap_or_default();
        subjects
            .entry(s.audit_id)
            .or_default()
            .push(format!("{name} (#{})", s.account_id));
    }
    let older_href = (records.len() as i64 == PAGE_SIZE)
        .then(|| query.older_href(action_path, records.last().map_or(0, |r| r.id)));
    let rows = records
        .into_iter()
        .map(|r| {
            let shown = subjects.remove(&r.id).unwrap_or_default();
            row(&page, r, &shown)
        })
        .collect();
    let actions = ACTIONS
        .iter()
        .map(|(prefix, key)| (prefix.to_string(), page.t(key)))
        .collect();
    Ok(render(
        StatusCode::OK,
        &AuditPage {
            page,
            action_path: action_path.to_owned(),
            actions,
            query_action: query.action.clone(),
            query_actor: query.actor.clone(),
            query_from: query.from.clone(),
            query_until: query.until.clone(),
            query_person: query.person.clone(),
            rows,
            older_href,
        },
    ))
}

fn row(page: &Page, record: AuditRecord, shown: &[String]) -> Row {
    let actor = match (&record.actor_name, record.actor_id) {
        (Some(name), Some(id)) => format!("{name} (#{id})"),
        _ => page.t("audit-actor-anonymous"),
    };
    let target = if record.target_id.is_empty() {
        page.label(record.target_type)
    } else {
        format!("{} #{}", page.label(record.target_type), record.target_id)
    };
    Row {
        at: format!(
            "{}:{}",
            page.date_time(record.at),
            to_jst(record.at).format("%S")
        ),
        actor,
        role: page.label(record.actor_role),
        action: page.label(record.action),
        target,
        detail: record.detail,
        ip: record.ip,
        subjects: page.join_list(shown),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_keeps_only_offered_kinds_and_whole_days() {
        let query = AuditQuery {
            action: "participant.".into(),
            actor: " 7 ".into(),
            from: "2026-12-01".into(),
            until: "2026-12-01".into(),
            person: "x".into(),
            before: Some(90),
        };
        let filter = query.filter(Some(MunicipalityId(1)));
        assert_eq!(filter.action_prefix.as_deref(), Some("participant."));
        assert_eq!(filter.actor_id, Some(AccountId(7)));
        assert_eq!(filter.subject, None, "a name is not an account number");
        let day = chrono::Duration::days(1);
        assert_eq!(filter.until, filter.from.map(|f| f + day));
        let made_up = AuditQuery {
            action: "participant.view%".into(),
            ..query
        };
        assert_eq!(made_up.filter(None).action_prefix, None);
        let older = made_up.older_href("/nagaizumi/town/", 42);
        assert!(older.starts_with("/nagaizumi/town/?") && older.ends_with("before=42"));
    }
}
