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
