//! The coordinator's side: create events (and one-to-one consultation slots), see bookings
//! and the waitlist, take attendance on a phone (children in care too), cancel a booking or
//! the whole event.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use chrono::Utc;
use domain::FieldErrors;
use domain::audit::{AuditAction, AuditTarget};
use domain::event::booking::BookingStatus;
use domain::event::{EventDraft, EventInput, EventKind};
use serde::Deserialize;
use store::account::AccountId;
use store::event::EventFilter;

use super::mine::cancel_and_offer;
use super::view::{BookingView, EventView, children_text};
use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::{Found, WebError};
use crate::form::FieldView;
use crate::notify::booking as notices;
use crate::page::{Page, render};
use crate::state::AppState;
use crate::town::CurrentTown;

#[derive(askama::Template)]
#[template(path = "events/staff_list.html")]
struct StaffList {
    page: Page,
    events: Vec<EventView>,
    new_href: String,
}

pub async fn list(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let tenant = state.store.tenant(&town);
    let now = Utc::now();
    let filter = EventFilter {
        include_private: true,
        ..EventFilter::default()
    };
    let mut events = Vec::new();
    for event in tenant.upcoming_events(&filter, now, 300).await? {
        let sessions = usize::try_from(event.session_count).unwrap_or(0);
        let mut view = EventView::new(
            &page,
            &event,
            sessions,
            state.childcare_ratios.as_ref(),
            now,
        );
        view.href = format!("/{}/coordinator/events/{}", town.slug, event.id);
        events.push(view);
    }
    Ok(render(
        StatusCode::OK,
        &StaffList {
            new_href: format!("/{}/coordinator/events/new", town.slug),
            page,
            events,
        },
    ))
}

#[derive(Debug, Deserialize, Default, Clone)]
pub struct EventForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    description_en: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    online_url: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    start_time: String,
    #[serde(default)]
    end_time: String,
    #[serde(default)]
    sessions: String,
    #[serde(default)]
    capacity: String,
    #[serde(default)]
    opens_on: String,
    #[serde(default)]
    closes_on: String,
    #[serde(default)]
    cancel_until: String,
    #[serde(default)]
    childcare: String,
    #[serde(default)]
    carers: String,
    #[serde(default)]
    children_programme: String,
    #[serde(default)]
    public: String,
    #[serde(default)]
    skill_id: String,
    #[serde(default)]
    skill_level: String,
}

impl EventForm {
    pub(crate) fn input(&self) -> EventInput {
        EventInput {
            kind: self.kind.clone(),
            title: self.title.clone(),
            title_en: self.title_en.clone(),
            description: self.description.clone(),
            description_en: self.description_en.clone(),
            place: self.place.clone(),
            online_url: self.online_url.clone(),
            date: self.date.clone(),
            start_time: self.start_time.clone(),
            end_time: self.end_time.clone(),
            sessions: self.sessions.clone(),
            capacity: self.capacity.clone(),
            opens_on: self.opens_on.clone(),
            closes_on: self.closes_on.clone(),
            cancel_until: self.cancel_until.clone(),
            childcare: self.childcare == "yes",
            carers: self.carers.clone(),
            children_programme: self.children_programme.clone(),
            public: self.public == "yes",
            skills: vec![(self.skill_id.clone(), self.skill_level.clone())],
        }
    }
}

#[derive(askama::Template)]
#[template(path = "events/form.html")]
struct FormPage {
    page: Page,
    fields: Vec<FieldView>,
    has_errors: bool,
    action: String,
}

/// The skills a course can grant, "none" first.
fn skill_options(state: &AppState, page: &Page) -> Vec<(String, String)> {
    std::iter::once((String::new(), page.t("event-no-skill")))
        .chain(state.taxonomy.skills().iter().map(|s| {
            (
                s.id.as_str().to_owned(),
                crate::skill_choices::label(state, page.lang, s.id.as_str()),
            )
        }))
        .collect()
}

fn form_page(
    state: &AppState,
    page: Page,
    town: &domain::Municipality,
    form: &EventForm,
    e: &FieldErrors,
) -> FormPage {
    let kinds = crate::form::choices(&page, &EventKind::ALL, EventKind::code);
    let p = &page;
    let fields = vec![
        FieldView::new(p, "kind", "select", &form.kind, e).options(kinds),
        FieldView::new(p, "title", "text", &form.title, e),
        FieldView::new(p, "title_en", "text", &form.title_en, e).optional(),
        FieldView {
            label: p.t("field-event-description"),
            ..FieldView::new(p, "description", "textarea", &form.description, e)
        },
        FieldView::new(p, "description_en", "textarea", &form.description_en, e).optional(),
        FieldView::new(p, "place", "text", &form.place, e)
            .optional()
            .hint(p, "field-event-place-hint"),
        FieldView::new(p, "online_url", "url", &form.online_url, e).optional(),
        FieldView::new(p, "date", "date", &form.date, e),
        FieldView::new(p, "start_time", "time", &form.start_time, e),
        FieldView::new(p, "end_time", "time", &form.end_time, e),
        FieldView::new(p, "sessions", "number", &form.sessions, e)
            .optional()
            .hint(p, "field-sessions-hint"),
        FieldView::new(p, "capacity", "number", &form.capacity, e).hint(p, "field-capacity-hint"),
        FieldView::new(p, "opens_on", "date", &form.opens_on, e).optional(),
        FieldView::new(p, "closes_on", "date", &form.closes_on, e)
            .optional()
            .hint(p, "field-closes-on-hint"),
        FieldView::new(p, "cancel_until", "date", &form.cancel_until, e).optional(),
        FieldView::new(p, "childcare", "checkbox", &form.childcare, e).optional(),
        FieldView::new(p, "carers", "number", &form.carers, e)
            .optional()
            .hint(p, "field-carers-hint"),
        FieldView::new(p, "children_programme", "text", &form.children_programme, e).optional(),
        FieldView::new(p, "public", "checkbox", &form.public, e).optional(),
        FieldView::new(p, "skill_id", "select", &form.skill_id, e)
            .optional()
            .options(skill_options(state, p))
            .hint(p, "field-skill-id-hint"),
        FieldView::new(p, "skill_level", "select", &form.skill_level, e)
            .optional()
            .options(crate::skill_choices::levels(p)),
    ];
    FormPage {
        has_errors: !e.is_empty(),
        action: format!("/{}/coordinator/events/new", town.slug),
        page,
        fields,
    }
}

pub async fn new_form(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
) -> Result<Response, WebError> {
    let form = EventForm {
        public: "yes".into(),
        sessions: "1".into(),
        skill_level: "2".into(),
        ..EventForm::default()
    };
    let view = form_page(
        &state,
        page.with_town(&town),
        &town,
        &form,
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
    match EventDraft::parse(&form.input(), &state.taxonomy, Utc::now()) {
        Ok(draft) => {
            let id = state
                .store
                .tenant(&town)
                .create_event(&draft, account.id)
                .await?;
            audit
                .record(
                    Some(town.id),
                    AuditAction::EventCreated,
                    AuditTarget::Event,
                    &id.to_string(),
                    draft.kind.code(),
                )
                .await?;
            Ok(Redirect::to(&format!("/{}/coordinator/events/{id}", town.slug)).into_response())
        }
        Err(errors) => {
            let view = form_page(&state, page.with_town(&town), &town, &form, &errors);
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view))
        }
    }
}

/// One person's line on the attendance sheet.
struct AttendanceRow {
    booking: BookingView,
    attended: bool,
    children_in_care: i32,
    children_booked: String,
}

#[derive(askama::Template)]
#[template(path = "events/staff_detail.html")]
struct StaffDetail {
    page: Page,
    event: EventView,
    sessions: Vec<(i64, String)>,
    session: i64,
    rows: Vec<AttendanceRow>,
    waiting: Vec<BookingView>,
    others: Vec<BookingView>,
    attended: usize,
    no_shows: usize,
    children_in_care: i32,
    action: String,
    public_href: String,
    notice: Option<String>,
    is_error: bool,
    carers: i32,
}

#[derive(Deserialize, Default)]
pub struct DetailQuery {
    session: Option<i64>,
    done: Option<String>,
}

/// One attendance mark: (booking, session, present, children cared for).
type Mark = (i64, i64, bool, i32);

/// The bookings as the staff page groups them: confirmed (with this session's marks), on the
/// waiting list, and the rest.
fn booking_groups(
    page: &Page,
    bookings: &[store::booking::StoredBooking],
    (attendance, session): (&[Mark], i64),
    now: chrono::DateTime<Utc>,
) -> (Vec<AttendanceRow>, Vec<BookingView>, Vec<BookingView>) {
    let mut rows = Vec::new();
    let mut waiting = Vec::new();
    let mut others = Vec::new();
    for b in bookings {
        let view = BookingView::new(page, b, now);
        match b.status {
            BookingStatus::Confirmed => {
                let mark = attendance
                    .iter()
                    .find(|(bid, sid, _, _)| *bid == b.id && *sid == session);
                rows.push(AttendanceRow {
                    attended: mark.is_some_and(|m| m.2),
                    children_in_care: mark
                        .map_or(i32::from(b.children().0.iter().sum::<u8>()), |m| m.3),
                    children_booked: children_text(page, &b.children()),
                    booking: view,
                });
            }
            BookingStatus::Waitlisted | BookingStatus::Offered => waiting.push(view),
            _ => others.push(view),
        }
    }
    (rows, waiting, others)
}

/// The event's sessions, as (id, when) for the attendance form's choice.
fn session_choices(page: &Page, sessions: &[store::event::Session]) -> Vec<(i64, String)> {
    sessions
        .iter()
        .map(|s| (s.id, super::view::when(page, s.starts_at, s.ends_at)))
        .collect()
}

/// A session's counts: who came, who did not, and the children cared for.
fn session_counts(attendance: &[Mark], session: i64) -> (usize, usize, i32) {
    let marked: Vec<_> = attendance
        .iter()
        .filter(|(_, sid, _, _)| *sid == session)
        .collect();
    let attended = marked.iter().filter(|m| m.2).count();
    let no_shows = marked.iter().filter(|m| !m.2).count();
    let children = marked.iter().filter(|m| m.2).map(|m| m.3).sum();
    (attended, no_shows, children)
}

pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
    audit: Audit,
    axum::extract::Query(query): axum::extract::Query<DetailQuery>,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let tenant = state.store.tenant(&town);
    let event = tenant.event(id).await.found()?;
    let now = Utc::now();
    let sessions = tenant.event_sessions(id).await?;
    let session = query
        .session
        .filter(|s| sessions.iter().any(|x| x.id == *s))
        .or_else(|| sessions.first().map(|s| s.id))
        .unwrap_or(0);
    let attendance = tenant.attendance(id).await?;
    let bookings = audit
        .reveal(
            tenant.event_bookings_for_staff(id).await?,
            Some(town.id),
            AuditAction::ParticipantEventBookingsViewed,
            (AuditTarget::Event, &id.to_string()),
            "",
        )
        .await?;
    let (rows, waiting, others) = booking_groups(&page, &bookings, (&attendance, session), now);
    let (attended, no_shows, children_in_care) = session_counts(&attendance, session);
    let view = StaffDetail {
        event: EventView::new(
            &page,
            &event,
            sessions.len(),
            state.childcare_ratios.as_ref(),
            now,
        ),
        sessions: session_choices(&page, &sessions),
        session,
        rows,
        waiting,
        others,
        attended,
        no_shows,
        children_in_care,
        action: format!("/{}/coordinator/events/{id}", town.slug),
        public_href: format!("/{}/events/{id}", town.slug),
        notice: page.done_notice(query.done.as_deref(), super::view::EventDone::from_code),
        is_error: query
            .done
            .as_deref()
            .is_some_and(|d| d.starts_with("capacity-") && d != "capacity-changed"),
        carers: event.carers,
        page,
    };
    Ok(render(StatusCode::OK, &view))
}

#[derive(Deserialize, Default)]
pub struct StaffForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    booking: i64,
    #[serde(default)]
    from: String,
    #[serde(default)]
    session: i64,
    /// Bookings present at the session.
    #[serde(default)]
    present: Vec<i64>,
    /// `children-<booking id>` = children dropped at childcare, as "id:count" pairs.
    #[serde(default)]
    children: Vec<String>,
    #[serde(default)]
    capacity: String,
    #[serde(default)]
    carers: String,
}

pub async fn act(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    audit: Audit,
    Form(form): Form<StaffForm>,
) -> Result<Response, WebError> {
    let tenant = state.store.tenant(&town);
    let event = tenant.event(id).await.found()?;
    let base = format!("/{}/coordinator/events/{id}", town.slug);
    match form.action.as_str() {
        "attendance" => record_attendance(&tenant, (&audit, &town), (&account, id), &form).await,
        "capacity" => change_capacity(&state, &town, (&audit, &event), &form).await,
        "cancel_booking" => {
            let seen = BookingStatus::from_code(&form.from).ok_or(WebError::BadRequest)?;
            cancel_and_offer(&state, &town, &event, form.booking, seen, account.id).await?;
            audit
                .town_record(
                    town.id,
                    AuditAction::EventBookingCancelledByStaff,
                    (AuditTarget::Booking, form.booking),
                )
                .await?;
            Ok(Redirect::to(&base).into_response())
        }
        "cancel_event" => cancel_event(&state, &town, (&audit, &event), &base).await,
        _ => Err(WebError::BadRequest),
    }
}

/// Records who came to one session (and how many children were cared for); a course's last
/// session awards its skills to those who attended every one.
async fn record_attendance(
    tenant: &store::TenantStore<'_>,
    (audit, town): (&Audit, &domain::Municipality),
    (account, id): (&store::account::Account, i64),
    form: &StaffForm,
) -> Result<Response, WebError> {
    let base = format!("/{}/coordinator/events/{id}", town.slug);
    let confirmed: Vec<_> = tenant
        .event_bookings(id)
        .await?
        .into_iter()
        .filter(|b| b.status == BookingStatus::Confirmed)
        .collect();
    let mut awarded = 0;
    for b in &confirmed {
        let present = form.present.contains(&b.id);
        let children = form
            .children
            .iter()
            .filter_map(|c| c.split_once(':'))
            .find(|(bid, _)| bid.parse::<i64>().ok() == Some(b.id))
            .and_then(|(_, n)| n.trim().parse::<u32>().ok())
            .unwrap_or(0)
            .min(9);
        if tenant
            .record_attendance(
                form.session,
                b.id,
                present,
                if present { children } else { 0 },
                account.id,
            )
            .await?
        {
            awarded += 1;
        }
    }
    audit
        .record(
            Some(town.id),
            AuditAction::EventAttendance,
            AuditTarget::Event,
            &id.to_string(),
            &format!("session {}", form.session),
        )
        .await?;
    Ok(Redirect::to(&format!(
        "{base}?session={}&done=attendance&awarded={awarded}",
        form.session
    ))
    .into_response())
}

/// Cancels the event; everyone booked is told, in the same transaction.
async fn cancel_event(
    state: &AppState,
    town: &domain::Municipality,
    (audit, event): (&Audit, &store::event::StoredEvent),
    base: &str,
) -> Result<Response, WebError> {
    let tenant = state.store.tenant(town);
    let id = event.id;
    let people: Vec<AccountId> = tenant
        .event_bookings(id)
        .await?
        .iter()
        .filter(|b| b.status.is_active())
        .map(|b| AccountId(b.participant_id))
        .collect();
    let recipients = tenant.recipients(&people).await?;
    tenant
        .cancel_event(id, |_| {
            notices::event_cancelled(state, town, event, &recipients)
        })
        .await?;
    audit
        .town_record(
            town.id,
            AuditAction::EventCancelled,
            (AuditTarget::Event, id),
        )
        .await?;
    Ok(Redirect::to(base).into_response())
}

/// Changes the seats and carers, unless that would leave fewer than confirmed bookings hold;
/// places that open go to the waiting list in order, and those offered are told.
async fn change_capacity(
    state: &AppState,
    town: &domain::Municipality,
    (audit, event): (&Audit, &store::event::StoredEvent),
    form: &StaffForm,
) -> Result<Response, WebError> {
    let base = format!("/{}/coordinator/events/{}", town.slug, event.id);
    let seats = form
        .capacity
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=500).contains(n));
    let carers = if event.childcare {
        form.carers
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=30).contains(n))
    } else {
        Some(0)
    };
    let (Some(seats), Some(carers)) = (seats, carers) else {
        return Ok(Redirect::to(&format!("{base}?done=capacity-invalid")).into_response());
    };
    let tenant = state.store.tenant(town);
    let waiting = notices::waiting_recipients(&tenant, event.id).await?;
    let (result, offers) = tenant
        .change_capacity(
            event.id,
            seats,
            carers,
            state.childcare_ratios.as_ref(),
            state.config.waitlist_offer_hours,
        )
        .await?;
    tenant
        .notify(&notices::offers_made(state, town, event, &offers, &waiting))
        .await?;
    let done = match result {
        store::event::CapacityChange::Changed => {
            audit
                .record(
                    Some(town.id),
                    AuditAction::EventCapacityChanged,
                    AuditTarget::Event,
                    &event.id.to_string(),
                    &format!("{seats} seats, {carers} carers"),
                )
                .await?;
            "capacity-changed"
        }
        store::event::CapacityChange::BelowBookings => "capacity-below-bookings",
        store::event::CapacityChange::NotFound => return Err(WebError::NotFound),
    };
    Ok(Redirect::to(&format!("{base}?done={done}")).into_response())
}

#[cfg(test)]
mod tests {
    use super::session_counts;

    #[test]
    fn a_session_counts_only_its_own_marks() {
        let marks = [
            (1, 10, true, 1),
            (2, 10, false, 0),
            (3, 10, true, 2),
            (1, 11, true, 1),
        ];
        assert_eq!(session_counts(&marks, 10), (2, 1, 3));
        assert_eq!(session_counts(&marks, 11), (1, 0, 1));
        assert_eq!(session_counts(&marks, 12), (0, 0, 0));
    }
}
