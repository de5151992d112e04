//! Slow clients cannot pin the server: the real server loop (`web::server`) on a real port
//! cuts off headers and bodies that do not arrive in time, and serves everyone else meanwhile.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use store::testing::{TestStore, fresh_store};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use web::server::Timeouts;

const TIMEOUTS: Timeouts = Timeouts {
    headers: Duration::from_millis(400),
    body: Duration::from_millis(600),
};

async fn server() -> (SocketAddr, TestStore) {
    let store = fresh_store().await;
    demo::load_if_empty(&store).await.unwrap().unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let state = web::AppState::new(store.store.clone(), web::WebConfig::default())
        .await
        .unwrap();
    tokio::spawn(web::server::serve(
        listener,
        web::router(state),
        TIMEOUTS,
        std::future::pending(),
    ));
    (address, store)
}

/// Everything the server sends until it closes the connection; fails if it keeps it open.
async fn until_closed(stream: &mut TcpStream) -> String {
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut answer))
        .await
        .expect("the server closes the connection")
        .ok();
    String::from_utf8_lossy(&answer).into_owned()
}

#[tokio::test]
async fn headers_sent_too_slowly_are_cut_off_while_others_are_served() {
    let (address, _store) = server().await;
    let mut slow = Vec::new();
    for _ in 0..40 {
        let mut stream = TcpStream::connect(address).await.unwrap();
        stream
            .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n")
            .await
            .unwrap();
        slow.push(stream);
    }
    let mut client = TcpStream::connect(address).await.unwrap();
    client
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let answer = until_closed(&mut client).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");

    let started = Instant::now();
    for stream in &mut slow {
        let answer = until_closed(stream).await;
        assert!(
            answer.is_empty() || answer.starts_with("HTTP/1.1 408"),
            "{answer}"
        );
    }
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[tokio::test]
async fn an_idle_kept_alive_connection_is_closed() {
    let (address, _store) = server().await;
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .await
        .unwrap();
    let answer = until_closed(&mut stream).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

#[tokio::test]
async fn a_body_sent_too_slowly_is_answered_408() {
    let (address, _store) = server().await;
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream
        .write_all(
            b"POST /nagaizumi/login HTTP/1.1\r\nHost: localhost\r\n\
              Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 200\r\n\r\nemail=a",
        )
        .await
        .unwrap();
    let started = Instant::now();
    let answer = until_closed(&mut stream).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("送信に時間がかかりすぎました"), "{answer}");
    assert!(started.elapsed() >= TIMEOUTS.body);
}
