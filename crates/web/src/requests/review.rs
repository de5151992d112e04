//! The coordinator's side: the review queue, publishing, returning with comments, closing,
//! editing on an organization's behalf, and turning enquiries into organizations.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use domain::Role;
use domain::audit::{AuditAction, AuditTarget};
use domain::local_time::to_jst;
use domain::organization::EnquiryStatus;
use domain::request::Reviewer;
use serde::Deserialize;
use store::StoreError;
use store::organization::NewOrganization;
use store::request::StoredRequest;

use super::form::RequestForm;
use super::manage::{
    Managed, Proposals, ShowQuery, StatusForm, apply_move, edit_response, manage_response,
    save_edit,
};
use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::{Found, WebError};
use crate::invite;
use crate::page::{Page, render};
use crate::state::AppState;
use crate::town::CurrentTown;

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    status: String,
}

struct Row {
    href: String,
    title: String,
    organization: String,
    kind: String,
    status: String,
    updated: String,
}

#[derive(askama::Template)]
#[template(path = "requests/queue.html")]
struct Queue {
    page: Page,
    new_job: String,
    new_project: String,
    tabs: Vec<(String, String, bool)>,
    rows: Vec<Row>,
    /// (href, words) of each file the tab's requests can be downloaded as.
    export_links: Vec<(String, String)>,
    alert: Option<crate::form::Alert>,
}

domain::coded!(
    /// The review queue's tabs, from `?status=…` (審査待ち first, and by default).
    QueueTab {
        Submitted = "submitted" => "request-tab-submitted",
        Published = "published" => "request-tab-published",
        Draft = "draft" => "request-tab-draft",
        Closed = "closed" => "request-tab-closed",
        All = "all" => "request-tab-all",
    }
);

impl QueueTab {
    /// The status it lists (every status for `All`).
    pub(super) fn status(self) -> Option<&'static str> {
        Some(self.code()).filter(|_| self != QueueTab::All)
    }

    /// How many requests it holds, from the counts per status.
    fn count(self, counts: &[(String, i64)]) -> i64 {
        counts
            .iter()
            .filter(|(status, _)| self.status().is_none_or(|s| s == status))
            .map(|(_, n)| n)
            .sum()
    }
}

/// The tabs as (link, words with the count, shown).
fn queue_tabs(
    page: &Page,
    base: &str,
    shown: QueueTab,
    counts: &[(String, i64)],
) -> Vec<(String, String, bool)> {
    QueueTab::ALL
        .iter()
        .map(|tab| {
            let words = page.counted(&page.label(*tab), tab.count(counts));
            (
                format!("{base}?status={}", tab.code()),
                words,
                *tab == shown,
            )
        })
        .collect()
}

pub async fn list(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    Query(query): Query<ListQuery>,
) -> Result<Response, WebError> {
    let shown = QueueTab::from_code(&query.status).unwrap_or(QueueTab::Submitted);
    queue(&state, (&town, page), shown, None).await
}

/// The queue at tab `shown`; `refused` is a file of it that could not be made (it says why).
pub(super) async fn queue(
    state: &AppState,
    (town, page): (&domain::Municipality, Page),
    shown: QueueTab,
    refused: Option<crate::form::Alert>,
) -> Result<Response, WebError> {
    let tenant = state.store.tenant(town);
    let requests = tenant.requests_in_status(shown.status(), 200).await?;
    let counts = tenant.request_status_counts().await?;
    let page = page.with_town(town);
    let base = format!("/{}/coordinator/requests", town.slug);
    let tabs = queue_tabs(&page, &base, shown, &counts);
    let rows = requests
        .into_iter()
        .map(|r| Row {
            href: format!("{base}/{}", r.id),
            kind: page.label(r.kind),
            status: r.status().map(|s| page.label(s)).unwrap_or_default(),
            updated: page.date(to_jst(r.updated_at).date_naive()),
            organization: r.organization_name,
            title: r.title,
        })
        .collect();
    let status = if refused.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let view = Queue {
        new_job: format!("{base}/new?kind=job"),
        new_project: format!("{base}/new?kind=team_project"),
        tabs,
        rows,
        export_links: export_links(&page, &base, shown),
        alert: refused,
        page,
    };
    Ok(render(status, &view))
}

/// (href, words) of each file the tab's requests can be downloaded as.
fn export_links(page: &Page, base: &str, shown: QueueTab) -> Vec<(String, String)> {
    crate::spreadsheet::FileFormat::ALL
        .iter()
        .map(|f| {
            let href = format!("{base}/export?status={}&format={}", shown.code(), f.code());
            (href, page.label(*f))
        })
        .collect()
}

#[derive(Deserialize, Default)]
pub struct NewQuery {
    kind: Option<String>,
}

async fn organization_options(
    state: &AppState,
    town: &domain::Municipality,
) -> Result<Vec<(String, String)>, WebError> {
    Ok(state
        .store
        .tenant(town)
        .organizations()
        .await?
        .into_iter()
        .map(|o| (o.id.to_string(), o.name))
        .collect())
}

/// A coordinator writes a request on an organization's behalf.
pub async fn new_form(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    Query(query): Query<NewQuery>,
) -> Result<Response, WebError> {
    let kind = query
        .kind
        .as_deref()
        .and_then(domain::request::RequestKind::from_code)
        .unwrap_or(domain::request::RequestKind::Job);
    let page = page.with_town(&town);
    let options = organization_options(&state, &town).await?;
    let action = format!("/{}/coordinator/requests/new", town.slug);
    let areas = state.store.tenant(&town).travel_table().await?;
    Ok(super::form::render_form_for(
        &state,
        page,
        action,
        (&RequestForm::new(kind), &areas),
        &domain::FieldErrors::default(),
        StatusCode::OK,
        super::form::FormExtras::choosing(options),
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
    let pressed = form.grid_pressed();
    let organization = match form.organization.parse::<i64>() {
        Ok(id) => state.store.tenant(&town).organization(id).await?,
        Err(_) => None,
    };
    let areas = state.store.tenant(&town).travel_table().await?;
    let parsed = form.parse(&state, &town.prefecture, &areas);
    let (Some(organization), Ok(draft), false) = (organization.as_ref(), parsed.as_ref(), pressed)
    else {
        let mut errors = parsed.err().unwrap_or_default();
        if organization.is_none() {
            errors.add("organization", "choose-one");
        }
        let status = if pressed {
            errors = domain::FieldErrors::default();
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
        let page = page.with_town(&town);
        let options = organization_options(&state, &town).await?;
        let action = format!("/{}/coordinator/requests/new", town.slug);
        return Ok(super::form::render_form_for(
            &state,
            page,
            action,
            (&form, &areas),
            &errors,
            status,
            super::form::FormExtras::choosing(options),
        ));
    };
    let id = state
        .store
        .tenant(&town)
        .create_request(organization.id, draft, account.id)
        .await?;
    audit
        .record(
            Some(town.id),
            AuditAction::RequestCreate,
            AuditTarget::Request,
            &id.to_string(),
            "on behalf",
        )
        .await?;
    Ok(Redirect::to(&format!(
        "/{}/coordinator/requests/{id}?done=saved",
        town.slug
    ))
    .into_response())
}

async fn town_request(
    state: &AppState,
    town: &domain::Municipality,
    id: i64,
) -> Result<StoredRequest, WebError> {
    state.store.tenant(town).request(id).await.found()
}

pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    Path((_, id)): Path<(String, i64)>,
    (page, audit): (Page, Audit),
    Query(query): Query<ShowQuery>,
) -> Result<Response, WebError> {
    let request = town_request(&state, &town, id).await?;
    let managed = Managed::new(&town, request, Reviewer::Coordinator);
    let tenant = state.store.tenant(&town);
    let skills = tenant.request_skills(id).await?;
    let page = page.with_town(&town);
    if let Some(form) = edit_response((&state, &tenant), &page, (&managed, &skills), &query).await?
    {
        return Ok(form);
    }
    let proposals = proposals(&state, (&tenant, &town), &page, &managed, &skills, &audit).await?;
    let shown = (&managed, skills.as_slice());
    manage_response((&state, &tenant), page, shown, &query, proposals).await
}

/// The residents who asked about a request and the engine's candidates (or team), each
/// recorded as shown to the coordinator.
async fn proposals(
    state: &AppState,
    (tenant, town): (&store::TenantStore<'_>, &domain::Municipality),
    page: &Page,
    managed: &Managed,
    skills: &[store::request::RequestSkill],
    audit: &Audit,
) -> Result<Proposals, WebError> {
    let request = managed.request.id.to_string();
    let interests = audit
        .reveal(
            tenant.interests_in_request(managed.request.id).await?,
            Some(town.id),
            AuditAction::InterestList,
            (AuditTarget::Request, &request),
            "",
        )
        .await?;
    let travel = tenant.travel_table().await?;
    let opening =
        store::matching_input::opening(&state.taxonomy, &travel, &managed.request, skills);
    let team_needs = opening.team_needs();
    let ids: Vec<i64> = interests.iter().map(|i| i.participant_id).collect();
    let slug = town.slug.as_str();
    let proposed =
        super::matches::for_request((state, tenant), (page, slug), (opening, team_needs), &ids)
            .await?;
    let (candidates, team) = audit
        .reveal(
            proposed.named,
            Some(town.id),
            AuditAction::ParticipantShortlist,
            (AuditTarget::Request, &request),
            "",
        )
        .await?;
    let interested = interests
        .iter()
        .map(|i| {
            let fit = proposed.interested.get(&i.participant_id);
            super::interested::interest_view(page, (slug, &managed.base), i, fit)
        })
        .collect();
    Ok(Proposals {
        candidates,
        team,
        interested,
    })
}

pub async fn update(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    (page, audit): (Page, Audit),
    Form(form): Form<RequestForm>,
) -> Result<Response, WebError> {
    let request = town_request(&state, &town, id).await?;
    let managed = Managed::new(&town, request, Reviewer::Coordinator);
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
    let request = town_request(&state, &town, id).await?;
    let managed = Managed::new(&town, request, Reviewer::Coordinator);
    apply_move((&state, &town), (page, &audit), &account, &managed, &form).await
}

struct EnquiryRow {
    id: i64,
    organization: String,
    kind: String,
    location: String,
    contact: String,
    email: String,
    phone: String,
    message: String,
    status: String,
    open: bool,
    created: String,
}

#[derive(askama::Template)]
#[template(path = "requests/enquiries.html")]
struct EnquiriesPage {
    page: Page,
    rows: Vec<EnquiryRow>,
    base: String,
    notice: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct Done {
    done: Option<String>,
}

pub async fn enquiries(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    audit: Audit,
    Query(done): Query<Done>,
) -> Result<Response, WebError> {
    audit
        .record(
            Some(town.id),
            AuditAction::EnquiryList,
            AuditTarget::Enquiry,
            "",
            "",
        )
        .await?;
    let page = page.with_town(&town);
    let rows = state
        .store
        .tenant(&town)
        .enquiries(100)
        .await?
        .into_iter()
        .map(|e| EnquiryRow {
            id: e.id,
            kind: page.label(e.kind),
            location: page.label(e.location),
            status: page.label(e.status),
            open: e.status == EnquiryStatus::New,
            created: page.date(to_jst(e.created_at).date_naive()),
            organization: e.organization_name,
            contact: e.contact_person,
            email: e.email,
            phone: e.phone,
            message: e.message,
        })
        .collect();
    let notice = match done.done.as_deref() {
        Some("approved") => Some(page.t("enquiry-approved")),
        Some("declined") => Some(page.t("enquiry-declined")),
        Some("taken") => Some(page.t("enquiry-name-taken")),
        _ => None,
    };
    Ok(render(
        StatusCode::OK,
        &EnquiriesPage {
            page,
            rows,
            base: format!("/{}/coordinator/enquiries", town.slug),
            notice,
        },
    ))
}

#[derive(Deserialize)]
pub struct EnquiryDecision {
    decision: String,
}

/// Approving creates the organization and invites the contact as its first member; a name
/// already taken in the town says so and changes nothing.
async fn approve_enquiry(
    state: &AppState,
    town: &domain::Municipality,
    (audit, coordinator): (&Audit, &store::account::Account),
    lang: crate::i18n::Lang,
    enquiry: &store::enquiry::Enquiry,
) -> Result<Response, WebError> {
    let tenant = state.store.tenant(town);
    let id = enquiry.id;
    let base = format!("/{}/coordinator/enquiries", town.slug);
    let organization = match tenant
        .create_organization(&NewOrganization {
            name: enquiry.organization_name.clone(),
            name_en: String::new(),
            kind: enquiry.kind,
            location: enquiry.location,
            contact_person: enquiry.contact_person.clone(),
            description: enquiry.message.clone(),
        })
        .await
    {
        Ok(organization) => organization,
        Err(StoreError::Conflict { .. }) => {
            return Ok(Redirect::to(&format!("{base}?done=taken")).into_response());
        }
        Err(err) => return Err(err.into()),
    };
    if !tenant
        .close_enquiry(
            id,
            EnquiryStatus::Approved,
            Some(organization.id),
            coordinator.id,
        )
        .await?
    {
        return Ok(Redirect::to(&base).into_response());
    }
    invite::send(
        state,
        audit,
        lang,
        town,
        coordinator,
        &enquiry.email,
        Role::OrganizationMember,
        Some(organization.id),
    )
    .await?;
    audit
        .record(
            Some(town.id),
            AuditAction::EnquiryApprove,
            AuditTarget::Enquiry,
            &id.to_string(),
            &organization.id.to_string(),
        )
        .await?;
    Ok(Redirect::to(&format!("{base}?done=approved")).into_response())
}

/// Approving creates the organization and invites the contact as its first member.
pub async fn handle_enquiry(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(coordinator): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
    audit: Audit,
    Form(form): Form<EnquiryDecision>,
) -> Result<Response, WebError> {
    let tenant = state.store.tenant(&town);
    let enquiry = tenant.enquiry(id).await.found()?;
    let base = format!("/{}/coordinator/enquiries", town.slug);
    if enquiry.status != EnquiryStatus::New {
        return Ok(Redirect::to(&base).into_response());
    }
    match form.decision.as_str() {
        "approve" => {
            approve_enquiry(&state, &town, (&audit, &coordinator), page.lang, &enquiry).await
        }
        "decline" => {
            tenant
                .close_enquiry(id, EnquiryStatus::Declined, None, coordinator.id)
                .await?;
            audit
                .town_record(
                    town.id,
                    AuditAction::EnquiryDecline,
                    (AuditTarget::Enquiry, id),
                )
                .await?;
            Ok(Redirect::to(&format!("{base}?done=declined")).into_response())
        }
        _ => Err(WebError::BadRequest),
    }
}

/// Asks before a move that ends the request (see `super::close`).
pub async fn confirm_close(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
    Query(query): Query<super::close::CloseQuery>,
) -> Result<Response, WebError> {
    let request = town_request(&state, &town, id).await?;
    let managed = Managed::new(&town, request, Reviewer::Coordinator);
    super::close::show_confirm(page.with_town(&town), &managed, &query)
}
