//! Saved jobs and the weekly mail of new jobs that fit: a resident saves a job from its page
//! and finds it on her page, others (and staff) cannot save or see it; she turns the mail on,
//! and a week later the worker mails her the new jobs the engine finds fit, once.

use axum::http::StatusCode;
use web::mail::Worker;

use crate::harness::{PASSWORD, TestApp, outbox};
use crate::introductions::parent;

/// The inn's morning housekeeping job, which the test parent's profile fits.
async fn housekeeping(app: &TestApp, town: &domain::Municipality) -> i64 {
    app.store
        .tenant(town)
        .published_requests(&Default::default(), 100)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.title.contains("客室の準備"))
        .unwrap()
        .id
}

#[tokio::test]
async fn a_resident_saves_a_job_finds_it_on_her_page_and_forgets_it() {
    let app = TestApp::new().await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let job = housekeeping(&app, &town).await;
    let job_page = format!("/nagaizumi/requests/{job}");
    let save = format!("{job_page}/save");

    let anonymous = app.client();
    assert!(!anonymous.get(&job_page).await.body.contains(&save));
    let refused = anonymous.post_raw(&save, &[("save", "yes")]).await;
    assert_ne!(refused.status, StatusCode::SEE_OTHER, "{}", refused.status);

    let (_, email) = parent(&app, &town, "saved").await;
    let her = app.client();
    her.sign_in("/nagaizumi/login", &email, PASSWORD).await;
    let page = her.get(&job_page).await.body;
    assert!(page.contains(&save) && page.contains("この仕事を保存する"));
    let saved = her.submit(&job_page, &save, &[("save", "yes")]).await;
    assert!(
        saved.location().ends_with("?done=job-saved"),
        "{}",
        saved.location()
    );
    let again = her.get(saved.location()).await.body;
    assert!(again.contains("保存しました") && again.contains("保存をやめる"));
    assert!(
        her.submit(&job_page, &save, &[("save", "yes")])
            .await
            .location()
            .ends_with("?done=job-saved"),
        "saving twice is harmless"
    );
    let home = her.get("/nagaizumi/me/").await.body;
    assert!(
        home.contains("保存した仕事") && home.contains(&job_page),
        "{home}"
    );

    // Someone else does not see it; staff cannot save; an unknown job is not found.
    let (_, other_email) = parent(&app, &town, "other").await;
    let other = app.client();
    other
        .sign_in("/nagaizumi/login", &other_email, PASSWORD)
        .await;
    assert!(!other.get("/nagaizumi/me/").await.body.contains(&job_page));
    let missing = other
        .submit(
            &job_page,
            "/nagaizumi/requests/999999/save",
            &[("save", "yes")],
        )
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let coordinator = app.client();
    coordinator
        .sign_in(
            "/nagaizumi/login",
            "coordinator@demo.example.jp",
            demo::DEMO_PASSWORD,
        )
        .await;
    let staff = coordinator.post_raw(&save, &[("save", "yes")]).await;
    assert_eq!(staff.status, StatusCode::FORBIDDEN);

    let forgotten = her
        .submit("/nagaizumi/me/", &save, &[("save", "no"), ("from", "home")])
        .await;
    assert_eq!(forgotten.location(), "/nagaizumi/me/?done=job-forgotten");
    let home = her.get(forgotten.location()).await.body;
    assert!(home.contains("保存をやめました") && !home.contains(&job_page));
}

#[tokio::test]
async fn the_weekly_mail_lists_new_jobs_that_fit_once_a_week_and_stops_when_asked() {
    let app = TestApp::new().await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let (account, email) = parent(&app, &town, "weekly").await;
    let her = app.client();
    her.sign_in("/nagaizumi/login", &email, PASSWORD).await;
    let home = her.get("/nagaizumi/me/").await.body;
    assert!(home.contains("お知らせメールを受け取る"));
    let on = her
        .submit(
            "/nagaizumi/me/",
            "/nagaizumi/me/job-mail",
            &[("job_mail", "yes")],
        )
        .await;
    assert_eq!(on.location(), "/nagaizumi/me/?done=job-mail-on");
    assert!(
        her.get(on.location())
            .await
            .body
            .contains("から受け取っています")
    );

    let state = web::AppState::new(app.store.store.clone(), web::WebConfig::default())
        .await
        .unwrap();
    let early = web::worker::round(&state, &Worker::new(), None)
        .await
        .unwrap();
    assert_eq!(early.job_mails, 0, "not before a week has passed");

    // A week on: every demo job was published since she turned it on.
    let mut conn = app.store.conn().await.unwrap();
    let week_ago = chrono::Utc::now() - chrono::Duration::days(8);
    store::on_backend!(conn.exec(), c => sqlx::query(
        "UPDATE participant_profile SET job_mail_since = $1 WHERE account_id = $2")
        .bind(week_ago).bind(account.id.0).execute(c).await.map(|_| ()))
    .unwrap();
    store::on_backend!(conn.exec(), c => sqlx::query(
        "UPDATE request SET published_at = $1 WHERE published_at < $1")
        .bind(week_ago + chrono::Duration::days(1)).execute(c).await.map(|_| ()))
    .unwrap();
    drop(conn);
    let first = web::worker::round(&state, &Worker::new(), None)
        .await
        .unwrap();
    let second = web::worker::round(&state, &Worker::new(), None)
        .await
        .unwrap();
    assert_eq!((first.job_mails, second.job_mails), (1, 0));
    let mail = outbox(&app.store, Some(town.id), 100)
        .await
        .into_iter()
        .find(|m| m.recipient == email)
        .expect("the weekly mail");
    assert!(mail.subject.contains("あなたに合いそうな新しいお仕事"));
    assert!(mail.body_text.contains("客室の準備"), "{}", mail.body_text);

    let off = her
        .submit(
            "/nagaizumi/me/",
            "/nagaizumi/me/job-mail",
            &[("job_mail", "no")],
        )
        .await;
    assert_eq!(off.location(), "/nagaizumi/me/?done=job-mail-off");
    assert!(
        app.store
            .job_mails_due(chrono::Utc::now() + chrono::Duration::days(30))
            .await
            .unwrap()
            .iter()
            .all(|d| d.participant_id != account.id.0)
    );
}
