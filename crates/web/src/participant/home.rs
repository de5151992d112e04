//! `/{town}/me/`: the participant's start page, with how complete their profile is and the
//! requests they asked a coordinator about (相談中の仕事).

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;

use crate::auth::SignedIn;
use crate::error::{Found, WebError};
use crate::page::{Page, render};
use crate::state::AppState;
use crate::town::CurrentTown;

#[derive(askama::Template)]
#[template(path = "participant/home.html")]
struct HomePage {
    page: Page,
    heading: String,
    profile_done: bool,
    /// No coordinator has been in touch yet: the page says what happens next.
    awaiting_first_contact: bool,
    consultations_href: String,
    consent_withdrawn: bool,
    /// Introductions waiting for this person's answer.
    waiting: usize,
    /// 相談中の仕事: the requests they asked a coordinator about.
    interests: Vec<crate::requests::interest::OwnInterest>,
    /// 保存した仕事.
    saved: Vec<crate::requests::saved::SavedView>,
    job_mail: super::job_mail::JobMailView,
    notice: Option<String>,
    base: String,
    requests_href: String,
}

#[derive(serde::Deserialize, Default)]
pub struct HomeQuery {
    done: Option<String>,
}

/// What the page says after a redirect: a saved request forgotten, the mail turned on or off.
fn notice(page: &Page, done: Option<&str>) -> Option<String> {
    page.done_notice(done, crate::requests::saved::SavedDone::from_code)
        .or_else(|| page.done_notice(done, super::job_mail::JobMailDone::from_code))
}

pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    page: Page,
    Query(query): Query<HomeQuery>,
) -> Result<Response, WebError> {
    let tenant = state.store.tenant(&town);
    let record = tenant.own_participant(&account).await.found()?;
    let consent_withdrawn = tenant
        .consents(account.id)
        .await?
        .first()
        .is_some_and(|c| c.withdrawn_at.is_some());
    let waiting = tenant
        .own_introductions(
            store::introduction::IntroductionOwner::Participant(account.id.0),
            100,
        )
        .await?
        .iter()
        .filter(|i| i.status == domain::introduction::IntroductionStatus::Offered)
        .filter(|i| {
            i.member(account.id.0)
                .is_some_and(|m| m.status == domain::introduction::MemberStatus::Offered)
        })
        .count();
    let interests = tenant.own_interests(account.id).await?;
    let (saved, job_mail) = (
        tenant.saved_requests(account.id).await?,
        tenant.job_mail_since(account.id).await?,
    );
    let page = page.with_town(&town);
    let slug = town.slug.as_str();
    let interests = crate::requests::interest::own_list(&page, slug, &interests);
    let saved = crate::requests::saved::own_list(&page, slug, &saved);
    let job_mail = super::job_mail::view(&page, slug, job_mail);
    let notice = notice(&page, query.done.as_deref());
    let heading = page.t1("participant-home-heading", "name", &account.display_name);
    Ok(render(
        StatusCode::OK,
        &HomePage {
            page,
            heading,
            profile_done: record.profile.profile_updated_at.is_some(),
            awaiting_first_contact: record.profile.last_contact_at.is_none(),
            consultations_href: format!("/{}/events?kind=consultation", town.slug),
            consent_withdrawn,
            waiting,
            interests,
            saved,
            job_mail,
            notice,
            base: format!("/{}/me", town.slug),
            requests_href: format!("/{}/requests", town.slug),
        },
    ))
}
