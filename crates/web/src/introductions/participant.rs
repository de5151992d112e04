//! The participant's side: the introductions offered to them, why each request fits, consent
//! to share the profile with that one organization (or a polite no), withdrawal of consent,
//! and the record of what was shared with whom.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use domain::FieldErrors;
use domain::audit::{AuditAction, AuditTarget};
use domain::introduction::SharedItem;
use domain::introduction::{Actor, Answer, IntroductionStatus, MemberStatus};
use serde::Deserialize;
use store::introduction::{Introduction, IntroductionOwner, MemberAnswer};

use super::forms::MoveForm;
use super::shared::{AnswerView, DetailPage, Done};
use super::view::{self, IntroductionView};
use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::WebError;
use crate::notify::introduction::{self as notices, Audience};
use crate::page::{Page, render};
use crate::state::AppState;
use crate::town::CurrentTown;

/// Longest reason for declining, in characters.
const REASON_MAX: usize = 500;

/// What the participant can answer now.
struct RecordView {
    organization: String,
    request: String,
    items: String,
    provided: String,
    stopped: String,
}

#[derive(askama::Template)]
#[template(path = "introductions/mine.html")]
struct MinePage {
    page: Page,
    rows: Vec<IntroductionView>,
    records: Vec<RecordView>,
}

fn shared_items(page: &Page) -> Vec<(&'static str, String, bool)> {
    SharedItem::ALL
        .iter()
        .map(|i| (i.code(), page.label(*i), i.required()))
        .collect()
}

pub async fn list(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    page: Page,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let tenant = state.store.tenant(&town);
    let rows = tenant
        .own_introductions(IntroductionOwner::Participant(account.id.0), 100)
        .await?
        .iter()
        .filter(|i| {
            i.status != IntroductionStatus::Draft && i.status != IntroductionStatus::Discarded
        })
        .map(|i| {
            IntroductionView::for_participant(
                &page,
                i,
                format!("/{}/me/introductions/{}", town.slug, i.id),
            )
        })
        .collect();
    let records = tenant
        .provision_records(account.id)
        .await?
        .into_iter()
        .map(|r| RecordView {
            organization: r.organization_name,
            request: r.request_title,
            items: page.join_list(&r.items.0.iter().map(|i| page.label(*i)).collect::<Vec<_>>()),
            provided: page.date_time(r.provided_at),
            stopped: r
                .stopped_at
                .map(|at| page.date_time(at))
                .unwrap_or_default(),
        })
        .collect();
    Ok(render(
        StatusCode::OK,
        &MinePage {
            page,
            rows,
            records,
        },
    ))
}

/// The provision records' lines for the download: the heading, then one per record, in the
/// reader's language.
fn record_lines(page: &Page, records: &[store::introduction::ProvisionRecord]) -> Vec<String> {
    let heading = [
        "provision-organization",
        "provision-request",
        "provision-items",
        "provision-provided",
        "provision-stopped",
    ]
    .map(|key| page.t(key));
    std::iter::once(crate::csv_file::line(&heading))
        .chain(records.iter().map(|r| {
            let items: Vec<String> = r.items.0.iter().map(|i| page.label(*i)).collect();
            crate::csv_file::line(&[
                r.organization_name.clone(),
                r.request_title.clone(),
                page.join_list(&items),
                page.date_time(r.provided_at),
                r.stopped_at
                    .map(|at| page.date_time(at))
                    .unwrap_or_default(),
            ])
        }))
        .collect()
}

/// `/{town}/me/provision-records.csv`: the person's own provision records (to whom, what,
/// when, until when), as a spreadsheet opens them.
pub async fn records_csv(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    page: Page,
) -> Result<Response, WebError> {
    let records = state
        .store
        .tenant(&town)
        .provision_records(account.id)
        .await?;
    let page = page.with_town(&town);
    let lines = record_lines(&page, &records);
    Ok(crate::csv_file::download("provision-records.csv", &lines))
}

/// The person's own introduction; drafts are the coordinator's and not shown.
pub(super) async fn own(
    state: &AppState,
    town: &domain::Municipality,
    account: i64,
    id: i64,
) -> Result<Introduction, WebError> {
    let intro = state
        .store
        .tenant(town)
        .introduction(id)
        .await?
        .filter(|i| i.member(account).is_some())
        .filter(|i| {
            !matches!(
                i.status,
                IntroductionStatus::Draft | IntroductionStatus::Discarded
            )
        })
        .ok_or(WebError::NotFound)?;
    Ok(intro)
}

pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
    Query(done): Query<Done>,
) -> Result<Response, WebError> {
    let intro = own(&state, &town, account.id.0, id).await?;
    let page = page.with_town(&town);
    let detail = page_for(
        &page,
        &intro,
        account.id.0,
        view::notice(&page, done.done.as_deref()),
        ("", &FieldErrors::default()),
    );
    Ok(render(StatusCode::OK, &detail))
}

/// The person's page; `typed` is the meeting message as typed when it was refused.
pub(super) fn page_for(
    page: &Page,
    intro: &Introduction,
    me: i64,
    notice: Option<String>,
    (typed, errors): (&str, &FieldErrors),
) -> DetailPage {
    let member = intro.member(me).map(|m| m.status);
    let mut detail = DetailPage::new(
        page.clone(),
        intro,
        Actor::Participant,
        &MoveForm::default(),
        errors,
    );
    detail.answer = Some(AnswerView {
        can_answer: intro.status == IntroductionStatus::Offered
            && member == Some(MemberStatus::Offered),
        can_withdraw: member == Some(MemberStatus::Consented),
        shared_items: shared_items(page),
        organization: intro.organization_name.clone(),
        status_code: intro.status.code().to_owned(),
    });
    detail.intro = IntroductionView::for_participant(page, intro, String::new());
    detail.meeting = super::meeting::view(page, intro, member.is_some(), (typed, errors));
    detail.notice = notice;
    detail
}

#[derive(Deserialize, Default)]
pub struct AnswerForm {
    #[serde(default)]
    from: String,
    #[serde(default)]
    answer: String,
    #[serde(default)]
    agree: String,
    #[serde(default)]
    reason: String,
    /// The optional items the person left ticked (`SharedItem` codes).
    #[serde(default)]
    share: Vec<String>,
}

/// A member's answer, checked: consent needs its box ticked, a reason has a length limit.
fn check_answer(
    form: &AnswerForm,
    (answer, seen): (Answer, IntroductionStatus),
    (introduction, participant): (i64, store::account::AccountId),
) -> Result<MemberAnswer, FieldErrors> {
    let mut errors = FieldErrors::default();
    if answer == Answer::Consent && form.agree != "yes" {
        errors.add("agree", "introduction-consent-required");
    }
    let reason = form.reason.trim().to_owned();
    if reason.chars().count() > REASON_MAX {
        errors.add("reason", "too-long");
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(MemberAnswer {
        introduction,
        participant,
        answer,
        seen,
        reason,
        items: SharedItem::chosen(&form.share),
    })
}

pub async fn answer(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
    audit: Audit,
    Form(form): Form<AnswerForm>,
) -> Result<Response, WebError> {
    let intro = own(&state, &town, account.id.0, id).await?;
    let base = format!("/{}/me/introductions/{id}", town.slug);
    // A form that names no known answer or state was not made by the page.
    let answer = match form.answer.as_str() {
        "consent" => Answer::Consent,
        "decline" => Answer::Decline,
        "withdraw" => Answer::WithdrawConsent,
        _ => return Err(WebError::BadRequest),
    };
    let seen = IntroductionStatus::from_code(&form.from).ok_or(WebError::BadRequest)?;
    let change = match check_answer(&form, (answer, seen), (id, account.id)) {
        Ok(change) => change,
        Err(errors) => {
            let page = page.with_town(&town);
            let detail = page_for(&page, &intro, account.id.0, None, ("", &errors));
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &detail));
        }
    };
    let tenant = state.store.tenant(&town);
    let audience = Audience::of(&tenant, &intro).await?;
    let result = tenant
        .answer_introduction(&change, |member, status| {
            notices::answered(
                &state,
                &town,
                &intro,
                &audience,
                &account.display_name,
                (member, status),
            )
        })
        .await?;
    let Some(_) = result else {
        return Ok(Redirect::to(&format!("{base}?done=stale")).into_response());
    };
    audit
        .town_record(
            town.id,
            AuditAction::answered(answer),
            (AuditTarget::Introduction, id),
        )
        .await?;
    Ok(Redirect::to(&format!("{base}?done={}", form.answer)).into_response())
}

/// Ends every open introduction of a person whose account is being deleted: an offer is
/// declined, a consent withdrawn. The organization and the coordinator are told only that the
/// person declined or withdrew, as for any answer. Returns how many ended.
pub async fn leave_open(
    state: &AppState,
    town: &domain::Municipality,
    account: &store::account::Account,
) -> Result<usize, WebError> {
    let tenant = state.store.tenant(town);
    let own = tenant
        .own_introductions(IntroductionOwner::Participant(account.id.0), 1000)
        .await?;
    let mut ended = 0;
    for intro in own.iter().filter(|i| i.status.is_open()) {
        if intro.status == IntroductionStatus::Draft {
            ended += usize::from(discard_draft(&tenant, intro, account.id).await?);
            continue;
        }
        let answer = match intro.member(account.id.0).map(|m| m.status) {
            Some(MemberStatus::Offered) => Answer::Decline,
            Some(MemberStatus::Consented) => Answer::WithdrawConsent,
            _ => continue,
        };
        let change = MemberAnswer {
            introduction: intro.id,
            participant: account.id,
            answer,
            seen: intro.status,
            reason: String::new(),
            items: Vec::new(),
        };
        let audience = Audience::of(&tenant, intro).await?;
        let result = tenant
            .answer_introduction(&change, |member, status| {
                notices::answered(
                    state,
                    town,
                    intro,
                    &audience,
                    &account.display_name,
                    (member, status),
                )
            })
            .await?;
        ended += usize::from(result.is_some());
    }
    Ok(ended)
}

/// A coordinator's draft that names the person is set aside: it must never be offered to an
/// account that is gone.
async fn discard_draft(
    tenant: &store::TenantStore<'_>,
    intro: &Introduction,
    by: store::account::AccountId,
) -> Result<bool, WebError> {
    let action = domain::introduction::Action::Discard;
    let Ok(to) = domain::introduction::advance(intro.status, action, Actor::Coordinator) else {
        return Ok(false);
    };
    let change = store::introduction::Change::default();
    Ok(tenant
        .advance_introduction(intro.id, (intro.status, to), action, by, &change, &[])
        .await?)
}
