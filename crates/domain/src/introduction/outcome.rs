//! An introduction's outcome: what the person's work became, as the coordinator records it,
//! and the dates of the follow-ups after a placement.

use chrono::{Months, NaiveDate};

use super::{NotPlacedReason, PayBand};
use crate::field_errors::FieldErrors;

/// What the person's work became.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutcomeKind {
    /// Placed, working at their own pace.
    OwnPace,
    /// Placed, back to full-time work.
    FullReturn,
    /// Started a business (for example from a team project).
    BusinessStarted,
    NotPlaced,
}

impl OutcomeKind {
    pub const ALL: [OutcomeKind; 4] = [
        OutcomeKind::OwnPace,
        OutcomeKind::FullReturn,
        OutcomeKind::BusinessStarted,
        OutcomeKind::NotPlaced,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OutcomeKind::OwnPace => "own_pace",
            OutcomeKind::FullReturn => "full_return",
            OutcomeKind::BusinessStarted => "business_started",
            OutcomeKind::NotPlaced => "not_placed",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The person found work or started a business.
    pub fn is_placement(self) -> bool {
        self != OutcomeKind::NotPlaced
    }
}

/// A recorded outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub kind: OutcomeKind,
    /// For not placed: why.
    pub reason: Option<NotPlacedReason>,
    pub minutes_per_week: Option<u32>,
    /// Not asked of a business start.
    pub pay_band: Option<PayBand>,
}

/// The outcome form as typed.
#[derive(Debug, Clone, Default)]
pub struct OutcomeInput {
    pub kind: String,
    pub reason: String,
    pub hours_per_week: String,
    pub pay_band: String,
}

impl Outcome {
    /// Placed work needs its hours a week (1–60) and, unless it is a business, its pay band;
    /// not placed needs a reason.
    pub fn parse(input: &OutcomeInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let Some(kind) = OutcomeKind::from_code(input.kind.trim()) else {
            return Err(FieldErrors::single("kind", "choose-one"));
        };
        if kind == OutcomeKind::NotPlaced {
            let reason = NotPlacedReason::from_code(input.reason.trim());
            if reason.is_none() {
                errors.add("reason", "choose-one");
            }
            return if errors.is_empty() {
                Ok(Outcome {
                    kind,
                    reason,
                    minutes_per_week: None,
                    pay_band: None,
                })
            } else {
                Err(errors)
            };
        }
        let hours = input
            .hours_per_week
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|h| (1..=60).contains(h));
        if hours.is_none() {
            errors.add("hours_per_week", "hours-per-week-invalid");
        }
        let pay_band = PayBand::from_code(input.pay_band.trim());
        if pay_band.is_none() && kind != OutcomeKind::BusinessStarted {
            errors.add("pay_band", "choose-one");
        }
        if errors.is_empty() {
            Ok(Outcome {
                kind,
                reason: None,
                minutes_per_week: hours.map(|h| h * 60),
                pay_band,
            })
        } else {
            Err(errors)
        }
    }

    pub fn is_placed(&self) -> bool {
        self.kind.is_placement()
    }
}

/// The day a placement's follow-ups count from: the day the work started when it was
/// recorded, else the day the outcome was.
pub fn follow_up_base(started_on: Option<NaiveDate>, concluded_on: NaiveDate) -> NaiveDate {
    started_on.unwrap_or(concluded_on)
}

/// The follow-up check-ins after a placement: 3, 6 and 12 months after `concluded_on` (see
/// [`follow_up_base`]; the end of a shorter month when the day does not exist, e.g.
/// 30 November → 28 February).
pub fn follow_up_dates(concluded_on: NaiveDate) -> [(u32, NaiveDate); 3] {
    [3, 6, 12].map(|months| {
        (
            months,
            concluded_on
                .checked_add_months(Months::new(months))
                .unwrap_or(concluded_on),
        )
    })
}
