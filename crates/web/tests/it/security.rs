//! The security regression suite: one test per finding of the review of main at 9f02ae8, on
//! the run's backend. Each failed before its fix.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use domain::Role;
use store::testing::Record;
use web::WebConfig;

use crate::harness::{Client, PASSWORD, TestApp, TestResponse, mail_to};

const DEMO: &str = demo::DEMO_PASSWORD;

async fn demo_app_with(config: WebConfig) -> (TestApp, domain::Municipality) {
    let app = TestApp::with_config(config).await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    (app, town)
}

async fn demo_app() -> (TestApp, domain::Municipality) {
    demo_app_with(WebConfig::default()).await
}

/// The whole generated demo town, with casework in every state (as `serve --demo` has it).
async fn demo_town() -> (TestApp, domain::Municipality) {
    let app = TestApp::new().await;
    let town = demo::load_town_if_empty(&app.store).await.unwrap().unwrap();
    (app, town)
}

fn demo_email(role: Role) -> &'static str {
    demo::DEMO_ACCOUNTS
        .iter()
        .find(|a| a.role == role)
        .unwrap()
        .email
}

async fn signed_in(app: &TestApp, role: Role) -> Client<'_> {
    let client = app.client();
    let login = if role == Role::Operator {
        "/operator/login"
    } else {
        "/nagaizumi/login"
    };
    let response = client.sign_in(login, demo_email(role), DEMO).await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.body);
    client
}

/// Every GET route of the policy table with real ids of the demo town.
async fn concrete_get_paths(app: &TestApp, town: &domain::Municipality) -> Vec<String> {
    let first = |ids: Vec<i64>| ids.first().copied().unwrap_or(1).to_string();
    let store = &app.store;
    let participant = store
        .tenant(town)
        .account_by_email(demo_email(Role::Participant))
        .await
        .unwrap()
        .unwrap()
        .id
        .0
        .to_string();
    let request = first(
        store
            .ids_for_test(town.id, Record::Request, "")
            .await
            .unwrap(),
    );
    let introduction = first(
        store
            .ids_for_test(town.id, Record::Introduction, "")
            .await
            .unwrap(),
    );
    let event = first(
        store
            .ids_for_test(town.id, Record::Event, "")
            .await
            .unwrap(),
    );
    let mut paths = Vec::new();
    for (path, method, _) in web::policy::ROUTE_ACCESS {
        if *method != axum::http::Method::GET || path.contains("{token}") {
            continue;
        }
        let id = if path.contains("participants/{id}") {
            &participant
        } else if path.contains("introductions/{id}") {
            &introduction
        } else if path.contains("events/{id}") {
            &event
        } else {
            &request
        };
        paths.push(
            path.replace("{town}", "nagaizumi")
                .replace("{id}", id)
                .replace("{file}", "app.css")
                .replace("{code}", "ja"),
        );
    }
    paths
}

/// The token in a link of the form `…/<segment>/<token>`.
fn token_after(body: &str, segment: &str) -> String {
    let marker = format!("/{segment}/");
    let start = body.find(&marker).unwrap() + marker.len();
    body[start..].split_whitespace().next().unwrap().to_owned()
}

#[tokio::test]
async fn no_staff_page_shows_anyone_elses_reset_or_invitation_link() {
    let (app, town) = demo_app().await;
    // A reset for the town officer, asked by anyone.
    let reset = "/nagaizumi/password-reset";
    app.client()
        .submit(reset, reset, &[("email", demo_email(Role::TownOfficer))])
        .await;
    let reset_mail = mail_to(&app.store, demo_email(Role::TownOfficer)).await;
    let reset_token = token_after(&reset_mail.body_text, "password-reset");
    // An operator's invitation of a new town officer, and a coordinator's of a member.
    let operator = signed_in(&app, Role::Operator).await;
    let invited = operator
        .submit(
            "/operator/",
            "/operator/towns/nagaizumi/invitations",
            &[
                ("email", "new-officer@example.jp"),
                ("role", "town_officer"),
            ],
        )
        .await;
    assert!(invited.status.is_redirection(), "{}", invited.status);
    let invitation = mail_to(&app.store, "new-officer@example.jp").await;
    let invitation_token = token_after(&invitation.body_text, "invitations");
    let secrets = [reset_token, invitation_token];

    let paths = concrete_get_paths(&app, &town).await;
    let mut crawled = 0;
    for role in [Role::Coordinator, Role::TownOfficer, Role::Operator] {
        let client = signed_in(&app, role).await;
        for path in &paths {
            let page = client.get(path).await;
            if page.status.is_success() {
                crawled += 1;
            }
            for secret in &secrets {
                assert!(
                    !page.body.contains(secret.as_str()),
                    "{path} shows a link meant for someone else to {role:?}"
                );
            }
        }
    }
    assert!(crawled > 20, "crawled {crawled} staff pages");
    let outbox = signed_in(&app, Role::Coordinator)
        .await
        .get("/nagaizumi/coordinator/outbox")
        .await;
    assert!(
        outbox.body.contains(demo_email(Role::TownOfficer)),
        "to whom is shown"
    );
}

#[tokio::test]
async fn without_smtp_mail_goes_to_a_spool_only_the_server_can_read() {
    let (app, _) = demo_app().await;
    let reset = "/nagaizumi/password-reset";
    app.client()
        .submit(reset, reset, &[("email", demo_email(Role::Participant))])
        .await;
    mail_to(&app.store, demo_email(Role::Participant)).await;
    let spool = tempfile::tempdir().unwrap();
    let folder = spool.path().join("mail");
    let mailer = web::mail::Mailer::spool(&folder, "noreply@example.jp").unwrap();
    assert_eq!(
        web::mail::deliver_due(&app.store, &mailer).await.unwrap(),
        1
    );
    let files: Vec<_> = std::fs::read_dir(&folder).unwrap().collect();
    assert_eq!(files.len(), 1);
    let file = files[0].as_ref().unwrap().path();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains(demo_email(Role::Participant)));
    assert!(text.contains("Message-ID: <outbox-"), "{text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&folder), 0o700);
        assert_eq!(mode(&file), 0o600);
    }
}

/// The login form's cookies and token, reused by many parallel attempts.
async fn login_form(app: &TestApp) -> (String, String) {
    let client = app.client();
    let page = client.get("/nagaizumi/login").await;
    let cookie = client.has_cookie("wk_csrf").unwrap();
    (format!("wk_csrf={cookie}"), page.csrf())
}

fn login_request(cookie: &str, token: &str, email: &str, password: &str) -> Request<Body> {
    let body: String = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("csrf_token", token)
        .append_pair("email", email)
        .append_pair("password", password)
        .finish();
    Request::post("/nagaizumi/login")
        .header("cookie", cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn forty_parallel_wrong_passwords_get_at_most_five_checks() {
    let app = Arc::new(TestApp::new().await);
    let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    app.add_account(Some(&town), Role::Participant, "target@example.jp", "花子")
        .await;
    let (cookie, token) = login_form(&app).await;
    let attempts: Vec<_> = (0..40)
        .map(|i| {
            let (app, cookie, token) = (app.clone(), cookie.clone(), token.clone());
            tokio::spawn(async move {
                let guess = format!("wrong-guess-{i:04}");
                app.send(login_request(&cookie, &token, "target@example.jp", &guess))
                    .await
                    .status
            })
        })
        .collect();
    let mut checked = 0;
    let mut locked = 0;
    for attempt in attempts {
        match attempt.await.unwrap() {
            StatusCode::UNPROCESSABLE_ENTITY => checked += 1,
            StatusCode::TOO_MANY_REQUESTS => locked += 1,
            other => panic!("unexpected {other}"),
        }
    }
    assert!(checked <= 5, "{checked} guesses were checked");
    assert_eq!(checked + locked, 40);
    // Even the right password waits for the lock to pass.
    let right = app
        .send(login_request(
            &cookie,
            &token,
            "target@example.jp",
            PASSWORD,
        ))
        .await;
    assert_eq!(right.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn a_shared_address_is_slowed_but_a_right_password_still_signs_in() {
    let app = TestApp::new().await;
    let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    app.add_account(Some(&town), Role::Participant, "hanako@example.jp", "花子")
        .await;
    let (cookie, token) = login_form(&app).await;
    // 21 people behind one address mistype their passwords.
    for i in 0..21 {
        let email = format!("someone-{i}@example.jp");
        let response = app
            .send(login_request(&cookie, &token, &email, "not-the-password"))
            .await;
        assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let started = std::time::Instant::now();
    let response = app
        .send(login_request(
            &cookie,
            &token,
            "hanako@example.jp",
            PASSWORD,
        ))
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "never locked out");
    assert!(
        started.elapsed() >= std::time::Duration::from_millis(400),
        "but slowed"
    );
}

#[tokio::test]
async fn forwarded_addresses_count_only_from_trusted_proxies() {
    for (trusted, expected) in [
        (vec!["192.0.2.10".parse().unwrap()], "203.0.113.7"),
        (vec![], "192.0.2.10"),
    ] {
        let app = TestApp::with_config(WebConfig {
            trusted_proxies: trusted,
            ..WebConfig::default()
        })
        .await;
        let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
        app.add_account(Some(&town), Role::Participant, "hanako@example.jp", "花子")
            .await;
        let (cookie, token) = login_form(&app).await;
        let mut request = login_request(&cookie, &token, "hanako@example.jp", PASSWORD);
        request.headers_mut().insert(
            "x-forwarded-for",
            "198.51.100.1, 203.0.113.7".parse().unwrap(),
        );
        assert_eq!(app.send(request).await.status, StatusCode::SEE_OTHER);
        let log = app.store.audit_page(&Default::default(), 5).await.unwrap();
        let sign_in = log
            .iter()
            .find(|e| e.action.code() == "auth.sign_in")
            .unwrap();
        assert_eq!(sign_in.ip, expected);
    }
}

/// The answer to the last of `times` requests of the form at `path`, each for another address.
async fn last_of_many(client: &Client<'_>, path: &str, times: usize) -> StatusCode {
    let mut last = StatusCode::OK;
    for i in 0..times {
        let email = format!("someone-{i}@example.jp");
        last = client.submit(path, path, &[("email", &email)]).await.status;
    }
    last
}

#[tokio::test]
async fn reset_requests_are_limited_per_address_of_mail() {
    let (app, _) = demo_app().await;
    let reset = "/nagaizumi/password-reset";
    let client = app.client();
    for _ in 0..10 {
        let answer = client
            .submit(reset, reset, &[("email", demo_email(Role::Participant))])
            .await;
        assert_eq!(answer.status, StatusCode::OK);
    }
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let mails = crate::harness::outbox(&app.store, None, 100)
        .await
        .into_iter()
        .filter(|m| m.recipient == demo_email(Role::Participant))
        .count();
    assert_eq!(mails, 3, "three mails an hour to one address");
    // And one client cannot go on for ever.
    assert_eq!(
        last_of_many(&client, reset, 15).await,
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn sign_up_and_enquiries_are_limited_per_address() {
    let app = TestApp::new().await;
    app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    let client = app.client();
    let signup = "/nagaizumi/signup";
    for _ in 0..5 {
        client
            .submit(signup, signup, &[("email", "flood@example.jp")])
            .await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let mails = crate::harness::outbox(&app.store, None, 100).await.len();
    assert_eq!(mails, 3, "three sign-up mails an hour to one address");
    assert_eq!(
        last_of_many(&client, signup, 20).await,
        StatusCode::TOO_MANY_REQUESTS
    );

    let enquiry = "/nagaizumi/work-with-us";
    let fields = [
        ("organization_name", "株式会社テスト"),
        ("organization_kind", "company"),
        ("organization_location", "in_town"),
        ("contact_person", "山田 太郎"),
        ("email", "yamada@example.jp"),
    ];
    let mut answers = Vec::new();
    for _ in 0..11 {
        answers.push(client.submit(enquiry, enquiry, &fields).await);
    }
    assert!(
        answers[..10]
            .iter()
            .all(|a| a.status == StatusCode::SEE_OTHER)
    );
    let refused = &answers[10];
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        refused.body.contains("株式会社テスト"),
        "what was typed is kept"
    );
}

#[tokio::test]
async fn the_password_change_form_cannot_be_used_to_guess() {
    let app = TestApp::new().await;
    let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    app.add_account(Some(&town), Role::Participant, "hanako@example.jp", "花子")
        .await;
    let client = app.client();
    client
        .sign_in("/nagaizumi/login", "hanako@example.jp", PASSWORD)
        .await;
    let path = "/nagaizumi/account/password";
    let mut statuses = Vec::new();
    for i in 0..8 {
        let guess = format!("guess-number-{i}");
        let response = client
            .submit(
                path,
                path,
                &[
                    ("current_password", &guess),
                    ("new_password", "atarashii-pass-77"),
                ],
            )
            .await;
        statuses.push(response.status);
    }
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::UNPROCESSABLE_ENTITY)
            .count(),
        5
    );
    let right = client
        .submit(
            path,
            path,
            &[
                ("current_password", PASSWORD),
                ("new_password", "atarashii-pass-77"),
            ],
        )
        .await;
    assert_eq!(
        right.status,
        StatusCode::TOO_MANY_REQUESTS,
        "locked for a while"
    );
}

#[tokio::test]
async fn control_and_direction_characters_are_refused_with_the_field_named() {
    let app = TestApp::new().await;
    app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    assert_eq!(
        app.get("/na%00gaizumi/").await.status,
        StatusCode::NOT_FOUND
    );
    let client = app.client();
    let refused = client
        .submit(
            "/nagaizumi/login",
            "/nagaizumi/login",
            &[("email", "a\0b@example.jp"), ("password", "whatever-it-is")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("「メールアドレス」に使えない文字"),
        "{}",
        refused.body
    );
    let en = app
        .get_with("/nagaizumi/requests?kind=%00", ("accept-language", "en"))
        .await;
    assert_eq!(en.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(en.body.contains("cannot be used"));
    let bidi = client
        .submit(
            "/nagaizumi/work-with-us",
            "/nagaizumi/work-with-us",
            &[
                ("organization_name", "\u{202E}社会式株"),
                ("email", "x@example.jp"),
            ],
        )
        .await;
    assert_eq!(bidi.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bidi.body.contains("使えない文字"));
}

#[tokio::test]
async fn the_language_switch_goes_only_to_this_site() {
    let app = TestApp::new().await;
    app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    for next in [
        "/%09/evil.example/",
        "//evil.example/",
        "/%5Cevil.example",
        "https://evil.example/",
    ] {
        let response = app.get(&format!("/lang/en?next={next}")).await;
        assert!(
            response.status.is_redirection(),
            "{next}: {}",
            response.status
        );
        assert_eq!(response.location(), "/", "{next}");
    }
    assert!(!app.get("/lang/en?next=/%0a").await.status.is_server_error());
    let fine = app.get("/lang/en?next=/nagaizumi/events").await;
    assert_eq!(fine.location(), "/nagaizumi/events");
}

#[tokio::test]
async fn a_page_number_past_any_list_is_not_an_error() {
    let (app, _) = demo_app().await;
    let coordinator = signed_in(&app, Role::Coordinator).await;
    let page = coordinator
        .get("/nagaizumi/coordinator/participants?page=9223372036854775807")
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let odd = coordinator
        .get("/nagaizumi/coordinator/participants?page=-3")
        .await;
    assert_eq!(odd.status, StatusCode::OK);
}

#[tokio::test]
async fn another_towns_records_are_not_found_and_nothing_changes() {
    let (app, town) = demo_town().await;
    let other = app.add_town("town-b", "B町", "Town B").await;
    app.add_account(Some(&other), Role::Coordinator, "c@b.example.jp", "他町")
        .await;
    let outsider = app.client();
    outsider
        .sign_in("/town-b/login", "c@b.example.jp", PASSWORD)
        .await;
    let follow_ups = app
        .store
        .ids_for_test(town.id, Record::FollowUp, "done_at IS NULL")
        .await
        .unwrap();
    let follow_up = follow_ups[0];
    let form = outsider.get("/town-b/coordinator/").await;
    let done = outsider
        .post_raw(
            &format!("/town-b/coordinator/follow-ups/{follow_up}/done"),
            &[("csrf_token", &form.csrf()), ("answer", "did it")],
        )
        .await;
    assert_eq!(done.status, StatusCode::NOT_FOUND);
    let still_open = app
        .store
        .ids_for_test(town.id, Record::FollowUp, "done_at IS NULL")
        .await
        .unwrap();
    assert_eq!(still_open, follow_ups, "nothing changed");
    let log = app.store.audit_page(&Default::default(), 20).await.unwrap();
    assert!(
        !log.iter()
            .any(|e| e.action.code() == "participant.follow_up_done")
    );

    // Every record route of town B, with town A's real ids: none is found.
    let ids = [
        (Record::Request, "requests/{id}"),
        (Record::Introduction, "introductions/{id}"),
        (Record::Event, "events/{id}"),
        (Record::Enquiry, "enquiries/{id}"),
        (Record::FollowUp, "follow-ups/{id}"),
    ];
    let participant = app
        .store
        .tenant(&town)
        .account_by_email(demo_email(Role::Participant))
        .await
        .unwrap()
        .unwrap()
        .id
        .0;
    let mut checked = 0;
    for (path, method, _) in web::policy::ROUTE_ACCESS {
        if !path.starts_with("/{town}/coordinator/") || !path.contains("{id}") {
            continue;
        }
        let mut id = Some(participant);
        for (kind, marker) in ids {
            if path.contains(marker) {
                id = app
                    .store
                    .ids_for_test(town.id, kind, "")
                    .await
                    .unwrap()
                    .first()
                    .copied();
            }
        }
        let Some(id) = id else {
            continue;
        };
        let concrete = path
            .replace("{town}", "town-b")
            .replace("{id}", &id.to_string());
        let response: TestResponse = if *method == axum::http::Method::GET {
            outsider.get(&concrete).await
        } else {
            let csrf = outsider.get("/town-b/coordinator/").await.csrf();
            outsider.post_raw(&concrete, &[("csrf_token", &csrf)]).await
        };
        checked += 1;
        assert!(
            matches!(
                response.status,
                StatusCode::NOT_FOUND | StatusCode::UNPROCESSABLE_ENTITY | StatusCode::BAD_REQUEST
            ),
            "{method} {concrete}: {}",
            response.status
        );
        assert!(
            !response.body.contains(demo_email(Role::Participant))
                && !response.body.contains("長泉 花子"),
            "{method} {concrete} shows town A's data"
        );
    }
    assert!(checked >= 10, "checked {checked}");
}

#[tokio::test]
async fn other_peoples_introductions_and_requests_stay_theirs() {
    let (app, town) = demo_town().await;
    let tenant = app.store.tenant(&town);
    let hanako = tenant
        .account_by_email(demo_email(Role::Participant))
        .await
        .unwrap()
        .unwrap();
    let mut hers = app
        .store
        .ids_for_test(
            town.id,
            Record::Introduction,
            &format!(
                "id NOT IN (SELECT introduction_id FROM introduction_member WHERE participant_id = {})",
                hanako.id.0
            ),
        )
        .await
        .unwrap();
    assert!(!hers.is_empty());
    hers.truncate(3);
    // Hanako opens other people's introductions.
    let other = signed_in(&app, Role::Participant).await;
    for id in &hers {
        let page = other
            .get(&format!("/nagaizumi/me/introductions/{id}"))
            .await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "introduction {id}");
        let csrf = other.get("/nagaizumi/me/").await.csrf();
        let answer = other
            .post_raw(
                &format!("/nagaizumi/me/introductions/{id}"),
                &[
                    ("csrf_token", &csrf),
                    ("answer", "consent"),
                    ("consent", "yes"),
                ],
            )
            .await;
        assert!(
            matches!(answer.status, StatusCode::NOT_FOUND | StatusCode::FORBIDDEN),
            "{}",
            answer.status
        );
    }
    // The inn's member and another organization's request.
    let inn = signed_in(&app, Role::OrganizationMember).await;
    let inn_account = tenant
        .account_by_email(demo_email(Role::OrganizationMember))
        .await
        .unwrap()
        .unwrap();
    let theirs = app
        .store
        .ids_for_test(
            town.id,
            Record::Request,
            &format!(
                "organization_id <> {}",
                inn_account.organization_id.unwrap()
            ),
        )
        .await
        .unwrap();
    let page = inn
        .get(&format!("/nagaizumi/org/requests/{}", theirs[0]))
        .await;
    assert!(
        matches!(page.status, StatusCode::NOT_FOUND | StatusCode::FORBIDDEN),
        "{}",
        page.status
    );
    let foreign_intro = app
        .store
        .ids_for_test(
            town.id,
            Record::Introduction,
            &format!(
                "organization_id <> {}",
                inn_account.organization_id.unwrap()
            ),
        )
        .await
        .unwrap();
    let page = inn
        .get(&format!(
            "/nagaizumi/org/introductions/{}",
            foreign_intro[0]
        ))
        .await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_csrf_token_works_only_in_its_own_session() {
    let app = TestApp::new().await;
    let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    app.add_account(Some(&town), Role::Participant, "a@example.jp", "A")
        .await;
    app.add_account(Some(&town), Role::Participant, "b@example.jp", "B")
        .await;
    let a = app.client();
    a.sign_in("/nagaizumi/login", "a@example.jp", PASSWORD)
        .await;
    let b = app.client();
    b.sign_in("/nagaizumi/login", "b@example.jp", PASSWORD)
        .await;
    // B is given A's CSRF cookie and token (say, planted by a sibling site): refused.
    let a_token = a.get("/nagaizumi/me/consent").await.csrf();
    let a_cookie = a.has_cookie("wk_csrf").unwrap();
    b.cookies.lock().unwrap().insert("wk_csrf".into(), a_cookie);
    let forged = b
        .post_raw(
            "/nagaizumi/me/consent",
            &[("csrf_token", &a_token), ("action", "withdraw")],
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);

    let secure = TestApp::with_config(WebConfig {
        secure_cookies: true,
        ..WebConfig::default()
    })
    .await;
    secure
        .add_town("nagaizumi", "長泉町", "Nagaizumi Town")
        .await;
    let page = secure.get("/nagaizumi/login").await;
    assert!(
        page.header("set-cookie").starts_with("__Host-wk_csrf="),
        "{}",
        page.header("set-cookie")
    );
    assert!(page.header("set-cookie").contains("Secure"));
}

#[tokio::test]
async fn personal_pages_are_never_cached() {
    let (app, _) = demo_app().await;
    let public = app.get("/nagaizumi/events").await;
    assert_ne!(public.header("cache-control"), "no-store");
    let coordinator = signed_in(&app, Role::Coordinator).await;
    for path in [
        "/nagaizumi/coordinator/participants",
        "/nagaizumi/coordinator/",
        "/nagaizumi/events",
    ] {
        let page = coordinator.get(path).await;
        assert_eq!(page.header("cache-control"), "no-store", "{path}");
    }
    let link = app.get("/nagaizumi/password-reset/some-token").await;
    assert_eq!(link.header("cache-control"), "no-store");
}

#[tokio::test]
async fn repeated_denials_cannot_flood_the_audit_log() {
    let (app, town) = demo_app().await;
    let participant = signed_in(&app, Role::Participant).await;
    for _ in 0..60 {
        let denied = participant.get("/nagaizumi/coordinator/participants").await;
        assert_eq!(denied.status, StatusCode::FORBIDDEN);
    }
    for i in 0..40 {
        participant
            .get(&format!("/nagaizumi/coordinator/requests/{i}"))
            .await;
    }
    let log = app
        .store
        .audit_page(
            &store::audit::AuditFilter {
                municipality: Some(town.id),
                action_prefix: Some("access.denied".into()),
                ..Default::default()
            },
            500,
        )
        .await
        .unwrap();
    let list = log
        .iter()
        .filter(|e| e.target_id == "/{town}/coordinator/participants")
        .count();
    assert_eq!(
        list, 1,
        "the first refusal of a route is kept, repeats are not written"
    );
    assert!(log.len() <= 2, "{} entries", log.len());
}

#[tokio::test]
async fn a_consultation_kept_from_the_public_is_not_found() {
    let (app, town) = demo_app().await;
    let private = app
        .store
        .ids_for_test(town.id, Record::Event, "kind = 'consultation'")
        .await
        .unwrap()[0];
    let tenant = app.store.tenant(&town);
    let hidden = tenant.event(private).await.unwrap().unwrap();
    assert!(hidden.public, "the demo's slots are public");
    let visible = app.get(&format!("/nagaizumi/events/{private}")).await;
    assert_eq!(visible.status, StatusCode::OK);
    // Made private by the coordinator, it is gone for everyone outside the staff.
    app.store
        .set_event_public_for_test(private, false)
        .await
        .unwrap();
    app.public_cache.invalidate();
    let gone = app.get(&format!("/nagaizumi/events/{private}")).await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
    let participant = signed_in(&app, Role::Participant).await;
    assert_eq!(
        participant
            .get(&format!("/nagaizumi/events/{private}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn every_staff_view_of_people_names_them_and_officers_can_ask_who_looked() {
    let (app, town) = demo_app().await;
    let hanako = app
        .store
        .tenant(&town)
        .account_by_email(demo_email(Role::Participant))
        .await
        .unwrap()
        .unwrap();
    let coordinator = signed_in(&app, Role::Coordinator).await;
    for path in [
        "/nagaizumi/coordinator/participants",
        "/nagaizumi/coordinator/",
        "/nagaizumi/coordinator/introductions",
        "/nagaizumi/coordinator/outbox",
        "/nagaizumi/coordinator/proposals",
        &format!("/nagaizumi/coordinator/participants/{}", hanako.id.0),
    ] {
        let before = app.store.audit_page(&Default::default(), 1).await.unwrap()[0].id;
        let page = coordinator.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        let entries = app
            .store
            .audit_page(&Default::default(), 20)
            .await
            .unwrap()
            .into_iter()
            .filter(|e| e.id > before)
            .collect::<Vec<_>>();
        assert!(!entries.is_empty(), "{path} wrote no entry");
        let ids: Vec<i64> = entries.iter().map(|e| e.id).collect();
        let named = app.store.audit_subjects(&ids).await.unwrap();
        if path.ends_with("/participants") || path.contains("/participants/") {
            assert!(
                named.iter().any(|s| s.account_id == hanako.id.0),
                "{path} does not name the people it showed"
            );
        }
    }
    let list_entry = app
        .store
        .audit_page(
            &store::audit::AuditFilter {
                action_prefix: Some("participant.list".into()),
                ..Default::default()
            },
            1,
        )
        .await
        .unwrap();
    let on_page = app.store.audit_subjects(&[list_entry[0].id]).await.unwrap();
    assert!(
        on_page.len() >= 10,
        "the list names the people on its page: {}",
        on_page.len()
    );

    let officer = signed_in(&app, Role::TownOfficer).await;
    let who = officer
        .get(&format!("/nagaizumi/town/?person={}", hanako.id.0))
        .await;
    assert_eq!(who.status, StatusCode::OK);
    assert!(
        who.body.contains(">参加者の記録を閲覧"),
        "the record's opening is listed"
    );
    assert!(
        who.body.contains(">参加者の一覧を閲覧"),
        "and the list that showed her"
    );
    assert!(
        who.body.contains(&format!(
            "<a href=\"/nagaizumi/town/?person=%23{}\">長泉 花子さん</a>",
            hanako.id.0
        )),
        "named in the entry, linked to her trail"
    );
}
