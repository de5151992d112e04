//! Journey 6: from "I saw a job" to a hire. A resident finds a job on her phone, saves it and
//! asks about it; the coordinator sees the request and introduces her; the organization
//! proposes a time outside her week (warned, it confirms it was agreed by phone); she asks
//! for another; the meeting is set and she accepts; the organization reports 見送り, which the
//! coordinator confirms; a second introduction, to what the engine suggests for her on her
//! record, ends in 採用.

use chrono::{Datelike, Duration, Utc};
use domain::local_time::to_jst;

use fantoccini::Locator;

use super::{Browser, DESKTOP, PHONE, site};

/// Clicks what `xpath` finds (a link or button named by its words or its form's values).
async fn click_xpath(b: &mut Browser, xpath: &str) {
    match b.client.find(Locator::XPath(xpath)).await {
        Ok(found) => found.click().await.unwrap(),
        Err(_) => b.fail(&format!("nothing at {xpath}")).await,
    }
    tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    let url = b.client.current_url().await.unwrap().to_string();
    b.checked(&url).await;
}

/// The first day at least `days` ahead that is a Saturday (or, `saturday` false, a weekday).
fn day_ahead(days: i64, saturday: bool) -> String {
    let mut day = to_jst(Utc::now()).date_naive() + Duration::days(days);
    while (day.weekday().num_days_from_monday() == 5) != saturday
        || (!saturday && day.weekday().num_days_from_monday() > 4)
    {
        day += Duration::days(1);
    }
    day.format("%Y-%m-%d").to_string()
}

/// The introduction's id in the current address.
async fn current_id(b: &Browser) -> i64 {
    let url = b.client.current_url().await.unwrap().to_string();
    url.split("/introductions/")
        .nth(1)
        .and_then(|t| t.split('?').next())
        .and_then(|t| t.parse().ok())
        .expect("an introduction's page")
}

/// The organization accepts, then proposes `date` at `time` (`clash`: it is outside her week
/// and it confirms the warning).
async fn accept_and_propose(o: &mut Browser, page: &str, (date, time): (&str, &str), clash: bool) {
    o.go(page).await;
    o.fill("#f-note", "ぜひ一度お話を伺いたいです。").await;
    o.click("button[value=accept]").await;
    o.expect_text("記録しました").await;
    propose(o, (date, time), clash).await;
}

async fn propose(o: &mut Browser, (date, time): (&str, &str), clash: bool) {
    o.set("#f-meeting_date", date).await;
    o.set("#f-meeting_time", time).await;
    o.click("section[aria-labelledby=meeting-h] button[type=submit]")
        .await;
    if clash {
        o.expect_text("ご本人が登録した都合のよい時間帯の外です")
            .await;
        o.click("#f-clash_confirm").await;
        o.click("section[aria-labelledby=meeting-h] button[type=submit]")
            .await;
    }
    o.expect_text("記録しました").await;
}

/// She consents on her phone.
async fn consent(p: &mut Browser, base: &str, id: i64) {
    p.go(&format!("{base}/nagaizumi/me/introductions/{id}"))
        .await;
    p.click("#f-agree").await;
    p.click("button[value=consent]").await;
    p.expect_text("同意を受け付けました").await;
}

#[tokio::test]
async fn a_resident_goes_from_a_job_she_saw_to_a_hire() {
    let site = site().await;
    let base = site.base.clone();

    // On her phone: the job, saved, and "相談したい".
    let mut p = Browser::open("6-resident", "ja", PHONE).await;
    p.sign_in(&base, "hanako@demo.example.jp").await;
    p.go(&format!("{base}/nagaizumi/requests")).await;
    click_xpath(&mut p, "//main//a[contains(., '客室の準備')]").await;
    p.click("form.save-form button").await;
    p.expect_text("保存しました").await;
    p.click(".interest-card a.button").await;
    p.fill("#f-interest_message", "平日の午前なら働けます。")
        .await;
    p.click("main form button[type=submit]").await;
    p.expect_text("コーディネーターにお伝えしました").await;

    // The coordinator sees it beside the shortlist and introduces her.
    let mut c = Browser::open("6-coordinator", "ja", DESKTOP).await;
    c.sign_in(&base, "coordinator@demo.example.jp").await;
    c.go(&format!("{base}/nagaizumi/coordinator/interests"))
        .await;
    c.expect_text("長泉 花子").await;
    c.click(".interest a[href*='/coordinator/requests/']").await;
    c.click(".interest form.inline-form button").await;
    c.expect_text("ご紹介しました").await;
    let first = current_id(&c).await;
    consent(&mut p, &base, first).await;

    // The organization proposes a Saturday, outside her week; she asks for another time.
    let mut o = Browser::open("6-organization", "ja", DESKTOP).await;
    o.sign_in(&base, "inn@demo.example.jp").await;
    let org_page = format!("{base}/nagaizumi/org/introductions/{first}");
    let saturday = day_ahead(2, true);
    accept_and_propose(&mut o, &org_page, (&saturday, "10:30"), true).await;
    p.go(&format!("{base}/nagaizumi/me/introductions/{first}"))
        .await;
    p.fill(
        "#f-meeting_note",
        "土曜は子どもの習い事があります。平日の午前だと助かります。",
    )
    .await;
    p.click("button[value=another_time]").await;
    p.expect_text("別の日時").await;

    // A weekday morning this time, which she accepts.
    o.go(&org_page).await;
    o.expect_text("平日の午前だと助かります").await;
    propose(&mut o, (&day_ahead(7, false), "10:00"), false).await;
    p.go(&format!("{base}/nagaizumi/me/introductions/{first}"))
        .await;
    p.click("button[value=accepted]").await;
    p.expect_text("了承").await;

    // After the meeting: 見送り, confirmed by the coordinator.
    o.go(&org_page).await;
    o.set("#f-verdict", "not_hired").await;
    o.set("#f-pass_reason", "schedule").await;
    o.fill("#f-result_note", "午後も入れる方を探しています。")
        .await;
    o.click("section[aria-labelledby=result-h] button[type=submit]")
        .await;
    o.expect_text("ご報告ありがとうございました").await;
    c.go(&format!(
        "{base}/nagaizumi/coordinator/introductions/{first}"
    ))
    .await;
    c.expect_text("見送り（勤務の日時が合わなかった）").await;
    c.click("section[aria-labelledby=outcome-h] button").await;
    c.expect_text("記録しました").await;

    // A second introduction: 採用.
    let town = site
        ._store
        .municipality_by_slug("nagaizumi")
        .await
        .unwrap()
        .unwrap();
    let hanako = site
        ._store
        .tenant(&town)
        .account_by_email("hanako@demo.example.jp")
        .await
        .unwrap()
        .unwrap()
        .id
        .0;
    // From her record, where the engine suggests what fits her now: the inn's yukata
    // classes, run by a team she can join from home.
    c.go(&format!(
        "{base}/nagaizumi/coordinator/participants/{hanako}"
    ))
    .await;
    let introduce = "//*[contains(@class, 'match')][contains(., '浴衣')]//form[contains(@action, '/introductions')]//button";
    click_xpath(&mut c, introduce).await;
    c.expect_text("ご紹介しました").await;
    let second = current_id(&c).await;
    assert_ne!(first, second);
    consent(&mut p, &base, second).await;
    let org_page = format!("{base}/nagaizumi/org/introductions/{second}");
    accept_and_propose(&mut o, &org_page, (&day_ahead(8, false), "10:00"), false).await;
    o.set("#f-verdict", "hired").await;
    o.click("section[aria-labelledby=result-h] button[type=submit]")
        .await;
    o.expect_text("ご報告ありがとうございました").await;
    c.go(&format!(
        "{base}/nagaizumi/coordinator/introductions/{second}"
    ))
    .await;
    c.expect_text("採用").await;
    c.set("#f-kind", "own_pace").await;
    c.fill("#f-hours_per_week", "12").await;
    c.set("#f-pay_band", "1100_1299").await;
    c.click("section[aria-labelledby=outcome-h] button").await;
    c.expect_text("就労後3か月のフォローアップ").await;
    p.go(&format!("{base}/nagaizumi/me/")).await;
    p.expect_text("保存した仕事").await;
    p.close().await;
    o.close().await;
    c.close().await;
}
