//! Consultation slots made in series: a window on one day of the week (e.g. Tuesday
//! 10:00–12:00), cut into slots of a length (30 minutes), repeated weekly for some weeks. Each
//! slot is a one-to-one consultation of its own, so each can be booked by one person.

use chrono::{DateTime, Duration, NaiveTime, Utc};

use super::{EventDraft, EventInput, at_jst, date, time, whole};
use crate::field_errors::{FieldErrors, text};
use crate::skill::Taxonomy;

/// The series form as typed.
#[derive(Debug, Clone, Default)]
pub struct SeriesInput {
    pub title: String,
    pub title_en: String,
    pub description: String,
    pub place: String,
    pub online_url: String,
    /// The first day; the others follow weekly.
    pub date: String,
    pub weeks: String,
    pub start_time: String,
    pub end_time: String,
    pub slot_minutes: String,
    pub public: bool,
}

const MAX_WEEKS: u32 = 26;
const MAX_SLOTS: usize = 200;

/// The slots' times within the window `start`..`end`, `minutes` each (a last piece shorter
/// than a slot is left out).
fn slot_times(start: NaiveTime, end: NaiveTime, minutes: u32) -> Vec<(NaiveTime, NaiveTime)> {
    let length = Duration::minutes(i64::from(minutes));
    let mut slots = Vec::new();
    let mut at = start;
    while at + length <= end && at + length > at {
        slots.push((at, at + length));
        at += length;
    }
    slots
}

/// Parses the series form into one consultation draft per slot, naming every wrong field.
pub fn parse_series(
    input: &SeriesInput,
    taxonomy: &Taxonomy,
    now: DateTime<Utc>,
) -> Result<Vec<EventDraft>, FieldErrors> {
    let mut e = FieldErrors::default();
    let day = date(&mut e, "date", &input.date);
    let start = time(&mut e, "start_time", &input.start_time);
    let end = time(&mut e, "end_time", &input.end_time);
    let weeks = whole(
        &mut e,
        "weeks",
        &input.weeks,
        1..=MAX_WEEKS,
        "weeks-invalid",
    );
    let minutes = whole(
        &mut e,
        "slot_minutes",
        &input.slot_minutes,
        10..=180,
        "slot-minutes-invalid",
    );
    text(&mut e, "title", &input.title, 100, true);
    let (Some(day), Some(start), Some(end), Some(weeks), Some(minutes)) =
        (day, start, end, weeks, minutes)
    else {
        return Err(e);
    };
    if end <= start {
        e.add("end_time", "end-before-start");
    }
    let times = slot_times(start, end, minutes);
    if end > start && times.is_empty() {
        e.add("slot_minutes", "slot-longer-than-window");
    }
    if times.len() * usize::try_from(weeks).unwrap_or(0) > MAX_SLOTS {
        e.add("weeks", "too-many-slots");
    }
    if at_jst(day, start) < now {
        e.add("date", "date-in-past");
    }
    let mut drafts = Vec::new();
    for week in 0..i64::from(weeks) {
        let on = (day + Duration::weeks(week)).to_string();
        for (from, to) in &times {
            let slot = EventInput {
                kind: "consultation".into(),
                title: input.title.clone(),
                title_en: input.title_en.clone(),
                description: input.description.clone(),
                place: input.place.clone(),
                online_url: input.online_url.clone(),
                date: on.clone(),
                start_time: from.format("%H:%M").to_string(),
                end_time: to.format("%H:%M").to_string(),
                public: input.public,
                ..EventInput::default()
            };
            match EventDraft::parse(&slot, taxonomy, now) {
                Ok(draft) => drafts.push(draft),
                Err(errors) => {
                    for (field, code) in errors.iter() {
                        if e.code_for(field).is_none() {
                            e.add(field, code);
                        }
                    }
                    return Err(e);
                }
            }
        }
    }
    if e.is_empty() { Ok(drafts) } else { Err(e) }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn now() -> DateTime<Utc> {
        at_jst(
            NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        )
    }

    fn taxonomy() -> Taxonomy {
        Taxonomy::shipped().unwrap()
    }

    fn tuesdays() -> SeriesInput {
        SeriesInput {
            title: "キャリア相談（個別）".into(),
            description: "働き方の相談".into(),
            place: "長泉町役場 1階 相談室".into(),
            date: "2026-12-08".into(),
            weeks: "8".into(),
            start_time: "10:00".into(),
            end_time: "12:00".into(),
            slot_minutes: "30".into(),
            public: true,
            ..SeriesInput::default()
        }
    }

    #[test]
    fn tuesday_mornings_for_eight_weeks_make_thirty_two_slots() {
        let slots = parse_series(&tuesdays(), &taxonomy(), now()).unwrap();
        assert_eq!(slots.len(), 32);
        assert!(
            slots
                .iter()
                .all(|s| s.capacity == 1 && s.sessions.len() == 1)
        );
        let first = slots[0].sessions[0];
        assert_eq!(
            first.0,
            at_jst(
                NaiveDate::from_ymd_opt(2026, 12, 8).unwrap(),
                NaiveTime::from_hms_opt(10, 0, 0).unwrap()
            )
        );
        assert_eq!(first.1 - first.0, Duration::minutes(30));
        assert_eq!(slots[3].sessions[0].1 - first.0, Duration::hours(2));
        assert_eq!(slots[4].sessions[0].0 - first.0, Duration::weeks(1));
        assert_eq!(
            slots[31].sessions[0].0 - first.0,
            Duration::weeks(7) + Duration::minutes(90)
        );
    }

    #[test]
    fn a_last_piece_shorter_than_a_slot_is_left_out() {
        let start = NaiveTime::from_hms_opt(10, 0, 0).unwrap();
        let end = NaiveTime::from_hms_opt(11, 40, 0).unwrap();
        assert_eq!(slot_times(start, end, 30).len(), 3);
        assert!(slot_times(start, end, 120).is_empty());
    }

    #[test]
    fn every_wrong_field_of_a_series_is_named() {
        let bad = SeriesInput {
            title: String::new(),
            weeks: "0".into(),
            slot_minutes: "5".into(),
            ..tuesdays()
        };
        let errors = parse_series(&bad, &taxonomy(), now()).unwrap_err();
        assert_eq!(errors.code_for("title"), Some("required"));
        assert_eq!(errors.code_for("weeks"), Some("weeks-invalid"));
        assert_eq!(
            errors.code_for("slot_minutes"),
            Some("slot-minutes-invalid")
        );

        let inverted = SeriesInput {
            end_time: "09:00".into(),
            ..tuesdays()
        };
        assert_eq!(
            parse_series(&inverted, &taxonomy(), now())
                .unwrap_err()
                .code_for("end_time"),
            Some("end-before-start")
        );
        let long = SeriesInput {
            slot_minutes: "150".into(),
            ..tuesdays()
        };
        assert_eq!(
            parse_series(&long, &taxonomy(), now())
                .unwrap_err()
                .code_for("slot_minutes"),
            Some("slot-longer-than-window")
        );
        let many = SeriesInput {
            weeks: "26".into(),
            end_time: "18:00".into(),
            slot_minutes: "10".into(),
            ..tuesdays()
        };
        assert_eq!(
            parse_series(&many, &taxonomy(), now())
                .unwrap_err()
                .code_for("weeks"),
            Some("too-many-slots")
        );
        let past = SeriesInput {
            date: "2026-11-24".into(),
            ..tuesdays()
        };
        assert_eq!(
            parse_series(&past, &taxonomy(), now())
                .unwrap_err()
                .code_for("date"),
            Some("date-in-past")
        );
        let nowhere = SeriesInput {
            place: String::new(),
            ..tuesdays()
        };
        assert_eq!(
            parse_series(&nowhere, &taxonomy(), now())
                .unwrap_err()
                .code_for("place"),
            Some("place-or-online")
        );
    }
}
