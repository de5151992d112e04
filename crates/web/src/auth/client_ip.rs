//! The address a request came from, for throttling and the audit log.

use std::net::SocketAddr;

use axum::extract::ConnectInfo;
use axum::http::Extensions;

/// The peer's IP address as text, or `unknown` when the server was not told it.
#[derive(Debug, Clone)]
pub struct ClientIp(pub String);

impl ClientIp {
    pub fn from_extensions(extensions: &Extensions) -> Self {
        ClientIp(
            extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map_or_else(|| "unknown".to_owned(), |info| info.0.ip().to_string()),
        )
    }
}
