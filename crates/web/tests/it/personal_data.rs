//! A person's rights over their data, through the web: Hanako asks for her data, the worker
//! prepares it, she downloads a zip with every personal column of every kind of record and a
//! README; no one else can fetch it. She deletes her account: her seat goes to the waitlist,
//! no personal value of hers remains in any classified column, and the facts the town's
//! reports count are unchanged. A coordinator deletes an account asked for at the counter.

use std::collections::BTreeMap;
use std::io::Read;

use axum::http::StatusCode;
use chrono::{Duration, Utc};
use domain::Role;
use store::account::AccountId;
use store::personal_data::{Class, Erase, TABLES};
use web::mail::Worker;

use crate::events::{event_id, parent, signed_in};
use crate::harness::{PASSWORD, TestApp};

const HANAKO: &str = "hanako@demo.example.jp";

async fn sql(app: &TestApp, statement: &str, binds: &[i64]) {
    let mut conn = app.store.conn().await.unwrap();
    store::on_backend!(conn.exec(), c => {
        let mut q = sqlx::query(statement);
        for b in binds {
            q = q.bind(*b);
        }
        q.execute(c).await.map(|_| ())
    })
    .unwrap();
}

async fn texts(app: &TestApp, statement: &str, text: &str) -> i64 {
    let mut conn = app.store.conn().await.unwrap();
    store::on_backend!(conn.exec(), c => sqlx::query_scalar::<_, i64>(statement)
        .bind(text).fetch_one(c).await)
    .unwrap()
}

/// A client signed in as one of the demo's accounts.
async fn demo_user<'a>(app: &'a TestApp, email: &str) -> crate::harness::Client<'a> {
    let client = app.client();
    client
        .sign_in("/nagaizumi/login", email, demo::DEMO_PASSWORD)
        .await;
    client
}

async fn state(app: &TestApp) -> web::AppState {
    web::AppState::new(app.store.store.clone(), web::WebConfig::default())
        .await
        .unwrap()
}

/// A one-seat seminar with childcare in ten days, made by the demo coordinator; its id.
async fn one_seat_seminar(app: &TestApp) -> i64 {
    let staff = demo_user(app, "coordinator@demo.example.jp").await;
    let new = "/nagaizumi/coordinator/events/new";
    let day = (Utc::now() + Duration::days(10)).date_naive().to_string();
    let created = staff
        .submit(
            new,
            new,
            &[
                ("kind", "seminar"),
                ("title", "データの扱いを学ぶセミナー"),
                ("description", "個人情報の守り方"),
                ("place", "公民館"),
                ("date", &day),
                ("start_time", "10:00"),
                ("end_time", "11:30"),
                ("capacity", "1"),
                ("childcare", "yes"),
                ("carers", "1"),
                ("public", "yes"),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    event_id(created.location())
}

/// Hanako of the demo with records of every kind: the demo's profile, skills, consent,
/// hearing, follow-up and introduction, plus a booking with childcare (its notice and mail),
/// attendance, a credential, a saved job and a job she asked about.
async fn hanako_with_everything(app: &TestApp, town: &domain::Municipality) -> (AccountId, i64) {
    let tenant = app.store.tenant(town);
    let hanako = tenant.account_by_email(HANAKO).await.unwrap().unwrap().id;
    let event = one_seat_seminar(app).await;
    let her = demo_user(app, HANAKO).await;
    let public = format!("/nagaizumi/events/{event}");
    let booked = her.submit(&public, &public, &[]).await;
    assert!(
        booked.location().contains("done=confirmed"),
        "{}",
        booked.location()
    );
    let booking = tenant.participant_bookings(hanako).await.unwrap()[0].id;
    let session = tenant.event_sessions(event).await.unwrap()[0].id;
    sql(
        app,
        "INSERT INTO attendance (booking_id, session_id, municipality_id, attended, children_in_care, recorded_by, recorded_at) \
         SELECT $1, $2, municipality_id, TRUE, 1, $3, created_at FROM booking WHERE id = $1",
        &[booking, session, hanako.0],
    )
    .await;
    sql(
        app,
        "INSERT INTO credential (municipality_id, participant_id, event_id, awarded_at) \
         SELECT municipality_id, participant_id, event_id, created_at FROM booking WHERE id = $1",
        &[booking],
    )
    .await;
    let jobs = tenant
        .published_requests(&Default::default(), 2)
        .await
        .unwrap();
    tenant
        .save_request((hanako, jobs[0].id), true)
        .await
        .unwrap();
    tenant
        .express_interest((jobs[1].id, hanako), "午前中だけ働けます", |_| {
            Vec::new()
        })
        .await
        .unwrap();
    // Introduced to the first job, she consents: the organization sees her profile.
    let coordinator = tenant
        .account_by_email("coordinator@demo.example.jp")
        .await
        .unwrap()
        .unwrap();
    let new = store::introduction::NewIntroduction {
        request_id: jobs[0].id,
        organization_id: jobs[0].organization_id,
        members: vec![hanako],
        draft: false,
        fit_score: 80,
        reasons: Vec::new(),
        common_time: String::new(),
        gaps: Vec::new(),
        personal_note: "朝のお仕事です".into(),
        created_by: coordinator.id,
    };
    let id = tenant
        .create_introduction(&new, |_| Vec::new())
        .await
        .unwrap()
        .unwrap();
    let consent = store::introduction::MemberAnswer {
        introduction: id,
        participant: hanako,
        answer: domain::introduction::Answer::Consent,
        seen: domain::introduction::IntroductionStatus::Offered,
        reason: String::new(),
        items: domain::introduction::SharedItem::ALL.to_vec(),
    };
    tenant
        .answer_introduction(&consent, |_, _| Vec::new())
        .await
        .unwrap()
        .unwrap();
    (hanako, event)
}

/// The CSV's rows as cells (the BOM and CRLF removed).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    text.trim_start_matches('\u{FEFF}')
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(|l| {
            l.trim_matches('"')
                .split("\",\"")
                .map(|c| c.replace("\"\"", "\""))
                .collect()
        })
        .collect()
}

#[tokio::test]
async fn a_resident_downloads_every_personal_column_of_every_kind_of_record() {
    let app = TestApp::new().await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let (hanako, _) = hanako_with_everything(&app, &town).await;
    let her = demo_user(&app, HANAKO).await;

    let page = her.get("/nagaizumi/me/data").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("データを準備する"), "{}", page.body);
    let asked = her
        .submit("/nagaizumi/me/data", "/nagaizumi/me/data", &[])
        .await;
    assert!(asked.location().ends_with("?done=requested"));
    let waiting = her.get(asked.location()).await.body;
    assert!(waiting.contains("データの準備を始めました") && waiting.contains("準備しています"));

    let records = app
        .store
        .tenant(&town)
        .personal_records(hanako)
        .await
        .unwrap()
        .unwrap();
    let round = web::worker::round(&state(&app).await, &Worker::new(), None)
        .await
        .unwrap();
    assert_eq!(round.data_exports, 1);
    let ready = her.get("/nagaizumi/me/data").await.body;
    let link = ready
        .split("href=\"")
        .map(|s| s.split('"').next().unwrap())
        .find(|h| h.ends_with("/download"))
        .expect("a download link")
        .to_owned();
    // Told in お知らせ and by mail.
    let notices = her.get("/nagaizumi/notifications").await.body;
    assert!(
        notices.contains("データのダウンロードの準備ができました"),
        "{notices}"
    );
    let mail = crate::harness::mail_to(&app.store, HANAKO).await;
    assert!(
        mail.subject.contains("データのダウンロード"),
        "{}",
        mail.subject
    );

    // No one else can fetch it: another resident, the coordinator.
    for other in ["coordinator@demo.example.jp", "inn@demo.example.jp"] {
        let someone = app.client();
        someone
            .sign_in("/nagaizumi/login", other, demo::DEMO_PASSWORD)
            .await;
        assert_eq!(
            someone.get(&link).await.status,
            StatusCode::NOT_FOUND,
            "{other}"
        );
    }
    assert_ne!(app.client().get(&link).await.status, StatusCode::OK);

    let zip = her.get(&link).await;
    assert_eq!(zip.status, StatusCode::OK);
    assert_eq!(zip.header("content-type"), "application/zip");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip.bytes)).unwrap();
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let mut text = String::new();
        file.read_to_string(&mut text).unwrap();
        let name = file.name().unwrap().to_string();
        files.insert(name, text);
    }
    let readme = &files["README.html"];
    assert!(
        readme.contains("lang=\"ja\"") && readme.contains("長泉 花子様"),
        "{readme}"
    );
    let summary = &files["summary.html"];
    assert!(summary.contains("スキルとそのレベル"));
    assert!(
        files["booking.csv"].contains("\"confirmed\""),
        "the CSV keeps the stored code"
    );
    assert!(
        !summary.contains("<td>confirmed</td>"),
        "the summary says it in words"
    );
    assert!(!summary.contains("<td>true</td>") && !summary.contains("T00:"));

    for table in &records.tables {
        let name = table.table.name;
        let csv = csv_rows(&files[&format!("{name}.csv")]);
        let header: Vec<&str> = table.columns.iter().map(|c| c.name).collect();
        assert_eq!(csv[0], header, "{name}: every classified column, in order");
        assert_eq!(csv.len() - 1, table.rows.len(), "{name}");
        let json: Vec<serde_json::Value> =
            serde_json::from_str(&files[&format!("{name}.json")]).unwrap();
        assert_eq!(json.len(), table.rows.len(), "{name}");
        for column in &header {
            assert!(
                readme.contains(&format!("<code>{column}</code>")),
                "{name}.{column}"
            );
        }
    }
    for kind in [
        "account",
        "participant_profile",
        "participant_skill",
        "consent",
        "hearing",
        "booking",
        "attendance",
        "credential",
        "introduction",
        "introduction_member",
        "provision_record",
        "notification",
        "saved_request",
        "request_interest",
        "follow_up",
        "case_event",
    ] {
        let table = records
            .tables
            .iter()
            .find(|t| t.table.name == kind)
            .unwrap();
        assert!(
            !table.rows.is_empty(),
            "Hanako has {kind} records: {table:?}"
        );
    }
    let profile = &files["participant_profile.csv"];
    assert!(profile.contains("availability") && profile.contains("work_history"));
    assert!(
        !files.contains_key("hearing_revision.csv"),
        "internal notes are not downloaded"
    );
    assert!(
        !files["hearing.csv"].contains("notes"),
        "the coordinator's notes are internal"
    );

    let audit = app
        .store
        .audit_page(
            &store::audit::AuditFilter {
                action_prefix: Some("data_export".into()),
                ..Default::default()
            },
            10,
        )
        .await
        .unwrap();
    let actions: Vec<&str> = audit.iter().map(|e| e.action.code()).collect();
    for action in [
        "data_export.requested",
        "data_export.prepared",
        "data_export.downloaded",
    ] {
        assert!(actions.contains(&action), "{actions:?}");
    }
}

/// Every classified personal column's values that contain `text`, as `table.column`.
async fn holding(app: &TestApp, text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for table in TABLES.iter().filter(|t| t.erase != Erase::KeptByLaw) {
        for column in table
            .columns
            .iter()
            .filter(|c| c.class.is_personal() && c.name != "archive")
        {
            let statement = format!(
                "SELECT COUNT(*) FROM {} WHERE CAST({} AS TEXT) LIKE '%' || $1 || '%'",
                table.name, column.name
            );
            if texts(app, &statement, text).await > 0 {
                found.push(format!("{}.{}", table.name, column.name));
            }
        }
    }
    found
}

async fn facts(app: &TestApp) -> Vec<(i64, String, String, i64)> {
    let mut conn = app.store.conn().await.unwrap();
    store::on_backend!(conn.exec(), c => sqlx::query_as(
        "SELECT id, kind, CAST(occurred_on AS TEXT), person FROM program_fact ORDER BY id")
        .fetch_all(c).await)
    .unwrap()
}

#[tokio::test]
async fn deleting_her_account_frees_her_seat_and_leaves_no_personal_value() {
    let app = TestApp::new().await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let (hanako, event) = hanako_with_everything(&app, &town).await;
    let introduction = app
        .store
        .tenant(&town)
        .own_introductions(
            store::introduction::IntroductionOwner::Participant(hanako.0),
            10,
        )
        .await
        .unwrap()[0]
        .id;
    // A coordinator's draft names her too.
    let tenant = app.store.tenant(&town);
    let coordinator = tenant
        .account_by_email("coordinator@demo.example.jp")
        .await
        .unwrap()
        .unwrap();
    let third_job = tenant
        .published_requests(&Default::default(), 3)
        .await
        .unwrap()[2]
        .clone();
    let draft = store::introduction::NewIntroduction {
        request_id: third_job.id,
        organization_id: third_job.organization_id,
        members: vec![hanako],
        draft: true,
        fit_score: 70,
        reasons: Vec::new(),
        common_time: String::new(),
        gaps: Vec::new(),
        personal_note: String::new(),
        created_by: coordinator.id,
    };
    let draft = tenant
        .create_introduction(&draft, |_| Vec::new())
        .await
        .unwrap()
        .unwrap();
    let waiting = parent(&app, &town, "waiting@example.jp", "1").await;
    sql(
        &app,
        "UPDATE account SET display_name = '待機 さくら' WHERE id = $1",
        &[waiting.id.0],
    )
    .await;
    let public = format!("/nagaizumi/events/{event}");
    let two = signed_in(&app, "waiting@example.jp").await;
    assert!(
        two.submit(&public, &public, &[])
            .await
            .location()
            .ends_with("done=waitlisted")
    );
    let before = facts(&app).await;
    let account = app
        .store
        .tenant(&town)
        .account(hanako)
        .await
        .unwrap()
        .unwrap();
    let distinct = [
        account.email.clone(),
        account.display_name.clone(),
        "午前中だけ働けます".into(),
    ];
    for text in &distinct {
        assert!(
            !holding(&app, text).await.is_empty(),
            "{text} is held before"
        );
    }

    let her = demo_user(&app, HANAKO).await;
    let page = her.get("/nagaizumi/account/delete").await.body;
    assert!(
        page.contains("削除されるもの") && page.contains("残るもの"),
        "{page}"
    );
    let wrong = her
        .submit(
            "/nagaizumi/account/delete",
            "/nagaizumi/account/delete",
            &[("current_password", "違う")],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        wrong.body.contains("現在のパスワード"),
        "the field is named"
    );
    assert!(
        !app.store
            .tenant(&town)
            .account(hanako)
            .await
            .unwrap()
            .unwrap()
            .deleted
    );

    let deleted = her
        .submit(
            "/nagaizumi/account/delete",
            "/nagaizumi/account/delete",
            &[("current_password", demo::DEMO_PASSWORD)],
        )
        .await;
    assert_eq!(deleted.status, StatusCode::OK, "{}", deleted.body);
    assert!(deleted.body.contains("アカウントを削除しました"));
    assert_ne!(
        her.get("/nagaizumi/me/").await.status,
        StatusCode::OK,
        "signed out"
    );

    // The records others keep of her read as before: the coordinator's and the
    // organization's introductions, with her emptied in place.
    let staff = demo_user(&app, "coordinator@demo.example.jp").await;
    let org = demo_user(&app, "inn@demo.example.jp").await;
    for (client, path) in [
        (&staff, "/nagaizumi/coordinator/introductions".to_owned()),
        (
            &staff,
            format!("/nagaizumi/coordinator/introductions/{introduction}"),
        ),
        (&staff, "/nagaizumi/coordinator/".to_owned()),
        (&staff, "/nagaizumi/coordinator/participants".to_owned()),
        (&staff, format!("/nagaizumi/coordinator/events/{event}")),
        (&org, "/nagaizumi/org/".to_owned()),
        (&org, "/nagaizumi/org/introductions".to_owned()),
    ] {
        assert_eq!(client.get(&path).await.status, StatusCode::OK, "{path}");
    }
    // Her draft is set aside, and nothing will be sent to the emptied account.
    let set_aside = tenant.introduction(draft).await.unwrap().unwrap();
    assert_eq!(
        set_aside.status,
        domain::introduction::IntroductionStatus::Discarded
    );
    assert!(tenant.recipients(&[hanako]).await.unwrap().is_empty());
    // Her seat went to the person waiting, who is told.
    let offered = app
        .store
        .tenant(&town)
        .participant_bookings(waiting.id)
        .await
        .unwrap();
    assert_eq!(
        offered[0].status,
        domain::event::booking::BookingStatus::Offered
    );
    // No personal value of hers is left in any classified column.
    for text in &distinct {
        assert_eq!(holding(&app, text).await, Vec::<String>::new(), "{text}");
    }
    for table in TABLES.iter().filter(|t| t.erase == Erase::Delete) {
        let statement = format!(
            "SELECT COUNT(*) FROM {} WHERE {}",
            table.name,
            table.rows.replace("$1", &hanako.0.to_string())
        );
        assert_eq!(
            texts(&app, &format!("{statement} AND $1 = $1"), "x").await,
            0,
            "{}",
            table.name
        );
    }
    // Every fact counted before is there as it was (ending the introduction adds today's).
    let after = facts(&app).await;
    let changed: Vec<_> = before.iter().filter(|f| !after.contains(f)).collect();
    assert!(
        changed.is_empty(),
        "the reports' facts are unchanged: {changed:?}"
    );
    let today = domain::local_time::to_jst(Utc::now())
        .date_naive()
        .to_string();
    assert!(
        after
            .iter()
            .filter(|f| !before.contains(f))
            .all(|f| f.2.starts_with(&today))
    );
    let _ = (Class::Personal, Role::Participant, PASSWORD);
}

#[tokio::test]
async fn a_coordinator_deletes_an_account_asked_for_at_the_counter() {
    let app = TestApp::new().await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let person = parent(&app, &town, "counter@example.jp", "0").await;
    let susono = app.add_town("susono", "裾野市", "Susono City").await;
    let elsewhere = app
        .add_account(
            Some(&susono),
            Role::Participant,
            "far@example.jp",
            "裾野 太郎",
        )
        .await;
    let path = format!("/nagaizumi/coordinator/participants/{}/delete", person.id.0);

    let resident = signed_in(&app, "counter@example.jp").await;
    assert_ne!(
        resident.get(&path).await.status,
        StatusCode::OK,
        "not for residents"
    );

    let staff = demo_user(&app, "coordinator@demo.example.jp").await;
    let form = staff.get(&path).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.body.contains("窓口・電話でのアカウント削除") && form.body.contains("長泉 花子様")
    );
    let empty = staff.submit(&path, &path, &[]).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.body.contains("申し出の方法") && empty.body.contains("本人確認の方法"));
    let unfit = staff
        .submit(
            &path,
            &path,
            &[
                ("deletion_channel", "counter"),
                ("identity_check", "call_back"),
            ],
        )
        .await;
    assert_eq!(unfit.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        unfit
            .body
            .contains("窓口では本人確認書類で確認してください")
    );
    assert!(
        !app.store
            .tenant(&town)
            .account(person.id)
            .await
            .unwrap()
            .unwrap()
            .deleted
    );

    let done = staff
        .submit(
            &path,
            &path,
            &[
                ("deletion_channel", "counter"),
                ("identity_check", "photo_id"),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert!(done.body.contains("アカウントを削除しました"));
    let gone = app
        .store
        .tenant(&town)
        .account(person.id)
        .await
        .unwrap()
        .unwrap();
    assert!(
        gone.deleted && gone.display_name.is_empty() && gone.email.ends_with("@deleted.invalid")
    );
    let coordinator = app
        .store
        .tenant(&town)
        .account_by_email("coordinator@demo.example.jp")
        .await
        .unwrap()
        .unwrap();
    let mut conn = app.store.conn().await.unwrap();
    let recorded: (String, String, Option<i64>) =
        store::on_backend!(conn.exec(), c => sqlx::query_as(
        "SELECT channel, identity_check, handled_by FROM account_deletion WHERE account_id = $1")
        .bind(person.id.0).fetch_one(c).await)
        .unwrap();
    drop(conn);
    assert_eq!(
        recorded,
        ("counter".into(), "photo_id".into(), Some(coordinator.id.0))
    );
    assert_eq!(
        staff.get(&path).await.status,
        StatusCode::NOT_FOUND,
        "deleted once"
    );

    let other = format!(
        "/nagaizumi/coordinator/participants/{}/delete",
        elsewhere.id.0
    );
    assert_eq!(
        staff.get(&other).await.status,
        StatusCode::NOT_FOUND,
        "another town's person"
    );
    let refused = staff
        .submit(
            "/nagaizumi/me/data",
            &other,
            &[
                ("deletion_channel", "counter"),
                ("identity_check", "photo_id"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);
    assert!(
        !app.store
            .tenant(&susono)
            .account(elsewhere.id)
            .await
            .unwrap()
            .unwrap()
            .deleted
    );
}

#[tokio::test]
async fn an_officer_logs_a_correction_request_sees_it_overdue_and_closes_it() {
    let app = TestApp::new().await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let list = "/nagaizumi/town/data-requests";
    let hanako = demo_user(&app, HANAKO).await;
    assert_ne!(
        hanako.get(list).await.status,
        StatusCode::OK,
        "not for residents"
    );

    let officer = demo_user(&app, "officer@demo.example.jp").await;
    let page = officer.get(list).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("受け付けた日から15日"),
        "the default deadline"
    );
    let empty = officer.submit(list, list, &[("received_on", "")]).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    for label in [
        "請求の種類",
        "受け付けた方法",
        "請求した方のお名前",
        "請求の内容",
    ] {
        assert!(empty.body.contains(label), "{label}");
    }
    let received = (to_jst_today() - Duration::days(20)).to_string();
    let logged = officer
        .submit(
            list,
            list,
            &[
                ("request_kind", "correction"),
                ("request_channel", "post"),
                ("received_on", &received),
                ("requester", "長泉 花子"),
                ("summary", "登録の電話番号が古いので直してほしい"),
            ],
        )
        .await;
    assert!(
        logged.location().ends_with("?done=logged"),
        "{}",
        logged.body
    );
    let shown = officer.get(logged.location()).await.body;
    assert!(
        shown.contains("対応中 1件") && shown.contains("期限切れ 1件"),
        "{shown}"
    );
    assert!(shown.contains("長泉 花子") && shown.contains("訂正"));

    // A shorter deadline applies to requests logged from now on only.
    let deadline = "/nagaizumi/town/data-requests/deadline";
    let wrong = officer
        .submit(list, deadline, &[("deadline_days", "45")])
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("1から30までの日数"));
    let set = officer
        .submit(list, deadline, &[("deadline_days", "10")])
        .await;
    assert!(set.location().ends_with("?done=deadline"));
    let tenant = app.store.tenant(&town);
    let request = tenant.data_requests(10).await.unwrap().remove(0);
    assert_eq!(
        request.deadline_on - request.received_on,
        Duration::days(15)
    );

    let detail = format!("/nagaizumi/town/data-requests/{}", request.id);
    let missing = officer
        .submit(&detail, &detail, &[("closing", "answered")])
        .await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(missing.body.contains("回答の内容"));
    let closed = officer
        .submit(
            &detail,
            &detail,
            &[
                ("closing", "answered"),
                ("answer", "電話番号を訂正し、郵便でお知らせしました。"),
            ],
        )
        .await;
    assert!(closed.location().ends_with("?done=closed"));
    let after = officer.get(&detail).await.body;
    assert!(
        after.contains("回答済み") && after.contains("郵便でお知らせしました"),
        "{after}"
    );
    let listed = officer.get(list).await.body;
    assert!(listed.contains("対応中 0件") && !listed.contains("期限切れ 1件"));

    // Another town's staff do not find it.
    let susono = app.add_town("susono", "裾野市", "Susono City").await;
    app.add_account(
        Some(&susono),
        Role::TownOfficer,
        "susono-officer@example.jp",
        "裾野 職員",
    )
    .await;
    let other = app.client();
    other
        .sign_in("/susono/login", "susono-officer@example.jp", PASSWORD)
        .await;
    let theirs = format!("/susono/town/data-requests/{}", request.id);
    assert_eq!(other.get(&theirs).await.status, StatusCode::NOT_FOUND);
}

fn to_jst_today() -> chrono::NaiveDate {
    domain::local_time::to_jst(Utc::now()).date_naive()
}

async fn at(app: &TestApp, statement: &str, when: chrono::DateTime<Utc>, id: i64) {
    let mut conn = app.store.conn().await.unwrap();
    store::on_backend!(conn.exec(), c => sqlx::query(statement).bind(when).bind(id).execute(c).await.map(|_| ()))
        .unwrap();
}

async fn count(app: &TestApp, statement: &str) -> i64 {
    let mut conn = app.store.conn().await.unwrap();
    store::on_backend!(conn.exec(), c => sqlx::query_scalar::<_, i64>(statement).fetch_one(c).await)
        .unwrap()
}

#[tokio::test]
async fn retention_warns_an_unused_account_twice_then_deletes_it_and_removes_what_is_due() {
    let app = TestApp::new().await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let state = state(&app).await;
    let (hanako, _) = hanako_with_everything(&app, &town).await;
    let sleepy = parent(&app, &town, "sleepy@example.jp", "0").await;
    let now = Utc::now();
    let months = |m: u32| now.checked_sub_months(chrono::Months::new(m)).unwrap();
    let last_used = "UPDATE account SET last_seen_at = $1 WHERE id = $2";
    at(
        &app,
        last_used,
        months(36) + Duration::days(20),
        sleepy.id.0,
    )
    .await;
    // Everyone else was here recently.
    sql(
        &app,
        "UPDATE account SET last_seen_at = created_at WHERE id <> $1",
        &[sleepy.id.0],
    )
    .await;

    // A provision record of 37 months ago goes, one of 35 stays; the same for mail and requests.
    let record = count(&app, "SELECT MIN(id) FROM provision_record").await;
    at(
        &app,
        "UPDATE provision_record SET provided_at = $1 WHERE id = $2",
        months(35),
        record,
    )
    .await;
    at(
        &app,
        "INSERT INTO provision_record (municipality_id, introduction_id, participant_id, organization_id, items, provided_at) \
         SELECT municipality_id, introduction_id, participant_id, organization_id, items, $1 FROM provision_record WHERE id = $2",
        months(37),
        record,
    )
    .await;
    let mail = count(&app, "SELECT MIN(id) FROM outbox_message").await;
    at(
        &app,
        "UPDATE outbox_message SET sent_at = $1 WHERE id = $2",
        months(13),
        mail,
    )
    .await;
    at(
        &app,
        "UPDATE outbox_message SET sent_at = $1 WHERE id = $2",
        months(11),
        mail + 1,
    )
    .await;
    let mail_before = count(&app, "SELECT COUNT(*) FROM outbox_message").await;

    let first = web::worker::retention(&state).await.unwrap();
    let (_, run) = &first[0];
    assert_eq!(
        (
            run.warned,
            run.accounts,
            run.provision_records,
            run.sent_mail
        ),
        (1, 0, 1, 1)
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM provision_record").await,
        1
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM outbox_message").await,
        mail_before - 1 + 1,
        "one removed, the warning's mail added"
    );
    let warning = crate::harness::mail_to(&app.store, "sleepy@example.jp").await;
    assert!(
        warning.body_text.contains("あと30日"),
        "{}",
        warning.body_text
    );
    assert!(
        web::worker::retention(&state).await.unwrap().is_empty(),
        "warned once"
    );

    // 24 days on, the second warning; 8 days after it, the deletion.
    let warned = "UPDATE account SET retention_warned_at = $1 WHERE id = $2";
    at(&app, warned, now - Duration::days(24), sleepy.id.0).await;
    at(&app, last_used, months(36) + Duration::days(5), sleepy.id.0).await;
    let second = web::worker::retention(&state).await.unwrap();
    assert_eq!(second[0].1.warned, 1);
    at(&app, warned, now - Duration::days(8), sleepy.id.0).await;
    at(&app, last_used, months(36) - Duration::days(1), sleepy.id.0).await;
    let third = web::worker::retention(&state).await.unwrap();
    assert_eq!((third[0].1.warned, third[0].1.accounts), (0, 1));
    let tenant = app.store.tenant(&town);
    assert!(tenant.account(sleepy.id).await.unwrap().unwrap().deleted);
    assert!(
        !tenant.account(hanako).await.unwrap().unwrap().deleted,
        "in use"
    );

    // The staff see what the runs did.
    let officer = demo_user(&app, "officer@demo.example.jp").await;
    let page = officer.get("/nagaizumi/town/retention").await.body;
    assert!(
        page.contains("削除したアカウント1件") && page.contains("第21条"),
        "{page}"
    );
    let below = officer
        .submit(
            "/nagaizumi/town/retention",
            "/nagaizumi/town/retention",
            &[("kind", "provision_record"), ("months", "12")],
        )
        .await;
    assert_eq!(below.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        below
            .body
            .contains("法律で定められた期間より短くはできません")
    );
    let longer = officer
        .submit(
            "/nagaizumi/town/retention",
            "/nagaizumi/town/retention",
            &[("kind", "inactive_account"), ("months", "48")],
        )
        .await;
    assert!(longer.location().ends_with("?done=saved"));
    assert!(
        officer
            .get("/nagaizumi/town/retention")
            .await
            .body
            .contains("いまの保存期間: 48か月")
    );
}

#[tokio::test]
async fn signing_in_after_a_warning_keeps_the_account() {
    let app = TestApp::new().await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let state = state(&app).await;
    let person = parent(&app, &town, "back@example.jp", "0").await;
    sql(&app, "UPDATE account SET last_seen_at = created_at", &[]).await;
    let old = Utc::now()
        .checked_sub_months(chrono::Months::new(36))
        .unwrap()
        + Duration::days(3);
    at(
        &app,
        "UPDATE account SET last_seen_at = $1 WHERE id = $2",
        old,
        person.id.0,
    )
    .await;
    assert_eq!(web::worker::retention(&state).await.unwrap()[0].1.warned, 1);
    signed_in(&app, "back@example.jp").await;
    let unused = app
        .store
        .tenant(&town)
        .unused_accounts(Utc::now() - Duration::days(1), 10)
        .await
        .unwrap();
    assert!(unused.iter().all(|u| u.id != person.id.0), "in use again");
}

#[tokio::test]
async fn a_new_privacy_policy_version_is_accepted_again_by_residents() {
    let app = TestApp::new().await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let her = demo_user(&app, HANAKO).await;
    let banner = "個人情報の取り扱いを改定しました。";
    assert!(!her.get("/nagaizumi/me/").await.body.contains(banner));

    let officer = demo_user(&app, "officer@demo.example.jp").await;
    let publish = "/nagaizumi/town/privacy";
    let empty = officer
        .submit(publish, publish, &[("changes_ja", " ")])
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.body.contains("改定の内容（日本語）"));
    let done = officer
        .submit(
            publish,
            publish,
            &[
                ("changes_ja", "保存期間の表を加えました。"),
                ("changes_en", ""),
            ],
        )
        .await;
    assert!(done.location().ends_with("?done=published"));
    let version = app.store.tenant(&town).privacy_version().await.unwrap();
    assert_eq!(version, to_jst_today().to_string());

    let policy = app.client().get("/nagaizumi/privacy").await.body;
    assert!(
        policy.contains(&format!("版: {version}")) && policy.contains("保存期間の表を加えました。")
    );
    assert!(
        policy.contains("要配慮個人情報")
            && policy.contains("保存する期間")
            && policy.contains("36か月")
    );
    assert!(policy.contains("長泉町"), "the town runs it");

    let home = her.get("/nagaizumi/me/").await.body;
    assert!(home.contains(banner), "asked again");
    let consent = her.get("/nagaizumi/me/consent").await.body;
    assert!(consent.contains("新しい版に同意する"));
    let accepted = her
        .submit(
            "/nagaizumi/me/consent",
            "/nagaizumi/me/consent",
            &[("action", "give")],
        )
        .await;
    assert!(accepted.location().ends_with("done=given"));
    assert!(!her.get("/nagaizumi/me/").await.body.contains(banner));
    let hanako = app
        .store
        .tenant(&town)
        .account_by_email(HANAKO)
        .await
        .unwrap()
        .unwrap();
    let versions: Vec<String> = app
        .store
        .tenant(&town)
        .consents(hanako.id)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.version)
        .collect();
    assert_eq!(versions[0], version);
    assert!(
        versions.len() >= 2,
        "the earlier consent is kept: {versions:?}"
    );
}

#[tokio::test]
async fn the_accessibility_statement_shows_the_generated_results_in_the_waic_form() {
    let app = TestApp::new().await;
    demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let page = app.client().get("/nagaizumi/accessibility").await;
    assert_eq!(page.status, StatusCode::OK);
    for words in [
        "JIS X 8341-3:2016",
        "適合レベル AA",
        "対応度",
        "依存したウェブコンテンツ技術",
        "試験結果",
        "1.4.3 コントラスト（最低限レベル）",
        "適用なし",
    ] {
        assert!(page.body.contains(words), "{words}");
    }
    let report = web::accessibility_report::Report::shipped().unwrap();
    let degree = if report.conforms() {
        "に準拠"
    } else {
        "に一部準拠"
    };
    assert!(page.body.contains(degree), "the degree follows the results");
    assert!(page.body.contains(&report.tested_on));
}
