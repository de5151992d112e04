//! The log as a CSV file, with the same columns the page shows, in the reader's language.

use axum::response::Response;
use domain::local_time::to_jst;
use store::audit::AuditRecord;

use super::{Names, person_target, target_words};
use crate::page::Page;

/// The most entries one download holds; narrower filters give the rest.
pub const LIMIT: i64 = 10_000;

fn header(page: &Page) -> String {
    crate::csv_file::line(&[
        page.t("audit-col-at"),
        page.t("audit-col-actor"),
        page.t("audit-csv-actor-number"),
        page.t("audit-csv-role"),
        page.t("audit-col-action"),
        page.t("audit-col-target"),
        page.t("audit-subjects"),
        page.t("audit-csv-detail"),
        page.t("audit-col-from"),
    ])
}

fn named(id: i64, name: &str) -> String {
    format!("{name} (#{id})")
}

fn record_line(page: &Page, names: &Names, r: &AuditRecord) -> String {
    let mut target = target_words(page, r);
    if let Some(id) = person_target(r) {
        let name = names.targets.get(&id).map_or("", String::as_str);
        target = format!("{target}: {}", named(id, name));
    }
    let shown: Vec<String> = names
        .shown
        .get(&r.id)
        .map(|people| people.iter().map(|(id, n)| named(*id, n)).collect())
        .unwrap_or_default();
    crate::csv_file::line(&[
        to_jst(r.at).format("%Y-%m-%d %H:%M:%S").to_string(),
        r.actor_name
            .clone()
            .unwrap_or_else(|| page.t("audit-actor-anonymous")),
        r.actor_id.map(|id| id.to_string()).unwrap_or_default(),
        page.label(r.actor_role),
        page.label(r.action),
        target,
        shown.join("; "),
        r.detail.clone(),
        r.ip.clone(),
    ])
}

pub fn csv(page: &Page, records: &[AuditRecord], names: &Names) -> Response {
    let lines: Vec<String> = std::iter::once(header(page))
        .chain(records.iter().map(|r| record_line(page, names, r)))
        .collect();
    crate::csv_file::download("audit-log.csv", &lines)
}
