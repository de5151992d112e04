//! The review workflow of a request.

use super::CloseReason;

/// Where a request is in its review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestStatus {
    Draft,
    Submitted,
    Published,
    Closed(CloseReason),
}

impl RequestStatus {
    pub fn code(self) -> &'static str {
        match self {
            RequestStatus::Draft => "draft",
            RequestStatus::Submitted => "submitted",
            RequestStatus::Published => "published",
            RequestStatus::Closed(_) => "closed",
        }
    }

    pub fn from_codes(status: &str, reason: Option<&str>) -> Option<Self> {
        Some(match status {
            "draft" => RequestStatus::Draft,
            "submitted" => RequestStatus::Submitted,
            "published" => RequestStatus::Published,
            "closed" => RequestStatus::Closed(CloseReason::from_code(reason?)?),
            _ => return None,
        })
    }
}

/// Who moves a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reviewer {
    Organization,
    Coordinator,
}

/// A move in the review workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewAction {
    Submit,
    /// Back to draft with the coordinator's comments.
    Return,
    Publish,
    Close(CloseReason),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{action:?} is not allowed from {from:?} for {by:?}")]
pub struct IllegalMove {
    pub from: RequestStatus,
    pub action: ReviewAction,
    pub by: Reviewer,
}

/// The workflow: draft → submitted → published → closed (filled / withdrawn / expired).
///
/// - The organization submits its draft, and may withdraw at any point before closing.
/// - A coordinator returns a submitted request with comments, publishes a submitted request
///   (or a draft the coordinator wrote on the organization's behalf), and closes a published
///   one for any reason.
pub fn review(
    from: RequestStatus,
    action: ReviewAction,
    by: Reviewer,
) -> Result<RequestStatus, IllegalMove> {
    use RequestStatus::*;
    use ReviewAction::*;
    use Reviewer::*;
    let next = match (from, action, by) {
        (Draft, Submit, _) => Submitted,
        (Submitted, Return, Coordinator) => Draft,
        (Submitted | Draft, Publish, Coordinator) => Published,
        (Draft | Submitted | Published, Close(CloseReason::Withdrawn), _) => {
            Closed(CloseReason::Withdrawn)
        }
        (Published, Close(reason), Coordinator) => Closed(reason),
        _ => return Err(IllegalMove { from, action, by }),
    };
    Ok(next)
}

/// Where an edit leaves a request. A published request whose terms an organization changed
/// (pay, hours, schedule, skills, place, conditions) goes back to review, since the town
/// vouches for what it publishes; a change to its words only (a typo in the description)
/// keeps it published, and so does any edit by a coordinator, who is the reviewer.
pub fn after_edit(from: RequestStatus, by: Reviewer, terms_changed: bool) -> RequestStatus {
    match (from, by) {
        (RequestStatus::Published, Reviewer::Organization) if terms_changed => {
            RequestStatus::Submitted
        }
        _ => from,
    }
}

impl crate::label::Label for RequestStatus {
    fn label_key(self) -> &'static str {
        match self {
            RequestStatus::Draft => "request-status-draft",
            RequestStatus::Submitted => "request-status-submitted",
            RequestStatus::Published => "request-status-published",
            RequestStatus::Closed(CloseReason::Filled) => "request-status-closed-filled",
            RequestStatus::Closed(CloseReason::Withdrawn) => "request-status-closed-withdrawn",
            RequestStatus::Closed(CloseReason::Expired) => "request-status-closed-expired",
        }
    }

    fn every() -> Vec<Self> {
        let mut all = vec![
            RequestStatus::Draft,
            RequestStatus::Submitted,
            RequestStatus::Published,
        ];
        all.extend(CloseReason::ALL.iter().map(|r| RequestStatus::Closed(*r)));
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_terms_of_a_published_request_go_back_to_review_and_words_do_not() {
        use RequestStatus::*;
        use Reviewer::*;
        assert_eq!(after_edit(Published, Organization, true), Submitted);
        assert_eq!(after_edit(Published, Organization, false), Published);
        assert_eq!(after_edit(Published, Coordinator, true), Published);
        assert_eq!(after_edit(Draft, Organization, true), Draft);
        assert_eq!(after_edit(Submitted, Organization, true), Submitted);
    }

    #[test]
    fn the_review_workflow_allows_only_its_moves() {
        use CloseReason::*;
        use RequestStatus::*;
        use ReviewAction::*;
        use Reviewer::*;
        assert_eq!(review(Draft, Submit, Organization), Ok(Submitted));
        assert_eq!(review(Submitted, Return, Coordinator), Ok(Draft));
        assert_eq!(review(Submitted, Publish, Coordinator), Ok(Published));
        assert_eq!(
            review(Published, Close(Filled), Coordinator),
            Ok(Closed(Filled))
        );
        assert_eq!(
            review(Published, Close(Withdrawn), Organization),
            Ok(Closed(Withdrawn))
        );
        assert!(
            review(Submitted, Publish, Organization).is_err(),
            "organizations cannot publish"
        );
        assert!(review(Submitted, Return, Organization).is_err());
        assert!(review(Published, Close(Filled), Organization).is_err());
        assert!(
            review(Closed(Filled), Publish, Coordinator).is_err(),
            "closed is final"
        );
        assert!(review(Published, Submit, Organization).is_err());
        assert!(review(Draft, Close(Expired), Coordinator).is_err());
        for status in [Draft, Submitted, Published, Closed(Expired)] {
            let reason = if let Closed(r) = status {
                Some(r.code())
            } else {
                None
            };
            assert_eq!(
                RequestStatus::from_codes(status.code(), reason),
                Some(status)
            );
        }
    }
}
