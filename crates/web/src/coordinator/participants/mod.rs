//! The participant list and a participant's record. Both are views of personal data: each
//! opening is recorded in the audit log before anything is shown.

mod activity;
pub(crate) mod export;
pub(crate) mod filters;
mod list;
mod record;

pub use export::{download as export, export_later};
pub use list::list;
pub use record::{gap_text, record_page, show};
