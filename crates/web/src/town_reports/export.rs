//! The report as files for Excel, with small counts suppressed: the months table (each
//! measure's lines, its parts then its total, by month and for the year, with last year and
//! the change) and the targets table (指標 / 単位 / 目標値 / 実績値 / 達成率). Each measure's
//! lines form one table for `domain::report::suppression`, last year's another; a change is
//! shown only when both years' figures are, and an achievement only when its figure is.

use domain::report::suppression::{difference_shown, suppress};
use domain::report::{Measure, Part, Row};

use super::targets::TargetLine;
use crate::page::Page;
use crate::spreadsheet::{Table, Value};

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
fn last_years(
    last: &[Row],
    (measure, lines): (Measure, &[Option<Part>]),
    threshold: u64,
) -> Vec<(u64, bool)> {
    let cells = grid(last, measure, lines);
    let hidden = suppress(&cells, threshold);
    cells
        .iter()
        .zip(&hidden)
        .map(|(r, h)| (r[12], h[12]))
        .collect()
}

/// Whether the year's total of `measure` is hidden in the file.
pub fn total_hidden(this: &[Row], measure: Measure, threshold: u64) -> bool {
    let parts = lines_of(this, measure);
    let hidden = suppress(&grid(this, measure, &parts), threshold);
    hidden.last().is_some_and(|total| total[12])
}

fn shown(value: u64, hidden: bool, mark: &str) -> Value {
    if hidden {
        Value::text(mark)
    } else {
        Value::count(value)
    }
}

/// The months table. `last_label` names last year's column (to the same day while this year
/// is running); counts under `threshold` are hidden.
pub fn months_table(
    page: &Page,
    (months, last_label): (&[String], &str),
    (this, last): (&[Row], &[Row]),
    threshold: u64,
) -> Table {
    let mark = page.t("report-suppressed");
    let mut header: Vec<String> = vec![page.t("report-measure"), page.t("report-part")];
    header.extend(months.iter().cloned());
    header.extend([
        page.t("report-this-year"),
        last_label.to_owned(),
        page.t("report-change"),
        page.t("report-definition"),
    ]);
    let mut rows = Vec::new();
    for measure in Measure::ALL.iter().copied() {
        let parts = lines_of(this, measure);
        let cells = grid(this, measure, &parts);
        let hidden = suppress(&cells, threshold);
        let before = last_years(last, (measure, &parts), threshold);
        for (i, part) in parts.iter().enumerate() {
            let part_words = part.map_or_else(
                || page.t("report-total"),
                |p| super::view::part_label(page, p),
            );
            let mut line = vec![Value::text(page.label(measure)), Value::text(part_words)];
            line.extend((0..13).map(|c| shown(cells[i][c], hidden[i][c], &mark)));
            let (last_value, last_hidden) = before[i];
            line.push(shown(last_value, last_hidden, &mark));
            let delta =
                i64::try_from(cells[i][12]).unwrap_or(0) - i64::try_from(last_value).unwrap_or(0);
            line.push(if difference_shown(hidden[i][12], last_hidden) {
                Value::Number(delta)
            } else {
                Value::text(&mark)
            });
            line.push(if part.is_none() {
                Value::text(page.t(measure.definition_key()))
            } else {
                Value::Empty
            });
            rows.push(line);
        }
    }
    Table {
        name: page.t("report-sheet-months"),
        header,
        rows,
    }
}

/// The targets table: each measure's target, its year total and the achievement, the total
/// and the achievement hidden where the months table hides the total.
pub fn targets_table(page: &Page, this: &[Row], lines: &[TargetLine], threshold: u64) -> Table {
    let mark = page.t("report-suppressed");
    let rows = lines
        .iter()
        .map(|line| {
            let hidden = total_hidden(this, line.measure, threshold);
            let rate = match line.rate {
                _ if hidden => Value::text(&mark),
                Some(tenths) => Value::Percent(tenths as f64 / 1000.0),
                None => Value::Empty,
            };
            vec![
                Value::text(&line.label),
                Value::text(&line.unit),
                line.target.map_or(Value::Empty, Value::count),
                shown(line.actual, hidden, &mark),
                rate,
            ]
        })
        .collect();
    Table {
        name: page.t("report-targets-heading"),
        header: vec![
            page.t("report-measure"),
            page.t("report-unit"),
            page.t("report-target"),
            page.t("report-actual"),
            page.t("report-achievement"),
        ],
        rows,
    }
}
