//! The matching engine of wakucareer.
//!
//! It depends on `domain` only and never on a database, web or async crate: `.ci/run` checks
//! this with `cargo tree -i`. Inputs are compact, engine-side copies of participants
//! ([`Candidate`]) and requests ([`Opening`]) that the store layer builds.
//!
//! - [`feasibility`]: the hard constraints, each failure with a reason code.
//! - [`score`]: the soft score, 0–100, with its components, reasons and gaps.
//! - [`shortlist`]: top-k both ways.
//! - [`assignment`]: batch proposals solved exactly as a min-cost flow.
//! - [`team`]: team formation for team projects by branch and bound.
//! - [`courses`]: the hook from a skill gap to the courses that teach it.

pub mod assignment;
pub mod batch;
pub mod courses;
pub mod feasibility;
pub mod generator;
pub mod input;
pub mod score;
pub mod shortlist;
pub mod skills;
pub mod team;
#[cfg(test)]
mod testing;

pub use feasibility::{Fit, Reason, check};
pub use input::{Candidate, Opening, TravelTimes};
pub use score::{Explanation, Gap, Score, score};
pub use skills::SkillGraph;
