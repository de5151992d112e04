use axum::http::StatusCode;

use crate::harness::TestApp;

#[tokio::test]
async fn healthz_reports_the_database() {
    let app = TestApp::new().await;
    let response = app.get("/healthz").await;
    assert_eq!(response.status, StatusCode::OK);
    let body: serde_json::Value = serde_json::from_str(&response.body).unwrap();
    assert_eq!(body["status"], "ok");
    assert_eq!(body["database"], "ok");
    assert_eq!(body["backend"], store::testing::backend().name());
}

#[tokio::test]
async fn healthz_answers_503_when_the_database_is_gone() {
    let app = TestApp::new().await;
    app.store.close().await;
    let response = app.get("/healthz").await;
    assert_eq!(response.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(response.body.contains("unreachable"));
}

#[tokio::test]
async fn metrics_count_requests_by_route_and_status() {
    let app = TestApp::with_config(web::WebConfig {
        metrics_token: Some(web::SecretString::new("scrape-2026".into())),
        ..web::WebConfig::default()
    })
    .await;
    app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    app.get("/nagaizumi/").await;
    app.get("/nagaizumi/").await;
    assert_eq!(app.get("/metrics").await.status, StatusCode::NOT_FOUND);
    let wrong = app
        .get_with("/metrics", ("authorization", "Bearer guess"))
        .await;
    assert_eq!(wrong.status, StatusCode::NOT_FOUND);
    let metrics = app
        .get_with("/metrics", ("authorization", "Bearer scrape-2026"))
        .await;
    assert_eq!(metrics.status, StatusCode::OK);
    assert!(
        metrics.body.contains(
            r#"wakucareer_http_requests_total{method="GET",route="/{town}/",status="200"} 2"#
        ),
        "{}",
        metrics.body
    );
    assert!(
        metrics
            .body
            .contains("wakucareer_http_request_duration_seconds_bucket")
    );
}
