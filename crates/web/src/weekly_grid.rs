//! The weekly grid of checkboxes used for a participant's availability and a request's working
//! times: 06:00–22:00 in 30-minute slots, each box named by its day and time, so it works by
//! tapping, by keyboard and without JavaScript.

use domain::availability::{Slot, Weekday, WeeklyAvailability};

use crate::page::Page;

/// The first half-hour shown (06:00).
pub const FIRST_SLOT: usize = 12;
/// The half-hour after the last one shown (22:00).
pub const END_SLOT: usize = 44;

pub struct GridRow {
    pub label: String,
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
pub fn days(page: &Page) -> Vec<String> {
    Weekday::ALL.iter().map(|d| page.label(*d)).collect()
}

/// The rows of the grid with the week's slots ticked.
pub fn rows(page: &Page, week: &WeeklyAvailability) -> Vec<GridRow> {
    let days = days(page);
    (FIRST_SLOT..END_SLOT)
        .map(|half_hour| GridRow {
            label: Slot::start_label(half_hour),
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

#[cfg(test)]
mod tests {
    use super::*;

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
