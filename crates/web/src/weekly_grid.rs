//! The weekly grid of checkboxes used for a participant's availability and a request's working
//! times: 06:00–22:00 in 30-minute slots, each box named by its day and time, so it works by
//! tapping, by keyboard and without JavaScript.
//!
//! Above the grid: the week in words (「月〜金 9:00〜14:00、週25時間」) and ready-made weeks
//! (`domain::week_preset`); each day heading and time heading is a button that fills or empties
//! its column or row. Without JavaScript these buttons submit the form, which comes back with the
//! grid changed and nothing saved (`apply_action`); with `/static/grid.js` they work in place and
//! a finger or mouse dragged across boxes sets them all.

use domain::availability::{Slot, Weekday, WeeklyAvailability};
use domain::week_preset::WeekPreset;

use crate::page::Page;

/// The first half-hour shown (06:00).
pub const FIRST_SLOT: usize = 12;
/// The half-hour after the last one shown (22:00).
pub const END_SLOT: usize = 44;

/// Everything the grid partial shows.
pub struct GridView {
    pub caption: String,
    /// The form's address with `#grid`, so a grid button brings the person back to the grid.
    pub action: String,
    /// Day headings as (button value, words, the button's accessible name).
    pub days: Vec<(String, String, String)>,
    pub rows: Vec<GridRow>,
    pub summary: String,
    /// The summary's words, for the script that keeps it current as boxes are ticked.
    pub words: SummaryWords,
    /// Ready-made weeks as (code, words, chosen).
    pub presets: Vec<(String, String, bool)>,
}

/// The pieces `summary` is written with, in the page's language.
pub struct SummaryWords {
    pub to: String,
    pub and: String,
    pub then: String,
    pub none: String,
    /// `grid-summary` with `{windows}` and `{hours}` where the values go.
    pub template: String,
}

impl SummaryWords {
    fn new(page: &Page) -> Self {
        let template = [("windows", "{windows}"), ("hours", "{hours}")]
            .map(|(name, slot)| (name, slot.to_owned()));
        Self {
            to: page.t("grid-summary-to"),
            and: page.t("grid-summary-and"),
            then: page.t("grid-summary-then"),
            none: page.t("grid-summary-none"),
            template: page.lang.t_args("grid-summary", &template),
        }
    }
}

pub struct GridRow {
    pub label: String,
    /// The value of the row's button, `row-18` for 09:00.
    pub toggle: String,
    /// The row button's accessible name: 「9:00 をすべての曜日で切り替え」.
    pub toggle_label: String,
    pub cells: Vec<GridCell>,
}

pub struct GridCell {
    /// `mon-18` for Monday 09:00.
    pub value: String,
    pub checked: bool,
    /// The box's accessible name, e.g. 「月 09:00」.
    pub label: String,
}

/// The slots ticked in a submitted form; values outside the grid are ignored.
pub fn parse(values: &[String]) -> WeeklyAvailability {
    let mut week = WeeklyAvailability::empty();
    for value in values {
        if let Some((day, half_hour)) = value.split_once('-')
            && let (Some(day), Ok(half_hour)) =
                (Weekday::from_code(day), half_hour.parse::<usize>())
            && (FIRST_SLOT..END_SLOT).contains(&half_hour)
        {
            week.set(Slot { day, half_hour }, true);
        }
    }
    week
}

/// The form values of the free slots of a week.
pub fn values(week: &WeeklyAvailability) -> Vec<String> {
    Weekday::ALL
        .iter()
        .flat_map(|day| {
            (0..48).map(move |half_hour| Slot {
                day: *day,
                half_hour,
            })
        })
        .filter(|slot| week.is_free(*slot))
        .map(|slot| format!("{}-{}", slot.day.code(), slot.half_hour))
        .collect()
}

/// The day headings, Monday first.
fn days(page: &Page) -> Vec<String> {
    Weekday::ALL.iter().map(|d| page.label(*d)).collect()
}

/// The grid for a form posting to `action`, with `week` ticked and `preset` chosen in the list.
pub fn view(
    page: &Page,
    caption: &str,
    action: &str,
    week: &WeeklyAvailability,
    preset: &str,
) -> GridView {
    GridView {
        caption: page.t(caption),
        action: format!("{action}#grid"),
        days: Weekday::ALL
            .iter()
            .map(|d| {
                let words = page.label(*d);
                let name = page.t1("grid-toggle-day", "day", &words);
                (format!("day-{}", d.code()), words, name)
            })
            .collect(),
        rows: rows(page, week),
        summary: summary(page, week),
        words: SummaryWords::new(page),
        presets: WeekPreset::ALL
            .iter()
            .map(|p| (p.code().to_owned(), page.label(*p), p.code() == preset))
            .collect(),
    }
}

/// The rows of the grid with the week's slots ticked.
fn rows(page: &Page, week: &WeeklyAvailability) -> Vec<GridRow> {
    let days = days(page);
    (FIRST_SLOT..END_SLOT)
        .map(|half_hour| GridRow {
            label: Slot::start_label(half_hour),
            toggle: format!("row-{half_hour}"),
            toggle_label: page.t1("grid-toggle-row", "time", &Slot::start_label(half_hour)),
            cells: Weekday::ALL
                .iter()
                .map(|day| GridCell {
                    value: format!("{}-{half_hour}", day.code()),
                    checked: week.is_free(Slot {
                        day: *day,
                        half_hour,
                    }),
                    label: format!("{} {}", days[day.index()], Slot::start_label(half_hour)),
                })
                .collect(),
        })
        .collect()
}

/// A week's free windows in words, e.g. 「月 9:00–11:00」 / "Mon 9:00–11:00".
pub fn in_words(page: &Page, week: &WeeklyAvailability) -> Vec<String> {
    week.windows()
        .iter()
        .map(|(d, s, e)| {
            format!(
                "{} {}–{}",
                page.label(*d),
                Slot::start_label(*s),
                Slot::start_label(*e)
            )
        })
        .collect()
}

/// What a grid button asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GridAction {
    /// The grid becomes the preset's week.
    Replace(WeekPreset),
    /// The preset's week is added to what is ticked.
    Add(WeekPreset),
    ToggleDay(Weekday),
    /// The half-hour on every day.
    ToggleRow(usize),
    Clear,
}

impl GridAction {
    /// The action of a pressed grid button (`grid`) with the chosen preset; `None` when the
    /// form was sent to be saved.
    pub fn parse(grid: &str, preset: &str) -> Option<Self> {
        let preset = WeekPreset::from_code(preset);
        match grid.split_once('-') {
            _ if grid == "replace" => preset.map(GridAction::Replace),
            _ if grid == "add" => preset.map(GridAction::Add),
            _ if grid == "clear" => Some(GridAction::Clear),
            Some(("day", day)) => Weekday::from_code(day).map(GridAction::ToggleDay),
            Some(("row", half_hour)) => half_hour
                .parse()
                .ok()
                .filter(|h| (FIRST_SLOT..END_SLOT).contains(h))
                .map(GridAction::ToggleRow),
            _ => None,
        }
    }

    /// The week after the action; a column or row is filled unless it was full, then emptied.
    pub fn apply(self, week: WeeklyAvailability) -> WeeklyAvailability {
        let toggle = |mut week: WeeklyAvailability, slots: Vec<Slot>| {
            let fill = !slots.iter().all(|s| week.is_free(*s));
            slots.into_iter().for_each(|s| week.set(s, fill));
            week
        };
        match self {
            GridAction::Replace(preset) => preset.week(),
            GridAction::Add(preset) => week.union(&preset.week()),
            GridAction::Clear => WeeklyAvailability::empty(),
            GridAction::ToggleDay(day) => toggle(
                week,
                (FIRST_SLOT..END_SLOT)
                    .map(|half_hour| Slot { day, half_hour })
                    .collect(),
            ),
            GridAction::ToggleRow(half_hour) => toggle(
                week,
                Weekday::ALL
                    .iter()
                    .map(|day| Slot {
                        day: *day,
                        half_hour,
                    })
                    .collect(),
            ),
        }
    }
}

/// Applies a pressed grid button to the form's ticked `slot` values; whether one was pressed.
pub fn apply_action(grid: &str, preset: &str, slot: &mut Vec<String>) -> bool {
    let Some(action) = GridAction::parse(grid, preset) else {
        return false;
    };
    *slot = values(&action.apply(parse(slot)));
    true
}

/// `9:00`: a time as the summary writes it.
fn time(half_hour: usize) -> String {
    format!("{}:{:02}", half_hour / 2, (half_hour % 2) * 30)
}

/// Days that share the same free windows (start, end half-hours).
type SameDays = (Vec<Weekday>, Vec<(usize, usize)>);

/// Days with the same free windows, in the order their first day comes in the week.
fn same_days(week: &WeeklyAvailability) -> Vec<SameDays> {
    let mut groups: Vec<SameDays> = Vec::new();
    for day in Weekday::ALL {
        let windows: Vec<_> = week
            .windows()
            .into_iter()
            .filter(|(d, _, _)| *d == day)
            .map(|(_, s, e)| (s, e))
            .collect();
        if windows.is_empty() {
            continue;
        }
        match groups.iter_mut().find(|(_, w)| *w == windows) {
            Some((days, _)) => days.push(day),
            None => groups.push((vec![day], windows)),
        }
    }
    groups
}

/// 「月〜金」, 「月・水・金」, 「月〜水・土」: runs of three or more days as a range.
fn day_words(page: &Page, days: &[Weekday]) -> String {
    let mut runs: Vec<Vec<Weekday>> = Vec::new();
    for day in days {
        match runs.last_mut() {
            Some(run) if run.last().map(|d| d.index() + 1) == Some(day.index()) => run.push(*day),
            _ => runs.push(vec![*day]),
        }
    }
    let parts: Vec<String> = runs
        .iter()
        .flat_map(|run| match run.as_slice() {
            [first, .., last] if run.len() >= 3 => vec![format!(
                "{}{}{}",
                page.label(*first),
                page.t("grid-summary-to"),
                page.label(*last)
            )],
            _ => run.iter().map(|d| page.label(*d)).collect(),
        })
        .collect();
    parts.join(&page.t("grid-summary-and"))
}

/// The week in words above the grid: 「月〜金 9:00〜14:00、週25時間」. `/static/grid.js`
/// writes the same words in the browser; a browser journey checks that the two agree.
pub fn summary(page: &Page, week: &WeeklyAvailability) -> String {
    let words = SummaryWords::new(page);
    if week.is_empty() {
        return words.none;
    }
    let to = words.to;
    let windows: Vec<String> = same_days(week)
        .iter()
        .map(|(days, windows)| {
            let times: Vec<String> = windows
                .iter()
                .map(|(s, e)| format!("{}{to}{}", time(*s), time(*e)))
                .collect();
            format!("{} {}", day_words(page, days), times.join(&words.and))
        })
        .collect();
    let minutes = week.minutes();
    let hours = if minutes.is_multiple_of(60) {
        (minutes / 60).to_string()
    } else {
        format!("{}.5", minutes / 60)
    };
    words
        .template
        .replace("{windows}", &windows.join(&words.then))
        .replace("{hours}", &hours)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn ja() -> Page {
        Page::new(Lang::Ja, "/", false)
    }

    #[test]
    fn the_summary_groups_days_with_the_same_times() {
        let week = WeekPreset::WeekdayNineToTwo.week();
        assert_eq!(summary(&ja(), &week), "月〜金 9:00〜14:00、週25時間");
        let en = summary(&Page::new(Lang::En, "/", false), &week);
        assert!(en.contains("25 hours") && !en.contains('週'), "{en}");
        let mixed = WeeklyAvailability::empty()
            .with_window(Weekday::new(0).unwrap(), 19, 24)
            .with_window(Weekday::new(2).unwrap(), 19, 24)
            .with_window(Weekday::new(5).unwrap(), 20, 22)
            .with_window(Weekday::new(5).unwrap(), 36, 41);
        assert_eq!(
            summary(&ja(), &mixed),
            "月・水 9:30〜12:00、土 10:00〜11:00・18:00〜20:30、週8.5時間"
        );
        assert_eq!(
            summary(&ja(), &WeeklyAvailability::empty()),
            ja().t("grid-summary-none")
        );
    }

    #[test]
    fn grid_buttons_fill_empty_columns_and_rows_and_empty_full_ones() {
        let tue = Weekday::new(1).unwrap();
        let day = GridAction::parse("day-tue", "").unwrap();
        let full = day.apply(WeeklyAvailability::empty());
        assert_eq!(full.minutes_on(tue), ((END_SLOT - FIRST_SLOT) * 30) as u32);
        assert!(day.apply(full).is_empty());
        let row = GridAction::parse("row-18", "").unwrap();
        let nine = row.apply(WeeklyAvailability::empty().with_window(tue, 18, 19));
        assert_eq!(nine.slot_count(), 7, "a part-ticked row fills");
        assert!(row.apply(nine).is_empty());
        assert_eq!(GridAction::parse("row-2", ""), None, "outside the grid");
        assert_eq!(GridAction::parse("replace", "nonsense"), None);
        let mornings = GridAction::parse("replace", "weekday_mornings").unwrap();
        let evenings = GridAction::parse("add", "evenings").unwrap();
        let both = evenings.apply(mornings.apply(full));
        assert_eq!(
            both,
            WeekPreset::WeekdayMornings
                .week()
                .union(&WeekPreset::Evenings.week())
        );
        let mut slots = values(&both);
        assert!(apply_action("clear", "", &mut slots) && slots.is_empty());
        assert!(
            !apply_action("", "evenings", &mut slots),
            "saving is not a grid button"
        );
    }

    #[test]
    fn form_values_round_trip_inside_the_grid() {
        let week = WeeklyAvailability::empty().with_window(Weekday::new(2).unwrap(), 18, 22);
        assert_eq!(parse(&values(&week)), week);
        let outside = parse(&["mon-2".to_owned(), "xyz-20".to_owned(), "tue-20".to_owned()]);
        assert_eq!(
            outside.slot_count(),
            1,
            "night slots and nonsense are ignored"
        );
    }
}
