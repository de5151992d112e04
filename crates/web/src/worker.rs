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
use crate::notify::{Notice, compose};
use crate::router::AppState;

/// What one round did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Round {
    pub follow_ups_notified: usize,
    pub mail_sent: usize,
}

/// How often the worker looks for work.
pub const INTERVAL: Duration = Duration::from_secs(5);

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
    if let Some(mailer) = mailer {
        done.mail_sent = worker.deliver_due(&state.store, mailer, Utc::now()).await?;
    }
    Ok(done)
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
    let lang = recipients
        .first()
        .and_then(|r| crate::i18n::Lang::from_code(&r.lang))
        .unwrap_or_default();
    let note = crate::coordinator::casework::follow_up_note(lang, &due.note);
    let notice = Notice {
        kind: "follow-up-due",
        args: vec![
            ("person", due.participant_name.clone()),
            ("due", due.due_on.to_string()),
            ("note", note),
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
    tokio::pin!(stop);
    loop {
        tokio::select! {
            () = &mut stop => break,
            _ = interval.tick() => {}
        }
        match round(&state, &worker, mailer.as_ref()).await {
            Ok(done) if done != Round::default() => tracing::info!(?done, "worker round"),
            Ok(_) => {}
            Err(err) => tracing::error!(error = %err, "worker round failed"),
        }
    }
    tracing::info!(worker = %worker.name, "worker stopped");
}
