use axum::http::StatusCode;
use chrono::{Duration, Utc};
use domain::Role;
use store::invitation::NewInvitation;
use store::secret::{random_token, token_digest};

use crate::harness::{PASSWORD, TestApp};

fn link_from(body: &str) -> String {
    let start = body.find("http://127.0.0.1:8080").expect("a link");
    body[start..]
        .split_whitespace()
        .next()
        .unwrap()
        .trim_start_matches("http://127.0.0.1:8080")
        .to_owned()
}

#[tokio::test]
async fn an_operator_creates_a_town_and_its_first_coordinator_accepts() {
    let app = TestApp::new().await;
    app.add_account(None, Role::Operator, "root@example.jp", "運営")
        .await;
    let operator = app.client();
    let signed_in = operator
        .sign_in("/operator/login", "root@example.jp", PASSWORD)
        .await;
    assert_eq!(signed_in.location(), "/operator/");

    let bad = operator
        .submit(
            "/operator/",
            "/operator/towns",
            &[
                ("slug", "Bad Slug"),
                ("name_ja", ""),
                ("fiscal_year_start", "13"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("半角の英小文字、数字、ハイフン"));
    assert!(bad.body.contains("1から12までの月を入力してください。"));
    assert!(app.store.municipalities().await.unwrap().is_empty());

    let fields = [
        ("slug", "mishima"),
        ("name_ja", "三島市"),
        ("name_en", "Mishima City"),
        ("eligibility", "residents"),
        ("fiscal_year_start", "4"),
        ("contact_email", "info@mishima.example.jp"),
        ("contact_phone", ""),
    ];
    let created = operator
        .submit("/operator/", "/operator/towns", &fields)
        .await;
    assert_eq!(created.location(), "/operator/?done=town-created");
    let taken = operator
        .submit("/operator/", "/operator/towns", &fields)
        .await;
    assert!(
        taken
            .body
            .contains("このURL用の名前はすでに使われています。")
    );

    let invited = operator
        .submit(
            "/operator/",
            "/operator/towns/mishima/invitations",
            &[
                ("email", "Coordinator@Mishima.example.jp"),
                ("role", "coordinator"),
            ],
        )
        .await;
    assert_eq!(invited.location(), "/operator/?done=invited");
    let message = &crate::harness::outbox(&app.store, None, 1).await[0];
    assert_eq!(message.recipient, "coordinator@mishima.example.jp");
    assert!(message.subject.contains("三島市"));
    let link = link_from(&message.body_text);

    let coordinator = app.client();
    let form = coordinator.get(&link).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("coordinator@mishima.example.jp"));
    let accepted = coordinator
        .post_raw(
            &link,
            &[
                ("csrf_token", &form.csrf()),
                ("display_name", "三島 恵"),
                ("furigana", "みしま めぐみ"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(accepted.location(), "/mishima/coordinator/");
    assert_eq!(
        coordinator.get("/mishima/coordinator/").await.status,
        StatusCode::OK
    );

    let again = app.client().get(&link).await;
    assert_eq!(again.status, StatusCode::GONE, "an invitation is used once");
    let relogin = app
        .client()
        .sign_in("/mishima/login", "coordinator@mishima.example.jp", PASSWORD)
        .await;
    assert_eq!(relogin.location(), "/mishima/coordinator/");
}

#[tokio::test]
async fn an_operator_cannot_invite_another_operator() {
    let app = TestApp::new().await;
    app.add_town("mishima", "三島市", "Mishima").await;
    app.add_account(None, Role::Operator, "root@example.jp", "運営")
        .await;
    let operator = app.client();
    operator
        .sign_in("/operator/login", "root@example.jp", PASSWORD)
        .await;
    let response = operator
        .submit(
            "/operator/",
            "/operator/towns/mishima/invitations",
            &[("email", "x@example.jp"), ("role", "operator")],
        )
        .await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
    assert!(
        crate::harness::outbox(&app.store, None, 10)
            .await
            .is_empty()
    );
}

#[tokio::test]
async fn a_coordinator_invites_an_organization_member() {
    let app = TestApp::new().await;
    let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    app.add_account(Some(&town), Role::Coordinator, "coord@example.jp", "調整")
        .await;
    let coordinator = app.client();
    coordinator
        .sign_in("/nagaizumi/login", "coord@example.jp", PASSWORD)
        .await;
    let path = "/nagaizumi/coordinator/invitations";
    let bad = coordinator
        .submit(path, path, &[("email", "nope"), ("organization", "")])
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains(r#"id="f-organization-error""#));
    let sent = coordinator
        .submit(
            path,
            path,
            &[("email", "inn@example.jp"), ("organization", "湯の花旅館")],
        )
        .await;
    assert_eq!(
        sent.location(),
        "/nagaizumi/coordinator/invitations?done=sent"
    );
    let list = coordinator.get(path).await;
    assert!(list.body.contains("inn@example.jp") && list.body.contains("承諾待ち"));

    let link = link_from(&crate::harness::outbox(&app.store, Some(town.id), 1).await[0].body_text);
    let member = app.client();
    let form = member.get(&link).await;
    let accepted = member
        .post_raw(
            &link,
            &[
                ("csrf_token", &form.csrf()),
                ("display_name", "湯川"),
                ("furigana", "ゆかわ"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(accepted.location(), "/nagaizumi/org/");
    let home = member.get("/nagaizumi/org/").await;
    assert!(home.body.contains("湯の花旅館"));
}

#[tokio::test]
async fn an_expired_invitation_is_refused() {
    let app = TestApp::new().await;
    let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    let coordinator = app
        .add_account(Some(&town), Role::Coordinator, "coord@example.jp", "調整")
        .await;
    let token = random_token();
    app.store
        .tenant(&town)
        .create_invitation(&NewInvitation {
            email: "late@example.jp".into(),
            role: Role::OrganizationMember,
            organization_id: None,
            token_hash: token_digest(&token),
            invited_by: coordinator.id,
            expires_at: Utc::now() - Duration::minutes(1),
        })
        .await
        .unwrap();
    let response = app
        .client()
        .get(&format!("/nagaizumi/invitations/{token}"))
        .await;
    assert_eq!(response.status, StatusCode::GONE);
}

#[tokio::test]
async fn inviting_an_address_again_replaces_its_open_link() {
    let app = TestApp::new().await;
    let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    let coordinator = app
        .add_account(Some(&town), Role::Coordinator, "coord@example.jp", "調整")
        .await;
    let invite = |token: &str| NewInvitation {
        email: "twice@example.jp".into(),
        role: Role::Coordinator,
        organization_id: None,
        token_hash: token_digest(token),
        invited_by: coordinator.id,
        expires_at: Utc::now() + Duration::days(7),
    };
    let (first, second) = (random_token(), random_token());
    let tenant = app.store.tenant(&town);
    tenant.create_invitation(&invite(&first)).await.unwrap();
    tenant.create_invitation(&invite(&second)).await.unwrap();
    let old = app
        .client()
        .get(&format!("/nagaizumi/invitations/{first}"))
        .await;
    assert_eq!(
        old.status,
        StatusCode::GONE,
        "the first link no longer works"
    );
    let new = app
        .client()
        .get(&format!("/nagaizumi/invitations/{second}"))
        .await;
    assert_eq!(new.status, StatusCode::OK, "the newest one does");
}
