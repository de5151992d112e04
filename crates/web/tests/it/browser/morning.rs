//! Journey 5: the coordinator's morning, at desktop size (every step is also shot on a phone):
//! open the home's work queue, handle a review from it, contact a new registration with an
//! intake hearing, record yesterday's seminar attendance, and edit next week's event so the
//! people registered are told.

use fantoccini::Locator;

use super::{Browser, DESKTOP, site_with_history};

/// The address of the first link `css` finds.
async fn first_href(b: &Browser, css: &str) -> String {
    match b.client.find(Locator::Css(css)).await {
        Ok(link) => link.attr("href").await.unwrap().unwrap(),
        Err(_) => b.fail(&format!("no link {css}")).await,
    }
}

#[tokio::test]
async fn the_coordinators_morning() {
    let site = site_with_history().await;
    let base = site.base.clone();
    let home = format!("{base}/nagaizumi/coordinator/");
    let mut c = Browser::open("5-coordinators-morning", "ja", DESKTOP).await;
    c.sign_in(&base, "coordinator@demo.example.jp").await;
    c.go(&home).await;
    c.expect_text("今日のお仕事").await;

    // A review from the queue: the queue opens on 審査待ち, the request is published.
    c.click(".work-queue a[href$='requests?status=submitted']")
        .await;
    c.expect_text("審査待ち").await;
    let request = first_href(&c, "main .data-table a").await;
    c.go(&format!("{base}{request}")).await;
    c.fill("#f-comment", "内容を確認しました。公開します。")
        .await;
    c.click("button[value=publish]").await;
    c.expect_text("状態を更新しました").await;

    // A new registration not yet contacted: an intake hearing by phone.
    c.go(&home).await;
    c.click(".work-queue a[href$='contact=never']").await;
    let record = first_href(&c, "main .data-table a").await;
    c.go(&format!("{base}{record}")).await;
    c.fill(
        "#f-goals",
        "子どもが小学校に上がるので、午前中の仕事を探したい",
    )
    .await;
    c.fill("#f-worries", "ブランクが7年あり、パソコンに不安がある")
        .await;
    c.click("section[aria-labelledby=hearing-h] button[type=submit]")
        .await;
    c.expect_text("ヒアリングを記録しました").await;

    // Yesterday's seminar, now in the ended tab: who came is recorded.
    c.go(&format!("{base}/nagaizumi/coordinator/events?tab=past"))
        .await;
    c.expect_text("終了したイベントも、出欠と講座の修了を記録できます")
        .await;
    let seminar = first_href(&c, "main .event-card a").await;
    c.go(&format!("{base}{seminar}")).await;
    let boxes = c
        .client
        .find_all(Locator::Css("input[name=present]"))
        .await
        .unwrap();
    if boxes.len() < 3 {
        c.fail("yesterday's seminar has people booked").await;
    }
    for present in &boxes[..boxes.len() - 1] {
        present.click().await.unwrap();
    }
    c.click("form:has(input[name=present]) button[type=submit]")
        .await;
    let came = boxes.len() - 1;
    c.expect_text(&format!("出席 {came}名")).await;
    c.expect_text("欠席 1名").await;

    // Next week's event moves to another room; the people booked are told.
    c.go(&format!("{base}/nagaizumi/coordinator/events?tab=upcoming"))
        .await;
    // The first seminar ahead (the consultation slots before it have no one booked).
    let event = match c
        .client
        .find(Locator::XPath(
            "//li[contains(@class, 'event-card')][.//span[@class='badge-kind' and text()='セミナー']]//a",
        ))
        .await
    {
        Ok(link) => link.attr("href").await.unwrap().unwrap(),
        Err(_) => c.fail("a seminar ahead").await,
    };
    c.go(&format!("{base}{event}")).await;
    c.click("a[href$='/edit']").await;
    c.fill("#f-place", "長泉町役場 2階 大会議室").await;
    c.click("main form button[type=submit]").await;
    c.expect_text("申し込んでいる方に日時・会場の変更をお知らせしました")
        .await;
    c.expect_text("長泉町役場 2階 大会議室").await;
    c.close().await;

    // Everyone booked on it has the change in their notifications.
    let id: i64 = event.rsplit('/').next().unwrap().parse().unwrap();
    let town = site
        ._store
        .municipality_by_slug("nagaizumi")
        .await
        .unwrap()
        .unwrap();
    let tenant = site._store.tenant(&town);
    let booked = tenant.event_bookings(id).await.unwrap();
    assert!(!booked.is_empty(), "next week's event has people booked");
    for booking in booked.iter().filter(|b| b.status.is_active()) {
        let notices = site
            ._store
            .notifications(store::account::AccountId(booking.participant_id), 20)
            .await
            .unwrap();
        assert!(
            notices
                .iter()
                .any(|n| n.kind == domain::message::NoticeKind::EventChanged),
            "booking {} was told of the change",
            booking.id
        );
    }
}
