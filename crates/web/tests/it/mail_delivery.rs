//! Mail really leaves through SMTP: a real server (aiosmtpd, started by scripts/test) on
//! 127.0.0.1 receives it into a Maildir, which the test reads back.

use std::time::Duration;

use axum::http::StatusCode;
use domain::Role;
use web::mail::{Mailer, deliver_due};

use crate::harness::TestApp;

fn smtp_url() -> String {
    let address = std::env::var("WAKUCAREER_TEST_SMTP")
        .expect("WAKUCAREER_TEST_SMTP is not set: run the tests through ./scripts/test, which starts an SMTP server");
    format!("smtp://{address}")
}

/// A message as received.
pub struct Received {
    pub subject: String,
    pub text: String,
    pub html: String,
    pub message_id: String,
}

fn header(mail: &mailparse::ParsedMail, name: &str) -> String {
    mail.headers
        .iter()
        .find(|h| h.get_key().eq_ignore_ascii_case(name))
        .map(|h| h.get_value())
        .unwrap_or_default()
}

/// Every message received for `recipient` (waiting up to five seconds for the first).
pub async fn received_all(recipient: &str) -> Vec<Received> {
    let maildir = std::env::var("WAKUCAREER_TEST_MAILDIR").expect("WAKUCAREER_TEST_MAILDIR");
    for _ in 0..50 {
        let mut found = Vec::new();
        for entry in std::fs::read_dir(format!("{maildir}/new"))
            .into_iter()
            .flatten()
            .flatten()
        {
            let raw = std::fs::read(entry.path()).unwrap();
            let mail = mailparse::parse_mail(&raw).unwrap();
            if !header(&mail, "To").contains(recipient) {
                continue;
            }
            let part = |mime: &str| {
                if mail.subparts.is_empty() {
                    if mime == "text/plain" {
                        mail.get_body().unwrap()
                    } else {
                        String::new()
                    }
                } else {
                    mail.subparts
                        .iter()
                        .find(|p| p.ctype.mimetype == mime)
                        .map(|p| p.get_body().unwrap())
                        .unwrap_or_default()
                }
            };
            found.push(Received {
                subject: header(&mail, "Subject"),
                text: part("text/plain"),
                html: part("text/html"),
                message_id: header(&mail, "Message-ID"),
            });
        }
        if !found.is_empty() {
            return found;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no mail for {recipient} arrived");
}

/// The message received for `recipient`, as (subject, text body, Message-ID).
async fn received(recipient: &str) -> (String, String, String) {
    let mail = received_all(recipient).await.remove(0);
    (mail.subject, mail.text, mail.message_id)
}

#[tokio::test]
async fn a_password_reset_mail_arrives_over_smtp_in_japanese() {
    let app = TestApp::new().await;
    let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    let recipient = format!("reset-{}@example.jp", std::process::id());
    app.add_account(Some(&town), Role::Participant, &recipient, "長泉 花子")
        .await;
    let path = "/nagaizumi/password-reset";
    let response = app
        .client()
        .submit(path, path, &[("email", recipient.as_str())])
        .await;
    assert_eq!(response.status, StatusCode::OK);
    crate::harness::mail_to(&app.store, &recipient).await;

    let mailer = Mailer::new(&smtp_url(), "わくキャリ <noreply@wakucareer.example.jp>").unwrap();
    let sent = deliver_due(&app.store, &mailer).await.unwrap();
    let first = &crate::harness::outbox(&app.store, Some(town.id), 1).await[0];
    assert_eq!(sent, 1, "{:?}", first.last_error);
    assert_eq!(
        deliver_due(&app.store, &mailer).await.unwrap(),
        0,
        "sent once"
    );

    let (subject, body, message_id) = received(&recipient).await;
    assert_eq!(subject, "【長泉町 わくキャリ】パスワードの再設定");
    assert!(body.contains("長泉 花子 さま"), "{body}");
    assert!(
        body.contains("http://127.0.0.1:8080/nagaizumi/password-reset/"),
        "{body}"
    );
    let outbox = &crate::harness::outbox(&app.store, Some(town.id), 1).await[0];
    assert!(outbox.sent_at.is_some());
    assert_eq!(
        message_id,
        format!("<outbox-{}@wakucareer.example.jp>", outbox.id)
    );
}

/// Mail is written when it is sent: a person who switched to English after asking for a reset
/// link receives it in English, and staff see the subject it was sent under.
#[tokio::test]
async fn a_queued_mail_is_sent_in_the_language_its_recipient_reads_when_it_is_sent() {
    let app = TestApp::new().await;
    let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    let recipient = format!("switch-{}@example.jp", std::process::id());
    let account = app
        .add_account(Some(&town), Role::Participant, &recipient, "Hanako Izumi")
        .await;
    let path = "/nagaizumi/password-reset";
    app.client()
        .submit(path, path, &[("email", recipient.as_str())])
        .await;
    let queued = crate::harness::mail_to(&app.store, &recipient).await;
    assert!(queued.subject.contains("パスワード"), "{}", queued.subject);
    app.store.set_account_lang(account.id, "en").await.unwrap();

    let mailer = Mailer::new(&smtp_url(), "わくキャリ <noreply@wakucareer.example.jp>").unwrap();
    assert_eq!(deliver_due(&app.store, &mailer).await.unwrap(), 1);
    let (subject, body, _) = received(&recipient).await;
    assert_eq!(subject, "[Nagaizumi Town WakuCareer] Reset your password");
    assert!(body.contains("Hanako Izumi"), "{body}");
    assert!(!body.contains("さま"), "{body}");
    let kept = &crate::harness::outbox(&app.store, Some(town.id), 1).await[0];
    assert_eq!(
        kept.message.subject, subject,
        "the subject staff see is the one sent"
    );
}

#[tokio::test]
async fn when_smtp_is_down_the_message_waits_with_its_error() {
    let app = TestApp::new().await;
    let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    app.add_account(Some(&town), Role::Participant, "down@example.jp", "花子")
        .await;
    let path = "/nagaizumi/password-reset";
    app.client()
        .submit(path, path, &[("email", "down@example.jp")])
        .await;
    crate::harness::mail_to(&app.store, "down@example.jp").await;

    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let mailer = Mailer::new(&format!("smtp://127.0.0.1:{port}"), "noreply@example.jp").unwrap();
    assert_eq!(deliver_due(&app.store, &mailer).await.unwrap(), 0);
    let message = &crate::harness::outbox(&app.store, Some(town.id), 1).await[0];
    assert!(message.sent_at.is_none());
    assert_eq!(message.attempts, 1);
    assert!(message.last_error.is_some());
    assert!(
        message.next_attempt_at > chrono::Utc::now(),
        "retried later, not at once"
    );
    assert_eq!(
        deliver_due(&app.store, &mailer).await.unwrap(),
        0,
        "not due yet"
    );
}

/// A worker that dies after the SMTP server accepted a message but before recording it: the
/// claim expires, another worker sends it again, and both copies carry the same Message-ID
/// (the idempotency key a receiver uses to drop the duplicate). Delivery is at least once.
#[tokio::test]
async fn a_message_sent_by_a_worker_that_died_is_sent_again_with_the_same_message_id() {
    let app = TestApp::new().await;
    let town = app.add_town("nagaizumi", "長泉町", "Nagaizumi Town").await;
    let recipient = format!(
        "crash-{}-{}@example.jp",
        std::process::id(),
        chrono::Utc::now().timestamp_nanos_opt().unwrap_or(0)
    );
    app.add_account(Some(&town), Role::Participant, &recipient, "長泉 花子")
        .await;
    let path = "/nagaizumi/password-reset";
    app.client()
        .submit(path, path, &[("email", recipient.as_str())])
        .await;
    crate::harness::mail_to(&app.store, &recipient).await;
    let mailer = Mailer::new(&smtp_url(), "わくキャリ <noreply@wakucareer.example.jp>").unwrap();

    // Worker A claims and sends, then dies before acknowledging.
    let now = chrono::Utc::now();
    let a = web::mail::Worker::new();
    let claimed = app
        .store
        .claim_due_messages(&a.name, now, now + a.lease, 10)
        .await
        .unwrap();
    assert_eq!(claimed.len(), 1);
    let towns = app.store.municipalities().await.unwrap();
    let written = web::mail::write_stored(&claimed[0], &towns).unwrap();
    mailer.send(&claimed[0], &written).await.unwrap();

    // While A's claim runs, nobody else sends it.
    let b = web::mail::Worker::new();
    assert_eq!(b.deliver_due(&app.store, &mailer, now).await.unwrap(), 0);
    // After it expires, B sends it again and records it.
    let later = now + a.lease + chrono::Duration::seconds(1);
    assert_eq!(b.deliver_due(&app.store, &mailer, later).await.unwrap(), 1);
    assert_eq!(b.deliver_due(&app.store, &mailer, later).await.unwrap(), 0);

    let mut copies = Vec::new();
    for _ in 0..50 {
        copies = super::mail_delivery::received_all(&recipient).await;
        if copies.len() >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(copies.len(), 2, "sent twice: at least once");
    assert_eq!(copies[0].message_id, copies[1].message_id);
    let outbox = &crate::harness::outbox(&app.store, Some(town.id), 1).await[0];
    assert_eq!(
        copies[0].message_id,
        format!("<outbox-{}@wakucareer.example.jp>", outbox.id)
    );
    assert!(outbox.sent_at.is_some());
    assert_eq!(outbox.attempts, 1, "recorded once");
}
