//! The residents who asked about a request ("この仕事について相談したい"), as coordinators see
//! them: beside the engine's shortlist on the request's page, each with how the engine sees
//! them and a way to introduce them; and the town's waiting ones on a list of their own, which
//! the work queue links to. A coordinator who got in touch another way marks one answered.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::audit::{AuditAction, AuditTarget};
use store::audit::Subjects;
use store::interest::Interest;

use super::matches::InterestFit;
use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::WebError;
use crate::page::{Page, render};
use crate::shown_text::Shown;
use crate::state::AppState;
use crate::town::CurrentTown;

/// One resident's interest, in words, for staff.
pub struct InterestView {
    pub participant_id: i64,
    pub name: String,
    pub href: String,
    pub request: Shown,
    pub request_href: String,
    pub since: String,
    pub message: String,
    pub status: String,
    pub status_code: &'static str,
    /// How the engine sees them for the request, and its reasons (or what rules them out).
    pub fit: String,
    pub reasons: Vec<String>,
    pub gaps: Vec<String>,
    /// The form that introduces them: (action, participant id), while the interest waits.
    pub introduce: Option<(String, i64)>,
    /// The form that marks it answered, while it waits.
    pub answer_action: Option<String>,
    pub back: String,
}

impl Subjects for InterestView {
    fn subjects(&self) -> Vec<i64> {
        vec![self.participant_id]
    }
}

/// The engine's view in words: (summary, reasons, gaps); whether the person can be introduced.
fn fit_words(page: &Page, fit: Option<&InterestFit>) -> ((String, Vec<String>, Vec<String>), bool) {
    match fit {
        Some(InterestFit::Ranked {
            place,
            score,
            reasons,
            gaps,
        }) => {
            let args = [("place", place.to_string()), ("score", score.clone())];
            let summary = page.lang.t_args("interest-fit-ranked", &args);
            ((summary, reasons.clone(), gaps.clone()), true)
        }
        Some(InterestFit::Unfit(reasons)) if reasons.is_empty() => {
            ((page.t("interest-fit-below"), Vec::new(), Vec::new()), true)
        }
        Some(InterestFit::Unfit(reasons)) => (
            // What rules them out reads as gaps, not as reasons they fit.
            (page.t("interest-fit-unfit"), Vec::new(), reasons.clone()),
            true,
        ),
        Some(InterestFit::Unknown) | None => (
            (page.t("interest-fit-unknown"), Vec::new(), Vec::new()),
            false,
        ),
    }
}

/// An interest as staff see it, with the engine's view when it was asked (`fit`).
pub fn interest_view(
    page: &Page,
    (slug, back): (&str, &str),
    interest: &Interest,
    fit: Option<&InterestFit>,
) -> InterestView {
    let ((summary, reasons, gaps), introducible) = fit_words(page, fit);
    let waiting = interest.status.is_waiting();
    let (request, person) = (interest.request_id, interest.participant_id);
    InterestView {
        participant_id: person,
        name: interest.participant_name.clone(),
        href: format!("/{slug}/coordinator/participants/{person}"),
        request: Shown::pick(
            page.lang,
            &interest.request_title,
            &interest.request_title_en,
        ),
        request_href: format!("/{slug}/coordinator/requests/{request}"),
        since: page.date_time(interest.created_at),
        message: interest.message.clone(),
        status: page.label(interest.status),
        status_code: interest.status.code(),
        fit: fit.map(|_| summary).unwrap_or_default(),
        reasons,
        gaps,
        introduce: (waiting && introducible).then(|| {
            let action = format!("/{slug}/coordinator/requests/{request}/introductions");
            (action, person)
        }),
        answer_action: waiting
            .then(|| format!("/{slug}/coordinator/interests/{}/answered", interest.id)),
        back: back.to_owned(),
    }
}

#[derive(askama::Template)]
#[template(path = "requests/interests.html")]
struct WaitingPage {
    page: Page,
    interests: Vec<InterestView>,
    notice: Option<String>,
}

/// How many waiting interests the list shows at once, oldest first.
const LIST_SIZE: i64 = 100;

/// `/{town}/coordinator/interests`: every interest that waits, oldest first.
pub async fn waiting(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    (page, audit): (Page, Audit),
    axum::extract::Query(query): axum::extract::Query<DoneQuery>,
) -> Result<Response, WebError> {
    let unshown = state
        .store
        .tenant(&town)
        .waiting_interests(LIST_SIZE)
        .await?;
    let shown = audit
        .reveal(
            unshown,
            Some(town.id),
            AuditAction::InterestList,
            (AuditTarget::Request, ""),
            "",
        )
        .await?;
    let page = page.with_town(&town);
    let back = format!("/{}/coordinator/interests", town.slug);
    let interests = shown
        .iter()
        .map(|i| interest_view(&page, (town.slug.as_str(), &back), i, None))
        .collect();
    let notice = (query.done.as_deref() == Some("answered")).then(|| page.t("interest-answered"));
    Ok(render(
        StatusCode::OK,
        &WaitingPage {
            page,
            interests,
            notice,
        },
    ))
}

#[derive(serde::Deserialize, Default)]
pub struct DoneQuery {
    done: Option<String>,
}

#[derive(serde::Deserialize, Default)]
pub struct AnswerForm {
    #[serde(default)]
    back: String,
}

/// A coordinator marks an interest answered (they were in touch another way).
pub async fn answer(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    audit: Audit,
    axum_extra::extract::Form(form): axum_extra::extract::Form<AnswerForm>,
) -> Result<Response, WebError> {
    if state
        .store
        .tenant(&town)
        .answer_interest(id, account.id)
        .await?
    {
        audit
            .record(
                Some(town.id),
                AuditAction::InterestAnswered,
                AuditTarget::Request,
                "",
                &id.to_string(),
            )
            .await?;
    }
    let base = format!("/{}/coordinator/", town.slug);
    let back = Some(form.back)
        .filter(|b| b.starts_with(&base) && crate::language_switch::is_local_path(b))
        .unwrap_or_else(|| format!("{base}interests"));
    let sep = if back.contains('?') { '&' } else { '?' };
    Ok(Redirect::to(&format!("{back}{sep}done=answered")).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use domain::request::interest::InterestStatus;

    fn interest(status: InterestStatus) -> Interest {
        Interest {
            id: 7,
            request_id: 3,
            participant_id: 42,
            message: "土曜も働けます".into(),
            status,
            created_at: chrono::Utc::now(),
            answered_at: None,
            request_title: "客室の準備".into(),
            request_title_en: String::new(),
            organization_name: "湯川旅館".into(),
            participant_name: "泉 由紀".into(),
        }
    }

    #[test]
    fn a_waiting_interest_can_be_introduced_unless_the_engine_cannot_read_the_person() {
        let page = Page::new(Lang::Ja, "/", false);
        let ranked = InterestFit::Ranked {
            place: 2,
            score: "81".into(),
            reasons: vec!["経験あり".into()],
            gaps: Vec::new(),
        };
        let back = ("nagaizumi", "/nagaizumi/coordinator/requests/3");
        let view = interest_view(
            &page,
            back,
            &interest(InterestStatus::Waiting),
            Some(&ranked),
        );
        assert!(
            view.fit.contains('2') && view.fit.contains("81"),
            "{}",
            view.fit
        );
        assert_eq!(
            view.introduce,
            Some(("/nagaizumi/coordinator/requests/3/introductions".into(), 42))
        );
        assert_eq!(
            view.answer_action.as_deref(),
            Some("/nagaizumi/coordinator/interests/7/answered")
        );
        let unfit = InterestFit::Unfit(vec!["遠い".into()]);
        let view = interest_view(
            &page,
            back,
            &interest(InterestStatus::Waiting),
            Some(&unfit),
        );
        assert!(view.introduce.is_some() && view.gaps == ["遠い"] && view.reasons.is_empty());
        let unknown = interest_view(
            &page,
            back,
            &interest(InterestStatus::Waiting),
            Some(&InterestFit::Unknown),
        );
        assert!(unknown.introduce.is_none(), "no profile, no introduction");
        let done = interest_view(
            &page,
            back,
            &interest(InterestStatus::Introduced),
            Some(&ranked),
        );
        assert!(done.introduce.is_none() && done.answer_action.is_none());
        assert!(!done.status.contains("interest-"), "words, not keys");
    }
}
