use axum::http::StatusCode;
use chrono::{Duration, Utc};
use domain::Role;
use store::secret::{random_token, token_digest};

use crate::harness::{PASSWORD, TestApp, link_path, mail_to};

#[tokio::test]
async fn a_reset_link_works_once() {
    let app = TestApp::new().await;
    let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    app.add_account(Some(&town), Role::Participant, "hanako@example.jp", "花子")
        .await;
    let client = app.client();
    let path = "/nagaizumi/password-reset";
    let sent = client
        .submit(path, path, &[("email", "Hanako@example.jp")])
        .await;
    assert_eq!(sent.status, StatusCode::OK);
    assert!(sent.body.contains("再設定のリンクをお送りしました"));

    let message = mail_to(&app.store, "hanako@example.jp").await;
    assert_eq!(message.municipality_id, Some(town.id.0));
    assert!(message.subject.contains("パスワードの再設定"));
    assert!(message.body_text.contains("花子 さま"));

    let link = link_path(&message.body_text);
    let form = client.get(&link).await;
    assert_eq!(form.status, StatusCode::OK);
    let weak = client
        .post_raw(
            &link,
            &[("csrf_token", &form.csrf()), ("password", "short")],
        )
        .await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    let done = client
        .post_raw(
            &link,
            &[
                ("csrf_token", &form.csrf()),
                ("password", "atarashii-pass-77"),
            ],
        )
        .await;
    assert_eq!(done.location(), "/nagaizumi/login?done=password-reset");
    let reused = client
        .post_raw(
            &link,
            &[
                ("csrf_token", &form.csrf()),
                ("password", "another-pass-88"),
            ],
        )
        .await;
    assert_eq!(reused.status, StatusCode::GONE);
    assert!(reused.body.contains("このリンクは使えません"));
    assert_eq!(client.get(&link).await.status, StatusCode::GONE);

    let signed_in = app
        .client()
        .sign_in("/nagaizumi/login", "hanako@example.jp", "atarashii-pass-77")
        .await;
    assert_eq!(signed_in.location(), "/nagaizumi/me/");
    let old = app
        .client()
        .sign_in("/nagaizumi/login", "hanako@example.jp", PASSWORD)
        .await;
    assert_eq!(old.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn an_unknown_address_gets_the_same_answer_and_no_mail() {
    let app = TestApp::new().await;
    app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    let path = "/nagaizumi/password-reset";
    let response = app
        .client()
        .submit(path, path, &[("email", "nobody@example.jp")])
        .await;
    assert_eq!(response.status, StatusCode::OK);
    assert!(response.body.contains("再設定のリンクをお送りしました"));
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(
        crate::harness::outbox(&app.store, None, 10)
            .await
            .is_empty()
    );
}

#[tokio::test]
async fn an_expired_reset_link_is_refused_and_changes_nothing() {
    let app = TestApp::new().await;
    let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    let account = app
        .add_account(Some(&town), Role::Participant, "hanako@example.jp", "花子")
        .await;
    let token = random_token();
    let past = Utc::now() - Duration::hours(2);
    app.store
        .tenant(&town)
        .create_password_reset(
            account.id,
            &token_digest(&token),
            past,
            past + Duration::hours(1),
        )
        .await
        .unwrap();
    let link = format!("/nagaizumi/password-reset/{token}");
    let client = app.client();
    assert_eq!(client.get(&link).await.status, StatusCode::GONE);
    let csrf = client.get("/nagaizumi/login").await.csrf();
    let attempt = client
        .post_raw(
            &link,
            &[("csrf_token", &csrf), ("password", "atarashii-pass-77")],
        )
        .await;
    assert_eq!(attempt.status, StatusCode::GONE);
    let still = app
        .client()
        .sign_in("/nagaizumi/login", "hanako@example.jp", PASSWORD)
        .await;
    assert_eq!(still.location(), "/nagaizumi/me/");
}

#[tokio::test]
async fn a_reset_token_of_one_town_does_not_work_in_another() {
    let app = TestApp::new().await;
    let a = app.add_town("town-a", "A町", "Town A").await;
    app.add_town("town-b", "B町", "Town B").await;
    let account = app
        .add_account(Some(&a), Role::Participant, "hanako@example.jp", "花子")
        .await;
    let token = random_token();
    let now = Utc::now();
    app.store
        .tenant(&a)
        .create_password_reset(
            account.id,
            &token_digest(&token),
            now,
            now + Duration::hours(1),
        )
        .await
        .unwrap();
    assert_eq!(
        app.client()
            .get(&format!("/town-b/password-reset/{token}"))
            .await
            .status,
        StatusCode::GONE
    );
    assert_eq!(
        app.client()
            .get(&format!("/town-a/password-reset/{token}"))
            .await
            .status,
        StatusCode::OK
    );
}
