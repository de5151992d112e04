//! Public pages that are the same for every anonymous visitor (the town's home, the lists of
//! requests and events, a request's or an event's page) are kept in memory, per path, query
//! and language, and answered from there; each carries an `ETag` and a `Last-Modified`, and a
//! visitor (or a shared cache, or a CDN) that already has the page gets `304 Not Modified`.
//!
//! - Only GET answers `200` of HTML without a form are kept: a form carries a token meant for
//!   one visitor. Pages for someone signed in, or opened by a personal link, are never kept
//!   (the policy sends them past this cache with `Cache-Control: no-store`).
//! - Any write on this node (a request that is not GET or HEAD) empties the cache at once; the
//!   background worker's writes and other nodes' writes are seen after [`TTL`] at most.
//! - At most [`MAX_ENTRIES`] pages and [`MAX_BYTES`] of them are kept (so odd query strings
//!   cannot grow it without bound); when full, the cache starts afresh.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime};

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use crate::i18n::{self, Lang};

/// How long a kept page is served before it is made again.
pub const TTL: Duration = Duration::from_secs(10);
pub const MAX_ENTRIES: usize = 2_000;
pub const MAX_BYTES: usize = 64 * 1024 * 1024;
/// Pages larger than this are not kept.
const MAX_BODY: usize = 512 * 1024;

#[derive(Clone)]
struct Entry {
    generation: u64,
    made: Instant,
    last_modified: HeaderValue,
    etag: HeaderValue,
    headers: HeaderMap,
    body: Bytes,
    /// The body gzipped once, for the visitors who accept it.
    gzip: Option<Bytes>,
}

/// Marks a response that has no form, so the CSRF layer need not look for one.
#[derive(Debug, Clone, Copy)]
pub struct NoForm;

/// The cache itself, one per application state.
#[derive(Default)]
pub struct PublicCache {
    generation: AtomicU64,
    entries: Mutex<Kept>,
}

#[derive(Default)]
struct Kept {
    pages: HashMap<(String, Lang), Entry>,
    bytes: usize,
}

impl Entry {
    fn size(&self) -> usize {
        self.body.len() + self.gzip.as_ref().map_or(0, Bytes::len)
    }
}

impl PublicCache {
    /// Forgets every page: something was written.
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::Relaxed);
    }

    fn get(&self, key: &(String, Lang)) -> Option<Entry> {
        let generation = self.generation.load(Ordering::Relaxed);
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries
            .pages
            .get(key)
            .filter(|e| e.generation == generation && e.made.elapsed() < TTL)
            .cloned()
    }

    fn put(&self, key: (String, Lang), entry: Entry) {
        self.put_within(key, entry, (MAX_ENTRIES, MAX_BYTES));
    }

    fn put_within(&self, key: (String, Lang), entry: Entry, (pages, bytes): (usize, usize)) {
        let mut kept = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if kept.pages.len() >= pages || kept.bytes + entry.size() > bytes {
            kept.pages.clear();
            kept.bytes = 0;
        }
        kept.bytes += entry.size();
        if let Some(old) = kept.pages.insert(key, entry) {
            kept.bytes = kept.bytes.saturating_sub(old.size());
        }
    }
}

/// Middleware (outer): every write empties the cache once it is done.
pub async fn invalidate_on_write(
    axum::extract::State(cache): axum::extract::State<std::sync::Arc<PublicCache>>,
    request: Request,
    next: Next,
) -> Response {
    let writes = !matches!(*request.method(), Method::GET | Method::HEAD);
    let response = next.run(request).await;
    if writes {
        cache.invalidate();
    }
    response
}

/// Answers an anonymous visitor's public GET from the cache, or makes the page and keeps it.
pub async fn serve(cache: &PublicCache, request: Request, next: Next) -> Response {
    if request.method() != Method::GET {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let lang = i18n::negotiate(&parts);
    let key = (
        parts
            .uri
            .path_and_query()
            .map_or_else(|| parts.uri.path().to_owned(), |pq| pq.as_str().to_owned()),
        lang,
    );
    let if_none_match = parts.headers.get(header::IF_NONE_MATCH).cloned();
    let gzip = parts
        .headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("gzip"));
    if let Some(entry) = cache.get(&key) {
        return answer(&entry, if_none_match.as_ref(), gzip);
    }
    let generation = cache.generation.load(Ordering::Relaxed);
    let response = next.run(Request::from_parts(parts, body)).await;
    let keepable = response.status() == StatusCode::OK
        && response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
    if !keepable {
        return response;
    }
    let (mut head, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if has_form(&bytes) {
        return Response::from_parts(head, Body::from(bytes));
    }
    let etag = format!("\"{}\"", hex(&Sha256::digest(&bytes)[..12]));
    let entry = Entry {
        generation,
        made: Instant::now(),
        last_modified: http_date(SystemTime::now()),
        etag: HeaderValue::from_str(&etag).unwrap_or(HeaderValue::from_static("\"0\"")),
        headers: std::mem::take(&mut head.headers),
        gzip: gzipped(&bytes),
        body: bytes,
    };
    cache.put(key, entry.clone());
    answer(&entry, if_none_match.as_ref(), gzip)
}

fn gzipped(bytes: &[u8]) -> Option<Bytes> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).ok()?;
    encoder.finish().ok().map(Bytes::from)
}

fn answer(entry: &Entry, if_none_match: Option<&HeaderValue>, gzip: bool) -> Response {
    let fresh = if_none_match.is_some_and(|given| {
        given
            .to_str()
            .is_ok_and(|v| v.split(',').any(|tag| tag.trim() == entry.etag))
    });
    let mut response = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let (body, encoded) = match (&entry.gzip, gzip) {
            (Some(gz), true) => (gz.clone(), true),
            _ => (entry.body.clone(), false),
        };
        let mut response = Response::new(Body::from(body));
        *response.headers_mut() = entry.headers.clone();
        if encoded {
            response
                .headers_mut()
                .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
        }
        response
    };
    response.extensions_mut().insert(NoForm);
    let headers = response.headers_mut();
    headers.insert(header::ETAG, entry.etag.clone());
    headers.insert(header::LAST_MODIFIED, entry.last_modified.clone());
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=0, must-revalidate"),
    );
    headers.insert(
        header::VARY,
        HeaderValue::from_static("Accept-Encoding, Accept-Language, Cookie"),
    );
    response
}

/// Whether a page holds a form with a CSRF token (meant for one visitor).
pub fn has_form(body: &[u8]) -> bool {
    memchr::memmem::find(body, b"name=\"csrf_token\"").is_some()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn http_date(time: SystemTime) -> HeaderValue {
    let when: chrono::DateTime<chrono::Utc> = time.into();
    HeaderValue::from_str(&when.format("%a, %d %b %Y %H:%M:%S GMT").to_string())
        .unwrap_or(HeaderValue::from_static("Thu, 01 Jan 1970 00:00:00 GMT"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_are_recognised_by_their_token_field() {
        assert!(has_form(
            br#"<form><input type="hidden" name="csrf_token" value="x"></form>"#
        ));
        assert!(!has_form(b"<main><a href=\"/\">home</a></main>"));
    }

    fn page(body: &'static [u8]) -> Entry {
        Entry {
            generation: 0,
            made: Instant::now(),
            last_modified: http_date(SystemTime::now()),
            etag: HeaderValue::from_static("\"a\""),
            headers: HeaderMap::new(),
            body: Bytes::from_static(body),
            gzip: None,
        }
    }

    #[test]
    fn the_cache_never_holds_more_than_its_bytes() {
        let cache = PublicCache::default();
        for i in 0..100 {
            let key = (format!("/nagaizumi/events?x={i}"), Lang::Ja);
            cache.put_within(key, page(b"0123456789"), (1_000, 45));
            let kept = cache.entries.lock().unwrap();
            assert!(kept.bytes <= 45 && kept.pages.len() <= 4, "{}", kept.bytes);
        }
    }

    #[test]
    fn a_write_forgets_every_page() {
        let cache = PublicCache::default();
        let key = ("/nagaizumi/events".to_owned(), Lang::Ja);
        let entry = Entry {
            generation: 0,
            made: Instant::now(),
            last_modified: http_date(SystemTime::now()),
            etag: HeaderValue::from_static("\"a\""),
            headers: HeaderMap::new(),
            body: Bytes::from_static(b"<p>x</p>"),
            gzip: None,
        };
        cache.put(key.clone(), entry);
        assert!(cache.get(&key).is_some());
        cache.invalidate();
        assert!(cache.get(&key).is_none());
    }
}
