//! The worker's part: take a download asked for ([`next`]), have the list's own module make
//! its file a batch of rows at a time (`worker` dispatches, so this module needs no list's),
//! keep the file and tell the requester in お知らせ ([`finish`]).

use domain::message::NoticeKind;
use store::StoreError;
use store::account::{Account, AccountId};
use store::list_export::PendingListExport;

use super::ExportedList;
use crate::i18n::Lang;
use crate::letter::Arg;
use crate::notify::{Notice, compose};
use crate::page::Page;
use crate::spreadsheet::{File, FileFormat};
use crate::state::AppState;

/// A download to make: who asked, in their language, for which list, in which file, with
/// which filters.
pub struct Job {
    pub id: i64,
    pub town: domain::Municipality,
    pub staff: Account,
    pub page: Page,
    pub list: ExportedList,
    pub format: FileFormat,
    /// The list's filters as its page sent them.
    pub query: String,
}

/// The next download waiting to be made, claimed; the list's own module makes its file
/// (`worker` says which), then [`finish`] keeps it. One that can no longer be made (its
/// town, requester, list or format gone) is refused here and the next one taken.
pub async fn next(state: &AppState) -> Result<Option<Job>, StoreError> {
    while let Some(pending) = state.store.claim_list_export().await? {
        if let Some(job) = job(state, &pending).await? {
            return Ok(Some(job));
        }
    }
    Ok(None)
}

/// Download `id`, claimed to be made now, if it still waits (the command line's own).
pub async fn claimed(state: &AppState, id: i64) -> Result<Option<Job>, StoreError> {
    match state.store.claim_list_export_by_id(id).await? {
        Some(pending) => job(state, &pending).await,
        None => Ok(None),
    }
}

async fn job(state: &AppState, pending: &PendingListExport) -> Result<Option<Job>, StoreError> {
    let id = domain::MunicipalityId(pending.municipality_id);
    let Some(town) = state.store.municipality(id).await? else {
        state.store.refuse_list_export(pending.id, "").await?;
        return Ok(None);
    };
    let lang = Lang::from_code(&pending.lang).unwrap_or(Lang::Ja);
    let page = Page::new(lang, "/", false).with_town(&town);
    let staff = state
        .store
        .tenant(&town)
        .account(AccountId(pending.account_id))
        .await?;
    let asked = (
        ExportedList::from_code(&pending.list),
        FileFormat::from_code(&pending.format),
        staff,
    );
    let (Some(list), Some(format), Some(staff)) = asked else {
        let why = page.t("list-export-cannot");
        state.store.refuse_list_export(pending.id, &why).await?;
        return Ok(None);
    };
    Ok(Some(Job {
        id: pending.id,
        town,
        staff,
        page,
        list,
        format,
        query: pending.query.clone(),
    }))
}

/// Keeps the file made for `job`, or why it could not be made, and tells the requester.
pub async fn finish(
    state: &AppState,
    job: &Job,
    made: Result<File, String>,
) -> Result<(), StoreError> {
    match made {
        Ok(file) => {
            let stored = (file.name.as_str(), file.bytes.as_slice());
            state.store.finish_list_export(job.id, stored).await?
        }
        Err(why) => state.store.refuse_list_export(job.id, &why).await?,
    }
    tell(state, job).await
}

/// The file, or why it could not be made (in the requester's language), from `tables`
/// written off the runtime's threads.
pub async fn written(
    job: &Job,
    stem: String,
    tables: Vec<crate::spreadsheet::Table>,
) -> Result<Result<File, String>, StoreError> {
    let format = job.format;
    let file =
        tokio::task::spawn_blocking(move || crate::spreadsheet::file(format, &stem, &tables))
            .await
            .map_err(|e| StoreError::Corrupt {
                table: "list_export",
                detail: e.to_string(),
            })?;
    Ok(file.map_err(|why| crate::spreadsheet::refusal_words(&job.page, &why)))
}

/// The notice that the download is done, to the requester, in お知らせ and by mail whatever
/// they chose for other notices (they asked for this one).
async fn tell(state: &AppState, job: &Job) -> Result<(), StoreError> {
    let tenant = state.store.tenant(&job.town);
    let mut to = tenant.recipients(&[job.staff.id]).await?;
    for recipient in &mut to {
        recipient.notify_by_email = true;
        recipient.notify_in_app = true;
    }
    let notice = Notice {
        kind: NoticeKind::ListExportDone,
        args: vec![
            (
                "list",
                Arg::Titled {
                    ja: Lang::Ja.label(job.list),
                    en: Lang::En.label(job.list),
                },
            ),
            (
                "hours",
                Arg::Text(store::list_export::KEPT_HOURS.to_string()),
            ),
        ],
        link: super::href(job.town.slug.as_str(), job.id),
    };
    tenant
        .notify(&compose(state, &job.town, &notice, &to))
        .await
}
