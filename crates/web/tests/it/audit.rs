use axum::http::StatusCode;
use domain::Role;
use store::audit::AuditFilter;

use crate::harness::{PASSWORD, TestApp};

#[tokio::test]
async fn every_view_of_a_participant_is_logged_and_town_officers_read_it() {
    let app = TestApp::new().await;
    let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    let coordinator = app
        .add_account(
            Some(&town),
            Role::Coordinator,
            "coord@example.jp",
            "調整 恵",
        )
        .await;
    app.add_account(
        Some(&town),
        Role::TownOfficer,
        "officer@example.jp",
        "役場 誠",
    )
    .await;
    let hanako = app
        .add_account(
            Some(&town),
            Role::Participant,
            "hanako@example.jp",
            "<script>alert(1)</script>花子",
        )
        .await;

    let client = app.client();
    client
        .sign_in("/nagaizumi/login", "coord@example.jp", PASSWORD)
        .await;
    let list = client.get("/nagaizumi/coordinator/participants").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(!list.body.contains("<script>alert(1)"), "names are escaped");
    let record = client
        .get(&format!(
            "/nagaizumi/coordinator/participants/{}",
            hanako.id.0
        ))
        .await;
    assert_eq!(record.status, StatusCode::OK);
    assert!(record.body.contains("hanako@example.jp"));

    let entries = app
        .store
        .audit_page(
            &AuditFilter {
                action_prefix: Some("participant.".into()),
                ..AuditFilter::default()
            },
            10,
        )
        .await
        .unwrap();
    let actions: Vec<_> = entries.iter().map(|e| e.action.code()).collect();
    assert_eq!(actions, ["participant.view", "participant.list"]);
    assert_eq!(entries[0].actor_id, Some(coordinator.id.0));
    assert_eq!(entries[0].target_id, hanako.id.0.to_string());
    assert_eq!(entries[0].ip, "192.0.2.10");
    assert_eq!(entries[0].municipality_id, Some(town.id.0));

    let officer = app.client();
    officer
        .sign_in("/nagaizumi/login", "officer@example.jp", PASSWORD)
        .await;
    let log = officer.get("/nagaizumi/town/?action=participant.").await;
    assert_eq!(log.status, StatusCode::OK);
    assert!(log.body.contains(">参加者の記録を閲覧") && log.body.contains("調整 恵"));
    assert!(!log.body.contains("<td>ログイン<"), "the filter applies");
}

#[tokio::test]
async fn the_log_names_people_filters_by_name_checks_its_fields_and_downloads_as_logged_csv() {
    let app = TestApp::new().await;
    let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    let coordinator = app
        .add_account(
            Some(&town),
            Role::Coordinator,
            "coord@example.jp",
            "調整 恵",
        )
        .await;
    app.add_account(
        Some(&town),
        Role::TownOfficer,
        "officer@example.jp",
        "役場 誠",
    )
    .await;
    let hanako = app
        .add_account(
            Some(&town),
            Role::Participant,
            "hanako@example.jp",
            "長泉 花子",
        )
        .await;
    let other = app
        .add_account(
            Some(&town),
            Role::Participant,
            "other@example.jp",
            "佐藤 葵",
        )
        .await;
    let staff = app.client();
    staff
        .sign_in("/nagaizumi/login", "coord@example.jp", PASSWORD)
        .await;
    for id in [hanako.id.0, other.id.0] {
        staff
            .get(&format!("/nagaizumi/coordinator/participants/{id}"))
            .await;
    }
    let officer = app.client();
    officer
        .sign_in("/nagaizumi/login", "officer@example.jp", PASSWORD)
        .await;

    // 長泉: only the entries about her, named and linked to her own trail.
    let log = officer
        .get("/nagaizumi/town/?person=%E9%95%B7%E6%B3%89&action=participant.")
        .await;
    assert_eq!(log.status, StatusCode::OK);
    let her_trail = format!("/nagaizumi/town/?person=%23{}", hanako.id.0);
    assert!(log.body.contains("長泉 花子さん") && log.body.contains(&her_trail));
    assert!(!log.body.contains("佐藤 葵"), "the filter applies");
    assert!(
        log.body
            .contains(&format!("/nagaizumi/town/?actor=%23{}", coordinator.id.0))
    );
    // Readings in katakana find hiragana ones (the harness reads everyone as てすと).
    let by_reading = officer
        .get("/nagaizumi/town/?person=%E3%83%86%E3%82%B9%E3%83%88&action=participant.")
        .await;
    assert!(by_reading.body.contains("長泉 花子さん") && by_reading.body.contains("佐藤 葵さん"));

    for (query, message) in [
        (
            "person=%E8%AA%B0%E3%82%82%E3%81%84%E3%81%AA%E3%81%84",
            "その名前の人は見つかりませんでした。",
        ),
        ("from=2026-13-01", "日付を入力してください"),
        (
            "from=2026-12-05&until=2026-12-01",
            "終了日は開始日と同じか、それより後の日付にしてください。",
        ),
        (
            "action=participant.view%25",
            "選択肢から1つ選んでください。",
        ),
    ] {
        let bad = officer.get(&format!("/nagaizumi/town/?{query}")).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{query}");
        assert!(bad.body.contains(message), "{query}");
        assert!(bad.body.contains("aria-invalid=\"true\""), "{query}");
    }

    let csv = officer
        .get("/nagaizumi/town/?action=participant.&format=csv")
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.header("content-type"), "text/csv; charset=utf-8");
    assert!(csv.header("content-disposition").contains("audit-log.csv"));
    assert!(
        csv.body.starts_with('\u{FEFF}'),
        "Excel reads UTF-8 with a BOM"
    );
    let lines: Vec<&str> = csv.body.trim_end().split("\r\n").collect();
    assert!(lines[0].contains("\"日時\"") && lines[0].contains("\"操作\""));
    assert_eq!(lines.len(), 3, "a header and two views: {lines:?}");
    assert!(
        lines[1].contains(&format!("長泉 花子 (#{})", hanako.id.0))
            || lines[2].contains(&format!("長泉 花子 (#{})", hanako.id.0))
    );
    assert!(lines[1].contains("参加者の記録を閲覧"));
    let exports = app
        .store
        .audit_page(
            &AuditFilter {
                action_prefix: Some("audit_log.export".into()),
                ..AuditFilter::default()
            },
            10,
        )
        .await
        .unwrap();
    assert_eq!(exports.len(), 1, "the download is logged");
}

#[tokio::test]
async fn a_town_officer_sees_only_their_towns_log_and_operators_see_all() {
    let app = TestApp::new().await;
    let a = app.add_town("town-a", "A町", "Town A").await;
    let b = app.add_town("town-b", "B町", "Town B").await;
    app.add_account(Some(&a), Role::TownOfficer, "officer@a.example.jp", "A担当")
        .await;
    app.add_account(Some(&b), Role::Coordinator, "coord@b.example.jp", "B調整")
        .await;
    app.add_account(None, Role::Operator, "root@example.jp", "運営")
        .await;
    app.client()
        .sign_in("/town-b/login", "coord@b.example.jp", PASSWORD)
        .await;

    let officer = app.client();
    officer
        .sign_in("/town-a/login", "officer@a.example.jp", PASSWORD)
        .await;
    let log_a = officer.get("/town-a/town/").await;
    assert!(!log_a.body.contains("B調整"));
    let operator = app.client();
    operator
        .sign_in("/operator/login", "root@example.jp", PASSWORD)
        .await;
    let all = operator.get("/operator/audit").await;
    assert!(
        all.body.contains("B調整") && all.body.contains("A担当"),
        "{}",
        all.body
    );
}

#[tokio::test]
async fn cross_town_ids_are_not_found_and_denied_staff_attempts_are_logged() {
    let app = TestApp::new().await;
    let a = app.add_town("town-a", "A町", "Town A").await;
    let b = app.add_town("town-b", "B町", "Town B").await;
    app.add_account(Some(&a), Role::Coordinator, "coord@a.example.jp", "A調整")
        .await;
    let someone_in_b = app
        .add_account(Some(&b), Role::Participant, "p@b.example.jp", "B参加者")
        .await;
    let client = app.client();
    client
        .sign_in("/town-a/login", "coord@a.example.jp", PASSWORD)
        .await;

    let foreign_id = client
        .get(&format!(
            "/town-a/coordinator/participants/{}",
            someone_in_b.id.0
        ))
        .await;
    assert_eq!(foreign_id.status, StatusCode::NOT_FOUND);
    assert!(!foreign_id.body.contains("B参加者"));

    let other_town = client
        .get(&format!(
            "/town-b/coordinator/participants/{}",
            someone_in_b.id.0
        ))
        .await;
    assert_eq!(other_town.status, StatusCode::FORBIDDEN);
    let denied = app
        .store
        .audit_page(
            &AuditFilter {
                action_prefix: Some("access.denied".into()),
                ..AuditFilter::default()
            },
            10,
        )
        .await
        .unwrap();
    assert_eq!(denied.len(), 1);
    assert_eq!(
        denied[0].actor_role,
        domain::audit::ActorRole::Signed(Role::Coordinator)
    );
    assert!(
        denied[0]
            .detail
            .contains("/town-b/coordinator/participants/")
    );
}
