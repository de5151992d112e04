//! Correcting a hearing afterwards, on a page of its own: the form holds the hearing as it
//! stands; saving keeps the earlier version, with the reason, in the hearing's history.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use chrono::Utc;
use domain::FieldErrors;
use domain::audit::{AuditAction, AuditTarget};
use domain::local_time::to_jst;
use serde::Deserialize;
use store::account::AccountId;
use store::casework::Hearing;
use store::hearing_revision::HearingCorrection;

use super::casework::{Checked, check_content, content_fields, participant_or_404};
use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::WebError;
use crate::form::FieldView;
use crate::page::{Page, render};
use crate::state::AppState;
use crate::town::CurrentTown;

#[derive(Deserialize, Default, Debug)]
pub struct CorrectionForm {
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
    correction_reason: String,
}

impl CorrectionForm {
    /// The form holding the hearing as it stands.
    fn of(h: &Hearing) -> Self {
        Self {
            held_on: h.held_on.to_string(),
            goals: h.goals.clone(),
            worries: h.worries.clone(),
            constraints_confirmed: if h.constraints_confirmed { "yes" } else { "" }.into(),
            notes: h.notes.clone(),
            correction_reason: String::new(),
        }
    }

    fn content(&self) -> super::casework::Content<'_> {
        (
            &self.held_on,
            &self.goals,
            &self.worries,
            &self.constraints_confirmed,
            &self.notes,
        )
    }

    /// Checked as a new hearing is, and a reason is required.
    fn parse(&self, today: chrono::NaiveDate) -> Result<HearingCorrection, FieldErrors> {
        let mut errors = FieldErrors::default();
        let Checked {
            held_on,
            goals,
            worries,
            notes,
        } = check_content(&mut errors, self.content(), today);
        let reason = domain::field_errors::text(
            &mut errors,
            "correction_reason",
            &self.correction_reason,
            500,
            true,
        );
        let Some(held_on) = held_on.filter(|_| errors.is_empty()) else {
            return Err(errors);
        };
        Ok(HearingCorrection {
            held_on,
            goals,
            worries,
            constraints_confirmed: self.constraints_confirmed == "yes",
            notes,
            reason,
        })
    }
}

#[derive(askama::Template)]
#[template(path = "coordinator/hearing_edit.html")]
struct EditPage {
    page: Page,
    name: String,
    fields: Vec<FieldView>,
    has_errors: bool,
    action: String,
    back_href: String,
}

fn fields(page: &Page, form: &CorrectionForm, e: &FieldErrors) -> Vec<FieldView> {
    let mut fields = content_fields(page, form.content(), e);
    fields.push(
        FieldView::new(
            page,
            "correction_reason",
            "text",
            &form.correction_reason,
            e,
        )
        .hint(page, "field-correction-reason-hint"),
    );
    fields
}

fn edit_page(
    page: Page,
    (town, id, hearing): (&domain::Municipality, i64, i64),
    name: String,
    (form, errors): (&CorrectionForm, &FieldErrors),
) -> EditPage {
    let back_href = format!("/{}/coordinator/participants/{id}", town.slug);
    EditPage {
        fields: fields(&page, form, errors),
        has_errors: !errors.is_empty(),
        action: format!("{back_href}/hearings/{hearing}/edit"),
        back_href,
        name,
        page,
    }
}

/// The person (the view is audited) and their hearing; another person's hearing is not found.
async fn hearing_of(
    state: &AppState,
    town: &domain::Municipality,
    (viewer, audit): (&store::account::Account, &Audit),
    (id, hearing): (i64, i64),
) -> Result<(String, Hearing), WebError> {
    let record = participant_or_404(state, town, (viewer, audit), id).await?;
    let found = state
        .store
        .tenant(town)
        .hearings(AccountId(id))
        .await?
        .into_iter()
        .find(|h| h.id == hearing)
        .ok_or(WebError::NotFound)?;
    Ok((record.account.display_name, found))
}

pub async fn form(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(viewer): SignedIn,
    Path((_, id, hearing)): Path<(String, i64, i64)>,
    page: Page,
    audit: Audit,
) -> Result<Response, WebError> {
    let (name, found) = hearing_of(&state, &town, (&viewer, &audit), (id, hearing)).await?;
    let form = CorrectionForm::of(&found);
    let none = FieldErrors::default();
    let view = edit_page(
        page.with_town(&town),
        (&town, id, hearing),
        name,
        (&form, &none),
    );
    Ok(render(StatusCode::OK, &view))
}

pub async fn save(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(viewer): SignedIn,
    Path((_, id, hearing)): Path<(String, i64, i64)>,
    (page, audit): (Page, Audit),
    Form(form): Form<CorrectionForm>,
) -> Result<Response, WebError> {
    let (name, _) = hearing_of(&state, &town, (&viewer, &audit), (id, hearing)).await?;
    let correction = match form.parse(to_jst(Utc::now()).date_naive()) {
        Ok(correction) => correction,
        Err(errors) => {
            let view = edit_page(
                page.with_town(&town),
                (&town, id, hearing),
                name,
                (&form, &errors),
            );
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view));
        }
    };
    let tenant = state.store.tenant(&town);
    if !tenant
        .correct_hearing((AccountId(id), hearing), &correction, viewer.id)
        .await?
    {
        return Err(WebError::NotFound);
    }
    audit
        .record(
            Some(town.id),
            AuditAction::ParticipantHearingCorrected,
            AuditTarget::Hearing,
            &hearing.to_string(),
            &id.to_string(),
        )
        .await?;
    let to = format!(
        "/{}/coordinator/participants/{id}?done=hearing-corrected",
        town.slug
    );
    Ok(Redirect::to(&to).into_response())
}
