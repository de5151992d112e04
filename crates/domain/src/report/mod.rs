//! The town's numbers: counters by fiscal year and month, counted from the program's facts
//! (`Fact`), each written when the thing happened and keeping what decides how it is counted
//! as it stood then, so a closed year's figures do not change when someone later edits their
//! profile or deletes their account.
//!
//! - `era`: fiscal years' era names (令和8年度), dated data with its source;
//! - `milestones`: median days from registration to a first introduction and to work;
//! - `suppression`: small counts hidden in anything that leaves the officer's screen;
//! - `target`: yearly targets per measure and achievement (達成率).

pub mod era;
pub mod milestones;
pub mod suppression;
pub mod target;

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};

use crate::FiscalYear;
use crate::event::EventKind;
use crate::introduction::check_in::{self, CheckInStatus, HoursBand};
use crate::introduction::{IntroductionStatus, OutcomeKind};
use crate::municipality::EligibilityBasis;
use crate::organization::OrganizationKind;
use crate::participant::{AgeBand, GoalTrack};
use crate::request::RequestKind;

crate::coded!(
    /// What a fact records.
    FactKind {
        /// A participant registered; the detail is their eligibility basis.
        Registered = "registered" => "fact-registered",
        /// An intake or later hearing was held.
        Hearing = "hearing" => "fact-hearing",
        /// Someone booked came to a session; the detail is the event's kind.
        Attended = "attended" => "fact-attended",
        /// Someone booked did not come.
        NoShow = "no_show" => "fact-no-show",
        /// A course was completed and its credential awarded.
        Credential = "credential" => "fact-credential",
        /// An introduction reached a stage; the detail is the stage.
        Introduction = "introduction" => "fact-introduction",
        /// An introduction's outcome was recorded; the detail is its kind.
        Outcome = "outcome" => "fact-outcome",
        /// A participant chose a goal track (or changed it); the detail is the track.
        GoalChosen = "goal_chosen" => "fact-goal-chosen",
        /// A booking was confirmed when asked; the detail is the event's kind.
        Booked = "booked" => "fact-booked",
        /// A booking went on the waiting list when asked; the detail is the event's kind.
        Waitlisted = "waitlisted" => "fact-waitlisted",
        /// Children of one age band in care at an attended session; the detail is the band.
        ChildrenOfAge = "children_of_age" => "fact-children-of-age",
        /// A request was published for the first time; the detail is its kind.
        RequestPublished = "request_published" => "fact-request-published",
        /// An organization published a request; the detail is the organization's kind.
        OrganizationActive = "organization_active" => "fact-organization-active",
        /// A check-in after a placement; the detail is `<months>:<status>`.
        CheckIn = "check_in" => "fact-check-in",
        /// The weekly hours found at a check-in; the detail is `<months>:<band>`.
        CheckInHours = "check_in_hours" => "fact-check-in-hours",
    }
);

/// One fact as stored: what, on which day in Japan, about whom (the account's number, kept
/// when the account is gone) and what it was about (a session, an introduction).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub kind: FactKind,
    pub on: NaiveDate,
    pub person: i64,
    pub detail: String,
    pub subject: Option<i64>,
    /// Children in care at an attended session.
    pub children: u32,
}

crate::coded!(
    /// One counter of the report. Each has one written definition beside it
    /// (`Measure::definition_key`).
    Measure {
        Registrations = "registrations" => "measure-registrations",
        GoalTracks = "goal_tracks" => "measure-goal-tracks",
        Hearings = "hearings" => "measure-hearings",
        PeopleHeard = "people_heard" => "measure-people-heard",
        Sessions = "sessions" => "measure-sessions",
        Attendances = "attendances" => "measure-attendances",
        PeopleAttending = "people_attending" => "measure-people-attending",
        ChildrenInCare = "children_in_care" => "measure-children-in-care",
        ChildrenByAge = "children_by_age" => "measure-children-by-age",
        Bookings = "bookings" => "measure-bookings",
        Waitlisted = "waitlisted" => "measure-waitlisted",
        NoShows = "no_shows" => "measure-no-shows",
        Credentials = "credentials" => "measure-credentials",
        Introductions = "introductions" => "measure-introductions",
        Outcomes = "outcomes" => "measure-outcomes",
        CheckIns = "check_ins" => "measure-check-ins",
        CheckInHours = "check_in_hours" => "measure-check-in-hours",
        Organizations = "organizations" => "measure-organizations",
        RequestsPublished = "requests_published" => "measure-requests-published",
    }
);

impl Measure {
    /// What is counted, whether people or events, and which date decides the year.
    pub fn definition_key(self) -> &'static str {
        match self {
            Measure::Registrations => "measure-registrations-definition",
            Measure::Hearings => "measure-hearings-definition",
            Measure::PeopleHeard => "measure-people-heard-definition",
            Measure::Sessions => "measure-sessions-definition",
            Measure::Attendances => "measure-attendances-definition",
            Measure::PeopleAttending => "measure-people-attending-definition",
            Measure::ChildrenInCare => "measure-children-in-care-definition",
            Measure::NoShows => "measure-no-shows-definition",
            Measure::Credentials => "measure-credentials-definition",
            Measure::Introductions => "measure-introductions-definition",
            Measure::Outcomes => "measure-outcomes-definition",
            Measure::GoalTracks => "measure-goal-tracks-definition",
            Measure::ChildrenByAge => "measure-children-by-age-definition",
            Measure::Bookings => "measure-bookings-definition",
            Measure::Waitlisted => "measure-waitlisted-definition",
            Measure::CheckIns => "measure-check-ins-definition",
            Measure::CheckInHours => "measure-check-in-hours-definition",
            Measure::Organizations => "measure-organizations-definition",
            Measure::RequestsPublished => "measure-requests-published-definition",
        }
    }

    /// The breakdown its rows come in, as the fact's detail reads.
    fn part(self, detail: &str) -> Option<Part> {
        match self {
            Measure::Registrations => EligibilityBasis::from_code(detail).map(Part::Basis),
            Measure::GoalTracks => GoalTrack::from_code(detail).map(Part::Track),
            Measure::Sessions
            | Measure::Attendances
            | Measure::PeopleAttending
            | Measure::ChildrenInCare
            | Measure::Bookings
            | Measure::Waitlisted
            | Measure::NoShows => EventKind::from_code(detail).map(Part::Event),
            Measure::ChildrenByAge => AgeBand::from_code(detail).map(Part::Age),
            Measure::CheckIns => check_in::split_detail(detail)
                .and_then(|(m, code)| Some(Part::CheckIn(m, CheckInStatus::from_code(code)?))),
            Measure::CheckInHours => check_in::split_detail(detail)
                .and_then(|(m, code)| Some(Part::Hours(m, HoursBand::from_code(code)?))),
            Measure::Organizations => OrganizationKind::from_code(detail).map(Part::Sector),
            Measure::RequestsPublished => RequestKind::from_code(detail).map(Part::Request),
            Measure::Introductions => IntroductionStatus::from_code(detail)
                .filter(|s| *s != IntroductionStatus::Draft && *s != IntroductionStatus::Discarded)
                .map(Part::Stage),
            Measure::Outcomes => OutcomeKind::from_code(detail).map(Part::Outcome),
            Measure::Hearings | Measure::PeopleHeard | Measure::Credentials => None,
        }
    }

    /// Every part its rows can have, in the order they are listed.
    fn parts(self) -> Vec<Part> {
        match self {
            Measure::Registrations => EligibilityBasis::ALL
                .iter()
                .copied()
                .map(Part::Basis)
                .collect(),
            Measure::GoalTracks => GoalTrack::ALL.into_iter().map(Part::Track).collect(),
            Measure::Sessions
            | Measure::Attendances
            | Measure::PeopleAttending
            | Measure::ChildrenInCare
            | Measure::Bookings
            | Measure::Waitlisted
            | Measure::NoShows => EventKind::ALL.iter().copied().map(Part::Event).collect(),
            Measure::ChildrenByAge => AgeBand::ALL.into_iter().map(Part::Age).collect(),
            Measure::CheckIns => check_in::CHECK_IN_MONTHS
                .into_iter()
                .flat_map(|m| CheckInStatus::ALL.iter().map(move |s| Part::CheckIn(m, *s)))
                .collect(),
            Measure::CheckInHours => check_in::CHECK_IN_MONTHS
                .into_iter()
                .flat_map(|m| HoursBand::ALL.iter().map(move |h| Part::Hours(m, *h)))
                .collect(),
            Measure::Organizations => OrganizationKind::ALL
                .iter()
                .copied()
                .map(Part::Sector)
                .collect(),
            Measure::RequestsPublished => RequestKind::ALL
                .iter()
                .copied()
                .map(Part::Request)
                .collect(),
            Measure::Introductions => IntroductionStatus::ALL
                .iter()
                .copied()
                .filter(|s| *s != IntroductionStatus::Draft && *s != IntroductionStatus::Discarded)
                .map(Part::Stage)
                .collect(),
            Measure::Outcomes => OutcomeKind::ALL
                .iter()
                .copied()
                .map(Part::Outcome)
                .collect(),
            Measure::Hearings | Measure::PeopleHeard | Measure::Credentials => Vec::new(),
        }
    }

    /// The facts it counts.
    fn counts(self, kind: FactKind) -> bool {
        use FactKind as K;
        match self {
            Measure::Registrations => kind == K::Registered,
            Measure::Hearings | Measure::PeopleHeard => kind == K::Hearing,
            Measure::Sessions => matches!(kind, K::Attended | K::NoShow),
            Measure::Attendances | Measure::PeopleAttending | Measure::ChildrenInCare => {
                kind == K::Attended
            }
            Measure::NoShows => kind == K::NoShow,
            Measure::Credentials => kind == K::Credential,
            Measure::Introductions => kind == K::Introduction,
            Measure::Outcomes => kind == K::Outcome,
            Measure::GoalTracks => kind == K::GoalChosen,
            Measure::ChildrenByAge => kind == K::ChildrenOfAge,
            Measure::Bookings => matches!(kind, K::Booked | K::Waitlisted),
            Measure::Waitlisted => kind == K::Waitlisted,
            Measure::CheckIns => kind == K::CheckIn,
            Measure::CheckInHours => kind == K::CheckInHours,
            Measure::Organizations => kind == K::OrganizationActive,
            Measure::RequestsPublished => kind == K::RequestPublished,
        }
    }

    /// How one group of facts counts: facts, different people, different subjects, or the
    /// children in care.
    fn count(self, facts: &[&Fact]) -> u64 {
        let distinct = |key: &dyn Fn(&Fact) -> Option<i64>| {
            facts
                .iter()
                .filter_map(|f| key(f))
                .collect::<HashSet<_>>()
                .len() as u64
        };
        match self {
            Measure::Registrations
            | Measure::GoalTracks
            | Measure::PeopleHeard
            | Measure::PeopleAttending => distinct(&|f| Some(f.person)),
            Measure::Sessions
            | Measure::Introductions
            | Measure::Organizations
            | Measure::RequestsPublished => distinct(&|f| f.subject),
            Measure::ChildrenInCare | Measure::ChildrenByAge => {
                facts.iter().map(|f| u64::from(f.children)).sum()
            }
            Measure::Hearings
            | Measure::Attendances
            | Measure::Bookings
            | Measure::Waitlisted
            | Measure::NoShows
            | Measure::Credentials
            | Measure::Outcomes
            | Measure::CheckIns
            | Measure::CheckInHours => facts.len() as u64,
        }
    }
}

/// A row's breakdown: by eligibility basis, goal track, kind of event, children's age band,
/// stage, outcome, check-in answer (with its months), kind of organization or of request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    Basis(EligibilityBasis),
    Track(GoalTrack),
    Event(EventKind),
    Age(AgeBand),
    Stage(IntroductionStatus),
    Outcome(OutcomeKind),
    CheckIn(u32, CheckInStatus),
    Hours(u32, HoursBand),
    Sector(OrganizationKind),
    Request(RequestKind),
}

/// One row: a measure (with a part, or its total), by month from the year's first and for the
/// year. A year's figure for people is the number of different people, not the months' sum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub measure: Measure,
    pub part: Option<Part>,
    pub months: [u64; 12],
    pub year: u64,
}

/// The month of the fiscal year a day falls in, 0 for its first month.
pub fn month_index(fiscal_year: FiscalYear, on: NaiveDate) -> Option<usize> {
    if !fiscal_year.contains(on) {
        return None;
    }
    let first = fiscal_year.first_day();
    let months = (on.year() - first.year()) * 12 + on.month() as i32 - first.month() as i32;
    usize::try_from(months).ok()
}

/// Every measure's rows for a fiscal year: its total, then one row per part that has facts.
pub fn tally(facts: &[Fact], fiscal_year: FiscalYear) -> Vec<Row> {
    let year: Vec<&Fact> = facts
        .iter()
        .filter(|f| fiscal_year.contains(f.on))
        .collect();
    let mut rows = Vec::new();
    for measure in Measure::ALL.iter().copied() {
        // A measure with parts counts only the facts that fall in one (drafts are no stage).
        let parts = measure.parts();
        let counted: Vec<&Fact> = year
            .iter()
            .copied()
            .filter(|f| measure.counts(f.kind))
            .filter(|f| parts.is_empty() || measure.part(&f.detail).is_some())
            .collect();
        rows.push(row(measure, None, &counted, fiscal_year));
        for part in parts {
            let facts: Vec<&Fact> = counted
                .iter()
                .copied()
                .filter(|f| measure.part(&f.detail) == Some(part))
                .collect();
            if !facts.is_empty() {
                rows.push(row(measure, Some(part), &facts, fiscal_year));
            }
        }
    }
    rows
}

fn row(measure: Measure, part: Option<Part>, facts: &[&Fact], fiscal_year: FiscalYear) -> Row {
    // One pass puts each fact in its month.
    let mut by_month: [Vec<&Fact>; 12] = Default::default();
    for fact in facts {
        if let Some(m) = month_index(fiscal_year, fact.on) {
            by_month[m].push(fact);
        }
    }
    let months = by_month.map(|in_month| measure.count(&in_month));
    Row {
        measure,
        part,
        months,
        year: measure.count(facts),
    }
}

#[cfg(test)]
mod tests;
