//! `wakucareer export participants`: a town's participant list as a file, made as the site
//! makes a long list for a coordinator (`web::list_export`): on behalf of a coordinator named
//! with `--as`, recorded in the audit log as their export naming every person, and saying in
//! the file when and for whom it was made. A bar on standard error shows the rows read.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use anyhow::{Context, bail};
use domain::audit::{AuditAction, AuditTarget};
use store::Store;
use store::account::Account;
use store::list_export::ListExportAsk;
use web::list_export::ExportedList;
use web::spreadsheet::FileFormat;

use crate::cli::say;
use crate::config::Config;
use crate::progress::{Bar, Stage};

/// What is asked: the town, the coordinator it is made for, the filters (a query string as
/// the list page writes it), the file and its format, the language of its headers.
pub struct Asked<'a> {
    pub slug: &'a str,
    pub on_behalf_of: &'a str,
    pub filters: &'a str,
    pub out: &'a Path,
    pub format: &'a str,
    pub lang: &'a str,
}

/// The format asked for, or the one the file's name says.
fn format_of(asked: &Asked<'_>) -> anyhow::Result<FileFormat> {
    if !asked.format.is_empty() {
        return FileFormat::from_code(asked.format).with_context(|| {
            format!("--format is one of csv, sjis, xlsx, not {:?}", asked.format)
        });
    }
    match asked.out.extension().and_then(|e| e.to_str()) {
        Some("xlsx") => Ok(FileFormat::Xlsx),
        Some("csv") => Ok(FileFormat::Csv),
        _ => bail!(
            "--out must name a .csv or .xlsx file, not {}",
            asked.out.display()
        ),
    }
}

pub async fn participants(config: &Config, asked: &Asked<'_>) -> anyhow::Result<()> {
    let format = format_of(asked)?;
    let lang = web::i18n::Lang::from_code(asked.lang)
        .with_context(|| format!("--lang is ja or en, not {:?}", asked.lang))?;
    let store = Store::open_and_migrate(&config.database).await?;
    let town = crate::acting::town(&store, asked.slug).await?;
    let staff = crate::acting::coordinator(&store, &town, asked.on_behalf_of).await?;
    let ask = ListExportAsk {
        list: ExportedList::Participants.code(),
        format: format.code(),
        query: asked.filters,
        lang: lang.code(),
    };
    let export = store
        .tenant(&town)
        .request_list_export(staff.id, &ask)
        .await?;
    let state = web::AppState::new(store.clone(), config.web.clone()).await?;
    let job = web::list_export::make::claimed(&state, export.id)
        .await?
        .context("the file was taken by another worker")?;
    let (done, total) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let watcher = watch(&store, (&town, &staff, export.id), (&done, &total));
    let bar = Bar::start(vec![stage(&done, &total)]);
    let made = web::worker::make_list_export(&state, &job).await;
    watcher.abort();
    bar.finish();
    made?;
    write(&store, (&town, &staff, export.id), asked.out).await?;
    store.close().await;
    Ok(())
}

fn stage(done: &Arc<AtomicUsize>, total: &Arc<AtomicUsize>) -> Stage {
    let (done, total) = (Arc::clone(done), Arc::clone(total));
    Stage {
        label: "reading participants",
        total: Box::new(move || total.load(Ordering::Relaxed)),
        done: Box::new(move || done.load(Ordering::Relaxed)),
    }
}

/// Reads the download's progress from the store for the bar, until aborted.
fn watch(
    store: &Store,
    (town, staff, id): (&domain::Municipality, &Account, i64),
    (done, total): (&Arc<AtomicUsize>, &Arc<AtomicUsize>),
) -> tokio::task::JoinHandle<()> {
    let (store, town, staff) = (store.clone(), town.clone(), staff.id);
    let (done, total) = (Arc::clone(done), Arc::clone(total));
    tokio::spawn(async move {
        loop {
            if let Ok(Some(export)) = store.tenant(&town).list_export(staff, id).await {
                let count = |n: i64| usize::try_from(n).unwrap_or(0);
                total.store(count(export.rows_total.unwrap_or(0)), Ordering::Relaxed);
                done.store(count(export.rows_done), Ordering::Relaxed);
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    })
}

/// Writes the finished file to `out`, or says why it could not be made; the fetch is
/// recorded as the coordinator's.
async fn write(
    store: &Store,
    (town, staff, id): (&domain::Municipality, &Account, i64),
    out: &Path,
) -> anyhow::Result<()> {
    let tenant = store.tenant(town);
    let export = tenant
        .list_export(staff.id, id)
        .await?
        .context("the file is gone")?;
    if let Some(why) = export.refused {
        bail!("{why}");
    }
    let (_, name, bytes) = tenant
        .list_export_file(staff.id, id)
        .await?
        .context("the file is not ready")?;
    std::fs::write(out, &bytes).with_context(|| format!("cannot write {}", out.display()))?;
    let fetched = (
        AuditAction::ListExportDownloaded,
        AuditTarget::ListExport,
        id.to_string(),
    );
    crate::acting::record(store, (town, staff), fetched, "wakucareer export").await?;
    say(&format!(
        "{} rows written to {} (made as {name} for {}, recorded in the audit log)",
        export.rows_total.unwrap_or(0),
        out.display(),
        staff.display_name
    ));
    Ok(())
}
