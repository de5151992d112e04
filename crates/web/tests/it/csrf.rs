use axum::http::StatusCode;
use domain::Role;

use crate::harness::{PASSWORD, TestApp};

#[tokio::test]
async fn a_post_without_a_valid_token_changes_nothing() {
    let app = TestApp::new().await;
    let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    let client = app.client();
    client.get("/nagaizumi/signup").await;
    let fields = [
        ("display_name", "花子"),
        ("furigana", "はなこ"),
        ("email", "hanako@example.jp"),
        ("password", PASSWORD),
        ("eligibility", "lives"),
        ("privacy_consent", "yes"),
    ];
    let missing = client.post_raw("/nagaizumi/signup", &fields).await;
    assert_eq!(missing.status, StatusCode::FORBIDDEN);
    assert!(missing.body.contains("フォームの有効期限が切れたか"));
    let mut forged = vec![("csrf_token", "0123456789abcdef")];
    forged.extend_from_slice(&fields);
    assert_eq!(
        client.post_raw("/nagaizumi/signup", &forged).await.status,
        StatusCode::FORBIDDEN
    );

    // A token that is valid for another visitor's cookie is refused too.
    let other = app.client();
    let their_token = other.get("/nagaizumi/signup").await.csrf();
    let mut stolen = vec![("csrf_token", their_token.as_str())];
    stolen.extend_from_slice(&fields);
    assert_eq!(
        client.post_raw("/nagaizumi/signup", &stolen).await.status,
        StatusCode::FORBIDDEN
    );

    assert!(
        app.store
            .tenant(&town)
            .account_by_email("hanako@example.jp")
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn a_staff_post_with_a_forged_token_is_refused() {
    let app = TestApp::new().await;
    let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    app.add_account(Some(&town), Role::Coordinator, "coord@example.jp", "調整")
        .await;
    let client = app.client();
    client
        .sign_in("/nagaizumi/login", "coord@example.jp", PASSWORD)
        .await;
    let response = client
        .post_raw(
            "/nagaizumi/coordinator/invitations",
            &[
                ("csrf_token", "forged"),
                ("email", "org@example.jp"),
                ("organization", "会社"),
            ],
        )
        .await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
    assert!(
        app.store
            .tenant(&town)
            .invitations(10)
            .await
            .unwrap()
            .is_empty()
    );
    let denied = app
        .store
        .audit_page(
            &store::audit::AuditFilter {
                action_prefix: Some("access.denied".into()),
                ..Default::default()
            },
            10,
        )
        .await
        .unwrap();
    assert_eq!(denied.len(), 1, "the refused staff attempt is audited");
    assert_eq!(denied[0].action.code(), "access.denied.csrf");
}

#[tokio::test]
async fn a_tampered_session_cookie_is_ignored_and_removed() {
    let app = TestApp::new().await;
    let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    app.add_account(Some(&town), Role::Coordinator, "coord@example.jp", "調整")
        .await;
    let client = app.client();
    client
        .sign_in("/nagaizumi/login", "coord@example.jp", PASSWORD)
        .await;
    let real = client.has_cookie("wk_session").unwrap();
    let tampered = format!("{}x", &real[..real.len() - 1]);
    client
        .cookies
        .lock()
        .unwrap()
        .insert("wk_session".into(), tampered);
    let response = client.get("/nagaizumi/coordinator/").await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    assert!(response.location().starts_with("/nagaizumi/login"));
    assert!(
        client.has_cookie("wk_session").is_none(),
        "the bad cookie is cleared"
    );
}
