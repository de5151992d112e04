use axum::http::StatusCode;
use domain::Role;
use store::organization::NewOrganization;

use crate::harness::{PASSWORD, TestApp};
use crate::html_check::assert_valid;

struct Setup {
    app: TestApp,
    town: domain::Municipality,
}

async fn setup() -> Setup {
    let app = TestApp::new().await;
    let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    app.add_account(
        Some(&town),
        Role::Coordinator,
        "coord@example.jp",
        "調整 恵",
    )
    .await;
    Setup { app, town }
}

fn job_fields() -> Vec<(&'static str, &'static str)> {
    let mut fields = vec![
        ("kind", "job"),
        ("title", "旅館の客室準備（平日午前）"),
        (
            "description",
            "チェックアウト後の客室の準備をお願いします。",
        ),
        ("required_skill", "housekeeping"),
        ("required_level", "1"),
        ("nice_skill", "customer-service"),
        ("nice_level", "2"),
        ("flag", "within_income_cap"),
        ("flag", "career_gap_welcome"),
        ("work_mode", "on_site"),
        ("location_area", "下土狩"),
        ("hours_min", "6"),
        ("hours_max", "12"),
        ("days_per_week", "3"),
        ("contract", "part_time"),
        ("pay_unit", "hourly"),
        ("pay_yen", "1150"),
        ("headcount", "2"),
    ];
    // Weekdays 9:00–13:00 (half-hours 18 to 25).
    const SLOTS: [&str; 40] = [
        "mon-18", "mon-19", "mon-20", "mon-21", "mon-22", "mon-23", "mon-24", "mon-25", "tue-18",
        "tue-19", "tue-20", "tue-21", "tue-22", "tue-23", "tue-24", "tue-25", "wed-18", "wed-19",
        "wed-20", "wed-21", "wed-22", "wed-23", "wed-24", "wed-25", "thu-18", "thu-19", "thu-20",
        "thu-21", "thu-22", "thu-23", "thu-24", "thu-25", "fri-18", "fri-19", "fri-20", "fri-21",
        "fri-22", "fri-23", "fri-24", "fri-25",
    ];
    fields.extend(SLOTS.iter().map(|s| ("slot", *s)));
    fields
}

fn project_fields() -> Vec<(&'static str, &'static str)> {
    vec![
        ("kind", "team_project"),
        ("title", "創業15周年のノベルティづくり"),
        (
            "description",
            "廃番の紙を使って、記念品を企画・制作するチームを募集します。",
        ),
        ("required_skill", "paper-craft"),
        ("required_level", "2"),
        ("required_skill", "product-planning"),
        ("required_level", "2"),
        ("flag", "children_welcome"),
        ("work_mode", "hybrid"),
        ("location_area", "本宿"),
        ("flexible", "yes"),
        ("hours_min", "2"),
        ("hours_max", "6"),
        ("deliverable", "記念品300個"),
        ("team_min", "3"),
        ("team_max", "5"),
        ("milestones", "1月 企画、2月 試作、3月 納品"),
        ("budget_yen", "300000"),
        ("meeting_mode", "online"),
        ("meeting_hours", "2"),
    ]
}

#[tokio::test]
async fn a_job_goes_from_enquiry_to_the_public_list() {
    let Setup { app, town } = setup().await;
    // A company contact sends the enquiry form.
    let visitor = app.client();
    let form = visitor.get("/nagaizumi/work-with-us").await;
    assert_valid(&form.body);
    let bad = visitor
        .submit(
            "/nagaizumi/work-with-us",
            "/nagaizumi/work-with-us",
            &[("organization_name", ""), ("email", "x")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains(r#"id="f-organization_name-error""#));
    let sent = visitor
        .submit(
            "/nagaizumi/work-with-us",
            "/nagaizumi/work-with-us",
            &[
                ("organization_name", "湯の花旅館"),
                ("organization_kind", "company"),
                ("organization_location", "in_town"),
                ("contact_person", "湯川 一郎"),
                ("email", "inn@example.jp"),
                ("message", "家族向けイベントを一緒に考えたい"),
            ],
        )
        .await;
    assert_eq!(sent.location(), "/nagaizumi/work-with-us?done=sent");

    // The coordinator approves it: an organization and an invitation.
    let coordinator = app.client();
    coordinator
        .sign_in("/nagaizumi/login", "coord@example.jp", PASSWORD)
        .await;
    let list = coordinator.get("/nagaizumi/coordinator/enquiries").await;
    assert!(list.body.contains("湯の花旅館") && list.body.contains("家族向けイベント"));
    let enquiry = app.store.tenant(&town).enquiries(10).await.unwrap()[0].id;
    let approved = coordinator
        .post_raw(
            &format!("/nagaizumi/coordinator/enquiries/{enquiry}"),
            &[("csrf_token", &list.csrf()), ("decision", "approve")],
        )
        .await;
    assert_eq!(
        approved.location(),
        "/nagaizumi/coordinator/enquiries?done=approved"
    );
    let mail = &crate::harness::outbox(&app.store, Some(town.id), 1).await[0];
    assert_eq!(mail.recipient, "inn@example.jp");
    let link = mail
        .body_text
        .split("http://127.0.0.1:8080")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();

    // The contact accepts and posts a job.
    let member = app.client();
    let accept = member.get(&link).await;
    member
        .post_raw(
            &link,
            &[
                ("csrf_token", &accept.csrf()),
                ("display_name", "湯川 一郎"),
                ("furigana", "ゆかわ いちろう"),
                ("password", PASSWORD),
            ],
        )
        .await;
    let dashboard = member.get("/nagaizumi/org/").await;
    assert!(dashboard.body.contains("湯の花旅館"));
    let new_job = member.get("/nagaizumi/org/requests/new?kind=job").await;
    assert_valid(&new_job.body);
    assert!(
        !new_job.body.contains(">field-") && !new_job.body.contains(">error-"),
        "every label is translated"
    );

    // Low pay is refused on the first submit, with the other errors, stating the rate.
    let mut low_pay = job_fields();
    low_pay.retain(|(k, _)| !matches!(*k, "pay_yen" | "headcount"));
    low_pay.extend([("pay_yen", "900"), ("headcount", "0")]);
    let refused = member
        .submit(
            "/nagaizumi/org/requests/new?kind=job",
            "/nagaizumi/org/requests/new",
            &low_pay,
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .body
            .contains("静岡県の最低賃金（2025年11月1日（土）から時給1,097円）を下回っています"),
        "{}",
        refused.body
    );
    assert!(refused.body.contains(r#"id="f-headcount-error""#));

    // Where the town has areas, the workplace is one of them.
    app.store
        .tenant(&town)
        .replace_travel_table(&demo::travel_table())
        .await
        .unwrap();
    let with_areas = member.get("/nagaizumi/org/requests/new?kind=job").await;
    assert!(with_areas.body.contains(r#"<select id="f-location_area""#));
    assert!(
        with_areas
            .body
            .contains(r#"<option value="下土狩">下土狩</option>"#)
    );
    let mut elsewhere = job_fields();
    elsewhere.retain(|(k, _)| *k != "location_area");
    elsewhere.push(("location_area", "アトランティス"));
    let unknown = member
        .submit(
            "/nagaizumi/org/requests/new?kind=job",
            "/nagaizumi/org/requests/new",
            &elsewhere,
        )
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unknown.body.contains(r#"id="f-location_area-error""#));
    assert!(
        unknown.body.contains("旅館の客室準備（平日午前）"),
        "typed values stay"
    );
    assert!(
        app.store
            .tenant(&town)
            .requests_in_status(None, 10)
            .await
            .unwrap()
            .is_empty(),
        "nothing half-saved"
    );

    let mut pressed = job_fields();
    pressed.extend([("grid_preset", "evenings"), ("grid", "add")]);
    let grid = member
        .submit(
            "/nagaizumi/org/requests/new?kind=job",
            "/nagaizumi/org/requests/new",
            &pressed,
        )
        .await;
    assert_eq!(grid.status, StatusCode::OK, "a grid button saves nothing");
    assert!(grid.body.contains("18:00〜22:00") && grid.body.contains("まだ保存されていません"));
    assert!(
        app.store
            .tenant(&town)
            .requests_in_status(None, 10)
            .await
            .unwrap()
            .is_empty(),
        "nothing saved by a grid button"
    );

    let created = member
        .submit(
            "/nagaizumi/org/requests/new?kind=job",
            "/nagaizumi/org/requests/new",
            &job_fields(),
        )
        .await;
    let job_path = created.location().split('?').next().unwrap().to_owned();
    let job_page = member.get(&job_path).await;
    assert!(job_page.body.contains("下書き"));
    let submitted = member
        .post_raw(
            &format!("{job_path}/status"),
            &[
                ("csrf_token", &job_page.csrf()),
                ("action", "submit"),
                ("from", "draft"),
            ],
        )
        .await;
    assert!(submitted.location().ends_with("?done=moved"));
    let again = member
        .post_raw(
            &format!("{job_path}/status"),
            &[
                ("csrf_token", &job_page.csrf()),
                ("action", "submit"),
                ("from", "draft"),
            ],
        )
        .await;
    assert!(
        again.location().ends_with("?done=stale"),
        "a double click changes nothing"
    );

    // The coordinator returns it with a comment, the member resubmits, the coordinator publishes.
    let id = job_path.rsplit('/').next().unwrap();
    let review_path = format!("/nagaizumi/coordinator/requests/{id}");
    let queue = coordinator.get("/nagaizumi/coordinator/requests").await;
    assert!(queue.body.contains("旅館の客室準備"));
    let review = coordinator.get(&review_path).await;
    coordinator
        .post_raw(
            &format!("{review_path}/status"),
            &[
                ("csrf_token", &review.csrf()),
                ("action", "return"),
                ("from", "submitted"),
                ("comment", "時給を明記してください"),
            ],
        )
        .await;
    assert!(
        member
            .get(&job_path)
            .await
            .body
            .contains("時給を明記してください"),
        "the organization sees the comment"
    );
    member
        .post_raw(
            &format!("{job_path}/status"),
            &[
                ("csrf_token", &job_page.csrf()),
                ("action", "submit"),
                ("from", "draft"),
            ],
        )
        .await;
    let published = coordinator
        .post_raw(
            &format!("{review_path}/status"),
            &[
                ("csrf_token", &review.csrf()),
                ("action", "publish"),
                ("from", "submitted"),
            ],
        )
        .await;
    assert!(published.location().ends_with("?done=moved"));

    // An anonymous visitor finds it with 扶養内OK and "finishes by 15:00".
    let public = app.client();
    let found = public
        .get("/nagaizumi/requests?within_cap=yes&ends_by=15")
        .await;
    assert!(found.body.contains("旅館の客室準備"));
    assert_valid(&found.body);
    let not_found = public.get("/nagaizumi/requests?ends_by=12").await;
    assert!(
        !not_found.body.contains("旅館の客室準備"),
        "it finishes at 13:00"
    );
    let detail = public.get(&format!("/nagaizumi/requests/{id}")).await;
    assert_eq!(detail.status, StatusCode::OK);
    assert_valid(&detail.body);
    let json = detail
        .body
        .split(r#"<script type="application/ld+json">"#)
        .nth(1)
        .unwrap()
        .split("</script>")
        .next()
        .unwrap();
    let posting: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(posting["@type"], "JobPosting");
    assert_eq!(posting["employmentType"], "PART_TIME");
    assert_eq!(posting["baseSalary"]["value"]["value"], 1150);
    assert_eq!(posting["hiringOrganization"]["name"], "湯の花旅館");
    assert!(
        !detail.body.contains("inn@example.jp"),
        "no contact details in public"
    );
    // In English: the page's words are English, the request's own text is marked Japanese.
    let reader = app.client();
    reader.get("/lang/en?next=%2Fnagaizumi%2F").await;
    let english = reader.get(&format!("/nagaizumi/requests/{id}")).await;
    assert_valid(&english.body);
    assert!(
        english
            .body
            .contains(r#"<h1 lang="ja">旅館の客室準備（平日午前）</h1>"#)
    );
    assert!(english.body.contains("This is written in Japanese only."));
    assert!(
        english.body.contains("¥1,150 an hour"),
        "pay the English way"
    );
    assert!(!english.body.contains("1,150円"));

    // A fix to its words keeps a published request published; changed pay sends it back to
    // review, off the public list, until a coordinator publishes it again.
    let edit_path = format!("{job_path}?edit=1");
    let form = member.get(&edit_path).await;
    assert!(
        form.body
            .contains("コーディネーターが確認するまで公開を一時停止します")
    );
    let mut edited = job_fields();
    edited.retain(|(k, _)| *k != "description");
    edited.push((
        "description",
        "チェックアウト後の客室の準備をお願いいたします。",
    ));
    let reworded = member.submit(&edit_path, &job_path, &edited).await;
    assert!(
        reworded.location().ends_with("?done=saved"),
        "{}",
        reworded.location()
    );
    assert_eq!(
        public
            .get(&format!("/nagaizumi/requests/{id}"))
            .await
            .status,
        StatusCode::OK
    );
    edited.retain(|(k, _)| *k != "pay_yen");
    edited.push(("pay_yen", "1200"));
    let repaid = member.submit(&edit_path, &job_path, &edited).await;
    assert!(repaid.location().ends_with("?done=saved-for-review"));
    let after = member.get(repaid.location()).await;
    assert!(after.body.contains("コーディネーターの確認のあと") && after.body.contains("pay"));
    assert_eq!(
        public
            .get(&format!("/nagaizumi/requests/{id}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let review = coordinator.get(&review_path).await;
    let republished = coordinator
        .post_raw(
            &format!("{review_path}/status"),
            &[
                ("csrf_token", &review.csrf()),
                ("action", "publish"),
                ("from", "submitted"),
            ],
        )
        .await;
    assert!(republished.location().ends_with("?done=moved"));
    assert!(
        public
            .get(&format!("/nagaizumi/requests/{id}"))
            .await
            .body
            .contains("1,200円")
    );

    // An English version: checked like the Japanese, then shown to English readers.
    let long = "x".repeat(101);
    let mut too_long = edited.clone();
    too_long.push(("title_en", long.as_str()));
    let refused = member
        .submit(&format!("{job_path}?edit=1"), &job_path, &too_long)
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains(r#"id="f-title_en-error""#));
    edited.extend([
        ("title_en", "Room preparation at an inn (weekday mornings)"),
        ("description_en", "Preparing the rooms after check-out."),
    ]);
    member
        .submit(&format!("{job_path}?edit=1"), &job_path, &edited)
        .await;
    let english = reader.get(&format!("/nagaizumi/requests/{id}")).await;
    assert_valid(&english.body);
    assert!(
        english
            .body
            .contains(r#"<h1 lang="en">Room preparation at an inn (weekday mornings)</h1>"#)
    );
    assert!(
        english
            .body
            .contains("Preparing the rooms after check-out.")
    );
    assert!(!english.body.contains("This is written in Japanese only."));
    let list = reader.get("/nagaizumi/requests").await;
    assert!(list.body.contains(r#"<h2 lang="en">"#), "{}", list.body);
    let japanese = public.get(&format!("/nagaizumi/requests/{id}")).await;
    assert!(
        japanese
            .body
            .contains(r#"<h1 lang="ja">旅館の客室準備（平日午前）</h1>"#)
    );
}

#[tokio::test]
async fn a_team_project_is_posted_and_members_of_other_organizations_cannot_see_it() {
    let Setup { app, town } = setup().await;
    let tenant = app.store.tenant(&town);
    let org = |name: &str| NewOrganization {
        name: name.into(),
        name_en: String::new(),
        kind: domain::organization::OrganizationKind::Company,
        location: domain::organization::OrganizationLocation::InTown,
        contact_person: String::new(),
        description: String::new(),
    };
    let paper = tenant.create_organization(&org("長泉製紙")).await.unwrap();
    let other = tenant.create_organization(&org("別の会社")).await.unwrap();
    let paper_member = app
        .add_account(
            Some(&town),
            Role::OrganizationMember,
            "paper@example.jp",
            "製紙",
        )
        .await;
    let other_member = app
        .add_account(
            Some(&town),
            Role::OrganizationMember,
            "other@example.jp",
            "別",
        )
        .await;
    // Move each member to their organization.
    for (member, org) in [(&paper_member, paper.id), (&other_member, other.id)] {
        let mut conn = app.store.conn().await.unwrap();
        store::on_backend!(conn.exec(), c => sqlx::query("UPDATE account SET organization_id = $1 WHERE id = $2")
            .bind(org).bind(member.id.0).execute(c).await.map(|r| r.rows_affected())).unwrap();
    }
    let client = app.client();
    client
        .sign_in("/nagaizumi/login", "paper@example.jp", PASSWORD)
        .await;
    let mut bad = project_fields();
    bad.retain(|(k, _)| *k != "team_min");
    bad.push(("team_min", "6"));
    let refused = client
        .submit(
            "/nagaizumi/org/requests/new?kind=team_project",
            "/nagaizumi/org/requests/new",
            &bad,
        )
        .await;
    assert!(
        refused
            .body
            .contains("最小の人数が最大の人数を超えています。")
    );
    let created = client
        .submit(
            "/nagaizumi/org/requests/new?kind=team_project",
            "/nagaizumi/org/requests/new",
            &project_fields(),
        )
        .await;
    let path = created.location().split('?').next().unwrap().to_owned();
    let page = client.get(&path).await;
    assert!(page.body.contains("記念品300個") && page.body.contains("3〜5名"));

    let outsider = app.client();
    outsider
        .sign_in("/nagaizumi/login", "other@example.jp", PASSWORD)
        .await;
    assert_eq!(outsider.get(&path).await.status, StatusCode::NOT_FOUND);
    let csrf = outsider.get("/nagaizumi/org/").await.csrf();
    let attempt = outsider
        .post_raw(
            &format!("{path}/status"),
            &[
                ("csrf_token", &csrf),
                ("action", "withdraw"),
                ("from", "draft"),
            ],
        )
        .await;
    assert_eq!(attempt.status, StatusCode::NOT_FOUND);
    let id: i64 = path.rsplit('/').next().unwrap().parse().unwrap();
    assert_eq!(
        tenant.request(id).await.unwrap().unwrap().status,
        "draft",
        "nothing changed"
    );
    assert_eq!(
        app.get(&path.replace("/org/", "/")).await.status,
        StatusCode::NOT_FOUND,
        "drafts are not public"
    );
}

/// An organization in the town, and the coordinator signed in.
async fn organization_and_coordinator<'a>(
    app: &'a TestApp,
    town: &domain::Municipality,
    name: &str,
) -> (
    store::organization::OrganizationDetails,
    crate::harness::Client<'a>,
) {
    let org = app
        .store
        .tenant(town)
        .create_organization(&NewOrganization {
            name: name.into(),
            name_en: String::new(),
            kind: domain::organization::OrganizationKind::Company,
            location: domain::organization::OrganizationLocation::InTown,
            contact_person: String::new(),
            description: String::new(),
        })
        .await
        .unwrap();
    let coordinator = app.client();
    coordinator
        .sign_in("/nagaizumi/login", "coord@example.jp", PASSWORD)
        .await;
    (org, coordinator)
}

#[tokio::test]
async fn a_coordinator_posts_a_request_on_an_organizations_behalf() {
    let Setup { app, town } = setup().await;
    let (org, coordinator) = organization_and_coordinator(&app, &town, "長泉製紙").await;
    let path = "/nagaizumi/coordinator/requests/new";
    let form = coordinator.get(&format!("{path}?kind=team_project")).await;
    assert_valid(&form.body);
    assert!(form.body.contains("長泉製紙"));
    let missing = coordinator
        .submit(
            &format!("{path}?kind=team_project"),
            path,
            &project_fields(),
        )
        .await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(missing.body.contains(r#"id="f-organization-error""#));
    let org_id = org.id.to_string();
    let mut fields = project_fields();
    fields.push(("organization", org_id.as_str()));
    let created = coordinator
        .submit(&format!("{path}?kind=team_project"), path, &fields)
        .await;
    assert!(
        created.location().ends_with("?done=saved"),
        "{}",
        created.body
    );
    let requests = app
        .store
        .tenant(&town)
        .requests_of_organization(org.id)
        .await
        .unwrap();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].status, "draft");
    // No one in the town yet: the page says no team can be formed, and proposes none.
    let page = coordinator
        .get(&format!(
            "/nagaizumi/coordinator/requests/{}",
            requests[0].id
        ))
        .await;
    assert!(
        page.body
            .contains("この条件で組めるチームは見つかりません。")
    );
    assert!(!page.body.contains("このチームを紹介する"));
}

#[tokio::test]
async fn a_shift_pool_and_a_commuting_allowance_are_asked_checked_and_shown() {
    let Setup { app, town } = setup().await;
    let (org, coordinator) = organization_and_coordinator(&app, &town, "桃沢旅館").await;
    let path = "/nagaizumi/coordinator/requests/new";
    let form = coordinator.get(&format!("{path}?kind=job")).await;
    assert_valid(&form.body);
    for words in ["シフトの組み方", "時間から判断する", "通勤手当（月額・円）"]
    {
        assert!(form.body.contains(words), "{words}");
    }
    let org_id = org.id.to_string();
    let mut fields = job_fields();
    fields.push(("organization", org_id.as_str()));
    let mut bad = fields.clone();
    bad.extend([
        ("shift_rule", "all_required"),
        ("shortest_shift_hours", "3"),
        ("commuting_allowance", "たくさん"),
    ]);
    let refused = coordinator
        .submit(&format!("{path}?kind=job"), path, &bad)
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    for message in [
        "最短時間は、シフト制のときだけ入力できます。",
        "0〜150,000の数字で入力してください。",
    ] {
        assert!(refused.body.contains(message), "{message}");
    }
    assert!(
        app.store
            .tenant(&town)
            .requests_of_organization(org.id)
            .await
            .unwrap()
            .is_empty(),
        "nothing is saved"
    );
    fields.extend([
        ("shift_rule", "choose_from"),
        ("shortest_shift_hours", "3"),
        ("commuting_allowance", "6,000"),
    ]);
    let created = coordinator
        .submit(&format!("{path}?kind=job"), path, &fields)
        .await;
    assert!(
        created.location().ends_with("?done=saved"),
        "{}",
        created.body
    );
    let request = &app
        .store
        .tenant(&town)
        .requests_of_organization(org.id)
        .await
        .unwrap()[0];
    assert_eq!(
        request.shift_rule(),
        domain::request::ShiftRule::ChooseFrom {
            shortest_minutes: Some(180)
        }
    );
    assert_eq!(request.commuting_allowance_yen, 6_000);
    let page = coordinator
        .get(&format!("/nagaizumi/coordinator/requests/{}", request.id))
        .await;
    assert!(
        page.body
            .contains("シフト制（時間帯から選ぶ）（1回3時間から）")
    );
    assert!(page.body.contains("6,000円"));
}
