//! The web front of wakucareer: server-rendered pages for every audience, and the JSON API.
//!
//! - [`router`] builds the whole application; [`AppState`] is what every handler can reach.
//! - One module per audience (`public`, and later participant, organization, coordinator,
//!   town and operator). Handlers are thin: parse input, call the store or the domain, render.
//! - [`i18n`] holds the translations; every user-facing string is a key in `locales/`.
//! - [`error`] is the one place that turns failures into responses.

pub mod accessibility_report;
pub mod auth;
mod bar_chart;
pub mod config;
pub mod error;
mod error_page;
pub mod i18n;
pub mod page;
pub mod policy;

mod account;
mod area_choices;
mod assets;
mod audit_trail;
mod audit_view;
mod coordinator;
mod csv_file;
mod events;
mod form;
mod formats;
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
mod health;
mod ical;
pub mod import_words;
mod income_walls;
pub mod input_guard;
mod introduction_done;
mod introductions;
mod invite;
mod label_words;
mod language_switch;
mod letter;
pub mod list_export;
pub mod mail;
mod metrics;
mod middleware;
mod my_data;
mod notifications;
pub mod notify;
mod operator;
mod organization_home;
pub mod organization_import;
mod outbox_view;
mod participant;
pub mod participant_import;
mod proxy_range;
mod public;
pub mod public_cache;
pub(crate) mod requests;
mod role_homes;
mod router;
mod routes;
pub mod server;
mod shown_text;
mod skill_choices;
pub mod spreadsheet;
mod state;
mod town;
mod town_reports;
mod town_settings;
mod weekly_grid;
pub mod worker;

pub use config::{DemoLogin, SecretString, WebConfig};
pub use form::field_error_words as form_error_words;
pub use metrics::Metrics;
pub use proxy_range::ProxyRange;
pub use router::router;
pub use routes::Routes;
pub use state::{AppState, StartError};
