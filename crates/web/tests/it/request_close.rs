//! Ending a request asks first, on a page of its own: the button leads to a confirmation page,
//! a post without the confirmation changes nothing, and a comment too long is a field error.

use axum::http::StatusCode;

use crate::harness::TestApp;
use crate::html_check::assert_valid;

#[tokio::test]
async fn ending_a_request_asks_on_its_own_page_first() {
    let app = TestApp::new().await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let tenant = app.store.tenant(&town);
    let published = tenant
        .published_requests(&Default::default(), 100)
        .await
        .unwrap();
    let job = published
        .iter()
        .find(|r| r.title.contains("客室の準備"))
        .unwrap();
    let coordinator = app.client();
    coordinator
        .sign_in(
            "/nagaizumi/login",
            "coordinator@demo.example.jp",
            demo::DEMO_PASSWORD,
        )
        .await;
    let base = format!("/nagaizumi/coordinator/requests/{}", job.id);
    let page = coordinator.get(&base).await;
    let confirm = format!("{base}/close?move=close-filled");
    assert!(
        page.body.contains(&format!("href=\"{confirm}\"")),
        "closing is a link to its own page, not a one-tap button"
    );
    assert!(!page.body.contains("value=\"close-filled\""));

    // A post that skips the page is sent to it; nothing changes.
    let skipped = coordinator
        .submit(
            &base,
            &format!("{base}/status"),
            &[("from", "published"), ("action", "close-filled")],
        )
        .await;
    assert_eq!(skipped.status, StatusCode::SEE_OTHER);
    assert_eq!(skipped.location(), confirm);
    assert_eq!(
        tenant.request(job.id).await.unwrap().unwrap().status,
        "published"
    );

    let asked = coordinator.get(&confirm).await;
    assert_eq!(asked.status, StatusCode::OK);
    assert_valid(&asked.body);
    assert!(asked.body.contains("この依頼を終了しますか") && asked.body.contains(&job.title));
    assert!(asked.body.contains("元に戻せません"));

    // Too long a comment: the field says so, the text is kept, and nothing changes.
    let long = "あ".repeat(1001);
    let confirmed = |comment: String| {
        vec![
            ("from".to_owned(), "published".to_owned()),
            ("action".to_owned(), "close-filled".to_owned()),
            ("confirmed".to_owned(), "yes".to_owned()),
            ("comment".to_owned(), comment),
        ]
    };
    let fields = confirmed(long.clone());
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let refused = coordinator
        .submit(&confirm, &format!("{base}/status"), &refs)
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("id=\"f-comment-error\""));
    assert!(refused.body.contains(&long), "what was typed is kept");
    assert_eq!(
        tenant.request(job.id).await.unwrap().unwrap().status,
        "published"
    );

    let fields = confirmed("2名の方に決まりました。".to_owned());
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let closed = coordinator
        .submit(&confirm, &format!("{base}/status"), &refs)
        .await;
    assert!(
        closed.location().ends_with("done=moved"),
        "{}",
        closed.location()
    );
    let stored = tenant.request(job.id).await.unwrap().unwrap();
    assert_eq!(
        (stored.status.as_str(), stored.close_reason.as_deref()),
        ("closed", Some("filled"))
    );
    let page = coordinator.get(&base).await;
    assert!(
        page.body.contains("2名の方に決まりました。"),
        "the comment is in the history"
    );
    // Once closed, the confirmation page is gone too.
    let again = coordinator.get(&confirm).await;
    assert!(again.location().ends_with("done=stale"));
}

#[tokio::test]
async fn an_organization_withdraws_its_own_request_only_after_confirming() {
    let app = TestApp::new().await;
    let town = demo::load_if_empty(&app.store).await.unwrap().unwrap();
    let tenant = app.store.tenant(&town);
    let inn = tenant
        .account_by_email("inn@demo.example.jp")
        .await
        .unwrap()
        .unwrap();
    let own = tenant
        .requests_of_organization(inn.organization_id.unwrap())
        .await
        .unwrap();
    let request = own.iter().find(|r| r.status == "published").unwrap();
    let member = app.client();
    member
        .sign_in(
            "/nagaizumi/login",
            "inn@demo.example.jp",
            demo::DEMO_PASSWORD,
        )
        .await;
    let base = format!("/nagaizumi/org/requests/{}", request.id);
    let confirm = format!("{base}/close?move=withdraw");
    let page = member.get(&base).await;
    assert!(page.body.contains(&format!("href=\"{confirm}\"")));
    let asked = member.get(&confirm).await;
    assert_eq!(asked.status, StatusCode::OK);
    assert!(asked.body.contains("依頼を取り下げます"));

    // A member of another organization cannot open the page for it, nor withdraw it.
    let elsewhere = tenant
        .published_requests(&Default::default(), 100)
        .await
        .unwrap()
        .into_iter()
        .find(|r| Some(r.organization_id) != inn.organization_id)
        .unwrap()
        .organization_id;
    let outsider = app
        .add_account(
            Some(&town),
            domain::Role::OrganizationMember,
            "other@example.jp",
            "別",
        )
        .await;
    let mut conn = app.store.conn().await.unwrap();
    store::on_backend!(conn.exec(), c => sqlx::query("UPDATE account SET organization_id = $1 WHERE id = $2")
        .bind(elsewhere).bind(outsider.id.0).execute(c).await.map(|r| r.rows_affected())).unwrap();
    drop(conn);
    let other = app.client();
    other
        .sign_in(
            "/nagaizumi/login",
            "other@example.jp",
            crate::harness::PASSWORD,
        )
        .await;
    assert_eq!(other.get(&confirm).await.status, StatusCode::NOT_FOUND);
    let attempt = other
        .submit(
            "/nagaizumi/org/",
            &format!("{base}/status"),
            &[
                ("from", "published"),
                ("action", "withdraw"),
                ("confirmed", "yes"),
            ],
        )
        .await;
    assert_eq!(attempt.status, StatusCode::NOT_FOUND);
    assert_eq!(
        tenant.request(request.id).await.unwrap().unwrap().status,
        "published"
    );

    let done = member
        .submit(
            &confirm,
            &format!("{base}/status"),
            &[
                ("from", "published"),
                ("action", "withdraw"),
                ("confirmed", "yes"),
            ],
        )
        .await;
    assert!(
        done.location().ends_with("done=moved"),
        "{}",
        done.location()
    );
    let stored = tenant.request(request.id).await.unwrap().unwrap();
    assert_eq!(stored.close_reason.as_deref(), Some("withdrawn"));
}
