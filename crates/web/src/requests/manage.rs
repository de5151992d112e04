//! What an organization member and a coordinator share on one request's page: the request as
//! an audience manages it ([`Managed`]), its page, its edit form, saving an edit, and the
//! workflow moves. `organization` and `review` hold only their audience's handlers.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::FieldErrors;
use domain::audit::{AuditAction, AuditTarget};
use domain::request::{RequestDraft, RequestStatus, Reviewer, review};
use domain::travel::TravelTable;
use serde::Deserialize;
use store::request::{RequestSkill, StoredRequest};

use super::close;
use super::form::{FormExtras, RequestForm, render_form_for};
use super::view::{EventView, RequestView, events};
use crate::audit_trail::Audit;
use crate::error::WebError;
use crate::page::{Page, render};
use crate::state::AppState;

/// A request as one audience manages it: who acts on it, and the address of its page.
pub struct Managed {
    pub request: StoredRequest,
    pub by: Reviewer,
    pub base: String,
}

impl Managed {
    pub fn new(town: &domain::Municipality, request: StoredRequest, by: Reviewer) -> Self {
        let area = match by {
            Reviewer::Coordinator => "coordinator",
            Reviewer::Organization => "org",
        };
        let base = format!("/{}/{area}/requests/{}", town.slug, request.id);
        Self { request, by, base }
    }
}

#[derive(askama::Template)]
#[template(path = "requests/manage.html")]
pub struct ManagePage {
    pub page: Page,
    pub request: RequestView,
    pub events: Vec<EventView>,
    pub edit_href: Option<String>,
    pub status_action: String,
    /// The moves that keep the request open: (form value, button words).
    pub actions: Vec<(String, String)>,
    /// The moves that end it, each asked about on its own page: (page, button words).
    pub closings: Vec<(String, String)>,
    pub notice: Option<String>,
    pub coordinator: bool,
    /// The engine's ranked candidates (coordinators only).
    pub candidates: Vec<super::matches::MatchView>,
    /// The engine's team proposal for a team project (coordinators only).
    pub team: Option<super::team_view::TeamView>,
    /// The residents who asked about the request (coordinators only).
    pub interested: Vec<super::interested::InterestView>,
}

#[derive(Deserialize, Default)]
pub struct ShowQuery {
    done: Option<String>,
    edit: Option<String>,
}

/// What the page says after a redirect: a change to the request, or an introduction made
/// from its shortlist that came back here (a duplicate, a note too long).
pub fn notice(page: &Page, done: Option<&str>) -> Option<String> {
    match done? {
        "saved" => Some(page.t("request-saved")),
        "saved-for-review" => Some(page.t("request-saved-for-review")),
        "moved" => Some(page.t("request-moved")),
        "stale" => Some(page.t("request-stale")),
        "answered" => Some(page.t("interest-answered")),
        other => page.done_notice(Some(other), crate::introduction_done::Done::from_code),
    }
}

/// What only coordinators see on a request's page: the engine's proposals, and the residents
/// who asked about it.
#[derive(Default)]
pub struct Proposals {
    pub candidates: Vec<super::matches::MatchView>,
    pub team: Option<super::team_view::TeamView>,
    pub interested: Vec<super::interested::InterestView>,
}

/// The request's edit form, if the page was asked for it and the request is still open.
pub async fn edit_response(
    (state, tenant): (&AppState, &store::TenantStore<'_>),
    page: &Page,
    (managed, skills): (&Managed, &[RequestSkill]),
    query: &ShowQuery,
) -> Result<Option<Response>, WebError> {
    let open = !matches!(managed.request.status()?, RequestStatus::Closed(_));
    if query.edit.is_none() || !open {
        return Ok(None);
    }
    let form = RequestForm::from_stored(&managed.request, skills);
    let areas = tenant.travel_table().await?;
    Ok(Some(render_form_for(
        state,
        page.clone(),
        managed.base.clone(),
        (&form, &areas),
        &FieldErrors::default(),
        StatusCode::OK,
        edit_extras(managed)?,
    )))
}

/// An organization editing its published request is told that changed terms go back to
/// review.
fn edit_extras(managed: &Managed) -> Result<FormExtras, WebError> {
    let published = managed.request.status()? == RequestStatus::Published;
    Ok(FormExtras {
        review_lead: published && managed.by == Reviewer::Organization,
        ..FormExtras::default()
    })
}

/// A request's page: the request, its history, and the moves the viewer may make.
pub async fn manage_response(
    (state, tenant): (&AppState, &store::TenantStore<'_>),
    page: Page,
    (managed, skills): (&Managed, &[RequestSkill]),
    query: &ShowQuery,
    proposals: Proposals,
) -> Result<Response, WebError> {
    let Managed { request, by, base } = managed;
    let status = request.status()?;
    let moves = super::moves::available(status, *by);
    let view = ManagePage {
        request: RequestView::new(state, &page, request, skills),
        events: events(&page, tenant.request_events(request.id).await?),
        edit_href: (!matches!(status, RequestStatus::Closed(_))).then(|| format!("{base}?edit=1")),
        status_action: format!("{base}/status"),
        actions: moves
            .iter()
            .filter(|m| !close::needs_confirmation(m))
            .map(|m| (m.code.to_owned(), page.t(m.button_key)))
            .collect(),
        closings: moves
            .iter()
            .filter(|m| close::needs_confirmation(m))
            .map(|m| (close::confirm_href(managed, m), page.t(m.button_key)))
            .collect(),
        notice: notice(&page, query.done.as_deref()),
        coordinator: *by == Reviewer::Coordinator,
        candidates: proposals.candidates,
        team: proposals.team,
        interested: proposals.interested,
        page,
    };
    Ok(render(StatusCode::OK, &view))
}

/// Saves an edit by an organization member or a coordinator; a published request keeps its
/// status, and the history records what changed.
pub async fn save_edit(
    (state, town): (&AppState, &domain::Municipality),
    (page, audit): (Page, Audit),
    account: &store::account::Account,
    managed: Managed,
    mut form: RequestForm,
) -> Result<Response, WebError> {
    let extras = edit_extras(&managed)?;
    let Managed { request, base, by } = managed;
    form.kind = request.kind.code().to_owned();
    let page = page.with_town(town);
    let tenant = state.store.tenant(town);
    let areas = tenant.travel_table().await?;
    let errors = if form.grid_pressed() {
        FieldErrors::default()
    } else {
        match form.parse(state, &town.prefecture, &areas) {
            Ok(draft) => {
                let checked = (&form, &draft, &areas);
                let managed = (&request, by, base.as_str());
                return save_draft((state, town), (&audit, account), managed, checked).await;
            }
            Err(errors) => errors,
        }
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let typed = (&form, &areas);
    Ok(render_form_for(
        state, page, base, typed, &errors, status, extras,
    ))
}

/// Saves a checked edit from the status the editor saw; a published request whose terms an
/// organization changed goes back to review.
async fn save_draft(
    (state, town): (&AppState, &domain::Municipality),
    (audit, account): (&Audit, &store::account::Account),
    (request, by, base): (&StoredRequest, Reviewer, &str),
    (form, draft, areas): (&RequestForm, &RequestDraft, &TravelTable),
) -> Result<Response, WebError> {
    let tenant = state.store.tenant(town);
    let before = RequestForm::from_stored(request, &tenant.request_skills(request.id).await?);
    let changed = before.changed_fields(form).join(", ");
    let seen = request.status()?;
    // What it asked for before, checked the same way; a request that no longer passes
    // (its start date has gone by) counts as changed.
    let terms_changed = before
        .parse(state, &town.prefecture, areas)
        .map_or(true, |was| was.terms_differ(draft));
    let to = domain::request::after_edit(seen, by, terms_changed);
    match tenant
        .update_request((request.id, seen, to), draft, account.id, &changed)
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
    let done = if to == seen {
        "saved"
    } else {
        "saved-for-review"
    };
    Ok(Redirect::to(&format!("{base}?done={done}")).into_response())
}

#[derive(Deserialize)]
pub struct StatusForm {
    pub action: String,
    /// The status the person saw, so a stale form changes nothing.
    pub from: String,
    #[serde(default)]
    pub comment: String,
    /// `yes` from the confirmation page a move that ends the request needs.
    #[serde(default)]
    pub confirmed: String,
}

/// Applies a workflow move if it is legal from the status the person saw; a stale form gets
/// a notice, never a 500.
pub async fn apply_move(
    (state, town): (&AppState, &domain::Municipality),
    (page, audit): (Page, &Audit),
    account: &store::account::Account,
    managed: &Managed,
    form: &StatusForm,
) -> Result<Response, WebError> {
    let Managed { request, by, base } = managed;
    let chosen = super::moves::parse(&form.action, *by).ok_or(WebError::BadRequest)?;
    if close::needs_confirmation(chosen) && form.confirmed != "yes" {
        return Ok(Redirect::to(&close::confirm_href(managed, chosen)).into_response());
    }
    let comment = match close::check_comment(&form.comment) {
        Ok(comment) => comment,
        Err(errors) => {
            let page = page.with_town(town);
            return close::confirm_response(page, managed, chosen, (&form.comment, &errors));
        }
    };
    let action = chosen.action;
    // Only open requests have moves; the form says which status the person saw.
    let seen = match form.from.as_str() {
        "draft" => Some(RequestStatus::Draft),
        "submitted" => Some(RequestStatus::Submitted),
        "published" => Some(RequestStatus::Published),
        _ => None,
    };
    let Some(seen) = seen else {
        return Err(WebError::BadRequest);
    };
    let Ok(to) = review(seen, action, *by) else {
        return Ok(Redirect::to(&format!("{base}?done=stale")).into_response());
    };
    let moved = state
        .store
        .tenant(town)
        .move_request(request.id, seen, to, chosen.step, account.id, &comment)
        .await?;
    if !moved {
        return Ok(Redirect::to(&format!("{base}?done=stale")).into_response());
    }
    audit
        .record(
            Some(town.id),
            chosen.audit,
            AuditTarget::Request,
            &request.id.to_string(),
            &comment,
        )
        .await?;
    Ok(Redirect::to(&format!("{base}?done=moved")).into_response())
}
