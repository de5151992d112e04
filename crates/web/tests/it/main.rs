//! The web layer's integration tests: the real router, in process, on a fresh database of the
//! run's backend.

mod harness;

mod accounts;
mod audit;
mod booking_cancel;
mod browser;
mod csrf;
mod errors;
mod event_changes;
mod events;
mod exports;
mod health;
mod home;
mod html_check;
mod i18n_files;
mod interests;
mod introduction_cancel;
mod introductions;
mod invitations;
pub mod mail_delivery;
mod matching_screens;
mod meetings;
mod participants;
mod personal_data;
mod policy_matrix;
mod pool;
mod public_cache;
mod query_count;
mod raw_keys;
mod request_close;
mod requests;
mod reset;
mod results;
mod saved_jobs;
mod security;
mod security_headers;
mod slow_clients;
mod town_reports;
mod town_settings;
mod work_queue;
mod worker;
