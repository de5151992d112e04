//! The audit log as town officers (their town) and operators (every town) read it: newest
//! first, filtered, paged by id.

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
use crate::router::AppState;

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

pub async fn respond(
    state: &AppState,
    page: Page,
    town: Option<MunicipalityId>,
    action_path: &str,
    query: &AuditQuery,
) -> Result<Response, WebError> {
    let filter = AuditFilter {
        municipality: town,
        action_prefix: Some(query.action.clone()).filter(|a| ACTIONS.iter().any(|(p, _)| p == a)),
        actor_id: query.actor.trim().parse().ok().map(AccountId),
        from: day_start(&query.from),
        until: day_start(&query.until).map(|d| d + chrono::Duration::days(1)),
        before_id: query.before,
    };
    let records = state.store.audit_page(&filter, PAGE_SIZE).await?;
    let older_href = (records.len() as i64 == PAGE_SIZE).then(|| {
        let last = records.last().map_or(0, |r| r.id);
        let params: String = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("action", &query.action)
            .append_pair("actor", &query.actor)
            .append_pair("from", &query.from)
            .append_pair("until", &query.until)
            .append_pair("before", &last.to_string())
            .finish();
        format!("{action_path}?{params}")
    });
    let rows = records.into_iter().map(|r| row(&page, r)).collect();
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
            rows,
            older_href,
        },
    ))
}

fn row(page: &Page, record: AuditRecord) -> Row {
    let actor = match (&record.actor_name, record.actor_id) {
        (Some(name), Some(id)) => format!("{name} (#{id})"),
        _ => page.t("audit-actor-anonymous"),
    };
    let target = if record.target_id.is_empty() {
        record.target_type
    } else {
        format!("{} #{}", record.target_type, record.target_id)
    };
    Row {
        at: to_jst(record.at).format("%Y-%m-%d %H:%M:%S").to_string(),
        actor,
        role: page.t(&format!("role-{}", record.actor_role.replace('_', "-"))),
        action: record.action,
        target,
        detail: record.detail,
        ip: record.ip,
    }
}
