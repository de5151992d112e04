//! `/{town}/coordinator/proposals`: the engine's batch proposals for the whole town, best first,
//! each kept or dropped before the kept ones are saved as drafts; and the drafts saved so far.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use domain::audit::{AuditAction, AuditTarget};

use crate::audit_trail::Audit;
use crate::error::WebError;
use crate::page::{Page, render};
use crate::requests::batch_run::{self, PER_PERSON, ProposalView};
use crate::state::AppState;
use crate::town::CurrentTown;

/// A saved draft with its buttons.
struct DraftView {
    href: String,
    person: String,
    request: String,
    organization: String,
    score: String,
    reasons: Vec<String>,
    action: String,
}

#[derive(askama::Template)]
#[template(path = "coordinator/proposals.html")]
struct ProposalsPage {
    page: Page,
    proposals: Vec<ProposalView>,
    /// How many people the run left out, for each reason, in words.
    left_out: Vec<String>,
    drafts: Vec<DraftView>,
    per_person: u32,
    notice: Option<String>,
    /// Saving was asked with no proposal ticked.
    problem: Option<String>,
}

#[derive(serde::Deserialize, Default)]
pub struct Done {
    done: Option<String>,
    saved: Option<u32>,
}

/// A saved draft, as the proposals page lists it.
fn draft_view(
    page: &Page,
    town: &domain::Municipality,
    i: &store::introduction::Introduction,
) -> DraftView {
    DraftView {
        href: format!("/{}/coordinator/introductions/{}", town.slug, i.id),
        person: page.join_list(
            &i.members
                .iter()
                .map(|m| crate::shown_text::person_name(page.lang, &m.display_name))
                .collect::<Vec<_>>(),
        ),
        request: i.request_title.clone(),
        organization: i.organization_name.clone(),
        score: i.fit_score.to_string(),
        reasons: i.reasons.iter().map(|r| page.label(*r)).collect(),
        action: format!("/{}/coordinator/introductions/{}", town.slug, i.id),
    }
}

/// The drafts saved from batch runs; the view is recorded, naming every person in them.
async fn saved_drafts(
    state: &AppState,
    town: &domain::Municipality,
    audit: &Audit,
    page: &Page,
) -> Result<Vec<DraftView>, WebError> {
    let drafts = state
        .store
        .tenant(town)
        .introductions_for_staff(
            store::introduction::IntroductionScope::Town,
            Some(domain::introduction::IntroductionStatus::Draft),
            500,
        )
        .await?;
    Ok(audit
        .reveal(
            drafts,
            Some(town.id),
            AuditAction::IntroductionDraftsViewed,
            (AuditTarget::Introduction, ""),
            "",
        )
        .await?
        .into_iter()
        .map(|i| draft_view(page, town, &i))
        .collect())
}

pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    audit: Audit,
    axum::extract::Query(done): axum::extract::Query<Done>,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let run = batch_run::batch(
        &state,
        &state.store.tenant(&town),
        &page,
        town.slug.as_str(),
    )
    .await?;
    let run = audit
        .reveal(
            run,
            Some(town.id),
            AuditAction::ParticipantBatchProposals,
            (AuditTarget::Municipality, town.slug.as_str()),
            "",
        )
        .await?;
    let drafts = saved_drafts(&state, &town, &audit, &page).await?;
    let problem =
        (done.done.as_deref() == Some("none-kept")).then(|| page.t("proposals-none-kept"));
    let notice = (done.done.as_deref() == Some("drafts")).then(|| {
        page.t1(
            "proposals-drafts-saved",
            "count",
            &done.saved.unwrap_or(0).to_string(),
        )
    });
    Ok(render(
        StatusCode::OK,
        &ProposalsPage {
            left_out: run
                .left_out
                .iter()
                .map(|(why, count)| {
                    page.lang.t_args(
                        "proposals-left-out-count",
                        &[("reason", page.label(*why)), ("count", count.to_string())],
                    )
                })
                .collect(),
            proposals: run.proposals,
            page,
            drafts,
            per_person: PER_PERSON,
            notice,
            problem,
        },
    ))
}
