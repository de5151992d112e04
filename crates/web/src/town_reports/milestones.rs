//! The report's medians: days from registration to a first introduction and to work
//! (`domain::report::milestones`), this year and last year (to the same day while this year
//! runs), on the page exactly and in the files hidden where fewer than the threshold reached
//! the milestone.

use chrono::NaiveDate;
use domain::FiscalYear;
use domain::report::milestones::{Median, Milestone, PersonMilestones, median_days};

use crate::page::Page;
use crate::spreadsheet::{Table, Value};

/// One milestone's line: its medians this year and last year.
pub struct MilestoneLine {
    pub label: String,
    pub definition: String,
    pub this_year: Option<Median>,
    pub last_year: Option<Median>,
}

pub fn lines(
    page: &Page,
    people: &[PersonMilestones],
    (fy, today): (FiscalYear, NaiveDate),
) -> Vec<MilestoneLine> {
    let (until, last_until) = fy.compared_until(today);
    Milestone::ALL
        .iter()
        .map(|m| MilestoneLine {
            label: page.label(*m),
            definition: page.t(m.definition_key()),
            this_year: median_days(people, (fy, until), *m),
            last_year: median_days(people, (fy.previous(), last_until), *m),
        })
        .collect()
}

/// A median in words: 「31日（3人）」, or 「―」 when nobody reached the milestone.
pub fn words(page: &Page, median: Option<Median>) -> String {
    match median {
        Some(m) => page.lang.t_args(
            "milestone-median",
            &[
                ("days", format!("{}", m.days)),
                ("people", m.people.to_string()),
            ],
        ),
        None => page.t("report-suppressed"),
    }
}

impl MilestoneLine {
    pub fn this_words(&self, page: &Page) -> String {
        words(page, self.this_year)
    }

    pub fn last_words(&self, page: &Page) -> String {
        words(page, self.last_year)
    }
}

/// The medians as a file's table: days and people, hidden where fewer than `threshold`
/// people reached the milestone.
pub fn table(
    page: &Page,
    lines: &[MilestoneLine],
    (this_label, last_label): (&str, &str),
    threshold: u64,
) -> Table {
    let mark = page.t("report-suppressed");
    let cells = |median: Option<Median>| match median {
        Some(m) if m.people >= threshold => {
            vec![Value::Decimal(m.days), Value::count(m.people)]
        }
        _ => vec![Value::text(&mark), Value::text(&mark)],
    };
    let header = [
        page.t("report-measure"),
        page.t1("milestone-days-of", "year", this_label),
        page.t1("milestone-people-of", "year", this_label),
        page.t1("milestone-days-of", "year", last_label),
        page.t1("milestone-people-of", "year", last_label),
        page.t("report-definition"),
    ];
    Table {
        name: page.t("milestone-heading"),
        header: header.to_vec(),
        rows: lines
            .iter()
            .map(|l| {
                let mut row = vec![Value::text(&l.label)];
                row.extend(cells(l.this_year));
                row.extend(cells(l.last_year));
                row.push(Value::text(&l.definition));
                row
            })
            .collect(),
    }
}
