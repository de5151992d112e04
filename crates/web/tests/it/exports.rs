//! Staff download the lists they see as files: everyone the filters find, in UTF-8 or
//! Shift_JIS CSV or an Excel workbook that says when and by whom it was made; every file is
//! in the audit log naming the people in it; others may not download it.

use axum::http::StatusCode;
use calamine::{Data, Reader, Xlsx};
use domain::Role;

use crate::harness::TestApp;

async fn demo() -> (TestApp, domain::Municipality) {
    let app = TestApp::new().await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    (app, town)
}

#[tokio::test]
async fn a_coordinator_downloads_the_people_the_filters_find() {
    let (app, town) = demo().await;
    let coordinator = app.client();
    coordinator
        .sign_in(
            "/nagaizumi/login",
            "coordinator@demo.example.jp",
            demo::DEMO_PASSWORD,
        )
        .await;
    let list = coordinator.get("/nagaizumi/coordinator/participants").await;
    assert!(
        list.body
            .contains("/nagaizumi/coordinator/participants/export?")
    );
    assert!(list.body.contains("Excelファイル（.xlsx）"));

    let base = "/nagaizumi/coordinator/participants/export?who=";
    let csv = coordinator.get(&format!("{base}&format=csv")).await;
    assert_eq!(csv.status, StatusCode::OK);
    let disposition = csv.header("content-disposition").to_owned();
    assert!(
        disposition.contains("nagaizumi-participants-"),
        "{disposition}"
    );
    let coordinator_account = app
        .store
        .tenant(&town)
        .account_by_email("coordinator@demo.example.jp")
        .await
        .unwrap()
        .unwrap();
    assert!(
        disposition.contains(&format!("-no{}.csv", coordinator_account.id.0)),
        "the name says for whom it was made: {disposition}"
    );
    let lines: Vec<&str> = csv.body.trim_start_matches('\u{FEFF}').lines().collect();
    assert!(lines[0].starts_with("\"お名前\",\"ふりがな\",\"お住まいの地区\""));
    assert!(
        lines.iter().any(|l| l.starts_with("\"長泉 花子\"")),
        "{}",
        lines[1]
    );
    let people = lines.len() - 1;
    assert!(people > 10, "{people}");

    let book = coordinator.get(&format!("{base}&format=xlsx")).await;
    assert_eq!(book.status, StatusCode::OK);
    let mut workbook: Xlsx<_> = Xlsx::new(std::io::Cursor::new(book.bytes.clone())).unwrap();
    assert_eq!(
        workbook.sheet_names(),
        ["参加者一覧", "このファイルについて"]
    );
    let sheet = workbook.worksheet_range("参加者一覧").unwrap();
    assert_eq!(sheet.height(), people + 1, "the same people as the CSV");
    let registered = sheet.get((1, 5)).unwrap();
    assert!(
        matches!(registered, Data::DateTime(_)),
        "a day is a date: {registered:?}"
    );
    assert!(
        matches!(sheet.get((1, 4)), Some(Data::Float(_))),
        "months are a number"
    );
    let about = workbook.worksheet_range("このファイルについて").unwrap();
    let about_text: Vec<String> = about.rows().map(|r| format!("{}:{}", r[0], r[1])).collect();
    assert!(
        about_text
            .iter()
            .any(|l| l.starts_with("作成者:")
                && l.contains(&format!("No.{}", coordinator_account.id.0))),
        "{about_text:?}"
    );
    assert!(
        about_text.contains(&format!("人数:{people}")),
        "{about_text:?}"
    );

    // Each file is in the audit log, naming everyone in it.
    let entries = app
        .store
        .audit_page(
            &store::audit::AuditFilter {
                action_prefix: Some("participant.export".into()),
                ..Default::default()
            },
            10,
        )
        .await
        .unwrap();
    assert_eq!(entries.len(), 2);
    let named = app.store.audit_subjects(&[entries[0].id]).await.unwrap();
    assert_eq!(named.len(), people);

    // A filter narrows the file as it narrows the list.
    let some = coordinator
        .get("/nagaizumi/coordinator/participants/export?who=%E8%8A%B1%E5%AD%90&format=csv")
        .await;
    let narrowed = some.body.lines().count() - 1;
    assert!(narrowed >= 1 && narrowed < people, "{narrowed}");

    // A name Shift_JIS cannot hold: the list says which character, and no file is made.
    app.add_account(
        Some(&town),
        Role::Participant,
        "yoshida@example.jp",
        "𠮷田 さくら",
    )
    .await;
    let refused = coordinator.get(&format!("{base}&format=sjis")).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("「𠮷」(U+20BB7)"),
        "the character is named"
    );
    assert!(refused.body.contains("Shift_JISでは書けない文字"));
    let fine = coordinator.get(&format!("{base}&format=xlsx")).await;
    assert_eq!(fine.status, StatusCode::OK, "the workbook holds any name");

    // Others may not download it.
    for email in ["officer@demo.example.jp", "hanako@demo.example.jp"] {
        let other = app.client();
        other
            .sign_in("/nagaizumi/login", email, demo::DEMO_PASSWORD)
            .await;
        assert_eq!(
            other.get(&format!("{base}&format=csv")).await.status,
            StatusCode::FORBIDDEN,
            "{email}"
        );
    }
}
