//! A meeting that fits: the organization's proposed time is checked against the person's week
//! (a warning it may override once checked with her), she asks for another time with a
//! message or accepts, gets the meeting as a calendar file, and is reminded the day before.
//! The organization's words on accepting reach her.

use axum::http::StatusCode;
use chrono::{Datelike, Duration, Utc};
use domain::local_time::to_jst;
use web::mail::Worker;

use crate::harness::{PASSWORD, TestApp};
use crate::introductions::{introduction_id, parent};

/// The first day at least `days` ahead (in Japan) that is a weekday, or a Saturday.
pub(crate) fn day_ahead(days: i64, saturday: bool) -> String {
    let mut day = to_jst(Utc::now()).date_naive() + Duration::days(days);
    while (day.weekday().num_days_from_monday() == 5) != saturday
        || (!saturday && day.weekday().num_days_from_monday() > 4)
    {
        day += Duration::days(1);
    }
    day.format("%Y-%m-%d").to_string()
}

/// The proposed time the answer forms send back.
fn seen_time(page: &str) -> String {
    let tail = page.split(r#"name="seen" value=""#).nth(1).unwrap();
    tail.split('"').next().unwrap().to_owned()
}

async fn signed_in<'a>(
    app: &'a TestApp,
    email: &str,
    password: &str,
) -> crate::harness::Client<'a> {
    let client = app.client();
    client.sign_in("/nagaizumi/login", email, password).await;
    client
}

#[tokio::test]
async fn a_meeting_time_is_checked_answered_put_in_a_calendar_and_reminded() {
    let app = TestApp::new().await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let (yuki_account, yuki_email) = parent(&app, &town, "meeting").await;
    let job = app
        .store
        .tenant(&town)
        .published_requests(&Default::default(), 100)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.title.contains("客室の準備"))
        .unwrap();
    let coordinator = signed_in(&app, "coordinator@demo.example.jp", demo::DEMO_PASSWORD).await;
    let job_page = format!("/nagaizumi/coordinator/requests/{}", job.id);
    let created = coordinator
        .submit(
            &job_page,
            &format!("/nagaizumi/coordinator/requests/{}/introductions", job.id),
            &[
                ("participant_id", &yuki_account.id.0.to_string()),
                ("back", &job_page),
            ],
        )
        .await;
    let id = introduction_id(created.location());
    let mine = format!("/nagaizumi/me/introductions/{id}");
    let yuki = signed_in(&app, &yuki_email, PASSWORD).await;
    yuki.submit(
        &mine,
        &mine,
        &[("from", "offered"), ("answer", "consent"), ("agree", "yes")],
    )
    .await;
    let inn = signed_in(&app, "inn@demo.example.jp", demo::DEMO_PASSWORD).await;
    let org_page = format!("/nagaizumi/org/introductions/{id}");
    let accepted = inn
        .submit(
            &org_page,
            &org_page,
            &[
                ("from", "consented"),
                ("action", "accept"),
                ("note", "ぜひ一度お話を伺いたいです。"),
            ],
        )
        .await;
    assert!(accepted.location().ends_with("done=moved"));
    let told = yuki.get("/nagaizumi/notifications").await.body;
    assert!(
        told.contains("先方からのメッセージ：「ぜひ一度お話を伺いたいです。」"),
        "{told}"
    );
    assert!(
        yuki.get(&mine)
            .await
            .body
            .contains("ぜひ一度お話を伺いたいです。")
    );
    assert!(
        !yuki.get(&mine).await.body.contains("100点満点"),
        "no raw score for the person"
    );

    // A Saturday is outside her week: a warning with a box to confirm, and nothing moves.
    let saturday = day_ahead(2, true);
    let clash = inn
        .submit(
            &org_page,
            &org_page,
            &[
                ("from", "accepted"),
                ("action", "schedule_meeting"),
                ("meeting_date", &saturday),
                ("meeting_time", "10:30"),
            ],
        )
        .await;
    assert_eq!(clash.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        clash
            .body
            .contains("ご本人が登録した都合のよい時間帯の外です")
    );
    assert!(clash.body.contains(r#"name="clash_confirm""#));
    assert!(clash.body.contains(&saturday), "the typed date stays");
    let weekday = day_ahead(7, false);
    let fits = [
        ("from", "accepted"),
        ("action", "schedule_meeting"),
        ("meeting_date", weekday.as_str()),
        ("meeting_time", "10:30"),
        ("meeting_place", "本館ロビー"),
    ];
    assert!(
        inn.submit(&org_page, &org_page, &fits)
            .await
            .location()
            .ends_with("done=moved")
    );

    // She gets a calendar file, asks for another time (a message is needed), and the
    // organization is told.
    let page = yuki.get(&mine).await.body;
    assert!(page.contains("ご都合をお知らせください") && page.contains("meeting.ics"));
    assert!(
        page.contains("面談の日時が決まっています") && !page.contains("面談予定"),
        "her status is written to her"
    );
    let ics = yuki.get(&format!("{mine}/meeting.ics")).await;
    assert_eq!(ics.status, StatusCode::OK);
    assert!(ics.body.contains("BEGIN:VEVENT") && ics.body.contains("LOCATION:本館ロビー"));
    assert!(ics.body.contains("DTSTART:") && ics.body.contains("面談"));
    let (_, other_email) = parent(&app, &town, "other").await;
    let other = signed_in(&app, &other_email, PASSWORD).await;
    assert_eq!(
        other.get(&format!("{mine}/meeting.ics")).await.status,
        StatusCode::NOT_FOUND
    );
    let seen = seen_time(&page);
    let answer = format!("{mine}/meeting");
    let empty = yuki
        .submit(
            &mine,
            &answer,
            &[("seen", &seen), ("answer", "another_time")],
        )
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        empty
            .body
            .contains("ご都合のよい曜日や時間帯を書いてください。")
    );
    assert!(
        empty.body.contains(r#"maxlength="500""#),
        "the browser stops at the limit"
    );
    let long = "あ".repeat(501);
    let too_long = yuki
        .submit(
            &mine,
            &answer,
            &[
                ("seen", &seen),
                ("answer", "another_time"),
                ("meeting_note", &long),
            ],
        )
        .await;
    assert!(
        too_long
            .body
            .contains("長すぎます。500文字以内でご入力ください。")
    );
    assert!(too_long.body.contains(&long), "what she typed stays");
    let note = "水曜の午前だとありがたいです";
    let ask = [
        ("seen", seen.as_str()),
        ("answer", "another_time"),
        ("meeting_note", note),
    ];
    let asked = yuki.submit(&mine, &answer, &ask).await;
    assert!(
        asked.location().ends_with("done=meeting-another-time"),
        "{}",
        asked.location()
    );
    assert!(
        yuki.submit(&mine, &answer, &ask)
            .await
            .location()
            .ends_with("done=stale")
    );
    let org_told = inn.get("/nagaizumi/notifications").await.body;
    assert!(org_told.contains("面談の別の日時のお願いがありました") && org_told.contains(note));
    assert!(
        inn.get(&org_page)
            .await
            .body
            .contains("別の日時をお願いしました")
    );

    // A new time, checked with her by phone although outside her week, soon enough to be
    // reminded of; she accepts it.
    let soon = to_jst(Utc::now() + Duration::hours(2));
    let again = inn
        .submit(
            &org_page,
            &org_page,
            &[
                ("from", "meeting_scheduled"),
                ("action", "schedule_meeting"),
                ("meeting_date", &soon.format("%Y-%m-%d").to_string()),
                ("meeting_time", &soon.format("%H:%M").to_string()),
                ("clash_confirm", "yes"),
            ],
        )
        .await;
    assert!(again.location().ends_with("done=moved"), "{}", again.body);
    let page = yuki.get(&mine).await.body;
    assert!(
        page.contains("ご都合をお知らせください"),
        "a new time waits for a new answer"
    );
    let seen = seen_time(&page);
    let accepted = yuki
        .submit(&mine, &answer, &[("seen", &seen), ("answer", "accepted")])
        .await;
    assert!(accepted.location().ends_with("done=meeting-accepted"));
    assert!(
        inn.get("/nagaizumi/notifications")
            .await
            .body
            .contains("面談の日時が了承されました")
    );

    let state = web::AppState::new(app.store.store.clone(), web::WebConfig::default())
        .await
        .unwrap();
    let first = web::worker::round(&state, &Worker::new(), None)
        .await
        .unwrap();
    let second = web::worker::round(&state, &Worker::new(), None)
        .await
        .unwrap();
    assert!(
        first.reminders >= 1 && second.reminders == 0,
        "{first:?} {second:?}"
    );
    let notes = app.store.notifications(yuki_account.id, 3).await.unwrap();
    assert!(notes.iter().any(|n| n.title.contains("明日は面談の日です")));
}
