//! The operator console: create towns, invite each town's first staff, read the audit log and
//! the outbox across towns.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use domain::audit::{AuditAction, AuditTarget};
use domain::municipality::{EligibilityRule, MunicipalityInput};
use domain::{FieldErrors, NewMunicipality, Role};
use serde::Deserialize;
use store::StoreError;

use crate::audit_trail::Audit;
use crate::audit_view::{self, AuditQuery};
use crate::auth::SignedIn;
use crate::error::WebError;
use crate::form::FieldView;
use crate::invite;
use crate::page::{Page, render, town_name};
use crate::town::CurrentTown;
use crate::{routes::Routes, state::AppState};

pub fn routes() -> Routes {
    Routes::new()
        .route("/operator/", get(console))
        .route("/operator/towns", post(create_town))
        .route("/operator/towns/{town}/invitations", post(invite_staff))
        .route("/operator/audit", get(audit_log))
        .route("/operator/outbox", get(outbox))
}

#[derive(Deserialize, Default)]
pub struct TownForm {
    #[serde(default)]
    slug: String,
    #[serde(default)]
    name_ja: String,
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    eligibility: String,
    #[serde(default)]
    fiscal_year_start: String,
    #[serde(default)]
    contact_email: String,
    #[serde(default)]
    contact_phone: String,
    #[serde(default)]
    prefecture: String,
}

#[derive(Deserialize, Default)]
pub struct InviteForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
}

#[derive(Deserialize, Default)]
pub struct Done {
    done: Option<String>,
}

struct TownRow {
    slug: String,
    name: String,
    invite_action: String,
    email_error: Option<String>,
    email_value: String,
}

#[derive(askama::Template)]
#[template(path = "operator/console.html")]
struct Console {
    page: Page,
    notice: Option<String>,
    alert: Option<crate::form::Alert>,
    towns: Vec<TownRow>,
    town_fields: Vec<FieldView>,
    roles: Vec<(String, String)>,
}

/// What went wrong on which form, to show it there.
enum FormState<'a> {
    Clean,
    Town(&'a TownForm, &'a FieldErrors),
    Invite(&'a str, &'a InviteForm, &'a FieldErrors),
}

/// The form that registers a town.
fn town_fields(state: &AppState, page: &Page, form: &TownForm, e: &FieldErrors) -> Vec<FieldView> {
    let eligibility = crate::form::labelled(page, &EligibilityRule::ALL, EligibilityRule::code);
    vec![
        FieldView::new(page, "slug", "text", &form.slug, e).hint(page, "field-slug-hint"),
        FieldView::new(page, "name_ja", "text", &form.name_ja, e),
        FieldView::new(page, "name_en", "text", &form.name_en, e),
        FieldView::new(page, "eligibility", "select", &form.eligibility, e).options(eligibility),
        FieldView::new(
            page,
            "fiscal_year_start",
            "number",
            &form.fiscal_year_start,
            e,
        ),
        FieldView::new(page, "contact_email", "email", &form.contact_email, e),
        FieldView::new(page, "contact_phone", "tel", &form.contact_phone, e).optional(),
        FieldView::new(page, "prefecture", "select", &form.prefecture, e).options(
            state
                .minimum_wage
                .prefectures()
                .into_iter()
                .map(|(code, ja, en)| {
                    (
                        code,
                        if page.lang == crate::i18n::Lang::En {
                            en
                        } else {
                            ja
                        },
                    )
                })
                .collect(),
        ),
    ]
}

/// One town of the console's list, with its invitation form.
fn town_row(page: &Page, form: &FormState<'_>, town: &domain::Municipality) -> TownRow {
    let (email_error, email_value) = match form {
        FormState::Invite(slug, invite, errors) if *slug == town.slug.as_str() => (
            crate::form::error_text(page, errors, "email"),
            invite.email.clone(),
        ),
        _ => (None, String::new()),
    };
    TownRow {
        invite_action: format!("/operator/towns/{}/invitations", town.slug),
        name: town_name(page.lang, town).to_owned(),
        slug: town.slug.to_string(),
        email_error,
        email_value,
    }
}

async fn console_page(
    state: &AppState,
    page: Page,
    form: FormState<'_>,
    notice: Option<&str>,
) -> Result<Console, WebError> {
    let (town_form, town_errors) = match &form {
        FormState::Town(f, e) => ((*f).clone_form(), (*e).clone()),
        _ => (
            TownForm {
                fiscal_year_start: "4".into(),
                eligibility: "residents_or_workers".into(),
                ..TownForm::default()
            },
            FieldErrors::default(),
        ),
    };
    let towns = state
        .store
        .municipalities()
        .await?
        .into_iter()
        .map(|town| town_row(&page, &form, &town))
        .collect();
    let town_fields = town_fields(state, &page, &town_form, &town_errors);
    let roles = crate::form::labelled(&page, &[Role::Coordinator, Role::TownOfficer], Role::code);
    let alert = (!matches!(form, FormState::Clean))
        .then(|| crate::form::Alert::text(page.t("error-422-message")));
    Ok(Console {
        notice: notice.map(|key| page.t(key)),
        alert,
        page,
        towns,
        town_fields,
        roles,
    })
}

impl TownForm {
    fn clone_form(&self) -> TownForm {
        TownForm {
            slug: self.slug.clone(),
            name_ja: self.name_ja.clone(),
            name_en: self.name_en.clone(),
            eligibility: self.eligibility.clone(),
            fiscal_year_start: self.fiscal_year_start.clone(),
            contact_email: self.contact_email.clone(),
            contact_phone: self.contact_phone.clone(),
            prefecture: self.prefecture.clone(),
        }
    }
}

async fn console(
    State(state): State<AppState>,
    page: Page,
    Query(done): Query<Done>,
) -> Result<Response, WebError> {
    let notice = match done.done.as_deref() {
        Some("town-created") => Some("operator-town-created"),
        Some("invited") => Some("invitation-sent"),
        _ => None,
    };
    let view = console_page(&state, page, FormState::Clean, notice).await?;
    Ok(render(StatusCode::OK, &view))
}

async fn create_town(
    State(state): State<AppState>,
    page: Page,
    audit: Audit,
    Form(form): Form<TownForm>,
) -> Result<Response, WebError> {
    let parsed = NewMunicipality::parse(&MunicipalityInput {
        slug: &form.slug,
        name_ja: &form.name_ja,
        name_en: &form.name_en,
        eligibility: &form.eligibility,
        fiscal_year_start: &form.fiscal_year_start,
        contact_email: &form.contact_email,
        contact_phone: &form.contact_phone,
        prefecture: &form.prefecture,
    });
    let errors = match parsed {
        Ok(new) => match state.store.create_municipality(&new).await {
            Ok(town) => {
                audit
                    .record(
                        Some(town.id),
                        AuditAction::MunicipalityCreate,
                        AuditTarget::Municipality,
                        town.slug.as_str(),
                        "",
                    )
                    .await?;
                return Ok(Redirect::to("/operator/?done=town-created").into_response());
            }
            Err(StoreError::Conflict { field }) => FieldErrors::single(field, "slug-taken"),
            Err(err) => return Err(err.into()),
        },
        Err(errors) => errors,
    };
    let view = console_page(&state, page, FormState::Town(&form, &errors), None).await?;
    Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view))
}

async fn invite_staff(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(operator): SignedIn,
    page: Page,
    audit: Audit,
    Form(form): Form<InviteForm>,
) -> Result<Response, WebError> {
    let role = Role::from_code(&form.role).filter(|role| operator.role.may_invite(*role));
    let (email, role) = match (invite::parse_email(&form.email), role) {
        (Ok(email), Some(role)) => (email, role),
        (Err(errors), _) => {
            let view = console_page(
                &state,
                page,
                FormState::Invite(town.slug.as_str(), &form, &errors),
                None,
            )
            .await?;
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view));
        }
        (Ok(_), None) => return Err(WebError::Forbidden),
    };
    invite::send(
        &state, &audit, page.lang, &town, &operator, &email, role, None,
    )
    .await?;
    Ok(Redirect::to("/operator/?done=invited").into_response())
}

async fn audit_log(
    State(state): State<AppState>,
    page: Page,
    audit: Audit,
    Query(query): Query<AuditQuery>,
) -> Result<Response, WebError> {
    audit_view::respond(&state, (page, &audit), None, "/operator/audit", &query).await
}

async fn outbox(
    State(state): State<AppState>,
    page: Page,
    audit: Audit,
) -> Result<Response, WebError> {
    crate::outbox_view::respond(&state, (page, audit), None).await
}
