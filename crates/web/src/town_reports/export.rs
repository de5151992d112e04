//! The report as a CSV file for Excel, with small counts suppressed: each measure's lines
//! (its parts, then its total) by month and for the year form one table for
//! `domain::report::suppression`, last year's another, and a change is shown only when both
//! years' figures are.

use domain::report::suppression::{difference_shown, suppress};
use domain::report::{Measure, Part, Row};

use crate::csv_file::{Cell, row};
use crate::page::Page;

/// Counts under this are hidden in the file (the program's default; a town setting later).
pub const THRESHOLD: u64 = 10;

/// The measure's lines: its parts in the tally's order, then its total.
fn lines_of(rows: &[Row], measure: Measure) -> Vec<Option<Part>> {
    let mut parts: Vec<Option<Part>> = rows
        .iter()
        .filter(|r| r.measure == measure && r.part.is_some())
        .map(|r| r.part)
        .collect();
    parts.push(None);
    parts
}

fn grid(rows: &[Row], measure: Measure, lines: &[Option<Part>]) -> Vec<Vec<u64>> {
    lines
        .iter()
        .map(|part| {
            let found = rows
                .iter()
                .find(|r| r.measure == measure && r.part == *part);
            let mut cells: Vec<u64> = found.map_or(vec![0; 12], |r| r.months.to_vec());
            cells.push(found.map_or(0, |r| r.year));
            cells
        })
        .collect()
}

/// The year column of last year's table, hidden where suppression says.
fn last_years(last: &[Row], measure: Measure, lines: &[Option<Part>]) -> Vec<(u64, bool)> {
    let cells = grid(last, measure, lines);
    let hidden = suppress(&cells, THRESHOLD);
    cells
        .iter()
        .zip(&hidden)
        .map(|(r, h)| (r[12], h[12]))
        .collect()
}

/// Every line of the file after its header.
/// `last_label` names last year's column (to the same day while this year is running).
pub fn lines(
    page: &Page,
    (months, last_label): (&[String], &str),
    (this, last): (&[Row], &[Row]),
) -> Vec<String> {
    let hidden_mark = page.t("report-suppressed");
    let mut header: Vec<String> = vec![page.t("report-measure"), page.t("report-part")];
    header.extend(months.iter().cloned());
    header.extend([
        page.t("report-this-year"),
        last_label.to_owned(),
        page.t("report-change"),
        page.t("report-definition"),
    ]);
    let mut out = vec![crate::csv_file::line(&header)];
    for measure in Measure::ALL.iter().copied() {
        let parts = lines_of(this, measure);
        let cells = grid(this, measure, &parts);
        let hidden = suppress(&cells, THRESHOLD);
        let before = last_years(last, measure, &parts);
        for (i, part) in parts.iter().enumerate() {
            let label = page.label(measure);
            let part_words = part.map_or_else(
                || page.t("report-total"),
                |p| super::view::part_label(page, p),
            );
            let definition = if part.is_none() {
                page.t(measure.definition_key())
            } else {
                String::new()
            };
            let number = |v: u64, h: bool| {
                if h {
                    Cell::Text(&hidden_mark)
                } else {
                    Cell::Number(i64::try_from(v).unwrap_or(i64::MAX))
                }
            };
            let mut line = vec![Cell::Text(&label), Cell::Text(&part_words)];
            line.extend((0..13).map(|c| number(cells[i][c], hidden[i][c])));
            let (last_value, last_hidden) = before[i];
            line.push(number(last_value, last_hidden));
            let delta =
                i64::try_from(cells[i][12]).unwrap_or(0) - i64::try_from(last_value).unwrap_or(0);
            line.push(if difference_shown(hidden[i][12], last_hidden) {
                Cell::Number(delta)
            } else {
                Cell::Text(&hidden_mark)
            });
            line.push(Cell::Text(&definition));
            out.push(row(&line));
        }
    }
    out
}
