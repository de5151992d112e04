use axum::http::StatusCode;
use domain::Role;
use web::WebConfig;

use crate::harness::{PASSWORD, TestApp, link_path, mail_to};

const SIGNUP: &str = "/nagaizumi/signup";
const LOGIN: &str = "/nagaizumi/login";

async fn app_with_town() -> TestApp {
    let app = TestApp::new().await;
    app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    app
}

fn signup_fields(name: &str) -> Vec<(&str, &str)> {
    vec![
        ("display_name", name),
        ("furigana", "ながいずみ はなこ"),
        ("password", PASSWORD),
        ("eligibility", "lives"),
        ("privacy_consent", "yes"),
    ]
}

#[tokio::test]
async fn a_parent_signs_up_and_lands_on_their_page() {
    let app = app_with_town().await;
    let client = app.client();
    let sent = client
        .submit(SIGNUP, SIGNUP, &[("email", "Hanako@Example.jp")])
        .await;
    assert_eq!(sent.status, StatusCode::OK);
    assert!(
        sent.body
            .contains("hanako@example.jp にメールをお送りしました")
    );
    let mail = mail_to(&app.store, "hanako@example.jp").await;
    assert!(
        mail.subject.contains("参加登録のご案内"),
        "{}",
        mail.subject
    );
    let link = link_path(&mail.body_text);
    assert!(link.starts_with("/nagaizumi/signup/"), "{link}");
    let form = client.get(&link).await;
    assert!(
        form.body
            .contains("登録するメールアドレス: hanako@example.jp")
    );
    let response = client
        .submit(&link, &link, &signup_fields("長泉 花子"))
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.body);
    assert_eq!(response.location(), "/nagaizumi/me/");
    let me = client.get("/nagaizumi/me/").await;
    assert_eq!(me.status, StatusCode::OK);
    assert!(me.body.contains("長泉 花子 さんのマイページ"));
    let town = app
        .store
        .municipality_by_slug("nagaizumi")
        .await
        .unwrap()
        .unwrap();
    let stored = app
        .store
        .tenant(&town)
        .account_by_email("hanako@example.jp")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.role, Role::Participant);
    assert!(stored.password_hash.starts_with("$argon2id$"));
    // The link is used up.
    assert_eq!(app.client().get(&link).await.status, StatusCode::GONE);
}

#[tokio::test]
async fn bad_sign_up_input_is_shown_on_each_field_and_nothing_is_saved() {
    let app = app_with_town().await;
    let client = app.client();
    let bad_email = client
        .submit(SIGNUP, SIGNUP, &[("email", "not-an-email")])
        .await;
    assert_eq!(bad_email.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad_email
            .body
            .contains("メールアドレスの形式で入力してください")
    );
    assert!(
        bad_email.body.contains(r#"value="not-an-email""#),
        "typed values are kept"
    );
    let fields = [
        ("display_name", "<b>花子</b>"),
        ("furigana", "Hanako"),
        ("password", "1234567890"),
    ];
    let response = client.sign_up("hanako@example.jp", &fields).await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response
            .body
            .contains("ひらがな、またはカタカナで入力してください。")
    );
    assert!(
        response
            .body
            .contains("よく使われていて推測されやすいパスワードです")
    );
    assert!(response.body.contains(r#"id="f-furigana-error""#));
    assert!(response.body.contains(r#"aria-invalid="true""#));
    assert!(
        response.body.contains(r#"value="Hanako""#),
        "typed values are kept"
    );
    assert!(
        !response.body.contains("1234567890"),
        "the password is never echoed"
    );
    assert!(response.body.contains("&#60;b&#62;花子") || response.body.contains("&lt;b&gt;花子"));
    let town = app
        .store
        .municipality_by_slug("nagaizumi")
        .await
        .unwrap()
        .unwrap();
    assert!(
        app.store
            .tenant(&town)
            .accounts_with_role(Role::Participant, 10, 0)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn the_same_email_cannot_register_twice_and_sign_up_never_tells_who_is_registered() {
    let app = app_with_town().await;
    let first = app
        .client()
        .sign_up("hanako@example.jp", &signup_fields("花子"))
        .await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    let without_token = |body: &str| {
        body.lines()
            .filter(|l| !l.contains("csrf_token") && !l.contains("@example.jp"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let again = app
        .client()
        .submit(SIGNUP, SIGNUP, &[("email", "HANAKO@example.jp")])
        .await;
    let stranger = app
        .client()
        .submit(SIGNUP, SIGNUP, &[("email", "nobody@example.jp")])
        .await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(stranger.status, StatusCode::OK);
    assert_eq!(without_token(&again.body), without_token(&stranger.body));
    // The owner is told by mail that they already have an account; no second link.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let mail = mail_to(&app.store, "hanako@example.jp").await;
    assert!(
        mail.subject.contains("すでに登録されています"),
        "{}",
        mail.subject
    );
    assert!(mail.body_text.contains("/nagaizumi/login"));
    assert!(!mail.body_text.contains("/nagaizumi/signup/"));
}

#[tokio::test]
async fn unknown_email_and_wrong_password_get_the_same_answer() {
    let app = app_with_town().await;
    let town = app
        .store
        .municipality_by_slug("nagaizumi")
        .await
        .unwrap()
        .unwrap();
    app.add_account(Some(&town), Role::Participant, "hanako@example.jp", "花子")
        .await;
    let wrong = app
        .client()
        .sign_in(LOGIN, "hanako@example.jp", "wrong-password-1")
        .await;
    let unknown = app
        .client()
        .sign_in(LOGIN, "nobody@example.jp", "wrong-password-1")
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(wrong.status, unknown.status);
    let strip = |body: &str| {
        body.replace("hanako@example.jp", "")
            .replace("nobody@example.jp", "")
    };
    let token_free = |body: String| {
        body.lines()
            .filter(|l| !l.contains("csrf_token"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        token_free(strip(&wrong.body)),
        token_free(strip(&unknown.body))
    );
    assert!(
        wrong
            .body
            .contains("メールアドレスまたはパスワードが正しくありません。")
    );
}

#[tokio::test]
async fn five_failures_lock_the_account_even_for_the_right_password() {
    let app = app_with_town().await;
    let town = app
        .store
        .municipality_by_slug("nagaizumi")
        .await
        .unwrap()
        .unwrap();
    app.add_account(Some(&town), Role::Participant, "hanako@example.jp", "花子")
        .await;
    for _ in 0..5 {
        let response = app
            .client()
            .sign_in(LOGIN, "hanako@example.jp", "wrong-password-1")
            .await;
        assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let locked = app
        .client()
        .sign_in(LOGIN, "hanako@example.jp", PASSWORD)
        .await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        locked.body.contains("一時的にログインできません"),
        "{}",
        locked.body
    );
    let english = app.client();
    english
        .cookies
        .lock()
        .unwrap()
        .insert("lang".into(), "en".into());
    let locked_en = english.sign_in(LOGIN, "hanako@example.jp", PASSWORD).await;
    assert!(locked_en.body.contains("signing in is paused"));
}

#[tokio::test]
async fn signing_in_rotates_the_session_and_signing_out_ends_it() {
    let app = app_with_town().await;
    let town = app
        .store
        .municipality_by_slug("nagaizumi")
        .await
        .unwrap()
        .unwrap();
    app.add_account(Some(&town), Role::Participant, "hanako@example.jp", "花子")
        .await;
    let client = app.client();
    let first = client.sign_in(LOGIN, "hanako@example.jp", PASSWORD).await;
    assert_eq!(first.location(), "/nagaizumi/me/");
    let cookie = first.header("set-cookie");
    let session_one = client.has_cookie("wk_session").unwrap();
    assert!(
        first.headers.get_all("set-cookie").iter().any(|c| {
            let c = c.to_str().unwrap();
            c.starts_with("wk_session=") && c.contains("HttpOnly") && c.contains("SameSite=Lax")
        }),
        "{cookie}"
    );
    let second = client.sign_in(LOGIN, "hanako@example.jp", PASSWORD).await;
    assert_eq!(second.status, StatusCode::SEE_OTHER);
    let session_two = client.has_cookie("wk_session").unwrap();
    assert_ne!(session_one, session_two, "a new id at every sign-in");

    // The old id no longer works.
    let old = app.client();
    old.cookies
        .lock()
        .unwrap()
        .insert("wk_session".into(), session_one);
    assert_eq!(
        old.get("/nagaizumi/me/").await.status,
        StatusCode::SEE_OTHER
    );

    let me = client.get("/nagaizumi/me/").await;
    let logout = client
        .post_raw("/nagaizumi/logout", &[("csrf_token", &me.csrf())])
        .await;
    assert_eq!(logout.location(), "/nagaizumi/login?done=signed-out");
    let after = client.get("/nagaizumi/me/").await;
    assert_eq!(after.status, StatusCode::SEE_OTHER);
    assert!(after.location().starts_with("/nagaizumi/login?next="));
}

#[tokio::test]
async fn an_idle_session_expires() {
    let app = TestApp::with_config(WebConfig {
        session_idle_minutes: 0,
        ..WebConfig::default()
    })
    .await;
    let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    app.add_account(Some(&town), Role::Participant, "hanako@example.jp", "花子")
        .await;
    let client = app.client();
    client.sign_in(LOGIN, "hanako@example.jp", PASSWORD).await;
    let page = client.get("/nagaizumi/me/").await;
    assert_eq!(
        page.status,
        StatusCode::SEE_OTHER,
        "idle limit reached at once"
    );
    assert!(
        client.has_cookie("wk_session").is_none(),
        "the cookie is removed"
    );
}

#[tokio::test]
async fn changing_the_password_ends_other_sessions() {
    let app = app_with_town().await;
    let town = app
        .store
        .municipality_by_slug("nagaizumi")
        .await
        .unwrap()
        .unwrap();
    app.add_account(Some(&town), Role::Participant, "hanako@example.jp", "花子")
        .await;
    let phone = app.client();
    let laptop = app.client();
    phone.sign_in(LOGIN, "hanako@example.jp", PASSWORD).await;
    laptop.sign_in(LOGIN, "hanako@example.jp", PASSWORD).await;
    let path = "/nagaizumi/account/password";
    let wrong = phone
        .submit(
            path,
            path,
            &[
                ("current_password", "nope-nope-nope"),
                ("new_password", "short"),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("現在のパスワードが正しくありません。"));
    assert!(wrong.body.contains("10文字以上で入力してください。"));
    let done = phone
        .submit(
            path,
            path,
            &[
                ("current_password", PASSWORD),
                ("new_password", "atarashii-pass-77"),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(
        phone.get("/nagaizumi/me/").await.status,
        StatusCode::OK,
        "the changer stays signed in"
    );
    assert_eq!(
        laptop.get("/nagaizumi/me/").await.status,
        StatusCode::SEE_OTHER,
        "others are signed out"
    );
    let again = app
        .client()
        .sign_in(LOGIN, "hanako@example.jp", "atarashii-pass-77")
        .await;
    assert_eq!(again.location(), "/nagaizumi/me/");
}
