//! Who is asking: sessions, CSRF protection, sign-in throttling and the client's address.

pub mod client_ip;
pub mod csrf;
pub mod secret_path;
pub mod session;
pub mod throttle;

pub use client_ip::ClientIp;
pub use csrf::CsrfToken;
pub use session::{CurrentSession, SignedIn};
