//! What is written to a person, by kind: a notice (in the app, and by email when they chose
//! it) and the mail an account is sent about itself. Each kind names the words of its title or
//! subject and of its body; the store keeps the kind as its code and the arguments beside it, so
//! the words are written when read (a notice) or sent (a mail), in the reader's language.

use crate::label::UnknownCode;

crate::coded!(
    /// What a notice is about; its words are `notice-<kind>-title` and `-body`.
    NoticeKind {
        IntroductionOffered = "introduction_offered" => "notice-introduction-offered-title",
        IntroductionConsented = "introduction_consented" => "notice-introduction-consented-title",
        IntroductionDeclined = "introduction_declined" => "notice-introduction-declined-title",
        ConsentWithdrawn = "consent_withdrawn" => "notice-consent-withdrawn-title",
        OrganizationResponded = "organization_responded" => "notice-organization-responded-title",
        MeetingScheduled = "meeting_scheduled" => "notice-meeting-scheduled-title",
        WorkStarted = "work_started" => "notice-work-started-title",
        IntroductionCancelled = "introduction_cancelled" => "notice-introduction-cancelled-title",
        FollowUpDue = "follow_up_due" => "notice-follow-up-due-title",
        BookingConfirmed = "booking_confirmed" => "notice-booking-confirmed-title",
        BookingWaitlisted = "booking_waitlisted" => "notice-booking-waitlisted-title",
        SeatOffered = "seat_offered" => "notice-seat-offered-title",
        EventCancelled = "event_cancelled" => "notice-event-cancelled-title",
        /// Staff cancelled one person's booking, for a reason they are told.
        BookingCancelledByStaff = "booking_cancelled_by_staff" => "notice-booking-cancelled-by-staff-title",
        EventReminder = "event_reminder" => "notice-event-reminder-title",
        /// The date, time or place of an event the person booked changed.
        EventChanged = "event_changed" => "notice-event-changed-title",
        /// Written by migration 0015 for people whose "103万円" choice moved to the spouse
        /// deduction's 123万円.
        IncomeCapMoved = "income_cap_moved" => "notice-income-cap-moved-title",
        /// A resident said "この仕事について相談したい" about a request (to coordinators).
        InterestExpressed = "interest_expressed" => "notice-interest-expressed-title",
        /// Someone registered and waits for a first contact (to the coordinator team).
        NewRegistration = "new_registration" => "notice-new-registration-title",
        /// The person accepted the proposed meeting time (to the organization and coordinator).
        MeetingAccepted = "meeting_accepted" => "notice-meeting-accepted-title",
        /// The person asked for another meeting time, with a message.
        MeetingAnotherTime = "meeting_another_time" => "notice-meeting-another-time-title",
        /// The day before a meeting (to the person).
        MeetingReminder = "meeting_reminder" => "notice-meeting-reminder-title",
        /// The organization reported its result after the meeting (to the coordinator).
        ResultReported = "result_reported" => "notice-result-reported-title",
        /// The weekly mail of newly published requests that fit (to a resident who asked).
        NewJobsThatFit = "new_jobs_that_fit" => "notice-new-jobs-title",
        /// The person's data download is ready.
        DataExportReady = "data_export_ready" => "notice-data-export-ready-title",
        /// A long list's file, made in the background, is ready (or could not be made).
        ListExportDone = "list_export_done" => "notice-list-export-done-title",
        /// An account unused for the town's period will be deleted unless its owner signs in.
        AccountWillBeDeleted = "account_will_be_deleted" => "notice-account-will-be-deleted-title",
    }
);

impl NoticeKind {
    /// The key of the notice's body (its title is its label).
    pub fn body_key(self) -> &'static str {
        match self {
            NoticeKind::IntroductionOffered => "notice-introduction-offered-body",
            NoticeKind::IntroductionConsented => "notice-introduction-consented-body",
            NoticeKind::IntroductionDeclined => "notice-introduction-declined-body",
            NoticeKind::ConsentWithdrawn => "notice-consent-withdrawn-body",
            NoticeKind::OrganizationResponded => "notice-organization-responded-body",
            NoticeKind::MeetingScheduled => "notice-meeting-scheduled-body",
            NoticeKind::WorkStarted => "notice-work-started-body",
            NoticeKind::IntroductionCancelled => "notice-introduction-cancelled-body",
            NoticeKind::FollowUpDue => "notice-follow-up-due-body",
            NoticeKind::BookingConfirmed => "notice-booking-confirmed-body",
            NoticeKind::BookingWaitlisted => "notice-booking-waitlisted-body",
            NoticeKind::SeatOffered => "notice-seat-offered-body",
            NoticeKind::EventCancelled => "notice-event-cancelled-body",
            NoticeKind::BookingCancelledByStaff => "notice-booking-cancelled-by-staff-body",
            NoticeKind::EventReminder => "notice-event-reminder-body",
            NoticeKind::EventChanged => "notice-event-changed-body",
            NoticeKind::IncomeCapMoved => "notice-income-cap-moved-body",
            NoticeKind::InterestExpressed => "notice-interest-expressed-body",
            NoticeKind::NewRegistration => "notice-new-registration-body",
            NoticeKind::MeetingAccepted => "notice-meeting-accepted-body",
            NoticeKind::MeetingAnotherTime => "notice-meeting-another-time-body",
            NoticeKind::MeetingReminder => "notice-meeting-reminder-body",
            NoticeKind::ResultReported => "notice-result-reported-body",
            NoticeKind::NewJobsThatFit => "notice-new-jobs-body",
            NoticeKind::DataExportReady => "notice-data-export-ready-body",
            NoticeKind::ListExportDone => "notice-list-export-done-body",
            NoticeKind::AccountWillBeDeleted => "notice-account-will-be-deleted-body",
        }
    }
}

crate::coded!(
    /// A mail about the recipient's own account; its label is the subject's key.
    MailKind {
        PasswordReset = "password_reset" => "mail-password-reset-subject",
        Invitation = "invitation" => "mail-invitation-subject",
        /// A person on the town's list is asked to register (set a password, consent).
        ParticipantInvitation = "participant_invitation" => "mail-participant-invitation-subject",
        /// The link that continues a sign-up.
        SignupVerify = "signup_verify" => "mail-signup-verify-subject",
        /// Sign-up was asked for an address that already has an account.
        SignupExisting = "signup_existing" => "mail-signup-existing-subject",
    }
);

impl MailKind {
    /// The key of the mail's text.
    pub fn body_key(self) -> &'static str {
        match self {
            MailKind::PasswordReset => "mail-password-reset-body",
            MailKind::Invitation => "mail-invitation-body",
            MailKind::ParticipantInvitation => "mail-participant-invitation-body",
            MailKind::SignupVerify => "mail-signup-verify-body",
            MailKind::SignupExisting => "mail-signup-existing-body",
        }
    }
}

/// What a message in the outbox is: a mail about an account, or the email copy of a notice.
/// Stored as the code of either (they do not overlap).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MessageKind {
    Mail(MailKind),
    Notice(NoticeKind),
}

impl MessageKind {
    pub fn code(self) -> &'static str {
        match self {
            MessageKind::Mail(kind) => kind.code(),
            MessageKind::Notice(kind) => kind.code(),
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        MailKind::from_code(code)
            .map(MessageKind::Mail)
            .or_else(|| NoticeKind::from_code(code).map(MessageKind::Notice))
    }
}

impl TryFrom<String> for MessageKind {
    type Error = UnknownCode;
    fn try_from(code: String) -> Result<Self, Self::Error> {
        MessageKind::from_code(&code).ok_or(UnknownCode {
            kind: "MessageKind",
            code,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mail_and_notice_codes_do_not_overlap_and_round_trip() {
        for kind in MailKind::ALL {
            assert_eq!(NoticeKind::from_code(kind.code()), None);
            let message = MessageKind::Mail(*kind);
            assert_eq!(MessageKind::from_code(message.code()), Some(message));
        }
        for kind in NoticeKind::ALL {
            let message = MessageKind::Notice(*kind);
            assert_eq!(
                MessageKind::try_from(message.code().to_owned()),
                Ok(message)
            );
        }
        assert!(MessageKind::try_from("newsletter".to_owned()).is_err());
    }
}
