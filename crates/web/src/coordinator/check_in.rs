//! `/{town}/coordinator/follow-ups/{id}/check-in`: the answer of a check-in 3, 6 or 12 months
//! after a placement — still working or not, and the weekly hours — chosen from lists, so the
//! town's numbers count them (`domain::introduction::check_in`), with a note in words.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::FieldErrors;
use domain::audit::{AuditAction, AuditTarget};
use domain::introduction::check_in::{CheckIn, CheckInStatus, HoursBand, months_of};
use serde::Deserialize;
use store::casework::FollowUp;

use crate::account::FormPage;
use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::WebError;
use crate::form::FieldView;
use crate::page::Page;
use crate::state::AppState;
use crate::town::CurrentTown;

/// The most characters of the note.
const ANSWER_CHARS: usize = 1000;

#[derive(Deserialize, Default)]
pub struct CheckInForm {
    #[serde(default)]
    check_in_status: String,
    #[serde(default)]
    check_in_hours: String,
    #[serde(default)]
    answer: String,
}

/// The page's address for a follow-up.
pub fn href(slug: &str, id: i64) -> String {
    format!("/{slug}/coordinator/follow-ups/{id}/check-in")
}

/// The form's answer, or the fields that are wrong.
fn check(months: u32, form: &CheckInForm) -> Result<(CheckIn, String), FieldErrors> {
    let answer = form.answer.trim();
    let parsed = CheckIn::parse(months, &form.check_in_status, &form.check_in_hours);
    let mut errors = parsed.clone().err().unwrap_or_default();
    if answer.chars().count() > ANSWER_CHARS {
        errors.add("answer", "too-long");
    }
    match parsed {
        Ok(check_in) if errors.is_empty() => Ok((check_in, answer.to_owned())),
        _ => Err(errors),
    }
}

/// The check-in's fields: how the person is doing, their hours, and what they said.
fn fields(page: &Page, form: &CheckInForm, errors: &FieldErrors) -> Vec<FieldView> {
    let statuses = crate::form::choices(page, CheckInStatus::ALL, |s| s.code());
    let hours = crate::form::choices(page, HoursBand::ALL, |h| h.code());
    vec![
        FieldView::new(
            page,
            "check_in_status",
            "select",
            &form.check_in_status,
            errors,
        )
        .options(statuses),
        FieldView::new(
            page,
            "check_in_hours",
            "select",
            &form.check_in_hours,
            errors,
        )
        .options(hours)
        .optional()
        .hint(page, "check-in-hours-hint"),
        FieldView::new(page, "answer", "textarea", &form.answer, errors)
            .optional()
            .max_chars(page, ANSWER_CHARS),
    ]
}

fn form_page(
    page: Page,
    (follow_up, months): (&FollowUp, u32),
    form: &CheckInForm,
    errors: &FieldErrors,
) -> FormPage {
    let slug = page
        .town
        .as_ref()
        .map(|t| t.slug.clone())
        .unwrap_or_default();
    let fields = fields(&page, form, errors);
    let lead = page.lang.t_args(
        "check-in-lead",
        &[
            ("name", follow_up.participant_name.clone()),
            ("months", months.to_string()),
            ("due", page.date(follow_up.due_on)),
        ],
    );
    let alert = crate::form::alert(&page, errors);
    let record = format!(
        "/{slug}/coordinator/participants/{}",
        follow_up.participant_id
    );
    let mut view = FormPage::new(
        page,
        "check-in-title",
        href(&slug, follow_up.id),
        "check-in-submit",
    )
    .alert(alert)
    .fields(fields)
    .link(record, "check-in-back");
    view.lead = Some(lead);
    view
}

/// The open check-in and its months, shown to the coordinator (a view of the person's
/// follow-up, recorded): not found when it is no check-in, done, or another town's.
async fn open_check_in(
    state: &AppState,
    town: &domain::Municipality,
    audit: &Audit,
    id: i64,
) -> Result<(FollowUp, u32), WebError> {
    let unshown = state.store.tenant(town).follow_up(id).await?;
    let follow_up = audit
        .reveal(
            unshown,
            Some(town.id),
            AuditAction::ParticipantFollowUpsViewed,
            (AuditTarget::FollowUp, &id.to_string()),
            "",
        )
        .await?
        .filter(|f| f.done_at.is_none())
        .ok_or(WebError::NotFound)?;
    let months = months_of(&follow_up.note).ok_or(WebError::NotFound)?;
    Ok((follow_up, months))
}

pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
    audit: Audit,
) -> Result<Response, WebError> {
    let (follow_up, months) = open_check_in(&state, &town, &audit, id).await?;
    let page = page.with_town(&town);
    let form = CheckInForm::default();
    Ok(
        form_page(page, (&follow_up, months), &form, &FieldErrors::default())
            .respond(StatusCode::OK),
    )
}

pub async fn record(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(coordinator): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
    audit: Audit,
    Form(form): Form<CheckInForm>,
) -> Result<Response, WebError> {
    let (follow_up, months) = open_check_in(&state, &town, &audit, id).await?;
    let (check_in, answer) = match check(months, &form) {
        Ok(answer) => answer,
        Err(errors) => {
            let page = page.with_town(&town);
            return Ok(form_page(page, (&follow_up, months), &form, &errors)
                .respond(StatusCode::UNPROCESSABLE_ENTITY));
        }
    };
    let done = state
        .store
        .tenant(&town)
        .complete_follow_up(id, coordinator.id, (&answer, Some(&check_in)))
        .await?;
    if done {
        audit
            .town_record(
                town.id,
                AuditAction::ParticipantFollowUpDone,
                (AuditTarget::FollowUp, id),
            )
            .await?;
    }
    Ok(Redirect::to(&format!(
        "/{}/coordinator/participants/{}?done=check-in",
        town.slug, follow_up.participant_id
    ))
    .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_note_is_refused_beside_the_choices() {
        let form = CheckInForm {
            check_in_status: "not_working".into(),
            check_in_hours: String::new(),
            answer: "あ".repeat(1001),
        };
        let errors = check(6, &form).unwrap_err();
        assert_eq!(errors.code_for("answer"), Some("too-long"));
        let form = CheckInForm {
            answer: " 元気に働いている ".into(),
            check_in_status: "still_working".into(),
            check_in_hours: "10_20".into(),
        };
        let (check_in, answer) = check(6, &form).unwrap();
        assert_eq!(answer, "元気に働いている");
        assert_eq!(check_in.hours, Some(HoursBand::From10To20));
    }
}
