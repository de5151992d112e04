//! The store's integration tests, one binary, run on the backend the test run chose.

mod audit_log;
mod backup;
mod events;
mod introductions;
mod matching_cache;
mod migrations;
mod outbox;
pub mod participants;
mod personal_data;
mod program_facts;
pub mod requests;
mod tenancy;
mod towns;
mod travel;
