//! The public side: upcoming events with filters, an event's page with the seats and the
//! childcare places left per age band, booking for signed-in participants, and calendars.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use chrono::{NaiveDate, Utc};
use domain::Role;
use domain::audit::{AuditAction, AuditTarget};
use domain::event::EventKind;
use domain::event::booking::{BookingStatus, Request};
use domain::participant::{AgeBand, Children};
use serde::Deserialize;
use store::booking::Booked;
use store::event::{EventFilter, StoredEvent};

use super::view::{EventView, title};
use crate::auth::{CurrentSession, SignedIn};
use crate::error::{Found, WebError};
use crate::ical::{Entry, calendar};
use crate::notify::booking as notices;
use crate::page::{Page, render};
use crate::state::AppState;
use crate::town::CurrentTown;

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    childcare: String,
    #[serde(default)]
    from: String,
}

#[derive(askama::Template)]
#[template(path = "events/list.html")]
struct ListPage {
    page: Page,
    events: Vec<EventView>,
    kinds: Vec<(String, String, bool)>,
    childcare: bool,
    from: String,
    feed: String,
}

pub async fn list(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    Query(query): Query<ListQuery>,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let now = Utc::now();
    let kind = EventKind::from_code(query.kind.trim());
    let from = NaiveDate::parse_from_str(query.from.trim(), "%Y-%m-%d").ok();
    let filter = EventFilter {
        kind,
        childcare_only: query.childcare == "1",
        from,
        include_private: false,
    };
    let tenant = state.store.tenant(&town);
    let ratios = state.childcare_ratios.as_ref();
    let mut events = Vec::new();
    for event in tenant.upcoming_events(&filter, now, 200).await? {
        let sessions = usize::try_from(event.session_count).unwrap_or(0);
        events.push(EventView::new(&page, &event, sessions, ratios, now));
    }
    let kinds = std::iter::once((String::new(), page.t("event-kind-all"), kind.is_none()))
        .chain(
            EventKind::ALL
                .iter()
                .map(|k| (k.code().to_owned(), page.label(*k), kind == Some(*k))),
        )
        .collect();
    Ok(render(
        StatusCode::OK,
        &ListPage {
            feed: format!("/{}/events.ics", town.slug),
            childcare: filter.childcare_only,
            from: from.map(|d| d.to_string()).unwrap_or_default(),
            page,
            events,
            kinds,
        },
    ))
}

/// A field for the children who need care, in one age band.
pub struct ChildField {
    pub name: &'static str,
    pub label: String,
    pub max: u8,
    pub value: String,
}

#[derive(askama::Template)]
#[template(path = "events/detail.html")]
pub struct DetailPage {
    pub page: Page,
    pub event: EventView,
    pub sessions: Vec<String>,
    /// Shown to a signed-in participant while registration is open.
    pub can_book: bool,
    pub children: Vec<ChildField>,
    pub booked: Option<String>,
    pub notice: Option<String>,
    pub error: Option<String>,
    pub sign_in_href: String,
    pub ics: String,
}

const CHILD_FIELDS: [&str; 4] = ["care_age0", "care_age1_2", "care_age3_5", "care_school"];

async fn town_event(
    state: &AppState,
    town: &domain::Municipality,
    id: i64,
) -> Result<StoredEvent, WebError> {
    state
        .store
        .tenant(town)
        .event(id)
        .await?
        // Only what the town published: an event kept from the public (of any kind, a
        // consultation slot included) does not exist for anyone outside the staff.
        .filter(|e| e.public)
        .ok_or(WebError::NotFound)
}

#[derive(Deserialize, Default)]
pub struct Done {
    done: Option<String>,
}

/// A field for each age band the person has children in, up to that many.
fn child_fields(page: &Page, children: &domain::participant::Children) -> Vec<ChildField> {
    AgeBand::ALL
        .iter()
        .zip(CHILD_FIELDS)
        .filter_map(|(band, name)| {
            let max = children.count(*band);
            // Prefilled with the children the profile names; the person lowers it for a
            // child who will not come.
            (max > 0).then(|| ChildField {
                name,
                label: page.label(*band),
                max,
                value: max.to_string(),
            })
        })
        .collect()
}

async fn detail(
    state: &AppState,
    town: &domain::Municipality,
    page: Page,
    session: &CurrentSession,
    event: &StoredEvent,
    error: Option<String>,
) -> Result<DetailPage, WebError> {
    let tenant = state.store.tenant(town);
    let now = Utc::now();
    let sessions = tenant.event_sessions(event.id).await?;
    let view = EventView::new(
        &page,
        event,
        sessions.len(),
        state.childcare_ratios.as_ref(),
        now,
    );
    let participant = session
        .account()
        .filter(|a| a.role == Role::Participant && a.municipality_id == Some(town.id));
    let mut children = Vec::new();
    let mut booked = None;
    if let Some(account) = participant {
        if event.childcare
            && let Some(record) = tenant.own_participant(account).await?
        {
            children = child_fields(&page, &record.profile.children);
        }
        booked = tenant
            .participant_bookings(account.id)
            .await?
            .into_iter()
            .find(|b| b.event_id == event.id && b.status.is_active())
            .map(|b| page.label(b.status));
    }
    Ok(DetailPage {
        sessions: sessions
            .iter()
            .map(|s| super::view::when(&page, s.starts_at, s.ends_at))
            .collect(),
        can_book: participant.is_some() && view.open && booked.is_none(),
        children,
        booked,
        notice: None,
        error,
        sign_in_href: format!(
            "/{}/login?next=/{}/events/{}",
            town.slug, town.slug, event.id
        ),
        ics: format!("/{}/events/{}/calendar", town.slug, event.id),
        event: view,
        page,
    })
}

pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
    axum::Extension(session): axum::Extension<CurrentSession>,
    Query(done): Query<Done>,
) -> Result<Response, WebError> {
    let event = town_event(&state, &town, id).await?;
    let page = page.with_town(&town);
    let mut view = detail(&state, &town, page, &session, &event, None).await?;
    view.notice = view
        .page
        .done_notice(done.done.as_deref(), super::view::BookingDone::from_code);
    Ok(render(StatusCode::OK, &view))
}

#[derive(Deserialize, Default)]
pub struct BookForm {
    #[serde(default)]
    care_age0: String,
    #[serde(default)]
    care_age1_2: String,
    #[serde(default)]
    care_age3_5: String,
    #[serde(default)]
    care_school: String,
}

impl BookForm {
    fn children(&self) -> Option<Children> {
        let mut c = [0_u8; 4];
        for (slot, raw) in c.iter_mut().zip([
            &self.care_age0,
            &self.care_age1_2,
            &self.care_age3_5,
            &self.care_school,
        ]) {
            *slot = if raw.trim().is_empty() {
                0
            } else {
                raw.trim().parse().ok().filter(|n| *n <= 9)?
            };
        }
        Some(Children(c))
    }
}

/// Books the signed-in participant: confirmed with the childcare asked for, or waitlisted.
#[allow(clippy::too_many_arguments)]
pub async fn book(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
    axum::Extension(session): axum::Extension<CurrentSession>,
    audit: crate::audit_trail::Audit,
    Form(form): Form<BookForm>,
) -> Result<Response, WebError> {
    let event = town_event(&state, &town, id).await?;
    let page = page.with_town(&town);
    let tenant = state.store.tenant(&town);
    let Some(children) = form.children() else {
        let error = page.t("error-children-invalid");
        let view = detail(&state, &town, page, &session, &event, Some(error)).await?;
        return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view));
    };
    let profile = tenant
        .own_participant(&account)
        .await?
        .map(|r| r.profile.children)
        .unwrap_or_default();
    let recipients = tenant.recipients(&[account.id]).await?;
    let ask = store::booking_desk::BookingAsk {
        participant: account.id,
        request: Request { children },
        profile,
        notices: notices::booked(&state, &town, &event, &recipients),
        // The action is the booking's place, settled by the store.
        audit: Some(audit.town_entry(
            town.id,
            AuditAction::EventBookingConfirmed,
            (AuditTarget::Event, id),
        )),
    };
    let result = tenant
        .book(id, ask, state.childcare_ratios.as_ref())
        .await?;
    match result {
        Booked::Placed { status, .. } => {
            let done = match status {
                BookingStatus::Confirmed if children.total() > 0 => "confirmed-with-care",
                BookingStatus::Confirmed => "confirmed",
                _ => "waitlisted",
            };
            Ok(Redirect::to(&format!("/{}/events/{id}?done={done}", town.slug)).into_response())
        }
        Booked::Refused(reason) => {
            let error = page.label(reason);
            let view = detail(&state, &town, page, &session, &event, Some(error)).await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view))
        }
    }
}

/// Calendar entries for events, their sessions each an entry.
pub async fn entries(
    state: &AppState,
    town: &domain::Municipality,
    events: &[StoredEvent],
) -> Result<Vec<Entry>, WebError> {
    let tenant = state.store.tenant(town);
    let base = state.config.public_url.trim_end_matches('/').to_owned();
    let host = base
        .split("://")
        .nth(1)
        .unwrap_or("wakucareer")
        .split('/')
        .next()
        .unwrap_or("wakucareer")
        .to_owned();
    let mut out = Vec::new();
    let ids: Vec<i64> = events.iter().map(|e| e.id).collect();
    let mut sessions = tenant.sessions_of(&ids).await?;
    for event in events {
        for (n, s) in sessions
            .remove(&event.id)
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            out.push(Entry {
                uid: format!("event-{}-{}@{host}", event.id, n + 1),
                start: s.starts_at,
                end: s.ends_at,
                summary: title(crate::i18n::Lang::Ja, event).text,
                description: event.description.clone(),
                location: if event.place.is_empty() {
                    event.online_url.clone()
                } else {
                    event.place.clone()
                },
                url: format!("{base}/{}/events/{}", town.slug, event.id),
                cancelled: event.is_cancelled(),
            });
        }
    }
    Ok(out)
}

/// One event's `.ics`.
pub async fn event_ics(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    Path((_, id)): Path<(String, i64)>,
) -> Result<Response, WebError> {
    let event = town_event(&state, &town, id).await?;
    let entries = entries(&state, &town, std::slice::from_ref(&event)).await?;
    Ok(crate::ical::response(
        calendar(&event.title, &entries, Utc::now()),
        &format!("event-{id}.ics"),
    ))
}

/// The public feed of upcoming public events.
pub async fn public_feed(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
) -> Result<Response, WebError> {
    let events = state
        .store
        .tenant(&town)
        .upcoming_events(&EventFilter::default(), Utc::now(), 500)
        .await?;
    let entries = entries(&state, &town, &events).await?;
    let name = format!("{} わくキャリ", town.name_ja);
    Ok(crate::ical::response(
        calendar(&name, &entries, Utc::now()),
        "events.ics",
    ))
}

/// A participant's private feed of their bookings, opened by its token alone (calendar apps
/// cannot sign in). An unknown or revoked token is a 404.
pub async fn private_feed(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    Path((_, token)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let token = token.trim_end_matches(".ics");
    let tenant = state.store.tenant(&town);
    let owner = tenant
        .calendar_owner(&store::secret::token_digest(token))
        .await
        .found()?;
    let mut events = Vec::new();
    for booking in tenant.participant_bookings(owner).await? {
        if booking.status.is_active()
            && let Some(event) = tenant.event(booking.event_id).await?
        {
            events.push(event);
        }
    }
    let entries = entries(&state, &town, &events).await?;
    let name = format!("{} わくキャリ（予約）", town.name_ja);
    Ok(crate::ical::response(
        calendar(&name, &entries, Utc::now()),
        "bookings.ics",
    ))
}
