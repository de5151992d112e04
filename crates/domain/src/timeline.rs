//! A participant's case timeline: what happened, in order, as coordinators read it. Each entry
//! is stored as a kind code and a summary; [`TimelineKind`] names the kind and
//! [`TimelineKind::detail`] reads the summary as what it is (a date, a named value, or text
//! a person wrote).

use chrono::NaiveDate;

use crate::event::booking::BookingStatus;
use crate::introduction::Step;
use crate::label::{Label, UnknownCode};
use crate::municipality::EligibilityBasis;
use crate::participant::{ConsentKind, GoalTrack};

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimelineKind {
    /// Signed up; the summary is the eligibility basis.
    Registered,
    /// Changed the way of working; the summary is the new goal track.
    GoalTrack,
    ProfileUpdated,
    /// The summary is the consent's kind.
    ConsentGiven,
    ConsentWithdrawn,
    /// The summary is the hearing's date.
    Hearing,
    /// The summary is the follow-up's due date.
    FollowUpScheduled,
    /// The summary is what the coordinator learned.
    FollowUpDone,
    /// The summary is the course's title.
    CourseCompleted,
    /// Introduced to a request; the summary is the introduction's id.
    Introduced,
    /// Said "この仕事について相談したい" about a request; the summary is its title.
    Interested,
    /// A step of one of their introductions; the summary is its id.
    Introduction(Step),
    /// Booked an event, or the booking changed (cancelled with the event); the summary is the
    /// event's title.
    Booked(BookingStatus),
}

/// An entry's summary, read as what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detail {
    Nothing,
    /// Words a person wrote, or a title: shown as written.
    Text(String),
    Date(NaiveDate),
    /// A value with words of its own: the key of those words.
    Label(&'static str),
}

const SIMPLE: [(TimelineKind, &str); 11] = [
    (TimelineKind::Registered, "registered"),
    (TimelineKind::GoalTrack, "goal_track"),
    (TimelineKind::ProfileUpdated, "profile_updated"),
    (TimelineKind::ConsentGiven, "consent_given"),
    (TimelineKind::ConsentWithdrawn, "consent_withdrawn"),
    (TimelineKind::Hearing, "hearing"),
    (TimelineKind::FollowUpScheduled, "follow_up_scheduled"),
    (TimelineKind::FollowUpDone, "follow_up_done"),
    (TimelineKind::CourseCompleted, "course_completed"),
    (TimelineKind::Introduced, "introduced"),
    (TimelineKind::Interested, "interested"),
];

impl TimelineKind {
    /// The stored code: `hearing`, `introduction_accept`, `event_confirmed`, …
    pub fn code(self) -> String {
        match self {
            TimelineKind::Introduction(step) => format!("introduction_{}", step.code()),
            TimelineKind::Booked(status) => format!("event_{}", status.code()),
            simple => SIMPLE
                .iter()
                .find(|(kind, _)| *kind == simple)
                .map(|(_, code)| (*code).to_owned())
                .unwrap_or_default(),
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        if let Some((kind, _)) = SIMPLE.iter().find(|(_, c)| *c == code) {
            return Some(*kind);
        }
        if let Some(step) = code.strip_prefix("introduction_") {
            return Step::from_code(step).map(TimelineKind::Introduction);
        }
        let status = code.strip_prefix("event_")?;
        BookingStatus::from_code(status).map(TimelineKind::Booked)
    }

    /// The summary of an entry of this kind, read as what it is.
    pub fn detail(self, summary: &str) -> Result<Detail, UnknownCode> {
        let unknown = |kind| UnknownCode {
            kind,
            code: summary.to_owned(),
        };
        Ok(match self {
            TimelineKind::Registered => Detail::Label(
                EligibilityBasis::from_code(summary)
                    .ok_or_else(|| unknown("eligibility basis"))?
                    .label_key(),
            ),
            TimelineKind::GoalTrack => Detail::Label(
                GoalTrack::from_code(summary)
                    .ok_or_else(|| unknown("goal track"))?
                    .label_key(),
            ),
            TimelineKind::ConsentGiven | TimelineKind::ConsentWithdrawn => Detail::Label(
                ConsentKind::from_code(summary)
                    .ok_or_else(|| unknown("consent kind"))?
                    .label_key(),
            ),
            TimelineKind::Hearing | TimelineKind::FollowUpScheduled => {
                Detail::Date(summary.parse().map_err(|_| unknown("timeline date"))?)
            }
            TimelineKind::FollowUpDone
            | TimelineKind::CourseCompleted
            | TimelineKind::Interested
            | TimelineKind::Booked(_) => Detail::Text(summary.to_owned()),
            TimelineKind::ProfileUpdated
            | TimelineKind::Introduced
            | TimelineKind::Introduction(_) => Detail::Nothing,
        })
    }
}

impl Label for TimelineKind {
    /// Each message takes `$detail`; an introduction's step also `$step`, a booking
    /// `$status`.
    fn label_key(self) -> &'static str {
        match self {
            TimelineKind::Registered => "timeline-registered",
            TimelineKind::GoalTrack => "timeline-goal-track",
            TimelineKind::ProfileUpdated => "timeline-profile-updated",
            TimelineKind::ConsentGiven => "timeline-consent-given",
            TimelineKind::ConsentWithdrawn => "timeline-consent-withdrawn",
            TimelineKind::Hearing => "timeline-hearing",
            TimelineKind::FollowUpScheduled => "timeline-follow-up-scheduled",
            TimelineKind::FollowUpDone => "timeline-follow-up-done",
            TimelineKind::CourseCompleted => "timeline-course-completed",
            TimelineKind::Introduced => "timeline-introduced",
            TimelineKind::Interested => "timeline-interested",
            TimelineKind::Introduction(_) => "timeline-introduction",
            TimelineKind::Booked(_) => "timeline-booked",
        }
    }

    fn every() -> Vec<Self> {
        let mut all: Vec<Self> = SIMPLE.iter().map(|(kind, _)| *kind).collect();
        all.extend(Step::ALL.iter().map(|s| TimelineKind::Introduction(*s)));
        all.extend(BookingStatus::ALL.iter().map(|s| TimelineKind::Booked(*s)));
        all
    }
}

crate::stored_code!(TimelineKind, "timeline kind");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_round_trips_through_its_code() {
        for kind in TimelineKind::every() {
            assert_eq!(
                TimelineKind::from_code(&kind.code()),
                Some(kind),
                "{kind:?}"
            );
        }
        assert_eq!(TimelineKind::from_code("introduction_nonsense"), None);
        assert_eq!(TimelineKind::from_code("event_"), None);
        assert_eq!(TimelineKind::from_code("party"), None);
    }

    #[test]
    fn summaries_are_read_as_what_they_are() {
        assert_eq!(
            TimelineKind::Registered.detail("lives"),
            Ok(Detail::Label("eligibility-basis-lives"))
        );
        assert_eq!(
            TimelineKind::GoalTrack.detail("own_pace"),
            Ok(Detail::Label("goal-own-pace"))
        );
        assert_eq!(
            TimelineKind::Hearing.detail("2026-12-10"),
            Ok(Detail::Date(NaiveDate::from_ymd_opt(2026, 12, 10).unwrap()))
        );
        assert!(TimelineKind::GoalTrack.detail("sometimes").is_err());
        assert!(TimelineKind::Hearing.detail("soon").is_err());
        assert_eq!(TimelineKind::Introduced.detail("42"), Ok(Detail::Nothing));
    }
}
