//! The weekly mail of new requests that fit (新着のお仕事のお知らせ): a resident turns it on or
//! off on their home page; once a week the worker takes the requests published since the last
//! one, keeps those the engine suggests for the person, and mails them (nothing when none
//! fits). Turning it on is the person's wish for this mail, so it is sent by email even when
//! their other notices are in the app only.

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use chrono::{DateTime, Utc};
use domain::Municipality;
use serde::Deserialize;
use store::account::AccountId;
use store::notification::NewNotification;
use store::saved_request::JobMailDue;

use crate::auth::SignedIn;
use crate::error::WebError;
use crate::notify::{Arg, Notice, NoticeKind, compose};
use crate::page::Page;
use crate::state::AppState;
use crate::town::CurrentTown;

/// The most requests one mail lists.
const MAIL_MOST: usize = 5;

domain::coded!(
    /// What the home page says after the mail was turned on or off.
    JobMailDone {
        On = "job-mail-on" => "job-mail-done-on",
        Off = "job-mail-off" => "job-mail-done-off",
    }
);

/// The setting on the home page: whether it is on, and since when.
pub struct JobMailView {
    pub action: String,
    pub since: Option<String>,
}

pub fn view(page: &Page, slug: &str, since: Option<DateTime<Utc>>) -> JobMailView {
    JobMailView {
        action: format!("/{slug}/me/job-mail"),
        since: since.map(|at| page.date(domain::local_time::to_jst(at).date_naive())),
    }
}

#[derive(Deserialize, Default)]
pub struct JobMailForm {
    #[serde(default)]
    job_mail: String,
}

pub async fn change(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    Form(form): Form<JobMailForm>,
) -> Result<Response, WebError> {
    let on = form.job_mail == "yes";
    state
        .store
        .tenant(&town)
        .set_job_mail(account.id, on)
        .await?;
    let done = if on {
        JobMailDone::On
    } else {
        JobMailDone::Off
    };
    Ok(Redirect::to(&format!("/{}/me/?done={}", town.slug, done.code())).into_response())
}

/// The mail due to one person: the new requests the engine finds fit for them, as a notice
/// (none when nothing new fits, which still counts as this week's).
pub async fn due_mail(
    state: &AppState,
    town: &Municipality,
    due: &JobMailDue,
) -> Result<Vec<NewNotification>, WebError> {
    let tenant = state.store.tenant(town);
    let new = tenant.published_since(due.since).await?;
    let ids: Vec<i64> = new.iter().map(|(id, _, _)| *id).collect();
    let fits = crate::requests::matches::fitting_among(
        state,
        &tenant,
        due.participant_id,
        (&ids, MAIL_MOST),
    )
    .await?;
    if fits.is_empty() {
        return Ok(Vec::new());
    }
    let titles: Vec<String> = fits
        .iter()
        .filter_map(|id| new.iter().find(|(n, _, _)| n == id))
        .map(|(_, title, _)| format!("「{title}」"))
        .collect();
    let mut to = tenant.recipients(&[AccountId(due.participant_id)]).await?;
    for recipient in &mut to {
        recipient.notify_by_email = true;
    }
    let told = Notice {
        kind: NoticeKind::NewJobsThatFit,
        args: vec![
            ("count", Arg::Text(fits.len().to_string())),
            ("titles", Arg::Text(titles.join(""))),
        ],
        link: format!("/{}/requests", town.slug),
    };
    Ok(compose(state, town, &told, &to))
}
