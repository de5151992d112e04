//! The demo town's earlier 3-, 6- and 12-month check-ins, answered on the day they came due,
//! so the town's numbers show how people placed are doing. Those due in the last two weeks
//! stay open, for the coordinator's work queue.

use chrono::{Duration, NaiveTime, TimeZone};
use domain::introduction::check_in::{CheckIn, CheckInStatus, HoursBand};
use store::account::AccountId;
use store::{StoreError, TenantStore};

/// Check-ins due this many days ago or less are left for the coordinator.
const LEFT_OPEN_DAYS: i64 = 14;

/// The answer the demo gives to check-in `n`: most people still at the job, some elsewhere,
/// a few not working or not reached; their hours spread over the bands.
fn answer(n: usize, months: u32) -> CheckIn {
    let status = match n % 10 {
        0..=5 | 9 => CheckInStatus::StillWorking,
        6 => CheckInStatus::WorkingElsewhere,
        7 => CheckInStatus::NotWorking,
        _ => CheckInStatus::Unreached,
    };
    let bands = [
        HoursBand::From10To20,
        HoursBand::From20To30,
        HoursBand::Under10,
        HoursBand::From30,
    ];
    CheckIn {
        months,
        status,
        hours: status.is_working().then(|| bands[n % bands.len()]),
    }
}

/// Answers the check-ins due before the last two weeks, each at ten in the morning of its day.
pub async fn answer_earlier(
    tenant: &TenantStore<'_>,
    coordinator: AccountId,
) -> Result<usize, StoreError> {
    let today = store::matching_input::today_in_japan();
    let due = tenant
        .earlier_check_ins(today - Duration::days(LEFT_OPEN_DAYS))
        .await?;
    let ten = NaiveTime::from_hms_opt(10, 0, 0).expect("a time of day");
    for (n, (id, months, day)) in due.iter().enumerate() {
        let at = domain::local_time::jst()
            .from_local_datetime(&day.and_time(ten))
            .single()
            .map(|t| t.with_timezone(&chrono::Utc))
            .unwrap_or_else(chrono::Utc::now);
        let check_in = answer(n, *months);
        let said = "お電話で近況を伺いました。";
        tenant
            .complete_earlier_follow_up(*id, coordinator, (said, Some(&check_in)), at)
            .await?;
    }
    Ok(due.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_mostly_still_working_and_hours_only_for_those_who_work() {
        let answers: Vec<CheckIn> = (0..10).map(|n| answer(n, 3)).collect();
        let still = answers
            .iter()
            .filter(|a| a.status == CheckInStatus::StillWorking)
            .count();
        assert_eq!(still, 7);
        assert!(
            answers
                .iter()
                .all(|a| a.hours.is_some() == a.status.is_working())
        );
    }
}
