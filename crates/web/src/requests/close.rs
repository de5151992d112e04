//! Ending a request asks first, on a page of its own (no script needed): closing it as filled,
//! expired or withdrawn cannot be undone, so the button on the request's page leads here, and
//! only this page's form carries the confirmation `manage::apply_move` asks for. The comment
//! is kept in the request's history, which the organization and coordinators both read.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::FieldErrors;
use domain::request::{CloseReason, RequestStatus, ReviewAction, Reviewer};
use serde::Deserialize;

use super::manage::Managed;
use super::moves::Move;
use crate::error::WebError;
use crate::form::FieldView;
use crate::page::{Page, render};

/// The most a comment on a move may be, in characters.
pub const COMMENT_MAX: usize = 1000;

#[derive(askama::Template)]
#[template(path = "requests/close.html")]
struct ConfirmPage {
    page: Page,
    request_title: String,
    status: String,
    /// What ending it does, in words.
    consequence: String,
    comment: FieldView,
    has_errors: bool,
    action: String,
    from: String,
    code: &'static str,
    button: String,
    back_href: String,
}

/// `?move=` on the confirmation page: the move it asks about.
#[derive(Deserialize, Default)]
pub struct CloseQuery {
    #[serde(default, rename = "move")]
    pub code: String,
}

/// Whether a move ends the request, so it is asked about on its own page first.
pub fn needs_confirmation(chosen: &Move) -> bool {
    matches!(chosen.action, ReviewAction::Close(_))
}

/// The confirmation page's address for a move.
pub fn confirm_href(managed: &Managed, chosen: &Move) -> String {
    format!("{}/close?move={}", managed.base, chosen.code)
}

/// The confirmation page a request's closing button leads to; a move that is not (or no
/// longer) open to this side goes back to the request with the stale-form notice.
pub fn show_confirm(
    page: Page,
    managed: &Managed,
    query: &CloseQuery,
) -> Result<Response, WebError> {
    let status = managed.request.status()?;
    let chosen = super::moves::parse(&query.code, managed.by).filter(|m| {
        needs_confirmation(m)
            && super::moves::available(status, managed.by)
                .iter()
                .any(|a| a.code == m.code)
    });
    match chosen {
        Some(chosen) => confirm_response(page, managed, chosen, ("", &FieldErrors::default())),
        None => Ok(Redirect::to(&format!("{}?done=stale", managed.base)).into_response()),
    }
}

/// What ending a request for `reason` does, in words.
fn consequence_key(reason: CloseReason, by: Reviewer) -> &'static str {
    match (reason, by) {
        (CloseReason::Withdrawn, Reviewer::Organization) => "request-close-what-withdraw",
        (CloseReason::Withdrawn, Reviewer::Coordinator) => "request-close-what-withdrawn",
        (CloseReason::Filled, _) => "request-close-what-filled",
        (CloseReason::Expired, _) => "request-close-what-expired",
    }
}

/// The comment as typed, trimmed, or the field error it gets.
pub fn check_comment(typed: &str) -> Result<String, FieldErrors> {
    let mut errors = FieldErrors::default();
    let comment = domain::field_errors::text(&mut errors, "comment", typed, COMMENT_MAX, false);
    if errors.is_empty() {
        Ok(comment)
    } else {
        Err(errors)
    }
}

/// The confirmation page for `chosen` on the request, with what was typed and its errors.
pub fn confirm_response(
    page: Page,
    managed: &Managed,
    chosen: &Move,
    (typed, errors): (&str, &FieldErrors),
) -> Result<Response, WebError> {
    let status = managed.request.status()?;
    let reason = match chosen.action {
        ReviewAction::Close(reason) => Some(reason),
        _ => None,
    };
    let consequence = reason
        .map(|r| page.t(consequence_key(r, managed.by)))
        .unwrap_or_default();
    let hint = match managed.by {
        Reviewer::Coordinator => "field-close-comment-hint-coordinator",
        Reviewer::Organization => "field-close-comment-hint-organization",
    };
    let mut comment = FieldView::new(&page, "comment", "textarea", typed, errors)
        .hint(&page, hint)
        .optional();
    comment.label = page.t("field-close-comment");
    let view = ConfirmPage {
        request_title: managed.request.title.clone(),
        status: page.label(status),
        consequence,
        has_errors: comment.error.is_some(),
        comment,
        action: format!("{}/status", managed.base),
        from: status_code(status).to_owned(),
        code: chosen.code,
        button: page.t(chosen.button_key),
        back_href: managed.base.clone(),
        page,
    };
    let code = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(render(code, &view))
}

/// The status code a form says it saw.
fn status_code(status: RequestStatus) -> &'static str {
    match status {
        RequestStatus::Draft => "draft",
        RequestStatus::Submitted => "submitted",
        RequestStatus::Published => "published",
        RequestStatus::Closed(_) => "closed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comment_over_the_limit_is_a_field_error() {
        assert_eq!(
            check_comment("  ありがとうございました。 ").unwrap(),
            "ありがとうございました。"
        );
        let long = "あ".repeat(COMMENT_MAX + 1);
        let errors = check_comment(&long).unwrap_err();
        assert_eq!(errors.code_for("comment"), Some("too-long"));
        assert!(check_comment(&"あ".repeat(COMMENT_MAX)).is_ok());
    }

    #[test]
    fn an_organization_withdrawing_is_told_differently_from_a_coordinator_closing() {
        assert_ne!(
            consequence_key(CloseReason::Withdrawn, Reviewer::Organization),
            consequence_key(CloseReason::Withdrawn, Reviewer::Coordinator)
        );
    }
}
