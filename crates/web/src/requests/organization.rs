//! The organization's side: writing requests, submitting and withdrawing them.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use domain::FieldErrors;
use domain::audit::{AuditAction, AuditTarget};
use domain::request::{RequestKind, Reviewer};
use serde::Deserialize;
use store::request::StoredRequest;

use super::form::{RequestForm, render_form};
use super::manage::{
    Managed, Proposals, ShowQuery, StatusForm, apply_move, edit_response, manage_response,
    save_edit,
};
use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::WebError;
use crate::page::Page;
use crate::policy;
use crate::state::AppState;
use crate::town::CurrentTown;

#[derive(Deserialize, Default)]
pub struct KindQuery {
    kind: Option<String>,
}

pub async fn new_form(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    Query(query): Query<KindQuery>,
) -> Result<Response, WebError> {
    let kind = query
        .kind
        .as_deref()
        .and_then(RequestKind::from_code)
        .unwrap_or(RequestKind::Job);
    let form = RequestForm::new(kind);
    let page = page.with_town(&town);
    let areas = state.store.tenant(&town).travel_table().await?;
    Ok(render_form(
        &state,
        page,
        format!("/{}/org/requests/new", town.slug),
        (&form, &areas),
        &FieldErrors::default(),
        StatusCode::OK,
    ))
}

pub async fn create(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    page: Page,
    audit: Audit,
    Form(mut form): Form<RequestForm>,
) -> Result<Response, WebError> {
    let organization_id = account.organization_id.ok_or(WebError::Forbidden)?;
    let page = page.with_town(&town);
    let areas = state.store.tenant(&town).travel_table().await?;
    if form.grid_pressed() {
        let action = format!("/{}/org/requests/new", town.slug);
        return Ok(render_form(
            &state,
            page,
            action,
            (&form, &areas),
            &FieldErrors::default(),
            StatusCode::OK,
        ));
    }
    let draft = match form.parse(&state, &town.prefecture, &areas) {
        Ok(draft) => draft,
        Err(errors) => {
            let action = format!("/{}/org/requests/new", town.slug);
            return Ok(render_form(
                &state,
                page,
                action,
                (&form, &areas),
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            ));
        }
    };
    let id = state
        .store
        .tenant(&town)
        .create_request(organization_id, &draft, account.id)
        .await?;
    audit
        .town_record(
            town.id,
            AuditAction::RequestCreate,
            (AuditTarget::Request, id),
        )
        .await?;
    Ok(Redirect::to(&format!("/{}/org/requests/{id}?done=saved", town.slug)).into_response())
}

/// The request, if it belongs to the member's organization.
async fn own_request(
    state: &AppState,
    town: &domain::Municipality,
    account: &store::account::Account,
    id: i64,
) -> Result<StoredRequest, WebError> {
    state
        .store
        .tenant(town)
        .request(id)
        .await?
        .filter(|r| policy::may_manage_request(account, r.organization_id))
        .ok_or(WebError::NotFound)
}

pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
    Query(query): Query<ShowQuery>,
) -> Result<Response, WebError> {
    let request = own_request(&state, &town, &account, id).await?;
    let managed = Managed::new(&town, request, Reviewer::Organization);
    let tenant = state.store.tenant(&town);
    let skills = tenant.request_skills(id).await?;
    let page = page.with_town(&town);
    if let Some(form) = edit_response((&state, &tenant), &page, (&managed, &skills), &query).await?
    {
        return Ok(form);
    }
    let shown = (&managed, skills.as_slice());
    manage_response((&state, &tenant), page, shown, &query, Proposals::default()).await
}

pub async fn update(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    (page, audit): (Page, Audit),
    Form(form): Form<RequestForm>,
) -> Result<Response, WebError> {
    let request = own_request(&state, &town, &account, id).await?;
    let managed = Managed::new(&town, request, Reviewer::Organization);
    save_edit((&state, &town), (page, audit), &account, managed, form).await
}

pub async fn change_status(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    (page, audit): (Page, Audit),
    Form(form): Form<StatusForm>,
) -> Result<Response, WebError> {
    let request = own_request(&state, &town, &account, id).await?;
    let managed = Managed::new(&town, request, Reviewer::Organization);
    apply_move((&state, &town), (page, &audit), &account, &managed, &form).await
}

/// Asks before a move that ends the request (see `super::close`).
pub async fn confirm_close(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
    Query(query): Query<super::close::CloseQuery>,
) -> Result<Response, WebError> {
    let request = own_request(&state, &town, &account, id).await?;
    let managed = Managed::new(&town, request, Reviewer::Organization);
    super::close::show_confirm(page.with_town(&town), &managed, &query)
}
