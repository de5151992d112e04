//! A thousand people book one event at the same moment, through the real server on a real
//! port: each is signed in, has the event page open (with its form's CSRF token), and sends
//! the booking form when a barrier releases them all. Prints one Markdown row: the answers'
//! p50, p99 and slowest, how many were confirmed and waitlisted, and how many seats were
//! oversold (confirmed beyond the capacity; it must be 0). Run by `bench/booking`.
//!
//! Usage: booking_burst <database URL> [people] [seats]

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use chrono::Utc;
use domain::Role;
use domain::event::{EventDraft, EventInput};
use domain::municipality::EligibilityBasis;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use store::account::NewAccountRecord;
use store::{DatabaseUrl, Store};

type Http = Client<hyper_util::client::legacy::connect::HttpConnector, Full<Bytes>>;

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let url = DatabaseUrl::parse(&args.next().expect("a database URL")).expect("a database URL");
    let people: usize = args.next().map_or(1000, |n| n.parse().expect("people"));
    let seats: usize = args.next().map_or(100, |n| n.parse().expect("seats"));

    let store = Store::open_and_migrate(&url).await.expect("the database");
    let town = demo::load_if_empty(&store)
        .await
        .expect("the demo town")
        .expect("an empty database");
    let tenant = store.tenant(&town);
    let host = tenant
        .account_by_email(demo::DEMO_ACCOUNTS[1].email)
        .await
        .unwrap()
        .unwrap();
    let input = EventInput {
        capacity: seats.to_string(),
        childcare: false,
        public: true,
        ..demo::generated::events(demo::generated::SEED, 1).remove(0)
    };
    let event = tenant
        .create_event(
            &EventDraft::parse(
                &input,
                &domain::skill::Taxonomy::shipped().unwrap(),
                Utc::now(),
            )
            .expect("a valid event"),
            host.id,
        )
        .await
        .unwrap();

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let state = web::AppState::new(store.clone(), web::WebConfig::default())
        .await
        .unwrap();
    tokio::spawn(web::server::serve(
        listener,
        web::router(state),
        web::server::Timeouts::default(),
        std::future::pending(),
    ));
    let client: Http = Client::builder(TokioExecutor::new())
        .pool_max_idle_per_host(people)
        .build_http();

    // Everyone signed in with the event page open.
    let page = format!("{base}/{}/events/{event}", town.slug);
    let mut ready = Vec::with_capacity(people);
    for n in 0..people {
        let account = tenant
            .register_participant(
                &NewAccountRecord {
                    role: Role::Participant,
                    organization_id: None,
                    email: format!("burst{n}@example.jp"),
                    display_name: format!("参加者 {n}"),
                    furigana: "さんかしゃ".into(),
                    password_hash: "unused".into(),
                },
                EligibilityBasis::LivesInTown,
                "2026-11",
            )
            .await
            .unwrap();
        let token = store::secret::random_token();
        let now = Utc::now();
        store
            .create_session(
                &store::secret::token_digest(&token),
                account.id,
                now,
                now + chrono::Duration::hours(8),
            )
            .await
            .unwrap();
        ready.push(open_page(&client, &page, &format!("wk_session={token}")).await);
    }

    let barrier = Arc::new(tokio::sync::Barrier::new(people));
    let mut tasks = Vec::with_capacity(people);
    for (cookie, csrf) in ready {
        let (client, page, barrier) = (client.clone(), page.clone(), barrier.clone());
        tasks.push(tokio::spawn(async move {
            barrier.wait().await;
            let started = Instant::now();
            let request = hyper::Request::post(&page)
                .header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(Full::new(Bytes::from(format!("csrf_token={csrf}"))))
                .unwrap();
            let response = client.request(request).await.expect("an answer");
            let status = response.status().as_u16();
            response.into_body().collect().await.ok();
            (started.elapsed(), status)
        }));
    }
    let mut times = Vec::with_capacity(people);
    let mut not_placed = 0;
    for task in tasks {
        let (took, status) = task.await.unwrap();
        times.push(took);
        if status != 303 {
            not_placed += 1;
        }
    }
    times.sort_unstable();
    let bookings = tenant.event_bookings(event).await.unwrap();
    let count = |status| bookings.iter().filter(|b| b.status == status).count();
    let (confirmed, waitlisted) = (
        count(domain::event::booking::BookingStatus::Confirmed),
        count(domain::event::booking::BookingStatus::Waitlisted),
    );
    let at = |q: f64| ms(times[((times.len() as f64 * q) as usize).min(times.len() - 1)]);
    println!(
        "| {} | {people} | {seats} | {:.0} | {:.0} | {:.0} | {confirmed} | {waitlisted} | {not_placed} | {} |",
        store.backend().name(),
        at(0.5),
        at(0.99),
        ms(*times.last().unwrap()),
        confirmed.saturating_sub(seats),
    );
    store.close().await;
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Opens the event page as the signed-in person: their cookies and the form's CSRF token.
async fn open_page(client: &Http, page: &str, session: &str) -> (String, String) {
    let request = hyper::Request::get(page)
        .header("Cookie", session)
        .body(Full::new(Bytes::new()))
        .unwrap();
    let response = client.request(request).await.expect("the event page");
    let csrf_cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("wk_csrf="))
        .and_then(|v| v.split(';').next())
        .expect("a CSRF cookie")
        .to_owned();
    let html = response.into_body().collect().await.unwrap().to_bytes();
    let html = String::from_utf8_lossy(&html);
    let token = html
        .split("name=\"csrf_token\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the booking form")
        .to_owned();
    (format!("{session}; {csrf_cookie}"), token)
}
