//! Builds the app on a fresh database and sends it requests, as a browser would: cookies are
//! kept per client, and forms are posted with the CSRF token the page carried.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Mutex;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, Response, StatusCode};
use domain::account::normalize_email;
use domain::municipality::MunicipalityInput;
use domain::{Municipality, NewMunicipality, Role};
use http_body_util::BodyExt;
use store::account::{Account, NewAccountRecord};
use store::secret::hash_password;
use store::testing::{TestStore, fresh_store};
use tower::ServiceExt;
use web::{AppState, WebConfig};

pub const PASSWORD: &str = "mikan-no-hana-2026";

pub struct TestApp {
    pub store: TestStore,
    pub router: Router,
    /// The app's cache of public pages: a test that writes to the store directly (not
    /// through a request, which empties it) empties it too.
    pub public_cache: std::sync::Arc<web::public_cache::PublicCache>,
}

#[derive(Debug)]
pub struct TestResponse {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
    /// The body as sent (a download's bytes).
    pub bytes: Vec<u8>,
}

impl TestApp {
    pub async fn new() -> Self {
        Self::with_config(WebConfig::default()).await
    }

    pub async fn with_config(config: WebConfig) -> Self {
        let store = fresh_store().await;
        let state = AppState::new(store.store.clone(), config).await.unwrap();
        let public_cache = state.public_cache.clone();
        let router = web::router(state);
        Self {
            store,
            router,
            public_cache,
        }
    }

    /// Moves event `id` and its sessions (and its deadlines) by `by`, as if it had been made
    /// that much earlier or later: how a test reaches the day of an event.
    pub async fn shift_event(&self, town: &Municipality, id: i64, by: chrono::Duration) {
        let tenant = self.store.tenant(town);
        let e = tenant.event(id).await.unwrap().unwrap();
        let sessions = tenant.event_sessions(id).await.unwrap();
        let draft = domain::event::EventDraft {
            kind: e.kind,
            title: e.title,
            title_en: e.title_en,
            description: e.description,
            description_en: e.description_en,
            place: e.place,
            online_url: e.online_url,
            sessions: sessions
                .iter()
                .map(|s| (s.starts_at + by, s.ends_at + by))
                .collect(),
            capacity: u32::try_from(e.capacity).unwrap(),
            opens_at: e.opens_at + by,
            closes_at: e.closes_at + by,
            cancel_deadline: e.cancel_deadline + by,
            childcare: e.childcare,
            carers: u32::try_from(e.carers).unwrap(),
            children_programme: e.children_programme,
            public: e.public,
            skills: Vec::new(),
        };
        let saved = tenant.update_event(id, &draft, &[]).await.unwrap();
        assert_eq!(saved, store::event_change::EventEdit::Saved);
    }

    pub async fn add_town(&self, slug: &str, name_ja: &str, name_en: &str) -> Municipality {
        let town = NewMunicipality::parse(&MunicipalityInput {
            slug,
            name_ja,
            name_en,
            eligibility: "residents_or_workers",
            fiscal_year_start: "4",
            contact_email: "office@example.jp",
            contact_phone: "055-000-0000",
            prefecture: "",
        })
        .unwrap();
        let town = self.store.create_municipality(&town).await.unwrap();
        self.public_cache.invalidate();
        town
    }

    /// An account with [`PASSWORD`], made directly in the store.
    pub async fn add_account(
        &self,
        town: Option<&Municipality>,
        role: Role,
        email: &str,
        name: &str,
    ) -> Account {
        let organization_id = match (town, role) {
            (Some(town), Role::OrganizationMember) => Some(
                self.store
                    .tenant(town)
                    .organization_named("株式会社テスト")
                    .await
                    .unwrap()
                    .id,
            ),
            _ => None,
        };
        let record = NewAccountRecord {
            role,
            organization_id,
            email: normalize_email(email),
            display_name: name.to_owned(),
            furigana: "てすと".to_owned(),
            password_hash: hash_password(PASSWORD),
        };
        match (town, role) {
            (Some(town), Role::Participant) => self
                .store
                .tenant(town)
                .register_participant(
                    &record,
                    domain::municipality::EligibilityBasis::LivesInTown,
                    "test",
                )
                .await
                .unwrap(),
            (Some(town), _) => self
                .store
                .tenant(town)
                .create_account(&record)
                .await
                .unwrap(),
            (None, _) => self.store.create_operator(&record).await.unwrap(),
        }
    }

    pub async fn send(&self, mut request: Request<Body>) -> TestResponse {
        request
            .extensions_mut()
            .insert(ConnectInfo(SocketAddr::from(([192, 0, 2, 10], 50000))));
        let response: Response<Body> = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        TestResponse {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            bytes: bytes.to_vec(),
        }
    }

    pub async fn get(&self, path: &str) -> TestResponse {
        self.send(Request::get(path).body(Body::empty()).unwrap())
            .await
    }

    pub async fn get_with(&self, path: &str, header: (&str, &str)) -> TestResponse {
        self.send(
            Request::get(path)
                .header(header.0, header.1)
                .body(Body::empty())
                .unwrap(),
        )
        .await
    }

    pub fn client(&self) -> Client<'_> {
        Client {
            app: self,
            cookies: Mutex::new(BTreeMap::new()),
        }
    }
}

impl TestResponse {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }

    pub fn location(&self) -> &str {
        self.header("location")
    }

    /// The CSRF token of the first form on the page.
    pub fn csrf(&self) -> String {
        let start = self
            .body
            .find(r#"name="csrf_token" value=""#)
            .expect("a form with a CSRF token");
        let rest = &self.body[start + r#"name="csrf_token" value=""#.len()..];
        rest[..rest.find('"').unwrap()].to_owned()
    }
}

/// A browser: keeps cookies between requests.
pub struct Client<'a> {
    pub app: &'a TestApp,
    pub cookies: Mutex<BTreeMap<String, String>>,
}

impl Client<'_> {
    fn cookie_header(&self) -> String {
        self.cookies
            .lock()
            .unwrap()
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn remember(&self, response: &TestResponse) {
        for value in response.headers.get_all("set-cookie") {
            let text = value.to_str().unwrap();
            let pair = text.split(';').next().unwrap();
            let (name, value) = pair.split_once('=').unwrap();
            let mut cookies = self.cookies.lock().unwrap();
            if value.is_empty() || text.contains("Max-Age=0") {
                cookies.remove(name);
            } else {
                cookies.insert(name.to_owned(), value.to_owned());
            }
        }
    }

    pub async fn get(&self, path: &str) -> TestResponse {
        let request = Request::get(path)
            .header("cookie", self.cookie_header())
            .body(Body::empty())
            .unwrap();
        let response = self.app.send(request).await;
        self.remember(&response);
        response
    }

    /// Posts a form with the given fields and the CSRF token as given.
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        let body: String = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        let request = Request::post(path)
            .header("cookie", self.cookie_header())
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        let response = self.app.send(request).await;
        self.remember(&response);
        response
    }

    /// Opens `form_page`, then posts `fields` to `path` with the page's CSRF token.
    pub async fn submit(
        &self,
        form_page: &str,
        path: &str,
        fields: &[(&str, &str)],
    ) -> TestResponse {
        let page = self.get(form_page).await;
        let token = page.csrf();
        let mut all: Vec<(&str, &str)> = vec![("csrf_token", token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(path, &all).await
    }

    pub async fn sign_in(&self, login_path: &str, email: &str, password: &str) -> TestResponse {
        self.submit(
            login_path,
            login_path,
            &[("email", email), ("password", password)],
        )
        .await
    }

    pub fn has_cookie(&self, name: &str) -> Option<String> {
        self.cookies.lock().unwrap().get(name).cloned()
    }
}

/// A queued message as the worker will send it: written in its recipient's language.
pub struct Mail {
    pub message: store::outbox::OutboxMessage,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
}

impl std::ops::Deref for Mail {
    type Target = store::outbox::OutboxMessage;
    fn deref(&self) -> &Self::Target {
        &self.message
    }
}

/// The newest queued messages (of one town, or all), each written as it will be sent.
pub async fn outbox(
    store: &store::Store,
    town: Option<domain::MunicipalityId>,
    limit: i64,
) -> Vec<Mail> {
    let towns = store.municipalities().await.unwrap();
    store
        .outbox(town, limit)
        .await
        .unwrap()
        .into_iter()
        .map(|message| {
            let written = web::mail::write_stored(&message, &towns).unwrap();
            Mail {
                message,
                subject: written.subject,
                body_text: written.text,
                body_html: written.html,
            }
        })
        .collect()
}

/// The newest message to `recipient`, waiting up to five seconds for it: mail for strangers
/// (sign-up, password reset) is written after the answer, so the answer's timing tells nothing.
pub async fn mail_to(store: &store::Store, recipient: &str) -> Mail {
    for _ in 0..100 {
        if let Some(message) = outbox(store, None, 50)
            .await
            .into_iter()
            .find(|m| m.recipient == recipient)
        {
            return message;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("no mail to {recipient} arrived");
}

/// The path of the first link in a mail body (links start with the configured public URL).
pub fn link_path(body: &str) -> String {
    let start = body.find("http://").expect("a link");
    let url = body[start..].split_whitespace().next().unwrap();
    let after_scheme = &url["http://".len()..];
    after_scheme[after_scheme.find('/').unwrap_or(after_scheme.len())..].to_owned()
}

impl Client<'_> {
    /// Registers through both steps: the email, then the link it receives and `details`.
    pub async fn sign_up(&self, email: &str, details: &[(&str, &str)]) -> TestResponse {
        let sent = self
            .submit(
                "/nagaizumi/signup",
                "/nagaizumi/signup",
                &[("email", email)],
            )
            .await;
        assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
        let mail = mail_to(&self.app.store, &normalize_email(email)).await;
        let link = link_path(&mail.body_text);
        self.submit(&link, &link, details).await
    }
}
