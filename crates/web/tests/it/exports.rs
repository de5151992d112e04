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
    assert!(lines[0].starts_with(
        "\"お名前\",\"ふりがな\",\"メールアドレス\",\"参加の条件\",\"お住まいの地区\""
    ));
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
    let registered = sheet.get((1, 7)).unwrap();
    assert!(
        matches!(registered, Data::DateTime(_)),
        "a day is a date: {registered:?}"
    );
    assert!(
        matches!(sheet.get((1, 6)), Some(Data::Float(_))),
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

/// The value of the hidden field `name` a page sends back, as a browser reads it.
fn hidden(body: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = body
        .find(&marker)
        .unwrap_or_else(|| panic!("no hidden {name}"))
        + marker.len();
    let value = &body[start..start + body[start..].find('"').unwrap()];
    value
        .replace("&#43;", "+")
        .replace("&#47;", "/")
        .replace("&#61;", "=")
        .replace("&#38;", "&")
        .replace("&amp;", "&")
}

fn data_url(bytes: &[u8]) -> String {
    use base64::Engine;
    format!(
        "data:text/csv;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

#[tokio::test]
async fn a_towns_organizations_go_out_as_a_file_and_come_back_the_same_in_another_town() {
    let (app, town) = demo().await;
    let coordinator = app.client();
    coordinator
        .sign_in(
            "/nagaizumi/login",
            "coordinator@demo.example.jp",
            demo::DEMO_PASSWORD,
        )
        .await;
    let home = coordinator.get("/nagaizumi/coordinator/").await;
    assert!(home.body.contains("/nagaizumi/coordinator/import"));
    let file = coordinator
        .get("/nagaizumi/coordinator/import?format=sjis")
        .await;
    assert_eq!(file.status, StatusCode::OK);
    let theirs = app.store.tenant(&town).organization_list().await.unwrap();
    assert!(theirs.len() > 3);

    // Into an empty town, as a Shift_JIS file from Excel: checked first, nothing written.
    let shimizu = app.add_town("shimizu", "清水町", "Shimizu Town").await;
    app.add_account(
        Some(&shimizu),
        Role::Coordinator,
        "coordinator@shimizu.example.jp",
        "清水 担当",
    )
    .await;
    let other = app.client();
    other
        .sign_in(
            "/shimizu/login",
            "coordinator@shimizu.example.jp",
            crate::harness::PASSWORD,
        )
        .await;
    let checked = other
        .submit(
            "/shimizu/coordinator/import",
            "/shimizu/coordinator/import",
            &[
                ("step", "check"),
                ("encoding", "detect"),
                ("file_data", &data_url(&file.bytes)),
            ],
        )
        .await;
    assert_eq!(checked.status, StatusCode::OK, "{}", checked.body);
    crate::html_check::assert_valid(&checked.body);
    assert!(checked.body.contains("文字コード：Shift_JIS"), "detected");
    assert!(
        checked
            .body
            .contains(&format!("{}件を登録できます。", theirs.len()))
    );
    let tenant = app.store.tenant(&shimizu);
    assert!(
        tenant.organization_list().await.unwrap().is_empty(),
        "a check writes nothing"
    );

    // Confirmed: the checked file, sent back by the page, read again as it was checked.
    assert_eq!(hidden(&checked.body, "encoding"), "sjis");
    assert_eq!(hidden(&checked.body, "file_data"), data_url(&file.bytes));
    let added = other
        .submit(
            "/shimizu/coordinator/import",
            "/shimizu/coordinator/import",
            &[
                ("step", "commit"),
                ("encoding", &hidden(&checked.body, "encoding")),
                ("file_data", &hidden(&checked.body, "file_data")),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let page = other.get(added.location()).await;
    assert!(
        page.body
            .contains(&format!("{}件の企業・団体を登録しました。", theirs.len()))
    );
    let ours = tenant.organization_list().await.unwrap();
    let same = |list: &[store::organization::OrganizationDetails]| {
        list.iter()
            .map(|o| {
                (
                    o.name.clone(),
                    o.name_en.clone(),
                    o.kind,
                    o.location,
                    o.contact_person.clone(),
                    o.description.clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(same(&ours), same(&theirs));

    // The same file again, with a wrong line: each refused line by number and why.
    let (text, _, _) = encoding_rs::SHIFT_JIS.decode(&file.bytes);
    let again = format!("{}長泉ベーカリー,,会社,町内,,\r\n,,企業,町内,,\r\n", text);
    let refused = other
        .submit(
            "/shimizu/coordinator/import",
            "/shimizu/coordinator/import",
            &[
                ("step", "check"),
                ("encoding", "utf8"),
                ("file_data", &data_url(again.as_bytes())),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::OK);
    assert!(refused.body.contains("0件を登録できます。"));
    let lines = theirs.len() + 3;
    for words in [
        "2行目".to_owned(),
        "この名前の企業・団体はすでに登録されています。".to_owned(),
        format!("{}行目", lines - 1),
        "種別：選択肢から1つ選んでください。".to_owned(),
        format!("{lines}行目"),
        "企業・団体名：入力してください。".to_owned(),
    ] {
        assert!(refused.body.contains(&words), "{words}");
    }
    assert!(
        !refused.body.contains("name=\"step\" value=\"commit\""),
        "nothing to add"
    );

    // No file, or a file that is not what it is said to be: the field says so.
    let none = other
        .submit(
            "/shimizu/coordinator/import",
            "/shimizu/coordinator/import",
            &[("step", "check")],
        )
        .await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(none.body.contains("CSVファイル：入力してください。"));
    let wrong = other
        .submit(
            "/shimizu/coordinator/import",
            "/shimizu/coordinator/import",
            &[
                ("step", "check"),
                ("encoding", "utf8"),
                ("file_data", &data_url(&file.bytes)),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("UTF-8として読めません。"));
    assert_eq!(
        tenant.organization_list().await.unwrap().len(),
        theirs.len()
    );
}

#[tokio::test]
async fn a_coordinator_downloads_the_introductions_one_line_per_person() {
    let app = TestApp::new().await;
    // The whole demo town, with its introductions of two years.
    let town = demo::load_town_if_empty(&app.store).await.unwrap().unwrap();
    let coordinator = app.client();
    coordinator
        .sign_in(
            "/nagaizumi/login",
            "coordinator@demo.example.jp",
            demo::DEMO_PASSWORD,
        )
        .await;
    let list = coordinator
        .get("/nagaizumi/coordinator/introductions")
        .await;
    crate::html_check::assert_valid(&list.body);
    assert!(
        list.body
            .contains("/nagaizumi/coordinator/introductions/export?status=&#38;format=xlsx")
    );
    let book = coordinator
        .get("/nagaizumi/coordinator/introductions/export?format=xlsx")
        .await;
    assert_eq!(book.status, StatusCode::OK);
    let mut workbook: Xlsx<_> = Xlsx::new(std::io::Cursor::new(book.bytes.clone())).unwrap();
    let sheet = workbook.worksheet_range("ご紹介").unwrap();
    assert_eq!(sheet.get((0, 0)), Some(&Data::String("紹介番号".into())));
    let introductions = app
        .store
        .tenant(&town)
        .own_introductions(
            store::introduction::IntroductionOwner::Organization(
                app.store
                    .tenant(&town)
                    .organization_named("湯の花旅館")
                    .await
                    .unwrap()
                    .id,
            ),
            1000,
        )
        .await
        .unwrap();
    assert!(!introductions.is_empty());
    let lines = sheet.height() - 1;
    assert!(lines >= introductions.len(), "{lines}");
    assert!(
        matches!(sheet.get((1, 6)), Some(Data::DateTime(_))),
        "made on is a date"
    );

    // A stage narrows the file; an unknown stage is not found; the file is audited.
    let offered = coordinator
        .get("/nagaizumi/coordinator/introductions/export?status=offered&format=csv")
        .await;
    assert_eq!(offered.status, StatusCode::OK);
    assert!(offered.body.lines().count() <= book_lines(&book.bytes));
    assert_eq!(
        coordinator
            .get("/nagaizumi/coordinator/introductions/export?status=nothing")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let entries = app
        .store
        .audit_page(
            &store::audit::AuditFilter {
                action_prefix: Some("introduction.export".into()),
                ..Default::default()
            },
            10,
        )
        .await
        .unwrap();
    assert_eq!(entries.len(), 2);
    let resident = app.client();
    resident
        .sign_in(
            "/nagaizumi/login",
            "hanako@demo.example.jp",
            demo::DEMO_PASSWORD,
        )
        .await;
    assert_eq!(
        resident
            .get("/nagaizumi/coordinator/introductions/export?format=csv")
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

fn book_lines(bytes: &[u8]) -> usize {
    let mut workbook: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    workbook.worksheet_range("ご紹介").unwrap().height()
}

#[tokio::test]
async fn past_events_download_with_their_attendance() {
    let (app, town) = demo().await;
    let staff = app
        .store
        .tenant(&town)
        .account_by_email("coordinator@demo.example.jp")
        .await
        .unwrap()
        .unwrap();
    demo::load_casework_history(&app.store, &town, staff.id)
        .await
        .unwrap();
    let coordinator = app.client();
    coordinator
        .sign_in(
            "/nagaizumi/login",
            "coordinator@demo.example.jp",
            demo::DEMO_PASSWORD,
        )
        .await;
    let list = coordinator
        .get("/nagaizumi/coordinator/events?tab=past")
        .await;
    assert!(
        list.body
            .contains("/nagaizumi/coordinator/events/export?tab=past&#38;format=xlsx")
    );
    let file = coordinator
        .get("/nagaizumi/coordinator/events/export?tab=past&format=csv")
        .await;
    assert_eq!(file.status, StatusCode::OK);
    let lines: Vec<&str> = file.body.trim_start_matches('\u{FEFF}').lines().collect();
    assert!(lines[0].starts_with("\"イベント名\",\"種類\",\"開催日\""));
    // The file's attendance adds up to the facts of the sessions held.
    let present: i64 = lines[1..]
        .iter()
        .map(|l| {
            let cells: Vec<&str> = l.rsplitn(4, ',').collect();
            cells[2].parse::<i64>().unwrap()
        })
        .sum();
    let totals = app.store.tenant(&town).attendance_totals().await.unwrap();
    assert_eq!(present, totals.values().map(|t| t.present).sum::<i64>());
    assert!(present > 20, "{present}");
    assert_eq!(
        coordinator
            .get("/nagaizumi/coordinator/events/export?tab=someday")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

/// The participant list goes out as a file and comes into an empty town as invitations: no
/// one is registered, listed or proposed until they open their own link, check their name,
/// choose a password and consent; then they are the same person as in the first town.
#[tokio::test]
async fn a_towns_participants_come_into_another_town_as_invitations_they_accept() {
    let (app, town) = demo().await;
    let coordinator = app.client();
    coordinator
        .sign_in(
            "/nagaizumi/login",
            "coordinator@demo.example.jp",
            demo::DEMO_PASSWORD,
        )
        .await;
    let file = coordinator
        .get("/nagaizumi/coordinator/participants/export?format=csv")
        .await;
    assert_eq!(file.status, StatusCode::OK);
    let theirs = app
        .store
        .tenant(&town)
        .account_by_email("hanako@demo.example.jp")
        .await
        .unwrap()
        .unwrap();
    let people = file.body.trim_start_matches('\u{FEFF}').lines().count() - 1;
    assert!(people > 10, "{people}");

    let shimizu = app.add_town("shimizu", "清水町", "Shimizu Town").await;
    app.add_account(
        Some(&shimizu),
        Role::Coordinator,
        "coordinator@shimizu.example.jp",
        "清水 担当",
    )
    .await;
    let other = app.client();
    other
        .sign_in(
            "/shimizu/login",
            "coordinator@shimizu.example.jp",
            crate::harness::PASSWORD,
        )
        .await;
    let home = other.get("/shimizu/coordinator/").await;
    assert!(
        home.body
            .contains("/shimizu/coordinator/import/participants")
    );
    let path = "/shimizu/coordinator/import/participants";
    // The file with a line added twice and one with no name: refused by line, and why.
    let text = format!(
        "{}\r\n,たろう,taro@example.jp,町内在住,,,,,\r\n",
        file.body.trim_end()
    );
    let checked = other
        .submit(
            path,
            path,
            &[
                ("step", "check"),
                ("encoding", "detect"),
                ("file_data", &data_url(text.as_bytes())),
            ],
        )
        .await;
    assert_eq!(checked.status, StatusCode::OK, "{}", checked.body);
    crate::html_check::assert_valid(&checked.body);
    assert!(
        checked
            .body
            .contains(&format!("{people}人に登録のご案内を送れます。")),
    );
    assert!(checked.body.contains(&format!("{}行目", people + 2)));
    assert!(checked.body.contains("お名前：入力してください。"));
    let tenant = app.store.tenant(&shimizu);
    assert!(
        tenant.invitations(10).await.unwrap().is_empty(),
        "a check writes nothing"
    );

    let confirmed = other
        .submit(
            path,
            path,
            &[
                ("step", "check"),
                ("encoding", "detect"),
                ("file_data", &data_url(file.body.as_bytes())),
            ],
        )
        .await;
    let sent = other
        .submit(
            path,
            path,
            &[
                ("step", "commit"),
                ("encoding", &hidden(&confirmed.body, "encoding")),
                ("file_data", &hidden(&confirmed.body, "file_data")),
            ],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let page = other.get(sent.location()).await;
    assert!(
        page.body
            .contains(&format!("{people}人に登録のご案内を送りました。"))
    );
    assert_eq!(tenant.invitations(1000).await.unwrap().len(), people);
    // Nobody is registered before they accept: not listed, not a candidate.
    assert!(
        tenant
            .account_by_email("hanako@demo.example.jp")
            .await
            .unwrap()
            .is_none()
    );
    let list = other.get("/shimizu/coordinator/participants").await;
    assert!(!list.body.contains(&theirs.display_name));

    // Her own link: the name as the list gave it; without consent nothing happens.
    let mail = crate::harness::mail_to(&app.store, "hanako@demo.example.jp").await;
    assert!(mail.subject.contains("登録のご案内"), "{}", mail.subject);
    let link = crate::harness::link_path(&mail.body_text);
    assert!(link.starts_with("/shimizu/invitations/"));
    let hanako = app.client();
    let form = hanako.get(&link).await;
    assert_eq!(form.status, StatusCode::OK);
    crate::html_check::assert_valid(&form.body);
    assert!(
        form.body
            .contains(&format!("value=\"{}\"", theirs.display_name))
    );
    let details = [
        ("display_name", theirs.display_name.as_str()),
        ("furigana", theirs.furigana.as_str()),
        ("password", "sakura-no-hana-2027"),
    ];
    let refused = hanako.submit(&link, &link, &details).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .body
            .contains("登録するには、個人情報の取り扱いへの同意が必要です。")
    );
    assert!(
        tenant
            .account_by_email("hanako@demo.example.jp")
            .await
            .unwrap()
            .is_none()
    );
    let mut consented = details.to_vec();
    consented.push(("privacy_consent", "yes"));
    let registered = hanako.submit(&link, &link, &consented).await;
    assert_eq!(
        registered.status,
        StatusCode::SEE_OTHER,
        "{}",
        registered.body
    );
    let account = tenant
        .account_by_email("hanako@demo.example.jp")
        .await
        .unwrap()
        .expect("registered");
    assert_eq!(account.role, Role::Participant);
    assert_eq!(
        (account.display_name.as_str(), account.furigana.as_str()),
        (theirs.display_name.as_str(), theirs.furigana.as_str())
    );
    let consents = tenant.consents(account.id).await.unwrap();
    assert_eq!(consents.len(), 1, "consent given on acceptance");
    let first = app
        .store
        .tenant(&town)
        .participant_for_test(theirs.id)
        .await
        .unwrap()
        .unwrap();
    let now = tenant
        .participant_for_test(account.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        now.profile.eligibility_basis,
        first.profile.eligibility_basis
    );
    // The link is used up.
    assert_eq!(hanako.get(&link).await.status, StatusCode::GONE);
}

/// A page's words, without its tags (whose attributes hold codes on purpose).
fn words_of(html: &str) -> String {
    let mut words = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                words.push(' ');
            }
            _ if !in_tag => words.push(c),
            _ => {}
        }
    }
    words
}

/// The id at the end of a download's page, `/{town}/exports/{id}`.
fn export_id(location: &str) -> i64 {
    let id = location.rsplit('/').next().unwrap_or_default();
    id.parse()
        .unwrap_or_else(|_| panic!("not a download's page: {location}"))
}

#[tokio::test]
async fn a_long_list_is_made_in_the_background_and_kept_for_its_requester_alone() {
    let config = web::WebConfig {
        background_export_rows: 5,
        ..web::WebConfig::default()
    };
    let app = TestApp::with_config(config.clone()).await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let coordinator = app.client();
    coordinator
        .sign_in(
            "/nagaizumi/login",
            "coordinator@demo.example.jp",
            demo::DEMO_PASSWORD,
        )
        .await;
    let asked = coordinator
        .get("/nagaizumi/coordinator/participants/export?who=&format=xlsx")
        .await;
    assert_eq!(asked.status, StatusCode::OK);
    assert!(
        asked.body.contains("長い一覧のファイルを作ります"),
        "{}",
        asked.body
    );
    assert!(asked.body.contains("name=\"filters\""));
    crate::html_check::assert_valid(&asked.body);
    assert!(crate::raw_keys::find(&words_of(&asked.body), "ja").is_empty());
    let token = asked.csrf();

    // A format no page offers, or filters that cannot be searched for, are refused.
    let odd = coordinator
        .post_raw(
            "/nagaizumi/coordinator/participants/export",
            &[
                ("csrf_token", &token),
                ("filters", "who="),
                ("format", "pdf"),
            ],
        )
        .await;
    assert_eq!(odd.status, StatusCode::BAD_REQUEST);
    let long = format!("who={}", "あ".repeat(101));
    let unreadable = coordinator
        .post_raw(
            "/nagaizumi/coordinator/participants/export",
            &[
                ("csrf_token", &token),
                ("filters", &long),
                ("format", "xlsx"),
            ],
        )
        .await;
    assert_eq!(unreadable.status, StatusCode::UNPROCESSABLE_ENTITY);

    let started = coordinator
        .post_raw(
            "/nagaizumi/coordinator/participants/export",
            &[
                ("csrf_token", &token),
                ("filters", "who="),
                ("format", "xlsx"),
            ],
        )
        .await;
    assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.body);
    let page = started.location().to_owned();
    let id = export_id(&page);
    let waiting = coordinator.get(&page).await;
    crate::html_check::assert_valid(&waiting.body);
    assert!(waiting.body.contains("最新の状態を見る"));
    assert!(
        waiting.body.contains("順番をお待ちいただいています"),
        "{}",
        waiting.body
    );
    let early = coordinator.get(&format!("{page}/download")).await;
    assert_eq!(
        early.status,
        StatusCode::NOT_FOUND,
        "nothing before it is made"
    );

    let state = web::AppState::new(app.store.store.clone(), config)
        .await
        .unwrap();
    let round = web::worker::round(&state, &web::mail::Worker::new(), None)
        .await
        .unwrap();
    assert_eq!(round.list_exports, 1, "{round:?}");

    let ready = coordinator.get(&page).await;
    crate::html_check::assert_valid(&ready.body);
    assert!(crate::raw_keys::find(&words_of(&ready.body), "ja").is_empty());
    assert!(
        !ready.body.contains("最新の状態を見る"),
        "nothing more to wait for"
    );
    assert!(
        ready.body.contains("ファイルができました"),
        "{}",
        ready.body
    );
    assert!(
        ready
            .body
            .contains(&format!("/nagaizumi/exports/{id}/download"))
    );
    let notices = coordinator.get("/nagaizumi/notifications").await;
    assert!(notices.body.contains("一覧のファイルの作成が終わりました"));

    let people = app
        .store
        .tenant(&town)
        .count_participants(&Default::default())
        .await
        .unwrap();
    let file = coordinator.get(&format!("{page}/download")).await;
    assert_eq!(file.status, StatusCode::OK);
    assert!(file.header("content-disposition").contains(".xlsx"));
    let mut workbook: Xlsx<_> = Xlsx::new(std::io::Cursor::new(file.bytes.clone())).unwrap();
    let sheet = workbook.worksheet_range("参加者一覧").unwrap();
    assert_eq!(
        sheet.height() as i64,
        people + 1,
        "everyone, read in batches"
    );

    // Its making is the coordinator's export naming everyone; the fetch is recorded too.
    let made = app
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
    assert_eq!(made.len(), 1);
    let coordinator_account = app
        .store
        .tenant(&town)
        .account_by_email("coordinator@demo.example.jp")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(made[0].actor_id, Some(coordinator_account.id.0));
    let named = app.store.audit_subjects(&[made[0].id]).await.unwrap();
    assert_eq!(named.len() as i64, people);
    let fetched = app
        .store
        .audit_page(
            &store::audit::AuditFilter {
                action_prefix: Some("list_export.downloaded".into()),
                ..Default::default()
            },
            10,
        )
        .await
        .unwrap();
    assert_eq!(fetched.len(), 1);

    // No one else sees its page or its file: another coordinator, the town officer.
    app.add_account(
        Some(&town),
        Role::Coordinator,
        "second@demo.example.jp",
        "二人目 担当",
    )
    .await;
    for (email, password) in [
        ("second@demo.example.jp", crate::harness::PASSWORD),
        ("officer@demo.example.jp", demo::DEMO_PASSWORD),
    ] {
        let other = app.client();
        other.sign_in("/nagaizumi/login", email, password).await;
        for path in [page.clone(), format!("{page}/download")] {
            assert_eq!(
                other.get(&path).await.status,
                StatusCode::NOT_FOUND,
                "{email} {path}"
            );
        }
    }
    let resident = app.client();
    resident
        .sign_in(
            "/nagaizumi/login",
            "hanako@demo.example.jp",
            demo::DEMO_PASSWORD,
        )
        .await;
    assert_eq!(resident.get(&page).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_coordinator_downloads_the_requests_a_queue_tab_holds() {
    let (app, town) = demo().await;
    let coordinator = app.client();
    coordinator
        .sign_in(
            "/nagaizumi/login",
            "coordinator@demo.example.jp",
            demo::DEMO_PASSWORD,
        )
        .await;
    let queue = coordinator
        .get("/nagaizumi/coordinator/requests?status=all")
        .await;
    assert!(
        queue
            .body
            .contains("/nagaizumi/coordinator/requests/export?status=all"),
        "the tab offers its file"
    );
    crate::html_check::assert_valid(&queue.body);
    let tenant = app.store.tenant(&town);
    let all = tenant.requests_in_status(None, 100_000).await.unwrap();
    let published = tenant
        .requests_in_status(Some("published"), 100_000)
        .await
        .unwrap();
    assert!(published.len() > 3 && published.len() < all.len());

    let book = coordinator
        .get("/nagaizumi/coordinator/requests/export?status=all&format=xlsx")
        .await;
    assert_eq!(book.status, StatusCode::OK);
    assert!(
        book.header("content-disposition")
            .contains("nagaizumi-requests-")
    );
    let mut workbook: Xlsx<_> = Xlsx::new(std::io::Cursor::new(book.bytes.clone())).unwrap();
    assert_eq!(
        workbook.sheet_names(),
        ["依頼の審査", "このファイルについて"]
    );
    let sheet = workbook.worksheet_range("依頼の審査").unwrap();
    assert_eq!(
        sheet.height(),
        all.len() + 1,
        "every request, one header row"
    );
    assert_eq!(sheet.get((0, 1)), Some(&Data::String("タイトル".into())));
    assert!(
        matches!(sheet.get((1, 0)), Some(Data::Float(_))),
        "the number is a number"
    );

    let csv = coordinator
        .get("/nagaizumi/coordinator/requests/export?status=published&format=csv")
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    let text = csv.body.trim_start_matches('\u{FEFF}');
    assert_eq!(text.lines().count(), published.len() + 1);
    let first = &published[0];
    assert!(text.contains(&format!("\"{}\"", first.title)), "{text}");

    for email in ["officer@demo.example.jp", "hanako@demo.example.jp"] {
        let other = app.client();
        other
            .sign_in("/nagaizumi/login", email, demo::DEMO_PASSWORD)
            .await;
        let tried = other
            .get("/nagaizumi/coordinator/requests/export?status=all&format=csv")
            .await;
        assert_eq!(tried.status, StatusCode::FORBIDDEN, "{email}");
    }
}
