//! Cancelling an introduction asks for confirmation on a page of its own, with a reason the
//! person introduced is given; without a reason nothing changes.

use axum::http::StatusCode;

use crate::harness::{PASSWORD, TestApp};
use crate::introductions::{introduction_id, parent};

#[tokio::test]
async fn cancelling_an_introduction_is_confirmed_with_a_reason_the_person_is_told() {
    let app = TestApp::new().await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let tenant = app.store.tenant(&town);
    let (person, email) = parent(&app, &town, "cancel").await;
    let job = tenant
        .published_requests(&Default::default(), 100)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.title.contains("客室の準備"))
        .unwrap();
    let coordinator = app.client();
    coordinator
        .sign_in(
            "/nagaizumi/login",
            "coordinator@demo.example.jp",
            demo::DEMO_PASSWORD,
        )
        .await;
    let job_page = format!("/nagaizumi/coordinator/requests/{}", job.id);
    let created = coordinator
        .submit(
            &job_page,
            &format!("/nagaizumi/coordinator/requests/{}/introductions", job.id),
            &[
                ("participant_id", &person.id.0.to_string()),
                ("back", &job_page),
            ],
        )
        .await;
    let id = introduction_id(created.location());

    let detail = coordinator
        .get(&format!("/nagaizumi/coordinator/introductions/{id}"))
        .await;
    let confirm = format!("/nagaizumi/coordinator/introductions/{id}/cancel");
    assert!(detail.body.contains(&format!(r#"href="{confirm}""#)));
    assert!(
        !detail.body.contains(r#"value="cancel""#),
        "no button cancels it in one tap"
    );
    let page = coordinator.get(&confirm).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("泉 由紀"), "names who will be told");

    let bare = coordinator
        .submit(&confirm, &confirm, &[("from", "offered"), ("note", " ")])
        .await;
    assert_eq!(bare.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bare.body.contains(r#"id="f-note-error""#));
    let unchanged = tenant
        .introduction_for_staff(id)
        .await
        .unwrap()
        .peek()
        .unwrap();
    assert_eq!(unchanged.status.code(), "offered");

    let done = coordinator
        .submit(
            &confirm,
            &confirm,
            &[("from", "offered"), ("note", "募集が締め切られたため")],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let cancelled = tenant
        .introduction_for_staff(id)
        .await
        .unwrap()
        .peek()
        .unwrap();
    assert_eq!(cancelled.status.code(), "cancelled");
    let yuki = app.client();
    yuki.sign_in("/nagaizumi/login", &email, PASSWORD).await;
    let told = yuki.get("/nagaizumi/notifications").await;
    assert!(
        told.body.contains("理由：募集が締め切られたため。"),
        "{}",
        told.body
    );
    assert_eq!(
        coordinator.get(&confirm).await.status,
        StatusCode::NOT_FOUND
    );
}
