//! A coordinator's events after they are made: the form's date rules, editing (registrants
//! told of a new date or place, not of a new title), the upcoming / past / cancelled lists,
//! attendance after the end until the limit, and cancelling on a page of its own with a
//! reason the registrants are given.

use axum::http::StatusCode;
use chrono::{Duration, Utc};
use domain::Role;

use crate::events::{event_id, parent, signed_in};
use crate::harness::{TestApp, outbox};

/// A seminar `days` ahead at 10:00–11:30, made through the form; its id.
async fn seminar(staff: &crate::harness::Client<'_>, days: i64, title: &str) -> i64 {
    let new = "/nagaizumi/coordinator/events/new";
    let day = (Utc::now() + Duration::days(days)).date_naive().to_string();
    let created = staff
        .submit(
            new,
            new,
            &[
                ("kind", "seminar"),
                ("title", title),
                ("description", "働き方の選び方"),
                ("place", "公民館"),
                ("date", &day),
                ("start_time", "10:00"),
                ("end_time", "11:30"),
                ("capacity", "10"),
                ("public", "yes"),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    assert!(created.location().ends_with("?done=created"));
    event_id(created.location())
}

#[tokio::test]
async fn deadlines_after_the_event_are_refused_on_their_fields_and_nothing_is_lost() {
    let app = TestApp::new().await;
    let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    app.add_account(Some(&town), Role::Coordinator, "c@example.jp", "調整 恵")
        .await;
    let staff = signed_in(&app, "c@example.jp").await;
    let new = "/nagaizumi/coordinator/events/new";
    let day = (Utc::now() + Duration::days(10)).date_naive();
    let later = (day + Duration::days(1)).to_string();
    let bad = staff
        .submit(
            new,
            new,
            &[
                ("kind", "seminar"),
                ("title", "再就職セミナー"),
                ("description", "説明"),
                ("place", "公民館"),
                ("date", &day.to_string()),
                ("start_time", "10:00"),
                ("end_time", "11:30"),
                ("capacity", "10"),
                ("closes_on", &later),
                ("cancel_until", &later),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["closes_on", "cancel_until"] {
        let error = format!(r#"id="f-{field}-error""#);
        let at = bad.body.find(&error).unwrap_or_else(|| panic!("{field}"));
        assert!(bad.body[at..].contains("イベントの日かそれより前の日付にしてください"));
    }
    assert!(bad.body.contains("再就職セミナー"), "typed values are kept");
    let none = app
        .store
        .tenant(&town)
        .staff_events(store::event::EventTab::Upcoming, Utc::now(), 10)
        .await
        .unwrap();
    assert!(none.is_empty(), "nothing was saved");
}

#[tokio::test]
async fn an_edit_that_moves_the_event_tells_everyone_registered() {
    let app = TestApp::new().await;
    let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    app.add_account(Some(&town), Role::Coordinator, "c@example.jp", "調整 恵")
        .await;
    parent(&app, &town, "p@example.jp", "0").await;
    let staff = signed_in(&app, "c@example.jp").await;
    let id = seminar(&staff, 10, "再就職セミナー").await;
    let person = signed_in(&app, "p@example.jp").await;
    let public = format!("/nagaizumi/events/{id}");
    assert!(
        person
            .submit(&public, &public, &[])
            .await
            .location()
            .ends_with("done=confirmed")
    );
    let mails_before = outbox(&app.store, Some(town.id), 50).await.len();

    // A new title alone is saved and no one is told.
    let edit = format!("/nagaizumi/coordinator/events/{id}/edit");
    let form = staff.get(&edit).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.body.contains(r#"value="再就職セミナー""#),
        "filled from the event"
    );
    assert!(
        !form.body.contains(r#"name="capacity""#),
        "seats have their own form"
    );
    let day = (Utc::now() + Duration::days(10)).date_naive().to_string();
    let fields = |title: &'static str, place: &'static str, start: &'static str| {
        vec![
            ("title", title.to_owned()),
            ("description", "働き方の選び方".to_owned()),
            ("place", place.to_owned()),
            ("date", day.clone()),
            ("start_time", start.to_owned()),
            ("end_time", "11:30".to_owned()),
            ("public", "yes".to_owned()),
            // An edit cannot change the kind or the seats, whatever the form says.
            ("kind", "course".to_owned()),
            ("capacity", "1".to_owned()),
        ]
    };
    let send = |fields: Vec<(&'static str, String)>| {
        let (staff, edit) = (&staff, edit.clone());
        async move {
            let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            staff.submit(&edit, &edit, &pairs).await
        }
    };
    let saved = send(fields("はじめての再就職セミナー", "公民館", "10:00")).await;
    assert!(
        saved.location().ends_with("?done=saved"),
        "{}",
        saved.location()
    );
    let page = staff.get(saved.location()).await;
    assert!(page.body.contains("変更を保存しました。"));
    assert!(page.body.contains("はじめての再就職セミナー"));
    let event = app.store.tenant(&town).event(id).await.unwrap().unwrap();
    assert_eq!((event.kind.code(), event.capacity), ("seminar", 10));
    assert_eq!(
        outbox(&app.store, Some(town.id), 50).await.len(),
        mails_before
    );

    // A new place and time: saved, and the registrant is told (notice and mail).
    let moved = send(fields(
        "はじめての再就職セミナー",
        "長泉町役場 3階",
        "10:30",
    ))
    .await;
    assert!(moved.location().ends_with("?done=saved-told"));
    let told = person.get("/nagaizumi/notifications").await;
    assert!(
        told.body.contains("日時・会場が変わりました"),
        "{}",
        told.body
    );
    assert!(told.body.contains("長泉町役場 3階"));
    let mail = crate::harness::mail_to(&app.store, "p@example.jp").await;
    assert!(mail.subject.contains("日時・会場が変わりました"));
    assert!(mail.body_text.contains("10:30"));

    // A bad edit names its field and changes nothing.
    let bad = send(fields("", "長泉町役場 3階", "10:30")).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains(r#"id="f-title-error""#));
    let event = app.store.tenant(&town).event(id).await.unwrap().unwrap();
    assert_eq!(event.title, "はじめての再就職セミナー");
}

#[tokio::test]
async fn an_ended_event_stays_listed_and_takes_attendance_until_the_limit() {
    let app = TestApp::new().await;
    let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    app.add_account(Some(&town), Role::Coordinator, "c@example.jp", "調整 恵")
        .await;
    let person = parent(&app, &town, "p@example.jp", "0").await;
    let staff = signed_in(&app, "c@example.jp").await;
    let yesterday = seminar(&staff, 3, "昨日のセミナー").await;
    let long_ago = seminar(&staff, 4, "先々月のセミナー").await;
    let coming = seminar(&staff, 5, "来週のセミナー").await;
    let client = signed_in(&app, "p@example.jp").await;
    for id in [yesterday, long_ago, coming] {
        let public = format!("/nagaizumi/events/{id}");
        client.submit(&public, &public, &[]).await;
    }
    app.shift_event(&town, yesterday, -Duration::days(4)).await;
    app.shift_event(&town, long_ago, -Duration::days(4 + 60))
        .await;

    let upcoming = staff.get("/nagaizumi/coordinator/events").await;
    assert!(upcoming.body.contains("来週のセミナー"));
    assert!(!upcoming.body.contains("昨日のセミナー"));
    assert!(
        upcoming.body.contains("終了（2）"),
        "the tab counts ended events"
    );
    let past = staff.get("/nagaizumi/coordinator/events?tab=past").await;
    let (y, l) = (
        past.body.find("昨日のセミナー").unwrap(),
        past.body.find("先々月のセミナー").unwrap(),
    );
    assert!(y < l, "latest first");

    // Yesterday's: attendance is recorded.
    let booking = |event: i64| {
        let tenant = app.store.tenant(&town);
        async move {
            let b = tenant.event_bookings(event).await.unwrap();
            let s = tenant.event_sessions(event).await.unwrap();
            (b[0].id.to_string(), s[0].id.to_string())
        }
    };
    let (b, s) = booking(yesterday).await;
    let sheet = format!("/nagaizumi/coordinator/events/{yesterday}");
    let recorded = staff
        .submit(
            &sheet,
            &sheet,
            &[("action", "attendance"), ("session", &s), ("present", &b)],
        )
        .await;
    assert!(
        recorded.location().contains("done=attendance"),
        "{}",
        recorded.location()
    );
    assert_eq!(
        app.store
            .tenant(&town)
            .attendance(yesterday)
            .await
            .unwrap()
            .len(),
        1
    );

    // Two months ago (past the 30 days): the sheet is read-only and a late post is refused.
    let (b, s) = booking(long_ago).await;
    let sheet = format!("/nagaizumi/coordinator/events/{long_ago}");
    let page = staff.get(&sheet).await;
    assert!(page.body.contains("出欠は記録されたとおりに確定しています"));
    assert!(!page.body.contains(r#"value="attendance""#));
    let late = staff
        .submit(
            &sheet,
            &sheet,
            &[("action", "attendance"), ("session", &s), ("present", &b)],
        )
        .await;
    assert!(late.location().contains("done=attendance-closed"));
    assert!(
        app.store
            .tenant(&town)
            .attendance(long_ago)
            .await
            .unwrap()
            .is_empty()
    );

    // Next week's: not yet.
    let (b, s) = booking(coming).await;
    let sheet = format!("/nagaizumi/coordinator/events/{coming}");
    let early = staff
        .submit(
            &sheet,
            &sheet,
            &[("action", "attendance"), ("session", &s), ("present", &b)],
        )
        .await;
    assert!(early.location().contains("done=attendance-not-yet"));
    assert!(
        app.store
            .tenant(&town)
            .attendance(coming)
            .await
            .unwrap()
            .is_empty()
    );
    let _ = person;
}

#[tokio::test]
async fn cancelling_asks_for_confirmation_and_a_reason_the_registrants_are_given() {
    let app = TestApp::new().await;
    let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    app.add_account(Some(&town), Role::Coordinator, "c@example.jp", "調整 恵")
        .await;
    parent(&app, &town, "p@example.jp", "0").await;
    let staff = signed_in(&app, "c@example.jp").await;
    let id = seminar(&staff, 10, "再就職セミナー").await;
    let person = signed_in(&app, "p@example.jp").await;
    let public = format!("/nagaizumi/events/{id}");
    person.submit(&public, &public, &[]).await;

    let detail = staff
        .get(&format!("/nagaizumi/coordinator/events/{id}"))
        .await;
    let confirm = format!("/nagaizumi/coordinator/events/{id}/cancel");
    assert!(
        detail.body.contains(&format!(r#"href="{confirm}""#)),
        "a link, not a button that cancels"
    );
    let page = staff.get(&confirm).await;
    assert!(page.body.contains("1名に、中止と理由をお知らせします"));

    let bare = staff
        .submit(&confirm, &confirm, &[("cancel_reason", "  ")])
        .await;
    assert_eq!(bare.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bare.body.contains(r#"id="f-cancel_reason-error""#));
    assert!(
        !app.store
            .tenant(&town)
            .event(id)
            .await
            .unwrap()
            .unwrap()
            .is_cancelled()
    );

    let done = staff
        .submit(
            &confirm,
            &confirm,
            &[("cancel_reason", "講師の急病のため。")],
        )
        .await;
    assert!(done.location().ends_with("?done=cancelled"));
    let told = person.get("/nagaizumi/notifications").await;
    assert!(
        told.body.contains("理由：講師の急病のため。"),
        "{}",
        told.body
    );
    let shown = app.client().get(&public).await;
    assert!(
        shown
            .body
            .contains("中止になりました（理由：講師の急病のため）")
    );
    let cancelled = staff
        .get("/nagaizumi/coordinator/events?tab=cancelled")
        .await;
    assert!(cancelled.body.contains("再就職セミナー"));
    assert_eq!(
        staff.get(&confirm).await.status,
        StatusCode::NOT_FOUND,
        "once only"
    );
    assert_eq!(
        staff
            .get(&format!("/nagaizumi/coordinator/events/{id}/edit"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn consultation_slots_are_made_in_series_all_or_none() {
    let app = TestApp::new().await;
    let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    app.add_account(Some(&town), Role::Coordinator, "c@example.jp", "調整 恵")
        .await;
    let staff = signed_in(&app, "c@example.jp").await;
    let slots = "/nagaizumi/coordinator/events/slots";
    let list = staff.get("/nagaizumi/coordinator/events").await;
    assert!(list.body.contains(&format!(r#"href="{slots}""#)));
    let day = (Utc::now() + Duration::days(7)).date_naive().to_string();
    let fields = |weeks: &'static str, minutes: &'static str| {
        vec![
            ("title", "キャリア相談（個別）".to_owned()),
            ("description", "働き方の相談".to_owned()),
            ("place", "役場 相談室".to_owned()),
            ("date", day.clone()),
            ("start_time", "10:00".to_owned()),
            ("end_time", "12:00".to_owned()),
            ("slot_minutes", minutes.to_owned()),
            ("weeks", weeks.to_owned()),
            ("public", "yes".to_owned()),
        ]
    };
    let send = |fields: Vec<(&'static str, String)>| {
        let staff = &staff;
        async move {
            let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            staff.submit(slots, slots, &pairs).await
        }
    };
    let bad = send(fields("0", "150")).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains(r#"id="f-weeks-error""#));
    assert!(bad.body.contains("週の数は1〜26で入力してください。"));
    assert!(bad.body.contains("役場 相談室"), "typed values are kept");
    let upcoming = || async {
        app.store
            .tenant(&town)
            .staff_events(store::event::EventTab::Upcoming, Utc::now(), 100)
            .await
            .unwrap()
    };
    assert!(upcoming().await.is_empty(), "none made");

    let made = send(fields("8", "30")).await;
    assert!(
        made.location().ends_with("done=slots&count=32"),
        "{}",
        made.location()
    );
    let page = staff.get(made.location()).await;
    assert!(page.body.contains("相談枠を32件作成しました。"));
    let events = upcoming().await;
    assert_eq!(events.len(), 32);
    assert!(
        events
            .iter()
            .all(|e| e.capacity == 1 && e.kind.code() == "consultation")
    );
    assert_eq!(
        events[1].starts_at - events[0].starts_at,
        Duration::minutes(30)
    );
    assert_eq!(
        events[4].starts_at - events[0].starts_at,
        Duration::weeks(1)
    );
}
