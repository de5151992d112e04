//! Japanese era names for fiscal years: 2026年度 is 令和8年度. The eras are dated data with
//! their source (`data/eras.csv`), so a new era is a new line, not a code change.

use chrono::NaiveDate;

use crate::FiscalYear;

/// One era: its names and the day it began.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Era {
    pub name: String,
    pub name_en: String,
    pub first_day: NaiveDate,
}

/// The eras, oldest first.
#[derive(Debug, Clone)]
pub struct Eras(Vec<Era>);

/// A fiscal year's name in an era: the era and its year (1 is 元年).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EraYear<'a> {
    pub era: &'a Era,
    pub year: i32,
}

impl Eras {
    pub fn shipped() -> Result<Self, String> {
        Self::parse(include_str!("../../data/eras.csv"))
    }

    /// `name,name_en,first_day,source` lines after a header; `#` lines are comments.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut eras = Vec::new();
        let lines = text
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
        for (n, line) in lines.enumerate().skip(1) {
            let fields: Vec<&str> = line.split(',').collect();
            let [name, name_en, first_day, source] = fields[..] else {
                return Err(format!("era line {}: four fields expected", n + 1));
            };
            let first_day = first_day
                .parse()
                .map_err(|_| format!("era line {}: bad date {first_day}", n + 1))?;
            if source.trim().is_empty() {
                return Err(format!("era line {}: the source is missing", n + 1));
            }
            eras.push(Era {
                name: name.to_owned(),
                name_en: name_en.to_owned(),
                first_day,
            });
        }
        eras.sort_by_key(|e| e.first_day);
        if eras.is_empty() {
            return Err("no era".into());
        }
        Ok(Self(eras))
    }

    /// The era a fiscal year is named in: the one in force on its last day, so the year in
    /// which an era began is its first year (2019年度 is 令和元年度, 2018年度 平成30年度).
    pub fn of(&self, fiscal_year: FiscalYear) -> Option<EraYear<'_>> {
        let last = fiscal_year.last_day();
        let era = self.0.iter().rev().find(|e| e.first_day <= last)?;
        Some(EraYear {
            era,
            year: fiscal_year.start_year() - chrono::Datelike::year(&era.first_day) + 1,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::municipality::FiscalYearStartMonth;

    fn fy(year: i32) -> FiscalYear {
        FiscalYear::new(year, FiscalYearStartMonth::APRIL)
    }

    #[test]
    fn fiscal_years_are_named_in_the_era_of_their_last_day() {
        let eras = Eras::shipped().unwrap();
        let name = |y| {
            let e = eras.of(fy(y)).unwrap();
            (e.era.name.clone(), e.year)
        };
        assert_eq!(name(2026), ("令和".to_owned(), 8));
        assert_eq!(name(2019), ("令和".to_owned(), 1));
        assert_eq!(name(2018), ("平成".to_owned(), 30));
        assert_eq!(name(1989), ("平成".to_owned(), 1));
    }

    #[test]
    fn a_line_without_its_source_is_refused() {
        assert!(Eras::parse("name,name_en,first_day,source\n令和,Reiwa,2019-05-01,\n").is_err());
        assert!(Eras::parse("name,name_en,first_day,source\n令和,Reiwa,2019-13-01,x\n").is_err());
    }
}
