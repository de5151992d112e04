//! What the audit log records: each action and the kind of record it concerns, stored as a
//! code (`participant.view`) and shown by its words.

use crate::Role;
use crate::introduction::{Action, Answer};

/// Who acted, as the audit log records it: a signed-in person's role, or nobody signed in
/// (a sign-up, a refused request). Stored as the role's code or `anonymous`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorRole {
    Anonymous,
    Signed(Role),
}

impl ActorRole {
    pub fn code(self) -> &'static str {
        match self {
            ActorRole::Anonymous => "anonymous",
            ActorRole::Signed(role) => role.code(),
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "anonymous" => Some(ActorRole::Anonymous),
            other => Role::from_code(other).map(ActorRole::Signed),
        }
    }
}

impl crate::label::Label for ActorRole {
    fn label_key(self) -> &'static str {
        match self {
            ActorRole::Anonymous => "role-anonymous",
            ActorRole::Signed(role) => role.label_key(),
        }
    }
    fn every() -> Vec<Self> {
        std::iter::once(ActorRole::Anonymous)
            .chain(Role::ALL.into_iter().map(ActorRole::Signed))
            .collect()
    }
}

crate::stored_code!(ActorRole, "actor role");

crate::coded!(
    /// What happened.
    AuditAction {
        AccessDenied = "access.denied" => "audit-event-access-denied",
        AccessDeniedCsrf = "access.denied.csrf" => "audit-event-access-denied-csrf",
        AuthSignIn = "auth.sign_in" => "audit-event-auth-sign-in",
        AuthSignOut = "auth.sign_out" => "audit-event-auth-sign-out",
        AccountSignUp = "account.sign_up" => "audit-event-account-sign-up",
        AccountPasswordChanged = "account.password_changed" => "audit-event-account-password-changed",
        AccountPasswordResetRequested = "account.password_reset_requested" => "audit-event-account-password-reset-requested",
        AccountPasswordReset = "account.password_reset" => "audit-event-account-password-reset",
        InvitationCreate = "invitation.create" => "audit-event-invitation-create",
        InvitationAccepted = "invitation.accepted" => "audit-event-invitation-accepted",
        MunicipalityCreate = "municipality.create" => "audit-event-municipality-create",
        AuditLogView = "audit_log.view" => "audit-event-audit-log-view",
        AuditLogExport = "audit_log.export" => "audit-event-audit-log-export",
        OutboxView = "outbox.view" => "audit-event-outbox-view",
        ParticipantList = "participant.list" => "audit-event-participant-list",
        ParticipantExport = "participant.export" => "audit-event-participant-export",
        IntroductionExport = "introduction.export" => "audit-event-introduction-export",
        OrganizationsImported = "organization.imported" => "audit-event-organizations-imported",
        ParticipantsImported = "participant.imported" => "audit-event-participants-imported",
        ParticipantView = "participant.view" => "audit-event-participant-view",
        ParticipantProfileSaved = "participant.profile_saved" => "audit-event-participant-profile-saved",
        ParticipantProfileViewedByOrganization = "participant.profile_viewed_by_organization" => "audit-event-participant-profile-viewed-by-organization",
        ParticipantHearingRecorded = "participant.hearing_recorded" => "audit-event-participant-hearing-recorded",
        ParticipantHearingCorrected = "participant.hearing_corrected" => "audit-event-participant-hearing-corrected",
        ParticipantFollowUpsViewed = "participant.follow_ups_viewed" => "audit-event-participant-follow-ups-viewed",
        ParticipantFollowUpScheduled = "participant.follow_up_scheduled" => "audit-event-participant-follow-up-scheduled",
        ParticipantFollowUpDone = "participant.follow_up_done" => "audit-event-participant-follow-up-done",
        ParticipantBatchProposals = "participant.batch_proposals" => "audit-event-participant-batch-proposals",
        ParticipantShortlist = "participant.shortlist" => "audit-event-participant-shortlist",
        ParticipantEventBookingsViewed = "participant.event_bookings_viewed" => "audit-event-participant-event-bookings-viewed",
        ConsentGiven = "consent.given" => "audit-event-consent-given",
        ConsentWithdrawn = "consent.withdrawn" => "audit-event-consent-withdrawn",
        IntroductionList = "introduction.list" => "audit-event-introduction-list",
        IntroductionViewed = "introduction.viewed" => "audit-event-introduction-viewed",
        IntroductionDraftsViewed = "introduction.drafts_viewed" => "audit-event-introduction-drafts-viewed",
        IntroductionDraftsSaved = "introduction.drafts_saved" => "audit-event-introduction-drafts-saved",
        IntroductionOffer = "introduction.offer" => "audit-event-introduction-offer",
        IntroductionDiscard = "introduction.discard" => "audit-event-introduction-discard",
        IntroductionAccept = "introduction.accept" => "audit-event-introduction-accept",
        IntroductionDecline = "introduction.decline" => "audit-event-introduction-decline",
        IntroductionScheduleMeeting = "introduction.schedule_meeting" => "audit-event-introduction-schedule-meeting",
        IntroductionStart = "introduction.start" => "audit-event-introduction-start",
        IntroductionConclude = "introduction.conclude" => "audit-event-introduction-conclude",
        IntroductionCancel = "introduction.cancel" => "audit-event-introduction-cancel",
        IntroductionConsent = "introduction.consent" => "audit-event-introduction-consent",
        IntroductionDeclineOffer = "introduction.decline_offer" => "audit-event-introduction-decline-offer",
        IntroductionWithdrawConsent = "introduction.withdraw" => "audit-event-introduction-withdraw-consent",
        RequestCreate = "request.create" => "audit-event-request-create",
        RequestEdit = "request.edit" => "audit-event-request-edit",
        RequestSubmit = "request.submit" => "audit-event-request-submit",
        RequestWithdraw = "request.withdraw" => "audit-event-request-withdraw",
        RequestPublish = "request.publish" => "audit-event-request-publish",
        RequestReturn = "request.return" => "audit-event-request-return",
        RequestCloseFilled = "request.close_filled" => "audit-event-request-close-filled",
        RequestCloseExpired = "request.close_expired" => "audit-event-request-close-expired",
        RequestCloseWithdrawn = "request.close_withdrawn" => "audit-event-request-close-withdrawn",
        InterestExpressed = "interest.expressed" => "audit-event-interest-expressed",
        InterestWithdrawn = "interest.withdrawn" => "audit-event-interest-withdrawn",
        InterestAnswered = "interest.answered" => "audit-event-interest-answered",
        InterestList = "interest.list" => "audit-event-interest-list",
        MeetingAccepted = "introduction.meeting_accepted" => "audit-event-meeting-accepted",
        MeetingAnotherTime = "introduction.meeting_another_time" => "audit-event-meeting-another-time",
        ResultReported = "introduction.result_reported" => "audit-event-result-reported",
        EnquiryList = "enquiry.list" => "audit-event-enquiry-list",
        EnquiryApprove = "enquiry.approve" => "audit-event-enquiry-approve",
        EnquiryDecline = "enquiry.decline" => "audit-event-enquiry-decline",
        EventCreated = "event.created" => "audit-event-event-created",
        EventCancelled = "event.cancelled" => "audit-event-event-cancelled",
        EventEdited = "event.edited" => "audit-event-event-edited",
        EventCapacityChanged = "event.capacity_changed" => "audit-event-event-capacity-changed",
        EventAttendance = "event.attendance" => "audit-event-event-attendance",
        EventBookingConfirmed = "event.booking_confirmed" => "audit-event-event-booking-confirmed",
        EventBookingWaitlisted = "event.booking_waitlisted" => "audit-event-event-booking-waitlisted",
        EventBookingCancelled = "event.booking_cancelled" => "audit-event-event-booking-cancelled",
        EventBookingCancelledByStaff = "event.booking_cancelled_by_staff" => "audit-event-event-booking-cancelled-by-staff",
        TravelTableReplaced = "town.travel_table_replaced" => "audit-event-travel-table-replaced",
        TownSettingsEdited = "town.settings_edited" => "audit-event-town-settings-edited",
        ReportTargetsSet = "report.targets_set" => "audit-event-report-targets-set",
        ReportExported = "report.exported" => "audit-event-report-exported",
        AnnouncementPublished = "announcement.published" => "audit-event-announcement-published",
        AnnouncementDeleted = "announcement.deleted" => "audit-event-announcement-deleted",
        DataExportRequested = "data_export.requested" => "audit-event-data-export-requested",
        DataExportPrepared = "data_export.prepared" => "audit-event-data-export-prepared",
        DataExportDownloaded = "data_export.downloaded" => "audit-event-data-export-downloaded",
        /// Staff asked for a long list's file, to be made in the background.
        ListExportRequested = "list_export.requested" => "audit-event-list-export-requested",
        /// The requester fetched the finished file (its making is recorded as the list's
        /// export, naming every person in it).
        ListExportDownloaded = "list_export.downloaded" => "audit-event-list-export-downloaded",
        AccountDeleted = "account.deleted" => "audit-event-account-deleted",
        AccountDeletedByStaff = "account.deleted_by_staff" => "audit-event-account-deleted-by-staff",
        DataRequestLogged = "data_request.logged" => "audit-event-data-request-logged",
        DataRequestClosed = "data_request.closed" => "audit-event-data-request-closed",
        PrivacyPublished = "privacy.published" => "audit-event-privacy-published",
    }
);

impl AuditAction {
    /// A move of a whole introduction.
    pub fn introduction(action: Action) -> Self {
        match action {
            Action::Offer => AuditAction::IntroductionOffer,
            Action::Discard => AuditAction::IntroductionDiscard,
            Action::Accept => AuditAction::IntroductionAccept,
            Action::Decline => AuditAction::IntroductionDecline,
            Action::ScheduleMeeting => AuditAction::IntroductionScheduleMeeting,
            Action::Start => AuditAction::IntroductionStart,
            Action::Conclude => AuditAction::IntroductionConclude,
            Action::Cancel => AuditAction::IntroductionCancel,
        }
    }

    /// A member's answer to an introduction.
    pub fn answered(answer: Answer) -> Self {
        match answer {
            Answer::Consent => AuditAction::IntroductionConsent,
            Answer::Decline => AuditAction::IntroductionDeclineOffer,
            Answer::WithdrawConsent => AuditAction::IntroductionWithdrawConsent,
        }
    }
}

crate::coded!(
    /// The kind of record an entry concerns.
    AuditTarget {
        Account = "account" => "audit-target-account",
        Participant = "participant" => "audit-target-participant",
        Session = "session" => "audit-target-session",
        Route = "route" => "audit-target-route",
        Invitation = "invitation" => "audit-target-invitation",
        Municipality = "municipality" => "audit-target-municipality",
        AuditLog = "audit_log" => "audit-target-audit-log",
        Outbox = "outbox" => "audit-target-outbox",
        Introduction = "introduction" => "audit-target-introduction",
        Request = "request" => "audit-target-request",
        Announcement = "announcement" => "audit-target-announcement",
        Enquiry = "enquiry" => "audit-target-enquiry",
        Event = "event" => "audit-target-event",
        Booking = "booking" => "audit-target-booking",
        Hearing = "hearing" => "audit-target-hearing",
        FollowUp = "follow_up" => "audit-target-follow-up",
        Consent = "consent" => "audit-target-consent",
        DataExport = "data_export" => "audit-target-data-export",
        ListExport = "list_export" => "audit-target-list-export",
        DataRequest = "data_request" => "audit-target-data-request",
    }
);
