//! The store's integration tests, one binary, run on the backend the test run chose.

mod audit_log;
mod migrations;
mod participants;
mod requests;
mod tenancy;
mod towns;
mod travel;
