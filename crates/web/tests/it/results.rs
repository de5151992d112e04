//! The organization's result after a meeting: its home lists what waits for it, it reports
//! 見送り with a reason (bad input refused field by field, a stale page refused, another
//! organization's introduction not found), the coordinator is told by notice and mail, sees the
//! report and confirms it with the outcome form that starts from it.

use axum::http::StatusCode;

use crate::harness::{Client, PASSWORD, TestApp, outbox};
use crate::introductions::{introduction_id, parent};
use crate::meetings::day_ahead;
use domain::Role;

/// An introduction of a new parent to the inn's housekeeping job, consented by her: its id.
async fn consented(app: &TestApp, town: &domain::Municipality, coordinator: &Client<'_>) -> i64 {
    let (account, email) = parent(app, town, "result").await;
    let job = app
        .store
        .tenant(town)
        .published_requests(&Default::default(), 100)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.title.contains("客室の準備"))
        .unwrap();
    let job_page = format!("/nagaizumi/coordinator/requests/{}", job.id);
    let created = coordinator
        .submit(
            &job_page,
            &format!("/nagaizumi/coordinator/requests/{}/introductions", job.id),
            &[
                ("participant_id", &account.id.0.to_string()),
                ("back", &job_page),
            ],
        )
        .await;
    let id = introduction_id(created.location());
    let mine = format!("/nagaizumi/me/introductions/{id}");
    let person = app.client();
    person.sign_in("/nagaizumi/login", &email, PASSWORD).await;
    person
        .submit(
            &mine,
            &mine,
            &[("from", "offered"), ("answer", "consent"), ("agree", "yes")],
        )
        .await;
    id
}

/// The organization accepts and sets a meeting on a weekday morning next week.
async fn meet(inn: &Client<'_>, org_page: &str) {
    inn.submit(
        org_page,
        org_page,
        &[("from", "consented"), ("action", "accept")],
    )
    .await;
    let day = day_ahead(7, false);
    let set = inn
        .submit(
            org_page,
            org_page,
            &[
                ("from", "accepted"),
                ("action", "schedule_meeting"),
                ("meeting_date", &day),
                ("meeting_time", "10:30"),
            ],
        )
        .await;
    assert!(set.location().ends_with("done=moved"), "{}", set.body);
}

async fn signed_in<'a>(app: &'a TestApp, email: &str, password: &str) -> Client<'a> {
    let client = app.client();
    client.sign_in("/nagaizumi/login", email, password).await;
    client
}

#[tokio::test]
async fn bad_results_are_refused_field_by_field_and_others_cannot_report() {
    let app = TestApp::new().await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let coordinator = signed_in(&app, "coordinator@demo.example.jp", demo::DEMO_PASSWORD).await;
    let id = consented(&app, &town, &coordinator).await;
    let inn = signed_in(&app, "inn@demo.example.jp", demo::DEMO_PASSWORD).await;
    let org_page = format!("/nagaizumi/org/introductions/{id}");
    let result_url = format!("{org_page}/result");
    assert!(
        !inn.get(&org_page).await.body.contains(r#"name="verdict""#),
        "no result before the meeting is set"
    );
    meet(&inn, &org_page).await;
    assert!(inn.get(&org_page).await.body.contains(r#"name="verdict""#));

    let none = inn
        .submit(&org_page, &result_url, &[("from", "meeting_scheduled")])
        .await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        none.body.contains("結果：選択肢から1つ選んでください。"),
        "{}",
        none.body
    );
    let no_reason = inn
        .submit(
            &org_page,
            &result_url,
            &[("from", "meeting_scheduled"), ("verdict", "not_hired")],
        )
        .await;
    assert!(
        no_reason
            .body
            .contains("見送りの理由：選択肢から1つ選んでください。")
    );
    let other = [
        ("from", "meeting_scheduled"),
        ("verdict", "not_hired"),
        ("pass_reason", "other"),
    ];
    let unexplained = inn.submit(&org_page, &result_url, &other).await;
    assert!(
        unexplained
            .body
            .contains("理由が「その他」のときは、ひとことお書きください。")
    );
    assert!(
        unexplained
            .body
            .contains(r#"<option value="other" selected>"#),
        "the chosen reason stays"
    );
    let long = "あ".repeat(501);
    let too_long = inn
        .submit(
            &org_page,
            &result_url,
            &[
                ("from", "meeting_scheduled"),
                ("verdict", "hired"),
                ("result_note", &long),
            ],
        )
        .await;
    assert!(too_long.body.contains("500文字以内"));
    assert!(too_long.body.contains(&long), "what was typed stays");
    let tenant = app.store.tenant(&town);
    assert!(
        tenant
            .introduction(id)
            .await
            .unwrap()
            .unwrap()
            .result
            .is_none()
    );

    // A page left open while the introduction moved on, and another organization's attempt.
    let stale = inn
        .submit(
            &org_page,
            &result_url,
            &[("from", "consented"), ("verdict", "hired")],
        )
        .await;
    assert!(stale.location().ends_with("done=stale"));
    app.add_account(
        Some(&town),
        Role::OrganizationMember,
        "someone@other-company.example.jp",
        "他社 太郎",
    )
    .await;
    let stranger = signed_in(&app, "someone@other-company.example.jp", PASSWORD).await;
    assert_eq!(stranger.get(&org_page).await.status, StatusCode::NOT_FOUND);
    let refused = stranger
        .post_raw(
            &result_url,
            &[("from", "meeting_scheduled"), ("verdict", "hired")],
        )
        .await;
    assert!(
        matches!(
            refused.status,
            StatusCode::NOT_FOUND | StatusCode::FORBIDDEN
        ),
        "{}",
        refused.status
    );
    assert!(
        tenant
            .introduction(id)
            .await
            .unwrap()
            .unwrap()
            .result
            .is_none()
    );
}

#[tokio::test]
async fn a_reported_pass_reaches_the_coordinator_who_confirms_it_as_the_outcome() {
    let app = TestApp::new().await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let coordinator = signed_in(&app, "coordinator@demo.example.jp", demo::DEMO_PASSWORD).await;
    let id = consented(&app, &town, &coordinator).await;
    let inn = signed_in(&app, "inn@demo.example.jp", demo::DEMO_PASSWORD).await;
    let home = inn.get("/nagaizumi/org/").await.body;
    assert!(
        home.contains("お返事をお待ちしています") && home.contains(&format!("introductions/{id}")),
        "the home lists the introduction waiting for an answer"
    );
    let org_page = format!("/nagaizumi/org/introductions/{id}");
    meet(&inn, &org_page).await;
    let note = "平日の午後も入れる方を探しています";
    let reported = inn
        .submit(
            &org_page,
            &format!("{org_page}/result"),
            &[
                ("from", "meeting_scheduled"),
                ("verdict", "not_hired"),
                ("pass_reason", "schedule"),
                ("result_note", note),
            ],
        )
        .await;
    assert!(
        reported.location().ends_with("done=result-reported"),
        "{}",
        reported.body
    );
    let page = inn.get(reported.location()).await.body;
    assert!(page.contains("ご報告ありがとうございました"));
    assert!(
        page.contains("見送り（勤務の日時が合わなかった）"),
        "{page}"
    );
    assert!(page.contains("報告を訂正する"), "it may correct the report");

    let told = coordinator.get("/nagaizumi/notifications").await.body;
    assert!(
        told.contains("面談の結果のご報告がありました") && told.contains(note),
        "{told}"
    );
    let mails = outbox(&app.store, Some(town.id), 50).await;
    assert!(
        mails
            .iter()
            .any(|m| m.recipient == "coordinator@demo.example.jp"
                && m.body_text.contains("「見送り」とご報告がありました")),
        "the coordinator is mailed"
    );
    let listed = coordinator
        .get("/nagaizumi/coordinator/introductions?reported=yes")
        .await
        .body;
    assert!(listed.contains(&format!("introductions/{id}")));
    let coordinator_page = format!("/nagaizumi/coordinator/introductions/{id}");
    let detail = coordinator.get(&coordinator_page).await.body;
    assert!(detail.contains("見送り（勤務の日時が合わなかった）"));
    assert!(
        detail.contains(r#"<option value="not_placed" selected>"#),
        "{detail}"
    );
    assert!(detail.contains(r#"<option value="schedule" selected>"#));

    let concluded = coordinator
        .submit(
            &coordinator_page,
            &coordinator_page,
            &[
                ("from", "meeting_scheduled"),
                ("action", "conclude"),
                ("kind", "not_placed"),
                ("reason", "schedule"),
            ],
        )
        .await;
    assert!(
        concluded.location().ends_with("done=moved"),
        "{}",
        concluded.body
    );
    let after = inn.get(&org_page).await.body;
    assert!(
        !after.contains(r#"name="verdict""#),
        "no report once it is concluded"
    );
    assert!(after.contains("見送り（勤務の日時が合わなかった）"));
    assert!(
        !coordinator
            .get("/nagaizumi/coordinator/introductions?reported=yes")
            .await
            .body
            .contains(&format!("introductions/{id}\"")),
        "a confirmed report no longer waits"
    );
}
