use axum::http::StatusCode;
use chrono::{Duration, Utc};
use domain::Role;
use domain::municipality::MunicipalityInput;
use domain::{Municipality, NewMunicipality};
use store::account::AccountId;

use crate::harness::{PASSWORD, TestApp};

const PROFILE: &str = "/nagaizumi/me/profile";

async fn town_with_rule(app: &TestApp, rule: &str) -> Municipality {
    let town = NewMunicipality::parse(&MunicipalityInput {
        slug: "nagaizumi",
        name_ja: "長泉町",
        name_en: "Nagaizumi Town",
        eligibility: rule,
        fiscal_year_start: "4",
        contact_email: "office@example.jp",
        contact_phone: "",
        prefecture: "",
    })
    .unwrap();
    app.store.create_municipality(&town).await.unwrap()
}

#[tokio::test]
async fn registration_checks_the_towns_rule_and_needs_consent() {
    let app = TestApp::new().await;
    let town = town_with_rule(&app, "residents").await;
    let client = app.client();
    client
        .submit(
            "/nagaizumi/signup",
            "/nagaizumi/signup",
            &[("email", "hanako@example.jp")],
        )
        .await;
    let link = crate::harness::link_path(
        &crate::harness::mail_to(&app.store, "hanako@example.jp")
            .await
            .body_text,
    );
    let form = client.get(&link).await;
    assert!(form.body.contains(r#"value="lives""#));
    assert!(
        !form.body.contains(r#"value="works""#),
        "a residents-only town offers only residence"
    );
    let fields = [
        ("display_name", "花子"),
        ("furigana", "はなこ"),
        ("password", PASSWORD),
        ("eligibility", "works"),
    ];
    let refused = client.submit(&link, &link, &fields).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .body
            .contains("この町の事業に参加できる条件を選んでください。")
    );
    assert!(
        refused
            .body
            .contains("個人情報の取り扱いへの同意が必要です")
    );
    assert!(
        app.store
            .tenant(&town)
            .account_by_email("hanako@example.jp")
            .await
            .unwrap()
            .is_none()
    );

    let mut ok = fields.to_vec();
    ok[3] = ("eligibility", "lives");
    ok.push(("privacy_consent", "yes"));
    let done = client.submit(&link, &link, &ok).await;
    assert_eq!(done.location(), "/nagaizumi/me/");
    let me = client.get("/nagaizumi/me/").await;
    assert!(me.body.contains("まず、プロフィールを入力してください"));
}

fn profile_fields() -> Vec<(&'static str, &'static str)> {
    let mut fields = vec![
        ("display_name", "長泉 花子"),
        ("furigana", "ながいずみ はなこ"),
        ("postal_code", "411-0943"),
        ("goal_track", "own_pace"),
        ("work_history", "事務職5年、PTA会計2年"),
        ("career_gap_years", "6"),
        ("career_gap_months", "0"),
        ("max_hours_per_week", "9"),
        ("income_cap", "spouse_deduction"),
        ("expected_hourly_wage", "1100"),
        ("work_place", "either"),
        ("commute_minutes", "20"),
        ("children_age1_2", "1"),
        ("skill_id", "spreadsheet"),
        ("skill_level", "2"),
        ("skill_evidence", "町内会の名簿づくり"),
        ("skill_id", "pta-treasurer"),
        ("skill_level", "3"),
        ("skill_evidence", ""),
        ("skill_id", ""),
        ("skill_level", "2"),
        ("skill_evidence", ""),
    ];
    // Monday to Friday, 9:00 to 12:00.
    for day in [
        "mon-18", "mon-19", "mon-20", "mon-21", "mon-22", "mon-23", "wed-18", "wed-19", "wed-20",
        "wed-21", "wed-22", "wed-23", "fri-18", "fri-19", "fri-20", "fri-21", "fri-22", "fri-23",
    ] {
        fields.push(("slot", day));
    }
    fields
}

#[tokio::test]
async fn a_parent_fills_the_profile_and_reads_it_back() {
    let app = TestApp::new().await;
    let town = town_with_rule(&app, "residents_or_workers").await;
    let parent = app
        .add_account(Some(&town), Role::Participant, "hanako@example.jp", "花子")
        .await;
    let client = app.client();
    client
        .sign_in("/nagaizumi/login", "hanako@example.jp", PASSWORD)
        .await;
    let form = client.get(PROFILE).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.body.contains(r#"aria-label="月 09:00""#),
        "every grid cell has a name"
    );
    assert!(
        form.body
            .contains("育児・家事・介護・地域活動で身につけたこと"),
        "care-derived skills are offered"
    );

    let saved = client.submit(PROFILE, PROFILE, &profile_fields()).await;
    assert_eq!(
        saved.location(),
        "/nagaizumi/me/profile?done=saved",
        "{}",
        saved.body
    );
    let record = app
        .store
        .tenant(&town)
        .participant_for_test(parent.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(record.profile.availability.minutes(), 9 * 60);
    assert_eq!(record.profile.max_minutes_per_week, 9 * 60);
    assert_eq!(record.profile.career_gap_months, 72);
    assert_eq!(record.skills.len(), 2);
    assert_eq!(
        record.account.display_name, "長泉 花子",
        "the name is edited with the profile"
    );

    let again = client.get("/nagaizumi/me/profile?done=saved").await;
    assert!(again.body.contains("プロフィールを保存しました。"));
    assert!(
        again
            .body
            .contains(r#"value="wed-20" aria-label="水 10:00" checked"#)
    );
    assert!(
        again
            .body
            .contains("時給1,100円なら、1週間に約21.5時間までです。"),
        "the spouse deduction's 123万円, as the law stands"
    );
    assert!(again.body.contains(
        "給与の年収123万円まで（通勤手当は含みません）。2025年1月1日（水）からの基準です。"
    ));
}

#[tokio::test]
async fn the_grid_s_ready_made_weeks_and_buttons_change_the_form_and_save_nothing() {
    let app = TestApp::new().await;
    let town = town_with_rule(&app, "residents_or_workers").await;
    let parent = app
        .add_account(Some(&town), Role::Participant, "hanako@example.jp", "花子")
        .await;
    let client = app.client();
    client
        .sign_in("/nagaizumi/login", "hanako@example.jp", PASSWORD)
        .await;
    let form = client.get(PROFILE).await;
    assert!(form.body.contains("まだ時間帯が選ばれていません。"));
    assert!(
        form.body
            .contains(r#"<option value="weekday_9_14">平日 9時〜14時</option>"#)
    );
    assert!(
        form.body.find("default-submit") < form.body.find(r#"name="grid""#),
        "Enter saves: the first button of the form is the save button"
    );

    let mut fields = profile_fields();
    fields.retain(|(k, _)| *k != "slot");
    fields.extend([("grid_preset", "weekday_9_14"), ("grid", "replace")]);
    let preset = client.submit(PROFILE, PROFILE, &fields).await;
    assert_eq!(preset.status, StatusCode::OK, "{}", preset.body);
    assert!(
        preset.body.contains("月〜金 9:00〜14:00、週25時間"),
        "the summary"
    );
    assert!(preset.body.contains("まだ保存されていません"));
    assert!(
        preset
            .body
            .contains(r#"value="fri-27" aria-label="金 13:30" checked"#)
    );
    assert!(
        !preset
            .body
            .contains(r#"value="fri-28" aria-label="金 14:00" checked"#)
    );
    assert!(
        preset.body.contains(r#"value="長泉 花子""#),
        "typed values stay"
    );
    assert!(
        !preset.body.contains("field-error"),
        "no errors before saving"
    );
    let record = app
        .store
        .tenant(&town)
        .participant_for_test(parent.id)
        .await
        .unwrap()
        .unwrap();
    assert!(record.profile.availability.is_empty(), "nothing saved");

    // Saturday's column, then the 18:00 row, pressed on what came back.
    let mut week: Vec<(&str, String)> = (18..28)
        .flat_map(|h| ["mon", "tue", "wed", "thu", "fri"].map(|d| ("slot", format!("{d}-{h}"))))
        .collect();
    week.push(("grid", "day-sat".to_owned()));
    let mut with_week: Vec<(&str, &str)> = fields
        .iter()
        .filter(|(k, _)| !k.starts_with("grid"))
        .copied()
        .collect();
    with_week.extend(week.iter().map(|(k, v)| (*k, v.as_str())));
    let saturday = client.submit(PROFILE, PROFILE, &with_week).await;
    assert!(
        saturday
            .body
            .contains("月〜金 9:00〜14:00、土 6:00〜22:00、週41時間"),
        "{}",
        saturday.body
    );
    with_week.retain(|(k, _)| *k != "grid");
    with_week.extend([("grid", "row-36"), ("slot", "tue-36")]);
    let evening = client.submit(PROFILE, PROFILE, &with_week).await;
    assert!(
        evening
            .body
            .contains(r#"value="sun-36" aria-label="日 18:00" checked"#)
    );
    assert!(
        evening
            .body
            .contains(r#"value="tue-36" aria-label="火 18:00" checked"#)
    );

    with_week.retain(|(k, _)| *k != "grid");
    let saved = client.submit(PROFILE, PROFILE, &with_week).await;
    assert_eq!(saved.location(), "/nagaizumi/me/profile?done=saved");
    let record = app
        .store
        .tenant(&town)
        .participant_for_test(parent.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        record.profile.availability.minutes(),
        25 * 60 + 30,
        "saved only now"
    );
}

#[tokio::test]
async fn full_width_and_half_width_input_is_read_the_same_everywhere() {
    let app = TestApp::new().await;
    let town = town_with_rule(&app, "residents_or_workers").await;
    let parent = app
        .add_account(Some(&town), Role::Participant, "hanako@example.jp", "花子")
        .await;
    let client = app.client();
    let signed_in = client
        .sign_in(
            "/nagaizumi/login",
            "ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ",
            PASSWORD,
        )
        .await;
    assert_eq!(
        signed_in.status,
        StatusCode::SEE_OTHER,
        "a full-width address is the same address"
    );
    let mut fields = profile_fields();
    fields.retain(|(k, _)| !["furigana", "phone", "postal_code", "max_hours_per_week"].contains(k));
    fields.extend([
        ("furigana", "ﾅｶﾞｲｽﾞﾐ ﾊﾅｺ"),
        ("phone", "０５５－９８６－０００１"),
        ("postal_code", "４１１－０９４３"),
        ("max_hours_per_week", "９"),
    ]);
    let saved = client.submit(PROFILE, PROFILE, &fields).await;
    assert_eq!(
        saved.location(),
        "/nagaizumi/me/profile?done=saved",
        "{}",
        saved.body
    );
    let record = app
        .store
        .tenant(&town)
        .participant_for_test(parent.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(record.account.furigana, "ナガイズミ ハナコ");
    assert_eq!(record.profile.phone, "055-986-0001");
    assert_eq!(record.profile.postal_code, "411-0943");
    assert_eq!(record.profile.max_minutes_per_week, 9 * 60);
}

#[tokio::test]
async fn an_impossible_profile_is_refused_field_by_field_and_nothing_changes() {
    let app = TestApp::new().await;
    let town = town_with_rule(&app, "residents_or_workers").await;
    let parent = app
        .add_account(Some(&town), Role::Participant, "hanako@example.jp", "花子")
        .await;
    let client = app.client();
    client
        .sign_in("/nagaizumi/login", "hanako@example.jp", PASSWORD)
        .await;
    let bad = [
        ("postal_code", "411"),
        ("goal_track", "own_pace"),
        ("max_hours_per_week", "61"),
        ("income_cap", "partner_insurance"),
        ("work_place", "either"),
        ("skill_id", "no-such-skill"),
        ("skill_level", "2"),
        ("skill_evidence", ""),
    ];
    let response = client.submit(PROFILE, PROFILE, &bad).await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    for message in [
        "7桁の郵便番号を入力してください",
        "1週間に60時間を超える時間は入力できません。",
        "年収の壁を選んだときは、想定する時給も入力してください。",
        "一覧にないスキル、またはレベルが選ばれています。",
    ] {
        assert!(response.body.contains(message), "{message}");
        assert!(
            response
                .body
                .contains(r##"<li><a href="#f-postal_code">郵便番号："##),
            "the summary names the field and links it"
        );
    }
    assert!(
        response.body.contains(r#"value="411""#),
        "typed values are kept"
    );
    let no_time = [
        ("display_name", "花子"),
        ("furigana", "はなこ"),
        ("postal_code", "411-0943"),
        ("goal_track", "own_pace"),
        ("max_hours_per_week", "10"),
        ("income_cap", "none"),
        ("work_place", "either"),
    ];
    let response = client.submit(PROFILE, PROFILE, &no_time).await;
    assert!(
        response
            .body
            .contains("働ける時間帯を1つ以上選んでください。")
    );
    // The summary at the top links each failing field, the grid by its place on the page.
    let summary = response
        .body
        .split(r#"class="error-summary""#)
        .nth(1)
        .unwrap();
    let summary = summary.split("</ul>").next().unwrap();
    assert!(summary.contains(r##"<a href="#grid">"##), "{summary}");
    assert!(
        summary.contains("働ける時間帯を1つ以上選んでください。"),
        "{summary}"
    );
    let record = app
        .store
        .tenant(&town)
        .participant_for_test(parent.id)
        .await
        .unwrap()
        .unwrap();
    assert!(
        record.profile.profile_updated_at.is_none(),
        "nothing was saved"
    );
}

#[tokio::test]
async fn consent_is_viewed_withdrawn_and_given_again() {
    let app = TestApp::new().await;
    let town = town_with_rule(&app, "residents_or_workers").await;
    let parent = app
        .add_account(Some(&town), Role::Participant, "hanako@example.jp", "花子")
        .await;
    let client = app.client();
    client
        .sign_in("/nagaizumi/login", "hanako@example.jp", PASSWORD)
        .await;
    let page = client.get("/nagaizumi/me/consent").await;
    assert!(page.body.contains("個人情報の取り扱い"));
    let withdrawn = client
        .submit(
            "/nagaizumi/me/consent",
            "/nagaizumi/me/consent",
            &[("action", "withdraw")],
        )
        .await;
    assert_eq!(withdrawn.location(), "/nagaizumi/me/consent?done=withdrawn");
    assert!(
        client
            .get("/nagaizumi/me/")
            .await
            .body
            .contains("同意を取り消しています")
    );
    let consents = app.store.tenant(&town).consents(parent.id).await.unwrap();
    assert!(consents[0].withdrawn_at.is_some());
    client
        .submit(
            "/nagaizumi/me/consent",
            "/nagaizumi/me/consent",
            &[("action", "give")],
        )
        .await;
    assert_eq!(
        app.store
            .tenant(&town)
            .consents(parent.id)
            .await
            .unwrap()
            .len(),
        2
    );
    let bogus = client
        .submit(
            "/nagaizumi/me/consent",
            "/nagaizumi/me/consent",
            &[("action", "delete-everything")],
        )
        .await;
    assert_eq!(bogus.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_coordinator_records_a_hearing_and_sees_the_follow_up_due() {
    let app = TestApp::new().await;
    let town = town_with_rule(&app, "residents_or_workers").await;
    app.add_account(
        Some(&town),
        Role::Coordinator,
        "coord@example.jp",
        "調整 恵",
    )
    .await;
    let parent = app
        .add_account(
            Some(&town),
            Role::Participant,
            "hanako@example.jp",
            "長泉 花子",
        )
        .await;
    let parent_client = app.client();
    parent_client
        .sign_in("/nagaizumi/login", "hanako@example.jp", PASSWORD)
        .await;
    parent_client
        .submit(PROFILE, PROFILE, &profile_fields())
        .await;

    let coordinator = app.client();
    coordinator
        .sign_in("/nagaizumi/login", "coord@example.jp", PASSWORD)
        .await;
    let filtered = coordinator
        .get("/nagaizumi/coordinator/participants?skill=pta-treasurer&day=wed&goal=own_pace")
        .await;
    assert!(filtered.body.contains("長泉 花子"));
    let none = coordinator
        .get("/nagaizumi/coordinator/participants?day=sat")
        .await;
    assert!(!none.body.contains("長泉 花子"));

    let record_path = format!("/nagaizumi/coordinator/participants/{}", parent.id.0);
    let hearing_path = format!("{record_path}/hearings");
    let tomorrow = (Utc::now() + Duration::days(1))
        .format("%Y-%m-%d")
        .to_string();
    let future = (Utc::now() + Duration::days(3))
        .format("%Y-%m-%d")
        .to_string();
    let bad = coordinator
        .submit(&record_path, &hearing_path, &[("held_on", future.as_str())])
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("今日までの日付を入力してください。"));

    let today = domain::local_time::to_jst(Utc::now())
        .format("%Y-%m-%d")
        .to_string();
    let done = coordinator
        .submit(
            &record_path,
            &hearing_path,
            &[
                ("held_on", today.as_str()),
                ("goals", "午前中に週3日"),
                ("constraints_confirmed", "yes"),
                ("confirm_skill", "pta-treasurer"),
                ("follow_up_on", tomorrow.as_str()),
                ("follow_up_note", "事務の求人を紹介する"),
            ],
        )
        .await;
    assert_eq!(done.location(), format!("{record_path}?done=hearing"));
    let record = coordinator.get(done.location()).await;
    assert!(record.body.contains("ヒアリングを記録しました。"));
    assert!(record.body.contains("午前中に週3日"));
    assert!(record.body.contains("確認済み"));
    assert!(
        record.body.contains("ヒアリング（"),
        "the timeline shows the hearing"
    );

    // The hearing is corrected afterwards; what it said before stays in its history.
    let edit = record
        .body
        .split(&format!("{record_path}/hearings/"))
        .nth(1)
        .and_then(|rest| rest.split("/edit").next())
        .expect("a link to correct the hearing")
        .to_owned();
    let edit_path = format!("{record_path}/hearings/{edit}/edit");
    let form = coordinator.get(&edit_path).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.body.contains("午前中に週3日"),
        "the form holds the hearing as it stands"
    );
    let no_reason = coordinator
        .submit(
            &edit_path,
            &edit_path,
            &[("held_on", today.as_str()), ("goals", "午後に週2日")],
        )
        .await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        no_reason.body.contains("午後に週2日"),
        "what was typed stays"
    );
    let corrected = coordinator
        .submit(
            &edit_path,
            &edit_path,
            &[
                ("held_on", today.as_str()),
                ("goals", "午後に週2日"),
                ("constraints_confirmed", "yes"),
                ("correction_reason", "希望の時間帯を聞き違えたため"),
            ],
        )
        .await;
    assert_eq!(
        corrected.location(),
        format!("{record_path}?done=hearing-corrected")
    );
    let record = coordinator.get(corrected.location()).await;
    assert!(record.body.contains("ヒアリング記録を訂正しました。"));
    let hearings = record.body.split(r#"id="hearings-h""#).nth(1).unwrap();
    assert!(hearings.contains("午後に週2日"));
    assert!(hearings.contains("訂正の履歴（1件）"));
    assert!(
        hearings.contains("希望の時間帯を聞き違えたため") && hearings.contains("午前中に週3日")
    );
    let someone_else = app
        .add_account(
            Some(&town),
            Role::Participant,
            "other@example.jp",
            "佐藤 葵",
        )
        .await;
    let elsewhere = format!(
        "/nagaizumi/coordinator/participants/{}/hearings/{edit}/edit",
        someone_else.id.0
    );
    assert_eq!(
        coordinator.get(&elsewhere).await.status,
        StatusCode::NOT_FOUND,
        "a hearing is reached only through its own person's record"
    );

    let home = coordinator.get("/nagaizumi/coordinator/").await;
    assert!(home.body.contains("事務の求人を紹介する") && home.body.contains("長泉 花子"));
    let verified = app
        .store
        .tenant(&town)
        .participant_for_test(AccountId(parent.id.0))
        .await
        .unwrap()
        .unwrap();
    assert!(
        verified
            .skills
            .iter()
            .any(|s| s.skill_id == "pta-treasurer" && s.verified_at.is_some())
    );
    assert!(
        verified
            .skills
            .iter()
            .any(|s| s.skill_id == "spreadsheet" && s.verified_at.is_none())
    );

    let action = home
        .body
        .split("/follow-ups/")
        .nth(1)
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .to_owned();
    let completed = coordinator
        .post_raw(
            &format!("/nagaizumi/coordinator/follow-ups/{action}/done"),
            &[
                ("csrf_token", &home.csrf()),
                ("back", "/nagaizumi/coordinator/"),
            ],
        )
        .await;
    assert_eq!(completed.location(), "/nagaizumi/coordinator/");
    assert!(
        coordinator
            .get("/nagaizumi/coordinator/")
            .await
            .body
            .contains("近日中のフォローアップはありません。")
    );
}

#[tokio::test]
async fn the_privacy_statement_says_what_is_never_collected() {
    let app = TestApp::new().await;
    town_with_rule(&app, "residents_or_workers").await;
    let page = app.get("/nagaizumi/privacy").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("要配慮個人情報"));
    let english = app
        .get_with("/nagaizumi/privacy", ("accept-language", "en"))
        .await;
    assert!(english.body.contains("We never collect health information"));
    // Every town page's footer names the office and links both statements.
    assert!(
        page.body
            .contains(r#"<a href="mailto:office@example.jp">office@example.jp</a>"#)
    );
    assert!(page.body.contains(r#"href="/nagaizumi/accessibility""#));
    assert!(
        !page.body.contains("tel:"),
        "no phone link when the town gave none"
    );
    let statement = app.get("/nagaizumi/accessibility").await;
    assert_eq!(statement.status, StatusCode::OK);
    assert!(statement.body.contains("JIS X 8341-3:2016"));
}

#[tokio::test]
async fn coordinators_find_people_by_reading_in_either_kana_by_constraints_and_tell_namesakes_apart()
 {
    let app = TestApp::new().await;
    let town = town_with_rule(&app, "residents_or_workers").await;
    app.add_account(
        Some(&town),
        Role::Coordinator,
        "coord@example.jp",
        "調整 恵",
    )
    .await;
    app.add_account(
        Some(&town),
        Role::Participant,
        "hanako@example.jp",
        "長泉 花子",
    )
    .await;
    let namesake = app
        .add_account(
            Some(&town),
            Role::Participant,
            "other@example.jp",
            "長泉 花子",
        )
        .await;
    let parent = app.client();
    parent
        .sign_in("/nagaizumi/login", "hanako@example.jp", PASSWORD)
        .await;
    parent.submit(PROFILE, PROFILE, &profile_fields()).await;

    let coordinator = app.client();
    coordinator
        .sign_in("/nagaizumi/login", "coord@example.jp", PASSWORD)
        .await;
    let list = "/nagaizumi/coordinator/participants";
    let other_href = format!("{list}/{}", namesake.id.0);
    let katakana = coordinator
        .get(&format!("{list}?who=%E3%83%8A%E3%82%AC%E3%82%A4%E3%82%BA%E3%83%9F%E3%80%80%E3%83%8F%E3%83%8A%E3%82%B3"))
        .await; // ナガイズミ　ハナコ
    assert_eq!(katakana.status, StatusCode::OK);
    assert!(
        katakana.body.contains("ながいずみ はなこ"),
        "found by katakana"
    );
    assert!(
        !katakana.body.contains(&other_href),
        "the namesake reads てすと"
    );
    let by_name = coordinator
        .get(&format!("{list}?who=%E9%95%B7%E6%B3%89%E8%8A%B1%E5%AD%90")) // 長泉花子
        .await;
    assert!(by_name.body.contains(&other_href) && by_name.body.contains("ながいずみ はなこ"));
    assert!(
        by_name.body.contains("てすと") && by_name.body.contains("登録日"),
        "namesakes are told apart by reading and registration date"
    );

    for filter in [
        "care=childcare",
        "income_cap=spouse_deduction",
        "registered=7",
    ] {
        let found = coordinator.get(&format!("{list}?{filter}")).await;
        assert!(found.body.contains("ながいずみ はなこ"), "{filter}");
        if filter != "registered=7" {
            assert!(!found.body.contains(&other_href), "{filter}");
        }
    }
    let elder = coordinator.get(&format!("{list}?care=elder")).await;
    assert!(elder.body.contains("まだ参加者はいません") || !elder.body.contains("長泉 花子"));

    // PTAの会計, typed in part; the group list offers it too.
    let typed = coordinator
        .get(&format!("{list}?skill_text=PTA%E3%81%AE%E4%BC%9A"))
        .await;
    assert!(typed.body.contains("ながいずみ はなこ"));
    assert!(!typed.body.contains(&other_href));
    assert!(typed.body.contains("<optgroup"), "skills grouped");
    let unknown = coordinator
        .get(&format!("{list}?skill_text=zzzz-no-such"))
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        unknown
            .body
            .contains("その名前のスキルは見つかりませんでした。")
    );
    assert!(unknown.body.contains("aria-invalid=\"true\""));
    assert!(
        unknown.body.contains("zzzz-no-such"),
        "what was typed stays"
    );
    let long = "%E3%81%82".repeat(101);
    let too_long = coordinator.get(&format!("{list}?who={long}")).await;
    assert_eq!(too_long.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(too_long.body.contains("長すぎます。"));
}
