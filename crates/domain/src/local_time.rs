//! Times are stored in UTC and shown in Japan Standard Time.
//!
//! Japan has observed no daylight saving time since 1951, so JST is the fixed offset UTC+9 and
//! no time-zone database is needed.

use chrono::{DateTime, FixedOffset, Utc};

/// Japan Standard Time, UTC+9.
pub fn jst() -> FixedOffset {
    FixedOffset::east_opt(9 * 3600).expect("nine hours is a valid offset")
}

/// The same instant shown in Japan Standard Time.
pub fn to_jst(at: DateTime<Utc>) -> DateTime<FixedOffset> {
    at.with_timezone(&jst())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn utc_evening_is_the_next_morning_in_japan() {
        let at = Utc.with_ymd_and_hms(2026, 3, 31, 15, 30, 0).unwrap();
        assert_eq!(
            to_jst(at).format("%Y-%m-%d %H:%M").to_string(),
            "2026-04-01 00:30"
        );
    }
}
