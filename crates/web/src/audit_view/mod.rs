//! The audit log as town officers (their town) and operators (every town) read it: newest
//! first, filtered, paged by id, and downloadable as CSV. Actions and targets are in words;
//! people are named, each linked to the log of who looked at their data. Reading the log and
//! downloading it are themselves logged.

mod export;
mod filter;

use std::collections::HashMap;

use axum::http::StatusCode;
use axum::response::Response;
use domain::FieldErrors;
use domain::MunicipalityId;
use domain::audit::{AuditAction, AuditTarget};
use domain::local_time::to_jst;
use store::audit::AuditRecord;

pub use filter::AuditQuery;

use crate::audit_trail::Audit;
use crate::error::WebError;
use crate::form::FieldView;
use crate::page::{Page, render};
use crate::state::AppState;

const PAGE_SIZE: i64 = 50;

/// A person the log names, linked to the entries about them.
pub struct Person {
    pub name: String,
    pub href: String,
}

struct Row {
    at: String,
    actor: Option<Person>,
    role: String,
    action: String,
    target: String,
    target_person: Option<Person>,
    detail: String,
    ip: String,
    subjects: Vec<Person>,
}

#[derive(askama::Template)]
#[template(path = "audit.html")]
struct AuditPage {
    page: Page,
    action_path: String,
    fields: Vec<FieldView>,
    alert: Option<crate::form::Alert>,
    rows: Vec<Row>,
    older_href: Option<String>,
    csv_href: String,
}

/// Names for the ids an entry mentions: the people it showed, and a person it concerns.
pub struct Names {
    /// Entry id → the people it showed: (account id, name).
    shown: HashMap<i64, Vec<(i64, String)>>,
    /// Account id → name, for entries whose target is a person.
    targets: HashMap<i64, String>,
}

/// A person target's account id, when the entry concerns one person.
fn person_target(record: &AuditRecord) -> Option<i64> {
    matches!(
        record.target_type,
        AuditTarget::Participant | AuditTarget::Account
    )
    .then(|| record.target_id.parse().ok())
    .flatten()
}

/// The names the entries mention, in two queries.
async fn names(state: &AppState, records: &[AuditRecord]) -> Result<Names, WebError> {
    let ids: Vec<i64> = records.iter().map(|r| r.id).collect();
    let mut shown: HashMap<i64, Vec<(i64, String)>> = HashMap::new();
    for s in state.store.audit_subjects(&ids).await? {
        let name = s.display_name.unwrap_or_default();
        shown
            .entry(s.audit_id)
            .or_default()
            .push((s.account_id, name));
    }
    let mut target_ids: Vec<i64> = records.iter().filter_map(person_target).collect();
    target_ids.sort_unstable();
    target_ids.dedup();
    let targets = state
        .store
        .display_names(&target_ids)
        .await?
        .into_iter()
        .collect();
    Ok(Names { shown, targets })
}

/// Shows the log (or downloads it), recording the reading first.
pub async fn respond(
    state: &AppState,
    (page, audit): (Page, &Audit),
    town: Option<MunicipalityId>,
    action_path: &str,
    query: &AuditQuery,
) -> Result<Response, WebError> {
    let filter = match query.filter(state, town).await? {
        Ok(filter) => filter,
        Err(errors) => return Ok(invalid(page, action_path, query, &errors)),
    };
    let export = query.format == "csv";
    let action = if export {
        AuditAction::AuditLogExport
    } else {
        AuditAction::AuditLogView
    };
    audit
        .record(
            town,
            action,
            AuditTarget::AuditLog,
            "",
            &filter_words(&page, query),
        )
        .await?;
    let limit = if export { export::LIMIT } else { PAGE_SIZE };
    let records = state.store.audit_page(&filter, limit).await?;
    let names = names(state, &records).await?;
    if export {
        return Ok(export::csv(&page, &records, &names));
    }
    let older_href = (records.len() as i64 == PAGE_SIZE)
        .then(|| query.href(action_path, records.last().map(|r| r.id), ""));
    let rows = records
        .into_iter()
        .map(|r| row(&page, (action_path, &names), r))
        .collect();
    let view = AuditPage {
        fields: fields(&page, query, &FieldErrors::default()),
        alert: None,
        csv_href: query.href(action_path, None, "csv"),
        action_path: action_path.to_owned(),
        rows,
        older_href,
        page,
    };
    Ok(render(StatusCode::OK, &view))
}

/// The filters as typed, in words (for the entry that records the reading): each chosen
/// field's label and value.
fn filter_words(page: &Page, query: &AuditQuery) -> String {
    crate::form::chosen_in_words(&fields(page, query, &FieldErrors::default()))
}

/// The form again with each wrong field marked, and no entries.
fn invalid(page: Page, action_path: &str, query: &AuditQuery, errors: &FieldErrors) -> Response {
    let view = AuditPage {
        fields: fields(&page, query, errors),
        alert: Some(crate::form::Alert::text(page.t("error-422-message"))),
        csv_href: query.href(action_path, None, "csv"),
        action_path: action_path.to_owned(),
        rows: Vec::new(),
        older_href: None,
        page,
    };
    render(StatusCode::UNPROCESSABLE_ENTITY, &view)
}

fn fields(page: &Page, query: &AuditQuery, errors: &FieldErrors) -> Vec<FieldView> {
    let kinds = filter::ACTIONS
        .iter()
        .map(|(prefix, key)| (prefix.to_string(), page.t(key)))
        .collect();
    vec![
        FieldView::new(page, "action", "select", &query.action, errors)
            .optional()
            .options(kinds),
        FieldView::new(page, "actor", "search", &query.actor, errors)
            .optional()
            .hint(page, "field-actor-hint"),
        FieldView::new(page, "person", "search", &query.person, errors)
            .optional()
            .hint(page, "field-person-hint"),
        FieldView::new(page, "from", "date", &query.from, errors).optional(),
        FieldView::new(page, "until", "date", &query.until, errors).optional(),
    ]
}

/// A person named by the log, linked to the log filtered to them (`field` is `actor` or
/// `person`).
fn person(page: &Page, (path, field): (&str, &str), id: i64, name: &str) -> Person {
    Person {
        name: page.t1("audit-person-name", "name", name),
        href: format!("{path}?{field}=%23{id}"),
    }
}

fn row(page: &Page, (path, names): (&str, &Names), record: AuditRecord) -> Row {
    let actor = match (&record.actor_name, record.actor_id) {
        (Some(name), Some(id)) => Some(person(page, (path, "actor"), id, name)),
        _ => None,
    };
    let target_person = person_target(&record).and_then(|id| {
        let name = names.targets.get(&id)?;
        Some(person(page, (path, "person"), id, name))
    });
    let subjects = names
        .shown
        .get(&record.id)
        .map(|shown| {
            shown
                .iter()
                .map(|(id, name)| person(page, (path, "person"), *id, name))
                .collect()
        })
        .unwrap_or_default();
    Row {
        at: format!(
            "{}:{}",
            page.date_time(record.at),
            to_jst(record.at).format("%S")
        ),
        actor,
        role: page.label(record.actor_role),
        action: page.label(record.action),
        target: target_words(page, &record),
        target_person,
        detail: record.detail,
        ip: record.ip,
        subjects,
    }
}

/// The kind of record an entry concerns, with its number where it is not a person.
pub fn target_words(page: &Page, record: &AuditRecord) -> String {
    if record.target_id.is_empty() || person_target(record).is_some() {
        page.label(record.target_type)
    } else {
        page.lang.t_args(
            "audit-target-numbered",
            &[
                ("target", page.label(record.target_type)),
                ("id", record.target_id.clone()),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn a_reading_is_recorded_with_its_filters_in_words() {
        let query = AuditQuery {
            action: "participant.".into(),
            person: "長泉".into(),
            ..Default::default()
        };
        let ja = filter_words(&Page::new(Lang::Ja, "/", false), &query);
        assert_eq!(ja, "種類: 参加者の情報の閲覧 / 対象の人: 長泉");
        assert_eq!(
            filter_words(&Page::new(Lang::Ja, "/", false), &AuditQuery::default()),
            ""
        );
    }
}
