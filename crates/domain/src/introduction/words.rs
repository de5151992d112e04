//! How introductions are named to people and stored: the words of their statuses and moves,
//! the steps of their history, and the codes of what they share, why they fit and how they
//! ended.

use super::{Action, Answer, IntroductionStatus, MemberStatus, OutcomeKind};

crate::labels!(IntroductionStatus {
    IntroductionStatus::Draft => "introduction-status-draft",
    IntroductionStatus::Offered => "introduction-status-offered",
    IntroductionStatus::Consented => "introduction-status-consented",
    IntroductionStatus::Accepted => "introduction-status-accepted",
    IntroductionStatus::MeetingScheduled => "introduction-status-meeting-scheduled",
    IntroductionStatus::Engaged => "introduction-status-engaged",
    IntroductionStatus::Concluded => "introduction-status-concluded",
    IntroductionStatus::Discarded => "introduction-status-discarded",
    IntroductionStatus::DeclinedByParticipant => "introduction-status-declined-by-participant",
    IntroductionStatus::DeclinedByOrganization => "introduction-status-declined-by-organization",
    IntroductionStatus::Withdrawn => "introduction-status-withdrawn",
    IntroductionStatus::Cancelled => "introduction-status-cancelled",
});
crate::stored_code!(IntroductionStatus, "introduction status");

/// An introduction's status as the person introduced reads it: to them, in the second person
/// (「あなたの回答をお待ちしています」), where staff read 「ご本人の回答待ち」.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ToParticipant(pub IntroductionStatus);

impl crate::label::Label for ToParticipant {
    fn label_key(self) -> &'static str {
        match self.0 {
            IntroductionStatus::Draft | IntroductionStatus::Discarded => "introduction-you-none",
            IntroductionStatus::Offered => "introduction-you-offered",
            IntroductionStatus::Consented => "introduction-you-consented",
            IntroductionStatus::Accepted => "introduction-you-accepted",
            IntroductionStatus::MeetingScheduled => "introduction-you-meeting-scheduled",
            IntroductionStatus::Engaged => "introduction-you-engaged",
            IntroductionStatus::Concluded => "introduction-you-concluded",
            IntroductionStatus::DeclinedByParticipant => "introduction-you-declined",
            IntroductionStatus::DeclinedByOrganization => {
                "introduction-you-declined-by-organization"
            }
            IntroductionStatus::Withdrawn => "introduction-you-withdrawn",
            IntroductionStatus::Cancelled => "introduction-you-cancelled",
        }
    }

    fn every() -> Vec<Self> {
        IntroductionStatus::ALL
            .iter()
            .map(|s| ToParticipant(*s))
            .collect()
    }
}
crate::labels!(MemberStatus {
    MemberStatus::Offered => "member-status-offered",
    MemberStatus::Consented => "member-status-consented",
    MemberStatus::Declined => "member-status-declined",
    MemberStatus::Withdrawn => "member-status-withdrawn",
});
crate::stored_code!(MemberStatus, "member status");
crate::labels!(OutcomeKind {
    OutcomeKind::OwnPace => "outcome-kind-own-pace",
    OutcomeKind::FullReturn => "outcome-kind-full-return",
    OutcomeKind::BusinessStarted => "outcome-kind-business-started",
    OutcomeKind::NotPlaced => "outcome-kind-not-placed",
});
crate::stored_code!(OutcomeKind, "outcome kind");

impl Action {
    /// The words of the button that makes this move.
    pub fn button_key(self) -> &'static str {
        match self {
            Action::Offer => "introduction-do-offer",
            Action::Discard => "introduction-do-discard",
            Action::Accept => "introduction-do-accept",
            Action::Decline => "introduction-do-decline",
            Action::ScheduleMeeting => "introduction-do-schedule-meeting",
            Action::Start => "introduction-do-start",
            Action::Conclude => "introduction-do-conclude",
            Action::Cancel => "introduction-do-cancel",
        }
    }
}

crate::coded!(
    /// A line of an introduction's history: how it was made, a move of the whole
    /// introduction, or a member's answer.
    Step {
        Draft = "draft" => "introduction-action-draft",
        Offer = "offer" => "introduction-action-offer",
        Discard = "discard" => "introduction-action-discard",
        Accept = "accept" => "introduction-action-accept",
        Decline = "decline" => "introduction-action-decline",
        ScheduleMeeting = "schedule_meeting" => "introduction-action-schedule-meeting",
        Start = "start" => "introduction-action-start",
        Conclude = "conclude" => "introduction-action-conclude",
        Cancel = "cancel" => "introduction-action-cancel",
        Consent = "consent" => "introduction-action-consent",
        DeclineOffer = "decline_offer" => "introduction-action-decline-offer",
        WithdrawConsent = "withdraw_consent" => "introduction-action-withdraw-consent",
        /// The organization reported its result (採用 / 見送り) after the meeting.
        ResultReported = "result_reported" => "introduction-action-result-reported",
    }
);

impl From<Action> for Step {
    fn from(action: Action) -> Self {
        match action {
            Action::Offer => Step::Offer,
            Action::Discard => Step::Discard,
            Action::Accept => Step::Accept,
            Action::Decline => Step::Decline,
            Action::ScheduleMeeting => Step::ScheduleMeeting,
            Action::Start => Step::Start,
            Action::Conclude => Step::Conclude,
            Action::Cancel => Step::Cancel,
        }
    }
}

impl From<Answer> for Step {
    fn from(answer: Answer) -> Self {
        match answer {
            Answer::Consent => Step::Consent,
            Answer::Decline => Step::DeclineOffer,
            Answer::WithdrawConsent => Step::WithdrawConsent,
        }
    }
}

crate::coded!(
    /// What is shared with the organization when a person consents.
    SharedItem {
        Name = "name" => "shared-item-name",
        Furigana = "furigana" => "shared-item-furigana",
        Skills = "skills" => "shared-item-skills",
        WorkHistory = "work_history" => "shared-item-work-history",
        Availability = "availability" => "shared-item-availability",
        Hours = "hours" => "shared-item-hours",
        GoalTrack = "goal_track" => "shared-item-goal-track",
        WorkPlace = "work_place" => "shared-item-work-place",
    }
);

impl SharedItem {
    /// What every introduction shares: who the person is, and what the match rests on (their
    /// skills and when they can work). The rest the person may leave out.
    pub fn required(self) -> bool {
        matches!(
            self,
            SharedItem::Name | SharedItem::Skills | SharedItem::Availability
        )
    }

    /// What a person chose to share: the required items and the optional ones among `codes`
    /// (unknown codes are ignored), in the usual order.
    pub fn chosen<S: AsRef<str>>(codes: &[S]) -> Vec<SharedItem> {
        SharedItem::ALL
            .iter()
            .copied()
            .filter(|item| item.required() || codes.iter().any(|c| c.as_ref() == item.code()))
            .collect()
    }
}

crate::coded!(
    /// Why an introduction did not lead to work.
    NotPlacedReason {
        Schedule = "schedule" => "outcome-reason-schedule",
        PayOrConditions = "pay_or_conditions" => "outcome-reason-pay-or-conditions",
        ChildcareOrCare = "childcare_or_care" => "outcome-reason-childcare-or-care",
        OrganizationChoice = "organization_choice" => "outcome-reason-organization-choice",
        ParticipantChoice = "participant_choice" => "outcome-reason-participant-choice",
        Other = "other" => "outcome-reason-other",
    }
);

crate::coded!(
    /// Hourly pay bands (yen), for the town's figures without exact wages.
    PayBand {
        Under1100 = "under_1100" => "pay-band-under-1100",
        From1100 = "1100_1299" => "pay-band-1100-1299",
        From1300 = "1300_1499" => "pay-band-1300-1499",
        From1500 = "1500_1999" => "pay-band-1500-1999",
        From2000 = "2000_plus" => "pay-band-2000-plus",
    }
);

crate::coded!(
    /// Why the engine thinks a request fits a person, for both to read.
    MatchReason {
        SkillsMatch = "skills_match" => "match-reason-skills-match",
        FitsSchedule = "fits_schedule" => "match-reason-fits-schedule",
        GoalFit = "goal_fit" => "match-reason-goal-fit",
        WithinIncomeCap = "within_income_cap" => "match-reason-within-income-cap",
        CareerGapWelcome = "career_gap_welcome" => "match-reason-career-gap-welcome",
        SuddenAbsenceCovered = "sudden_absence_covered" => "match-reason-sudden-absence-covered",
        ChildrenWelcome = "children_welcome" => "match-reason-children-welcome",
        HoursReducedForCap = "hours_reduced_for_cap" => "match-reason-hours-reduced-for-cap",
        /// A pool of shifts or flexible hours: a carer chooses when to work.
        ChoosesShifts = "chooses_shifts" => "match-reason-chooses-shifts",
        GrowsSkills = "grows_skills" => "match-reason-grows-skills",
    }
);

impl From<crate::request::Flag> for MatchReason {
    /// A flag the request offers that matters to the person.
    fn from(flag: crate::request::Flag) -> Self {
        use crate::request::Flag;
        match flag {
            Flag::WithinIncomeCap => MatchReason::WithinIncomeCap,
            Flag::CareerGapWelcome => MatchReason::CareerGapWelcome,
            Flag::SuddenAbsenceCovered => MatchReason::SuddenAbsenceCovered,
            Flag::ChildrenWelcome => MatchReason::ChildrenWelcome,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_required_items_are_always_shared_and_the_rest_only_when_chosen() {
        let none: [&str; 0] = [];
        assert_eq!(
            SharedItem::chosen(&none),
            [
                SharedItem::Name,
                SharedItem::Skills,
                SharedItem::Availability
            ]
        );
        let some = SharedItem::chosen(&["work_history", "furigana", "no_such"]);
        assert!(some.contains(&SharedItem::WorkHistory) && some.contains(&SharedItem::Furigana));
        assert!(!some.contains(&SharedItem::Hours));
        assert_eq!(some[0], SharedItem::Name, "in the usual order");
    }
}
