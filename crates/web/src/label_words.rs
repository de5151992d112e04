//! Every status, kind and code a page names has words in both languages: the test renders
//! every value of every such enum (`domain::label::Label`) in Japanese and English.

#[cfg(test)]
mod tests {
    use domain::label::Label;

    use crate::i18n::Lang;

    /// Kana or kanji: never in an English label.
    fn has_japanese(text: &str) -> bool {
        text.chars().any(|c| {
            matches!(c,
                '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'
                | '\u{ff00}'..='\u{ff60}' | '\u{3000}'..='\u{303f}')
        })
    }

    fn check<T: Label + std::fmt::Debug>(problems: &mut Vec<String>) {
        check_words::<T>(problems, false);
    }

    /// `autonyms`: the values name languages, each also in its own script (「日本語」).
    fn check_words<T: Label + std::fmt::Debug>(problems: &mut Vec<String>, autonyms: bool) {
        let every = T::every();
        assert!(!every.is_empty());
        for value in every {
            let key = value.label_key();
            for lang in Lang::ALL {
                let mut args: Vec<(&'static str, String)> =
                    ["detail", "step", "status", "name", "town"]
                        .into_iter()
                        .chain(crate::letter::ARG_NAMES.iter().copied())
                        .map(|name| (name, "x".to_owned()))
                        .collect();
                args.dedup();
                match lang.try_t_args(key, &args) {
                    None => problems.push(format!("{value:?}: no {} words for {key}", lang.code())),
                    Some(words) if lang == Lang::En && !autonyms && has_japanese(&words) => {
                        problems.push(format!("{value:?}: Japanese in English {key}: {words}"))
                    }
                    Some(_) => {}
                }
            }
        }
    }

    #[test]
    fn every_value_shown_by_name_has_words_in_both_languages() {
        use domain::event::EventKind;
        use domain::event::booking::{BookingError, BookingStatus};
        use domain::income_cap::IncomeCap;
        use domain::municipality::{EligibilityBasis, EligibilityRule};
        use domain::organization::{EnquiryStatus, OrganizationKind, OrganizationLocation};
        use domain::participant::{AgeBand, CareFor, ConsentKind, GoalTrack, WorkPlace};
        use domain::request::{
            CloseReason, ContractType, Flag, MeetingMode, PayUnit, RequestKind, RequestStatus,
            RequestStep, ShiftRule, WorkMode,
        };
        use domain::timeline::TimelineKind;

        let mut problems = Vec::new();
        check::<domain::Role>(&mut problems);
        check::<domain::account_deletion::DeletionChannel>(&mut problems);
        check::<domain::account_deletion::IdentityCheck>(&mut problems);
        check::<domain::data_request::DataRequestKind>(&mut problems);
        check::<domain::data_request::DataRequestChannel>(&mut problems);
        check::<domain::data_request::DataRequestState>(&mut problems);
        check::<domain::retention::RetentionKind>(&mut problems);
        check::<crate::accessibility_report::Outcome>(&mut problems);
        check::<GoalTrack>(&mut problems);
        check::<WorkPlace>(&mut problems);
        check::<AgeBand>(&mut problems);
        check::<CareFor>(&mut problems);
        check::<ShiftRule>(&mut problems);
        check::<ConsentKind>(&mut problems);
        check::<EligibilityBasis>(&mut problems);
        check::<EligibilityRule>(&mut problems);
        check::<IncomeCap>(&mut problems);
        check::<EventKind>(&mut problems);
        check::<BookingStatus>(&mut problems);
        check::<BookingError>(&mut problems);
        check::<domain::report::Measure>(&mut problems);
        check::<domain::report::FactKind>(&mut problems);
        check::<domain::report::target::Unit>(&mut problems);
        check::<domain::report::milestones::Milestone>(&mut problems);
        check::<domain::import::FileFault>(&mut problems);
        check::<domain::import::encoding::TextEncoding>(&mut problems);
        check::<domain::availability::Weekday>(&mut problems);
        check::<domain::week_preset::WeekPreset>(&mut problems);
        check::<domain::skill::SkillLevel>(&mut problems);
        check::<RequestKind>(&mut problems);
        check::<ContractType>(&mut problems);
        check::<PayUnit>(&mut problems);
        check::<WorkMode>(&mut problems);
        check::<MeetingMode>(&mut problems);
        check::<Flag>(&mut problems);
        check::<CloseReason>(&mut problems);
        check::<RequestStatus>(&mut problems);
        check::<RequestStep>(&mut problems);
        check::<OrganizationKind>(&mut problems);
        check::<OrganizationLocation>(&mut problems);
        check::<EnquiryStatus>(&mut problems);
        check::<TimelineKind>(&mut problems);
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn every_introduction_value_has_words_in_both_languages() {
        use domain::introduction::{
            IntroductionStatus, MatchReason, MemberStatus, NotPlacedReason, OutcomeKind, PayBand,
            SharedItem, Step, ToParticipant,
            history::HeldBack,
            meeting::MeetingAnswer,
            result::{PassReason, Verdict},
            waiting::OrganizationTask,
        };
        let mut problems = Vec::new();
        check::<IntroductionStatus>(&mut problems);
        check::<ToParticipant>(&mut problems);
        check::<MemberStatus>(&mut problems);
        check::<OutcomeKind>(&mut problems);
        check::<HeldBack>(&mut problems);
        check::<Step>(&mut problems);
        check::<SharedItem>(&mut problems);
        check::<NotPlacedReason>(&mut problems);
        check::<PayBand>(&mut problems);
        check::<MatchReason>(&mut problems);
        check::<MeetingAnswer>(&mut problems);
        check::<Verdict>(&mut problems);
        check::<PassReason>(&mut problems);
        check::<OrganizationTask>(&mut problems);
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn every_audit_and_mail_value_has_words_in_both_languages() {
        let mut problems = Vec::new();
        check::<domain::audit::AuditAction>(&mut problems);
        check::<domain::audit::AuditTarget>(&mut problems);
        check::<domain::audit::ActorRole>(&mut problems);
        check::<domain::message::MailKind>(&mut problems);
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn web_values_have_words_in_both_languages() {
        let mut problems = Vec::new();
        check_words::<Lang>(&mut problems, true);
        check::<crate::introduction_done::Done>(&mut problems);
        check::<crate::events::view::BookingDone>(&mut problems);
        check::<crate::events::view::EventDone>(&mut problems);
        check::<crate::requests::review::QueueTab>(&mut problems);
        check::<crate::events::schedule::ListTab>(&mut problems);
        check::<crate::coordinator::participants::filters::CareNeed>(&mut problems);
        check::<domain::message::NoticeKind>(&mut problems);
        check::<crate::requests::saved::SavedDone>(&mut problems);
        check::<crate::participant::job_mail::JobMailDone>(&mut problems);
        check::<crate::town_settings::page::SettingsDone>(&mut problems);
        check::<domain::request::interest::InterestStatus>(&mut problems);
        check::<crate::requests::interest::InterestDone>(&mut problems);
        check::<matching::feasibility::Reason>(&mut problems);
        check::<domain::introduction::check_in::CheckInStatus>(&mut problems);
        check::<domain::introduction::check_in::HoursBand>(&mut problems);
        check::<crate::coordinator::import::ImportList>(&mut problems);
        check::<crate::list_export::ExportedList>(&mut problems);
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn the_check_finds_a_missing_word() {
        #[derive(Debug, Clone, Copy)]
        struct Nameless;
        domain::labels!(Nameless { Nameless => "no-such-label" });
        let mut problems = Vec::new();
        check::<Nameless>(&mut problems);
        assert_eq!(problems.len(), 2, "{problems:?}");
    }
}
