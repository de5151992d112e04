//! Requests under the personal-data law that reach the town outside the site: to see what is
//! held (開示), to correct it (訂正), to stop its use (利用停止). Each is logged with the day
//! it was received and its deadline, which the town sets (its ordinance may be stricter than
//! the law's 30 days, Article 83 of the Act on the Protection of Personal Information); the
//! deadline is fixed when the request is logged, so a later change of the setting does not
//! move it.

use chrono::{Duration, NaiveDate};

use crate::field_errors::{FieldErrors, text};

crate::coded!(
    /// What the person asks for.
    DataRequestKind {
        Disclosure = "disclosure" => "data-request-kind-disclosure",
        Correction = "correction" => "data-request-kind-correction",
        StopUse = "stop_use" => "data-request-kind-stop-use",
    }
);

crate::coded!(
    /// How the request arrived.
    DataRequestChannel {
        Counter = "counter" => "data-request-channel-counter",
        Post = "post" => "data-request-channel-post",
        Phone = "phone" => "data-request-channel-phone",
        Email = "email" => "data-request-channel-email",
    }
);

crate::coded!(
    /// Where the request stands.
    DataRequestState {
        Open = "open" => "data-request-state-open",
        Answered = "answered" => "data-request-state-answered",
        Withdrawn = "withdrawn" => "data-request-state-withdrawn",
    }
);

/// The deadline a town starts with, in days from receipt: within the law's 30 days, as many
/// municipal ordinances set it.
pub const DEFAULT_DEADLINE_DAYS: i64 = 15;
/// The settings a town may choose: a day to the law's 30 days.
pub const DEADLINE_DAYS: std::ops::RangeInclusive<i64> = 1..=30;
pub const NAME_MAX: usize = 60;
pub const SUMMARY_MAX: usize = 1000;
pub const ANSWER_MAX: usize = 2000;

/// The day a request received on `received` must be answered by.
pub fn deadline(received: NaiveDate, days: i64) -> NaiveDate {
    received + Duration::days(days)
}

/// Still open after its deadline.
pub fn is_overdue(state: DataRequestState, deadline: NaiveDate, today: NaiveDate) -> bool {
    state == DataRequestState::Open && today > deadline
}

/// A request as it is logged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDataRequest {
    pub kind: DataRequestKind,
    pub channel: DataRequestChannel,
    pub received_on: NaiveDate,
    pub requester: String,
    pub summary: String,
}

/// The form as typed.
#[derive(Debug, Clone, Default)]
pub struct DataRequestInput {
    pub kind: String,
    pub channel: String,
    pub received_on: String,
    pub requester: String,
    pub summary: String,
}

impl NewDataRequest {
    /// Every field checked: a known kind and channel, a day not after `today`, a name and what
    /// was asked.
    pub fn parse(input: &DataRequestInput, today: NaiveDate) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let kind = DataRequestKind::from_code(input.kind.trim());
        if kind.is_none() {
            errors.add("request_kind", "required");
        }
        let channel = DataRequestChannel::from_code(input.channel.trim());
        if channel.is_none() {
            errors.add("request_channel", "required");
        }
        let received = NaiveDate::parse_from_str(input.received_on.trim(), "%Y-%m-%d").ok();
        match received {
            None => errors.add("received_on", "date-invalid"),
            Some(day) if day > today => errors.add("received_on", "date-in-future"),
            Some(_) => {}
        }
        let requester = text(&mut errors, "requester", &input.requester, NAME_MAX, true);
        let summary = text(&mut errors, "summary", &input.summary, SUMMARY_MAX, true);
        match (kind, channel, received) {
            (Some(kind), Some(channel), Some(received_on)) if errors.is_empty() => Ok(Self {
                kind,
                channel,
                received_on,
                requester,
                summary,
            }),
            _ => Err(errors),
        }
    }
}

/// The number of days a town sets, checked.
pub fn parse_deadline_days(raw: &str) -> Result<i64, FieldErrors> {
    match raw.trim().parse::<i64>() {
        Ok(days) if DEADLINE_DAYS.contains(&days) => Ok(days),
        _ => Err(FieldErrors::single("deadline_days", "deadline-days")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn input() -> DataRequestInput {
        DataRequestInput {
            kind: "correction".into(),
            channel: "counter".into(),
            received_on: "2026-12-01".into(),
            requester: " 長泉 花子 ".into(),
            summary: "電話番号の訂正".into(),
        }
    }

    #[test]
    fn a_request_is_logged_with_every_field_checked() {
        let logged = NewDataRequest::parse(&input(), day("2026-12-03")).unwrap();
        assert_eq!(logged.kind, DataRequestKind::Correction);
        assert_eq!(logged.requester, "長泉 花子");
        let empty =
            NewDataRequest::parse(&DataRequestInput::default(), day("2026-12-03")).unwrap_err();
        for field in [
            "request_kind",
            "request_channel",
            "received_on",
            "requester",
            "summary",
        ] {
            assert!(empty.code_for(field).is_some(), "{field}");
        }
        let future = NewDataRequest::parse(&input(), day("2026-11-30")).unwrap_err();
        assert_eq!(future.code_for("received_on"), Some("date-in-future"));
    }

    #[test]
    fn an_open_request_is_overdue_the_day_after_its_deadline() {
        let due = deadline(day("2026-12-01"), 15);
        assert_eq!(due, day("2026-12-16"));
        assert!(!is_overdue(DataRequestState::Open, due, day("2026-12-16")));
        assert!(is_overdue(DataRequestState::Open, due, day("2026-12-17")));
        assert!(!is_overdue(
            DataRequestState::Answered,
            due,
            day("2026-12-17")
        ));
    }

    #[test]
    fn a_town_sets_its_deadline_within_the_laws_thirty_days() {
        assert_eq!(parse_deadline_days("15"), Ok(15));
        assert!(parse_deadline_days("31").is_err());
        assert!(parse_deadline_days("0").is_err());
        assert!(parse_deadline_days("十").is_err());
    }
}
