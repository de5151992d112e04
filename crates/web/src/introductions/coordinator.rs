//! The coordinator's side: introduce from a shortlist or a team proposal, save a batch run as
//! drafts, offer or discard drafts, and see each introduction through to its outcome.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use domain::FieldErrors;
use domain::audit::{AuditAction, AuditTarget};
use domain::introduction::{Actor, IntroductionStatus};
use domain::request::RequestStatus;
use serde::Deserialize;
use store::account::{Account, AccountId};
use store::introduction::{Introduction, IntroductionScope, NewIntroduction};

use super::forms::MoveForm;
use super::shared::{DetailPage, Done, apply, finish_move};
use super::view::{self, IntroductionView};
use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::{Found, WebError};
use crate::notify::introduction as notices;
use crate::page::{Page, render};
use crate::state::AppState;
use crate::town::CurrentTown;

#[derive(askama::Template)]
#[template(path = "introductions/list.html")]
struct ListPage {
    page: Page,
    title: String,
    rows: Vec<IntroductionView>,
    filters: Vec<(String, String, bool)>,
    notice: Option<String>,
    /// (href, words) of each file the list downloads as; none for organizations.
    export_links: Vec<(String, String)>,
    alert: Option<crate::form::Alert>,
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    pub(super) status: Option<String>,
    /// `yes`: only the open ones whose organization reported its result.
    pub(super) reported: Option<String>,
    pub(super) done: Option<String>,
}

/// The list's filters: all, those with a result to confirm, and each status.
fn filters(
    page: &Page,
    base: &str,
    status: Option<IntroductionStatus>,
    reported: bool,
) -> Vec<(String, String, bool)> {
    let fixed = [
        (
            base.to_owned(),
            page.t("introduction-filter-all"),
            status.is_none() && !reported,
        ),
        (
            format!("{base}?reported=yes"),
            page.t("introduction-filter-reported"),
            reported,
        ),
    ];
    fixed
        .into_iter()
        .chain(IntroductionStatus::ALL.iter().map(|s| {
            (
                format!("{base}?status={}", s.code()),
                page.label(*s),
                status == Some(*s),
            )
        }))
        .collect()
}

pub async fn list(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    audit: Audit,
    Query(query): Query<ListQuery>,
) -> Result<Response, WebError> {
    listing(&state, (&town, page), &audit, &query, None).await
}

/// The files the list downloads as, at the stage shown.
fn export_links(
    page: &Page,
    base: &str,
    status: Option<IntroductionStatus>,
) -> Vec<(String, String)> {
    let stage = status.map_or("", IntroductionStatus::code);
    crate::spreadsheet::FileFormat::ALL
        .iter()
        .map(|f| {
            let href = format!("{base}/export?status={stage}&format={}", f.code());
            (href, page.label(*f))
        })
        .collect()
}

/// The list for `query`; `refused` says why a file of it could not be made.
pub(super) async fn listing(
    state: &AppState,
    (town, page): (&domain::Municipality, Page),
    audit: &Audit,
    query: &ListQuery,
    refused: Option<crate::form::Alert>,
) -> Result<Response, WebError> {
    let page = page.with_town(town);
    let status = query
        .status
        .as_deref()
        .and_then(IntroductionStatus::from_code);
    let reported = query.reported.as_deref() == Some("yes");
    let found = state
        .store
        .tenant(town)
        .introductions_for_staff(IntroductionScope::Town, status, 200)
        .await?;
    let rows = audit
        .reveal(
            found,
            Some(town.id),
            AuditAction::IntroductionList,
            (AuditTarget::Introduction, ""),
            status.map_or("", IntroductionStatus::code),
        )
        .await?
        .iter()
        .filter(|i| !reported || (i.result.is_some() && i.status.is_open()))
        .map(|i| {
            IntroductionView::new(
                &page,
                i,
                format!("/{}/coordinator/introductions/{}", town.slug, i.id),
            )
        })
        .collect();
    let base = format!("/{}/coordinator/introductions", town.slug);
    let filters = filters(&page, &base, status, reported);
    let export_links = export_links(&page, &base, status);
    let code = if refused.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok(render(
        code,
        &ListPage {
            title: page.t("introductions-title"),
            notice: view::notice(&page, query.done.as_deref()),
            page,
            rows,
            filters,
            export_links,
            alert: refused,
        },
    ))
}

/// The introduction for a coordinator's page; the view is recorded, naming its members.
pub(super) async fn load(
    state: &AppState,
    town: &domain::Municipality,
    audit: &Audit,
    id: i64,
) -> Result<Introduction, WebError> {
    let unshown = state.store.tenant(town).introduction_for_staff(id).await?;
    audit
        .reveal(
            unshown,
            Some(town.id),
            AuditAction::IntroductionViewed,
            (AuditTarget::Introduction, &id.to_string()),
            "",
        )
        .await
        .found()
}

async fn detail(
    state: &AppState,
    town: &domain::Municipality,
    page: Page,
    intro: &Introduction,
    (form, errors): (&MoveForm, &FieldErrors),
) -> Result<DetailPage, WebError> {
    let tenant = state.store.tenant(town);
    let mut detail = DetailPage::new(page, intro, Actor::Coordinator, form, errors);
    detail.intro.gaps = intro
        .gaps
        .iter()
        .map(|g| crate::requests::matches::stored_gap_text(state, &detail.page, g))
        .collect();
    detail.events = view::events(&detail.page, tenant.introduction_events(intro.id).await?);
    detail.result = super::result::view(&detail.page, intro, false, (None, errors));
    for member in &intro.members {
        for f in tenant
            .follow_ups_of(AccountId(member.participant_id))
            .await?
        {
            if domain::introduction::check_in::months_of(&f.note).is_some() {
                detail.follow_ups.push((
                    crate::shown_text::person_name(detail.page.lang, &member.display_name),
                    f.due_on.to_string(),
                    crate::letter::follow_up_note(detail.page.lang, &f.note),
                    f.done_at.is_some(),
                ));
            }
        }
    }
    Ok(detail)
}

pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
    audit: Audit,
    Query(done): Query<Done>,
) -> Result<Response, WebError> {
    let intro = load(&state, &town, &audit, id).await?;
    let page = page.with_town(&town);
    let start = super::result::outcome_start(&intro);
    let mut detail = detail(
        &state,
        &town,
        page,
        &intro,
        (&start, &FieldErrors::default()),
    )
    .await?;
    detail.notice = view::notice(&detail.page, done.done.as_deref());
    Ok(render(StatusCode::OK, &detail))
}

/// Applies a move by the coordinator or the organization: stale forms redirect with a notice,
/// bad fields re-render the page with their errors.
pub async fn advance_move(
    state: &AppState,
    town: &domain::Municipality,
    page: Page,
    (account, audit): (&Account, &Audit),
    id: i64,
    form: MoveForm,
) -> Result<Response, WebError> {
    let intro = load(state, town, audit, id).await?;
    let base = format!("/{}/coordinator/introductions/{id}", town.slug);
    match apply(state, town, account, &intro, Actor::Coordinator, &form).await? {
        Ok(moved) => finish_move(audit, town, (id, &form), moved, &base).await,
        Err(errors) => {
            let page = page.with_town(town);
            let detail = detail(state, town, page, &intro, (&form, &errors)).await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &detail))
        }
    }
}

pub async fn advance(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
    audit: Audit,
    Form(form): Form<MoveForm>,
) -> Result<Response, WebError> {
    advance_move(&state, &town, page, (&account, &audit), id, form).await
}

#[derive(Deserialize, Default)]
pub struct CreateForm {
    #[serde(default)]
    participant_id: Vec<i64>,
    /// Where to come back to: the request's page, or a participant's record.
    #[serde(default)]
    back: String,
    /// The coordinator's own words to the person, sent with the offer.
    #[serde(default)]
    personal_note: String,
}

/// Introduces one person, or a team, to a published request.
pub async fn create(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    Path((_, request_id)): Path<(String, i64)>,
    audit: Audit,
    Form(form): Form<CreateForm>,
) -> Result<Response, WebError> {
    let tenant = state.store.tenant(&town);
    let request = tenant.request(request_id).await.found()?;
    let mut members = form.participant_id.clone();
    members.sort_unstable();
    members.dedup();
    if members.is_empty() || members.len() > 12 || request.status()? != RequestStatus::Published {
        return Err(WebError::BadRequest);
    }
    let back = back_to(&town, &form.back, request_id);
    let mut errors = FieldErrors::default();
    let note = domain::field_errors::text(
        &mut errors,
        "personal_note",
        &form.personal_note,
        500,
        false,
    );
    if !errors.is_empty() {
        return Ok(Redirect::to(&with_done(&back, "note-too-long")).into_response());
    }
    let mut new = introduction_of(&state, &tenant, (&request, &members), account.id).await?;
    new.personal_note = note;
    let recipients = tenant.recipients(&new.members).await?;
    let created = tenant
        .create_introduction(&new, |id| {
            notices::offered(
                &state,
                &town,
                (id, &request.organization_name, &request.title),
                (&new.personal_note, &recipients),
            )
        })
        .await?;
    let Some(id) = created else {
        return Ok(Redirect::to(&with_done(&back, "duplicate")).into_response());
    };
    audit
        .record(
            Some(town.id),
            AuditAction::IntroductionOffer,
            AuditTarget::Introduction,
            &id.to_string(),
            &format!("request {request_id}"),
        )
        .await?;
    Ok(Redirect::to(&format!(
        "/{}/coordinator/introductions/{id}?done=created",
        town.slug
    ))
    .into_response())
}

/// The introduction of the chosen `members` to `request`, with the engine's view of how the
/// group fits.
async fn introduction_of(
    state: &AppState,
    tenant: &store::TenantStore<'_>,
    (request, members): (&store::request::StoredRequest, &[i64]),
    by: AccountId,
) -> Result<NewIntroduction, WebError> {
    let skills = tenant.request_skills(request.id).await?;
    let travel = tenant.travel_table().await?;
    let opening = store::matching_input::opening(&state.taxonomy, &travel, request, &skills);
    let input = tenant.matching_input(&state.taxonomy).await?;
    let chosen = chosen_candidates(&input, members)?;
    let fit = matching::team::group_fit(&state.skill_graph, &chosen, &opening, &input.travel);
    Ok(NewIntroduction {
        request_id: request.id,
        organization_id: request.organization_id,
        members: members.iter().map(|m| AccountId(*m)).collect(),
        draft: false,
        fit_score: fit.score,
        reasons: fit.reasons,
        common_time: if members.len() > 1 {
            fit.common_time.to_hex()
        } else {
            String::new()
        },
        gaps: crate::requests::matches::stored_gaps(state, &fit.gaps),
        personal_note: String::new(),
        created_by: by,
    })
}

/// The people a coordinator chose, as the engine reads them; someone not in the town's pool
/// (not a participant, or without consent) makes the form bad.
fn chosen_candidates(
    input: &store::matching_cache::MatchingInput,
    members: &[i64],
) -> Result<Vec<matching::Candidate>, WebError> {
    members
        .iter()
        .map(|id| {
            let i = input.candidate_index(*id).ok_or(WebError::BadRequest)?;
            let mut candidate = input.candidates[i].clone();
            // Chosen by hand: an earlier introduction does not rule the person out.
            candidate.introduced_to.clear();
            Ok(candidate)
        })
        .collect()
}

/// Where to go after introducing: the coordinator's page the form came from, or the request.
fn back_to(town: &domain::Municipality, back: &str, request_id: i64) -> String {
    if back.starts_with(&format!("/{}/coordinator/", town.slug)) && !back.contains("//") {
        back.to_owned()
    } else {
        format!("/{}/coordinator/requests/{request_id}", town.slug)
    }
}

fn with_done(path: &str, done: &str) -> String {
    let separator = if path.contains('?') { '&' } else { '?' };
    format!("{path}{separator}done={done}")
}

/// The proposals a coordinator kept from a batch run, by their keys.
#[derive(Deserialize, Default)]
pub struct KeptForm {
    #[serde(default)]
    keep: Vec<String>,
}

/// Saves the batch proposals the coordinator kept as drafts to offer or discard; the run is
/// made again, so a proposal that no longer holds (a person introduced meanwhile) is not saved.
pub async fn save_drafts(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    audit: Audit,
    Form(form): Form<KeptForm>,
) -> Result<Response, WebError> {
    if form.keep.is_empty() {
        let back = format!("/{}/coordinator/proposals?done=none-kept", town.slug);
        return Ok(Redirect::to(&back).into_response());
    }
    let tenant = state.store.tenant(&town);
    let kept: std::collections::HashSet<String> = form.keep.into_iter().collect();
    let drafts = crate::requests::batch_run::kept_drafts(&state, &tenant, &kept).await?;
    let mut saved = 0;
    for draft in drafts {
        let new = NewIntroduction {
            created_by: account.id,
            ..draft
        };
        if tenant
            .create_introduction(&new, |_| Vec::new())
            .await?
            .is_some()
        {
            saved += 1;
        }
    }
    audit
        .record(
            Some(town.id),
            AuditAction::IntroductionDraftsSaved,
            AuditTarget::Municipality,
            town.slug.as_str(),
            &saved.to_string(),
        )
        .await?;
    Ok(Redirect::to(&format!(
        "/{}/coordinator/proposals?done=drafts&saved={saved}",
        town.slug
    ))
    .into_response())
}
