//! Accepting an invitation: the invited person chooses their name and password, and the
//! account is created with the role the invitation names. A participant invited from the
//! town's list checks the name and furigana the list gave and consents to how their data is
//! handled; only then are they registered (`participant_import`).

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum_extra::extract::CookieJar;
use chrono::Utc;
use domain::account::{NewAccount, NewAccountInput};
use domain::audit::AuditAction;
use domain::{FieldErrors, Municipality, Role};
use serde::Deserialize;
use store::StoreError;
use store::invitation::Invitation;
use store::secret::token_digest;

use crate::account::FormPage;
use crate::audit_trail::Audit;
use crate::error::WebError;
use crate::form::FieldView;
use crate::page::Page;
use crate::state::AppState;
use crate::town::CurrentTown;

#[derive(Deserialize, Default)]
pub struct AcceptForm {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    furigana: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    privacy_consent: String,
}

impl AcceptForm {
    /// The form as first shown: a participant's name and furigana as the town's list gave.
    fn first(invitation: &Invitation) -> Self {
        Self {
            display_name: invitation.display_name.clone(),
            furigana: invitation.furigana.clone(),
            ..Self::default()
        }
    }
}

async fn open_invitation(
    state: &AppState,
    town: &Municipality,
    token: &str,
) -> Result<Invitation, WebError> {
    state
        .store
        .tenant(town)
        .invitation_by_token(&token_digest(token))
        .await?
        .filter(|invitation| invitation.is_open(Utc::now()))
        .ok_or(WebError::LinkGone)
}

fn accept_page(
    town: &Municipality,
    page: Page,
    invitation: &Invitation,
    token: &str,
    form: &AcceptForm,
    errors: &FieldErrors,
) -> FormPage {
    let page = page.with_town(town);
    let participant = invitation.role == Role::Participant;
    let role = page.label(invitation.role);
    let lead = page.lang.t_args(
        if participant {
            "invitation-participant-lead"
        } else {
            "invitation-lead"
        },
        &[("email", invitation.email.clone()), ("role", role)],
    );
    let mut fields = vec![
        FieldView::new(&page, "display_name", "text", &form.display_name, errors)
            .autocomplete("name"),
        FieldView::new(&page, "furigana", "text", &form.furigana, errors)
            .hint(&page, "field-furigana-hint"),
        FieldView::new(&page, "password", "password", "", errors)
            .autocomplete("new-password")
            .hint(&page, "field-password-hint"),
    ];
    if participant {
        fields.push(
            FieldView::new(
                &page,
                "privacy_consent",
                "checkbox",
                &form.privacy_consent,
                errors,
            )
            .hint(&page, "field-privacy-consent-hint"),
        );
    }
    let alert = crate::form::alert(&page, errors);
    let mut form_page = FormPage::new(
        page,
        if participant {
            "invitation-participant-title"
        } else {
            "invitation-title"
        },
        format!("/{}/invitations/{token}", town.slug),
        "invitation-submit",
    )
    .alert(alert)
    .fields(fields);
    form_page.lead = Some(lead);
    if participant {
        form_page = form_page.link(format!("/{}/privacy", town.slug), "signup-read-privacy");
    }
    form_page
}

pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    Path((_, token)): Path<(String, String)>,
    page: Page,
) -> Result<Response, WebError> {
    let invitation = open_invitation(&state, &town, &token).await?;
    Ok(accept_page(
        &town,
        page,
        &invitation,
        &token,
        &AcceptForm::first(&invitation),
        &FieldErrors::default(),
    )
    .respond(StatusCode::OK))
}

pub async fn accept(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    Path((_, token)): Path<(String, String)>,
    page: Page,
    audit: Audit,
    jar: CookieJar,
    Form(form): Form<AcceptForm>,
) -> Result<Response, WebError> {
    let invitation = open_invitation(&state, &town, &token).await?;
    let participant = invitation.role == Role::Participant;
    let account = match checked(&invitation, &form) {
        Ok(account) => account,
        Err(errors) => {
            return Ok(
                accept_page(&town, page, &invitation, &token, &form, &errors)
                    .respond(StatusCode::UNPROCESSABLE_ENTITY),
            );
        }
    };
    let created = create(&state, &town, (&token, participant), account).await?;
    let created = match created {
        Ok(created) => created,
        Err(StoreError::Conflict { .. }) => {
            let errors = FieldErrors::single("display_name", "invitation-email-taken");
            return Ok(
                accept_page(&town, page, &invitation, &token, &form, &errors)
                    .respond(StatusCode::CONFLICT),
            );
        }
        Err(err) => return Err(err.into()),
    };
    if participant {
        super::signup::tell_the_team(&state, &town, &created).await;
    }
    super::welcome(
        &state,
        (jar, &audit),
        (&created, &town, None),
        page.lang,
        (AuditAction::InvitationAccepted, invitation.role.code()),
    )
    .await
}

/// The new account the form describes, or the fields that are wrong: a participant must
/// also consent to the town's privacy policy.
fn checked(invitation: &Invitation, form: &AcceptForm) -> Result<NewAccount, FieldErrors> {
    let parsed = NewAccount::parse(&NewAccountInput {
        email: &invitation.email,
        display_name: &form.display_name,
        furigana: &form.furigana,
        password: &form.password,
    });
    let mut errors = parsed.as_ref().err().cloned().unwrap_or_default();
    if invitation.role == Role::Participant && form.privacy_consent != "yes" {
        errors.add("privacy_consent", "privacy-consent-required");
    }
    match parsed {
        Ok(account) if errors.is_empty() => Ok(account),
        _ => Err(errors),
    }
}

/// The invited account, written: a participant with their profile and consent, staff with
/// the role they were invited to. The outer error is the password's hashing failing; the
/// inner one is the store's answer, which the form reads (an email already taken).
async fn create(
    state: &AppState,
    town: &Municipality,
    (token, participant): (&str, bool),
    account: NewAccount,
) -> Result<Result<store::account::Account, StoreError>, WebError> {
    if participant {
        let record = super::signup::participant_record(account).await?;
        return Ok(register(state, town, token, &record).await);
    }
    let hash = super::hashed(account.password.clone()).await?;
    Ok(state
        .store
        .tenant(town)
        .accept_invitation(
            &token_digest(token),
            &account.display_name,
            account.furigana.as_str(),
            &hash,
            Utc::now(),
        )
        .await)
}

/// Registers an invited participant with their consent to the town's privacy policy.
async fn register(
    state: &AppState,
    town: &Municipality,
    token: &str,
    record: &store::account::NewAccountRecord,
) -> Result<store::account::Account, StoreError> {
    let tenant = state.store.tenant(town);
    let version = tenant.privacy_version().await?;
    tenant
        .accept_participant_invitation(&token_digest(token), record, &version)
        .await
}
