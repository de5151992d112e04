use axum::http::StatusCode;
use chrono::{Duration, Utc};
use store::announcement::NewAnnouncement;

use crate::harness::TestApp;

fn news(title: &str) -> NewAnnouncement {
    NewAnnouncement {
        title_ja: title.into(),
        title_en: format!("{title} (en)"),
        body_ja: "本文".into(),
        body_en: "Body".into(),
        published_at: Utc::now() - Duration::hours(1),
    }
}

#[tokio::test]
async fn the_home_page_is_japanese_by_default() {
    let app = TestApp::new().await;
    app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    let page = app.get("/nagaizumi/").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(r#"<html lang="ja">"#));
    assert!(page.body.contains("長泉町 わくわくキャリア"));
    assert!(page.body.contains(r##"href="#main""##), "skip link");
    assert!(page.body.contains("<main id=\"main\""));
    assert!(
        page.body
            .contains(r#"href="/lang/en?next=%2Fnagaizumi%2F""#)
    );
}

#[tokio::test]
async fn english_comes_from_the_cookie_before_accept_language() {
    let app = TestApp::new().await;
    app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    let by_header = app
        .get_with("/nagaizumi/", ("accept-language", "en-GB,en;q=0.9"))
        .await;
    assert!(by_header.body.contains(r#"<html lang="en">"#));
    assert!(by_header.body.contains("Nagaizumi Town WakuCareer"));
    let by_cookie = app
        .send(
            axum::http::Request::get("/nagaizumi/")
                .header("accept-language", "en")
                .header("cookie", "lang=ja")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert!(by_cookie.body.contains(r#"<html lang="ja">"#));
}

#[tokio::test]
async fn the_language_switch_sets_a_cookie_and_returns_only_to_local_paths() {
    let app = TestApp::new().await;
    let switched = app.get("/lang/en?next=%2Fnagaizumi%2F").await;
    assert_eq!(switched.status, StatusCode::SEE_OTHER);
    assert_eq!(switched.header("location"), "/nagaizumi/");
    let cookie = switched.header("set-cookie");
    assert!(cookie.starts_with("lang=en"), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let offsite = app.get("/lang/en?next=https%3A%2F%2Fevil.example%2F").await;
    assert_eq!(offsite.header("location"), "/");
    assert_eq!(app.get("/lang/fr").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_town_shows_only_its_own_news() {
    let app = TestApp::new().await;
    let a = app.add_town("town-a", "A町", "Town A").await;
    let b = app.add_town("town-b", "B町", "Town B").await;
    app.store
        .tenant(&a)
        .add_announcement(&news("A町の講座"))
        .await
        .unwrap();
    app.store
        .tenant(&b)
        .add_announcement(&news("B町の座談会"))
        .await
        .unwrap();
    let page = app.get("/town-a/").await;
    assert!(page.body.contains("A町の講座"));
    assert!(!page.body.contains("B町の座談会"));
    let english = app.get_with("/town-a/", ("accept-language", "en")).await;
    assert!(english.body.contains("A町の講座 (en)"));
}

#[tokio::test]
async fn markup_in_stored_text_is_escaped() {
    let app = TestApp::new().await;
    let town = app
        .add_town("town-a", "<script>alert(1)</script>町", "Town A")
        .await;
    app.store
        .tenant(&town)
        .add_announcement(&news("<img src=x onerror=alert(1)>"))
        .await
        .unwrap();
    let page = app.get("/town-a/").await;
    assert!(!page.body.contains("<script>alert(1)"));
    assert!(page.body.contains("&#60;script&#62;") || page.body.contains("&lt;script&gt;"));
    assert!(!page.body.contains("<img src=x"));
}

#[tokio::test]
async fn the_root_lists_towns_or_goes_to_the_only_one() {
    let app = TestApp::new().await;
    let empty = app.get("/").await;
    assert_eq!(empty.status, StatusCode::OK);
    assert!(empty.body.contains("まだ町が登録されていません"));
    app.add_town("town-a", "A町", "Town A").await;
    let one = app.get("/").await;
    assert_eq!(one.status, StatusCode::SEE_OTHER);
    assert_eq!(one.header("location"), "/town-a/");
    app.add_town("town-b", "B町", "Town B").await;
    let two = app.get("/").await;
    assert!(two.body.contains(r#"href="/town-a/""#) && two.body.contains(r#"href="/town-b/""#));
    assert_eq!(app.get("/town-b").await.header("location"), "/town-b/");
}
