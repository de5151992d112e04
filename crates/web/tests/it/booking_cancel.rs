//! Staff cancel one person's booking on a page of its own, with a reason the person is told;
//! the freed seat goes to the waiting list.

use axum::http::StatusCode;
use chrono::{Duration, Utc};
use domain::Role;

use crate::events::{event_id, parent, signed_in};
use crate::harness::TestApp;

#[tokio::test]
async fn staff_cancel_a_booking_after_confirming_with_a_reason_the_person_is_told() {
    let app = TestApp::new().await;
    let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    app.add_account(
        Some(&town),
        Role::Coordinator,
        "coordinator@example.jp",
        "調整 恵",
    )
    .await;
    let first = parent(&app, &town, "first@example.jp", "0").await;
    let second = parent(&app, &town, "second@example.jp", "0").await;
    let staff = signed_in(&app, "coordinator@example.jp").await;
    let new = "/nagaizumi/coordinator/events/new";
    let day = (Utc::now() + Duration::days(10)).date_naive().to_string();
    let created = staff
        .submit(
            new,
            new,
            &[
                ("kind", "seminar"),
                ("title", "在宅ワーク入門"),
                ("description", "在宅でできる仕事の探し方"),
                ("place", "公民館"),
                ("date", &day),
                ("start_time", "10:00"),
                ("end_time", "11:30"),
                ("capacity", "1"),
                ("public", "yes"),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let id = event_id(created.location());
    let public = format!("/nagaizumi/events/{id}");
    for email in ["first@example.jp", "second@example.jp"] {
        let person = signed_in(&app, email).await;
        person.submit(&public, &public, &[]).await;
    }
    let sheet_path = format!("/nagaizumi/coordinator/events/{id}");
    let sheet = staff.get(&sheet_path).await;
    let booking = app
        .store
        .tenant(&town)
        .event_bookings(id)
        .await
        .unwrap()
        .into_iter()
        .find(|b| b.participant_id == first.id.0)
        .unwrap()
        .id;
    assert!(
        sheet
            .body
            .contains(&format!("{sheet_path}/bookings/{booking}/cancel")),
        "the sheet links to the confirmation"
    );
    assert!(
        !sheet.body.contains("value=\"cancel_booking\""),
        "no one-tap cancel"
    );
    let confirm_path = format!("{sheet_path}/bookings/{booking}/cancel");
    let confirm = staff.get(&confirm_path).await;
    assert_eq!(confirm.status, StatusCode::OK);
    assert!(
        confirm
            .body
            .contains("長泉 花子さんの申し込みを取り消します")
    );
    assert!(confirm.body.contains("ご本人に伝える理由"));

    let missing = staff.submit(&confirm_path, &confirm_path, &[]).await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(missing.body.contains("aria-invalid=\"true\""));
    let still = app.store.tenant(&town).event_bookings(id).await.unwrap();
    assert!(
        still.iter().all(|b| b.status.is_active()),
        "nothing changed"
    );

    let done = staff
        .submit(
            &confirm_path,
            &confirm_path,
            &[("cancel_reason", "会場の定員を見直したためです。")],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert!(done.location().ends_with("done=booking-cancelled"));
    let sheet = staff.get(done.location()).await;
    assert!(
        sheet
            .body
            .contains("申し込みを取り消し、ご本人にお知らせしました。")
    );
    let told = app.store.notifications(first.id, 10).await.unwrap();
    assert!(
        told.iter()
            .any(|n| n.title.contains("お申し込みを取り消しました")
                && n.body.contains("会場の定員を見直したためです。")),
        "{told:?}"
    );
    let offered = app.store.notifications(second.id, 10).await.unwrap();
    assert!(offered.iter().any(|n| n.title.contains("空きが出ました")));
    assert_eq!(
        staff.get(&confirm_path).await.status,
        StatusCode::NOT_FOUND,
        "a cancelled booking cannot be cancelled again"
    );
    let elsewhere = format!(
        "/nagaizumi/coordinator/events/{}/bookings/{booking}/cancel",
        id + 1
    );
    assert_eq!(staff.get(&elsewhere).await.status, StatusCode::NOT_FOUND);
    let person = signed_in(&app, "second@example.jp").await;
    assert_eq!(
        person.get(&confirm_path).await.status,
        StatusCode::FORBIDDEN
    );
}
