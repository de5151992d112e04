//! `/{town}/town/data-requests`: the log of requests under the personal-data law that arrive
//! at the counter, by post, phone or mail (開示・訂正・利用停止). Staff log each with the day it
//! was received; its deadline comes from the town's setting (changed on the same page); open
//! ones come first and overdue ones are marked; each is answered or withdrawn once, with who
//! handled it and the answer.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use chrono::{NaiveDate, Utc};
use domain::FieldErrors;
use domain::audit::{AuditAction, AuditTarget};
use domain::data_request::{
    self as rules, DataRequestChannel, DataRequestInput, DataRequestKind, DataRequestState,
    NewDataRequest,
};
use domain::local_time::to_jst;
use serde::Deserialize;
use store::data_request::{Closing, DataRequest};

use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::{Found, WebError};
use crate::form::{FieldView, choices};
use crate::page::{Page, render};
use crate::state::AppState;
use crate::town::CurrentTown;

const LISTED: i64 = 500;

/// One request as the list shows it.
struct Row {
    href: String,
    received: String,
    kind: String,
    requester: String,
    deadline: String,
    overdue: bool,
    state: String,
}

#[derive(askama::Template)]
#[template(path = "town/data_requests.html")]
struct ListPage {
    page: Page,
    action: String,
    deadline_action: String,
    rows: Vec<Row>,
    open: usize,
    overdue: usize,
    deadline_days: i64,
    fields: Vec<FieldView>,
    deadline_field: FieldView,
    alert: Option<crate::form::Alert>,
    notice: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct Done {
    done: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct LogForm {
    #[serde(default)]
    request_kind: String,
    #[serde(default)]
    request_channel: String,
    #[serde(default)]
    received_on: String,
    #[serde(default)]
    requester: String,
    #[serde(default)]
    summary: String,
}

impl LogForm {
    fn input(&self) -> DataRequestInput {
        DataRequestInput {
            kind: self.request_kind.clone(),
            channel: self.request_channel.clone(),
            received_on: self.received_on.clone(),
            requester: self.requester.clone(),
            summary: self.summary.clone(),
        }
    }
}

fn today() -> NaiveDate {
    to_jst(Utc::now()).date_naive()
}

fn log_fields(page: &Page, form: &LogForm, errors: &FieldErrors) -> Vec<FieldView> {
    let received = if form.received_on.is_empty() {
        today().to_string()
    } else {
        form.received_on.clone()
    };
    vec![
        FieldView::new(page, "request_kind", "select", &form.request_kind, errors)
            .options(choices(page, DataRequestKind::ALL, |k| k.code())),
        FieldView::new(
            page,
            "request_channel",
            "select",
            &form.request_channel,
            errors,
        )
        .options(choices(page, DataRequestChannel::ALL, |c| c.code())),
        FieldView::new(page, "received_on", "date", &received, errors),
        FieldView::new(page, "requester", "text", &form.requester, errors)
            .max_chars(page, rules::NAME_MAX),
        FieldView::new(page, "summary", "textarea", &form.summary, errors)
            .max_chars(page, rules::SUMMARY_MAX),
    ]
}

fn rows(page: &Page, slug: &str, requests: &[DataRequest]) -> Vec<Row> {
    let today = today();
    requests
        .iter()
        .map(|r| Row {
            href: format!("/{slug}/town/data-requests/{}", r.id),
            received: page.date(r.received_on),
            kind: page.label(r.kind),
            requester: r.requester.clone(),
            deadline: page.date(r.deadline_on),
            overdue: rules::is_overdue(r.state, r.deadline_on, today),
            state: page.label(r.state),
        })
        .collect()
}

async fn list_page(
    state: &AppState,
    town: &domain::Municipality,
    page: Page,
    (form, errors): (&LogForm, &FieldErrors),
    (days_typed, days_errors): (Option<&str>, &FieldErrors),
) -> Result<ListPage, WebError> {
    let tenant = state.store.tenant(town);
    let requests = tenant.data_requests(LISTED).await?;
    let deadline_days = tenant.request_deadline_days().await?;
    let rows = rows(&page, town.slug.as_str(), &requests);
    let days = days_typed.map_or(deadline_days.to_string(), str::to_owned);
    Ok(ListPage {
        action: format!("/{}/town/data-requests", town.slug),
        deadline_action: format!("/{}/town/data-requests/deadline", town.slug),
        open: requests
            .iter()
            .filter(|r| r.state == DataRequestState::Open)
            .count(),
        overdue: rows.iter().filter(|r| r.overdue).count(),
        rows,
        deadline_days,
        fields: log_fields(&page, form, errors),
        deadline_field: FieldView::new(&page, "deadline_days", "number", &days, days_errors),
        alert: crate::form::alert(&page, errors).or_else(|| crate::form::alert(&page, days_errors)),
        notice: None,
        page,
    })
}

pub async fn list(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    Query(done): Query<Done>,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let none = FieldErrors::default();
    let mut view = list_page(
        &state,
        &town,
        page,
        (&LogForm::default(), &none),
        (None, &none),
    )
    .await?;
    view.notice = match done.done.as_deref() {
        Some("logged") => Some(view.page.t("data-request-logged")),
        Some("closed") => Some(view.page.t("data-request-closed")),
        Some("deadline") => Some(view.page.t("data-request-deadline-saved")),
        _ => None,
    };
    Ok(render(StatusCode::OK, &view))
}

pub async fn log(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(staff): SignedIn,
    page: Page,
    audit: Audit,
    Form(form): Form<LogForm>,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let new = match NewDataRequest::parse(&form.input(), today()) {
        Ok(new) => new,
        Err(errors) => {
            let none = FieldErrors::default();
            let view = list_page(&state, &town, page, (&form, &errors), (None, &none)).await?;
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view));
        }
    };
    let id = state
        .store
        .tenant(&town)
        .log_data_request(&new, staff.id)
        .await?;
    audit
        .town_record(
            town.id,
            AuditAction::DataRequestLogged,
            (AuditTarget::DataRequest, id),
        )
        .await?;
    Ok(Redirect::to(&format!("/{}/town/data-requests?done=logged", town.slug)).into_response())
}

#[derive(Deserialize, Default)]
pub struct DeadlineForm {
    #[serde(default)]
    deadline_days: String,
}

pub async fn set_deadline(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    audit: Audit,
    Form(form): Form<DeadlineForm>,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let days = match rules::parse_deadline_days(&form.deadline_days) {
        Ok(days) => days,
        Err(errors) => {
            let none = FieldErrors::default();
            let typed = Some(form.deadline_days.as_str());
            let view = list_page(
                &state,
                &town,
                page,
                (&LogForm::default(), &none),
                (typed, &errors),
            )
            .await?;
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view));
        }
    };
    state
        .store
        .tenant(&town)
        .set_request_deadline_days(days)
        .await?;
    audit
        .town_record(
            town.id,
            AuditAction::TownSettingsEdited,
            (AuditTarget::Municipality, town.id.0),
        )
        .await?;
    Ok(Redirect::to(&format!("/{}/town/data-requests?done=deadline", town.slug)).into_response())
}

#[derive(askama::Template)]
#[template(path = "town/data_request.html")]
struct DetailPage {
    page: Page,
    action: String,
    back: String,
    request: DataRequest,
    kind: String,
    channel: String,
    state: String,
    overdue: bool,
    handled_by: String,
    fields: Vec<FieldView>,
    alert: Option<crate::form::Alert>,
}

#[derive(Deserialize, Default)]
pub struct CloseForm {
    #[serde(default)]
    closing: String,
    #[serde(default)]
    answer: String,
}

/// The way to close it and the answer, or the fields that are wrong.
fn check_close(form: &CloseForm) -> Result<(DataRequestState, String), FieldErrors> {
    let mut errors = FieldErrors::default();
    let state = [DataRequestState::Answered, DataRequestState::Withdrawn]
        .into_iter()
        .find(|s| s.code() == form.closing);
    if state.is_none() {
        errors.add("closing", "required");
    }
    let answer =
        domain::field_errors::text(&mut errors, "answer", &form.answer, rules::ANSWER_MAX, true);
    match state {
        Some(state) if errors.is_empty() => Ok((state, answer)),
        _ => Err(errors),
    }
}

async fn detail_page(
    state: &AppState,
    town: &domain::Municipality,
    page: Page,
    request: DataRequest,
    (form, errors): (&CloseForm, &FieldErrors),
) -> Result<DetailPage, WebError> {
    let handled_by = match request.handled_by {
        Some(id) => state
            .store
            .display_names(&[id])
            .await?
            .into_iter()
            .map(|(_, n)| n)
            .next()
            .unwrap_or_default(),
        None => String::new(),
    };
    let closings = [DataRequestState::Answered, DataRequestState::Withdrawn];
    let fields = vec![
        FieldView::new(&page, "closing", "select", &form.closing, errors).options(choices(
            &page,
            &closings,
            |s| s.code(),
        )),
        FieldView::new(&page, "answer", "textarea", &form.answer, errors)
            .max_chars(&page, rules::ANSWER_MAX),
    ];
    Ok(DetailPage {
        action: format!("/{}/town/data-requests/{}", town.slug, request.id),
        back: format!("/{}/town/data-requests", town.slug),
        kind: page.label(request.kind),
        channel: page.label(request.channel),
        state: page.label(request.state),
        overdue: rules::is_overdue(request.state, request.deadline_on, today()),
        handled_by,
        alert: crate::form::alert(&page, errors),
        fields,
        request,
        page,
    })
}

pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
) -> Result<Response, WebError> {
    let request = state.store.tenant(&town).data_request(id).await.found()?;
    let page = page.with_town(&town);
    let view = detail_page(
        &state,
        &town,
        page,
        request,
        (&CloseForm::default(), &FieldErrors::default()),
    )
    .await?;
    Ok(render(StatusCode::OK, &view))
}

pub async fn close(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(staff): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
    audit: Audit,
    Form(form): Form<CloseForm>,
) -> Result<Response, WebError> {
    let tenant = state.store.tenant(&town);
    let request = tenant.data_request(id).await.found()?;
    let page = page.with_town(&town);
    let (closing, answer) = match check_close(&form) {
        Ok(done) => done,
        Err(errors) => {
            let view = detail_page(&state, &town, page, request, (&form, &errors)).await?;
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view));
        }
    };
    let closed = Closing {
        state: closing,
        answer,
        by: staff.id,
        on: today(),
    };
    if tenant.close_data_request(id, &closed).await? {
        audit
            .town_record(
                town.id,
                AuditAction::DataRequestClosed,
                (AuditTarget::DataRequest, id),
            )
            .await?;
    }
    Ok(Redirect::to(&format!("/{}/town/data-requests?done=closed", town.slug)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_is_closed_with_a_way_and_an_answer() {
        let form = |closing: &str, answer: &str| CloseForm {
            closing: closing.into(),
            answer: answer.into(),
        };
        assert_eq!(
            check_close(&form("answered", " 訂正しました ")),
            Ok((DataRequestState::Answered, "訂正しました".into()))
        );
        let empty = check_close(&form("", "")).unwrap_err();
        assert_eq!(empty.code_for("closing"), Some("required"));
        assert_eq!(empty.code_for("answer"), Some("required"));
        assert!(
            check_close(&form("open", "x")).is_err(),
            "closing cannot reopen"
        );
    }
}
