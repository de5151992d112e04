//! The review moves each side is offered: one table for the buttons shown, for reading the
//! form back, and for the line the move leaves in the request's history.

use domain::audit::AuditAction;
use domain::request::{CloseReason, RequestStatus, RequestStep, ReviewAction, Reviewer, review};

/// A move as a form offers it.
pub struct Move {
    /// The form value.
    pub code: &'static str,
    pub action: ReviewAction,
    /// The button's words.
    pub button_key: &'static str,
    /// The history's line.
    pub step: RequestStep,
    /// The audit log's entry.
    pub audit: AuditAction,
}

const fn entry(
    code: &'static str,
    action: ReviewAction,
    button_key: &'static str,
    (step, audit): (RequestStep, AuditAction),
) -> Move {
    Move {
        code,
        action,
        button_key,
        step,
        audit,
    }
}

const ORGANIZATION: &[Move] = &[
    entry(
        "submit",
        ReviewAction::Submit,
        "request-action-submit",
        (RequestStep::Submit, AuditAction::RequestSubmit),
    ),
    entry(
        "withdraw",
        ReviewAction::Close(CloseReason::Withdrawn),
        "request-action-withdraw",
        (RequestStep::Withdraw, AuditAction::RequestWithdraw),
    ),
];

const COORDINATOR: &[Move] = &[
    entry(
        "publish",
        ReviewAction::Publish,
        "request-action-publish",
        (RequestStep::Publish, AuditAction::RequestPublish),
    ),
    entry(
        "return",
        ReviewAction::Return,
        "request-action-return",
        (RequestStep::Return, AuditAction::RequestReturn),
    ),
    entry(
        "close-filled",
        ReviewAction::Close(CloseReason::Filled),
        "request-action-close-filled",
        (RequestStep::Close, AuditAction::RequestCloseFilled),
    ),
    entry(
        "close-expired",
        ReviewAction::Close(CloseReason::Expired),
        "request-action-close-expired",
        (RequestStep::Close, AuditAction::RequestCloseExpired),
    ),
    entry(
        "close-withdrawn",
        ReviewAction::Close(CloseReason::Withdrawn),
        "request-action-close-withdrawn",
        (RequestStep::Close, AuditAction::RequestCloseWithdrawn),
    ),
];

fn table(by: Reviewer) -> &'static [Move] {
    match by {
        Reviewer::Organization => ORGANIZATION,
        Reviewer::Coordinator => COORDINATOR,
    }
}

/// The moves the workflow allows from `status`.
pub fn available(status: RequestStatus, by: Reviewer) -> Vec<&'static Move> {
    table(by)
        .iter()
        .filter(|m| review(status, m.action, by).is_ok())
        .collect()
}

/// The move a submitted form value stands for.
pub fn parse(code: &str, by: Reviewer) -> Option<&'static Move> {
    table(by).iter().find(|m| m.code == code)
}
