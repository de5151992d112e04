//! No page asks the database once per row of a list: each main page takes the same number of
//! connections (every store method takes its own, so a per-row query shows as one more each
//! row) in the small hand-written demo town and in the generated one, which has many more
//! participants, requests, events and introductions (a list that is empty in the small town
//! may take one batched query more).

use axum::http::StatusCode;

use crate::harness::{Client, TestApp};

const PUBLIC: &[&str] = &[
    "/nagaizumi/",
    "/nagaizumi/requests",
    "/nagaizumi/events",
    "/nagaizumi/events.ics",
];
const COORDINATOR: &[&str] = &[
    "/nagaizumi/coordinator/",
    "/nagaizumi/coordinator/participants",
    "/nagaizumi/coordinator/requests",
    "/nagaizumi/coordinator/introductions",
    "/nagaizumi/coordinator/events",
    "/nagaizumi/coordinator/enquiries",
    "/nagaizumi/coordinator/outbox",
];
const PARTICIPANT: &[&str] = &[
    "/nagaizumi/me/",
    "/nagaizumi/me/events",
    "/nagaizumi/me/introductions",
    "/nagaizumi/notifications",
];

/// Connections each page took, in order.
async fn counts(app: &TestApp) -> Vec<(String, u64)> {
    let mut out = Vec::new();
    let anonymous = app.client();
    let coordinator = app.client();
    coordinator
        .sign_in(
            "/nagaizumi/login",
            "coordinator@demo.example.jp",
            demo::DEMO_PASSWORD,
        )
        .await;
    let participant = app.client();
    participant
        .sign_in(
            "/nagaizumi/login",
            "hanako@demo.example.jp",
            demo::DEMO_PASSWORD,
        )
        .await;
    let groups: [(&Client<'_>, &[&str]); 3] = [
        (&anonymous, PUBLIC),
        (&coordinator, COORDINATOR),
        (&participant, PARTICIPANT),
    ];
    for (client, paths) in groups {
        for path in paths {
            // Once to warm what is made once (the CSRF cookie), then counted.
            client.get(path).await;
            let before = app.store.acquisitions();
            let page = client.get(path).await;
            assert_eq!(page.status, StatusCode::OK, "{path}");
            out.push(((*path).to_owned(), app.store.acquisitions() - before));
        }
    }
    out
}

#[tokio::test]
async fn list_pages_take_as_many_connections_for_many_rows_as_for_few() {
    let small = TestApp::new().await;
    demo::load_if_empty(&small.store).await.unwrap().unwrap();
    let large = TestApp::new().await;
    demo::load_town_if_empty(&large.store)
        .await
        .unwrap()
        .unwrap();
    let (few, many) = (counts(&small).await, counts(&large).await);
    let grown: Vec<String> = few
        .iter()
        .zip(&many)
        // One more is a batched query for the rows' details, skipped when a list is empty in
        // the small town; a query per row would add dozens.
        .filter(|(a, b)| b.1 > a.1 + 1)
        .map(|(a, b)| format!("{}: {} → {}", a.0, a.1, b.1))
        .collect();
    assert!(
        grown.is_empty(),
        "pages that ask once per row:\n{}",
        grown.join("\n")
    );
}
