//! What an introduction waits for from its organization, for the organization's dashboard:
//! an answer once the people consented, a meeting time once it accepted (or another time when
//! the person asked for one), and the result once the meeting has taken place.

use chrono::{DateTime, Utc};

use super::IntroductionStatus;
use super::meeting::{MEETING_LENGTH, MeetingAnswer};
use crate::coded;

coded!(
    /// The organization's next step on an introduction.
    OrganizationTask {
        Answer = "answer" => "organization-task-answer",
        ProposeMeeting = "propose_meeting" => "organization-task-propose-meeting",
        ProposeAnotherTime = "propose_another_time" => "organization-task-propose-another-time",
        ReportResult = "report_result" => "organization-task-report-result",
    }
);

/// What an introduction needs from the organization at `now`, if anything: a meeting counts
/// as held once its hour is over.
pub fn organization_task(
    status: IntroductionStatus,
    meeting: (Option<DateTime<Utc>>, MeetingAnswer),
    reported: bool,
    now: DateTime<Utc>,
) -> Option<OrganizationTask> {
    use IntroductionStatus::*;
    let (at, answer) = meeting;
    match status {
        Consented => Some(OrganizationTask::Answer),
        Accepted => Some(OrganizationTask::ProposeMeeting),
        MeetingScheduled if answer == MeetingAnswer::AnotherTime => {
            Some(OrganizationTask::ProposeAnotherTime)
        }
        MeetingScheduled if !reported && at.is_some_and(|at| at + MEETING_LENGTH <= now) => {
            Some(OrganizationTask::ReportResult)
        }
        Engaged if !reported => Some(OrganizationTask::ReportResult),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use IntroductionStatus::*;
    use chrono::{Duration, TimeZone};

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 10, 3, 0, 0).unwrap()
    }

    #[test]
    fn each_step_of_the_organization_is_asked_for_once() {
        let waiting = (None, MeetingAnswer::Waiting);
        assert_eq!(
            organization_task(Consented, waiting, false, now()),
            Some(OrganizationTask::Answer)
        );
        assert_eq!(
            organization_task(Accepted, waiting, false, now()),
            Some(OrganizationTask::ProposeMeeting)
        );
        let asked = (Some(now() + Duration::days(2)), MeetingAnswer::AnotherTime);
        assert_eq!(
            organization_task(MeetingScheduled, asked, false, now()),
            Some(OrganizationTask::ProposeAnotherTime)
        );
        assert_eq!(
            organization_task(Engaged, waiting, false, now()),
            Some(OrganizationTask::ReportResult)
        );
        assert_eq!(organization_task(Engaged, waiting, true, now()), None);
        for closed in [
            Offered,
            Concluded,
            DeclinedByOrganization,
            Withdrawn,
            Cancelled,
        ] {
            assert_eq!(organization_task(closed, waiting, false, now()), None);
        }
    }

    #[test]
    fn a_result_is_asked_for_once_the_meeting_hour_is_over() {
        let accepted = |at| (Some(at), MeetingAnswer::Accepted);
        let later = accepted(now() + Duration::hours(1));
        assert_eq!(
            organization_task(MeetingScheduled, later, false, now()),
            None
        );
        let under_way = accepted(now() - Duration::minutes(30));
        assert_eq!(
            organization_task(MeetingScheduled, under_way, false, now()),
            None
        );
        let held = accepted(now() - Duration::hours(1));
        assert_eq!(
            organization_task(MeetingScheduled, held, false, now()),
            Some(OrganizationTask::ReportResult)
        );
        assert_eq!(organization_task(MeetingScheduled, held, true, now()), None);
    }
}
