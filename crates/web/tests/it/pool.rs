//! The pool stall: many simultaneous coordinator pages must never wait on each other for
//! connections (a handler holding one connection while asking for another deadlocks the pool
//! once every connection is held that way), and an exhausted pool answers 503 after one wait
//! for a connection, not a 500 after several.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use chrono::{Duration, Utc};
use domain::Role;
use store::secret::{random_token, token_digest};
use store::testing::Record;

use crate::harness::TestApp;

/// A coordinator's session cookie, made directly in the store.
async fn coordinator_cookie(app: &TestApp, town: &domain::Municipality) -> String {
    let coordinator = app
        .store
        .tenant(town)
        .account_by_email("coordinator@demo.example.jp")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(coordinator.role, Role::Coordinator);
    let token = random_token();
    let now = Utc::now();
    app.store
        .create_session(
            &token_digest(&token),
            coordinator.id,
            now,
            now + Duration::hours(1),
        )
        .await
        .unwrap();
    format!("wk_session={token}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn four_times_the_pool_of_simultaneous_request_pages_all_answer() {
    let app = Arc::new(TestApp::new().await);
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let cookie = coordinator_cookie(&app, &town).await;
    let requests = app
        .store
        .ids_for_test(town.id, Record::Request, "status = 'published'")
        .await
        .unwrap();
    let views = 4 * app.store.pool_size() as usize;
    let pages: Vec<_> = (0..views)
        .map(|i| {
            let (app, cookie) = (app.clone(), cookie.clone());
            let path = format!(
                "/nagaizumi/coordinator/requests/{}",
                requests[i % requests.len()]
            );
            tokio::spawn(async move {
                let request = Request::get(&path)
                    .header("cookie", cookie)
                    .body(Body::empty())
                    .unwrap();
                app.send(request).await.status
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for page in pages {
        statuses.push(page.await.unwrap());
    }
    assert!(
        statuses.iter().all(|s| *s == StatusCode::OK),
        "{views} simultaneous views: {statuses:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_exhausted_pool_answers_503_with_retry_after_quickly() {
    let app = TestApp::new().await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let cookie = coordinator_cookie(&app, &town).await;
    // Every connection taken, each by its own task, until told to let go.
    let (release, released) = tokio::sync::watch::channel(false);
    let mut holders = Vec::new();
    for _ in 0..app.store.pool_size() {
        let store = app.store.store.clone();
        let mut released = released.clone();
        let (held, is_held) = tokio::sync::oneshot::channel();
        holders.push(tokio::spawn(async move {
            let conn = store.conn().await.unwrap();
            let _ = held.send(());
            let _ = released.wait_for(|r| *r).await;
            drop(conn);
        }));
        is_held.await.unwrap();
    }
    let started = std::time::Instant::now();
    let response = app
        .send(
            Request::get("/nagaizumi/coordinator/participants")
                .header("cookie", &cookie)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    let waited = started.elapsed();
    release.send(true).unwrap();
    for holder in holders {
        holder.await.unwrap();
    }
    assert_eq!(
        response.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        response.body
    );
    assert_eq!(response.header("retry-after"), "2");
    assert!(response.body.contains("ただいま混み合っています"));
    assert!(
        waited < std::time::Duration::from_secs(7),
        "answered after {waited:?}"
    );
}
