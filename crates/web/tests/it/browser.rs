//! Journeys in a real headless Chromium, driven over WebDriver (fantoccini) against the app
//! served on 127.0.0.1 from a fresh database with the demo town, on this run's backend. Every
//! page visited is checked with axe-core (no serious or critical violation); each step is
//! saved as a screenshot under `target/browser-artifacts/`, and a failing step also saves the
//! page's HTML there. `scripts/test` starts chromedriver and installs axe-core.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use store::testing::{TestStore, fresh_store};

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
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let config = web::WebConfig {
        public_url: format!("http://{address}"),
        ..web::WebConfig::default()
    };
    let state = web::AppState::new(store.store.clone(), config)
        .await
        .unwrap();
    let app = web::router(state).into_make_service_with_connect_info::<SocketAddr>();
    tokio::spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
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
        }
    }

    async fn go(&mut self, url: &str) {
        self.client.goto(url).await.unwrap();
        self.checked(url).await;
    }

    /// After a page loads: its accessibility check and its screenshot.
    async fn checked(&mut self, what: &str) {
        self.step += 1;
        let shot = self.client.screenshot().await.unwrap();
        let dir = artifacts(self.journey);
        std::fs::write(dir.join(format!("{:02}.png", self.step)), shot).unwrap();
        let violations = self.axe_violations().await;
        if !violations.is_empty() {
            self.fail(&format!("axe on {what}: {violations:?}")).await;
        }
    }

    /// Serious and critical axe-core violations on the current page: (rule, first target).
    async fn axe_violations(&self) -> Vec<(String, String)> {
        self.client.execute(&self.axe, vec![]).await.unwrap();
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document).then(r => done({ passes: r.passes.length, violations: r.violations.map(v => ({
                   id: v.id, impact: v.impact, target: (v.nodes[0] && v.nodes[0].target.join(' ')) || ''
                 })) })).catch(e => done({ passes: 0, violations: [{ id: 'axe-error', impact: 'critical', target: String(e) }] }));",
                vec![],
            )
            .await
            .unwrap();
        assert!(
            result["passes"].as_u64().unwrap_or(0) > 0,
            "axe-core ran and checked rules: {result}"
        );
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
    b.fill("#f-display_name", "泉 さくら").await;
    b.fill("#f-furigana", "いずみ さくら").await;
    b.fill("#f-email", "sakura@example.jp").await;
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
    let cells = b
        .client
        .find_all(Locator::Css("input[name=slot]"))
        .await
        .unwrap();
    // Monday to Friday 9:00–11:00: the grid's rows are half-hours from 6:00, columns weekdays.
    for row in 6..10 {
        for day in 0..5 {
            cells[row * 7 + day].click().await.unwrap();
        }
    }
    b.click("main form button[type=submit]").await;
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
    b.expect_text("託児のお子さまの席も確保しました").await;
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
    b.go(&format!("{base}/nagaizumi/signup")).await;
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
        "f-email",
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
