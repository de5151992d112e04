//! Slowing down guessing and flooding, as policy: what counts, how much is free, and what
//! happens after. The store counts atomically (`store::throttle`); this module decides.
//!
//! - **Per account** (keyed by the typed email, so it works the same whether or not the
//!   account exists; and per account for the password-change form): every attempt is counted
//!   *before* the password is checked, in the same step that checks the lock, so at most
//!   [`ACCOUNT_FREE_FAILURES`] guesses are ever checked before the lock, however many arrive at
//!   once. Then 30 s, doubling to at most an hour. A success clears the count; failures a day
//!   old are forgotten.
//! - **Per address**: never a lock (behind a proxy or in a town office many people share one
//!   address, and a correct password must keep working). From the
//!   [`ADDRESS_FREE_FAILURES`]th failure in an hour, each attempt from that address waits
//!   before it is checked, twice as long after each further failure, at most
//!   [`MAX_ADDRESS_DELAY`].
//! - **Rate limits** on requests that send mail or write records for strangers (password
//!   reset, sign-up, the enquiry form): a number per email and per address in a window.

use chrono::{DateTime, Duration, Utc};

pub const ACCOUNT_FREE_FAILURES: i32 = 5;
pub const ADDRESS_FREE_FAILURES: i32 = 20;
const FIRST_LOCK_SECONDS: i64 = 30;
const MAX_LOCK_SECONDS: i64 = 3600;
/// Account failures older than this are forgotten.
pub const ACCOUNT_MEMORY: Duration = Duration::hours(24);
/// Address failures older than this are forgotten.
pub const ADDRESS_MEMORY: Duration = Duration::hours(1);
/// The longest an attempt from a busy address waits.
pub const MAX_ADDRESS_DELAY: std::time::Duration = std::time::Duration::from_secs(8);

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

/// The account rule: locks from the fifth counted attempt.
pub fn account_lock(failures: i32) -> Option<Duration> {
    lock_after(failures, ACCOUNT_FREE_FAILURES)
}

/// How long an attempt from an address with `failures` recent failures waits first.
pub fn address_delay(failures: i32) -> std::time::Duration {
    if failures < ADDRESS_FREE_FAILURES {
        return std::time::Duration::ZERO;
    }
    let doublings = u32::try_from(failures - ADDRESS_FREE_FAILURES)
        .unwrap_or(0)
        .min(8);
    (std::time::Duration::from_millis(250) * 2_u32.pow(doublings)).min(MAX_ADDRESS_DELAY)
}

pub fn account_key(scope: &str, email: &str) -> String {
    format!("account:{scope}:{email}")
}

pub fn address_key(ip: &str) -> String {
    format!("ip:{ip}")
}

pub fn password_change_key(account: i64) -> String {
    format!("password-change:{account}")
}

/// Minutes left until `until`, rounded up, for the message shown.
pub fn minutes_left(until: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    ((until - now).num_seconds() + 59).max(60) / 60
}

/// A rate limit: at most `max` requests per `window` for one key.
#[derive(Debug, Clone, Copy)]
pub struct RateRule {
    pub name: &'static str,
    pub window: Duration,
    pub max: i32,
}

impl RateRule {
    pub fn key(&self, subject: &str) -> String {
        format!("{}:{subject}", self.name)
    }
}

/// Reset mails to one address: three an hour.
pub const RESET_PER_EMAIL: RateRule = RateRule {
    name: "reset-email",
    window: Duration::hours(1),
    max: 3,
};
/// Reset requests from one address: twenty an hour.
pub const RESET_PER_ADDRESS: RateRule = RateRule {
    name: "reset-ip",
    window: Duration::hours(1),
    max: 20,
};
/// Sign-up mails to one address: three an hour.
pub const SIGNUP_PER_EMAIL: RateRule = RateRule {
    name: "signup-email",
    window: Duration::hours(1),
    max: 3,
};
/// Sign-ups from one address: twenty an hour.
pub const SIGNUP_PER_ADDRESS: RateRule = RateRule {
    name: "signup-ip",
    window: Duration::hours(1),
    max: 20,
};
/// Enquiries from one address: ten an hour.
pub const ENQUIRY_PER_ADDRESS: RateRule = RateRule {
    name: "enquiry-ip",
    window: Duration::hours(1),
    max: 10,
};

/// Counts one request under `rule` for `subject`; whether it is within the limit.
pub async fn allows(
    store: &store::Store,
    rule: RateRule,
    subject: &str,
) -> Result<bool, store::StoreError> {
    store
        .rate_take(&rule.key(subject), Utc::now(), rule.window, rule.max)
        .await
}

/// How often the same refusal is written: the first refusal of a route for an account in
/// [`DENIAL_WINDOW`] is recorded, repeats are only counted, and at most
/// [`DENIALS_PER_ACCOUNT`] refusals of any routes per account per window are written, so a
/// script cannot flood the log while the first attempt at each route stays in it.
pub const DENIAL_WINDOW: chrono::Duration = chrono::Duration::minutes(10);
pub const DENIALS_PER_ACCOUNT: i32 = 30;

/// Whether this refusal should be written to the log (see [`DENIAL_WINDOW`]).
pub async fn worth_recording_denial(
    store: &store::Store,
    account: i64,
    route: &str,
) -> Result<bool, store::StoreError> {
    let now = chrono::Utc::now();
    let first_for_route = store
        .rate_take(&format!("denied:{account}:{route}"), now, DENIAL_WINDOW, 1)
        .await?;
    if !first_for_route {
        return Ok(false);
    }
    store
        .rate_take(
            &format!("denied:{account}"),
            now,
            DENIAL_WINDOW,
            DENIALS_PER_ACCOUNT,
        )
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_start_at_the_fifth_failure_and_double() {
        assert_eq!(lock_after(4, ACCOUNT_FREE_FAILURES), None);
        assert_eq!(account_lock(5), Some(Duration::seconds(30)));
        assert_eq!(account_lock(6), Some(Duration::seconds(60)));
        assert_eq!(account_lock(8), Some(Duration::seconds(240)));
        assert_eq!(account_lock(40), Some(Duration::seconds(3600)));
        assert_eq!(lock_after(19, ADDRESS_FREE_FAILURES), None);
    }

    #[test]
    fn busy_addresses_wait_longer_but_are_never_locked() {
        assert_eq!(address_delay(19), std::time::Duration::ZERO);
        assert_eq!(address_delay(20), std::time::Duration::from_millis(250));
        assert_eq!(address_delay(21), std::time::Duration::from_millis(500));
        assert_eq!(address_delay(1000), MAX_ADDRESS_DELAY);
    }
}
