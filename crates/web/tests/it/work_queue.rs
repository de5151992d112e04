//! The coordinator's home is a work queue: each count agrees with the list it links to.

use chrono::Utc;
use domain::introduction::IntroductionStatus;
use store::introduction::IntroductionScope;
use store::participant::ParticipantFilter;

use crate::harness::TestApp;

#[tokio::test]
async fn the_home_counts_what_waits_and_links_to_each_list() {
    let app = TestApp::new().await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let tenant = app.store.tenant(&town);
    let coordinator = app.client();
    coordinator
        .sign_in(
            "/nagaizumi/login",
            "coordinator@demo.example.jp",
            demo::DEMO_PASSWORD,
        )
        .await;
    let home = coordinator.get("/nagaizumi/coordinator/").await;
    assert!(home.body.contains("今日のお仕事"));

    let to_review = tenant
        .requests_in_status(Some("submitted"), 1_000)
        .await
        .unwrap()
        .len();
    assert!(to_review > 0, "the demo town has requests to review");
    let line = format!("審査待ちの募集: {to_review}件");
    assert!(home.body.contains(&line), "{line}");
    assert!(
        home.body
            .contains(r#"href="/nagaizumi/coordinator/requests?status=submitted""#)
    );

    let never = ParticipantFilter {
        never_contacted: true,
        ..ParticipantFilter::default()
    };
    let new_people = tenant
        .search_participants(&never, 10_000, 0)
        .await
        .unwrap()
        .peek();
    let line = format!("まだ連絡していない登録者: {}名", new_people.len());
    assert!(home.body.contains(&line), "{line}");
    let listed = coordinator
        .get("/nagaizumi/coordinator/participants?contact=never")
        .await;
    let first = new_people.first().expect("someone waits for a first call");
    assert!(listed.body.contains(&format!(
        "/nagaizumi/coordinator/participants/{}\"",
        first.id
    )));
    let everyone = tenant
        .search_participants(&ParticipantFilter::default(), 10_000, 0)
        .await
        .unwrap()
        .peek();
    let called = everyone
        .iter()
        .find(|p| p.last_contact_at.is_some())
        .expect("someone was called");
    assert!(
        !listed.body.contains(&format!(
            "/nagaizumi/coordinator/participants/{}\"",
            called.id
        )),
        "people already called are not listed"
    );

    let offered = tenant
        .introductions_for_test(
            IntroductionScope::Town,
            Some(IntroductionStatus::Offered),
            1_000,
        )
        .await
        .unwrap()
        .len();
    assert!(
        home.body
            .contains(&format!("ご本人の同意待ちの紹介: {offered}件"))
    );

    let queue = tenant
        .work_queue(
            store::account::AccountId(0),
            (Utc::now(), Utc::now().date_naive()),
        )
        .await
        .unwrap();
    assert_eq!(queue.requests_to_review, i64::try_from(to_review).unwrap());
    assert_eq!(
        queue.follow_ups_overdue, 0,
        "no one's follow-ups are someone else's"
    );
    let other = app.add_town("susono", "裾野市", "Susono City").await;
    let elsewhere = app
        .store
        .tenant(&other)
        .work_queue(
            store::account::AccountId(0),
            (Utc::now(), Utc::now().date_naive()),
        )
        .await
        .unwrap();
    assert_eq!(
        elsewhere,
        store::work_queue::WorkQueue::default(),
        "another town's queue is its own"
    );
}

#[tokio::test]
async fn the_review_queue_opens_on_requests_waiting_with_counts_on_its_tabs() {
    let app = TestApp::new().await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let tenant = app.store.tenant(&town);
    let coordinator = app.client();
    coordinator
        .sign_in(
            "/nagaizumi/login",
            "coordinator@demo.example.jp",
            demo::DEMO_PASSWORD,
        )
        .await;
    let queue = coordinator.get("/nagaizumi/coordinator/requests").await;
    let waiting = tenant
        .requests_in_status(Some("submitted"), 1_000)
        .await
        .unwrap();
    let published = tenant
        .requests_in_status(Some("published"), 1_000)
        .await
        .unwrap();
    let all = tenant.requests_in_status(None, 1_000).await.unwrap();
    assert!(queue.body.contains(&format!(
        r#"aria-current="page">審査待ち（{}）"#,
        waiting.len()
    )));
    assert!(
        queue
            .body
            .contains(&format!("公開中（{}）", published.len()))
    );
    assert!(queue.body.contains(&format!("すべて（{}）", all.len())));
    assert!(queue.body.contains(&waiting[0].title));
    assert!(
        !queue.body.contains(&format!(
            "/nagaizumi/coordinator/requests/{}\"",
            published[0].id
        )),
        "published requests are on their own tab"
    );
}
