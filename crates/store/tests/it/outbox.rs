use chrono::{Duration, Utc};
use domain::message::{MailKind, MessageKind};
use store::outbox::{MAX_ATTEMPTS, NewMessage};
use store::testing::fresh_store;

use crate::towns::town;

fn message(n: usize, town: domain::MunicipalityId) -> NewMessage {
    NewMessage {
        municipality_id: Some(town),
        kind: MessageKind::Mail(MailKind::SignupVerify),
        recipient: format!("person{n}@example.jp"),
        lang: "ja".into(),
        letter: String::new(),
        subject: format!("件名 {n}"),
        body_text: "本文".into(),
        body_html: String::new(),
    }
}

#[tokio::test]
async fn concurrent_workers_never_claim_the_same_message() {
    let store = fresh_store().await;
    let town = store.create_municipality(&town("nagaizumi")).await.unwrap();
    for n in 0..60 {
        store.enqueue_message(&message(n, town.id)).await.unwrap();
    }
    let now = Utc::now();
    let mut handles = Vec::new();
    for w in 0..4 {
        let store = store.store.clone();
        handles.push(tokio::spawn(async move {
            let mut mine = Vec::new();
            loop {
                let claimed = store
                    .claim_due_messages(&format!("worker-{w}"), now, now + Duration::minutes(5), 7)
                    .await
                    .unwrap();
                if claimed.is_empty() {
                    break;
                }
                mine.extend(claimed.into_iter().map(|m| m.id));
            }
            mine
        }));
    }
    let mut all = Vec::new();
    for handle in handles {
        all.extend(handle.await.unwrap());
    }
    all.sort_unstable();
    let before = all.len();
    all.dedup();
    assert_eq!(before, all.len(), "a message was claimed twice");
    assert_eq!(all.len(), 60, "every message was claimed");
}

#[tokio::test]
async fn an_expired_claim_is_taken_over_and_failures_end_in_the_dead_letters() {
    let store = fresh_store().await;
    let town = store.create_municipality(&town("nagaizumi")).await.unwrap();
    let id = store.enqueue_message(&message(1, town.id)).await.unwrap();
    let now = Utc::now();
    let first = store
        .claim_due_messages("a", now, now + Duration::minutes(5), 10)
        .await
        .unwrap();
    assert_eq!(first.len(), 1);
    assert!(
        store
            .claim_due_messages("b", now, now + Duration::minutes(5), 10)
            .await
            .unwrap()
            .is_empty()
    );
    // Worker a dies without acknowledging; after its lease, b takes the message over.
    let later = now + Duration::minutes(6);
    let taken = store
        .claim_due_messages("b", later, later + Duration::minutes(5), 10)
        .await
        .unwrap();
    assert_eq!(taken[0].id, id);
    assert!(
        !store
            .acknowledge_sent((id, "件名"), "a", later)
            .await
            .unwrap(),
        "a's claim has passed"
    );
    for attempt in 1..=MAX_ATTEMPTS {
        let at = later + Duration::hours(i64::from(attempt) * 10);
        if attempt > 1 {
            let claimed = store
                .claim_due_messages("b", at, at + Duration::minutes(5), 10)
                .await
                .unwrap();
            assert_eq!(claimed.len(), 1, "attempt {attempt}");
        }
        store
            .release_failed(id, "b", "connection refused", at, at + Duration::minutes(1))
            .await
            .unwrap();
    }
    let health = store.outbox_health(town.id).await.unwrap();
    assert_eq!((health.failing, health.dead), (0, 1));
    let far = later + Duration::days(30);
    assert!(
        store
            .claim_due_messages("b", far, far + Duration::minutes(5), 10)
            .await
            .unwrap()
            .is_empty(),
        "dead is not tried"
    );
    let kept = &store.outbox(Some(town.id), 1).await.unwrap()[0];
    assert_eq!(kept.attempts, MAX_ATTEMPTS);
    assert!(
        kept.dead_at.is_some() && kept.sent_at.is_none(),
        "nothing is lost"
    );
}

/// A message is written in the language its recipient reads when it is claimed: the account's
/// (changed since it was queued), or the queued one for an address without an account.
#[tokio::test]
async fn a_claimed_message_carries_its_recipients_current_language() {
    let store = fresh_store().await;
    let town = store.create_municipality(&town("nagaizumi")).await.unwrap();
    let account = store
        .tenant(&town)
        .create_account(&store::account::NewAccountRecord {
            role: domain::Role::Participant,
            organization_id: None,
            email: "person0@example.jp".into(),
            display_name: "花子".into(),
            furigana: "はなこ".into(),
            password_hash: "x".into(),
        })
        .await
        .unwrap();
    store.enqueue_message(&message(0, town.id)).await.unwrap();
    store.enqueue_message(&message(1, town.id)).await.unwrap();
    store.set_account_lang(account.id, "en").await.unwrap();
    let now = Utc::now();
    let claimed = store
        .claim_due_messages("w", now, now + Duration::minutes(2), 10)
        .await
        .unwrap();
    let langs: Vec<_> = claimed
        .iter()
        .map(|m| (m.recipient.as_str(), m.lang.as_str()))
        .collect();
    assert_eq!(
        langs,
        [("person0@example.jp", "en"), ("person1@example.jp", "ja")]
    );
}
