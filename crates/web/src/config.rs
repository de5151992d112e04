//! The part of the configuration the web layer reads. Loaded once by the binary and kept in
//! [`crate::AppState`]; never a global.

/// A demo account shown on the demo home page.
#[derive(Debug, Clone)]
pub struct DemoLogin {
    pub role: domain::Role,
    pub email: String,
    pub password: String,
}

/// A secret setting: its `Debug` output never shows the value.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretString(String);

impl SecretString {
    pub fn new(value: String) -> Self {
        Self(value)
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for SecretString {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("***")
    }
}

/// Settings for the web layer.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Demo mode: the home page lists the demo accounts.
    pub demo: bool,
    /// The demo accounts, listed on the home page in demo mode only.
    pub demo_accounts: Vec<DemoLogin>,
    /// The largest request body accepted, in bytes; larger ones get 413.
    pub max_body_bytes: usize,
    /// Mark cookies `Secure`: set when served over TLS or behind a TLS proxy.
    pub secure_cookies: bool,
    /// A session ends after this long without a request.
    pub session_idle_minutes: i64,
    /// A session ends this long after sign-in, however active.
    pub session_absolute_hours: i64,
    /// How long a freed event seat is held for the person offered it from the waitlist.
    pub waitlist_offer_hours: i64,
    /// How many days after an event ends its attendance can still be recorded.
    pub attendance_days: i64,
    /// A staff list longer than this is made into a file by the worker (`list_export`).
    pub background_export_rows: i64,
    /// The address people reach the platform at, for links in emails, e.g.
    /// `https://wakucari.example.jp`.
    pub public_url: String,
    /// Reverse proxies whose forwarding headers name the client's address.
    pub trusted_proxies: Vec<crate::proxy_range::ProxyRange>,
    /// The bearer token `/metrics` requires; without one `/metrics` is not served.
    pub metrics_token: Option<SecretString>,
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            demo: false,
            demo_accounts: Vec::new(),
            max_body_bytes: 1024 * 1024,
            secure_cookies: false,
            session_idle_minutes: 120,
            session_absolute_hours: 12,
            waitlist_offer_hours: store::booking::OFFER_HOURS,
            attendance_days: 30,
            background_export_rows: 2_000,
            public_url: "http://127.0.0.1:8080".to_owned(),
            trusted_proxies: Vec::new(),
            metrics_token: None,
        }
    }
}
