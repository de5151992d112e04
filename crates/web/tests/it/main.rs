//! The web layer's integration tests: the real router, in process, on a fresh database of the
//! run's backend.

mod harness;

mod errors;
mod health;
mod home;
mod i18n_files;
mod security_headers;
