//! Recording hearings and follow-ups from a participant's record, and completing follow-ups.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use chrono::{NaiveDate, Utc};
use domain::FieldErrors;
use domain::audit::{AuditAction, AuditTarget};
use domain::local_time::to_jst;
use serde::Deserialize;
use store::account::AccountId;
use store::casework::NewHearing;

use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::WebError;
use crate::form::FieldView;
use crate::page::{Page, render};
use crate::policy;
use crate::state::AppState;
use crate::town::CurrentTown;

#[derive(Deserialize, Default, Debug)]
pub struct HearingForm {
    #[serde(default)]
    held_on: String,
    #[serde(default)]
    goals: String,
    #[serde(default)]
    worries: String,
    #[serde(default)]
    constraints_confirmed: String,
    #[serde(default)]
    notes: String,
    #[serde(default)]
    confirm_skill: Vec<String>,
    #[serde(default)]
    follow_up_on: String,
    #[serde(default)]
    follow_up_note: String,
}

#[derive(Deserialize, Default, Debug)]
pub struct FollowUpForm {
    #[serde(default)]
    due_on: String,
    #[serde(default)]
    note: String,
}

/// What a hearing says, as typed: (held on, goals, worries, constraints confirmed, notes).
pub(super) type Content<'a> = (&'a str, &'a str, &'a str, &'a str, &'a str);

/// The fields of what a hearing says, shared by recording one and correcting it.
pub(super) fn content_fields(page: &Page, typed: Content<'_>, e: &FieldErrors) -> Vec<FieldView> {
    let (held_on, goals, worries, constraints_confirmed, notes) = typed;
    vec![
        FieldView::new(page, "held_on", "date", held_on, e),
        FieldView::new(page, "goals", "textarea", goals, e).optional(),
        FieldView::new(page, "worries", "textarea", worries, e).optional(),
        FieldView::new(
            page,
            "constraints_confirmed",
            "checkbox",
            constraints_confirmed,
            e,
        )
        .optional(),
        FieldView::new(page, "notes", "textarea", notes, e).optional(),
    ]
}

/// What a hearing says, checked: held today or before, texts within their lengths.
pub(super) struct Checked {
    pub held_on: Option<NaiveDate>,
    pub goals: String,
    pub worries: String,
    pub notes: String,
}

pub(super) fn check_content(
    errors: &mut FieldErrors,
    typed: Content<'_>,
    today: NaiveDate,
) -> Checked {
    let (held_on, goals, worries, _, notes) = typed;
    Checked {
        held_on: date_field(errors, "held_on", held_on, When::TodayOrBefore, today),
        goals: limited(errors, "goals", goals, 2000),
        worries: limited(errors, "worries", worries, 2000),
        notes: limited(errors, "notes", notes, 4000),
    }
}

impl HearingForm {
    fn content(&self) -> Content<'_> {
        (
            &self.held_on,
            &self.goals,
            &self.worries,
            &self.constraints_confirmed,
            &self.notes,
        )
    }
}

pub fn hearing_fields(page: &Page, form: &HearingForm, e: &FieldErrors) -> Vec<FieldView> {
    let today = to_jst(Utc::now()).date_naive().to_string();
    let held_on = if form.held_on.is_empty() {
        today.as_str()
    } else {
        form.held_on.as_str()
    };
    let (_, goals, worries, constraints_confirmed, notes) = form.content();
    let typed = (held_on, goals, worries, constraints_confirmed, notes);
    let mut fields = content_fields(page, typed, e);
    fields.extend([
        FieldView::new(page, "follow_up_on", "date", &form.follow_up_on, e)
            .optional()
            .hint(page, "field-follow-up-on-hint"),
        FieldView::new(page, "follow_up_note", "text", &form.follow_up_note, e).optional(),
    ]);
    fields
}

pub fn follow_up_fields(page: &Page, form: &FollowUpForm, e: &FieldErrors) -> Vec<FieldView> {
    vec![
        FieldView::new(page, "due_on", "date", &form.due_on, e),
        FieldView::new(page, "note", "text", &form.note, e).optional(),
    ]
}

/// Which side of today a date must fall on.
#[derive(Clone, Copy)]
pub(super) enum When {
    TodayOrBefore,
    TodayOrAfter,
}

/// Parses a date field, reporting an invalid or out-of-range date on `field`.
pub(super) fn date_field(
    errors: &mut FieldErrors,
    field: &'static str,
    raw: &str,
    when: When,
    today: NaiveDate,
) -> Option<NaiveDate> {
    match (NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").ok(), when) {
        (None, _) => {
            errors.add(field, "date-invalid");
            None
        }
        (Some(d), When::TodayOrBefore) if d > today => {
            errors.add(field, "date-in-future");
            None
        }
        (Some(d), When::TodayOrAfter) if d < today => {
            errors.add(field, "date-in-past");
            None
        }
        (Some(d), _) => Some(d),
    }
}

pub(super) fn limited(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
    max: usize,
) -> String {
    if value.chars().count() > max {
        errors.add(field, "too-long");
    }
    value.trim().to_owned()
}

/// A participant's record, for a coordinator's page: the view is recorded, naming them, before
/// anything of it can be shown.
pub async fn participant_or_404(
    state: &AppState,
    town: &domain::Municipality,
    (viewer, audit): (&store::account::Account, &Audit),
    id: i64,
) -> Result<store::participant::ParticipantRecord, WebError> {
    let unshown = state
        .store
        .tenant(town)
        .participant_for_staff(AccountId(id))
        .await?;
    audit
        .reveal(
            unshown,
            Some(town.id),
            AuditAction::ParticipantView,
            (AuditTarget::Participant, &id.to_string()),
            "",
        )
        .await?
        .filter(|p| policy::may_view_participant(viewer, &p.account))
        .ok_or(WebError::NotFound)
}

/// The hearing form, checked: dates in their ranges (held today or before, the follow-up
/// today or after), texts within their lengths.
fn parse_hearing(
    form: &HearingForm,
    (participant, coordinator): (AccountId, AccountId),
    today: chrono::NaiveDate,
) -> Result<NewHearing, FieldErrors> {
    let mut errors = FieldErrors::default();
    let Checked {
        held_on,
        goals,
        worries,
        notes,
    } = check_content(&mut errors, form.content(), today);
    let follow_up_note = limited(&mut errors, "follow_up_note", &form.follow_up_note, 200);
    let follow_up = if form.follow_up_on.trim().is_empty() {
        None
    } else {
        date_field(
            &mut errors,
            "follow_up_on",
            &form.follow_up_on,
            When::TodayOrAfter,
            today,
        )
        .map(|d| (d, follow_up_note))
    };
    let Some(held_on) = held_on.filter(|_| errors.is_empty()) else {
        return Err(errors);
    };
    Ok(NewHearing {
        participant,
        coordinator,
        held_on,
        goals,
        worries,
        constraints_confirmed: form.constraints_confirmed == "yes",
        notes,
        confirmed_skills: form.confirm_skill.clone(),
        follow_up,
    })
}

pub async fn add_hearing(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(coordinator): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
    audit: Audit,
    Form(form): Form<HearingForm>,
) -> Result<Response, WebError> {
    let record = participant_or_404(&state, &town, (&coordinator, &audit), id).await?;
    let today = to_jst(Utc::now()).date_naive();
    let hearing = match parse_hearing(&form, (AccountId(id), coordinator.id), today) {
        Ok(hearing) => hearing,
        Err(errors) => {
            let page = page.with_town(&town);
            let view = super::participants::record_page(
                &state,
                &town,
                page,
                record,
                &form,
                &FollowUpForm::default(),
                &errors,
            )
            .await?;
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view));
        }
    };
    let hearing_id = state.store.tenant(&town).record_hearing(&hearing).await?;
    audit
        .record(
            Some(town.id),
            AuditAction::ParticipantHearingRecorded,
            AuditTarget::Hearing,
            &hearing_id.to_string(),
            &id.to_string(),
        )
        .await?;
    Ok(Redirect::to(&format!(
        "/{}/coordinator/participants/{id}?done=hearing",
        town.slug
    ))
    .into_response())
}

pub async fn add_follow_up(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(coordinator): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
    audit: Audit,
    Form(form): Form<FollowUpForm>,
) -> Result<Response, WebError> {
    let record = participant_or_404(&state, &town, (&coordinator, &audit), id).await?;
    let mut errors = FieldErrors::default();
    let note = limited(&mut errors, "note", &form.note, 200);
    let today = to_jst(Utc::now()).date_naive();
    let due_on = date_field(
        &mut errors,
        "due_on",
        &form.due_on,
        When::TodayOrAfter,
        today,
    );

    let Some(due_on) = due_on.filter(|_| errors.is_empty()) else {
        let page = page.with_town(&town);
        let view = super::participants::record_page(
            &state,
            &town,
            page,
            record,
            &HearingForm::default(),
            &form,
            &errors,
        )
        .await?;
        return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view));
    };
    state
        .store
        .tenant(&town)
        .add_follow_up(AccountId(id), coordinator.id, due_on, &note)
        .await?;
    audit
        .record(
            Some(town.id),
            AuditAction::ParticipantFollowUpScheduled,
            AuditTarget::Participant,
            &id.to_string(),
            &due_on.to_string(),
        )
        .await?;
    Ok(Redirect::to(&format!(
        "/{}/coordinator/participants/{id}?done=follow-up",
        town.slug
    ))
    .into_response())
}

#[derive(Deserialize, Default)]
pub struct DoneForm {
    #[serde(default)]
    back: String,
    /// What was learned (e.g. the answers of an outcome check-in); at most 1,000 characters.
    #[serde(default)]
    answer: String,
}

pub async fn complete_follow_up(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(coordinator): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    audit: Audit,
    Form(form): Form<DoneForm>,
) -> Result<Response, WebError> {
    // Completing twice (a double click) is fine: the second does nothing.
    let answer = form.answer.trim();
    if answer.chars().count() > 1000 {
        return Err(WebError::BadRequest);
    }
    // A check-in is answered on its own page, with its choices.
    let tenant = state.store.tenant(&town);
    if tenant.open_check_in(id).await?.is_some() {
        return Ok(Redirect::to(&super::check_in::href(town.slug.as_str(), id)).into_response());
    }
    // Another town's follow-up, or none at all, is not found: nothing changes, nothing is
    // recorded as done.
    let done = tenant
        .complete_follow_up(id, coordinator.id, (answer, None))
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
    let back = if crate::language_switch::is_local_path(&form.back)
        && form
            .back
            .starts_with(&format!("/{}/coordinator/", town.slug))
    {
        form.back
    } else {
        format!("/{}/coordinator/", town.slug)
    };
    Ok(Redirect::to(&back).into_response())
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    #[test]
    fn a_hearing_is_held_today_or_before_and_followed_up_today_or_after() {
        let who = (AccountId(5), AccountId(2));
        let form = HearingForm {
            held_on: "2026-12-01".into(),
            goals: "週3日、午前中".into(),
            follow_up_on: "2026-12-15".into(),
            follow_up_note: "求人の紹介".into(),
            ..HearingForm::default()
        };
        let hearing = parse_hearing(&form, who, day(1)).unwrap();
        assert_eq!(hearing.held_on, day(1));
        assert_eq!(hearing.follow_up, Some((day(15), "求人の紹介".to_owned())));

        let future = HearingForm {
            held_on: "2026-12-02".into(),
            follow_up_on: "2026-11-30".into(),
            ..HearingForm::default()
        };
        let errors = parse_hearing(&future, who, day(1)).unwrap_err();
        assert!(errors.code_for("held_on").is_some());
        assert!(errors.code_for("follow_up_on").is_some());

        let long = HearingForm {
            held_on: "2026-12-01".into(),
            notes: "あ".repeat(4001),
            ..HearingForm::default()
        };
        let errors = parse_hearing(&long, who, day(1)).unwrap_err();
        assert!(errors.code_for("notes").is_some());
    }
}
