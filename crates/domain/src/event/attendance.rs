//! When attendance can be recorded: from the day a session takes place until a number of days
//! after the event ends (a town setting, `attendance_days`), so yesterday's seminar can still
//! be marked while last year's can no longer be rewritten.

use chrono::{DateTime, Duration, NaiveTime, Utc};

use super::at_jst;
use crate::local_time::to_jst;

/// Whether a session's attendance can be recorded now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttendanceWindow {
    /// The session's day has not come yet.
    NotYet,
    Open,
    /// The limit after the event's end has passed; the marks stand as recorded.
    Closed,
}

/// The window for a session starting at `session_start` of an event ending at `event_end`,
/// kept open for `days_after` days after that end.
pub fn window(
    session_start: DateTime<Utc>,
    event_end: DateTime<Utc>,
    days_after: i64,
    now: DateTime<Utc>,
) -> AttendanceWindow {
    let opens = at_jst(to_jst(session_start).date_naive(), NaiveTime::MIN);
    if now < opens {
        AttendanceWindow::NotYet
    } else if now > event_end + Duration::days(days_after) {
        AttendanceWindow::Closed
    } else {
        AttendanceWindow::Open
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        at_jst(
            NaiveDate::from_ymd_opt(2026, 12, day).unwrap(),
            NaiveTime::from_hms_opt(hour, 0, 0).unwrap(),
        )
    }

    #[test]
    fn attendance_opens_on_the_day_and_closes_days_after_the_end() {
        let (start, end) = (at(10, 10), at(10, 12));
        assert_eq!(window(start, end, 30, at(9, 23)), AttendanceWindow::NotYet);
        assert_eq!(window(start, end, 30, at(10, 0)), AttendanceWindow::Open);
        assert_eq!(window(start, end, 30, at(11, 9)), AttendanceWindow::Open);
        assert_eq!(
            window(start, end, 30, end + Duration::days(30)),
            AttendanceWindow::Open
        );
        assert_eq!(
            window(
                start,
                end,
                30,
                end + Duration::days(30) + Duration::seconds(1)
            ),
            AttendanceWindow::Closed
        );
        assert_eq!(window(start, end, 0, at(10, 13)), AttendanceWindow::Closed);
    }
}
