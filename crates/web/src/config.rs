//! The part of the configuration the web layer reads. Loaded once by the binary and kept in
//! [`crate::AppState`]; never a global.

/// Settings for the web layer.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Demo mode: the home page lists the demo accounts.
    pub demo: bool,
    /// The largest request body accepted, in bytes; larger ones get 413.
    pub max_body_bytes: usize,
    /// Mark cookies `Secure`: set when served over TLS or behind a TLS proxy.
    pub secure_cookies: bool,
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            demo: false,
            max_body_bytes: 1024 * 1024,
            secure_cookies: false,
        }
    }
}
