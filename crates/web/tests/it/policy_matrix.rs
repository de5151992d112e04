//! The authorization matrix: every route in the policy table × every role (and anonymous, and
//! a coordinator of another town) × GET and POST, against the outcome the table implies.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use chrono::{Duration, Utc};
use domain::Role;
use store::account::Account;
use store::secret::{random_token, token_digest};
use web::auth::csrf::token_for;
use web::policy::{Access, ROUTE_ACCESS, rule};

use crate::harness::{TestApp, TestResponse};

struct Actor {
    label: &'static str,
    account: Option<Account>,
    /// Whether the account belongs to town A, the town in every path.
    in_town_a: bool,
}

fn expected_allowed(access: Access, actor: &Actor) -> bool {
    match (access, &actor.account) {
        (Access::Public, _) => true,
        (_, None) => false,
        (Access::Operator, Some(account)) => account.role == Role::Operator,
        (Access::Town(roles), Some(account)) => actor.in_town_a && roles.contains(&account.role),
    }
}

fn is_denied(response: &TestResponse) -> bool {
    response.status == StatusCode::FORBIDDEN
        || (response.status == StatusCode::SEE_OTHER
            && response.location().contains("/login?next="))
}

/// What a permitted request may answer. Never a server error. A page without a record in its
/// path succeeds or redirects; one naming a record (`{id}`, `{token}`) may also find none of
/// that id for this person (404 or 410), since the ids here are not theirs; a form posted
/// empty may be refused as bad input (400, 409, 422). The metrics (when off) and a town's
/// logo (when it has none) may be missing.
fn permitted_answer(path: &str, method: &Method, response: &TestResponse) -> bool {
    let status = response.status;
    if status.is_server_error() {
        return false;
    }
    let names_record = path.contains("{id}") || path.contains("{token}");
    let ok = status.is_success() || status.is_redirection();
    let missing = status == StatusCode::NOT_FOUND || status == StatusCode::GONE;
    let refused_input = matches!(status.as_u16(), 400 | 409 | 422);
    match (*method == Method::GET, names_record) {
        // A town without a logo has none to serve.
        (true, false) => {
            ok || matches!(path, "/metrics" | "/{town}/logo") && status == StatusCode::NOT_FOUND
        }
        (true, true) => ok || missing,
        (false, false) => ok || refused_input,
        (false, true) => ok || missing || refused_input,
    }
}

async fn send_as(
    app: &TestApp,
    actor: &Actor,
    method: &Method,
    path: &str,
    csrf_key: &[u8],
) -> TestResponse {
    let mut cookies = vec![format!("wk_csrf=matrix")];
    let mut binding = web::auth::csrf::ANONYMOUS.to_owned();
    if let Some(account) = &actor.account {
        let token = random_token();
        let now = Utc::now();
        app.store
            .create_session(
                &token_digest(&token),
                account.id,
                now,
                now + Duration::hours(1),
            )
            .await
            .unwrap();
        cookies.push(format!("wk_session={token}"));
        binding = token_digest(&token);
    }
    let body = if method == Method::POST {
        format!("csrf_token={}", token_for(csrf_key, "matrix", &binding))
    } else {
        String::new()
    };
    let request = Request::builder()
        .method(method.clone())
        .uri(path)
        .header("cookie", cookies.join("; "))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap();
    app.send(request).await
}

#[tokio::test]
async fn every_route_answers_every_role_as_the_policy_table_says() {
    let app = TestApp::new().await;
    let a = app.add_town("town-a", "A町", "Town A").await;
    let b = app.add_town("town-b", "B町", "Town B").await;
    let participant = app
        .add_account(Some(&a), Role::Participant, "p@a.example.jp", "参加者")
        .await;
    let actors = vec![
        Actor {
            label: "anonymous",
            account: None,
            in_town_a: false,
        },
        Actor {
            label: "participant",
            account: Some(participant.clone()),
            in_town_a: true,
        },
        Actor {
            label: "organization member",
            account: Some(
                app.add_account(Some(&a), Role::OrganizationMember, "o@a.example.jp", "担当")
                    .await,
            ),
            in_town_a: true,
        },
        Actor {
            label: "coordinator",
            account: Some(
                app.add_account(Some(&a), Role::Coordinator, "c@a.example.jp", "調整")
                    .await,
            ),
            in_town_a: true,
        },
        Actor {
            label: "town officer",
            account: Some(
                app.add_account(Some(&a), Role::TownOfficer, "t@a.example.jp", "役場")
                    .await,
            ),
            in_town_a: true,
        },
        Actor {
            label: "operator",
            account: Some(
                app.add_account(None, Role::Operator, "root@example.jp", "運営")
                    .await,
            ),
            in_town_a: false,
        },
        Actor {
            label: "coordinator of another town",
            account: Some(
                app.add_account(Some(&b), Role::Coordinator, "c@b.example.jp", "他町")
                    .await,
            ),
            in_town_a: false,
        },
    ];
    let csrf_key = app
        .store
        .server_key("csrf", || unreachable!("made at start"))
        .await
        .unwrap();

    let mut paths: Vec<&str> = ROUTE_ACCESS.iter().map(|(path, _, _)| *path).collect();
    paths.dedup();
    let mut checked = 0;
    let mut failures = Vec::new();
    for path in paths {
        let concrete = path
            .replace("{town}", "town-a")
            .replace("{token}", "no-such-token")
            .replace("{id}", &participant.id.0.to_string())
            .replace("{booking}", "1")
            .replace("{hearing}", "1")
            .replace("{file}", "app.css")
            .replace("{code}", "en");
        for method in [Method::GET, Method::POST] {
            for actor in &actors {
                let response = send_as(&app, actor, &method, &concrete, csrf_key.as_bytes()).await;
                checked += 1;
                let outcome = match rule(path, &method) {
                    None if response.status == StatusCode::METHOD_NOT_ALLOWED => continue,
                    None => Some(format!(
                        "{} answers {} without a table entry",
                        method, response.status
                    )),
                    Some(access) => {
                        let allowed = expected_allowed(access, actor);
                        match (allowed, is_denied(&response)) {
                            (true, true) => Some(format!(
                                "denied ({}) but the table allows it",
                                response.status
                            )),
                            (true, false) if !permitted_answer(path, &method, &response) => {
                                Some(format!("permitted but answered {}", response.status))
                            }
                            (false, false) => Some(format!(
                                "allowed ({}) but the table denies it",
                                response.status
                            )),
                            _ => None,
                        }
                    }
                };
                if let Some(problem) = outcome {
                    failures.push(format!("{method} {concrete} as {}: {problem}", actor.label));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked > 300, "checked {checked}");
}
