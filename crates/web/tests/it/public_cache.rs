//! Public pages are kept for anonymous visitors: the same page with an ETag, 304 for a visitor
//! who has it, no CSRF cookie on a page without a form, and a fresh page after a write.

use axum::http::StatusCode;
use store::testing::Record;

use crate::harness::TestApp;

#[tokio::test]
async fn public_pages_are_kept_revalidated_and_renewed_by_writes() {
    let app = TestApp::new().await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let first = app.get("/nagaizumi/events").await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(
        first.header("set-cookie").is_empty(),
        "no cookie without a form"
    );
    let etag = first.header("etag").to_owned();
    assert!(etag.starts_with('"'), "{etag:?}");
    assert!(!first.header("last-modified").is_empty());
    let again = app.get("/nagaizumi/events").await;
    assert_eq!(again.header("etag"), etag);
    assert_eq!(again.body, first.body);
    let revalidated = app
        .get_with("/nagaizumi/events", ("if-none-match", &etag))
        .await;
    assert_eq!(revalidated.status, StatusCode::NOT_MODIFIED);
    assert!(revalidated.body.is_empty());
    // Kept gzipped once, for those who accept it.
    let gzipped = app
        .get_with("/nagaizumi/events", ("accept-encoding", "gzip"))
        .await;
    assert_eq!(gzipped.header("content-encoding"), "gzip");
    assert_eq!(gzipped.header("etag"), etag);
    // The languages are kept apart.
    let english = app
        .get_with("/nagaizumi/events", ("accept-language", "en"))
        .await;
    assert_ne!(english.header("etag"), etag);
    // A page with a form is never kept, and it sets the cookie its form needs.
    let login = app.get("/nagaizumi/login").await;
    assert!(login.header("etag").is_empty());
    assert!(login.header("set-cookie").starts_with("wk_csrf="));

    // A parent books a seat: the public page shows one seat fewer at once.
    let event = app
        .store
        .ids_for_test(
            town.id,
            Record::Event,
            "kind = 'seminar' AND childcare = TRUE",
        )
        .await
        .unwrap()[0];
    let path = format!("/nagaizumi/events/{event}");
    let before = app.get(&path).await;
    let parent = app.client();
    parent
        .sign_in(
            "/nagaizumi/login",
            "hanako@demo.example.jp",
            demo::DEMO_PASSWORD,
        )
        .await;
    let booked = parent.submit(&path, &path, &[]).await;
    assert!(booked.status.is_redirection(), "{}", booked.status);
    let after = app.get(&path).await;
    assert_ne!(after.header("etag"), before.header("etag"));
    assert_ne!(after.body, before.body);
}
