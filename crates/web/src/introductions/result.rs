//! The organization's result after a meeting (採用 / 見送り with a reason and a note): the
//! form on its page, the report on the coordinator's page with the outcome form starting from
//! it, and the coordinator told. The rules are `domain::introduction::result`'s.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use domain::FieldErrors;
use domain::audit::{AuditAction, AuditTarget};
use domain::introduction::IntroductionStatus;
use domain::introduction::result::{
    OrganizationResult, PassReason, RESULT_NOTE_MAX, ResultInput, Verdict,
};
use serde::Deserialize;
use store::introduction::Introduction;

use super::forms::MoveForm;
use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::WebError;
use crate::form::{Alert, FieldView, alert, choices};
use crate::notify::introduction::{self as notices, Audience};
use crate::page::{Page, render};
use crate::state::AppState;
use crate::town::CurrentTown;

#[derive(Deserialize, Default, Clone)]
pub struct ResultForm {
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub verdict: String,
    #[serde(default)]
    pub pass_reason: String,
    #[serde(default)]
    pub result_note: String,
}

impl ResultForm {
    /// The form as the report left it, to change it.
    fn of(intro: &Introduction) -> Self {
        let Some((result, _)) = &intro.result else {
            return Self::default();
        };
        Self {
            from: String::new(),
            verdict: result.verdict.code().to_owned(),
            pass_reason: result.reason.map(PassReason::code).unwrap_or("").to_owned(),
            result_note: result.note.clone(),
        }
    }

    fn input(&self) -> ResultInput {
        ResultInput {
            verdict: self.verdict.clone(),
            pass_reason: self.pass_reason.clone(),
            result_note: self.result_note.clone(),
        }
    }
}

/// The result on an introduction's page: the report (when there is one) and, for the
/// organization while it may report, the form.
pub struct ResultView {
    /// 「見送り（勤務日・時間が合わなかった）」, when and the note.
    pub reported: Option<(String, String, String)>,
    pub fields: Vec<FieldView>,
    pub can_report: bool,
    /// For the coordinator: the report waits for the outcome that confirms it.
    pub to_confirm: bool,
    /// The refused form's box naming each field to correct.
    pub alert: Option<Alert>,
}

/// The result part of the page, for the organization (`form` as typed, or else as reported)
/// or the coordinator; nothing for the person until the outcome is recorded.
pub fn view(
    page: &Page,
    intro: &Introduction,
    organization: bool,
    (typed, errors): (Option<&ResultForm>, &FieldErrors),
) -> Option<ResultView> {
    let can_report = organization && OrganizationResult::may_record(intro.status);
    if intro.result.is_none() && !can_report {
        return None;
    }
    let reported = intro.result.as_ref().map(|(result, at)| {
        let verdict = match result.reason {
            Some(reason) => format!(
                "{}{}{}{}",
                page.label(result.verdict),
                page.open_paren(),
                page.label(reason),
                page.close_paren()
            ),
            None => page.label(result.verdict),
        };
        (verdict, page.date_time(*at), result.note.clone())
    });
    let form = typed.cloned().unwrap_or_else(|| ResultForm::of(intro));
    let fields = if can_report {
        fields(page, &form, errors)
    } else {
        Vec::new()
    };
    Some(ResultView {
        reported,
        fields,
        can_report,
        to_confirm: !organization && intro.status.is_open(),
        alert: alert(page, errors),
    })
}

fn fields(page: &Page, form: &ResultForm, e: &FieldErrors) -> Vec<FieldView> {
    vec![
        FieldView::new(page, "verdict", "select", &form.verdict, e).options(choices(
            page,
            Verdict::ALL,
            Verdict::code,
        )),
        FieldView::new(page, "pass_reason", "select", &form.pass_reason, e)
            .optional()
            .options(choices(page, PassReason::ALL, PassReason::code))
            .hint(page, "field-pass-reason-hint"),
        FieldView::new(page, "result_note", "textarea", &form.result_note, e)
            .optional()
            .max_chars(page, RESULT_NOTE_MAX)
            .hint(page, "field-result-note-hint"),
    ]
}

/// The coordinator's outcome form, starting from the organization's report: 見送り fills in
/// "not placed" and its reason; the coordinator checks and records it.
pub fn outcome_start(intro: &Introduction) -> MoveForm {
    let Some((result, _)) = &intro.result else {
        return MoveForm::default();
    };
    let (kind, reason) = result.suggested_outcome();
    MoveForm {
        kind: kind.map(|k| k.code().to_owned()).unwrap_or_default(),
        reason: reason.map(|r| r.code().to_owned()).unwrap_or_default(),
        note: result.note.clone(),
        ..MoveForm::default()
    }
}

pub async fn report(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    (page, audit): (Page, Audit),
    Form(form): Form<ResultForm>,
) -> Result<Response, WebError> {
    let intro = super::organization::own(&state, &town, &account, id).await?;
    let base = format!("/{}/org/introductions/{id}", town.slug);
    let seen = IntroductionStatus::from_code(form.from.trim()).ok_or(WebError::BadRequest)?;
    let result = match OrganizationResult::parse(&form.input()) {
        Ok(result) => result,
        Err(errors) => {
            let page = page.with_town(&town);
            let mut detail =
                super::organization::detail_page(&state, &town, page, (&account, &audit), &intro)
                    .await?;
            detail.result = view(&detail.page, &intro, true, (Some(&form), &errors));
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &detail));
        }
    };
    let tenant = state.store.tenant(&town);
    let audience = Audience::of(&tenant, &intro).await?;
    let notes = notices::result_reported(&state, &town, (&intro, &audience), &result);
    let reported = tenant
        .report_result(
            (id, intro.organization_id, seen),
            &result,
            account.id,
            &notes,
        )
        .await?;
    if !reported {
        return Ok(Redirect::to(&format!("{base}?done=stale")).into_response());
    }
    audit
        .town_record(
            town.id,
            AuditAction::ResultReported,
            (AuditTarget::Introduction, id),
        )
        .await?;
    Ok(Redirect::to(&format!("{base}?done=result-reported")).into_response())
}
