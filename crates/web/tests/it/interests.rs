//! "この仕事について相談したい" end to end: a resident asks about a published job, her
//! coordinator is told (in the app and by mail) and sees her beside the shortlist with the
//! engine's view, the work queue counts her, and an introduction answers it. Someone not
//! signed in is sent through sign-in or sign-up and comes back; other people's ids, staff,
//! and requests that are not published are refused.

use axum::http::StatusCode;
use domain::message::{MessageKind, NoticeKind};
use store::account::AccountId;
use store::audit::AuditFilter;

use crate::harness::{Client, TestApp, outbox};
use crate::introductions::parent;

async fn signed_in<'a>(app: &'a TestApp, email: &str, password: &str) -> Client<'a> {
    let client = app.client();
    let signed = client.sign_in("/nagaizumi/login", email, password).await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{email} signs in");
    client
}

async fn housekeeping_job(
    app: &TestApp,
    town: &domain::Municipality,
) -> store::request::StoredRequest {
    app.store
        .tenant(town)
        .published_requests(&Default::default(), 100)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.title.contains("客室の準備"))
        .unwrap()
}

#[tokio::test]
async fn a_resident_asks_about_a_job_and_her_coordinator_introduces_her() {
    let app = TestApp::new().await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let job = housekeeping_job(&app, &town).await;
    let (yuki, email) = parent(&app, &town, "interest").await;
    let interest_path = format!("/nagaizumi/requests/{}/interest", job.id);

    // Anyone sees the way to ask on the job's public page.
    let public = app.get(&format!("/nagaizumi/requests/{}", job.id)).await;
    assert!(public.body.contains(&format!(r#"href="{interest_path}""#)));
    assert!(public.body.contains("この仕事について相談したい"));

    let resident = signed_in(&app, &email, crate::harness::PASSWORD).await;
    let form = resident.get(&interest_path).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.body.contains(r#"maxlength="500""#),
        "the field says its limit"
    );

    // Too long: refused with the field named, and what she typed is kept.
    let long = format!("土曜も働けます{}", "。".repeat(500));
    let refused = resident
        .submit(
            &interest_path,
            &interest_path,
            &[("interest_message", &long)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("長すぎます"));
    assert!(
        refused.body.contains("土曜も働けます。。。"),
        "typed text is kept"
    );
    let tenant = app.store.tenant(&town);
    assert!(
        tenant.own_interests(yuki.id).await.unwrap().is_empty(),
        "nothing half-written"
    );

    let sent = resident
        .submit(
            &interest_path,
            &interest_path,
            &[("interest_message", "  土曜も働けます ")],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    let after = resident.get(sent.location()).await;
    assert!(after.body.contains("コーディネーターにお伝えしました"));
    assert!(after.body.contains("コーディネーターの確認待ち"));
    let home = resident.get("/nagaizumi/me/").await;
    assert!(home.body.contains("相談中の仕事") && home.body.contains(&job.title));

    // Saying it twice tells no one twice.
    resident
        .submit(&interest_path, &interest_path, &[("interest_message", "")])
        .await;
    let told: Vec<_> = outbox(&app.store, Some(town.id), 100)
        .await
        .into_iter()
        .filter(|m| m.kind == MessageKind::Notice(NoticeKind::InterestExpressed))
        .collect();
    assert_eq!(told.len(), 1, "one coordinator mail, once");
    assert!(told[0].subject.contains(&job.title));
    assert!(
        told[0].body_text.contains("土曜も働けます"),
        "{}",
        told[0].body_text
    );

    // The coordinator: the notice, the work queue, the request's page, the list.
    let coordinator = signed_in(&app, "coordinator@demo.example.jp", demo::DEMO_PASSWORD).await;
    let notices = coordinator.get("/nagaizumi/notifications").await;
    assert!(notices.body.contains("相談の申し出がありました"));
    let queue = coordinator.get("/nagaizumi/coordinator/").await;
    assert!(queue.body.contains("相談したいと伝えた人（確認待ち）: 1件"));
    assert!(
        queue
            .body
            .contains(r#"href="/nagaizumi/coordinator/interests""#)
    );
    let listed = coordinator.get("/nagaizumi/coordinator/interests").await;
    assert!(listed.body.contains("泉 由紀") && listed.body.contains(&job.title));
    let job_page = format!("/nagaizumi/coordinator/requests/{}", job.id);
    let page = coordinator.get(&job_page).await;
    let section = &page.body[page.body.find("interests-h").unwrap()..];
    let section = &section[..section.find("candidates-h").unwrap()];
    assert!(section.contains("泉 由紀") && section.contains("土曜も働けます"));
    assert!(
        section.contains("エンジンの候補"),
        "the engine's view: {section}"
    );
    let viewed = app
        .store
        .audit_page(
            &AuditFilter {
                action_prefix: Some("interest.list".into()),
                subjects: vec![yuki.id],
                ..Default::default()
            },
            10,
        )
        .await
        .unwrap();
    assert_eq!(viewed.len(), 2, "each view names her");

    // Introducing her answers it.
    let introduced = coordinator
        .submit(
            &job_page,
            &format!("{job_page}/introductions"),
            &[
                ("participant_id", &yuki.id.0.to_string()),
                ("back", &job_page),
            ],
        )
        .await;
    assert_eq!(
        introduced.status,
        StatusCode::SEE_OTHER,
        "{}",
        introduced.body
    );
    let queue = coordinator.get("/nagaizumi/coordinator/").await;
    assert!(queue.body.contains("相談したいと伝えた人（確認待ち）: 0件"));
    let mine = resident.get(&interest_path).await;
    assert!(mine.body.contains("ご紹介しました"));
    assert!(
        !mine.body.contains("相談を申し込む"),
        "nothing to say again"
    );
    let timeline = tenant.case_events(yuki.id).await.unwrap();
    assert!(
        timeline
            .iter()
            .any(|e| e.kind == domain::timeline::TimelineKind::Interested),
        "the case timeline records it"
    );
}

#[tokio::test]
async fn only_she_withdraws_hers_and_a_coordinator_can_mark_it_handled() {
    let app = TestApp::new().await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let job = housekeeping_job(&app, &town).await;
    let (yuki, email) = parent(&app, &town, "withdraw").await;
    let interest_path = format!("/nagaizumi/requests/{}/interest", job.id);
    let resident = signed_in(&app, &email, crate::harness::PASSWORD).await;
    resident
        .submit(&interest_path, &interest_path, &[("interest_message", "")])
        .await;
    let tenant = app.store.tenant(&town);
    let interest = tenant.own_interests(yuki.id).await.unwrap().remove(0);

    // Someone else cannot withdraw it.
    let hanako = signed_in(&app, "hanako@demo.example.jp", demo::DEMO_PASSWORD).await;
    let withdraw = format!("/nagaizumi/me/interests/{}/withdraw", interest.id);
    let refused = hanako.submit("/nagaizumi/me/", &withdraw, &[]).await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);
    assert!(
        tenant.own_interests(yuki.id).await.unwrap()[0]
            .status
            .is_waiting()
    );

    let withdrawn = resident.submit(&interest_path, &withdraw, &[]).await;
    assert!(withdrawn.location().ends_with("done=withdrawn"));
    let page = resident.get(withdrawn.location()).await;
    assert!(page.body.contains("取り下げました") && page.body.contains("相談を申し込む"));

    // Asked again, then handled by a coordinator who called her.
    resident
        .submit(
            &interest_path,
            &interest_path,
            &[("interest_message", "やはり相談したいです")],
        )
        .await;
    let again = tenant.own_interests(yuki.id).await.unwrap().remove(0);
    assert!(again.status.is_waiting() && again.message == "やはり相談したいです");
    let coordinator = signed_in(&app, "coordinator@demo.example.jp", demo::DEMO_PASSWORD).await;
    let handled = coordinator
        .submit(
            "/nagaizumi/coordinator/interests",
            &format!("/nagaizumi/coordinator/interests/{}/answered", again.id),
            &[("back", "https://elsewhere.example/")],
        )
        .await;
    assert_eq!(
        handled.location(),
        "/nagaizumi/coordinator/interests?done=answered",
        "a foreign back link is dropped"
    );
    let page = resident.get(&interest_path).await;
    assert!(page.body.contains("コーディネーターからご連絡しました"));
    assert_eq!(
        tenant
            .work_queue(
                AccountId(0),
                (chrono::Utc::now(), chrono::Utc::now().date_naive())
            )
            .await
            .unwrap()
            .interests_waiting,
        0
    );
}

#[tokio::test]
async fn staff_and_unpublished_requests_cannot_be_asked_about() {
    let app = TestApp::new().await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let tenant = app.store.tenant(&town);
    let draft = tenant
        .requests_in_status(Some("submitted"), 10)
        .await
        .unwrap()
        .remove(0);
    let hanako = signed_in(&app, "hanako@demo.example.jp", demo::DEMO_PASSWORD).await;
    let path = format!("/nagaizumi/requests/{}/interest", draft.id);
    assert_eq!(hanako.get(&path).await.status, StatusCode::NOT_FOUND);
    let job = housekeeping_job(&app, &town).await;
    let token = hanako
        .get(&format!("/nagaizumi/requests/{}/interest", job.id))
        .await
        .csrf();
    let posted = hanako
        .post_raw(&path, &[("csrf_token", &token), ("interest_message", "")])
        .await;
    assert_eq!(posted.status, StatusCode::NOT_FOUND);

    let coordinator = signed_in(&app, "coordinator@demo.example.jp", demo::DEMO_PASSWORD).await;
    let staff = coordinator
        .get(&format!("/nagaizumi/requests/{}/interest", job.id))
        .await;
    assert_eq!(staff.status, StatusCode::FORBIDDEN);
    let public = coordinator
        .get(&format!("/nagaizumi/requests/{}", job.id))
        .await;
    assert!(
        !public.body.contains("/interest\""),
        "staff are not offered the button"
    );
}

#[tokio::test]
async fn someone_not_signed_in_signs_up_and_comes_back_to_the_job() {
    let app = TestApp::new().await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let job = housekeeping_job(&app, &town).await;
    let interest_path = format!("/nagaizumi/requests/{}/interest", job.id);
    let visitor = app.client();
    let asked = visitor.get(&interest_path).await;
    assert_eq!(asked.status, StatusCode::SEE_OTHER);
    let login = visitor.get(asked.location()).await;
    let next = format!("next=%2Fnagaizumi%2Frequests%2F{}%2Finterest", job.id);
    assert!(
        login.body.contains(&format!("/nagaizumi/signup?{next}")),
        "sign-up keeps the way back"
    );

    let email = format!("newcomer-{}@example.jp", std::process::id());
    let signup = format!("/nagaizumi/signup?{next}");
    visitor
        .submit(
            &signup,
            "/nagaizumi/signup",
            &[("email", &email), ("next", &interest_path)],
        )
        .await;
    let mail = crate::harness::mail_to(&app.store, &email).await;
    let link = crate::harness::link_path(&mail.body_text);
    assert!(link.contains(&next), "the mailed link keeps it: {link}");
    let details = visitor.get(&link).await;
    assert!(
        details.body.contains(r#"href="/nagaizumi/privacy""#),
        "the consent can be read before it is given"
    );
    let registered = visitor
        .post_raw(
            &link,
            &[
                ("csrf_token", &details.csrf()),
                ("display_name", "新井 みどり"),
                ("furigana", "あらい みどり"),
                ("password", "mikan-no-hana-2026"),
                ("eligibility", "lives"),
                ("privacy_consent", "yes"),
                ("next", &interest_path),
            ],
        )
        .await;
    assert_eq!(
        registered.status,
        StatusCode::SEE_OTHER,
        "{}",
        registered.body
    );
    assert_eq!(registered.location(), interest_path, "back to the job");
    let home = visitor.get("/nagaizumi/me/").await;
    assert!(
        home.body.contains("これからの流れ"),
        "the page says what happens next"
    );

    // The coordinator team hears of the registration.
    let coordinator = signed_in(&app, "coordinator@demo.example.jp", demo::DEMO_PASSWORD).await;
    let notices = coordinator.get("/nagaizumi/notifications").await;
    assert!(notices.body.contains("新しい参加登録がありました"));
    assert!(notices.body.contains("新井 みどり"));
}

#[tokio::test]
async fn a_way_back_off_the_town_is_dropped() {
    let app = TestApp::new().await;
    demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let visitor = app.client();
    for next in [
        "https%3A%2F%2Fevil.example%2F",
        "%2F%2Fevil.example%2F",
        "%2Fothertown%2Fme%2F",
    ] {
        let page = visitor.get(&format!("/nagaizumi/signup?next={next}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(!page.body.contains("name=\"next\""), "{next} is not kept");
    }
}
