//! Journeys in a real headless Chromium, driven over WebDriver (fantoccini) against the app
//! served on 127.0.0.1 from a fresh database with the demo town, on this run's backend. Every
//! page visited is checked with axe-core (no serious or critical violation); each step is
//! saved as a screenshot under `target/browser-artifacts/`, and a failing step also saves the
//! page's HTML there. `scripts/test` starts chromedriver and installs axe-core.

use std::path::PathBuf;
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use store::testing::{TestStore, fresh_store};

mod job_to_hire;
mod morning;

const PHONE: (u32, u32) = (390, 844);
const DESKTOP: (u32, u32) = (1280, 900);

/// The app on a real port, with the demo town.
struct Site {
    base: String,
    _store: TestStore,
}

async fn site() -> Site {
    let store = fresh_store().await;
    demo::load_if_empty(&store).await.unwrap().unwrap();
    serve(store).await
}

/// The app with the demo town and its casework history: the past two years' events with their
/// attendance, yesterday's seminar still to be marked, and bookings on the next weeks' events.
async fn site_with_history() -> Site {
    let store = fresh_store().await;
    let town = demo::load_if_empty(&store).await.unwrap().unwrap();
    let coordinator = store
        .tenant(&town)
        .account_by_email("coordinator@demo.example.jp")
        .await
        .unwrap()
        .unwrap();
    demo::load_casework_history(&store, &town, coordinator.id)
        .await
        .unwrap();
    serve(store).await
}

async fn serve(store: TestStore) -> Site {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let config = web::WebConfig {
        public_url: format!("http://{address}"),
        ..web::WebConfig::default()
    };
    let state = web::AppState::new(store.store.clone(), config)
        .await
        .unwrap();
    let app = web::router(state);
    tokio::spawn(web::server::serve(
        listener,
        app,
        web::server::Timeouts::default(),
        std::future::pending(),
    ));
    Site {
        base: format!("http://{address}"),
        _store: store,
    }
}

/// A browser session for one journey, with its artifacts folder.
struct Browser {
    client: Client,
    journey: &'static str,
    step: u32,
    axe: String,
    size: (u32, u32),
}

fn artifacts(journey: &str) -> PathBuf {
    let backend = std::env::var("WAKUCAREER_TEST_BACKEND").unwrap_or_else(|_| "sqlite".into());
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../target/browser-artifacts")
        .join(backend)
        .join(journey);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

impl Browser {
    async fn open(journey: &'static str, lang: &str, (w, h): (u32, u32)) -> Self {
        let webdriver = std::env::var("WAKUCAREER_TEST_WEBDRIVER").expect(
            "WAKUCAREER_TEST_WEBDRIVER is not set: run the tests through ./scripts/test, which starts chromedriver",
        );
        let axe_path = std::env::var("WAKUCAREER_TEST_AXE")
            .expect("WAKUCAREER_TEST_AXE is not set: run the tests through ./scripts/test, which installs axe-core");
        let profile = tempfile::tempdir().unwrap().keep();
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), json!("chrome"));
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": "/usr/bin/chromium",
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", format!("--user-data-dir={}", profile.display()),
                    format!("--lang={lang}"), format!("--window-size={w},{h}"),
                ],
                "prefs": { "intl.accept_languages": lang },
            }),
        );
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&webdriver)
            .await
            .expect("a Chromium session through chromedriver");
        client.set_window_size(w, h).await.unwrap();
        Self {
            client,
            journey,
            step: 0,
            axe: std::fs::read_to_string(axe_path).expect("axe.min.js"),
            size: (w, h),
        }
    }

    async fn go(&mut self, url: &str) {
        self.client.goto(url).await.unwrap();
        self.checked(url).await;
        self.checked_in_other_language(url).await;
    }

    /// The same page in the other language (switched the way a person switches, through the
    /// header's language link), scanned for raw keys and codes; then back to the journey's.
    async fn checked_in_other_language(&mut self, url: &str) {
        let shown = self
            .client
            .execute("return document.documentElement.lang;", vec![])
            .await
            .unwrap();
        let shown = if shown.as_str() == Some("en") {
            "en"
        } else {
            "ja"
        };
        let other = if shown == "en" { "ja" } else { "en" };
        let parsed = url::Url::parse(url).unwrap();
        let here = match parsed.query() {
            Some(query) => format!("{}?{query}", parsed.path()),
            None => parsed.path().to_owned(),
        };
        let next: String = url::form_urlencoded::byte_serialize(here.as_bytes()).collect();
        let origin = parsed.origin().ascii_serialization();
        self.client
            .goto(&format!("{origin}/lang/{other}?next={next}"))
            .await
            .unwrap();
        self.scan_for_raw_keys(&format!("{url} ({other})")).await;
        self.client
            .goto(&format!("{origin}/lang/{shown}?next={next}"))
            .await
            .unwrap();
    }

    /// Fails if the page shows anything that looks like an untranslated key or a stored code.
    async fn scan_for_raw_keys(&self, what: &str) {
        let text = self
            .client
            .execute(
                "const parts = [document.title, document.body.innerText];
                 document.querySelectorAll('[placeholder],[aria-label],[title],[alt]').forEach(e => {
                   for (const a of ['placeholder', 'aria-label', 'title', 'alt']) {
                     if (e.hasAttribute(a)) parts.push(e.getAttribute(a));
                   }
                 });
                 document.querySelectorAll('input[type=submit],input[type=button]').forEach(e => parts.push(e.value));
                 return parts.join('\\n');",
                vec![],
            )
            .await
            .unwrap();
        let lang = self
            .client
            .execute("return document.documentElement.lang;", vec![])
            .await
            .unwrap();
        let found = super::raw_keys::find(
            text.as_str().unwrap_or_default(),
            lang.as_str().unwrap_or("ja"),
        );
        if !found.is_empty() {
            self.fail(&format!("raw keys or codes on {what}: {found:?}"))
                .await;
        }
    }

    /// After a page loads: its accessibility check and its screenshots, at the journey's own
    /// size and at the other one (phone and desktop), the window then put back.
    async fn checked(&mut self, what: &str) {
        self.step += 1;
        let dir = artifacts(self.journey);
        let (own, other) = if self.size == PHONE {
            (("phone", PHONE), ("desktop", DESKTOP))
        } else {
            (("desktop", DESKTOP), ("phone", PHONE))
        };
        let shot = self.client.screenshot().await.unwrap();
        std::fs::write(dir.join(format!("{:02}-{}.png", self.step, own.0)), shot).unwrap();
        self.client
            .set_window_size(other.1.0, other.1.1)
            .await
            .unwrap();
        let shot = self.client.screenshot().await.unwrap();
        std::fs::write(dir.join(format!("{:02}-{}.png", self.step, other.0)), shot).unwrap();
        self.client.set_window_size(own.1.0, own.1.1).await.unwrap();
        let violations = self.axe_violations(&dir).await;
        if !violations.is_empty() {
            self.fail(&format!("axe on {what}: {violations:?}")).await;
        }
        self.scan_for_raw_keys(what).await;
    }

    /// Serious and critical axe-core violations on the current page: (rule, first target).
    /// The whole run (every rule with its WCAG tags and outcome, and the page's path) is saved
    /// as `NN-axe.json` beside the screenshots: `wakucareer admin accessibility-report` reads
    /// these to write the accessibility statement's test results.
    async fn axe_violations(&self, dir: &std::path::Path) -> Vec<(String, String)> {
        self.client.execute(&self.axe, vec![]).await.unwrap();
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 const rule = r => ({ id: r.id, tags: r.tags });
                 axe.run(document).then(r => done({
                   path: location.pathname, lang: document.documentElement.lang,
                   passes: r.passes.map(rule), inapplicable: r.inapplicable.map(rule),
                   incomplete: r.incomplete.map(rule),
                   violations: r.violations.map(v => ({
                     id: v.id, tags: v.tags, impact: v.impact,
                     target: (v.nodes[0] && v.nodes[0].target.join(' ')) || ''
                   })) })).catch(e => done({ passes: [], violations: [{ id: 'axe-error', tags: [], impact: 'critical', target: String(e) }] }));",
                vec![],
            )
            .await
            .unwrap();
        assert!(
            result["passes"].as_array().is_some_and(|p| !p.is_empty()),
            "axe-core ran and checked rules: {result}"
        );
        std::fs::write(
            dir.join(format!("{:02}-axe.json", self.step)),
            serde_json::to_string(&result).unwrap(),
        )
        .unwrap();
        result["violations"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
            .map(|v| {
                (
                    v["id"].as_str().unwrap_or_default().to_owned(),
                    v["target"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect()
    }

    /// Saves the page's HTML beside its screenshot, then fails the test.
    async fn fail(&self, why: &str) -> ! {
        let dir = artifacts(self.journey);
        let html = self.client.source().await.unwrap_or_default();
        std::fs::write(dir.join(format!("{:02}-failed.html", self.step)), html).unwrap();
        if let Ok(shot) = self.client.screenshot().await {
            std::fs::write(dir.join(format!("{:02}-failed.png", self.step)), shot).unwrap();
        }
        panic!(
            "{}: step {}: {why} (artifacts in {})",
            self.journey,
            self.step,
            dir.display()
        );
    }

    async fn text(&self) -> String {
        self.client
            .find(Locator::Css("main"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }

    async fn expect_text(&self, needle: &str) {
        let text = self.text().await;
        if !text.contains(needle) {
            self.fail(&format!("expected {needle:?} on the page")).await;
        }
    }

    async fn fill(&self, css: &str, value: &str) {
        let field = self.client.find(Locator::Css(css)).await.unwrap();
        field.clear().await.unwrap();
        field.send_keys(value).await.unwrap();
    }

    /// Sets a control's value as a person choosing it would (selects, dates, times).
    async fn set(&self, css: &str, value: &str) {
        self.client
            .execute(
                "const el = document.querySelector(arguments[0]); el.value = arguments[1]; el.dispatchEvent(new Event('change', {bubbles: true}));",
                vec![json!(css), json!(value)],
            )
            .await
            .unwrap();
    }

    async fn click(&mut self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(150)).await;
        let url = self.client.current_url().await.unwrap().to_string();
        self.checked(&url).await;
    }

    /// A finger pressed on `from`, moved to `to` and lifted.
    async fn drag(&mut self, from: &str, to: &str) {
        use fantoccini::actions::{InputSource, PointerAction, TouchActions};
        let start = self.client.find(Locator::Css(from)).await.unwrap();
        let end = self.client.find(Locator::Css(to)).await.unwrap();
        let at = |element, duration| PointerAction::MoveToElement {
            element,
            duration,
            x: 0.0,
            y: 0.0,
        };
        let finger = TouchActions::new("finger".into())
            .then(at(start, None))
            .then(PointerAction::Down { button: 0 })
            .then(at(end, Some(std::time::Duration::from_millis(300))))
            .then(PointerAction::Pause {
                duration: std::time::Duration::from_millis(100),
            })
            .then(PointerAction::Up { button: 0 });
        self.client.perform_actions(finger).await.unwrap();
    }

    async fn sign_in(&mut self, base: &str, email: &str) {
        self.go(&format!("{base}/nagaizumi/login")).await;
        self.fill("#f-email", email).await;
        self.fill("#f-password", demo::DEMO_PASSWORD).await;
        self.click("main form button[type=submit]").await;
    }

    async fn close(self) {
        self.client.close().await.unwrap();
    }
}

/// Journey 1, on a phone: a parent registers, fills the profile with the availability grid,
/// and books a seminar with childcare for a two-year-old.
#[tokio::test]
async fn a_parent_registers_fills_the_profile_and_books_a_seminar_with_childcare() {
    let site = site().await;
    let base = site.base.clone();
    let mut b = Browser::open("1-parent", "ja", PHONE).await;
    b.go(&format!("{base}/nagaizumi/")).await;
    b.expect_text("イベント・講座を見る").await;
    b.go(&format!("{base}/nagaizumi/signup")).await;
    b.fill("#f-email", "sakura@example.jp").await;
    b.click("main form button[type=submit]").await;
    b.expect_text("sakura@example.jp にメールをお送りしました")
        .await;
    // The link, as the parent receives it by mail.
    let mail = crate::harness::mail_to(&site._store, "sakura@example.jp").await;
    let link = crate::harness::link_path(&mail.body_text);
    b.go(&format!("{base}{link}")).await;
    b.expect_text("登録するメールアドレス: sakura@example.jp")
        .await;
    b.fill("#f-display_name", "泉 さくら").await;
    b.fill("#f-furigana", "いずみ さくら").await;
    b.fill("#f-password", "sakura-no-hana-2026").await;
    let value: Value = b
        .client
        .execute(
            "return document.querySelector('#f-eligibility option:nth-child(2)').value",
            vec![],
        )
        .await
        .unwrap();
    b.set("#f-eligibility", value.as_str().unwrap()).await;
    b.click("#f-privacy_consent").await;
    b.click("main form button[type=submit]").await;
    b.expect_text("泉 さくら").await;

    // The profile: a two-year-old, weekday mornings ticked on the grid.
    b.go(&format!("{base}/nagaizumi/me/profile")).await;
    b.fill("#f-postal_code", "411-0943").await;
    b.set("#f-goal_track", "own_pace").await;
    b.fill("#f-max_hours_per_week", "10").await;
    b.set("#f-income_cap", "none").await;
    b.set("#f-work_place", "either").await;
    b.fill("#f-children_age1_2", "1").await;
    // Monday to Friday 9:00–11:00, set the way a phone user would: Monday's column by its
    // heading (in place, by script), a finger dragged down Tuesday, a ready-made week added
    // (through the server), then the 11:00 and 11:30 rows cleared by their headings.
    b.click("button[value=day-mon]").await;
    b.expect_text("月 6:00〜22:00、週16時間").await;
    b.click("button[value=day-mon]").await;
    b.expect_text("まだ時間帯が選ばれていません").await;
    b.drag("input[value=tue-18]", "input[value=tue-21]").await;
    b.expect_text("火 9:00〜11:00、週2時間").await;
    b.set("#grid-preset", "weekday_mornings").await;
    b.click("button[name=grid][value=add]").await;
    b.expect_text("月〜金 9:00〜12:00、週15時間").await;
    b.expect_text("まだ保存されていません").await;
    // A part-ticked row fills first (the weekend too); pressed again, it empties.
    b.click("button[value=row-22]").await;
    b.expect_text("土・日 11:00〜11:30").await;
    b.click("button[value=row-22]").await;
    b.click("button[value=row-23]").await;
    b.click("button[value=row-23]").await;
    b.expect_text("月〜金 9:00〜11:00、週10時間").await;
    b.click("main form > button[type=submit]:last-of-type")
        .await;
    b.expect_text("プロフィールを保存しました").await;

    // The seminar with childcare.
    b.go(&format!("{base}/nagaizumi/events?childcare=1")).await;
    let link = b
        .client
        .find(Locator::XPath("//a[contains(., '再就職セミナー')]"))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    b.go(&format!("{base}{link}")).await;
    b.fill("#f-care_age1_2", "1").await;
    b.click("section[aria-labelledby=book-h] button").await;
    b.expect_text("託児のお子さまの枠も確保しました").await;
    b.expect_text("1〜2歳: あと11人").await;
    b.close().await;
}

/// Keyboard only: the registration form and the availability grid can be reached with Tab,
/// show where the focus is, and a grid cell is ticked with the space bar.
#[tokio::test]
async fn the_registration_form_and_the_grid_work_from_the_keyboard() {
    let site = site().await;
    let base = site.base.clone();
    let mut b = Browser::open("keyboard", "ja", DESKTOP).await;
    // The registration form proper, opened from its emailed link.
    let token = store::secret::random_token();
    let town = site
        ._store
        .municipality_by_slug("nagaizumi")
        .await
        .unwrap()
        .unwrap();
    let now = chrono::Utc::now();
    site._store
        .tenant(&town)
        .create_signup_verification(
            "keyboard@example.jp",
            &store::secret::token_digest(&token),
            now,
            now + chrono::Duration::hours(1),
        )
        .await
        .unwrap();
    b.go(&format!("{base}/nagaizumi/signup/{token}")).await;
    let tab = char::from(fantoccini::key::Key::Tab).to_string();
    let mut reached = Vec::new();
    for _ in 0..40 {
        b.client
            .active_element()
            .await
            .unwrap()
            .send_keys(&tab)
            .await
            .unwrap();
        let focus: Value = b
            .client
            .execute(
                "const el = document.activeElement; const s = getComputedStyle(el);
                 return [el.id || el.name || el.tagName, s.outlineStyle !== 'none' && s.outlineWidth !== '0px' || s.boxShadow !== 'none'];",
                vec![],
            )
            .await
            .unwrap();
        let id = focus[0].as_str().unwrap_or_default().to_owned();
        if id.starts_with("f-") && focus[1] != json!(true) {
            b.fail(&format!("no visible focus on {id}")).await;
        }
        reached.push(id);
    }
    for field in [
        "f-display_name",
        "f-furigana",
        "f-password",
        "f-eligibility",
        "f-privacy_consent",
    ] {
        if !reached.iter().any(|r| r == field) {
            b.fail(&format!("Tab never reached {field}: {reached:?}"))
                .await;
        }
    }

    // The grid, signed in as the demo parent: Tab into it and tick a cell with the space bar.
    b.sign_in(&base, "hanako@demo.example.jp").await;
    b.go(&format!("{base}/nagaizumi/me/profile")).await;
    let first = b
        .client
        .find(Locator::Css("input[name=slot]"))
        .await
        .unwrap();
    let before: Value = b
        .client
        .execute(
            "return document.querySelector('input[name=slot]').checked",
            vec![],
        )
        .await
        .unwrap();
    b.client
        .execute("document.querySelector('input[name=slot]').focus()", vec![])
        .await
        .unwrap();
    first.send_keys(" ").await.unwrap();
    let after: Value = b
        .client
        .execute(
            "return document.querySelector('input[name=slot]').checked",
            vec![],
        )
        .await
        .unwrap();
    assert_ne!(before, after, "the space bar toggles a grid cell");
    let visible: Value = b
        .client
        .execute(
            "const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' || s.boxShadow !== 'none';",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(visible, json!(true), "the focused cell shows its focus");
    b.close().await;
}

/// Journeys 5 and 6: a town officer opens the audit log, in English.
#[tokio::test]
async fn a_town_officer_opens_the_audit_log_in_english() {
    let site = site().await;
    let base = site.base.clone();
    let mut b = Browser::open("5-officer-en", "en", DESKTOP).await;
    b.sign_in(&base, "officer@demo.example.jp").await;
    b.go(&format!("{base}/nagaizumi/town/")).await;
    b.expect_text("Audit log").await;
    b.close().await;
}

/// Journeys 3 and 4: a coordinator records a hearing, publishes a request, opens a team
/// project's shortlist and team proposal and introduces the team; every member consents on a
/// phone; the organization accepts; the coordinator records the outcome.
#[tokio::test]
async fn a_team_is_introduced_consents_and_is_placed() {
    let site = site().await;
    let base = site.base.clone();
    let mut c = Browser::open("3-coordinator", "ja", DESKTOP).await;
    c.sign_in(&base, "coordinator@demo.example.jp").await;

    // A hearing on the demo parent's record.
    c.go(&format!("{base}/nagaizumi/coordinator/participants"))
        .await;
    let record = c
        .client
        .find(Locator::XPath("//a[contains(., '長泉 花子')]"))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    c.go(&format!("{base}{record}")).await;
    c.fill("#f-goals", "平日の午前、在宅でできる仕事から始めたい")
        .await;
    c.click("section[aria-labelledby=hearing-h] button[type=submit]")
        .await;
    c.expect_text("ヒアリングを記録しました").await;

    // Publish the request still waiting in review.
    c.go(&format!("{base}/nagaizumi/coordinator/requests"))
        .await;
    let waiting = c
        .client
        .find(Locator::XPath("//a[contains(., '経理事務')]"))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    c.go(&format!("{base}{waiting}")).await;
    if c.client
        .find(Locator::Css("button[value=publish]"))
        .await
        .is_ok()
    {
        c.click("button[value=publish]").await;
        c.expect_text("公開").await;
    }

    // The yukata project's shortlist and team proposal; introduce the team.
    c.go(&format!("{base}/nagaizumi/coordinator/requests?status=all"))
        .await;
    let project = c
        .client
        .find(Locator::XPath("//a[contains(., '浴衣')]"))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    c.go(&format!("{base}{project}")).await;
    c.expect_text("チームの提案").await;
    c.click(".team-card form button").await;
    c.expect_text("チームでのご紹介").await;
    let url = c.client.current_url().await.unwrap().to_string();
    let id: i64 = url
        .split("/introductions/")
        .nth(1)
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();

    // Every member consents, each on a phone.
    let town = site
        ._store
        .municipality_by_slug("nagaizumi")
        .await
        .unwrap()
        .unwrap();
    let tenant = site._store.tenant(&town);
    let intro = tenant.introduction(id).await.unwrap().unwrap();
    for member in &intro.members {
        let account = tenant
            .account(store::account::AccountId(member.participant_id))
            .await
            .unwrap()
            .unwrap();
        let mut p = Browser::open("4-member", "ja", PHONE).await;
        p.sign_in(&base, &account.email).await;
        p.go(&format!("{base}/nagaizumi/me/introductions/{id}"))
            .await;
        p.click("#f-agree").await;
        p.click("button[value=consent]").await;
        p.expect_text("同意を受け付けました").await;
        p.close().await;
    }

    // The organization sees the roster and accepts.
    let mut o = Browser::open("4-organization", "ja", PHONE).await;
    o.sign_in(&base, "inn@demo.example.jp").await;
    o.go(&format!("{base}/nagaizumi/org/introductions/{id}"))
        .await;
    o.expect_text("全員が打ち合わせできる時間").await;
    o.click("button[value=accept]").await;
    o.expect_text("受け入れ決定").await;
    o.close().await;

    // The coordinator records the outcome; the follow-ups appear.
    c.go(&format!("{base}/nagaizumi/coordinator/introductions/{id}"))
        .await;
    c.set("#f-kind", "business_started").await;
    c.fill("#f-hours_per_week", "8").await;
    c.click("section[aria-labelledby=outcome-h] button").await;
    c.expect_text("起業・開業").await;
    c.expect_text("就労後3か月のフォローアップ").await;
    c.close().await;
}

/// Journey 2: a company contact sends the enquiry form, the coordinator approves it, the
/// contact opens the invitation, creates the account and posts a team project.
#[tokio::test]
async fn a_company_enquires_is_invited_and_posts_a_team_project() {
    let site = site().await;
    let base = site.base.clone();
    let mut v = Browser::open("2-company", "ja", PHONE).await;
    v.go(&format!("{base}/nagaizumi/work-with-us")).await;
    v.fill("#f-organization_name", "泉菓子店").await;
    v.set("#f-organization_kind", "company").await;
    v.set("#f-organization_location", "in_town").await;
    v.fill("#f-contact_person", "泉 一郎").await;
    v.fill("#f-email", "izumi-kashi@example.jp").await;
    v.fill("#f-message", "季節の詰め合わせの企画を一緒にしたい")
        .await;
    v.click("main form button[type=submit]").await;
    v.expect_text("受け付けました").await;

    let mut c = Browser::open("2-coordinator", "ja", DESKTOP).await;
    c.sign_in(&base, "coordinator@demo.example.jp").await;
    c.go(&format!("{base}/nagaizumi/coordinator/enquiries"))
        .await;
    c.expect_text("泉菓子店").await;
    c.click("button[value=approve]").await;
    c.close().await;

    // The invitation link, as the contact receives it.
    let town = site
        ._store
        .municipality_by_slug("nagaizumi")
        .await
        .unwrap()
        .unwrap();
    let mail = crate::harness::outbox(&site._store, Some(town.id), 20)
        .await
        .into_iter()
        .find(|m| m.recipient == "izumi-kashi@example.jp")
        .expect("the invitation is in the outbox");
    let path = mail
        .body_text
        .split(&base)
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    v.go(&format!("{base}{path}")).await;
    v.fill("#f-display_name", "泉 一郎").await;
    v.fill("#f-furigana", "いずみ いちろう").await;
    v.fill("#f-password", "kashi-no-mise-2026").await;
    v.click("main form button[type=submit]").await;
    v.expect_text("泉菓子店").await;

    // A team project, with its required skills and team size.
    v.go(&format!(
        "{base}/nagaizumi/org/requests/new?kind=team_project"
    ))
    .await;
    v.fill("#f-title", "季節の詰め合わせの企画").await;
    v.fill(
        "#f-description",
        "地元の素材を使った詰め合わせを、子育て中の方のチームで企画します。",
    )
    .await;
    v.set("#req-0", "product-planning").await;
    v.set("#f-work_mode", "hybrid").await;
    v.set("#f-location_area", "本宿").await;
    v.click("#f-flexible").await;
    v.fill("#f-hours_min", "2").await;
    v.fill("#f-hours_max", "6").await;
    v.fill("#f-deliverable", "詰め合わせの試作3種").await;
    v.fill("#f-team_min", "3").await;
    v.fill("#f-team_max", "5").await;
    v.fill("#f-milestones", "1月 企画、2月 試作").await;
    v.set("#f-meeting_mode", "online").await;
    v.fill("#f-meeting_hours", "2").await;
    v.click("main form > button[type=submit]:last-of-type")
        .await;
    v.expect_text("季節の詰め合わせの企画").await;
    v.expect_text("下書き").await;
    v.close().await;
}
