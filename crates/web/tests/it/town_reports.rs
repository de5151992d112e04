//! The town's numbers: officers and coordinators read them by fiscal year with definitions and
//! charts; the CSV file suppresses small counts; a wrong year is a field error.

use axum::http::StatusCode;

use crate::harness::TestApp;
use crate::html_check::assert_valid;

async fn demo_with_history() -> (TestApp, domain::Municipality) {
    let app = TestApp::new().await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let coordinator = app
        .store
        .tenant(&town)
        .account_by_email("coordinator@demo.example.jp")
        .await
        .unwrap()
        .unwrap();
    demo::load_casework_history(&app.store, &town, coordinator.id)
        .await
        .unwrap();
    (app, town)
}

#[tokio::test]
async fn officers_and_coordinators_read_the_numbers_by_fiscal_year() {
    let (app, town) = demo_with_history().await;
    let officer = app.client();
    officer
        .sign_in(
            "/nagaizumi/login",
            "officer@demo.example.jp",
            demo::DEMO_PASSWORD,
        )
        .await;
    let home = officer.get("/nagaizumi/town/").await;
    assert!(
        home.body.contains("/nagaizumi/town/reports"),
        "the officer's home links the numbers"
    );
    let page = officer.get("/nagaizumi/town/reports").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_valid(&page.body);
    let today = store::matching_input::today_in_japan();
    let this = domain::FiscalYear::containing(today, town.fiscal_year_start);
    assert!(page.body.contains(&format!(
        "{}年度（令和{}年度）",
        this.start_year(),
        this.start_year() - 2018
    )));
    for words in [
        "登録者数",
        "数え方",
        "参加者数（延べ）",
        "託児で預かった子どもの数",
        "role=\"img\"",
        "前年度との差",
        "登録からの日数（中央値）",
        "登録から初めてのご紹介まで",
    ] {
        assert!(page.body.contains(words), "{words}");
    }

    // Last year's attendance on the page is what the facts say.
    let last = this.previous();
    let facts = app
        .store
        .tenant(&town)
        .program_facts(last.first_day(), last.last_day())
        .await
        .unwrap();
    let rows = domain::report::tally(&facts, last);
    let attended = rows
        .iter()
        .find(|r| r.measure == domain::report::Measure::Attendances && r.part.is_none())
        .unwrap()
        .year;
    assert!(
        attended > 20,
        "the demo's past events were attended: {attended}"
    );
    let last_page = officer
        .get(&format!(
            "/nagaizumi/town/reports?year={}",
            last.start_year()
        ))
        .await;
    assert_eq!(last_page.status, StatusCode::OK);
    let section = last_page
        .body
        .split("id=\"measure-attendances\"")
        .nth(1)
        .unwrap();
    let total = section.split("class=\"total-row\"").nth(1).unwrap();
    assert!(
        total.contains(&format!(">{attended}</td>")),
        "{}",
        &total[..300.min(total.len())]
    );

    // A year that is not offered is a field error.
    let wrong = officer.get("/nagaizumi/town/reports?year=1990").await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("id=\"f-year-error\""));

    // Coordinators reach it from their home.
    let coordinator = app.client();
    coordinator
        .sign_in(
            "/nagaizumi/login",
            "coordinator@demo.example.jp",
            demo::DEMO_PASSWORD,
        )
        .await;
    let home = coordinator.get("/nagaizumi/coordinator/").await;
    assert!(home.body.contains("/nagaizumi/town/reports"));
    assert_eq!(
        coordinator.get("/nagaizumi/town/reports").await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn the_csv_file_hides_small_counts_and_keeps_numbers_as_numbers() {
    let (app, town) = demo_with_history().await;
    let officer = app.client();
    officer
        .sign_in(
            "/nagaizumi/login",
            "officer@demo.example.jp",
            demo::DEMO_PASSWORD,
        )
        .await;
    let today = store::matching_input::today_in_japan();
    let last = domain::FiscalYear::containing(today, town.fiscal_year_start).previous();
    let file = officer
        .get(&format!(
            "/nagaizumi/town/reports/export?year={}",
            last.start_year()
        ))
        .await;
    assert_eq!(file.status, StatusCode::OK);
    assert!(file.body.starts_with('\u{FEFF}'), "a BOM for Excel");
    let mut lines = file.body.trim_start_matches('\u{FEFF}').lines();
    let header = lines.next().unwrap();
    assert!(header.starts_with("\"指標\",\"内訳\",\"4月\""), "{header}");
    let attendance = file
        .body
        .lines()
        .find(|l| l.starts_with("\"参加者数（延べ）\",\"合計\""))
        .unwrap();
    let cells: Vec<&str> = attendance.split(',').collect();
    // The year's total is a number, unquoted; some month of few attendances is hidden.
    assert!(cells[14].parse::<u64>().is_ok(), "{attendance}");
    assert!(file.body.contains("\"―\""), "small counts are suppressed");
    // Months, the year and last year: no count from 1 to 9 is written (a change may be small).
    for line in file.body.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        for cell in &cells[2..16] {
            if let Ok(n) = cell.parse::<u64>() {
                assert!(n == 0 || n >= 10, "a small count leaked: {line}");
            }
        }
    }
}

async fn signed_in<'a>(app: &'a TestApp, email: &str) -> crate::harness::Client<'a> {
    let client = app.client();
    client
        .sign_in("/nagaizumi/login", email, demo::DEMO_PASSWORD)
        .await;
    client
}

#[tokio::test]
async fn the_officer_sets_targets_and_the_report_shows_the_achievement() {
    let (app, town) = demo_with_history().await;
    let officer = signed_in(&app, "officer@demo.example.jp").await;
    let today = store::matching_input::today_in_japan();
    let last = domain::FiscalYear::containing(today, town.fiscal_year_start).previous();
    let report = format!("/nagaizumi/town/reports?year={}", last.start_year());
    let page = officer.get(&report).await;
    assert!(page.body.contains("目標と達成率"));
    assert!(page.body.contains("未設定"), "no target yet");
    let form_path = format!("/nagaizumi/town/reports/targets?year={}", last.start_year());
    assert!(page.body.contains(&form_path.replace('&', "&amp;")));

    // Wrong values: each field named, what was typed kept, nothing stored.
    let year = last.start_year().to_string();
    let wrong = officer
        .submit(
            &form_path,
            "/nagaizumi/town/reports/targets",
            &[
                ("year", &year),
                ("target_registrations", "たくさん"),
                ("target_attendances", "２００"),
                ("target_outcomes", "-5"),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_valid(&wrong.body);
    for words in [
        "登録者数の目標（人）：0から1,000,000までの整数で入力してください。",
        "ご紹介の結果の目標（件）：0から1,000,000までの整数で入力してください。",
        "value=\"たくさん\"",
        "value=\"200\"",
    ] {
        assert!(wrong.body.contains(words), "{words}");
    }
    let tenant = app.store.tenant(&town);
    assert!(
        tenant
            .report_targets(last.start_year())
            .await
            .unwrap()
            .0
            .is_empty()
    );

    // Full-width digits are read; the achievement is the actual over the target.
    let saved = officer
        .submit(
            &form_path,
            "/nagaizumi/town/reports/targets",
            &[
                ("year", &year),
                ("target_attendances", "２００"),
                ("target_hearings", "0"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let page = officer.get(saved.location()).await;
    assert_valid(&page.body);
    assert!(page.body.contains("目標値を保存しました。"));
    let facts = tenant
        .program_facts(last.first_day(), last.last_day())
        .await
        .unwrap();
    let attended = domain::report::tally(&facts, last)
        .iter()
        .find(|r| r.measure == domain::report::Measure::Attendances && r.part.is_none())
        .unwrap()
        .year;
    let rate = domain::report::target::achievement_tenths(attended, 200).unwrap();
    let line = page
        .body
        .split("参加者数（延べ）</th>")
        .nth(1)
        .unwrap()
        .split("</tr>")
        .next()
        .unwrap()
        .to_owned();
    assert!(
        line.contains(">延べ人数<") && line.contains(">200<"),
        "{line}"
    );
    assert!(
        line.contains(&domain::report::target::percent_words(rate)),
        "{line}"
    );

    // The targets file: suppressed like the report, the achievement a share.
    let file = officer
        .get(&format!(
            "/nagaizumi/town/reports/export?year={}&table=targets",
            last.start_year()
        ))
        .await;
    assert_eq!(file.status, StatusCode::OK);
    let text = file.body.trim_start_matches('\u{FEFF}');
    assert!(
        text.starts_with("\"指標\",\"単位\",\"目標値\",\"実績値\",\"達成率\""),
        "{text}"
    );
    let attendances = text
        .lines()
        .find(|l| l.starts_with("\"参加者数（延べ）\""))
        .unwrap();
    assert_eq!(
        attendances,
        format!(
            "\"参加者数（延べ）\",\"延べ人数\",200,{attended},{}",
            domain::report::target::percent_words(rate)
        )
    );

    // Coordinators read the table but may not set targets.
    let coordinator = signed_in(&app, "coordinator@demo.example.jp").await;
    let theirs = coordinator.get(&report).await;
    assert!(theirs.body.contains("目標と達成率"));
    assert!(!theirs.body.contains("/nagaizumi/town/reports/targets"));
    assert_eq!(
        coordinator.get(&form_path).await.status,
        StatusCode::FORBIDDEN
    );
    let refused = coordinator
        .post_raw(
            "/nagaizumi/town/reports/targets",
            &[
                ("csrf_token", &theirs.csrf()),
                ("year", &year),
                ("target_hearings", "1"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(
        tenant
            .report_targets(last.start_year())
            .await
            .unwrap()
            .of(domain::report::Measure::Hearings),
        Some(0)
    );
}

#[tokio::test]
async fn the_report_opens_in_excel_and_in_shift_jis_with_the_same_cells() {
    use calamine::{Data, Reader, Xlsx};
    let (app, town) = demo_with_history().await;
    let officer = signed_in(&app, "officer@demo.example.jp").await;
    let today = store::matching_input::today_in_japan();
    let last = domain::FiscalYear::containing(today, town.fiscal_year_start).previous();
    let base = format!("/nagaizumi/town/reports/export?year={}", last.start_year());
    let page = officer
        .get(&format!(
            "/nagaizumi/town/reports?year={}",
            last.start_year()
        ))
        .await;
    for words in ["CSV（Shift_JIS・古いソフト用）", "Excelファイル（.xlsx）"] {
        assert!(page.body.contains(words), "{words}");
    }

    let book = officer.get(&format!("{base}&format=xlsx")).await;
    assert_eq!(book.status, StatusCode::OK);
    assert!(book.header("content-disposition").contains(".xlsx"));
    let mut workbook: Xlsx<_> = Xlsx::new(std::io::Cursor::new(book.bytes.clone())).unwrap();
    assert_eq!(
        workbook.sheet_names(),
        ["月別の実績", "目標と達成率", "登録からの日数（中央値）"]
    );
    let medians = workbook
        .worksheet_range("登録からの日数（中央値）")
        .unwrap();
    assert_eq!(medians.height(), 3, "a header and two milestones");
    let months = workbook.worksheet_range("月別の実績").unwrap();
    assert_eq!(months.get((0, 0)), Some(&Data::String("指標".into())));
    assert_eq!(months.get((0, 2)), Some(&Data::String("4月".into())));

    // The same cells as the UTF-8 CSV: numbers as numbers, hidden counts as 「―」.
    let csv = officer.get(&base).await;
    let csv_lines: Vec<&str> = csv.body.trim_start_matches('\u{FEFF}').lines().collect();
    assert_eq!(months.height(), csv_lines.len());
    let mut numbers = 0;
    let mut hidden = 0;
    for (r, line) in csv_lines.iter().enumerate().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        for (c, cell) in cells.iter().enumerate().take(17).skip(2) {
            match months.get((r, c)) {
                Some(Data::Float(n)) => {
                    assert_eq!(cell.parse::<f64>().ok(), Some(*n), "row {r} col {c}");
                    numbers += 1;
                }
                Some(Data::String(s)) => {
                    assert_eq!(*cell, format!("\"{s}\""), "row {r} col {c}");
                    assert_eq!(s, "―");
                    hidden += 1;
                }
                other => panic!("row {r} col {c}: {other:?}"),
            }
        }
    }
    assert!(
        numbers > 100 && hidden > 0,
        "{numbers} numbers, {hidden} hidden"
    );

    // Shift_JIS: decoded back, the same text as the UTF-8 file.
    let sjis = officer.get(&format!("{base}&format=sjis")).await;
    assert_eq!(sjis.status, StatusCode::OK);
    assert!(sjis.header("content-type").contains("Shift_JIS"));
    let (decoded, _, errors) = encoding_rs::SHIFT_JIS.decode(&sjis.bytes);
    assert!(!errors);
    assert!(!decoded.contains("&#"));
    assert_eq!(
        decoded,
        csv.body.trim_start_matches('\u{FEFF}').replace('〜', "～")
    );

    // Each file made is in the audit log.
    let entries = app
        .store
        .audit_page(
            &store::audit::AuditFilter {
                action_prefix: Some("report.exported".into()),
                ..Default::default()
            },
            10,
        )
        .await
        .unwrap();
    let files: Vec<&str> = entries.iter().map(|e| e.detail.as_str()).collect();
    let stem = format!("nagaizumi-report-{}", last.start_year());
    assert_eq!(
        files,
        [
            format!("{stem}.sjis"),
            format!("{stem}.csv"),
            format!("{stem}.xlsx")
        ],
        "newest first"
    );
    assert_eq!(
        officer.get(&format!("{base}&format=pdf")).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_public_sees_the_measures_the_town_publishes_with_small_counts_hidden() {
    let (app, town) = demo_with_history().await;
    let anyone = app.client();
    let before = anyone.get("/nagaizumi/results").await;
    assert_eq!(before.status, StatusCode::OK);
    assert!(before.body.contains("いま公開している数字はありません。"));
    let home = anyone.get("/nagaizumi/").await;
    assert!(
        home.body.contains("href=\"/nagaizumi/results\""),
        "the footer links it"
    );

    let officer = signed_in(&app, "officer@demo.example.jp").await;
    let saved = officer
        .submit(
            "/nagaizumi/town/reports/public",
            "/nagaizumi/town/reports/public",
            &[("measure", "attendances"), ("measure", "credentials")],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let choice = officer.get(saved.location()).await;
    assert_valid(&choice.body);
    assert!(choice.body.contains("公開する指標を保存しました。"));
    assert!(choice.body.contains("value=\"attendances\" checked"));

    let page = anyone.get("/nagaizumi/results").await;
    assert_valid(&page.body);
    assert!(page.body.contains("参加者数（延べ）"));
    assert!(page.body.contains("講座の修了・修了証"));
    assert!(!page.body.contains("登録者数"), "only what was chosen");
    // Every figure shown is 0, 10 or more, or hidden.
    let today = store::matching_input::today_in_japan();
    let this = domain::FiscalYear::containing(today, town.fiscal_year_start);
    let last = this.previous();
    let facts = app
        .store
        .tenant(&town)
        .program_facts(last.first_day(), this.last_day())
        .await
        .unwrap();
    for fy in [this, last] {
        for measure in [
            domain::report::Measure::Attendances,
            domain::report::Measure::Credentials,
        ] {
            let value = domain::report::tally(&facts, fy)
                .iter()
                .find(|r| r.measure == measure && r.part.is_none())
                .map_or(0, |r| r.year);
            if (1..10).contains(&value) {
                let row = page
                    .body
                    .split(&format!("{}</th>", app_label(measure)))
                    .nth(1)
                    .unwrap()
                    .split("</tr>")
                    .next()
                    .unwrap()
                    .to_owned();
                assert!(
                    !row.contains(&format!(">{value}<")),
                    "{value} leaked: {row}"
                );
                assert!(row.contains(">―<"), "{row}");
            }
        }
    }

    // The town's threshold: a wrong one is named; a higher one hides more, on the page and in
    // the files.
    let wrong = officer
        .submit(
            "/nagaizumi/town/reports/public",
            "/nagaizumi/town/reports/threshold",
            &[("threshold", "2")],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        wrong
            .body
            .contains("3から100までの整数で入力してください。")
    );
    assert!(wrong.body.contains("value=\"2\""));
    let saved = officer
        .submit(
            "/nagaizumi/town/reports/public",
            "/nagaizumi/town/reports/threshold",
            &[("threshold", "100")],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.store.tenant(&town).report_threshold().await.unwrap(),
        100
    );
    let page = anyone.get("/nagaizumi/results").await;
    assert!(
        page.body.contains("100未満の数"),
        "the note says the town's threshold"
    );
    let file = officer
        .get(&format!(
            "/nagaizumi/town/reports/export?year={}",
            last.start_year()
        ))
        .await;
    for line in file.body.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        for cell in &cells[2..16] {
            if let Ok(n) = cell.parse::<u64>() {
                assert!(n == 0 || n >= 100, "a count under 100 leaked: {line}");
            }
        }
    }

    // Only the officer chooses; a code that is no measure is refused.
    let bad = officer
        .submit(
            "/nagaizumi/town/reports/public",
            "/nagaizumi/town/reports/public",
            &[("measure", "salaries")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let coordinator = signed_in(&app, "coordinator@demo.example.jp").await;
    assert_eq!(
        coordinator
            .get("/nagaizumi/town/reports/public")
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

fn app_label(measure: domain::report::Measure) -> &'static str {
    match measure {
        domain::report::Measure::Attendances => "参加者数（延べ）",
        _ => "講座の修了・修了証",
    }
}

/// A check-in after a placement is answered from lists on its own page (a missing choice is
/// named), and the town's numbers count the answer; other towns' and others' ids are refused.
#[tokio::test]
async fn a_check_in_is_answered_from_lists_and_counted_in_the_numbers() {
    use domain::introduction::OutcomeKind;
    use domain::introduction::check_in::note;
    let (app, town) = demo_with_history().await;
    let tenant = app.store.tenant(&town);
    let hanako = tenant
        .account_by_email("hanako@demo.example.jp")
        .await
        .unwrap()
        .unwrap();
    let coordinator_id = tenant
        .account_by_email("coordinator@demo.example.jp")
        .await
        .unwrap()
        .unwrap()
        .id;
    let today = store::matching_input::today_in_japan();
    let check_in_note = note(3, OutcomeKind::OwnPace);
    tenant
        .add_follow_up(hanako.id, coordinator_id, today, &check_in_note)
        .await
        .unwrap();
    let id = tenant
        .follow_ups_of(hanako.id)
        .await
        .unwrap()
        .into_iter()
        .find(|f| f.note == check_in_note)
        .unwrap()
        .id;
    let coordinator = signed_in(&app, "coordinator@demo.example.jp").await;
    let record = format!("/nagaizumi/coordinator/participants/{}", hanako.id.0);
    let path = format!("/nagaizumi/coordinator/follow-ups/{id}/check-in");
    let home = coordinator.get("/nagaizumi/coordinator/").await;
    assert!(
        home.body.contains(&path),
        "the home page links the check-in"
    );
    let page = coordinator.get(&record).await;
    assert!(page.body.contains(&path), "the record links the check-in");

    // Marking it done without an answer leads to its page instead.
    let done = coordinator
        .submit(
            &record,
            &format!("/nagaizumi/coordinator/follow-ups/{id}/done"),
            &[("answer", "電話した")],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(done.location(), path);
    assert_eq!(tenant.open_check_in(id).await.unwrap(), Some(3));

    let form = coordinator.get(&path).await;
    assert_eq!(form.status, StatusCode::OK);
    assert_valid(&form.body);
    assert!(form.body.contains("3か月後の確認です"));
    let wrong = coordinator
        .submit(&path, &path, &[("answer", "留守電")])
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_valid(&wrong.body);
    assert!(
        wrong
            .body
            .contains("今の状況：選択肢から1つ選んでください。")
    );
    assert!(wrong.body.contains("留守電"), "the note is kept");
    let working = [("check_in_status", "still_working"), ("answer", "")];
    let wrong = coordinator.submit(&path, &path, &working).await;
    assert!(
        wrong
            .body
            .contains("週の労働時間：選択肢から1つ選んでください。")
    );
    assert_eq!(
        tenant.open_check_in(id).await.unwrap(),
        Some(3),
        "nothing saved"
    );

    // Others may not open it.
    let inn = signed_in(&app, "inn@demo.example.jp").await;
    assert_eq!(inn.get(&path).await.status, StatusCode::FORBIDDEN);
    let other = app.add_town("numazu", "沼津市", "Numazu").await;
    let other_coordinator = app
        .add_account(
            Some(&other),
            domain::Role::Coordinator,
            "c@numazu.example.jp",
            "沼津",
        )
        .await;
    let stranger = app.client();
    stranger
        .sign_in(
            "/numazu/login",
            &other_coordinator.email,
            crate::harness::PASSWORD,
        )
        .await;
    let elsewhere = format!("/numazu/coordinator/follow-ups/{id}/check-in");
    assert_eq!(stranger.get(&elsewhere).await.status, StatusCode::NOT_FOUND);

    let saved = coordinator
        .submit(
            &path,
            &path,
            &[
                ("check_in_status", "still_working"),
                ("check_in_hours", "20_30"),
                ("answer", "シフトにも慣れたとのこと"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let page = coordinator.get(saved.location()).await;
    assert!(page.body.contains("確認の結果を記録しました。"));
    assert!(page.body.contains("シフトにも慣れたとのこと"));
    assert_eq!(coordinator.get(&path).await.status, StatusCode::NOT_FOUND);

    let report = coordinator.get("/nagaizumi/town/reports").await;
    let section = report
        .body
        .split("id=\"measure-check_ins\"")
        .nth(1)
        .unwrap();
    assert!(section.contains("3か月後：始めた仕事・事業を続けている"));
    let hours = report
        .body
        .split("id=\"measure-check_in_hours\"")
        .nth(1)
        .unwrap();
    assert!(hours.contains("3か月後：週20〜30時間未満"));
}
