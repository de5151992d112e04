//! Ready-made weeks for the availability grid (時間のひな形): the common shapes of a parent's
//! free time, so a person sets "weekdays 9 to 2" with one choice instead of fifty taps.
//!
//! The times are the program's own rough guides, not rules: kindergartens mostly keep children
//! about 9:00–14:00 and nurseries longer, and first-graders come home from about 14:30, so each
//! window leaves the school run free. A person adjusts the grid after choosing.

use crate::availability::{Weekday, WeeklyAvailability};
use crate::coded;

coded!(
    /// A named week a person can apply to the grid.
    WeekPreset {
        WeekdayMornings = "weekday_mornings" => "week-preset-weekday-mornings",
        WeekdayNineToTwo = "weekday_9_14" => "week-preset-weekday-9-14",
        Kindergarten = "kindergarten" => "week-preset-kindergarten",
        PrimarySchool = "primary_school" => "week-preset-primary-school",
        Evenings = "evenings" => "week-preset-evenings",
        Weekends = "weekends" => "week-preset-weekends",
    }
);

/// Half-hour index of `hour:minute`.
const fn at(hour: usize, minute: usize) -> usize {
    hour * 2 + minute / 30
}

impl WeekPreset {
    /// The days and the one window (start, end; half-hour indexes, end exclusive) of the preset.
    fn shape(self) -> (&'static [usize], usize, usize) {
        const WEEKDAYS: &[usize] = &[0, 1, 2, 3, 4];
        const WEEKEND: &[usize] = &[5, 6];
        match self {
            WeekPreset::WeekdayMornings => (WEEKDAYS, at(9, 0), at(12, 0)),
            WeekPreset::WeekdayNineToTwo => (WEEKDAYS, at(9, 0), at(14, 0)),
            WeekPreset::Kindergarten => (WEEKDAYS, at(9, 30), at(13, 30)),
            WeekPreset::PrimarySchool => (WEEKDAYS, at(9, 0), at(14, 30)),
            WeekPreset::Evenings => (WEEKDAYS, at(18, 0), at(22, 0)),
            WeekPreset::Weekends => (WEEKEND, at(9, 0), at(17, 0)),
        }
    }

    /// The preset's free time.
    pub fn week(self) -> WeeklyAvailability {
        let (days, start, end) = self.shape();
        days.iter()
            .filter_map(|d| Weekday::new(*d))
            .fold(WeeklyAvailability::empty(), |week, day| {
                week.with_window(day, start, end)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_preset_is_a_weekly_shape_of_its_own() {
        let nine_to_two = WeekPreset::WeekdayNineToTwo.week();
        assert_eq!(
            nine_to_two.minutes(),
            5 * 5 * 60,
            "月〜金 9:00〜14:00 is 25 hours"
        );
        assert_eq!(nine_to_two.free_days().len(), 5);
        assert!(nine_to_two.covers(&WeekPreset::WeekdayMornings.week()));
        assert!(nine_to_two.covers(&WeekPreset::Kindergarten.week()));
        assert!(WeekPreset::PrimarySchool.week().covers(&nine_to_two));
        let evenings = WeekPreset::Evenings.week();
        assert_eq!(evenings.overlap_minutes(&nine_to_two), 0);
        assert_eq!(WeekPreset::Weekends.week().free_days().len(), 2);
        let weeks: std::collections::HashSet<_> =
            WeekPreset::ALL.iter().map(|p| p.week()).collect();
        assert_eq!(weeks.len(), WeekPreset::ALL.len());
    }

    #[test]
    fn codes_round_trip() {
        for preset in WeekPreset::ALL {
            assert_eq!(WeekPreset::from_code(preset.code()), Some(*preset));
        }
        assert_eq!(WeekPreset::from_code("all_day"), None);
    }
}
