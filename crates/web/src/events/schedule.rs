//! The coordinator's events: the lists (coming, ended, cancelled), and making and editing an
//! event. An edit that moves an event's date, time or place tells everyone registered, in the
//! same transaction as the change.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use chrono::Utc;
use domain::FieldErrors;
use domain::audit::{AuditAction, AuditTarget};
use domain::event::{EventDraft, Whereabouts};
use serde::Deserialize;
use store::event::{EventTab, EventTabCounts, StoredEvent};
use store::event_change::EventEdit;

use super::form::{EventForm, FormMode, form_page};
use super::view::EventView;
use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::{Found, WebError};
use crate::notify::booking as notices;
use crate::page::{Page, render};
use crate::state::AppState;
use crate::town::CurrentTown;

domain::coded!(
    /// The tabs of the staff's event list, from `?tab=…`.
    ListTab {
        Upcoming = "upcoming" => "events-tab-upcoming",
        Past = "past" => "events-tab-past",
        Cancelled = "cancelled" => "events-tab-cancelled",
    }
);

impl ListTab {
    pub(super) fn store_tab(self) -> EventTab {
        match self {
            ListTab::Upcoming => EventTab::Upcoming,
            ListTab::Past => EventTab::Past,
            ListTab::Cancelled => EventTab::Cancelled,
        }
    }

    fn count(self, counts: &EventTabCounts) -> i64 {
        match self {
            ListTab::Upcoming => counts.upcoming,
            ListTab::Past => counts.past,
            ListTab::Cancelled => counts.cancelled,
        }
    }
}

/// One tab of the list: its link, its words with the count, and whether it is shown.
pub struct TabLink {
    href: String,
    label: String,
    current: bool,
}

#[derive(askama::Template)]
#[template(path = "events/staff_list.html")]
struct StaffList {
    page: Page,
    tabs: Vec<TabLink>,
    events: Vec<EventView>,
    new_href: String,
    slots_href: String,
    past: bool,
    notice: Option<String>,
    /// (href, words) of each file the tab downloads as.
    export_links: Vec<(String, String)>,
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    tab: Option<String>,
    /// `slots` after a series of consultation slots was made, with their `count`.
    done: Option<String>,
    count: Option<usize>,
}

/// The tabs, each with its count.
fn tab_links(page: &Page, slug: &str, shown: ListTab, counts: &EventTabCounts) -> Vec<TabLink> {
    ListTab::ALL
        .iter()
        .map(|tab| TabLink {
            href: format!("/{slug}/coordinator/events?tab={}", tab.code()),
            label: page.counted(&page.label(*tab), tab.count(counts)),
            current: *tab == shown,
        })
        .collect()
}

pub async fn list(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    Query(query): Query<ListQuery>,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let shown = query
        .tab
        .as_deref()
        .and_then(ListTab::from_code)
        .unwrap_or(ListTab::Upcoming);
    let tenant = state.store.tenant(&town);
    let now = Utc::now();
    let counts = tenant.event_tab_counts(now).await?;
    let events = tenant
        .staff_events(shown.store_tab(), now, 300)
        .await?
        .iter()
        .map(|event| staff_card(&state, &page, event, now))
        .collect();
    Ok(render(
        StatusCode::OK,
        &StaffList {
            tabs: tab_links(&page, town.slug.as_str(), shown, &counts),
            new_href: format!("/{}/coordinator/events/new", town.slug),
            slots_href: format!("/{}/coordinator/events/slots", town.slug),
            past: shown == ListTab::Past,
            export_links: crate::spreadsheet::FileFormat::ALL
                .iter()
                .map(|f| {
                    let href = format!(
                        "/{}/coordinator/events/export?tab={}&format={}",
                        town.slug,
                        shown.code(),
                        f.code()
                    );
                    (href, page.label(*f))
                })
                .collect(),
            notice: (query.done.as_deref() == Some("slots")).then(|| {
                let count = query.count.unwrap_or(0).to_string();
                page.t1("events-done-slots", "count", &count)
            }),
            page,
            events,
        },
    ))
}

/// An event's card on the staff's list, linking to its staff page.
fn staff_card(
    state: &AppState,
    page: &Page,
    event: &StoredEvent,
    now: chrono::DateTime<Utc>,
) -> EventView {
    let sessions = usize::try_from(event.session_count).unwrap_or(0);
    let mut view = EventView::new(page, event, sessions, state.childcare_ratios.as_ref(), now);
    let slug = page.town.as_ref().map_or("", |t| t.slug.as_str());
    view.href = format!("/{slug}/coordinator/events/{}", event.id);
    view
}

pub async fn new_form(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
) -> Result<Response, WebError> {
    let action = format!("/{}/coordinator/events/new", town.slug);
    let view = form_page(
        &state,
        page.with_town(&town),
        (FormMode::New, action),
        &EventForm::blank(),
        &FieldErrors::default(),
    );
    Ok(render(StatusCode::OK, &view))
}

pub async fn create(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    page: Page,
    audit: Audit,
    Form(form): Form<EventForm>,
) -> Result<Response, WebError> {
    let draft = match EventDraft::parse(&form.input(), &state.taxonomy, Utc::now()) {
        Ok(draft) => draft,
        Err(errors) => {
            let action = format!("/{}/coordinator/events/new", town.slug);
            let view = form_page(
                &state,
                page.with_town(&town),
                (FormMode::New, action),
                &form,
                &errors,
            );
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view));
        }
    };
    let tenant = state.store.tenant(&town);
    let id = tenant.create_event(&draft, account.id).await?;
    audit
        .record(
            Some(town.id),
            AuditAction::EventCreated,
            AuditTarget::Event,
            &id.to_string(),
            draft.kind.code(),
        )
        .await?;
    let to = format!("/{}/coordinator/events/{id}?done=created", town.slug);
    Ok(Redirect::to(&to).into_response())
}

/// A saved event as its edit form fills it; a cancelled one cannot be edited.
async fn saved_form(
    tenant: &store::TenantStore<'_>,
    id: i64,
) -> Result<(StoredEvent, Vec<store::event::Session>, EventForm), WebError> {
    let event = tenant.event(id).await.found()?;
    if event.is_cancelled() {
        return Err(WebError::NotFound);
    }
    let sessions = tenant.event_sessions(id).await?;
    let skills = tenant.event_skills(id).await?;
    let form = EventForm::of_event(&event, &sessions, &skills);
    Ok((event, sessions, form))
}

pub async fn edit_form(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
) -> Result<Response, WebError> {
    let (_, _, form) = saved_form(&state.store.tenant(&town), id).await?;
    let action = format!("/{}/coordinator/events/{id}/edit", town.slug);
    let view = form_page(
        &state,
        page.with_town(&town),
        (FormMode::Edit, action),
        &form,
        &FieldErrors::default(),
    );
    Ok(render(StatusCode::OK, &view))
}

pub async fn save_edit(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
    audit: Audit,
    Form(form): Form<EventForm>,
) -> Result<Response, WebError> {
    let tenant = state.store.tenant(&town);
    let (event, sessions, saved) = saved_form(&tenant, id).await?;
    let form = form.keeping_fixed(&saved);
    let parsed =
        EventDraft::parse_change(&form.input(), &state.taxonomy, Utc::now(), event.starts_at);
    let draft = match parsed {
        Ok(draft) => draft,
        Err(errors) => {
            let action = format!("/{}/coordinator/events/{id}/edit", town.slug);
            let page = page.with_town(&town);
            let view = form_page(&state, page, (FormMode::Edit, action), &form, &errors);
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view));
        }
    };
    let spans: Vec<_> = sessions.iter().map(|s| (s.starts_at, s.ends_at)).collect();
    let whereabouts = Whereabouts {
        sessions: &spans,
        place: &event.place,
        online_url: &event.online_url,
    };
    let told = if draft.moves(&whereabouts) {
        let recipients = notices::registrant_recipients(&tenant, id).await?;
        notices::event_changed(&state, &town, &as_edited(&event, &draft), &recipients)
    } else {
        Vec::new()
    };
    match tenant.update_event(id, &draft, &told).await? {
        EventEdit::Saved => {}
        EventEdit::SessionsDiffer | EventEdit::NotFound => return Err(WebError::NotFound),
    }
    audit
        .town_record(town.id, AuditAction::EventEdited, (AuditTarget::Event, id))
        .await?;
    let done = if told.is_empty() {
        "saved"
    } else {
        "saved-told"
    };
    let to = format!("/{}/coordinator/events/{id}?done={done}", town.slug);
    Ok(Redirect::to(&to).into_response())
}

/// The event as the edit leaves it, for the notice of the change, which names its first
/// session (a course's others follow weekly).
fn as_edited(event: &StoredEvent, draft: &EventDraft) -> StoredEvent {
    let (starts_at, ends_at) = draft
        .sessions
        .first()
        .copied()
        .unwrap_or((event.starts_at, event.ends_at));
    StoredEvent {
        title: draft.title.clone(),
        title_en: draft.title_en.clone(),
        place: draft.place.clone(),
        online_url: draft.online_url.clone(),
        starts_at,
        ends_at,
        ..event.clone()
    }
}
