//! The web front of wakucareer: server-rendered pages for every audience, and the JSON API.
//!
//! - [`router`] builds the whole application; [`AppState`] is what every handler can reach.
//! - One module per audience (`public`, and later participant, organization, coordinator,
//!   town and operator). Handlers are thin: parse input, call the store or the domain, render.
//! - [`i18n`] holds the translations; every user-facing string is a key in `locales/`.
//! - [`error`] is the one place that turns failures into responses.

pub mod config;
pub mod error;
pub mod i18n;
pub mod page;

mod assets;
mod health;
mod language_switch;
mod metrics;
mod middleware;
mod public;
mod router;
mod town;

pub use config::WebConfig;
pub use metrics::Metrics;
pub use router::{AppState, router};
