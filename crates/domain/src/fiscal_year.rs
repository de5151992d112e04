//! Japanese fiscal years (年度).
//!
//! A town's fiscal year starts on the first day of a configured month, April by default, and
//! is named after the calendar year in which it starts: 2026年度 runs from 2026-04-01 to
//! 2027-03-31.

use chrono::{Datelike, NaiveDate};

use crate::municipality::FiscalYearStartMonth;

/// One fiscal year of a town, named by the calendar year in which it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FiscalYear {
    start_year: i32,
    start_month: FiscalYearStartMonth,
}

impl FiscalYear {
    pub fn new(start_year: i32, start_month: FiscalYearStartMonth) -> Self {
        Self {
            start_year,
            start_month,
        }
    }

    /// The fiscal year that contains `date`.
    pub fn containing(date: NaiveDate, start_month: FiscalYearStartMonth) -> Self {
        let start_year = if date.month() >= start_month.get() {
            date.year()
        } else {
            date.year() - 1
        };
        Self::new(start_year, start_month)
    }

    /// The calendar year in which this fiscal year starts (the "2026" of 2026年度).
    pub fn start_year(self) -> i32 {
        self.start_year
    }

    /// The first day of the fiscal year.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.start_year, self.start_month.get(), 1)
            .expect("the first day of a month always exists")
    }

    /// The last day of the fiscal year.
    pub fn last_day(self) -> NaiveDate {
        self.next()
            .first_day()
            .pred_opt()
            .expect("a fiscal year is never the first day of the calendar")
    }

    pub fn next(self) -> Self {
        Self::new(self.start_year + 1, self.start_month)
    }

    pub fn previous(self) -> Self {
        Self::new(self.start_year - 1, self.start_month)
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        self.first_day() <= date && date <= self.last_day()
    }

    /// The days this year and last year are counted to when compared on `today`: while this
    /// year runs, today and the same day a year before (28 February for 29 February);
    /// otherwise both years whole.
    pub fn compared_until(self, today: NaiveDate) -> (NaiveDate, NaiveDate) {
        if self.contains(today) {
            let same_day = today
                .with_year(today.year() - 1)
                .or_else(|| {
                    today
                        .with_day(28)
                        .and_then(|d| d.with_year(today.year() - 1))
                })
                .unwrap_or(today);
            (today, same_day)
        } else {
            (self.last_day(), self.previous().last_day())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_running_year_is_compared_to_the_same_day_last_year() {
        let april = FiscalYearStartMonth::APRIL;
        let fy = FiscalYear::new(2027, april);
        assert_eq!(
            fy.compared_until(date(2027, 12, 3)),
            (date(2027, 12, 3), date(2026, 12, 3))
        );
        assert_eq!(
            fy.compared_until(date(2028, 2, 29)),
            (date(2028, 2, 29), date(2027, 2, 28))
        );
        assert_eq!(
            FiscalYear::new(2025, april).compared_until(date(2027, 12, 3)),
            (date(2026, 3, 31), date(2025, 3, 31)),
            "a closed year is counted whole"
        );
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn april() -> FiscalYearStartMonth {
        FiscalYearStartMonth::APRIL
    }

    #[test]
    fn fiscal_2026_runs_april_to_march() {
        let fy = FiscalYear::new(2026, april());
        assert_eq!(fy.first_day(), date(2026, 4, 1));
        assert_eq!(fy.last_day(), date(2027, 3, 31));
    }

    #[test]
    fn march_belongs_to_the_previous_fiscal_year() {
        assert_eq!(
            FiscalYear::containing(date(2027, 3, 31), april()).start_year(),
            2026
        );
        assert_eq!(
            FiscalYear::containing(date(2026, 4, 1), april()).start_year(),
            2026
        );
        assert_eq!(
            FiscalYear::containing(date(2026, 1, 15), april()).start_year(),
            2025
        );
    }

    #[test]
    fn a_january_start_matches_the_calendar_year() {
        let january = FiscalYearStartMonth::new(1).unwrap();
        let fy = FiscalYear::containing(date(2026, 7, 1), january);
        assert_eq!(fy.first_day(), date(2026, 1, 1));
        assert_eq!(fy.last_day(), date(2026, 12, 31));
    }

    #[test]
    fn leap_february_is_inside_the_year() {
        let fy = FiscalYear::new(2027, april());
        assert!(fy.contains(date(2028, 2, 29)));
        assert!(!fy.contains(date(2028, 4, 1)));
        assert_eq!(fy.next().previous(), fy);
    }
}
