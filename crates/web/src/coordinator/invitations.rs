//! Coordinators invite organization members: an email and the organization's name.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::local_time::to_jst;
use domain::{FieldErrors, Municipality, Role};
use serde::Deserialize;

use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::WebError;
use crate::form::FieldView;
use crate::invite;
use crate::page::{Page, render};
use crate::state::AppState;
use crate::town::CurrentTown;

#[derive(Deserialize, Default)]
pub struct InviteForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    organization: String,
}

#[derive(Deserialize, Default)]
pub struct Done {
    done: Option<String>,
}

struct InvitationRow {
    email: String,
    role: String,
    created: String,
    status: String,
}

#[derive(askama::Template)]
#[template(path = "coordinator/invitations.html")]
struct InvitationsPage {
    page: Page,
    action: String,
    notice: Option<String>,
    alert: Option<crate::form::Alert>,
    fields: Vec<FieldView>,
    rows: Vec<InvitationRow>,
}

async fn page_for(
    state: &AppState,
    town: &Municipality,
    page: Page,
    form: &InviteForm,
    errors: &FieldErrors,
    notice: Option<String>,
) -> Result<InvitationsPage, WebError> {
    let page = page.with_town(town);
    let now = chrono::Utc::now();
    let rows = state
        .store
        .tenant(town)
        .invitations(50)
        .await?
        .into_iter()
        .map(|i| InvitationRow {
            status: page.t(if i.accepted_at.is_some() {
                "invitation-status-accepted"
            } else if i.is_open(now) {
                "invitation-status-open"
            } else {
                "invitation-status-expired"
            }),
            role: page.label(i.role),
            email: i.email,
            created: page.date(to_jst(i.created_at).date_naive()),
        })
        .collect();
    let fields = vec![
        FieldView::new(&page, "email", "email", &form.email, errors),
        FieldView::new(&page, "organization", "text", &form.organization, errors)
            .hint(&page, "field-organization-hint"),
    ];
    let alert = crate::form::alert(&page, errors);
    Ok(InvitationsPage {
        page,
        action: format!("/{}/coordinator/invitations", town.slug),
        notice,
        alert,
        fields,
        rows,
    })
}

pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    Query(done): Query<Done>,
) -> Result<Response, WebError> {
    let notice = done
        .done
        .filter(|d| d == "sent")
        .map(|_| page.t("invitation-sent"));
    let view = page_for(
        &state,
        &town,
        page,
        &InviteForm::default(),
        &FieldErrors::default(),
        notice,
    )
    .await?;
    Ok(render(StatusCode::OK, &view))
}

pub async fn create(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(coordinator): SignedIn,
    page: Page,
    audit: Audit,
    Form(form): Form<InviteForm>,
) -> Result<Response, WebError> {
    let mut errors = FieldErrors::default();
    let email = invite::parse_email(&form.email).map_err(|e| {
        if let Some(code) = e.code_for("email") {
            errors.add("email", code);
        }
    });
    let organization = form.organization.trim();
    if organization.is_empty() {
        errors.add("organization", "required");
    } else if organization.chars().count() > 100 {
        errors.add("organization", "too-long");
    }
    let email = match email {
        Ok(email) if errors.is_empty() => email,
        _ => {
            let view = page_for(&state, &town, page, &form, &errors, None).await?;
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view));
        }
    };
    let org = state
        .store
        .tenant(&town)
        .organization_named(organization)
        .await?;
    invite::send(
        &state,
        &audit,
        page.lang,
        &town,
        &coordinator,
        &email,
        Role::OrganizationMember,
        Some(org.id),
    )
    .await?;
    Ok(Redirect::to(&format!("/{}/coordinator/invitations?done=sent", town.slug)).into_response())
}
