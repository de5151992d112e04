//! How long each kind of record is kept: dated rules with their reason and source
//! (`data/retention.csv`), which a town may lengthen (never shorten below the law's). Accounts
//! unused for their period are warned 30 and 7 days before they are deleted.

use chrono::{DateTime, Months, NaiveDate, Utc};

crate::coded!(
    /// A kind of record with a retention period.
    RetentionKind {
        ProvisionRecord = "provision_record" => "retention-kind-provision-record",
        InactiveAccount = "inactive_account" => "retention-kind-inactive-account",
        DataRequest = "data_request" => "retention-kind-data-request",
        SentMail = "sent_mail" => "retention-kind-sent-mail",
    }
);

/// One rule: how many months a kind is kept, from which day the rule applies, why, and its
/// source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetentionRule {
    pub kind: RetentionKind,
    pub months: u32,
    /// The period is the law's minimum: a town cannot keep it shorter.
    pub legal: bool,
    pub from: NaiveDate,
    pub reason: String,
    pub source: String,
}

/// The days before deletion that an unused account's owner is warned.
pub const WARN_DAYS: [i64; 2] = [30, 7];
/// The longest period a town may set, in months.
pub const MAX_MONTHS: u32 = 120;

/// The shipped rules.
#[derive(Debug, Clone)]
pub struct RetentionRules {
    rules: Vec<RetentionRule>,
}

impl RetentionRules {
    pub fn shipped() -> Result<Self, String> {
        Self::parse(include_str!("../data/retention.csv"))
    }

    pub fn parse(text: &str) -> Result<Self, String> {
        let mut rules = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.starts_with("kind,") || line.trim().is_empty() {
                continue;
            }
            let cells: Vec<&str> = line.splitn(6, ',').collect();
            let bad = || format!("retention.csv line {}: {line}", n + 1);
            let [kind, months, legal, from, reason, source] = cells[..] else {
                return Err(bad());
            };
            rules.push(RetentionRule {
                kind: RetentionKind::from_code(kind).ok_or_else(bad)?,
                months: months.parse().map_err(|_| bad())?,
                legal: legal == "yes",
                from: NaiveDate::parse_from_str(from, "%Y-%m-%d").map_err(|_| bad())?,
                reason: reason.to_owned(),
                source: source.to_owned(),
            });
        }
        if let Some(kind) = RetentionKind::ALL
            .iter()
            .find(|k| !rules.iter().any(|r| r.kind == **k))
        {
            return Err(format!("retention.csv has no rule for {}", kind.code()));
        }
        Ok(Self { rules })
    }

    /// The rule for `kind` in force on `day` (the latest that began by then).
    pub fn rule(&self, kind: RetentionKind, day: NaiveDate) -> &RetentionRule {
        self.rules
            .iter()
            .filter(|r| r.kind == kind && r.from <= day)
            .max_by_key(|r| r.from)
            .or_else(|| self.rules.iter().find(|r| r.kind == kind))
            .expect("parse checked every kind has a rule")
    }

    /// The months a town keeps `kind`: its own setting where it has one and the law allows it.
    pub fn months(&self, kind: RetentionKind, day: NaiveDate, town: Option<u32>) -> u32 {
        let rule = self.rule(kind, day);
        match town {
            Some(m) if m >= rule.months || !rule.legal => m.clamp(1, MAX_MONTHS),
            _ => rule.months,
        }
    }
}

/// A town's setting for `kind` as typed, checked against the rule.
pub fn check_months(raw: &str, rule: &RetentionRule) -> Result<u32, &'static str> {
    match raw.trim().parse::<u32>() {
        Ok(m) if m < rule.months && rule.legal => Err("retention-below-law"),
        Ok(m) if (1..=MAX_MONTHS).contains(&m) => Ok(m),
        _ => Err("retention-months"),
    }
}

/// Records from before this moment are due for removal, kept `months`.
pub fn cutoff(now: DateTime<Utc>, months: u32) -> DateTime<Utc> {
    now.checked_sub_months(Months::new(months)).unwrap_or(now)
}

/// What an account unused since `last_active` is due, kept `months`: a warning (how many days
/// before deletion it says), deletion, or nothing yet. `warned` is how many warnings were sent,
/// the last at `last_warned`. However late the first warning goes out, the person always has
/// its full 30 days, and 7 after the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountDue {
    Nothing,
    Warn { days: i64 },
    Delete,
}

pub fn account_due(
    last_active: DateTime<Utc>,
    now: DateTime<Utc>,
    months: u32,
    (warned, last_warned): (usize, Option<DateTime<Utc>>),
) -> AccountDue {
    let deletion = last_active
        .checked_add_months(Months::new(months))
        .unwrap_or(last_active);
    let since_warning = last_warned.map_or(i64::MAX, |at| (now - at).num_days());
    let Some(days) = WARN_DAYS.get(warned) else {
        let last = WARN_DAYS[WARN_DAYS.len() - 1];
        return if now >= deletion && since_warning >= last {
            AccountDue::Delete
        } else {
            AccountDue::Nothing
        };
    };
    let gap = warned
        .checked_sub(1)
        .map_or(0, |i| WARN_DAYS[i] - WARN_DAYS[warned]);
    if (deletion - now).num_days() < *days && since_warning >= gap {
        AccountDue::Warn { days: *days }
    } else {
        AccountDue::Nothing
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 0, 0, 0).unwrap()
    }

    #[test]
    fn the_shipped_rules_say_why_and_where_from() {
        let rules = RetentionRules::shipped().unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        let provision = rules.rule(RetentionKind::ProvisionRecord, day);
        assert_eq!(provision.months, 36);
        assert!(provision.legal && provision.source.contains("第21条"));
        for kind in RetentionKind::ALL {
            assert!(!rules.rule(*kind, day).reason.is_empty());
        }
    }

    #[test]
    fn a_town_keeps_longer_but_never_shorter_than_the_law() {
        let rules = RetentionRules::shipped().unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        let provision = rules.rule(RetentionKind::ProvisionRecord, day);
        assert_eq!(check_months("24", provision), Err("retention-below-law"));
        assert_eq!(check_months("48", provision), Ok(48));
        assert_eq!(
            rules.months(RetentionKind::ProvisionRecord, day, Some(24)),
            36
        );
        let mail = rules.rule(RetentionKind::SentMail, day);
        assert_eq!(check_months("6", mail), Ok(6));
        assert_eq!(check_months("0", mail), Err("retention-months"));
        assert_eq!(check_months("一年", mail), Err("retention-months"));
    }

    #[test]
    fn an_unused_account_is_warned_thirty_and_seven_days_before_it_is_deleted() {
        let last = at(2023, 12, 1);
        let deletion = at(2026, 12, 1);
        let first = deletion - Duration::days(29);
        let second = deletion - Duration::days(6);
        let due = |now: DateTime<Utc>, warned| account_due(last, now, 36, warned);
        assert_eq!(
            due(deletion - Duration::days(31), (0, None)),
            AccountDue::Nothing
        );
        assert_eq!(due(first, (0, None)), AccountDue::Warn { days: 30 });
        assert_eq!(due(first, (1, Some(first))), AccountDue::Nothing);
        assert_eq!(due(second, (1, Some(first))), AccountDue::Warn { days: 7 });
        assert_eq!(
            due(deletion - Duration::days(1), (2, Some(second))),
            AccountDue::Nothing
        );
        assert_eq!(
            due(deletion + Duration::days(1), (2, Some(second))),
            AccountDue::Delete
        );
        // Never deleted without both warnings and their days, however late they went out.
        let late = deletion + Duration::days(100);
        assert_eq!(due(late, (0, None)), AccountDue::Warn { days: 30 });
        assert_eq!(due(late, (1, Some(late))), AccountDue::Nothing);
        let later = late + Duration::days(23);
        assert_eq!(due(later, (1, Some(late))), AccountDue::Warn { days: 7 });
        assert_eq!(
            due(later + Duration::days(6), (2, Some(later))),
            AccountDue::Nothing
        );
        assert_eq!(
            due(later + Duration::days(7), (2, Some(later))),
            AccountDue::Delete
        );
    }
}
