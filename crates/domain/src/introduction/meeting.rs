//! A proposed meeting (面談) and the person's answer to it, and the check of a proposed time
//! against what the person said about their week and what they have booked.
//!
//! The organization proposes a time (`Action::ScheduleMeeting`, again to propose another);
//! each proposal waits for the person's answer: they accept it, or ask for another time with a
//! message. A clash is a warning the organization may override (it may have agreed the time
//! with the person by phone), never a refusal.

use chrono::{DateTime, Duration, Utc};

use crate::availability::{SLOTS_PER_DAY, Slot, Weekday, WeeklyAvailability};
use crate::coded;
use crate::local_time::to_jst;

/// How long a meeting is taken to last when checking it against the person's week.
pub const MEETING_LENGTH: Duration = Duration::minutes(60);

/// Longest message with an answer, in characters.
pub const ANSWER_NOTE_MAX: usize = 500;

coded!(
    /// The person's answer to the meeting time proposed last.
    MeetingAnswer {
        Waiting = "waiting" => "meeting-answer-waiting",
        Accepted = "accepted" => "meeting-answer-accepted",
        AnotherTime = "another_time" => "meeting-answer-another-time",
    }
);

/// Why a proposed time may not suit the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clash {
    /// Part of the hour is outside the times the person said they are free.
    OutsideAvailability,
    /// The person has booked an event that overlaps the hour (which one is not said: the
    /// organization is not told what else the person does).
    Booked,
}

/// The clashes of a meeting at `at` (lasting `MEETING_LENGTH`) with the person's week and
/// their booked events as (start, end).
pub fn clashes(
    at: DateTime<Utc>,
    week: &WeeklyAvailability,
    booked: &[(DateTime<Utc>, DateTime<Utc>)],
) -> Vec<Clash> {
    let end = at + MEETING_LENGTH;
    let mut out = Vec::new();
    if !covered(at, end, week) {
        out.push(Clash::OutsideAvailability);
    }
    if booked
        .iter()
        .any(|(start, finish)| *start < end && at < *finish)
    {
        out.push(Clash::Booked);
    }
    out
}

/// Whether every half-hour the meeting touches, in Japan time, is free in `week`.
fn covered(at: DateTime<Utc>, end: DateTime<Utc>, week: &WeeklyAvailability) -> bool {
    let mut t = at;
    while t < end {
        let local = to_jst(t);
        let minutes = chrono::Timelike::hour(&local) * 60 + chrono::Timelike::minute(&local);
        let day = chrono::Datelike::weekday(&local).num_days_from_monday() as usize;
        let half_hour = (minutes / 30) as usize;
        let Some(day) = Weekday::new(day) else {
            return false;
        };
        if half_hour >= SLOTS_PER_DAY || !week.is_free(Slot { day, half_hour }) {
            return false;
        }
        // On to the start of the next half-hour.
        t += Duration::minutes(i64::from(30 - minutes % 30));
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// 2026-12-10 is a Thursday; `hh:mm` Japan time.
    fn thursday(hour: u32, minute: u32) -> DateTime<Utc> {
        crate::local_time::jst()
            .with_ymd_and_hms(2026, 12, 10, hour, minute, 0)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn mornings() -> WeeklyAvailability {
        let thu = Weekday::new(3).unwrap();
        WeeklyAvailability::empty().with_window(thu, 18, 24)
    }

    #[test]
    fn a_time_inside_the_person_s_week_and_free_of_bookings_has_no_clash() {
        assert_eq!(clashes(thursday(10, 0), &mornings(), &[]), []);
        assert_eq!(clashes(thursday(9, 0), &mornings(), &[]), [], "9:00–10:00");
        assert_eq!(
            clashes(thursday(11, 0), &mornings(), &[]),
            [],
            "ends at 12:00"
        );
    }

    #[test]
    fn a_time_running_past_the_person_s_hours_or_over_a_booking_clashes() {
        assert_eq!(
            clashes(thursday(11, 30), &mornings(), &[]),
            [Clash::OutsideAvailability]
        );
        assert_eq!(
            clashes(thursday(8, 45), &mornings(), &[]),
            [Clash::OutsideAvailability]
        );
        let seminar = (thursday(10, 30), thursday(12, 0));
        assert_eq!(
            clashes(thursday(10, 0), &mornings(), &[seminar]),
            [Clash::Booked]
        );
        assert_eq!(
            clashes(thursday(9, 30), &mornings(), &[seminar]),
            [],
            "ends as the seminar begins"
        );
    }
}
