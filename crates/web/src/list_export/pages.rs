//! The requester's pages: the question before a long list is made, the download's progress,
//! and its file.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use domain::audit::{AuditAction, AuditTarget};
use store::list_export::ListExport;

use super::ExportedList;
use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::{Found, WebError};
use crate::page::{Page, render};
use crate::spreadsheet::FileFormat;
use crate::state::AppState;
use crate::town::CurrentTown;

#[derive(askama::Template)]
#[template(path = "list_export/ask.html")]
struct AskPage {
    page: Page,
    lead: String,
    explain: String,
    action: String,
    filters: String,
    format: String,
    back: String,
}

/// The page that asks before a long list is made: it has `rows` rows, and would be made as
/// `format` from the list at `back` with its `filters` (a query string).
pub fn ask(
    page: Page,
    list: ExportedList,
    (filters, format): (&str, FileFormat),
    rows: i64,
    back: &str,
) -> Response {
    let lead = page.lang.t_args(
        "list-export-ask-lead",
        &[
            ("list", page.label(list)),
            ("rows", rows.to_string()),
            ("format", page.label(format)),
        ],
    );
    let hours = store::list_export::KEPT_HOURS.to_string();
    let view = AskPage {
        lead,
        explain: page.t1("list-export-ask-explain", "hours", &hours),
        action: format!("{back}/export"),
        filters: filters.to_owned(),
        format: format.code().to_owned(),
        back: format!("{back}?{filters}"),
        page,
    };
    render(StatusCode::OK, &view)
}

/// Where a download has got, in words.
#[derive(Debug, Clone, PartialEq)]
enum Progress {
    Waiting,
    /// Rows read of the total; the share done, 0 to 100.
    Reading {
        done: i64,
        total: i64,
        percent: i64,
    },
    Ready {
        until: String,
        href: String,
    },
    Refused(String),
}

#[derive(askama::Template)]
#[template(path = "list_export/status.html")]
struct StatusPage {
    page: Page,
    list: String,
    format: String,
    requested: String,
    /// Where it has got, in a sentence.
    words: String,
    /// (rows read, of rows) while it is being made.
    bar: Option<(i64, i64)>,
    download: Option<String>,
    /// This page again, while there is more to wait for.
    refresh: Option<String>,
}

/// The progress in a sentence, the bar's figures, and the file's link.
fn in_words(page: &Page, progress: Progress) -> (String, Option<(i64, i64)>, Option<String>) {
    match progress {
        Progress::Waiting => (page.t("list-export-waiting"), None, None),
        Progress::Reading {
            done,
            total,
            percent,
        } => {
            let words = page.lang.t_args(
                "list-export-reading",
                &[
                    ("done", done.to_string()),
                    ("total", total.to_string()),
                    ("percent", percent.to_string()),
                ],
            );
            (words, Some((done, total)), None)
        }
        Progress::Ready { until, href } => (
            page.t1("list-export-ready", "until", &until),
            None,
            Some(href),
        ),
        Progress::Refused(why) => (why, None, None),
    }
}

/// The download's progress, for its page.
fn progress(page: &Page, slug: &str, export: &ListExport) -> Progress {
    if let Some(why) = &export.refused {
        return Progress::Refused(why.clone());
    }
    match (export.ready_at, export.expires_at, export.rows_total) {
        (Some(_), Some(until), _) => Progress::Ready {
            until: page.date_time(until),
            href: format!("{}/download", super::href(slug, export.id)),
        },
        (_, _, Some(total)) => Progress::Reading {
            done: export.rows_done,
            total,
            percent: (export.rows_done * 100).checked_div(total).unwrap_or(100),
        },
        _ => Progress::Waiting,
    }
}

fn status_page(page: Page, slug: &str, export: &ListExport) -> StatusPage {
    let list = ExportedList::from_code(&export.list)
        .map(|l| page.label(l))
        .unwrap_or_default();
    let format = FileFormat::from_code(&export.format)
        .map(|f| page.label(f))
        .unwrap_or_default();
    let progress = progress(&page, slug, export);
    let done = export.ready_at.is_some();
    let (words, bar, download) = in_words(&page, progress);
    StatusPage {
        list,
        format,
        requested: page.date_time(export.requested_at),
        words,
        bar,
        download,
        refresh: (!done).then(|| super::href(slug, export.id)),
        page,
    }
}

pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(staff): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
) -> Result<Response, WebError> {
    let export = state
        .store
        .tenant(&town)
        .list_export(staff.id, id)
        .await
        .found()?;
    let page = page.with_town(&town);
    Ok(render(
        StatusCode::OK,
        &status_page(page, town.slug.as_str(), &export),
    ))
}

pub async fn download(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(staff): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    audit: Audit,
) -> Result<Response, WebError> {
    let (format, name, bytes) = state
        .store
        .tenant(&town)
        .list_export_file(staff.id, id)
        .await
        .found()?;
    let format = FileFormat::from_code(&format).ok_or(WebError::NotFound)?;
    audit
        .town_record(
            town.id,
            AuditAction::ListExportDownloaded,
            (AuditTarget::ListExport, id),
        )
        .await?;
    let file = crate::spreadsheet::File {
        name,
        bytes,
        content_type: format.content_type(),
    };
    Ok(file.attachment())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn export(rows: (Option<i64>, i64), ready: bool, refused: Option<&str>) -> ListExport {
        let at = chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        ListExport {
            id: 7,
            list: "participants".into(),
            format: "xlsx".into(),
            requested_at: at,
            rows_total: rows.0,
            rows_done: rows.1,
            ready_at: ready.then_some(at),
            expires_at: ready.then_some(at + chrono::Duration::hours(24)),
            refused: refused.map(str::to_owned),
        }
    }

    #[test]
    fn a_downloads_progress_reads_from_its_row_counts() {
        let page = Page::new(Lang::Ja, "/", false);
        assert_eq!(
            progress(&page, "t", &export((None, 0), false, None)),
            Progress::Waiting
        );
        assert_eq!(
            progress(&page, "t", &export((Some(3000), 1000), false, None)),
            Progress::Reading {
                done: 1000,
                total: 3000,
                percent: 33
            }
        );
        assert_eq!(
            progress(&page, "t", &export((Some(0), 0), false, None)),
            Progress::Reading {
                done: 0,
                total: 0,
                percent: 100
            }
        );
        assert!(matches!(
            progress(&page, "t", &export((Some(10), 10), true, None)),
            Progress::Ready { href, .. } if href == "/t/exports/7/download"
        ));
        assert_eq!(
            progress(&page, "t", &export((Some(10), 10), true, Some("なぜ"))),
            Progress::Refused("なぜ".into())
        );
    }
}
