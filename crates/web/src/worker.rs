//! The background worker: tells coordinators of follow-ups that have come due, and sends the
//! outbox's mail through SMTP when a server is configured. It runs inside `wakucareer serve`
//! and, for separate deployment, as `wakucareer worker`; several can run at once (each mail is
//! claimed by one worker, each follow-up notified once).

use std::time::Duration;

use chrono::Utc;
use domain::local_time::to_jst;
use store::account::AccountId;
use store::casework::DueFollowUp;

use crate::mail::{Mailer, Worker};
use crate::notify::{Arg, Notice, NoticeKind, compose};
use crate::state::AppState;

/// What one round did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Round {
    pub follow_ups_notified: usize,
    pub offers_lapsed: usize,
    pub reminders: usize,
    /// Weekly mails of new requests that fit, claimed this round (some with nothing new).
    pub job_mails: usize,
    /// Downloads of a person's data prepared this round.
    pub data_exports: usize,
    /// Long staff lists made into files this round.
    pub list_exports: usize,
    pub mail_sent: usize,
}

/// How often the worker looks for work.
pub const INTERVAL: Duration = Duration::from_secs(5);
/// How often it prunes the matching change log (`store::matching_cache`) and refreshes the
/// planner's statistics.
pub const PRUNE_EVERY: Duration = Duration::from_secs(60 * 60);

/// Applies each town's retention periods (hourly, with the pruning): warns and deletes unused
/// accounts, removes records past their period; returns what it did per town.
pub async fn retention(
    state: &AppState,
) -> Result<Vec<(String, store::retention::RetentionRun)>, crate::error::WebError> {
    crate::my_data::retention::apply(state).await
}

/// One round: due follow-ups first (their notices may carry mail), then mail.
pub async fn round(
    state: &AppState,
    worker: &Worker,
    mailer: Option<&Mailer>,
) -> Result<Round, store::StoreError> {
    let today = to_jst(Utc::now()).date_naive();
    let mut done = Round::default();
    for due in state.store.follow_ups_to_notify(today, 100).await? {
        if notify_follow_up(state, &due).await? {
            done.follow_ups_notified += 1;
        }
    }
    done.offers_lapsed = lapse_offers(state).await?;
    done.reminders = remind(state).await? + remind_meetings(state).await?;
    done.job_mails = mail_new_jobs(state).await?;
    done.data_exports = crate::my_data::prepare::prepare_exports(state).await?;
    done.list_exports = make_list_exports(state).await?;
    if let Some(mailer) = mailer {
        done.mail_sent = worker.deliver_due(&state.store, mailer, Utc::now()).await?;
    }
    if done.offers_lapsed > 0 {
        // Seats moved on the waiting list: public event pages show the new counts.
        state.public_cache.invalidate();
    }
    Ok(done)
}

/// At most this many long lists are made into files in one round; the rest wait.
const LIST_EXPORTS_PER_ROUND: usize = 4;

/// Makes the long lists' files asked for (`list_export`), each by its list's own module;
/// removes those past their time first. Returns how many were made.
async fn make_list_exports(state: &AppState) -> Result<usize, store::StoreError> {
    state.store.remove_expired_list_exports().await?;
    let mut made = 0;
    while made < LIST_EXPORTS_PER_ROUND {
        let Some(job) = crate::list_export::make::next(state).await? else {
            break;
        };
        make_list_export(state, &job).await?;
        made += 1;
    }
    Ok(made)
}

/// Makes one long list's file, by its list's own module, and keeps it for the requester.
pub async fn make_list_export(
    state: &AppState,
    job: &crate::list_export::make::Job,
) -> Result<(), store::StoreError> {
    use crate::list_export::ExportedList;
    let file = match job.list {
        ExportedList::Participants => {
            crate::coordinator::participants::export::made_later(state, job).await?
        }
    };
    crate::list_export::make::finish(state, job, file).await
}

async fn town(
    state: &AppState,
    id: i64,
) -> Result<Option<domain::Municipality>, store::StoreError> {
    Ok(state
        .store
        .municipalities()
        .await?
        .into_iter()
        .find(|t| t.id.0 == id))
}

/// Seats offered from a waitlist and not confirmed in time pass to the next in line, who is
/// told.
async fn lapse_offers(state: &AppState) -> Result<usize, store::StoreError> {
    let mut offered = 0;
    for (town_id, event_id, offers) in state
        .store
        .lapse_offers(
            Utc::now(),
            (
                state.childcare_ratios.as_ref(),
                state.config.waitlist_offer_hours,
            ),
        )
        .await?
    {
        let Some(town) = town(state, town_id.0).await? else {
            continue;
        };
        let tenant = state.store.tenant(&town);
        let Some(event) = tenant.event(event_id).await? else {
            continue;
        };
        for offer in offers {
            let to = tenant
                .recipients(&[AccountId(offer.participant_id)])
                .await?;
            let notes = crate::notify::booking::seat_offered(
                state,
                &town,
                &event,
                offer.offered_until,
                &to,
            );
            tenant.notify(&notes).await?;
            offered += 1;
        }
    }
    Ok(offered)
}

/// The day before an event, everyone confirmed is reminded (once).
async fn remind(state: &AppState) -> Result<usize, store::StoreError> {
    let mut sent = 0;
    for (town_id, booking) in state.store.bookings_to_remind(Utc::now()).await? {
        let Some(town) = town(state, town_id).await? else {
            continue;
        };
        let tenant = state.store.tenant(&town);
        let Some(event) = tenant.event(booking.event_id).await? else {
            continue;
        };
        let to = tenant
            .recipients(&[AccountId(booking.participant_id)])
            .await?;
        let notes = crate::notify::booking::reminder(state, &town, &event, &to);
        if state
            .store
            .remind_booking(booking.id, town.id, &notes)
            .await?
        {
            sent += 1;
        }
    }
    Ok(sent)
}

/// The day before a meeting, its people are reminded (once for each proposed time).
/// The weekly mail of new requests that fit, for each person whose week is up; the engine's
/// work for one person failing leaves that mail for the next round.
async fn mail_new_jobs(state: &AppState) -> Result<usize, store::StoreError> {
    let mut claimed = 0;
    let towns = state.store.municipalities().await?;
    for due in state.store.job_mails_due(Utc::now()).await? {
        let Some(town) = towns.iter().find(|t| t.id.0 == due.municipality_id) else {
            continue;
        };
        let Ok(notes) = crate::participant::job_mail::due_mail(state, town, &due).await else {
            tracing::warn!(
                participant = due.participant_id,
                "the weekly job mail could not be made"
            );
            continue;
        };
        if state.store.send_job_mail(&due, &notes).await? {
            claimed += 1;
        }
    }
    Ok(claimed)
}

async fn remind_meetings(state: &AppState) -> Result<usize, store::StoreError> {
    let mut sent = 0;
    for due in state.store.meetings_to_remind(Utc::now()).await? {
        let Some(town) = town(state, due.municipality_id).await? else {
            continue;
        };
        let tenant = state.store.tenant(&town);
        let Some(intro) = tenant.introduction(due.introduction_id).await? else {
            continue;
        };
        let members: Vec<AccountId> = intro
            .members
            .iter()
            .map(|m| AccountId(m.participant_id))
            .collect();
        let to = tenant.recipients(&members).await?;
        let notes = crate::notify::introduction::meeting_reminder(state, &town, &intro, &to);
        if state.store.remind_meeting(&due, &notes).await? {
            sent += 1;
        }
    }
    Ok(sent)
}

async fn notify_follow_up(state: &AppState, due: &DueFollowUp) -> Result<bool, store::StoreError> {
    let Some(town) = state
        .store
        .municipalities()
        .await?
        .into_iter()
        .find(|t| t.id.0 == due.municipality_id)
    else {
        return Ok(false);
    };
    let recipients = state
        .store
        .tenant(&town)
        .recipients(&[AccountId(due.assigned_to)])
        .await?;
    let notice = Notice {
        kind: NoticeKind::FollowUpDue,
        args: vec![
            ("person", Arg::Text(due.participant_name.clone())),
            ("due", Arg::Day(due.due_on)),
            ("note", Arg::FollowUpNote(due.note.clone())),
        ],
        link: format!(
            "/{}/coordinator/participants/{}",
            town.slug, due.participant_id
        ),
    };
    let notifications = compose(state, &town, &notice, &recipients);
    state.store.notify_follow_up(due, &notifications).await
}

/// Runs rounds until `stop` resolves.
pub async fn run(
    state: AppState,
    mailer: Option<Mailer>,
    stop: impl std::future::Future<Output = ()>,
) {
    let worker = Worker::new();
    tracing::info!(worker = %worker.name, mail = mailer.is_some(), "worker started");
    let mut interval = tokio::time::interval(INTERVAL);
    let mut pruned: Option<std::time::Instant> = None;
    tokio::pin!(stop);
    loop {
        tokio::select! {
            () = &mut stop => break,
            _ = interval.tick() => {}
        }
        if pruned.is_none_or(|at| at.elapsed() >= PRUNE_EVERY) {
            pruned = Some(std::time::Instant::now());
            if let Err(err) = state.store.prune_matching_changes().await {
                tracing::error!(error = %err, "pruning the matching change log failed");
            }
            if let Err(err) = state.store.refresh_planner_statistics().await {
                tracing::error!(error = %err, "refreshing planner statistics failed");
            }
            match retention(&state).await {
                Ok(done) if !done.is_empty() => tracing::info!(?done, "retention"),
                Ok(_) => {}
                Err(err) => tracing::error!(error = %err, "retention failed"),
            }
        }
        match round(&state, &worker, mailer.as_ref()).await {
            Ok(done) if done != Round::default() => tracing::info!(?done, "worker round"),
            Ok(_) => {}
            Err(err) => tracing::error!(error = %err, "worker round failed"),
        }
    }
    tracing::info!(worker = %worker.name, "worker stopped");
}
