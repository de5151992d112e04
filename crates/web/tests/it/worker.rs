//! The background worker's own work: telling coordinators of follow-ups that come due, once
//! even when two workers run, in the app and by email.

use chrono::Utc;
use domain::Role;
use store::account::AccountId;
use web::mail::Worker;

use crate::harness::TestApp;

#[tokio::test]
async fn a_due_follow_up_is_told_to_its_coordinator_once() {
    let app = TestApp::with_config(web::WebConfig::default()).await;
    let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    let coordinator = app
        .add_account(
            Some(&town),
            Role::Coordinator,
            "coordinator@example.jp",
            "調整 花子",
        )
        .await;
    let parent = app
        .add_account(
            Some(&town),
            Role::Participant,
            "parent@example.jp",
            "長泉 由紀",
        )
        .await;
    let tenant = app.store.tenant(&town);
    let today = domain::local_time::to_jst(Utc::now()).date_naive();
    tenant
        .add_follow_up(
            parent.id,
            coordinator.id,
            today,
            "講座の申し込み状況を確認する",
        )
        .await
        .unwrap();
    tenant
        .add_follow_up(
            parent.id,
            coordinator.id,
            today + chrono::Duration::days(30),
            "まだ先",
        )
        .await
        .unwrap();
    let state = web::AppState::new(app.store.store.clone(), web::WebConfig::default())
        .await
        .unwrap();
    let first = web::worker::round(&state, &Worker::new(), None)
        .await
        .unwrap();
    let second = web::worker::round(&state, &Worker::new(), None)
        .await
        .unwrap();
    assert_eq!(first.follow_ups_notified, 1, "only the one due");
    assert_eq!(second.follow_ups_notified, 0, "told once");
    let notes = app.store.notifications(coordinator.id, 10).await.unwrap();
    assert_eq!(notes.len(), 1);
    assert!(notes[0].title.contains("長泉 由紀"), "{}", notes[0].title);
    assert!(notes[0].body.contains("講座の申し込み状況"));
    assert_eq!(
        notes[0].link,
        format!("/nagaizumi/coordinator/participants/{}", parent.id.0)
    );
    let mail = &crate::harness::outbox(&app.store, Some(town.id), 5).await[0];
    assert_eq!(mail.recipient, "coordinator@example.jp");
    assert!(mail.subject.contains("フォローアップの予定日です"));
    assert!(
        mail.body_html
            .contains("<a href=\"http://127.0.0.1:8080/nagaizumi/coordinator/participants/")
    );
    assert_eq!(
        app.store
            .unread_notifications(AccountId(coordinator.id.0))
            .await
            .unwrap(),
        1
    );
}

#[tokio::test]
async fn people_choose_their_channels_and_language_and_must_keep_one() {
    let app = TestApp::new().await;
    let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    let parent = app
        .add_account(
            Some(&town),
            Role::Participant,
            "parent@example.jp",
            "長泉 由紀",
        )
        .await;
    let client = app.client();
    client
        .sign_in(
            "/nagaizumi/login",
            "parent@example.jp",
            crate::harness::PASSWORD,
        )
        .await;
    let path = "/nagaizumi/notifications";
    let none = client.submit(path, path, &[("mail_lang", "ja")]).await;
    assert_eq!(none.status, axum::http::StatusCode::UNPROCESSABLE_ENTITY);
    assert!(none.body.contains("受け取り方法を1つ以上選んでください"));
    assert_eq!(
        app.store.notification_channels(parent.id).await.unwrap(),
        (true, true, "ja".to_owned()),
        "nothing changed"
    );
    let saved = client
        .submit(path, path, &[("in_app", "yes"), ("mail_lang", "en")])
        .await;
    assert!(saved.location().ends_with("done=saved"));
    assert_eq!(
        app.store.notification_channels(parent.id).await.unwrap(),
        (false, true, "en".to_owned())
    );
}

#[tokio::test]
async fn people_booked_are_reminded_the_day_before_once() {
    let app = TestApp::new().await;
    let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    let coordinator = app
        .add_account(
            Some(&town),
            Role::Coordinator,
            "coordinator@example.jp",
            "調整 恵",
        )
        .await;
    let parent = app
        .add_account(
            Some(&town),
            Role::Participant,
            "parent@example.jp",
            "長泉 由紀",
        )
        .await;
    let tenant = app.store.tenant(&town);
    let now = Utc::now();
    let start = now + chrono::Duration::hours(20);
    let draft = domain::event::EventDraft {
        kind: domain::event::EventKind::Seminar,
        title: "再就職セミナー".into(),
        title_en: String::new(),
        description_en: String::new(),
        description: "説明".into(),
        place: "公民館".into(),
        online_url: String::new(),
        sessions: vec![(start, start + chrono::Duration::hours(2))],
        capacity: 10,
        opens_at: now - chrono::Duration::days(1),
        closes_at: start,
        cancel_deadline: start,
        childcare: false,
        carers: 0,
        children_programme: String::new(),
        public: true,
        skills: Vec::new(),
    };
    let event = tenant.create_event(&draft, coordinator.id).await.unwrap();
    tenant
        .book(
            event,
            store::booking_desk::BookingAsk {
                participant: parent.id,
                request: domain::event::booking::Request {
                    children: Default::default(),
                },
                profile: Default::default(),
                notices: Default::default(),
                audit: None,
            },
            &domain::event::childcare::Ratios::shipped(),
        )
        .await
        .unwrap();
    let state = web::AppState::new(app.store.store.clone(), web::WebConfig::default())
        .await
        .unwrap();
    let first = web::worker::round(&state, &Worker::new(), None)
        .await
        .unwrap();
    let second = web::worker::round(&state, &Worker::new(), None)
        .await
        .unwrap();
    assert_eq!((first.reminders, second.reminders), (1, 0));
    let notes = app.store.notifications(parent.id, 5).await.unwrap();
    assert!(
        notes[0].title.contains("明日のご案内"),
        "{}",
        notes[0].title
    );
    assert!(notes[0].body.contains("公民館"));
}
