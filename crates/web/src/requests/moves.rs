//! The review moves each side is offered, as (form value, action): one table for the buttons
//! shown and for reading the form back.

use domain::request::{CloseReason, RequestStatus, ReviewAction, Reviewer, review};

use crate::page::Page;

const ORGANIZATION: &[(&str, ReviewAction)] = &[
    ("submit", ReviewAction::Submit),
    ("withdraw", ReviewAction::Close(CloseReason::Withdrawn)),
];

const COORDINATOR: &[(&str, ReviewAction)] = &[
    ("publish", ReviewAction::Publish),
    ("return", ReviewAction::Return),
    ("close-filled", ReviewAction::Close(CloseReason::Filled)),
    ("close-expired", ReviewAction::Close(CloseReason::Expired)),
    (
        "close-withdrawn",
        ReviewAction::Close(CloseReason::Withdrawn),
    ),
];

fn table(by: Reviewer) -> &'static [(&'static str, ReviewAction)] {
    match by {
        Reviewer::Organization => ORGANIZATION,
        Reviewer::Coordinator => COORDINATOR,
    }
}

/// The buttons to show: the moves the workflow allows from `status`, with their labels.
pub fn available(page: &Page, status: RequestStatus, by: Reviewer) -> Vec<(String, String)> {
    table(by)
        .iter()
        .filter(|(_, action)| review(status, *action, by).is_ok())
        .map(|(code, _)| (code.to_string(), page.t(&format!("request-action-{code}"))))
        .collect()
}

/// The move a submitted form value stands for.
pub fn parse(code: &str, by: Reviewer) -> Option<ReviewAction> {
    table(by)
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, action)| *action)
}
