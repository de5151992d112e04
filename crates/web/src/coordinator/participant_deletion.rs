//! `/{town}/coordinator/participants/{id}/delete`: a coordinator deletes a participant's
//! account when the person asks at the counter or on the phone, recording how they asked and
//! how their identity was checked (`domain::account_deletion`). The deletion itself is the
//! person's own (`my_data::deletion`).

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use domain::FieldErrors;
use domain::Role;
use domain::account_deletion::{DeletionChannel, IdentityCheck};
use domain::audit::{AuditAction, AuditTarget};
use serde::Deserialize;
use store::account::{Account, AccountId};

use crate::account::FormPage;
use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::{Found, WebError};
use crate::form::FieldView;
use crate::my_data::deletion::{Asked, delete_account};
use crate::page::Page;
use crate::state::AppState;
use crate::town::CurrentTown;

#[derive(Deserialize, Default)]
pub struct DeletionForm {
    #[serde(default)]
    deletion_channel: String,
    #[serde(default)]
    identity_check: String,
}

/// The form's choice, or the fields that are wrong.
fn check(form: &DeletionForm) -> Result<(DeletionChannel, IdentityCheck), FieldErrors> {
    let mut errors = FieldErrors::default();
    let channel = DeletionChannel::STAFF
        .into_iter()
        .find(|c| c.code() == form.deletion_channel);
    let identity = IdentityCheck::STAFF
        .into_iter()
        .find(|c| c.code() == form.identity_check);
    if channel.is_none() {
        errors.add("deletion_channel", "required");
    }
    match (identity, channel) {
        (None, _) => errors.add("identity_check", "required"),
        (Some(i), Some(c)) if !i.fits(c) => errors.add("identity_check", "identity-check-unfit"),
        _ => {}
    }
    match (channel, identity) {
        (Some(c), Some(i)) if errors.is_empty() => Ok((c, i)),
        _ => Err(errors),
    }
}

fn form_page(page: Page, person: &Account, form: &DeletionForm, errors: &FieldErrors) -> FormPage {
    let slug = page
        .town
        .as_ref()
        .map(|t| t.slug.clone())
        .unwrap_or_default();
    let channels = crate::form::choices(&page, &DeletionChannel::STAFF, |c| c.code());
    let checks = crate::form::choices(&page, &IdentityCheck::STAFF, |c| c.code());
    let fields = vec![
        FieldView::new(
            &page,
            "deletion_channel",
            "select",
            &form.deletion_channel,
            errors,
        )
        .options(channels),
        FieldView::new(
            &page,
            "identity_check",
            "select",
            &form.identity_check,
            errors,
        )
        .options(checks),
    ];
    let lead = page.t1("staff-delete-lead", "name", &person.display_name);
    let alert = crate::form::alert(&page, errors);
    let mut view = FormPage::new(
        page,
        "staff-delete-title",
        format!("/{slug}/coordinator/participants/{}/delete", person.id.0),
        "staff-delete-submit",
    )
    .alert(alert)
    .fields(fields)
    .link(
        format!("/{slug}/coordinator/participants/{}", person.id.0),
        "staff-delete-back",
    );
    view.lead = Some(lead);
    view
}

/// The participant, if the id is one of this town's participants not yet deleted.
async fn participant(
    state: &AppState,
    town: &domain::Municipality,
    id: i64,
) -> Result<Account, WebError> {
    let account = state
        .store
        .tenant(town)
        .account(AccountId(id))
        .await
        .found()?;
    if account.role != Role::Participant || account.deleted {
        return Err(WebError::NotFound);
    }
    Ok(account)
}

pub async fn confirm(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
    audit: Audit,
) -> Result<Response, WebError> {
    let person = participant(&state, &town, id).await?;
    audit
        .town_record(
            town.id,
            AuditAction::ParticipantView,
            (AuditTarget::Participant, id),
        )
        .await?;
    let page = page.with_town(&town);
    Ok(form_page(
        page,
        &person,
        &DeletionForm::default(),
        &FieldErrors::default(),
    )
    .respond(StatusCode::OK))
}

pub async fn delete(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(staff): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
    audit: Audit,
    Form(form): Form<DeletionForm>,
) -> Result<Response, WebError> {
    let person = participant(&state, &town, id).await?;
    let page = page.with_town(&town);
    let (channel, identity_check) = match check(&form) {
        Ok(choice) => choice,
        Err(errors) => {
            return Ok(
                form_page(page, &person, &form, &errors).respond(StatusCode::UNPROCESSABLE_ENTITY)
            );
        }
    };
    let asked = Asked {
        channel,
        identity_check,
        handled_by: Some(staff.id),
    };
    delete_account(&state, &town, &person, asked).await?;
    audit
        .town_record(
            town.id,
            AuditAction::AccountDeletedByStaff,
            (AuditTarget::Account, id),
        )
        .await?;
    let slug = town.slug.as_str().to_owned();
    Ok(FormPage::new(
        page,
        "staff-deleted-title",
        String::new(),
        "staff-delete-submit",
    )
    .notice(Some("staff-deleted-body"))
    .link(
        format!("/{slug}/coordinator/participants"),
        "staff-deleted-back",
    )
    .respond(StatusCode::OK))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(channel: &str, identity: &str) -> DeletionForm {
        DeletionForm {
            deletion_channel: channel.into(),
            identity_check: identity.into(),
        }
    }

    #[test]
    fn staff_name_how_the_person_asked_and_how_they_were_checked() {
        assert_eq!(
            check(&form("counter", "photo_id")),
            Ok((DeletionChannel::Counter, IdentityCheck::PhotoId))
        );
        let none = check(&form("", "")).unwrap_err();
        assert_eq!(none.code_for("deletion_channel"), Some("required"));
        assert_eq!(none.code_for("identity_check"), Some("required"));
        let unfit = check(&form("counter", "call_back")).unwrap_err();
        assert_eq!(
            unfit.code_for("identity_check"),
            Some("identity-check-unfit")
        );
        let own = check(&form("site", "password")).unwrap_err();
        assert!(own.code_for("deletion_channel").is_some());
    }
}
