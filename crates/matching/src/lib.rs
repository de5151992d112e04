//! The matching engine of wakucareer.
//!
//! It depends on `domain` only and never on a database, web or async crate: `.ci/run` checks
//! this with `cargo tree -i`. The engine (feasibility, explained scoring, batch assignment,
//! team formation and exposure fairness; see DESIGN.md section 6) is built here once
//! participants and requests exist in the domain crate.
