//! The pure types and rules of wakucareer.
//!
//! Everything here is plain data and functions: no I/O, no async, no database or web types.
//! Input from outside becomes one of these types at the edge ("parse, don't validate"), so code
//! further in can rely on the type as proof that the value is well formed.
//!
//! Errors are [`thiserror`] enums, or [`FieldErrors`] for forms, whose entries name the field
//! that was wrong; the web layer turns each into a translated message on that field.

pub mod account;
pub mod account_deletion;
pub mod audit;
pub mod availability;
pub mod data_request;
pub mod email;
pub mod event;
pub mod field_errors;
pub mod fiscal_year;
pub mod furigana;
pub mod import;
pub mod income_cap;
pub mod introduction;
pub mod label;
pub mod local_time;
pub mod message;
pub mod minimum_wage;
pub mod municipality;
pub mod number;
pub mod organization;
pub mod paging;
pub mod participant;
pub mod password_policy;
pub mod personal_file_register;
pub mod report;
pub mod request;
pub mod retention;
pub mod role;
pub mod search;
pub mod skill;
pub mod timeline;
pub mod town_page;
pub mod travel;
pub mod week_preset;

pub use field_errors::FieldErrors;
pub use fiscal_year::FiscalYear;
pub use furigana::Furigana;
pub use municipality::{
    EligibilityRule, FiscalYearStartMonth, Municipality, MunicipalityId, MunicipalitySlug,
    NewMunicipality,
};
pub use role::Role;
