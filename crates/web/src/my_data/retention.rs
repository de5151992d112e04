//! The worker's retention run, per town: accounts of residents and organization members
//! unused for the town's period are warned 30 and 7 days before, then deleted as their owner
//! would delete them; provision records, answered requests under the law and copies of sent
//! mail past their period are removed. What a run did is recorded for the town's staff
//! (`town_settings/retention.rs`). Safe in several workers at once: each warning is claimed,
//! and a deletion already done is not done again.

use chrono::{DateTime, Duration, Utc};
use domain::account_deletion::{DeletionChannel, IdentityCheck};
use domain::message::NoticeKind;
use domain::retention::{AccountDue, RetentionKind, WARN_DAYS, account_due, cutoff};
use store::account::AccountId;
use store::retention::{RetentionRun, UnusedAccount};

use super::deletion::{Asked, delete_account};
use crate::error::WebError;
use crate::notify::{Arg, Notice, compose};
use crate::state::AppState;

/// Accounts looked at per town and run; the rest wait for the next run.
const PER_RUN: i64 = 200;

/// Applies every town's periods; returns what was done, per town that had something to do.
pub async fn apply(state: &AppState) -> Result<Vec<(String, RetentionRun)>, WebError> {
    let mut done = Vec::new();
    for town in state.store.municipalities().await? {
        let run = apply_in(state, &town, Utc::now()).await?;
        if run.removed_anything() {
            state.store.tenant(&town).record_retention_run(&run).await?;
            done.push((town.slug.as_str().to_owned(), run));
        }
    }
    Ok(done)
}

async fn apply_in(
    state: &AppState,
    town: &domain::Municipality,
    now: DateTime<Utc>,
) -> Result<RetentionRun, WebError> {
    let tenant = state.store.tenant(town);
    let settings = tenant.retention_settings().await?;
    let today = domain::local_time::to_jst(now).date_naive();
    let months = |kind: RetentionKind| {
        let own = settings.iter().find(|(k, _)| *k == kind).map(|(_, m)| *m);
        state.retention.months(kind, today, own)
    };
    let mut run = RetentionRun {
        ran_at: now,
        ..RetentionRun::default()
    };
    let kept = months(RetentionKind::InactiveAccount);
    let warned_from = cutoff(now, kept) + Duration::days(WARN_DAYS[0]);
    for unused in tenant.unused_accounts(warned_from, PER_RUN).await? {
        match account_due(
            unused.last_active,
            now,
            kept,
            (unused.warnings as usize, unused.warned_at),
        ) {
            AccountDue::Nothing => {}
            AccountDue::Warn { days } => {
                run.warned += warn(state, town, &unused, days).await? as i64
            }
            AccountDue::Delete => run.accounts += remove(state, town, unused.id).await? as i64,
        }
    }
    run.provision_records = tenant
        .remove_provision_records(cutoff(now, months(RetentionKind::ProvisionRecord)))
        .await? as i64;
    let requests = cutoff(now, months(RetentionKind::DataRequest));
    run.data_requests = tenant.remove_data_requests(requests.date_naive()).await? as i64;
    run.sent_mail = tenant
        .remove_sent_mail(cutoff(now, months(RetentionKind::SentMail)))
        .await? as i64;
    Ok(run)
}

/// Tells the owner, in お知らせ and by mail, the day the account will be deleted unless they
/// sign in; `false` when another worker already did.
async fn warn(
    state: &AppState,
    town: &domain::Municipality,
    unused: &UnusedAccount,
    days: i64,
) -> Result<bool, WebError> {
    let tenant = state.store.tenant(town);
    if !tenant
        .claim_retention_warning(AccountId(unused.id), unused.warnings)
        .await?
    {
        return Ok(false);
    }
    let mut to = tenant.recipients(&[AccountId(unused.id)]).await?;
    for recipient in &mut to {
        recipient.notify_by_email = true;
        recipient.notify_in_app = true;
    }
    let day = domain::local_time::to_jst(Utc::now() + Duration::days(days)).date_naive();
    let notice = Notice {
        kind: NoticeKind::AccountWillBeDeleted,
        args: vec![
            ("due", Arg::Day(day)),
            ("days", Arg::Text(days.to_string())),
        ],
        link: format!("/{}/login", town.slug),
    };
    tenant.notify(&compose(state, town, &notice, &to)).await?;
    Ok(true)
}

async fn remove(state: &AppState, town: &domain::Municipality, id: i64) -> Result<bool, WebError> {
    let Some(account) = state.store.tenant(town).account(AccountId(id)).await? else {
        return Ok(false);
    };
    let asked = Asked {
        channel: DeletionChannel::Retention,
        identity_check: IdentityCheck::NotAsked,
        handled_by: None,
    };
    Ok(delete_account(state, town, &account, asked)
        .await?
        .is_some())
}
