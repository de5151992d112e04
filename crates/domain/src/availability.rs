//! Weekly availability (空き時間): which half-hours of the week a person is free, in local time
//! (Asia/Tokyo).
//!
//! A week is 7 days × 48 half-hour slots = 336 slots, stored as a bitset of six `u64` words.
//! Care load is expressed only here, as time: never as a reason.

use std::fmt;

/// Half-hour slots in a day.
pub const SLOTS_PER_DAY: usize = 48;
/// Days in the week, Monday first.
pub const DAYS: usize = 7;
const DAY_BITS: u64 = (1 << SLOTS_PER_DAY) - 1;
const WORDS: usize = 6;

/// A day of the week, Monday = 0 … Sunday = 6.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Weekday(u8);

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Weekday(0),
        Weekday(1),
        Weekday(2),
        Weekday(3),
        Weekday(4),
        Weekday(5),
        Weekday(6),
    ];

    pub fn new(index: usize) -> Option<Self> {
        (index < DAYS).then_some(Weekday(index as u8))
    }

    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// The short code used in forms and URLs: `mon` … `sun`.
    pub fn code(self) -> &'static str {
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][self.index()]
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.code() == code)
    }
}

/// A slot: a day and a half-hour index (0 = 00:00–00:30, 47 = 23:30–24:00).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub day: Weekday,
    pub half_hour: usize,
}

impl Slot {
    fn bit(self) -> usize {
        self.day.index() * SLOTS_PER_DAY + self.half_hour
    }

    /// `HH:MM` of the slot's start.
    pub fn start_label(half_hour: usize) -> String {
        format!("{:02}:{:02}", half_hour / 2, (half_hour % 2) * 30)
    }
}

/// The free half-hours of a week.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct WeeklyAvailability {
    words: [u64; WORDS],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AvailabilityError {
    #[error("the stored availability is not 84 hexadecimal digits")]
    Encoding,
    #[error("a time window must start before it ends, on half-hour boundaries")]
    Window,
}

impl WeeklyAvailability {
    pub fn empty() -> Self {
        Self::default()
    }

    #[inline]
    pub fn set(&mut self, slot: Slot, free: bool) {
        let bit = slot.bit();
        if free {
            self.words[bit / 64] |= 1 << (bit % 64);
        } else {
            self.words[bit / 64] &= !(1 << (bit % 64));
        }
    }

    #[inline]
    pub fn is_free(&self, slot: Slot) -> bool {
        let bit = slot.bit();
        self.words[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Every slot of the week free: the neutral start for intersections.
    pub fn with_full_week(self) -> Self {
        let mut words = [u64::MAX; WORDS];
        // Only 336 of the 384 bits are slots.
        words[WORDS - 1] = u64::MAX >> (64 * WORDS - DAYS * SLOTS_PER_DAY);
        Self { words }
    }

    /// Marks `day` free from `start` to `end` (half-hour indexes, end exclusive).
    pub fn with_window(mut self, day: Weekday, start: usize, end: usize) -> Self {
        for half_hour in start..end.min(SLOTS_PER_DAY) {
            self.set(Slot { day, half_hour }, true);
        }
        self
    }

    /// Number of free half-hours.
    #[inline]
    pub fn slot_count(&self) -> u32 {
        self.words.iter().map(|w| w.count_ones()).sum()
    }

    /// Free time in minutes a week.
    #[inline]
    pub fn minutes(&self) -> u32 {
        self.slot_count() * 30
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|w| *w == 0)
    }

    /// The slots free in both.
    #[inline]
    pub fn intersection(&self, other: &Self) -> Self {
        let mut words = [0; WORDS];
        for (i, word) in words.iter_mut().enumerate() {
            *word = self.words[i] & other.words[i];
        }
        Self { words }
    }

    /// The slots free in either.
    pub fn union(&self, other: &Self) -> Self {
        let mut words = [0; WORDS];
        for (i, word) in words.iter_mut().enumerate() {
            *word = self.words[i] | other.words[i];
        }
        Self { words }
    }

    /// Whether every slot of `other` is free here.
    #[inline]
    pub fn covers(&self, other: &Self) -> bool {
        self.words
            .iter()
            .zip(other.words.iter())
            .all(|(mine, needed)| needed & !mine == 0)
    }

    /// Minutes free in both, a week.
    #[inline]
    pub fn overlap_minutes(&self, other: &Self) -> u32 {
        self.words
            .iter()
            .zip(other.words.iter())
            .map(|(a, b)| (a & b).count_ones())
            .sum::<u32>()
            * 30
    }

    /// Free minutes on one day.
    pub fn minutes_on(&self, day: Weekday) -> u32 {
        (0..SLOTS_PER_DAY)
            .filter(|h| self.is_free(Slot { day, half_hour: *h }))
            .count() as u32
            * 30
    }

    /// The days with any free slot.
    pub fn free_days(&self) -> Vec<Weekday> {
        Weekday::ALL
            .into_iter()
            .filter(|d| self.minutes_on(*d) > 0)
            .collect()
    }

    /// Only the given days.
    pub fn restricted_to(&self, days: &[Weekday]) -> Self {
        let mut out = Self::empty();
        for day in days {
            for half_hour in 0..SLOTS_PER_DAY {
                let slot = Slot {
                    day: *day,
                    half_hour,
                };
                if self.is_free(slot) {
                    out.set(slot, true);
                }
            }
        }
        out
    }

    /// The free time as (day, start, end) windows of consecutive slots, end exclusive.
    /// One day's half-hours as the low 48 bits of a word (bit `h` is half-hour `h`).
    #[inline]
    pub fn day_mask(&self, day: Weekday) -> u64 {
        let start = day.index() * SLOTS_PER_DAY;
        let (word, offset) = (start / 64, start % 64);
        let mut bits = self.words[word] >> offset;
        if offset > 0 && word + 1 < WORDS {
            bits |= self.words[word + 1] << (64 - offset);
        }
        bits & DAY_BITS
    }

    /// This week with one day's half-hours added from a [`Self::day_mask`]-style word.
    #[inline]
    pub fn with_day_mask(mut self, day: Weekday, mask: u64) -> Self {
        let start = day.index() * SLOTS_PER_DAY;
        let (word, offset) = (start / 64, start % 64);
        let mask = mask & DAY_BITS;
        self.words[word] |= mask << offset;
        if offset > 0 && word + 1 < WORDS {
            self.words[word + 1] |= mask >> (64 - offset);
        }
        self
    }

    pub fn windows(&self) -> Vec<(Weekday, usize, usize)> {
        let mut windows = Vec::new();
        for day in Weekday::ALL {
            let mut start = None;
            for half_hour in 0..=SLOTS_PER_DAY {
                let free = half_hour < SLOTS_PER_DAY && self.is_free(Slot { day, half_hour });
                match (free, start) {
                    (true, None) => start = Some(half_hour),
                    (false, Some(s)) => {
                        windows.push((day, s, half_hour));
                        start = None;
                    }
                    _ => {}
                }
            }
        }
        windows
    }

    /// The stored form: 84 hexadecimal digits, the last slot of Sunday first (the unused top
    /// 48 bits of the last word are left out).
    pub fn to_hex(&self) -> String {
        self.words
            .iter()
            .rev()
            .map(|w| format!("{w:016x}"))
            .collect::<String>()[12..]
            .to_owned()
    }

    pub fn from_hex(hex: &str) -> Result<Self, AvailabilityError> {
        if hex.len() != 84 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(AvailabilityError::Encoding);
        }
        let padded = format!("{}{hex}", "0".repeat(12));
        let mut words = [0; WORDS];
        for (i, word) in words.iter_mut().rev().enumerate() {
            *word = u64::from_str_radix(&padded[i * 16..(i + 1) * 16], 16)
                .map_err(|_| AvailabilityError::Encoding)?;
        }
        Ok(Self { words })
    }
}

impl fmt::Debug for WeeklyAvailability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let windows: Vec<String> = self
            .windows()
            .iter()
            .map(|(d, s, e)| {
                format!(
                    "{} {}-{}",
                    d.code(),
                    Slot::start_label(*s),
                    Slot::start_label(*e)
                )
            })
            .collect();
        write!(f, "WeeklyAvailability[{}]", windows.join(", "))
    }
}

impl crate::label::Label for Weekday {
    fn label_key(self) -> &'static str {
        [
            "day-mon", "day-tue", "day-wed", "day-thu", "day-fri", "day-sat", "day-sun",
        ][self.index()]
    }

    fn every() -> Vec<Self> {
        Weekday::ALL.to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(i: usize) -> Weekday {
        Weekday::new(i).unwrap()
    }

    /// 9:00–14:30 on weekdays: a parent whose child is at nursery.
    fn nursery_hours() -> WeeklyAvailability {
        (0..5).fold(WeeklyAvailability::empty(), |a, d| {
            a.with_window(day(d), 18, 29)
        })
    }

    #[test]
    fn hours_are_counted_in_half_hours() {
        let a = nursery_hours();
        assert_eq!(a.slot_count(), 55);
        assert_eq!(a.minutes(), 55 * 30);
        assert_eq!(a.minutes_on(day(0)), 330);
        assert_eq!(a.minutes_on(day(5)), 0);
        assert_eq!(a.free_days().len(), 5);
    }

    #[test]
    fn overlap_is_the_shared_free_time() {
        let parent = nursery_hours();
        // A job 13:00–17:00 on Monday and Wednesday.
        let job = WeeklyAvailability::empty()
            .with_window(day(0), 26, 34)
            .with_window(day(2), 26, 34);
        assert_eq!(parent.overlap_minutes(&job), 2 * 90);
        assert!(!parent.covers(&job));
        let morning_job = WeeklyAvailability::empty().with_window(day(1), 20, 24);
        assert!(parent.covers(&morning_job));
        assert_eq!(parent.intersection(&morning_job), morning_job);
    }

    #[test]
    fn windows_and_the_stored_form_round_trip() {
        let a = nursery_hours().with_window(day(6), 46, 48);
        assert_eq!(a.windows()[0], (day(0), 18, 29));
        assert_eq!(*a.windows().last().unwrap(), (day(6), 46, 48));
        let hex = a.to_hex();
        assert_eq!(hex.len(), 84);
        assert_eq!(WeeklyAvailability::from_hex(&hex).unwrap(), a);
        assert_eq!(
            WeeklyAvailability::from_hex("zz"),
            Err(AvailabilityError::Encoding)
        );
    }

    #[test]
    fn day_masks_read_and_write_each_day_alone() {
        let week = nursery_hours().with_window(Weekday::new(6).unwrap(), 40, 48);
        let mut rebuilt = WeeklyAvailability::empty();
        for day in Weekday::ALL {
            let mask = week.day_mask(day);
            assert_eq!(mask.count_ones() * 30, week.minutes_on(day), "{day:?}");
            rebuilt = rebuilt.with_day_mask(day, mask);
        }
        assert_eq!(rebuilt, week);
        let monday = Weekday::new(0).unwrap();
        assert_eq!(
            week.day_mask(monday),
            week.restricted_to(&[monday]).day_mask(monday)
        );
    }

    #[test]
    fn the_full_week_has_every_slot() {
        let full = WeeklyAvailability::empty().with_full_week();
        assert_eq!(full.slot_count(), 336);
        assert_eq!(full.intersection(&nursery_hours()), nursery_hours());
    }

    #[test]
    fn restricting_to_days_keeps_only_those_days() {
        let a = nursery_hours().restricted_to(&[day(0), day(6)]);
        assert_eq!(a.minutes(), 330);
    }
}
