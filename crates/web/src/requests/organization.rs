//! The organization's side: its dashboard, writing requests, submitting and withdrawing them.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use domain::FieldErrors;
use domain::audit::{AuditAction, AuditTarget};
use domain::request::{RequestKind, RequestStatus, Reviewer};
use serde::Deserialize;
use store::request::{RequestSkill, StoredRequest};

use super::form::{RequestForm, render_form};
use super::view::{EventView, RequestView, events};
use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::{Found, WebError};
use crate::page::{Page, render};
use crate::policy;
use crate::state::AppState;
use crate::town::CurrentTown;

struct Row {
    href: String,
    title: String,
    kind: String,
    status: String,
}

#[derive(askama::Template)]
#[template(path = "requests/dashboard.html")]
struct Dashboard {
    page: Page,
    heading: String,
    rows: Vec<Row>,
    base: String,
}

pub async fn dashboard(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    page: Page,
) -> Result<Response, WebError> {
    let organization_id = account.organization_id.ok_or(WebError::Forbidden)?;
    let tenant = state.store.tenant(&town);
    let organization = tenant.organization(organization_id).await.found()?;
    let page = page.with_town(&town);
    let base = format!("/{}/org", town.slug);
    let rows = tenant
        .requests_of_organization(organization_id)
        .await?
        .into_iter()
        .map(|r| Row {
            href: format!("{base}/requests/{}", r.id),
            kind: page.label(r.kind),
            status: r.status().map(|s| page.label(s)).unwrap_or_default(),
            title: r.title,
        })
        .collect();
    let heading = page.t1("organization-home-heading", "name", &organization.name);
    Ok(render(
        StatusCode::OK,
        &Dashboard {
            page,
            heading,
            rows,
            base,
        },
    ))
}

#[derive(Deserialize, Default)]
pub struct KindQuery {
    kind: Option<String>,
}

pub async fn new_form(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    Query(query): Query<KindQuery>,
) -> Response {
    let kind = query
        .kind
        .as_deref()
        .and_then(RequestKind::from_code)
        .unwrap_or(RequestKind::Job);
    let form = RequestForm::new(kind);
    let page = page.with_town(&town);
    render_form(
        &state,
        page,
        format!("/{}/org/requests/new", town.slug),
        &form,
        &FieldErrors::default(),
        StatusCode::OK,
    )
}

pub async fn create(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    page: Page,
    audit: Audit,
    Form(form): Form<RequestForm>,
) -> Result<Response, WebError> {
    let organization_id = account.organization_id.ok_or(WebError::Forbidden)?;
    let page = page.with_town(&town);
    let draft = match form.parse(&state, &town.prefecture) {
        Ok(draft) => draft,
        Err(errors) => {
            let action = format!("/{}/org/requests/new", town.slug);
            return Ok(render_form(
                &state,
                page,
                action,
                &form,
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

#[derive(askama::Template)]
#[template(path = "requests/manage.html")]
pub struct ManagePage {
    pub page: Page,
    pub request: RequestView,
    pub events: Vec<EventView>,
    pub edit_href: Option<String>,
    pub status_action: String,
    pub actions: Vec<(String, String)>,
    pub notice: Option<String>,
    pub coordinator: bool,
    /// The engine's ranked candidates (coordinators only).
    pub candidates: Vec<super::matches::MatchView>,
    /// The engine's team proposal for a team project (coordinators only).
    pub team: Option<super::matches::TeamView>,
}

#[derive(Deserialize, Default)]
pub struct ShowQuery {
    done: Option<String>,
    edit: Option<String>,
}

pub fn notice(page: &Page, done: Option<&str>) -> Option<String> {
    match done? {
        "saved" => Some(page.t("request-saved")),
        "moved" => Some(page.t("request-moved")),
        "stale" => Some(page.t("request-stale")),
        _ => None,
    }
}

/// The parts of a request's page that differ by who is looking.
pub struct Viewer {
    pub by: Reviewer,
    pub candidates: Vec<super::matches::MatchView>,
    pub team: Option<super::matches::TeamView>,
}

/// The request's edit form, if the page was asked for it and the request is still open.
pub fn edit_response(
    state: &AppState,
    page: &Page,
    base: &str,
    request: &StoredRequest,
    skills: &[RequestSkill],
    query: &ShowQuery,
) -> Result<Option<Response>, WebError> {
    let open = !matches!(request.status()?, RequestStatus::Closed(_));
    Ok((query.edit.is_some() && open).then(|| {
        let form = RequestForm::from_stored(request, skills);
        render_form(
            state,
            page.clone(),
            base.to_owned(),
            &form,
            &FieldErrors::default(),
            StatusCode::OK,
        )
    }))
}

/// A request's page: the request, its history, and the moves the viewer may make.
#[allow(clippy::too_many_arguments)]
pub async fn manage_response(
    state: &AppState,
    tenant: &store::TenantStore<'_>,
    page: Page,
    request: &StoredRequest,
    skills: &[RequestSkill],
    base: &str,
    query: &ShowQuery,
    viewer: Viewer,
) -> Result<Response, WebError> {
    let status = request.status()?;
    let view = ManagePage {
        request: RequestView::new(state, &page, request, skills),
        events: events(&page, tenant.request_events(request.id).await?),
        edit_href: (!matches!(status, RequestStatus::Closed(_))).then(|| format!("{base}?edit=1")),
        status_action: format!("{base}/status"),
        actions: super::moves::available(&page, status, viewer.by),
        notice: notice(&page, query.done.as_deref()),
        coordinator: viewer.by == Reviewer::Coordinator,
        candidates: viewer.candidates,
        team: viewer.team,
        page,
    };
    Ok(render(StatusCode::OK, &view))
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
    let tenant = state.store.tenant(&town);
    let skills = tenant.request_skills(id).await?;
    let base = format!("/{}/org/requests/{id}", town.slug);
    let page = page.with_town(&town);
    if let Some(form) = edit_response(&state, &page, &base, &request, &skills, &query)? {
        return Ok(form);
    }
    let viewer = Viewer {
        by: Reviewer::Organization,
        candidates: Vec::new(),
        team: None,
    };
    manage_response(
        &state, &tenant, page, &request, &skills, &base, &query, viewer,
    )
    .await
}

pub async fn update(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
    audit: Audit,
    Form(form): Form<RequestForm>,
) -> Result<Response, WebError> {
    let request = own_request(&state, &town, &account, id).await?;
    save_edit(
        &state,
        &town,
        page,
        audit,
        &account,
        request,
        form,
        format!("/{}/org/requests/{id}", town.slug),
    )
    .await
}

/// Saves an edit by an organization member or a coordinator; a published request keeps its
/// status, and the history records what changed.
#[allow(clippy::too_many_arguments)]
pub async fn save_edit(
    state: &AppState,
    town: &domain::Municipality,
    page: Page,
    audit: Audit,
    account: &store::account::Account,
    request: StoredRequest,
    mut form: RequestForm,
    base: String,
) -> Result<Response, WebError> {
    form.kind = request.kind.code().to_owned();
    let page = page.with_town(town);
    let draft = match form.parse(state, &town.prefecture) {
        Ok(draft) => draft,
        Err(errors) => {
            return Ok(render_form(
                state,
                page,
                base,
                &form,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            ));
        }
    };
    let tenant = state.store.tenant(town);
    let before = RequestForm::from_stored(&request, &tenant.request_skills(request.id).await?);
    let changed = before.changed_fields(&form).join(", ");
    match tenant
        .update_request(request.id, &draft, account.id, &changed)
        .await
    {
        Ok(()) => {}
        Err(store::StoreError::NotFound) => {
            return Ok(Redirect::to(&format!("{base}?done=stale")).into_response());
        }
        Err(err) => return Err(err.into()),
    }
    audit
        .record(
            Some(town.id),
            AuditAction::RequestEdit,
            AuditTarget::Request,
            &request.id.to_string(),
            &changed,
        )
        .await?;
    Ok(Redirect::to(&format!("{base}?done=saved")).into_response())
}

#[derive(Deserialize)]
pub struct StatusForm {
    pub action: String,
    /// The status the person saw, so a stale form changes nothing.
    pub from: String,
    #[serde(default)]
    pub comment: String,
}

pub async fn change_status(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    audit: Audit,
    Form(form): Form<StatusForm>,
) -> Result<Response, WebError> {
    let request = own_request(&state, &town, &account, id).await?;
    let action =
        super::moves::parse(&form.action, Reviewer::Organization).ok_or(WebError::BadRequest)?;
    let base = format!("/{}/org/requests/{id}", town.slug);
    super::review::apply_move(
        &state,
        &town,
        &audit,
        &account,
        &request,
        &form,
        action,
        Reviewer::Organization,
        &base,
    )
    .await
}
