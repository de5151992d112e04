//! Accepting an invitation: the invited person chooses their name and password, and the
//! account is created with the role the invitation names.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum_extra::extract::CookieJar;
use chrono::Utc;
use domain::account::{NewAccount, NewAccountInput};
use domain::audit::AuditAction;
use domain::{FieldErrors, Municipality};
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
    let role = page.label(invitation.role);
    let lead = page.lang.t_args(
        "invitation-lead",
        &[("email", invitation.email.clone()), ("role", role)],
    );
    let fields = vec![
        FieldView::new(&page, "display_name", "text", &form.display_name, errors)
            .autocomplete("name"),
        FieldView::new(&page, "furigana", "text", &form.furigana, errors)
            .hint(&page, "field-furigana-hint"),
        FieldView::new(&page, "password", "password", "", errors)
            .autocomplete("new-password")
            .hint(&page, "field-password-hint"),
    ];
    let alert = crate::form::alert(&page, errors);
    let mut form_page = FormPage::new(
        page,
        "invitation-title",
        format!("/{}/invitations/{token}", town.slug),
        "invitation-submit",
    )
    .alert(alert)
    .fields(fields);
    form_page.lead = Some(lead);
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
        &AcceptForm::default(),
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
    let parsed = NewAccount::parse(&NewAccountInput {
        email: &invitation.email,
        display_name: &form.display_name,
        furigana: &form.furigana,
        password: &form.password,
    });
    let account = match parsed {
        Ok(account) => account,
        Err(errors) => {
            return Ok(
                accept_page(&town, page, &invitation, &token, &form, &errors)
                    .respond(StatusCode::UNPROCESSABLE_ENTITY),
            );
        }
    };
    let hash = super::hashed(account.password.clone()).await?;
    let created = match state
        .store
        .tenant(&town)
        .accept_invitation(
            &token_digest(&token),
            &account.display_name,
            account.furigana.as_str(),
            &hash,
            Utc::now(),
        )
        .await
    {
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
    super::welcome(
        &state,
        (jar, &audit),
        (&created, &town, None),
        page.lang,
        (AuditAction::InvitationAccepted, invitation.role.code()),
    )
    .await
}
