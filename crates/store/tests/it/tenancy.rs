use chrono::{Duration, Utc};
use store::announcement::NewAnnouncement;
use store::testing::fresh_store;

use crate::towns::town;

fn news(title: &str, minutes_ago: i64) -> NewAnnouncement {
    NewAnnouncement {
        title_ja: title.into(),
        title_en: title.into(),
        body_ja: String::new(),
        body_en: String::new(),
        published_at: Utc::now() - Duration::minutes(minutes_ago),
    }
}

#[tokio::test]
async fn a_town_never_sees_another_towns_rows() {
    let store = fresh_store().await;
    let a = store.create_municipality(&town("town-a")).await.unwrap();
    let b = store.create_municipality(&town("town-b")).await.unwrap();
    store
        .tenant(&a)
        .add_announcement(&news("A1", 10))
        .await
        .unwrap();
    store
        .tenant(&a)
        .add_announcement(&news("A2", 5))
        .await
        .unwrap();
    store
        .tenant(&b)
        .add_announcement(&news("B1", 1))
        .await
        .unwrap();

    let seen_by_a = store
        .tenant(&a)
        .announcements(Utc::now(), 10)
        .await
        .unwrap();
    let titles: Vec<_> = seen_by_a.iter().map(|n| n.title_ja.as_str()).collect();
    assert_eq!(titles, ["A2", "A1"]);
    let seen_by_b = store
        .tenant(&b)
        .announcements(Utc::now(), 10)
        .await
        .unwrap();
    assert_eq!(seen_by_b.len(), 1);
    assert_eq!(seen_by_b[0].title_ja, "B1");
}

#[tokio::test]
async fn announcements_not_yet_published_stay_hidden() {
    let store = fresh_store().await;
    let a = store.create_municipality(&town("town-a")).await.unwrap();
    store
        .tenant(&a)
        .add_announcement(&news("later", -60))
        .await
        .unwrap();
    assert!(
        store
            .tenant(&a)
            .announcements(Utc::now(), 10)
            .await
            .unwrap()
            .is_empty()
    );
}
