//! Introductions end to end through the web, on the demo town, with mail delivered to the real
//! SMTP server the test script starts: a coordinator introduces a participant from the
//! shortlist; the participant gets the email and consents; the organization sees the profile,
//! accepts and schedules a meeting; the coordinator records the outcome and the follow-ups
//! appear. Bad input, stale forms and privacy are checked on the way.

use axum::http::StatusCode;
use domain::Role;
use domain::availability::{Weekday, WeeklyAvailability};
use domain::participant::{Profile, ProfileInput};
use domain::skill::Taxonomy;
use store::audit::AuditFilter;
use web::mail::{Mailer, Worker};

use crate::harness::{PASSWORD, TestApp};
use crate::mail_delivery::received_all;

fn smtp_mailer() -> Mailer {
    let address = std::env::var("WAKUCAREER_TEST_SMTP")
        .expect("WAKUCAREER_TEST_SMTP is not set: run the tests through ./scripts/test");
    Mailer::new(
        &format!("smtp://{address}"),
        "わくキャリ <noreply@wakucareer.example.jp>",
    )
    .unwrap()
}

/// A participant with a unique address (the Maildir is shared by the whole test run) and a
/// profile that fits the inn's morning housekeeping job.
pub(crate) async fn parent(
    app: &TestApp,
    town: &domain::Municipality,
    tag: &str,
) -> (store::account::Account, String) {
    let email = format!(
        "{tag}-{}-{}@example.jp",
        std::process::id(),
        chrono::Utc::now().timestamp_nanos_opt().unwrap_or(0)
    );
    let account = app
        .add_account(Some(town), Role::Participant, &email, "泉 由紀")
        .await;
    let availability = (0..5).fold(WeeklyAvailability::empty(), |a, d| {
        a.with_window(Weekday::new(d).unwrap(), 18, 28)
    });
    let tenant = app.store.tenant(town);
    let input = ProfileInput {
        display_name: "泉 由紀".into(),
        furigana: "いずみ ゆき".into(),
        postal_code: "411-0943".into(),
        goal_track: "own_pace".into(),
        work_history: "旅館の客室係（5年）".into(),
        availability,
        max_hours_per_week: "15".into(),
        income_cap: "none".into(),
        work_place: "either".into(),
        commute_minutes: "30".into(),
        home_area: "shimotogari".into(),
        skills: vec![("housekeeping".into(), "3".into(), String::new())],
        ..ProfileInput::default()
    };
    let profile = Profile::parse(
        &input,
        &Taxonomy::shipped().unwrap(),
        &tenant.travel_table().await.unwrap(),
        chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
    )
    .unwrap();
    tenant
        .save_profile(account.id, &profile, account.id)
        .await
        .unwrap();
    (account, email)
}

/// The id in a redirect to `/…/introductions/{id}?…`.
pub(crate) fn introduction_id(location: &str) -> i64 {
    let tail = location.split("/introductions/").nth(1).unwrap();
    tail.split('?').next().unwrap().parse().unwrap()
}

#[tokio::test]
async fn a_coordinator_introduces_a_parent_who_consents_and_is_placed() {
    let app = TestApp::new().await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let tenant = app.store.tenant(&town);
    let (parent_account, parent_email) = parent(&app, &town, "yuki").await;
    let job = tenant
        .published_requests(&Default::default(), 100)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.title.contains("客室の準備"))
        .unwrap();

    // The coordinator finds the parent on the job's shortlist and introduces her.
    let coordinator = app.client();
    coordinator
        .sign_in(
            "/nagaizumi/login",
            "coordinator@demo.example.jp",
            demo::DEMO_PASSWORD,
        )
        .await;
    let job_page = format!("/nagaizumi/coordinator/requests/{}", job.id);
    let page = coordinator.get(&job_page).await;
    let button = format!(r#"name="participant_id" value="{}""#, parent_account.id.0);
    assert!(
        page.body.contains(&button),
        "the parent is on the shortlist with a button"
    );
    assert!(
        page.body.contains("ひとことを添える"),
        "a note can go with it"
    );
    let too_long = "あ".repeat(501);
    let refused = coordinator
        .submit(
            &job_page,
            &format!("/nagaizumi/coordinator/requests/{}/introductions", job.id),
            &[
                ("participant_id", &parent_account.id.0.to_string()),
                ("back", &job_page),
                ("personal_note", &too_long),
            ],
        )
        .await;
    assert!(refused.location().ends_with("done=note-too-long"));
    let told = coordinator.get(refused.location()).await;
    assert!(
        told.body
            .contains("ひとことが長すぎるため、紹介はまだ送っていません。")
    );
    let created = coordinator
        .submit(
            &job_page,
            &format!("/nagaizumi/coordinator/requests/{}/introductions", job.id),
            &[
                ("participant_id", &parent_account.id.0.to_string()),
                ("back", &job_page),
                ("personal_note", "朝の時間に合うお仕事です。"),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER);
    let id = introduction_id(created.location());
    let kept = coordinator
        .get(&format!("/nagaizumi/coordinator/introductions/{id}"))
        .await;
    assert!(
        kept.body.contains("担当者からのひとこと")
            && kept.body.contains("朝の時間に合うお仕事です。")
    );
    let again = coordinator
        .submit(
            &job_page,
            &format!("/nagaizumi/coordinator/requests/{}/introductions", job.id),
            &[
                ("participant_id", &parent_account.id.0.to_string()),
                ("back", &job_page),
            ],
        )
        .await;
    assert!(
        again.location().ends_with("done=duplicate"),
        "{}",
        again.location()
    );

    // The organization cannot see anything before she consents.
    let inn = app.client();
    inn.sign_in(
        "/nagaizumi/login",
        "inn@demo.example.jp",
        demo::DEMO_PASSWORD,
    )
    .await;
    let org_page = format!("/nagaizumi/org/introductions/{id}");
    assert_eq!(inn.get(&org_page).await.status, StatusCode::NOT_FOUND);

    // The email reaches her over SMTP, in Japanese, with the link to answer.
    let worker = Worker::new();
    let mailer = smtp_mailer();
    let sent = worker
        .deliver_due(&app.store, &mailer, chrono::Utc::now())
        .await
        .unwrap();
    assert!(sent >= 1);
    let mail = received_all(&parent_email).await.remove(0);
    assert!(
        mail.subject
            .starts_with("【長泉町 わくキャリ】ご紹介があります"),
        "{}",
        mail.subject
    );
    assert!(mail.text.contains("泉 由紀 さま"), "{}", mail.text);
    assert!(mail.text.contains("湯の花旅館") || mail.text.contains(&job.organization_name));
    let link = format!("http://127.0.0.1:8080/nagaizumi/me/introductions/{id}");
    assert!(mail.text.contains(&link), "{}", mail.text);
    assert!(
        mail.text
            .contains("担当者から：「朝の時間に合うお仕事です。」"),
        "the note goes with the offer: {}",
        mail.text
    );
    assert!(
        mail.html.contains(&format!("href=\"{link}\"")),
        "{}",
        mail.html
    );

    // She reads why it fits, and must tick the consent box.
    let yuki = app.client();
    yuki.sign_in("/nagaizumi/login", &parent_email, PASSWORD)
        .await;
    assert!(
        yuki.get("/nagaizumi/me/")
            .await
            .body
            .contains("回答をお待ちしているご紹介")
    );
    let mine = format!("/nagaizumi/me/introductions/{id}");
    let page = yuki.get(&mine).await;
    assert!(page.body.contains("合っている点"));
    assert!(
        page.body.contains("朝の時間に合うお仕事です。"),
        "she reads the note"
    );
    assert!(
        page.body.contains("スキル"),
        "what would be shared is listed"
    );
    let refused = yuki
        .submit(&mine, &mine, &[("from", "offered"), ("answer", "consent")])
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("同意のチェックが必要です"));
    // She leaves out her furigana and weekly hours; her work history she shares.
    let form = yuki.get(&mine).await.body;
    assert!(form.contains(r#"name="share" value="furigana" checked"#));
    let consented = yuki
        .submit(
            &mine,
            &mine,
            &[
                ("from", "offered"),
                ("answer", "consent"),
                ("agree", "yes"),
                ("share", "work_history"),
                ("share", "goal_track"),
                ("share", "work_place"),
            ],
        )
        .await;
    assert!(consented.location().ends_with("done=consent"));
    let twice = yuki
        .submit(
            &mine,
            &mine,
            &[("from", "offered"), ("answer", "consent"), ("agree", "yes")],
        )
        .await;
    assert!(
        twice.location().ends_with("done=stale"),
        "a replay changes nothing"
    );
    let records = yuki.get("/nagaizumi/me/introductions").await;
    assert!(records.body.contains("情報提供の記録"));
    assert!(records.body.contains(&job.organization_name));
    assert!(records.body.contains("/nagaizumi/me/provision-records.csv"));
    let csv = yuki.get("/nagaizumi/me/provision-records.csv").await;
    assert_eq!(csv.header("content-type"), "text/csv; charset=utf-8");
    assert!(csv.body.starts_with('\u{FEFF}') && csv.body.contains("提供先"));
    assert!(csv.body.contains(&job.organization_name) && csv.body.contains("スキル"));
    let (_, stranger_email) = parent(&app, &town, "stranger").await;
    let stranger = app.client();
    stranger
        .sign_in("/nagaizumi/login", &stranger_email, PASSWORD)
        .await;
    let theirs = stranger.get("/nagaizumi/me/provision-records.csv").await;
    assert!(
        !theirs.body.contains(&job.organization_name),
        "only one's own records"
    );

    // Now the organization sees the profile it was given (and the view is logged), accepts,
    // and schedules a meeting; a meeting in the past is refused on its field.
    let page = inn.get(&org_page).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("泉 由紀"));
    assert!(page.body.contains("旅館の客室係"));
    assert!(
        !page.body.contains("いずみ ゆき") && !page.body.contains("1週間に働ける時間"),
        "what she left out is not shown"
    );
    assert!(
        !page.body.contains(&parent_email),
        "no contact details are shared"
    );
    let viewed = app
        .store
        .audit_page(
            &AuditFilter {
                action_prefix: Some("participant.profile_viewed_by_organization".into()),
                ..Default::default()
            },
            10,
        )
        .await
        .unwrap();
    assert_eq!(viewed.len(), 1);
    let accepted = inn
        .submit(
            &org_page,
            &org_page,
            &[("from", "consented"), ("action", "accept")],
        )
        .await;
    assert!(accepted.location().ends_with("done=moved"));
    let past = inn
        .submit(
            &org_page,
            &org_page,
            &[
                ("from", "accepted"),
                ("action", "schedule_meeting"),
                ("meeting_date", "2020-01-01"),
                ("meeting_time", "10:00"),
            ],
        )
        .await;
    assert_eq!(past.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(past.body.contains("今日以降の日付"));
    // A weekday: her week is weekday mornings, and another day would be warned of.
    let day = crate::meetings::day_ahead(7, false);
    let scheduled = inn
        .submit(
            &org_page,
            &org_page,
            &[
                ("from", "accepted"),
                ("action", "schedule_meeting"),
                ("meeting_date", &day),
                ("meeting_time", "10:30"),
                ("meeting_place", "本館ロビー"),
            ],
        )
        .await;
    assert!(scheduled.location().ends_with("done=moved"));
    worker
        .deliver_due(&app.store, &mailer, chrono::Utc::now())
        .await
        .unwrap();
    let mails = received_all(&parent_email).await;
    assert!(
        mails
            .iter()
            .any(|m| m.text.contains("本館ロビー") && m.text.contains("10:30")),
        "the meeting is mailed to her"
    );
    assert!(
        yuki.get("/nagaizumi/notifications")
            .await
            .body
            .contains("面談の日程が決まりました")
    );
    // The same notification, read on an English page, is written in English.
    yuki.get("/lang/en?next=%2Fnagaizumi%2Fnotifications").await;
    let in_english = yuki.get("/nagaizumi/notifications").await.body;
    assert!(
        in_english.contains("Meeting scheduled")
            && !in_english.contains("面談の日程が決まりました"),
        "the notification follows the page's language"
    );
    assert!(
        in_english.contains("10:30") && !in_english.contains("年"),
        "its date is written the English way"
    );
    yuki.get("/lang/ja?next=%2Fnagaizumi%2Fnotifications").await;

    // The coordinator records the outcome; the 3-, 6- and 12-month follow-ups appear.
    let coordinator_page = format!("/nagaizumi/coordinator/introductions/{id}");
    let bad = coordinator
        .submit(
            &coordinator_page,
            &coordinator_page,
            &[
                ("from", "meeting_scheduled"),
                ("action", "conclude"),
                ("kind", "own_pace"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("1〜60の数字"));
    let concluded = coordinator
        .submit(
            &coordinator_page,
            &coordinator_page,
            &[
                ("from", "meeting_scheduled"),
                ("action", "conclude"),
                ("kind", "own_pace"),
                ("hours_per_week", "12"),
                ("pay_band", "1100_1299"),
            ],
        )
        .await;
    assert!(concluded.location().ends_with("done=moved"));
    let page = coordinator.get(&coordinator_page).await;
    assert!(page.body.contains("結果記録済み"));
    assert!(page.body.contains("週12時間"));
    assert!(page.body.contains("就労後3か月のフォローアップ"));
    assert!(page.body.contains("就労後12か月のフォローアップ"));
    let record = coordinator
        .get(&format!(
            "/nagaizumi/coordinator/participants/{}",
            parent_account.id.0
        ))
        .await;
    assert!(record.body.contains("就労後6か月のフォローアップ"));
    let introductions = record.body.split(">紹介</h2>").nth(1).unwrap();
    let introductions = introductions.split("</section>").next().unwrap();
    assert!(
        introductions.contains("客室の準備スタッフ")
            && introductions.contains("湯の花旅館")
            && introductions.contains("結果記録済み"),
        "the record lists the introduction with its state: {introductions}"
    );
    assert!(introductions.contains(&coordinator_page));

    // Withdrawing consent hides the profile from the organization again.
    let withdrawn = yuki
        .submit(
            &mine,
            &mine,
            &[("from", "concluded"), ("answer", "withdraw")],
        )
        .await;
    assert!(withdrawn.location().ends_with("done=withdraw"));
    let page = inn.get(&org_page).await;
    assert!(!page.body.contains("旅館の客室係"), "the profile is hidden");
}

/// The keys of the proposals a batch page offers to keep, in its order.
fn keep_keys(body: &str) -> Vec<String> {
    body.split("name=\"keep\" value=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn batch_proposals_become_drafts_to_offer_or_set_aside() {
    let app = TestApp::new().await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let coordinator = app.client();
    coordinator
        .sign_in(
            "/nagaizumi/login",
            "coordinator@demo.example.jp",
            demo::DEMO_PASSWORD,
        )
        .await;
    let tenant = app.store.tenant(&town);
    let all_open = || async {
        let all = tenant
            .introductions_for_test(store::introduction::IntroductionScope::Town, None, 1000)
            .await
            .unwrap();
        let mut open: std::collections::HashMap<i64, usize> = Default::default();
        for i in all.iter().filter(|i| i.status.is_open()) {
            for m in &i.members {
                *open.entry(m.participant_id).or_default() += 1;
            }
        }
        open
    };
    let open_before = all_open().await;

    // Nothing ticked: nothing is saved, and the page says what to do.
    let none = coordinator
        .submit(
            "/nagaizumi/coordinator/proposals",
            "/nagaizumi/coordinator/proposals/drafts",
            &[],
        )
        .await;
    assert!(
        none.location().ends_with("done=none-kept"),
        "{}",
        none.location()
    );
    let page = coordinator.get(none.location()).await;
    assert!(page.body.contains("保存するご紹介案が選ばれていません"));

    // Every proposal but the last is kept: only those are saved.
    let keys = keep_keys(&page.body);
    assert!(keys.len() >= 6, "the demo town gets proposals: {keys:?}");
    let (dropped, kept) = keys.split_last().unwrap();
    let fields: Vec<(&str, &str)> = kept.iter().map(|k| ("keep", k.as_str())).collect();
    let saved = coordinator
        .submit(
            "/nagaizumi/coordinator/proposals",
            "/nagaizumi/coordinator/proposals/drafts",
            &fields,
        )
        .await;
    assert!(
        saved
            .location()
            .contains(&format!("done=drafts&saved={}", kept.len())),
        "{}",
        saved.location()
    );
    let drafts = tenant
        .introductions_for_test(
            store::introduction::IntroductionScope::Town,
            Some(domain::introduction::IntroductionStatus::Draft),
            100,
        )
        .await
        .unwrap();
    assert_eq!(drafts.len(), kept.len());
    let (request, people) = dropped.split_once('-').unwrap();
    assert!(
        !drafts.iter().any(|d| d.request_id.to_string() == request
            && d.members[0].participant_id.to_string() == people.split('.').next().unwrap()),
        "the dropped proposal is not saved"
    );
    // Nobody gets more open introductions than a run allows, counting those already open.
    // `requests::batch_run::PER_PERSON`.
    let per_person = 2;
    for (person, open) in all_open().await {
        let before = open_before.get(&person).copied().unwrap_or(0);
        assert!(
            open <= per_person.max(before),
            "{person}: {before} → {open}"
        );
    }
    let page = coordinator.get("/nagaizumi/coordinator/proposals").await;
    assert!(page.body.contains("下書き（確認待ち）"));

    let (first, second) = (drafts[0].id, drafts[1].id);
    for (id, action) in [(first, "offer"), (second, "discard")] {
        let path = format!("/nagaizumi/coordinator/introductions/{id}");
        let moved = coordinator
            .submit(
                "/nagaizumi/coordinator/proposals",
                &path,
                &[("from", "draft"), ("action", action)],
            )
            .await;
        assert!(moved.location().ends_with("done=moved"), "{action}");
    }
    let offered = tenant.introduction(first).await.unwrap().unwrap();
    assert_eq!(
        offered.status,
        domain::introduction::IntroductionStatus::Offered
    );
    let member = offered.members[0].participant_id;
    assert!(
        app.store
            .unread_notifications(store::account::AccountId(member))
            .await
            .unwrap()
            >= 1,
        "the offered person is notified in the app"
    );
    let discarded = tenant.introduction(second).await.unwrap().unwrap();
    assert_eq!(
        discarded.status,
        domain::introduction::IntroductionStatus::Discarded
    );
    // Saving again proposes only pairs not already drafted or offered.
    let before = tenant
        .introductions_for_test(store::introduction::IntroductionScope::Town, None, 500)
        .await
        .unwrap()
        .len();
    let page = coordinator.get("/nagaizumi/coordinator/proposals").await;
    assert!(
        page.body.contains("進行中のご紹介が上限に達している方"),
        "people with drafts at the limit are left out, and the page says so"
    );
    let keys = keep_keys(&page.body);
    let fields: Vec<(&str, &str)> = keys.iter().map(|k| ("keep", k.as_str())).collect();
    coordinator
        .submit(
            "/nagaizumi/coordinator/proposals",
            "/nagaizumi/coordinator/proposals/drafts",
            &fields,
        )
        .await;
    let all = tenant
        .introductions_for_test(store::introduction::IntroductionScope::Town, None, 500)
        .await
        .unwrap();
    let mut pairs: Vec<(i64, i64)> = all
        .iter()
        .filter(|i| i.status.is_open())
        .map(|i| (i.members[0].participant_id, i.request_id))
        .collect();
    let count = pairs.len();
    pairs.sort_unstable();
    pairs.dedup();
    assert_eq!(pairs.len(), count, "no pair is open twice");
    assert!(all.len() >= before);
}

#[tokio::test]
async fn other_people_cannot_read_or_answer_an_introduction() {
    let app = TestApp::new().await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let (parent_account, _) = parent(&app, &town, "private").await;
    let tenant = app.store.tenant(&town);
    let job = tenant
        .published_requests(&Default::default(), 100)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.title.contains("客室の準備"))
        .unwrap();
    let coordinator = tenant
        .account_by_email("coordinator@demo.example.jp")
        .await
        .unwrap()
        .unwrap();
    let id = tenant
        .create_introduction(
            &store::introduction::NewIntroduction {
                request_id: job.id,
                organization_id: job.organization_id,
                members: vec![parent_account.id],
                draft: false,
                fit_score: 80,
                reasons: Vec::new(),
                common_time: String::new(),
                gaps: vec![domain::introduction::gap::SkillGap {
                    skill_id: "spreadsheet".into(),
                    needed: 3,
                    has: 1,
                    required: true,
                }],
                personal_note: String::new(),
                created_by: coordinator.id,
            },
            |_| Vec::new(),
        )
        .await
        .unwrap()
        .unwrap();
    // Another participant (the demo's Hanako) gets a 404 for someone else's introduction.
    let hanako = app.client();
    hanako
        .sign_in(
            "/nagaizumi/login",
            "hanako@demo.example.jp",
            demo::DEMO_PASSWORD,
        )
        .await;
    let path = format!("/nagaizumi/me/introductions/{id}");
    assert_eq!(hanako.get(&path).await.status, StatusCode::NOT_FOUND);
    let answer = hanako
        .submit(
            "/nagaizumi/me/",
            &path,
            &[("from", "offered"), ("answer", "consent"), ("agree", "yes")],
        )
        .await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(
        tenant.introduction(id).await.unwrap().unwrap().status,
        domain::introduction::IntroductionStatus::Offered,
        "nothing changed"
    );
    // The coordinator's page keeps the gaps the shortlist showed, in words.
    let staff = app.client();
    staff
        .sign_in(
            "/nagaizumi/login",
            "coordinator@demo.example.jp",
            demo::DEMO_PASSWORD,
        )
        .await;
    let kept = staff
        .get(&format!("/nagaizumi/coordinator/introductions/{id}"))
        .await;
    assert!(kept.body.contains("足りないところ"));
    assert!(
        kept.body
            .contains("必須: 表計算（Excel等） はレベル3が必要です（現在1）")
    );
}
