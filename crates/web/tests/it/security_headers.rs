use crate::harness::TestApp;

#[tokio::test]
async fn every_response_carries_the_security_headers_and_a_request_id() {
    let app = TestApp::new().await;
    app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    for path in ["/nagaizumi/", "/nowhere/", "/healthz", "/static/app.css"] {
        let response = app.get(path).await;
        let csp = response.header("content-security-policy");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
            "{path}"
        );
        assert_eq!(
            response.header("x-content-type-options"),
            "nosniff",
            "{path}"
        );
        assert_eq!(response.header("referrer-policy"), "same-origin", "{path}");
        assert_eq!(response.header("x-frame-options"), "DENY", "{path}");
        assert_eq!(response.header("x-request-id").len(), 36, "{path}");
    }
}

#[tokio::test]
async fn pages_are_gzipped_for_clients_that_accept_it() {
    let app = TestApp::new().await;
    app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    let response = app
        .get_with("/nagaizumi/", ("accept-encoding", "gzip"))
        .await;
    assert_eq!(response.header("content-encoding"), "gzip");
}
