//! The organization's side: introductions to its requests once the people have consented,
//! the profiles they agreed to share (each view logged), and its answer, meeting and start.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum_extra::extract::Form;
use domain::FieldErrors;
use domain::audit::{AuditAction, AuditTarget};
use domain::introduction::{Actor, IntroductionStatus, SharedItem};
use store::account::{Account, AccountId};
use store::introduction::{Introduction, IntroductionOwner};

use super::forms::MoveForm;
use super::shared::{DetailPage, Done, SharedProfile, apply, finish_move};
use super::view::{self, IntroductionView};
use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::WebError;
use crate::page::{Page, render};
use crate::policy::may_view_shared_profile;
use crate::state::AppState;
use crate::town::CurrentTown;

/// A profile as shared with the organization: only the items the person agreed to.
#[derive(askama::Template)]
#[template(path = "introductions/list.html")]
struct ListPage {
    page: Page,
    title: String,
    rows: Vec<IntroductionView>,
    filters: Vec<(String, String, bool)>,
    notice: Option<String>,
    export_links: Vec<(String, String)>,
    alert: Option<crate::form::Alert>,
}

/// The organization hears of an introduction only once the people consented.
fn visible(intro: &Introduction) -> bool {
    intro.status.shares_profile() || intro.status == IntroductionStatus::DeclinedByOrganization
}

fn organization_of(account: &Account) -> Result<i64, WebError> {
    account.organization_id.ok_or(WebError::Forbidden)
}

pub async fn list(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    page: Page,
) -> Result<Response, WebError> {
    let organization = organization_of(&account)?;
    let page = page.with_town(&town);
    let rows = state
        .store
        .tenant(&town)
        .own_introductions(IntroductionOwner::Organization(organization), 200)
        .await?
        .iter()
        .filter(|i| visible(i))
        .map(|i| {
            IntroductionView::new(
                &page,
                i,
                format!("/{}/org/introductions/{}", town.slug, i.id),
            )
        })
        .collect();
    Ok(render(
        StatusCode::OK,
        &ListPage {
            title: page.t("introductions-title"),
            page,
            rows,
            filters: Vec::new(),
            notice: None,
            export_links: Vec::new(),
            alert: None,
        },
    ))
}

pub(super) async fn own(
    state: &AppState,
    town: &domain::Municipality,
    account: &Account,
    id: i64,
) -> Result<Introduction, WebError> {
    let organization = organization_of(account)?;
    state
        .store
        .tenant(town)
        .introduction(id)
        .await?
        .filter(|i| i.organization_id == organization && visible(i))
        .ok_or(WebError::NotFound)
}

async fn profiles(
    state: &AppState,
    town: &domain::Municipality,
    page: &Page,
    (account, audit): (&Account, &Audit),
    intro: &Introduction,
) -> Result<Vec<SharedProfile>, WebError> {
    let tenant = state.store.tenant(town);
    let mut out = Vec::new();
    for member in &intro.members {
        if !may_view_shared_profile(account, intro, member.participant_id) {
            continue;
        }
        let unshown = tenant
            .participant_for_staff(AccountId(member.participant_id))
            .await?;
        let Some(record) = audit
            .reveal(
                unshown,
                Some(town.id),
                AuditAction::ParticipantProfileViewedByOrganization,
                (AuditTarget::Participant, &member.participant_id.to_string()),
                &format!("introduction {}", intro.id),
            )
            .await?
        else {
            continue;
        };
        let p = &record.profile;
        // Only what the person chose to share; the rest stays empty and is not shown.
        let shared = |item: SharedItem, words: String| {
            if member.shared.contains(&item) {
                words
            } else {
                String::new()
            }
        };
        let hours = (p.max_minutes_per_week / 60).to_string();
        out.push(SharedProfile {
            name: record.account.display_name.clone(),
            furigana: shared(SharedItem::Furigana, record.account.furigana.clone()),
            goal: shared(
                SharedItem::GoalTrack,
                p.goal_track.map(|g| page.label(g)).unwrap_or_default(),
            ),
            work_place: shared(SharedItem::WorkPlace, page.label(p.work_place)),
            hours: shared(SharedItem::Hours, page.t1("shared-hours", "hours", &hours)),
            skills: record
                .skills
                .iter()
                .map(|s| crate::requests::view::skill_label(state, page.lang, &s.skill_id, s.level))
                .collect(),
            work_history: shared(SharedItem::WorkHistory, p.work_history.clone()),
            availability: crate::weekly_grid::in_words(page, &p.availability),
        });
    }
    Ok(out)
}

async fn detail(
    state: &AppState,
    town: &domain::Municipality,
    page: Page,
    viewer: (&Account, &Audit),
    intro: &Introduction,
    (form, errors): (&MoveForm, &FieldErrors),
) -> Result<DetailPage, WebError> {
    let shared = profiles(state, town, &page, viewer, intro).await?;
    let mut detail = DetailPage::new(page, intro, Actor::Organization, form, errors);
    detail.profiles = shared;
    detail.result = super::result::view(&detail.page, intro, true, (None, errors));
    Ok(detail)
}

/// The page with no form typed, for a form of its own to fill in its part.
pub(super) async fn detail_page(
    state: &AppState,
    town: &domain::Municipality,
    page: Page,
    viewer: (&Account, &Audit),
    intro: &Introduction,
) -> Result<DetailPage, WebError> {
    let none = (&MoveForm::default(), &FieldErrors::default());
    detail(state, town, page, viewer, intro, none).await
}

pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
    audit: Audit,
    Query(done): Query<Done>,
) -> Result<Response, WebError> {
    let intro = own(&state, &town, &account, id).await?;
    let page = page.with_town(&town);
    let mut detail = detail_page(&state, &town, page, (&account, &audit), &intro).await?;
    detail.notice = view::notice(&detail.page, done.done.as_deref());
    Ok(render(StatusCode::OK, &detail))
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
    let intro = own(&state, &town, &account, id).await?;
    let base = format!("/{}/org/introductions/{id}", town.slug);
    match apply(&state, &town, &account, &intro, Actor::Organization, &form).await? {
        Ok(moved) => finish_move(&audit, &town, (id, &form), moved, &base).await,
        Err(errors) => {
            let page = page.with_town(&town);
            let detail = detail(
                &state,
                &town,
                page,
                (&account, &audit),
                &intro,
                (&form, &errors),
            )
            .await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &detail))
        }
    }
}
