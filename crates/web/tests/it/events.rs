//! Events through the web: a parent books a seminar with childcare for a two-year-old; the
//! seat fills; a second parent is waitlisted; the first cancels; the second is offered the seat
//! and told; a coordinator takes attendance; a course completed adds its skill to the profile.
//! Calendars are parsed back with a real iCalendar parser.

use std::collections::HashMap;

use axum::http::StatusCode;
use chrono::{Duration, Utc};
use domain::Role;
use domain::availability::{Weekday, WeeklyAvailability};
use domain::participant::{Profile, ProfileInput};
use domain::skill::Taxonomy;
use store::account::Account;

use crate::harness::{Client, PASSWORD, TestApp};

pub(crate) async fn parent(
    app: &TestApp,
    town: &domain::Municipality,
    email: &str,
    toddlers: &str,
) -> Account {
    let account = app
        .add_account(Some(town), Role::Participant, email, "長泉 花子")
        .await;
    let tenant = app.store.tenant(town);
    let input = ProfileInput {
        display_name: "長泉 花子".into(),
        furigana: "ながいずみ はなこ".into(),
        postal_code: "411-0943".into(),
        goal_track: "own_pace".into(),
        availability: WeeklyAvailability::empty().with_window(Weekday::new(0).unwrap(), 18, 28),
        max_hours_per_week: "5".into(),
        income_cap: "none".into(),
        work_place: "either".into(),
        children: ["0".into(), toddlers.into(), "".into(), "".into()],
        ..ProfileInput::default()
    };
    let profile = Profile::parse(
        &input,
        &Taxonomy::shipped().unwrap(),
        &Default::default(),
        chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
    )
    .unwrap();
    tenant
        .save_profile(account.id, &profile, account.id)
        .await
        .unwrap();
    account
}

pub(crate) async fn signed_in<'a>(app: &'a TestApp, email: &str) -> Client<'a> {
    let client = app.client();
    client.sign_in("/nagaizumi/login", email, PASSWORD).await;
    client
}

/// The id of the event a coordinator's page is about, from its address.
pub(crate) fn event_id(location: &str) -> i64 {
    let path = location.split('?').next().unwrap();
    let id = path.trim_end_matches("/edit").rsplit('/').next().unwrap();
    id.parse().unwrap()
}

/// The VEVENTs of a calendar, each as its properties.
fn vevents(text: &str) -> Vec<HashMap<String, String>> {
    let unfolded = icalendar::parser::unfold(text);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("a valid iCalendar");
    calendar
        .components
        .iter()
        .filter(|c| c.name.as_str() == "VEVENT")
        .map(|c| {
            c.properties
                .iter()
                .map(|p| (p.name.as_str().to_owned(), p.val.as_str().to_owned()))
                .collect()
        })
        .collect()
}

#[tokio::test]
async fn a_parent_books_childcare_the_seat_fills_and_the_waitlist_moves_up() {
    let app = TestApp::new().await;
    let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    let coordinator = app
        .add_account(
            Some(&town),
            Role::Coordinator,
            "coordinator@example.jp",
            "調整 恵",
        )
        .await;
    let first = parent(&app, &town, "first@example.jp", "1").await;
    let second = parent(&app, &town, "second@example.jp", "1").await;

    // The coordinator creates a seminar with one seat and childcare; a bad form first.
    let staff = signed_in(&app, "coordinator@example.jp").await;
    let new = "/nagaizumi/coordinator/events/new";
    let day = (Utc::now() + Duration::days(10)).date_naive().to_string();
    let bad = staff
        .submit(
            new,
            new,
            &[
                ("kind", "seminar"),
                ("title", ""),
                ("date", &day),
                ("start_time", "10:00"),
                ("end_time", "09:00"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("終了時刻は開始時刻より後にしてください"));
    assert!(bad.body.contains("場所かオンラインのURLのどちらか"));
    let created = staff
        .submit(
            new,
            new,
            &[
                ("kind", "seminar"),
                ("title", "はじめての再就職セミナー"),
                ("description", "働き方の選び方"),
                ("place", "公民館"),
                ("date", &day),
                ("start_time", "10:00"),
                ("end_time", "11:30"),
                ("capacity", "1"),
                ("childcare", "yes"),
                ("carers", "1"),
                ("children_programme", "折り紙教室"),
                ("public", "yes"),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let id = event_id(created.location());
    let public = format!("/nagaizumi/events/{id}");

    // The public list filters by childcare; the page shows places per age band.
    let list = app.client().get("/nagaizumi/events?childcare=1").await;
    assert!(list.body.contains("はじめての再就職セミナー"));
    let page = app.client().get(&public).await;
    assert!(
        page.body.contains("1〜2歳: あと6人"),
        "one carer takes six toddlers"
    );
    assert!(page.body.contains("ログインして申し込む"));

    // The first parent books childcare for their two-year-old: confirmed.
    let one = signed_in(&app, "first@example.jp").await;
    let form = one.get(&public).await.body;
    assert!(
        form.contains(r#"name="care_age1_2" min="0" max="1" value="1""#),
        "the profile's child is filled in"
    );
    assert!(form.contains("すでに申し込まれた分を引いた残りの枠"));
    let too_many = one.submit(&public, &public, &[("care_age1_2", "2")]).await;
    assert_eq!(too_many.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        too_many
            .body
            .contains("プロフィールに登録されたお子さまの人数より多く")
    );
    let booked = one.submit(&public, &public, &[("care_age1_2", "1")]).await;
    assert!(
        booked.location().ends_with("done=confirmed-with-care"),
        "{}",
        booked.location()
    );
    assert!(
        app.client()
            .get(&public)
            .await
            .body
            .contains("1〜2歳: あと5人")
    );

    // The seat is full: the second parent is waitlisted.
    let two = signed_in(&app, "second@example.jp").await;
    let waiting = two.submit(&public, &public, &[("care_age1_2", "1")]).await;
    assert!(waiting.location().ends_with("done=waitlisted"));
    // Each booking is in the audit log with its place, written with the booking itself.
    let logged = app
        .store
        .audit_page(
            &store::audit::AuditFilter {
                action_prefix: Some("event.booking".into()),
                ..Default::default()
            },
            10,
        )
        .await
        .unwrap();
    let by: Vec<_> = logged
        .iter()
        .map(|e| (e.action, e.actor_id, e.target_id.clone()))
        .collect();
    let event_id = public.rsplit('/').next().unwrap().to_owned();
    assert_eq!(
        by,
        [
            (
                domain::audit::AuditAction::EventBookingWaitlisted,
                Some(second.id.0),
                event_id.clone()
            ),
            (
                domain::audit::AuditAction::EventBookingConfirmed,
                Some(first.id.0),
                event_id
            ),
        ]
    );

    // The first cancels; the second is offered the seat, told, and confirms.
    let mine = one.get("/nagaizumi/me/events").await;
    let booking_id = mine
        .body
        .split("/me/bookings/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    // Cancelling asks first, on a page of its own.
    let confirm_path = format!("/nagaizumi/me/bookings/{booking_id}/cancel");
    assert!(
        mine.body.contains(&confirm_path),
        "a link, not a one-tap button"
    );
    let confirm = one.get(&confirm_path).await;
    assert_eq!(confirm.status, StatusCode::OK);
    assert!(confirm.body.contains("お申し込みの取り消し"));
    assert!(confirm.body.contains("はじめての再就職セミナー"));
    assert!(confirm.body.contains("取り消しの締め切り"));
    assert_eq!(
        two.get(&confirm_path).await.status,
        StatusCode::NOT_FOUND,
        "someone else's booking"
    );
    let cancelled = one
        .submit(
            &confirm_path,
            &format!("/nagaizumi/me/bookings/{booking_id}"),
            &[("action", "cancel"), ("from", "confirmed")],
        )
        .await;
    assert!(cancelled.location().ends_with("done=cancelled"));
    let notes = app.store.notifications(second.id, 10).await.unwrap();
    assert!(
        notes.iter().any(|n| n.title.contains("空きが出ました")),
        "{notes:?}"
    );
    let outbox = crate::harness::outbox(&app.store, Some(town.id), 20).await;
    assert!(
        outbox
            .iter()
            .any(|m| m.recipient == "second@example.jp" && m.subject.contains("空きが出ました"))
    );
    let theirs = two.get("/nagaizumi/me/events").await;
    assert!(theirs.body.contains("参加を確定する"));
    let second_booking = theirs
        .body
        .split("/me/bookings/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let confirmed = two
        .submit(
            "/nagaizumi/me/events",
            &format!("/nagaizumi/me/bookings/{second_booking}"),
            &[("action", "confirm"), ("from", "offered")],
        )
        .await;
    assert!(confirmed.location().ends_with("done=confirmed"));

    // On the day, the coordinator takes attendance on the event's page, with the child at
    // childcare.
    app.shift_event(&town, id, -Duration::days(10)).await;
    let sheet = staff
        .get(&format!("/nagaizumi/coordinator/events/{id}"))
        .await;
    assert!(sheet.body.contains("出欠"));
    let session = sheet
        .body
        .split(r#"name="session" value=""#)
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let child = format!("{second_booking}:1");
    let recorded = staff
        .submit(
            &format!("/nagaizumi/coordinator/events/{id}"),
            &format!("/nagaizumi/coordinator/events/{id}"),
            &[
                ("action", "attendance"),
                ("session", &session),
                ("present", &second_booking),
                ("children", &child),
            ],
        )
        .await;
    assert_eq!(recorded.status, StatusCode::SEE_OTHER);
    let sheet = staff
        .get(&format!("/nagaizumi/coordinator/events/{id}"))
        .await;
    assert!(sheet.body.contains("出席 1名"));
    assert!(sheet.body.contains("託児 1人"));
    // The person's record shows the booking with its attendance, linked to the event.
    let record = staff
        .get(&format!(
            "/nagaizumi/coordinator/participants/{}",
            second.id.0
        ))
        .await;
    let bookings = record
        .body
        .split("イベントの申し込みと出欠")
        .nth(1)
        .unwrap();
    let bookings = bookings.split("</section>").next().unwrap();
    assert!(bookings.contains("はじめての再就職セミナー"), "{bookings}");
    assert!(bookings.contains(&format!("/nagaizumi/coordinator/events/{id}")));
    assert!(bookings.contains("申し込み済み") && bookings.contains("出席"));
    let first_record = staff
        .get(&format!(
            "/nagaizumi/coordinator/participants/{}",
            first.id.0
        ))
        .await;
    let theirs = first_record
        .body
        .split("イベントの申し込みと出欠")
        .nth(1)
        .unwrap();
    let theirs = theirs.split("</section>").next().unwrap();
    assert!(
        theirs.contains("キャンセル") && theirs.contains("出欠はまだ記録されていません"),
        "each record shows its own person's booking: {theirs}"
    );
    app.shift_event(&town, id, Duration::days(10)).await;

    // Calendars: the event's .ics and the public feed parse; the private feed is the
    // person's own and stops working when renewed.
    let ics = app
        .client()
        .get(&format!("/nagaizumi/events/{id}/calendar"))
        .await;
    assert_eq!(ics.header("content-type"), "text/calendar; charset=utf-8");
    let events = vevents(&ics.body);
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["SUMMARY"], "はじめての再就職セミナー");
    assert!(
        events[0]["DTSTART"].ends_with("T010000Z"),
        "10:00 in Japan is 01:00 UTC"
    );
    assert_eq!(
        vevents(&app.client().get("/nagaizumi/events.ics").await.body).len(),
        1
    );
    let made = two
        .submit(
            "/nagaizumi/me/events",
            "/nagaizumi/me/events",
            &[("action", "renew")],
        )
        .await;
    let path = made
        .body
        .split(r#"<code class="feed-link">"#)
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .split("127.0.0.1:8080")
        .nth(1)
        .unwrap()
        .to_owned();
    let feed = app.client().get(&path).await;
    assert_eq!(feed.status, StatusCode::OK);
    assert_eq!(vevents(&feed.body).len(), 1, "the second parent's booking");
    let feed_path = |body: &str| {
        let link = body
            .split(r#"<code class="feed-link">"#)
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap();
        link.split("127.0.0.1:8080").nth(1).unwrap().to_owned()
    };
    let first_feed = feed_path(
        &one.submit(
            "/nagaizumi/me/events",
            "/nagaizumi/me/events",
            &[("action", "renew")],
        )
        .await
        .body,
    );
    assert!(
        vevents(&app.client().get(&first_feed).await.body).is_empty(),
        "the first parent cancelled; their feed never shows the other's booking"
    );
    two.submit(
        "/nagaizumi/me/events",
        "/nagaizumi/me/events",
        &[("action", "renew")],
    )
    .await;
    assert_eq!(
        app.client().get(&path).await.status,
        StatusCode::NOT_FOUND,
        "the old link stops"
    );
    assert_eq!(
        app.client()
            .get("/nagaizumi/calendar/not-a-token.ics")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let _ = (coordinator, first);
}

#[tokio::test]
async fn completing_a_course_adds_its_skill_to_the_profile() {
    let app = TestApp::new().await;
    let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    app.add_account(
        Some(&town),
        Role::Coordinator,
        "coordinator@example.jp",
        "調整 恵",
    )
    .await;
    let learner = parent(&app, &town, "learner@example.jp", "0").await;
    let staff = signed_in(&app, "coordinator@example.jp").await;
    let new = "/nagaizumi/coordinator/events/new";
    let day = (Utc::now() + Duration::days(3)).date_naive().to_string();
    let created = staff
        .submit(
            new,
            new,
            &[
                ("kind", "course"),
                ("title", "パソコン講座"),
                ("description", "表計算の基本"),
                ("place", "公民館"),
                ("date", &day),
                ("start_time", "09:30"),
                ("end_time", "11:30"),
                ("sessions", "3"),
                ("capacity", "10"),
                ("public", "yes"),
                ("skill_id", "spreadsheet"),
                ("skill_level", "2"),
            ],
        )
        .await;
    let id = event_id(created.location());
    let person = signed_in(&app, "learner@example.jp").await;
    let public = format!("/nagaizumi/events/{id}");
    assert!(
        person
            .submit(&public, &public, &[])
            .await
            .location()
            .ends_with("done=confirmed")
    );
    let booking = app
        .store
        .tenant(&town)
        .participant_bookings(learner.id)
        .await
        .unwrap()[0]
        .id
        .to_string();
    // The course has ended; its attendance is recorded afterwards.
    app.shift_event(&town, id, -Duration::days(3 + 15)).await;
    let sessions = app.store.tenant(&town).event_sessions(id).await.unwrap();
    let sheet = format!("/nagaizumi/coordinator/events/{id}");
    for session in &sessions {
        staff
            .submit(
                &sheet,
                &sheet,
                &[
                    ("action", "attendance"),
                    ("session", &session.id.to_string()),
                    ("present", &booking),
                ],
            )
            .await;
    }
    let record = app
        .store
        .tenant(&town)
        .participant_for_test(learner.id)
        .await
        .unwrap()
        .unwrap();
    assert!(
        record
            .skills
            .iter()
            .any(|s| s.skill_id == "spreadsheet" && s.level == 2 && s.verified_at.is_some())
    );
    let mine = person.get("/nagaizumi/me/events").await;
    assert!(mine.body.contains("修了した講座"));
    assert!(mine.body.contains("パソコン講座"));
}
