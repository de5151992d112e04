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
    let line = |href: String, key: &str, count: i64| WorkItem {
        href,
        text: page.t1(key, "count", &count.to_string()),
        waiting: count > 0,
    };
    vec![
        line(
            format!("{base}/requests?status=submitted"),
            "work-requests-to-review",
            q.requests_to_review,
        ),
        line(
            format!("{base}/enquiries"),
            "work-enquiries-open",
            q.enquiries_open,
        ),
        line(
            format!("{base}/participants?contact=never"),
            "work-not-contacted",
            q.not_contacted,
        ),
        line(
            format!("{base}/interests"),
            "work-interests-waiting",
            q.interests_waiting,
        ),
        line(
            format!("{base}/introductions?status=offered"),
            "work-awaiting-consent",
            q.awaiting_consent,
        ),
        line(
            format!("{base}/introductions?status=consented"),
            "work-awaiting-organization",
            q.awaiting_organization,
        ),
        line(
            format!("{base}/introductions"),
            "work-awaiting-outcome",
            q.awaiting_outcome,
        ),
        line(
            "#due-h".to_owned(),
            "work-follow-ups-overdue",
            q.follow_ups_overdue,
        ),
        line(
            "#due-h".to_owned(),
            "work-follow-ups-this-week",
            q.follow_ups_this_week,
        ),
        line(
            format!("{base}/events"),
            "work-events-with-places",
            q.events_with_places,
        ),
        line(
            format!("{base}/events"),
            "work-events-with-waitlist",
            q.events_with_waitlist,
        ),
    ]
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
        assert_eq!(items.len(), 11);
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
