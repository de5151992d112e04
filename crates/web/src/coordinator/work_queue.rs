//! The coordinator's home as a work queue: each count of `store::work_queue` in words, linking
//! to the list that holds those items.

use store::work_queue::WorkQueue;

use crate::page::Page;

/// One line of the queue: where its items are, what they are with their count, and whether it
/// asks for attention (something is waiting).
pub struct WorkItem {
    pub href: String,
    pub text: String,
    pub waiting: bool,
}

/// The queue's lines, in the order a morning goes.
pub fn items(page: &Page, base: &str, q: &WorkQueue) -> Vec<WorkItem> {
    let lines = [
        (
            "/requests?status=submitted",
            "work-requests-to-review",
            q.requests_to_review,
        ),
        ("/enquiries", "work-enquiries-open", q.enquiries_open),
        (
            "/participants?contact=never",
            "work-not-contacted",
            q.not_contacted,
        ),
        ("/interests", "work-interests-waiting", q.interests_waiting),
        (
            "/introductions?status=offered",
            "work-awaiting-consent",
            q.awaiting_consent,
        ),
        (
            "/introductions?status=consented",
            "work-awaiting-organization",
            q.awaiting_organization,
        ),
        (
            "/introductions",
            "work-awaiting-outcome",
            q.awaiting_outcome,
        ),
        (
            "/introductions?reported=yes",
            "work-results-to-confirm",
            q.results_to_confirm,
        ),
        ("#due-h", "work-follow-ups-overdue", q.follow_ups_overdue),
        (
            "#due-h",
            "work-follow-ups-this-week",
            q.follow_ups_this_week,
        ),
        ("/events", "work-events-with-places", q.events_with_places),
        (
            "/events",
            "work-events-with-waitlist",
            q.events_with_waitlist,
        ),
    ];
    lines
        .into_iter()
        .map(|(place, key, count)| WorkItem {
            // A list lives under the coordinator's pages; `#…` is a part of the home itself.
            href: match place.strip_prefix('#') {
                Some(_) => place.to_owned(),
                None => format!("{base}{place}"),
            },
            text: page.t1(key, "count", &count.to_string()),
            waiting: count > 0,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn every_count_links_to_its_list_and_waiting_ones_stand_out() {
        let page = Page::new(Lang::Ja, "/", false);
        let queue = WorkQueue {
            requests_to_review: 3,
            not_contacted: 2,
            ..WorkQueue::default()
        };
        let items = items(&page, "/nagaizumi/coordinator", &queue);
        assert_eq!(items.len(), 12);
        assert_eq!(
            items[0].href,
            "/nagaizumi/coordinator/requests?status=submitted"
        );
        assert!(items[0].text.contains('3') && items[0].waiting);
        assert!(!items[1].waiting, "no enquiries wait");
        assert_eq!(
            items[2].href,
            "/nagaizumi/coordinator/participants?contact=never"
        );
        assert!(
            items.iter().all(|i| !i.text.contains("work-")),
            "words, not keys"
        );
    }
}
