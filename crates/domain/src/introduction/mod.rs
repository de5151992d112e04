//! Introductions (紹介): a coordinator introduces a person (or a team) to an organization's
//! request; each person consents to share their profile with that one organization, or
//! declines; the organization accepts or declines; a meeting is scheduled; work starts; an
//! outcome is recorded and followed up.
//!
//! Every move is checked here: [`advance`] for the introduction, [`respond`] for one member's
//! answer. Anything not listed is an [`IllegalMove`]. Their words and stored codes are in
//! `words`.

pub mod check_in;
pub mod gap;
pub mod history;
pub mod meeting;
mod outcome;
pub mod result;
pub mod waiting;
mod words;
pub use outcome::{Outcome, OutcomeInput, OutcomeKind, follow_up_base, follow_up_dates};
pub use words::{MatchReason, NotPlacedReason, PayBand, SharedItem, Step, ToParticipant};

/// Where an introduction is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IntroductionStatus {
    /// Proposed by a batch run; the coordinator has not yet decided.
    Draft,
    /// Offered to the person (or team), waiting for their answer.
    Offered,
    /// Every member consented: the organization can see the profile.
    Consented,
    Accepted,
    MeetingScheduled,
    /// A trial or the engagement has started.
    Engaged,
    /// The outcome is recorded.
    Concluded,
    /// A draft the coordinator set aside.
    Discarded,
    DeclinedByParticipant,
    DeclinedByOrganization,
    /// A member withdrew consent while the introduction was open.
    Withdrawn,
    /// Stopped by the coordinator (e.g. the request was filled).
    Cancelled,
}

impl IntroductionStatus {
    pub const ALL: [IntroductionStatus; 12] = [
        IntroductionStatus::Draft,
        IntroductionStatus::Offered,
        IntroductionStatus::Consented,
        IntroductionStatus::Accepted,
        IntroductionStatus::MeetingScheduled,
        IntroductionStatus::Engaged,
        IntroductionStatus::Concluded,
        IntroductionStatus::Discarded,
        IntroductionStatus::DeclinedByParticipant,
        IntroductionStatus::DeclinedByOrganization,
        IntroductionStatus::Withdrawn,
        IntroductionStatus::Cancelled,
    ];

    pub fn code(self) -> &'static str {
        match self {
            IntroductionStatus::Draft => "draft",
            IntroductionStatus::Offered => "offered",
            IntroductionStatus::Consented => "consented",
            IntroductionStatus::Accepted => "accepted",
            IntroductionStatus::MeetingScheduled => "meeting_scheduled",
            IntroductionStatus::Engaged => "engaged",
            IntroductionStatus::Concluded => "concluded",
            IntroductionStatus::Discarded => "discarded",
            IntroductionStatus::DeclinedByParticipant => "declined_by_participant",
            IntroductionStatus::DeclinedByOrganization => "declined_by_organization",
            IntroductionStatus::Withdrawn => "withdrawn",
            IntroductionStatus::Cancelled => "cancelled",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Still in progress: it blocks a second introduction of the same person to the same
    /// request.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            IntroductionStatus::Draft
                | IntroductionStatus::Offered
                | IntroductionStatus::Consented
                | IntroductionStatus::Accepted
                | IntroductionStatus::MeetingScheduled
                | IntroductionStatus::Engaged
        )
    }

    /// Whether the organization may see the profile of a member who consented: while the
    /// introduction is open after consent, or concluded.
    pub fn shares_profile(self) -> bool {
        matches!(
            self,
            IntroductionStatus::Consented
                | IntroductionStatus::Accepted
                | IntroductionStatus::MeetingScheduled
                | IntroductionStatus::Engaged
                | IntroductionStatus::Concluded
        )
    }
}

/// A member's own answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MemberStatus {
    Offered,
    Consented,
    Declined,
    Withdrawn,
}

impl MemberStatus {
    pub const ALL: [MemberStatus; 4] = [
        MemberStatus::Offered,
        MemberStatus::Consented,
        MemberStatus::Declined,
        MemberStatus::Withdrawn,
    ];

    pub fn code(self) -> &'static str {
        match self {
            MemberStatus::Offered => "offered",
            MemberStatus::Consented => "consented",
            MemberStatus::Declined => "declined",
            MemberStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// Who acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Actor {
    Coordinator,
    Participant,
    Organization,
}

/// A move of the whole introduction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// The coordinator offers a draft to the person.
    Offer,
    Discard,
    Accept,
    Decline,
    ScheduleMeeting,
    Start,
    Conclude,
    Cancel,
}

impl Action {
    pub const ALL: [Action; 8] = [
        Action::Offer,
        Action::Discard,
        Action::Accept,
        Action::Decline,
        Action::ScheduleMeeting,
        Action::Start,
        Action::Conclude,
        Action::Cancel,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Action::Offer => "offer",
            Action::Discard => "discard",
            Action::Accept => "accept",
            Action::Decline => "decline",
            Action::ScheduleMeeting => "schedule_meeting",
            Action::Start => "start",
            Action::Conclude => "conclude",
            Action::Cancel => "cancel",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// A member's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Answer {
    Consent,
    Decline,
    WithdrawConsent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("this move is not allowed now")]
pub struct IllegalMove;

/// The introduction's moves: draft → offered → consented (by every member, see [`respond`])
/// → accepted → meeting scheduled (again to reschedule) → engaged → concluded.
///
/// - The coordinator offers or discards a draft, records the outcome once the organization
///   has accepted, and can cancel anything still open.
/// - The organization accepts or declines once every member consented, and schedules the
///   meeting and the start of work (so can the coordinator, on its behalf).
pub fn advance(
    from: IntroductionStatus,
    action: Action,
    by: Actor,
) -> Result<IntroductionStatus, IllegalMove> {
    use Action::*;
    use Actor::*;
    use IntroductionStatus::*;
    Ok(match (from, action, by) {
        (Draft, Offer, Coordinator) => Offered,
        (Draft, Discard, Coordinator) => Discarded,
        (Consented, Accept, Organization) => Accepted,
        (Consented, Decline, Organization) => DeclinedByOrganization,
        (Accepted | MeetingScheduled, ScheduleMeeting, Organization | Coordinator) => {
            MeetingScheduled
        }
        (Accepted | MeetingScheduled, Start, Organization | Coordinator) => Engaged,
        (Accepted | MeetingScheduled | Engaged, Conclude, Coordinator) => Concluded,
        (Offered | Consented | Accepted | MeetingScheduled | Engaged, Cancel, Coordinator) => {
            Cancelled
        }
        _ => return Err(IllegalMove),
    })
}

/// A member answers. Returns the member's new status and the introduction's: it becomes
/// consented when every member has consented, declined when anyone declines, and withdrawn
/// when someone withdraws consent while it is open (a concluded introduction stays concluded;
/// the profile is hidden again either way).
pub fn respond(
    introduction: IntroductionStatus,
    member: MemberStatus,
    answer: Answer,
    others: &[MemberStatus],
) -> Result<(MemberStatus, IntroductionStatus), IllegalMove> {
    use IntroductionStatus as I;
    use MemberStatus as M;
    let next_member = match (introduction, member, answer) {
        (I::Offered, M::Offered, Answer::Consent) => M::Consented,
        (I::Offered, M::Offered, Answer::Decline) => M::Declined,
        (status, M::Consented, Answer::WithdrawConsent)
            if status.shares_profile() || status == I::Offered =>
        {
            M::Withdrawn
        }
        _ => return Err(IllegalMove),
    };
    let next_introduction = match next_member {
        M::Declined => I::DeclinedByParticipant,
        M::Withdrawn if introduction == I::Concluded => I::Concluded,
        M::Withdrawn => I::Withdrawn,
        _ if others.iter().all(|m| *m == M::Consented) => I::Consented,
        _ => I::Offered,
    };
    Ok((next_member, next_introduction))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Action::*;
    use Actor::*;
    use IntroductionStatus::*;
    use chrono::NaiveDate;

    const ACTORS: [Actor; 3] = [Coordinator, Participant, Organization];

    #[test]
    fn every_allowed_move_and_only_those() {
        let allowed: &[(IntroductionStatus, Action, Actor, IntroductionStatus)] = &[
            (Draft, Offer, Coordinator, Offered),
            (Draft, Discard, Coordinator, Discarded),
            (Consented, Accept, Organization, Accepted),
            (Consented, Decline, Organization, DeclinedByOrganization),
            (Accepted, ScheduleMeeting, Organization, MeetingScheduled),
            (Accepted, ScheduleMeeting, Coordinator, MeetingScheduled),
            (
                MeetingScheduled,
                ScheduleMeeting,
                Organization,
                MeetingScheduled,
            ),
            (
                MeetingScheduled,
                ScheduleMeeting,
                Coordinator,
                MeetingScheduled,
            ),
            (Accepted, Start, Organization, Engaged),
            (Accepted, Start, Coordinator, Engaged),
            (MeetingScheduled, Start, Organization, Engaged),
            (MeetingScheduled, Start, Coordinator, Engaged),
            (Accepted, Conclude, Coordinator, Concluded),
            (MeetingScheduled, Conclude, Coordinator, Concluded),
            (Engaged, Conclude, Coordinator, Concluded),
            (Offered, Cancel, Coordinator, Cancelled),
            (Consented, Cancel, Coordinator, Cancelled),
            (Accepted, Cancel, Coordinator, Cancelled),
            (MeetingScheduled, Cancel, Coordinator, Cancelled),
            (Engaged, Cancel, Coordinator, Cancelled),
        ];
        let mut checked = 0;
        for from in IntroductionStatus::ALL {
            for action in Action::ALL {
                for by in ACTORS {
                    let expected = allowed
                        .iter()
                        .find(|(f, a, b, _)| (*f, *a, *b) == (from, action, by))
                        .map(|(_, _, _, to)| *to)
                        .ok_or(IllegalMove);
                    assert_eq!(
                        advance(from, action, by),
                        expected,
                        "{from:?} {action:?} {by:?}"
                    );
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, 12 * 8 * 3);
    }

    #[test]
    fn closed_introductions_are_final() {
        for from in [
            Concluded,
            Discarded,
            DeclinedByParticipant,
            DeclinedByOrganization,
            Withdrawn,
            Cancelled,
        ] {
            assert!(!from.is_open());
            for action in Action::ALL {
                for by in ACTORS {
                    assert_eq!(advance(from, action, by), Err(IllegalMove));
                }
            }
        }
    }

    #[test]
    fn a_person_consents_or_declines_and_a_team_waits_for_everyone() {
        use MemberStatus as M;
        assert_eq!(
            respond(Offered, M::Offered, Answer::Consent, &[]),
            Ok((M::Consented, Consented))
        );
        assert_eq!(
            respond(Offered, M::Offered, Answer::Decline, &[]),
            Ok((M::Declined, DeclinedByParticipant))
        );
        // A team of three: the first two consents keep it offered; the last completes it.
        assert_eq!(
            respond(
                Offered,
                M::Offered,
                Answer::Consent,
                &[M::Offered, M::Consented]
            ),
            Ok((M::Consented, Offered))
        );
        assert_eq!(
            respond(
                Offered,
                M::Offered,
                Answer::Consent,
                &[M::Consented, M::Consented]
            ),
            Ok((M::Consented, Consented))
        );
        assert_eq!(
            respond(Offered, M::Offered, Answer::Decline, &[M::Consented]),
            Ok((M::Declined, DeclinedByParticipant))
        );
        // Consent can be withdrawn: open introductions end, concluded ones stay concluded.
        for open in [Offered, Consented, Accepted, MeetingScheduled, Engaged] {
            assert_eq!(
                respond(open, M::Consented, Answer::WithdrawConsent, &[]),
                Ok((M::Withdrawn, Withdrawn)),
                "{open:?}"
            );
        }
        assert_eq!(
            respond(Concluded, M::Consented, Answer::WithdrawConsent, &[]),
            Ok((M::Withdrawn, Concluded))
        );
    }

    #[test]
    fn member_answers_outside_their_moment_are_refused() {
        use MemberStatus as M;
        for status in IntroductionStatus::ALL {
            for member in MemberStatus::ALL {
                for answer in [Answer::Consent, Answer::Decline, Answer::WithdrawConsent] {
                    let allowed = matches!(
                        (status, member, answer),
                        (Offered, M::Offered, Answer::Consent | Answer::Decline)
                    ) || (member == M::Consented
                        && answer == Answer::WithdrawConsent
                        && (status.shares_profile() || status == Offered));
                    assert_eq!(
                        respond(status, member, answer, &[]).is_ok(),
                        allowed,
                        "{status:?} {member:?} {answer:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_profile_is_shared_only_after_consent() {
        let sharing: Vec<_> = IntroductionStatus::ALL
            .into_iter()
            .filter(|s| s.shares_profile())
            .collect();
        assert_eq!(
            sharing,
            [Consented, Accepted, MeetingScheduled, Engaged, Concluded]
        );
        for status in IntroductionStatus::ALL {
            assert_eq!(IntroductionStatus::from_code(status.code()), Some(status));
        }
    }

    #[test]
    fn outcomes_need_what_the_town_counts() {
        let placed = Outcome::parse(&OutcomeInput {
            kind: "own_pace".into(),
            hours_per_week: "12".into(),
            pay_band: "1100_1299".into(),
            ..OutcomeInput::default()
        })
        .unwrap();
        assert_eq!(placed.minutes_per_week, Some(720));
        assert!(placed.is_placed());
        let business = Outcome::parse(&OutcomeInput {
            kind: "business_started".into(),
            hours_per_week: "10".into(),
            ..OutcomeInput::default()
        })
        .unwrap();
        assert_eq!(business.pay_band, None);
        let errors = Outcome::parse(&OutcomeInput {
            kind: "full_return".into(),
            hours_per_week: "90".into(),
            ..OutcomeInput::default()
        })
        .unwrap_err();
        assert_eq!(
            errors.code_for("hours_per_week"),
            Some("hours-per-week-invalid")
        );
        assert_eq!(errors.code_for("pay_band"), Some("choose-one"));
        let not_placed = Outcome::parse(&OutcomeInput {
            kind: "not_placed".into(),
            ..OutcomeInput::default()
        })
        .unwrap_err();
        assert_eq!(not_placed.code_for("reason"), Some("choose-one"));
        assert_eq!(
            Outcome::parse(&OutcomeInput::default())
                .unwrap_err()
                .code_for("kind"),
            Some("choose-one")
        );
    }

    #[test]
    fn follow_ups_fall_at_three_six_and_twelve_months() {
        let on = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let dates = follow_up_dates(on);
        assert_eq!(dates[0], (3, NaiveDate::from_ymd_opt(2027, 2, 28).unwrap()));
        assert_eq!(dates[1], (6, NaiveDate::from_ymd_opt(2027, 5, 30).unwrap()));
        assert_eq!(
            dates[2],
            (12, NaiveDate::from_ymd_opt(2027, 11, 30).unwrap())
        );
    }

    #[test]
    fn follow_ups_count_from_the_start_of_work_when_it_was_recorded() {
        let started = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
        let recorded = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        assert_eq!(follow_up_base(Some(started), recorded), started);
        assert_eq!(follow_up_base(None, recorded), recorded);
    }
}
