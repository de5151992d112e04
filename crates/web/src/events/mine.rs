//! `/{town}/me/events`: a participant's bookings (cancel before the deadline, confirm a seat
//! offered from the waitlist) and their private calendar feed.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use chrono::Utc;
use domain::audit::{AuditAction, AuditTarget};
use domain::event::booking::BookingStatus;
use serde::Deserialize;
use store::account::AccountId;

use super::view::BookingDone;
use super::view::BookingView;
use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::{Found, WebError};
use crate::notify::booking as notices;
use crate::page::{Page, render};
use crate::state::AppState;
use crate::town::CurrentTown;

#[derive(askama::Template)]
#[template(path = "events/mine.html")]
struct MinePage {
    page: Page,
    bookings: Vec<BookingView>,
    /// The feed link just made (shown once; only its digest is kept).
    new_feed: Option<String>,
    has_feed: bool,
    credentials: Vec<(String, String)>,
    notice: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct MineQuery {
    done: Option<String>,
}

async fn view(
    state: &AppState,
    town: &domain::Municipality,
    page: Page,
    account: AccountId,
    new_feed: Option<String>,
    notice: Option<String>,
) -> Result<MinePage, WebError> {
    let tenant = state.store.tenant(town);
    let now = Utc::now();
    let bookings = tenant
        .participant_bookings(account)
        .await?
        .iter()
        .filter(|b| b.status != BookingStatus::Cancelled || b.event_starts_at > now)
        .map(|b| BookingView::new(&page, b, now))
        .collect();
    let credentials = tenant
        .credentials(account)
        .await?
        .into_iter()
        .map(|(_, title, at)| (title, page.date_time(at)))
        .collect();
    Ok(MinePage {
        has_feed: tenant.has_calendar_token(account).await?,
        page,
        bookings,
        new_feed,
        credentials,
        notice,
    })
}

pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    page: Page,
    Query(query): Query<MineQuery>,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let notice = page.done_notice(query.done.as_deref(), BookingDone::from_code);
    let view = view(&state, &town, page, account.id, None, notice).await?;
    Ok(render(StatusCode::OK, &view))
}

#[derive(Deserialize, Default)]
pub struct BookingForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    from: String,
}

pub async fn change(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    audit: Audit,
    Form(form): Form<BookingForm>,
) -> Result<Response, WebError> {
    let tenant = state.store.tenant(&town);
    let booking = tenant
        .booking(id)
        .await?
        .filter(|b| b.participant_id == account.id.0)
        .ok_or(WebError::NotFound)?;
    let back =
        |done: &str| Redirect::to(&format!("/{}/me/events?done={done}", town.slug)).into_response();
    match form.action.as_str() {
        "confirm" => {
            let done = if tenant.confirm_offer(id, account.id).await? {
                "confirmed"
            } else {
                "stale"
            };
            Ok(back(done))
        }
        "cancel" => {
            let seen = BookingStatus::from_code(&form.from).ok_or(WebError::BadRequest)?;
            if Utc::now() > booking.cancel_deadline {
                return Ok(back("past-deadline"));
            }
            let event = tenant.event(booking.event_id).await.found()?;
            let cancelled =
                cancel_and_offer(&state, (&town, &event), (id, seen, account.id), Vec::new())
                    .await?;
            if cancelled {
                audit
                    .town_record(
                        town.id,
                        AuditAction::EventBookingCancelled,
                        (AuditTarget::Booking, id),
                    )
                    .await?;
            }
            Ok(back(if cancelled { "cancelled" } else { "stale" }))
        }
        _ => Err(WebError::BadRequest),
    }
}

/// Cancels a booking (held in `seen` status, cancelled `by` someone) and tells whoever is
/// offered the freed seat, and `told` (the person, when staff cancel), in one transaction.
pub async fn cancel_and_offer(
    state: &AppState,
    (town, event): (&domain::Municipality, &store::event::StoredEvent),
    (booking, seen, by): (i64, BookingStatus, AccountId),
    told: Vec<store::notification::NewNotification>,
) -> Result<bool, WebError> {
    let tenant = state.store.tenant(town);
    // Everyone on the waitlist, so the offers' notices can go in the same transaction.
    let waiting = notices::waiting_recipients(&tenant, event.id).await?;
    let result = tenant
        .cancel_booking(
            booking,
            seen,
            by,
            (
                state.childcare_ratios.as_ref(),
                state.config.waitlist_offer_hours,
            ),
            |offers| {
                let mut all = notices::offers_made(state, town, event, offers, &waiting);
                all.extend(told);
                all
            },
        )
        .await?;
    Ok(result.is_some())
}

#[derive(Deserialize, Default)]
pub struct FeedForm {
    #[serde(default)]
    action: String,
}

/// Makes a new private feed link (the old one stops working), or removes it.
pub async fn feed(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    page: Page,
    Form(form): Form<FeedForm>,
) -> Result<Response, WebError> {
    let tenant = state.store.tenant(&town);
    let page = page.with_town(&town);
    match form.action.as_str() {
        "renew" => {
            let token = store::secret::random_token();
            tenant
                .renew_calendar_token(account.id, &store::secret::token_digest(&token))
                .await?;
            let link = crate::mail::link(&state, &format!("/{}/calendar/{token}.ics", town.slug));
            let notice = Some(page.t("calendar-feed-made"));
            let view = view(&state, &town, page, account.id, Some(link), notice).await?;
            Ok(render(StatusCode::OK, &view))
        }
        "revoke" => {
            tenant.revoke_calendar_token(account.id).await?;
            Ok(
                Redirect::to(&format!("/{}/me/events?done=feed-revoked", town.slug))
                    .into_response(),
            )
        }
        _ => Err(WebError::BadRequest),
    }
}
