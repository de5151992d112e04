//! What a town's staff set for their town in the browser: the areas and travel minutes (a
//! table with wrong lines changes nothing and names each line), what the town's pages say,
//! and its announcements. Residents and organizations cannot.

use axum::http::StatusCode;

use crate::harness::TestApp;

async fn staff<'a>(app: &'a TestApp, email: &str) -> crate::harness::Client<'a> {
    let client = app.client();
    client
        .sign_in("/nagaizumi/login", email, demo::DEMO_PASSWORD)
        .await;
    client
}

#[tokio::test]
async fn staff_replace_the_travel_table_and_a_wrong_line_changes_nothing() {
    let app = TestApp::new().await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let coordinator = staff(&app, "coordinator@demo.example.jp").await;
    let page = coordinator.get("/nagaizumi/town/travel").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("下土狩") && page.body.contains("area,shimotogari,下土狩,Shimotogari")
    );

    let wrong = "default,20\narea,kita,北,Kita\ntravel,kita,minami,10\narea,Bad Code,南,Minami\n";
    let refused = coordinator
        .submit(
            "/nagaizumi/town/travel",
            "/nagaizumi/town/travel",
            &[("table", wrong)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .body
            .contains("3行目: 「minami」というコードの地区がありません。"),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("4行目"));
    assert!(
        refused.body.contains("travel,kita,minami,10"),
        "what was typed stays"
    );
    let tenant = app.store.tenant(&town);
    assert!(
        tenant
            .travel_table()
            .await
            .unwrap()
            .find("下土狩")
            .is_some(),
        "nothing changed"
    );

    let right = "default,20\narea,kita,北,Kita\narea,minami,南,Minami\ntravel,kita,minami,10\n";
    let saved = coordinator
        .submit(
            "/nagaizumi/town/travel",
            "/nagaizumi/town/travel",
            &[("table", right)],
        )
        .await;
    assert_eq!(saved.location(), "/nagaizumi/town/travel?done=saved");
    let table = tenant.travel_table().await.unwrap();
    assert_eq!(table.areas.len(), 2);
    assert_eq!(table.between(0, 1), 10);
    assert!(
        coordinator
            .get(saved.location())
            .await
            .body
            .contains("入れ替えました")
    );

    let officer = staff(&app, "officer@demo.example.jp").await;
    assert_eq!(
        officer.get("/nagaizumi/town/travel").await.status,
        StatusCode::OK
    );
    let log = officer.get("/nagaizumi/town/").await.body;
    assert!(log.contains("地区と移動時間を入れ替え"));
    let resident = staff(&app, "hanako@demo.example.jp").await;
    assert_eq!(
        resident.get("/nagaizumi/town/travel").await.status,
        StatusCode::FORBIDDEN
    );
    let organization = staff(&app, "inn@demo.example.jp").await;
    let tried = organization
        .post_raw("/nagaizumi/town/travel", &[("table", right)])
        .await;
    assert_eq!(tried.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn staff_write_what_the_towns_pages_say_and_its_announcements() {
    let app = TestApp::new().await;
    demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let officer = staff(&app, "officer@demo.example.jp").await;
    let settings = "/nagaizumi/town/settings";
    let page = officer.get(settings).await;
    assert_eq!(page.status, StatusCode::OK);
    let fields = |accent: &'static str| {
        vec![
            ("program_name_ja", "ママの再就職応援プロジェクト"),
            ("program_name_en", "Back to Work"),
            (
                "lead_ja",
                "子育て中の方の「もう一度働きたい」を町が応援します。",
            ),
            ("office_ja", "長泉町 こども未来課"),
            ("contact_email", "kodomo@town.example.jp"),
            ("contact_phone", "055-989-5516"),
            ("accent", accent),
        ]
    };
    let pale = officer.submit(settings, settings, &fields("#ffcc00")).await;
    assert_eq!(pale.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        pale.body
            .contains("テーマの色：この色は白い背景では読みにくいため使えません。"),
        "{}",
        pale.body
    );
    assert!(
        pale.body.contains("ママの再就職応援プロジェクト"),
        "typed values stay"
    );
    let saved = officer.submit(settings, settings, &fields("#1E5C8A")).await;
    assert_eq!(saved.location(), "/nagaizumi/town/settings?done=saved");

    let visitor = app.client();
    let home = visitor.get("/nagaizumi/").await.body;
    assert!(
        home.contains("長泉町 ママの再就職応援プロジェクト"),
        "{home}"
    );
    assert!(home.contains("子育て中の方の「もう一度働きたい」を町が応援します。"));
    assert!(home.contains("長泉町 こども未来課") && home.contains("055-989-5516"));
    assert!(
        !home.contains("わくわくキャリア"),
        "no standard wording where the town wrote its own"
    );
    let theme = visitor.get("/nagaizumi/theme.css").await;
    assert!(theme.body.contains("--accent: #1e5c8a;"), "{}", theme.body);
    visitor.get("/lang/en?next=%2Fnagaizumi%2F").await;
    assert!(
        visitor
            .get("/nagaizumi/")
            .await
            .body
            .contains("Back to Work")
    );

    // Announcements: checked, shown on the home page, taken down; other towns' ids unknown.
    let news = "/nagaizumi/town/news";
    let empty = officer
        .submit(settings, news, &[("news_title_ja", "")])
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.body.contains(r#"id="f-news_body_ja-error""#));
    let added = officer
        .submit(
            settings,
            news,
            &[
                ("news_title_ja", "年末年始の窓口のお休み"),
                ("news_body_ja", "12月29日から1月3日までお休みします。"),
            ],
        )
        .await;
    assert_eq!(added.location(), "/nagaizumi/town/settings?done=news-added");
    assert!(
        app.client()
            .get("/nagaizumi/")
            .await
            .body
            .contains("年末年始の窓口のお休み")
    );
    let listed = officer.get(settings).await.body;
    let delete = listed
        .split(r#"action="/nagaizumi/town/news/"#)
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let removed = officer
        .submit(settings, &format!("/nagaizumi/town/news/{delete}"), &[])
        .await;
    assert_eq!(
        removed.location(),
        "/nagaizumi/town/settings?done=news-removed"
    );
    assert!(
        !app.client()
            .get("/nagaizumi/")
            .await
            .body
            .contains("年末年始の窓口のお休み")
    );
    let other = app.add_town("numazu", "沼津市", "Numazu City").await;
    let other_news = app
        .store
        .tenant(&other)
        .add_announcement(&store::announcement::NewAnnouncement {
            title_ja: "沼津のお知らせ".into(),
            title_en: String::new(),
            body_ja: "本文".into(),
            body_en: String::new(),
            published_at: chrono::Utc::now(),
        })
        .await
        .unwrap();
    let cross = officer
        .submit(
            settings,
            &format!("/nagaizumi/town/news/{other_news}/delete"),
            &[],
        )
        .await;
    assert_eq!(cross.status, StatusCode::NOT_FOUND);
    let resident = staff(&app, "hanako@demo.example.jp").await;
    assert_eq!(resident.get(settings).await.status, StatusCode::FORBIDDEN);

    // A logo: only PNG, JPEG or WebP; shown on the home page; taken away.
    let logo = "/nagaizumi/town/logo";
    let svg = "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+";
    let refused = officer.submit(settings, logo, &[("logo_data", svg)]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .body
            .contains("PNG・JPEG・WebPの画像をお選びください。")
    );
    let png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
    let saved = officer.submit(settings, logo, &[("logo_data", png)]).await;
    assert_eq!(saved.location(), "/nagaizumi/town/settings?done=logo-saved");
    let image = app.client().get("/nagaizumi/logo").await;
    assert_eq!(image.status, StatusCode::OK);
    assert_eq!(image.header("content-type"), "image/png");
    assert!(
        app.client()
            .get("/nagaizumi/")
            .await
            .body
            .contains(r#"src="/nagaizumi/logo""#)
    );
    let removed = officer.submit(settings, logo, &[("remove", "yes")]).await;
    assert_eq!(
        removed.location(),
        "/nagaizumi/town/settings?done=logo-removed"
    );
    assert_eq!(
        app.client().get("/nagaizumi/logo").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_officer_downloads_a_draft_of_the_file_register_entry() {
    use calamine::{Data, Reader, Xlsx};
    let app = TestApp::new().await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let officer = staff(&app, "officer@demo.example.jp").await;
    let home = officer.get("/nagaizumi/town/").await;
    assert!(home.body.contains("/nagaizumi/town/file-register"));
    let page = officer.get("/nagaizumi/town/file-register").await;
    assert_eq!(page.status, StatusCode::OK);
    crate::html_check::assert_valid(&page.body);
    let people = app
        .store
        .tenant(&town)
        .register_counts()
        .await
        .unwrap()
        .people;
    assert!(people > 10);
    for words in [
        "個人情報ファイルの名称",
        "長泉町再就職支援事業（わくキャリ）参加者ファイル",
        "記録項目",
        "プロフィール（働ける時間を含む）（",
        "要配慮個人情報が含まれるときは、その旨",
        "含みません",
        &format!("{people}人（"),
        "1,000人に満たないため掲載の義務はありません",
        "第75条",
    ] {
        assert!(page.body.contains(words), "{words}");
    }
    assert!(!page.body.contains("{ $"), "every argument is filled in");

    let book = officer
        .get("/nagaizumi/town/file-register?format=xlsx")
        .await;
    assert_eq!(book.status, StatusCode::OK);
    let mut workbook: Xlsx<_> = Xlsx::new(std::io::Cursor::new(book.bytes.clone())).unwrap();
    let sheet = workbook.worksheet_range("個人情報ファイル簿の案").unwrap();
    assert_eq!(sheet.get((0, 0)), Some(&Data::String("記載事項".into())));
    assert_eq!(sheet.height(), 14, "the header and 13 items");

    let coordinator = staff(&app, "coordinator@demo.example.jp").await;
    assert_eq!(
        coordinator
            .get("/nagaizumi/town/file-register")
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}
