//! The report page's view model, built by pure functions from the year's rows and last year's:
//! each measure with its definition, its lines (the total, then its parts) with this year,
//! last year and the change, and a chart of its months.

use domain::FiscalYear;
use domain::report::era::Eras;
use domain::report::{Measure, Part, Row};

use crate::i18n::Lang;
use crate::page::Page;

/// The months' words, in calendar order.
const MONTH_KEYS: [&str; 12] = [
    "month-jan",
    "month-feb",
    "month-mar",
    "month-apr",
    "month-may",
    "month-jun",
    "month-jul",
    "month-aug",
    "month-sep",
    "month-oct",
    "month-nov",
    "month-dec",
];

/// One line of a measure: its total or one part.
pub struct LineView {
    pub label: String,
    pub is_total: bool,
    pub this_year: String,
    pub last_year: String,
    pub change: String,
}

/// One measure: its words, its definition, its lines and its months.
pub struct MeasureView {
    pub id: String,
    pub label: String,
    pub definition: String,
    pub lines: Vec<LineView>,
    pub months: Vec<(String, String)>,
    pub chart: String,
    pub chart_summary: String,
}

/// `2026年度（令和8年度）`, `FY2026 (Reiwa 8)`.
pub fn fiscal_year_name(lang: Lang, eras: &Eras, fy: FiscalYear) -> String {
    let (era, era_year) = match eras.of(fy) {
        Some(e) => {
            let name = if lang == Lang::En {
                &e.era.name_en
            } else {
                &e.era.name
            };
            let year = if e.year == 1 {
                lang.t("era-first-year")
            } else {
                e.year.to_string()
            };
            (name.clone(), year)
        }
        None => (String::new(), String::new()),
    };
    lang.t_args(
        "fiscal-year-name",
        &[
            ("year", fy.start_year().to_string()),
            ("era", era),
            ("era_year", era_year),
        ],
    )
}

/// The choice of year: every year the town has facts for, newest first.
pub fn year_field(
    page: &Page,
    eras: &Eras,
    (years, chosen): (&[FiscalYear], FiscalYear),
    errors: &domain::FieldErrors,
) -> crate::form::FieldView {
    let options = years
        .iter()
        .map(|y| {
            (
                y.start_year().to_string(),
                fiscal_year_name(page.lang, eras, *y),
            )
        })
        .collect();
    let typed = chosen.start_year().to_string();
    crate::form::FieldView::new(page, "year", "select", &typed, errors)
        .options(options)
        .optional()
}

/// Last year's column: to the same day while this year is still running.
pub fn last_year_words(page: &Page, eras: &Eras, fy: FiscalYear, running: bool) -> String {
    let name = fiscal_year_name(page.lang, eras, fy.previous());
    if running {
        page.t1("report-last-year-to-date", "year", &name)
    } else {
        name
    }
}

/// The fiscal year's months in order, in words (4月 … 3月).
pub fn month_names(page: &Page, fy: FiscalYear) -> Vec<String> {
    let first = chrono::Datelike::month0(&fy.first_day()) as usize;
    (0..12)
        .map(|i| page.t(MONTH_KEYS[(first + i) % 12]))
        .collect()
}

/// A part's words.
pub fn part_label(page: &Page, part: Part) -> String {
    match part {
        Part::Basis(b) => page.label(b),
        Part::Track(t) => page.label(t),
        Part::Event(k) => page.label(k),
        Part::Age(a) => page.label(a),
        Part::Stage(s) => page.label(s),
        Part::Outcome(o) => page.label(o),
        Part::CheckIn(months, s) => after_months(page, months, page.label(s)),
        Part::Hours(months, h) => after_months(page, months, page.label(h)),
        Part::Sector(k) => page.label(k),
        Part::Request(k) => page.label(k),
    }
}

/// A check-in's answer with its months: 「3か月後：働き続けている」.
fn after_months(page: &Page, months: u32, answer: String) -> String {
    page.lang.t_args(
        "report-check-in-part",
        &[("months", months.to_string()), ("answer", answer)],
    )
}

fn year_of(rows: &[Row], measure: Measure, part: Option<Part>) -> u64 {
    rows.iter()
        .find(|r| r.measure == measure && r.part == part)
        .map_or(0, |r| r.year)
}

/// A figure in words; no-shows also as a share of everyone booked for the sessions, and
/// bookings waitlisted as a share of all bookings asked.
fn figure(page: &Page, rows: &[Row], measure: Measure, part: Option<Part>) -> String {
    let value = year_of(rows, measure, part);
    let number = crate::formats::number(page.lang, i64::try_from(value).unwrap_or(i64::MAX));
    let (whole, key) = match measure {
        Measure::NoShows => (
            value + year_of(rows, Measure::Attendances, part),
            "report-no-show-share",
        ),
        Measure::Waitlisted => (
            year_of(rows, Measure::Bookings, part),
            "report-waitlisted-share",
        ),
        _ => (0, ""),
    };
    if value == 0 || whole == 0 {
        return number;
    }
    let percent = value * 100 / whole;
    page.lang
        .t_args(key, &[("count", number), ("percent", percent.to_string())])
}

/// The change from last year, signed: 「+3」「−2」「±0」.
pub fn change(this_year: u64, last_year: u64) -> String {
    match this_year.cmp(&last_year) {
        std::cmp::Ordering::Greater => format!("+{}", this_year - last_year),
        std::cmp::Ordering::Less => format!("−{}", last_year - this_year),
        std::cmp::Ordering::Equal => "±0".to_owned(),
    }
}

/// Every measure of the year, with last year beside it.
pub fn measures(page: &Page, fy: FiscalYear, (this, last): (&[Row], &[Row])) -> Vec<MeasureView> {
    let months = month_names(page, fy);
    Measure::ALL
        .iter()
        .map(|measure| measure_view(page, *measure, &months, (this, last)))
        .collect()
}

fn measure_view(
    page: &Page,
    measure: Measure,
    months: &[String],
    (this, last): (&[Row], &[Row]),
) -> MeasureView {
    // The parts either year has, in the order the tally lists them.
    let mut parts: Vec<Option<Part>> = vec![None];
    for row in this.iter().chain(last).filter(|r| r.measure == measure) {
        if row.part.is_some() && !parts.contains(&row.part) {
            parts.push(row.part);
        }
    }
    let lines = parts
        .iter()
        .map(|part| LineView {
            label: part.map_or_else(|| page.t("report-total"), |p| part_label(page, p)),
            is_total: part.is_none(),
            this_year: figure(page, this, measure, *part),
            last_year: figure(page, last, measure, *part),
            change: change(year_of(this, measure, *part), year_of(last, measure, *part)),
        })
        .collect();
    let by_month = this
        .iter()
        .find(|r| r.measure == measure && r.part.is_none())
        .map_or([0; 12], |r| r.months);
    let label = page.label(measure);
    let id = format!("measure-{}", measure.code());
    let chart_summary = chart_summary(page, &label, months, &by_month);
    MeasureView {
        chart: crate::bar_chart::svg(&label, &format!("{id}-summary"), months, &by_month),
        months: months
            .iter()
            .zip(by_month)
            .map(|(m, v)| (m.clone(), v.to_string()))
            .collect(),
        definition: page.t(measure.definition_key()),
        id,
        label,
        lines,
        chart_summary,
    }
}

/// The chart in words: the year's busiest month.
fn chart_summary(page: &Page, label: &str, months: &[String], values: &[u64; 12]) -> String {
    let (top, value) = values
        .iter()
        .enumerate()
        .max_by_key(|(i, v)| (**v, std::cmp::Reverse(*i)))
        .map_or((0, 0), |(i, v)| (i, *v));
    if value == 0 {
        return page.t1("report-chart-empty", "measure", label);
    }
    page.lang.t_args(
        "report-chart-summary",
        &[
            ("measure", label.to_owned()),
            ("month", months.get(top).cloned().unwrap_or_default()),
            ("count", value.to_string()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_is_signed() {
        assert_eq!(change(5, 2), "+3");
        assert_eq!(change(2, 5), "−3");
        assert_eq!(change(4, 4), "±0");
    }

    #[test]
    fn fiscal_years_are_named_with_their_era_in_both_languages() {
        let eras = Eras::shipped().unwrap();
        let fy = |y| FiscalYear::new(y, domain::municipality::FiscalYearStartMonth::APRIL);
        assert_eq!(
            fiscal_year_name(Lang::Ja, &eras, fy(2026)),
            "2026年度（令和8年度）"
        );
        assert_eq!(
            fiscal_year_name(Lang::Ja, &eras, fy(2019)),
            "2019年度（令和元年度）"
        );
        assert_eq!(
            fiscal_year_name(Lang::En, &eras, fy(2026)),
            "FY2026 (Reiwa 8)"
        );
    }
}
