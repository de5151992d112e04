//! The worker's part of a data download: take a request, read the person's records, zip them
//! off the runtime's threads, keep the zip, and tell the person in お知らせ and by mail.
//! Downloads past their week are removed in the same round.

use domain::audit::{ActorRole, AuditAction, AuditTarget};
use domain::message::NoticeKind;
use store::account::AccountId;
use store::audit::NewAuditEntry;
use store::data_export::PendingExport;
use store::{StoreError, TenantStore};

use crate::i18n::Lang;
use crate::notify::{Arg, Notice, compose};
use crate::state::AppState;

/// At most this many downloads are prepared in one round; the rest wait for the next.
const PER_ROUND: usize = 20;

/// Prepares waiting downloads; returns how many.
pub async fn prepare_exports(state: &AppState) -> Result<usize, StoreError> {
    state.store.remove_expired_exports().await?;
    let mut prepared = 0;
    while prepared < PER_ROUND {
        let Some(pending) = state.store.claim_data_export().await? else {
            break;
        };
        let id = domain::MunicipalityId(pending.municipality_id);
        let Some(town) = state.store.municipality(id).await? else {
            continue;
        };
        prepare(state, &town, &pending).await?;
        prepared += 1;
    }
    Ok(prepared)
}

async fn prepare(
    state: &AppState,
    town: &domain::Municipality,
    pending: &PendingExport,
) -> Result<(), StoreError> {
    let tenant = state.store.tenant(town);
    let person = AccountId(pending.account_id);
    let Some(account) = tenant.account(person).await? else {
        return Ok(());
    };
    let Some(records) = tenant.personal_records(person).await? else {
        return Ok(());
    };
    let lang = Lang::from_code(&pending.lang).unwrap_or(Lang::Ja);
    let name = account.display_name.clone();
    let skills = state.taxonomy.clone();
    let archive = tokio::task::spawn_blocking(move || {
        crate::my_data::archive::build(&records, (lang, &skills), &name)
    })
    .await
    .map_err(|e| unwritable(e.to_string()))?
    .map_err(unwritable)?;
    state.store.finish_data_export(pending.id, &archive).await?;
    state
        .store
        .audit(&NewAuditEntry {
            municipality_id: Some(town.id),
            actor_id: Some(account.id),
            actor_role: ActorRole::Signed(account.role),
            action: AuditAction::DataExportPrepared,
            target_type: AuditTarget::DataExport,
            target_id: pending.id.to_string(),
            detail: String::new(),
            ip: String::new(),
        })
        .await?;
    tell(state, town, &tenant, person).await
}

/// The notice that the download is ready, in お知らせ and by mail whatever the person chose
/// for other notices (they asked for this one).
async fn tell(
    state: &AppState,
    town: &domain::Municipality,
    tenant: &TenantStore<'_>,
    person: AccountId,
) -> Result<(), StoreError> {
    let mut to = tenant.recipients(&[person]).await?;
    for recipient in &mut to {
        recipient.notify_by_email = true;
        recipient.notify_in_app = true;
    }
    let notice = Notice {
        kind: NoticeKind::DataExportReady,
        args: vec![(
            "until",
            Arg::At(chrono::Utc::now() + chrono::Duration::days(store::data_export::KEPT_DAYS)),
        )],
        link: format!("/{}/me/data", town.slug),
    };
    tenant.notify(&compose(state, town, &notice, &to)).await
}

/// A zip that could not be written (the export stays waiting and is tried again).
fn unwritable(detail: String) -> StoreError {
    StoreError::Corrupt {
        table: "data_export",
        detail,
    }
}
