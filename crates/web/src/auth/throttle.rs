//! Sign-in throttling: after repeated failures for one account, or from one address, further
//! attempts wait, twice as long after each failure.
//!
//! - Per account (keyed by the typed email, so it works the same whether or not the account
//!   exists): from the 5th failure, 30 s, then 1, 2, 4 … minutes, at most one hour.
//! - Per address: from the 20th failure, with the same doubling; looser because a town
//!   office or a school may share one address.

use chrono::{DateTime, Duration, Utc};

pub const ACCOUNT_FREE_FAILURES: i32 = 5;
pub const ADDRESS_FREE_FAILURES: i32 = 20;
const FIRST_LOCK_SECONDS: i64 = 30;
const MAX_LOCK_SECONDS: i64 = 3600;

/// How long to lock after `failures` failures when `free` come without a lock.
pub fn lock_after(failures: i32, free: i32) -> Option<Duration> {
    if failures < free {
        return None;
    }
    let doublings = u32::try_from(failures - free).unwrap_or(0).min(12);
    Some(Duration::seconds(
        (FIRST_LOCK_SECONDS << doublings).min(MAX_LOCK_SECONDS),
    ))
}

pub fn account_key(scope: &str, email: &str) -> String {
    format!("account:{scope}:{email}")
}

pub fn address_key(ip: &str) -> String {
    format!("ip:{ip}")
}

/// Minutes left until `until`, rounded up, for the message shown.
pub fn minutes_left(until: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    ((until - now).num_seconds() + 59).max(60) / 60
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_start_at_the_fifth_failure_and_double() {
        assert_eq!(lock_after(4, ACCOUNT_FREE_FAILURES), None);
        assert_eq!(
            lock_after(5, ACCOUNT_FREE_FAILURES),
            Some(Duration::seconds(30))
        );
        assert_eq!(
            lock_after(6, ACCOUNT_FREE_FAILURES),
            Some(Duration::seconds(60))
        );
        assert_eq!(
            lock_after(8, ACCOUNT_FREE_FAILURES),
            Some(Duration::seconds(240))
        );
        assert_eq!(
            lock_after(40, ACCOUNT_FREE_FAILURES),
            Some(Duration::seconds(3600))
        );
        assert_eq!(lock_after(19, ADDRESS_FREE_FAILURES), None);
    }
}
