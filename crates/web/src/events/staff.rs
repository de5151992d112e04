//! The coordinator's page of one event: its bookings and waitlist, attendance taken on a
//! phone (children in care too) from the day of each session until `attendance_days` after the
//! end, seats and carers, and cancelling a booking. Lists and the form are `schedule`;
//! cancelling the whole event is `cancel`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use chrono::Utc;
use domain::audit::{AuditAction, AuditTarget};
use domain::event::attendance::{AttendanceWindow, window};
use domain::event::booking::BookingStatus;
use serde::Deserialize;

use super::view::{BookingView, EventDone, EventView, children_text};
use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::{Found, WebError};
use crate::notify::booking as notices;
use crate::page::{Page, render};
use crate::state::AppState;
use crate::town::CurrentTown;

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
    edit_href: String,
    cancel_href: String,
    notice: Option<String>,
    is_error: bool,
    carers: i32,
    /// Whether this session's attendance can be recorded now, and if not, why.
    attendance_open: bool,
    attendance_note: Option<String>,
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

/// When session `session` of `event` can have its attendance recorded.
fn attendance_window(
    state: &AppState,
    event: &store::event::StoredEvent,
    sessions: &[store::event::Session],
    session: i64,
) -> AttendanceWindow {
    let start = sessions
        .iter()
        .find(|s| s.id == session)
        .map_or(event.starts_at, |s| s.starts_at);
    let days = state.config.attendance_days;
    window(start, event.ends_at, days, Utc::now())
}

/// What the attendance sheet says when it cannot be changed now.
fn attendance_note(page: &Page, open: AttendanceWindow, days: i64) -> Option<String> {
    match open {
        AttendanceWindow::Open => None,
        AttendanceWindow::NotYet => Some(page.t("attendance-not-yet")),
        AttendanceWindow::Closed => Some(page.t1("attendance-closed", "days", &days.to_string())),
    }
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

/// The session asked for, if it is the event's; else the first.
fn chosen_session(asked: Option<i64>, sessions: &[store::event::Session]) -> i64 {
    asked
        .filter(|s| sessions.iter().any(|x| x.id == *s))
        .or_else(|| sessions.first().map(|s| s.id))
        .unwrap_or(0)
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
    let session = chosen_session(query.session, &sessions);
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
    let open = attendance_window(&state, &event, &sessions, session);
    let done = query.done.as_deref().and_then(EventDone::from_code);
    let base = format!("/{}/coordinator/events/{id}", town.slug);
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
        public_href: format!("/{}/events/{id}", town.slug),
        edit_href: format!("{base}/edit"),
        cancel_href: format!("{base}/cancel"),
        action: base,
        notice: done.map(|d| page.label(d)),
        is_error: done.is_some_and(EventDone::is_refusal),
        carers: event.carers,
        attendance_open: open == AttendanceWindow::Open,
        attendance_note: attendance_note(&page, open, state.config.attendance_days),
        page,
    };
    Ok(render(StatusCode::OK, &view))
}

#[derive(Deserialize, Default)]
pub struct StaffForm {
    #[serde(default)]
    action: String,
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
        "attendance" => {
            let sessions = tenant.event_sessions(id).await?;
            match attendance_window(&state, &event, &sessions, form.session) {
                AttendanceWindow::Open => {
                    record_attendance(&tenant, (&audit, &town), (&account, id), &form).await
                }
                AttendanceWindow::NotYet => {
                    refused(&base, form.session, EventDone::AttendanceNotYet)
                }
                AttendanceWindow::Closed => {
                    refused(&base, form.session, EventDone::AttendanceClosed)
                }
            }
        }
        "capacity" => change_capacity(&state, &town, (&audit, &event), &form).await,
        _ => Err(WebError::BadRequest),
    }
}

/// Back to the session's sheet, saying why nothing was recorded.
fn refused(base: &str, session: i64, why: EventDone) -> Result<Response, WebError> {
    let to = format!("{base}?session={session}&done={}", why.code());
    Ok(Redirect::to(&to).into_response())
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
