//! The store's integration tests, one binary, run on the backend the test run chose.

mod audit_log;
mod backup;
mod events;
mod introductions;
mod migrations;
mod outbox;
mod participants;
pub mod requests;
mod tenancy;
mod towns;
mod travel;
