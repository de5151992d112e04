//! The engine's results on the coordinator's screens, on the demo town.

use axum::http::StatusCode;
use store::audit::AuditFilter;

use crate::harness::TestApp;

async fn demo_app() -> (TestApp, domain::Municipality) {
    let app = TestApp::new().await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    (app, town)
}

#[tokio::test]
async fn a_request_page_ranks_candidates_with_reasons_and_proposes_a_team() {
    let (app, town) = demo_app().await;
    let coordinator = app.client();
    coordinator
        .sign_in(
            "/nagaizumi/login",
            "coordinator@demo.example.jp",
            demo::DEMO_PASSWORD,
        )
        .await;
    let requests = app
        .store
        .tenant(&town)
        .published_requests(&Default::default(), 100)
        .await
        .unwrap();

    let job = requests
        .iter()
        .find(|r| r.title.contains("客室の準備"))
        .unwrap();
    let page = coordinator
        .get(&format!("/nagaizumi/coordinator/requests/{}", job.id))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("候補者（マッチング）"));
    assert!(
        page.body.contains("適合度"),
        "at least one candidate is ranked"
    );
    assert!(page.body.contains("扶養内OK"));

    let project = requests.iter().find(|r| r.title.contains("浴衣")).unwrap();
    let page = coordinator
        .get(&format!("/nagaizumi/coordinator/requests/{}", project.id))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("候補者（マッチング）"));
    assert!(
        page.body.contains("チームの提案"),
        "the yukata class gets a team"
    );
    assert!(page.body.contains("全員が打ち合わせできる時間"));
    // Who covers which skill: every required skill has someone in the team.
    let card = page.body.split("team-card").nth(1).unwrap();
    let table = card.split("</table>").next().unwrap();
    assert!(table.contains("スキルごとの担当"), "{table}");
    let required: Vec<&str> = table
        .split("<tr>")
        .filter(|row| row.contains(">必須<"))
        .collect();
    assert!(!required.is_empty(), "{table}");
    for row in required {
        assert!(!row.contains("チーム内にはまだいません"), "{row}");
        assert!(
            row.contains("</td>\n  <td data-label=\"担当できる方\">"),
            "{row}"
        );
    }

    let audit = app
        .store
        .audit_page(
            &AuditFilter {
                action_prefix: Some("participant.shortlist".into()),
                ..Default::default()
            },
            10,
        )
        .await
        .unwrap();
    assert_eq!(audit.len(), 2, "every shortlist view is audited");
}

#[tokio::test]
async fn a_participants_record_suggests_requests_that_fit() {
    let (app, town) = demo_app().await;
    let coordinator = app.client();
    coordinator
        .sign_in(
            "/nagaizumi/login",
            "coordinator@demo.example.jp",
            demo::DEMO_PASSWORD,
        )
        .await;
    let hanako = app
        .store
        .tenant(&town)
        .account_by_email("hanako@demo.example.jp")
        .await
        .unwrap()
        .unwrap();
    let page = coordinator
        .get(&format!(
            "/nagaizumi/coordinator/participants/{}",
            hanako.id.0
        ))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("この方に合う仕事・プロジェクト"));
    assert!(
        page.body.contains("適合度"),
        "{}",
        page.body
            .split("この方に合う")
            .nth(1)
            .unwrap_or_default()
            .chars()
            .take(600)
            .collect::<String>()
    );
    let suggestions = page
        .body
        .split("この方に合う仕事・プロジェクト")
        .nth(1)
        .unwrap();
    let suggestions = suggestions.split("</section>").next().unwrap();
    assert!(
        suggestions.contains("</a> <small>（"),
        "each request shows its organization beside its title: {suggestions}"
    );
}

#[tokio::test]
async fn batch_proposals_list_the_best_set_of_introductions() {
    let (app, _town) = demo_app().await;
    let coordinator = app.client();
    coordinator
        .sign_in(
            "/nagaizumi/login",
            "coordinator@demo.example.jp",
            demo::DEMO_PASSWORD,
        )
        .await;
    let home = coordinator.get("/nagaizumi/coordinator/").await;
    assert!(home.body.contains("/nagaizumi/coordinator/proposals"));
    let page = coordinator.get("/nagaizumi/coordinator/proposals").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("一括提案") && page.body.contains("適合度"));
    assert!(
        page.body.contains("</a> <small>（"),
        "each proposal shows the request's organization"
    );
    // Best first, across jobs and teams alike.
    let run = page.body.split("id=\"run-h\"").nth(1).unwrap();
    let scores: Vec<u32> = run
        .split("<span class=\"score\">")
        .skip(1)
        .filter_map(|rest| {
            let digits: String = rest
                .chars()
                .skip_while(|c| !c.is_ascii_digit())
                .take_while(char::is_ascii_digit)
                .collect();
            digits.parse().ok()
        })
        .collect();
    assert!(scores.len() >= 6, "{scores:?}");
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert_eq!(
        run.matches("name=\"keep\"").count(),
        scores.len(),
        "each proposal can be kept or dropped"
    );
    assert!(
        run.contains("スキルごとの担当"),
        "a proposed team shows who covers which skill"
    );
    let anonymous = app.client().get("/nagaizumi/coordinator/proposals").await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_skill_gap_points_to_the_course_that_teaches_it() {
    let (app, town) = demo_app().await;
    let coordinator = app.client();
    coordinator
        .sign_in(
            "/nagaizumi/login",
            "coordinator@demo.example.jp",
            demo::DEMO_PASSWORD,
        )
        .await;
    let requests = app
        .store
        .tenant(&town)
        .published_requests(&Default::default(), 100)
        .await
        .unwrap();
    let mut pointed = false;
    for request in &requests {
        let page = coordinator
            .get(&format!("/nagaizumi/coordinator/requests/{}", request.id))
            .await;
        pointed |= page.body.contains("講座「事務のためのパソコン講座");
    }
    assert!(
        pointed,
        "the demo's computer course is offered for a spreadsheet gap"
    );
}
