use axum::http::StatusCode;
use web::WebConfig;

use crate::harness::TestApp;

#[tokio::test]
async fn unknown_paths_get_a_translated_404_page() {
    let app = TestApp::new().await;
    app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    for path in [
        "/no-such-town/",
        "/nagaizumi/no-such-page",
        "/static/nope.css",
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
        assert!(page.body.contains("ページが見つかりません"), "{path}");
        assert!(page.header("content-type").starts_with("text/html"));
    }
    let english = app
        .get_with("/no-such-town/", ("accept-language", "en"))
        .await;
    assert!(english.body.contains("Page not found"));
}

#[tokio::test]
async fn oversized_bodies_get_413_in_the_users_language() {
    let app = TestApp::with_config(WebConfig {
        max_body_bytes: 1024,
        ..WebConfig::default()
    })
    .await;
    app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    let client = app.client();
    let token = client.get("/nagaizumi/login").await.csrf();
    let big = "a".repeat(4096);
    let page = client
        .post_raw(
            "/nagaizumi/login",
            &[("csrf_token", &token), ("email", &big)],
        )
        .await;
    assert_eq!(page.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        page.body.contains("送信された内容が大きすぎます"),
        "{}",
        page.body
    );
}

#[tokio::test]
async fn a_wrong_method_keeps_its_allow_header() {
    let app = TestApp::new().await;
    app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    let client = app.client();
    let token = client.get("/nagaizumi/login").await.csrf();
    let page = client
        .post_raw("/nagaizumi/", &[("csrf_token", &token)])
        .await;
    assert_eq!(page.status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(page.header("allow").contains("GET"));
    assert!(page.body.contains("この操作はできません"));
}

#[tokio::test]
async fn json_clients_get_json_errors() {
    let app = TestApp::new().await;
    let response = app
        .get_with("/nowhere/", ("accept", "application/json"))
        .await;
    assert_eq!(response.status, StatusCode::NOT_FOUND);
    let body: serde_json::Value = serde_json::from_str(&response.body).unwrap();
    assert_eq!(body["error"], "404");
}
