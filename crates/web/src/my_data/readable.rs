//! The download's `summary.html` in words: a stored code (a status, a kind, a skill) shown by
//! its label, a moment as a date and time, a yes or no as such, in the reader's language. The
//! JSON and CSV files keep the values as stored; only the summary reads them.

use chrono::{DateTime, NaiveDate, Utc};
use domain::event::booking::BookingStatus;
use domain::income_cap::IncomeCap;
use domain::introduction::meeting::MeetingAnswer;
use domain::introduction::result::Verdict;
use domain::introduction::{IntroductionStatus, MemberStatus, OutcomeKind, PayBand, SharedItem};
use domain::label::Label;
use domain::message::NoticeKind;
use domain::municipality::EligibilityBasis;
use domain::participant::{ConsentKind, GoalTrack, WorkPlace};
use domain::request::interest::InterestStatus;
use domain::skill::{SkillLevel, Taxonomy};
use domain::timeline::TimelineKind;

use crate::i18n::Lang;

/// `raw`'s label, when it is one of `T`'s codes.
fn coded<T: Label>(lang: Lang, from: impl Fn(&str) -> Option<T>, raw: &str) -> Option<String> {
    from(raw).map(|v| lang.label(v))
}

/// A stored value of `table.column` in words; as stored when it is text people wrote.
pub fn value(lang: Lang, skills: &Taxonomy, (table, column): (&str, &str), raw: &str) -> String {
    by_column(lang, skills, (table, column), raw)
        .or_else(|| by_shape(lang, raw))
        .unwrap_or_else(|| raw.to_owned())
}

fn by_column(lang: Lang, skills: &Taxonomy, at: (&str, &str), raw: &str) -> Option<String> {
    match at {
        ("booking", "status") => coded(lang, BookingStatus::from_code, raw),
        ("participant_profile" | "goal_track_change", "goal_track") => {
            coded(lang, GoalTrack::from_code, raw)
        }
        ("participant_profile", "work_place") => coded(lang, WorkPlace::from_code, raw),
        ("participant_profile", "eligibility_basis") => {
            coded(lang, EligibilityBasis::from_code, raw)
        }
        ("participant_profile", "income_cap") => {
            coded(lang, |c| IncomeCap::from_code(c, Some(1)), raw)
        }
        ("participant_skill", "skill_id") => skills.get(raw).map(|s| match lang {
            Lang::Ja => s.label_ja.clone(),
            Lang::En => s.label_en.clone(),
        }),
        ("participant_skill", "level") => {
            coded(lang, |c| c.parse().ok().and_then(SkillLevel::new), raw)
        }
        ("consent", "kind") => coded(lang, ConsentKind::from_code, raw),
        ("request_interest", "status") => coded(lang, InterestStatus::from_code, raw),
        ("introduction", "status") => coded(lang, IntroductionStatus::from_code, raw),
        ("introduction", "outcome") => coded(lang, OutcomeKind::from_code, raw),
        ("introduction", "pay_band") => coded(lang, PayBand::from_code, raw),
        ("introduction", "result_verdict") => coded(lang, Verdict::from_code, raw),
        ("introduction", "meeting_answer") => coded(lang, MeetingAnswer::from_code, raw),
        ("introduction_member", "status") => coded(lang, MemberStatus::from_code, raw),
        ("introduction_member" | "provision_record", "shared_items" | "items") => {
            Some(items(lang, raw))
        }
        ("case_event", "kind") => coded(lang, TimelineKind::from_code, raw),
        ("notification", "kind") => coded(lang, NoticeKind::from_code, raw),
        ("account", "role") => coded(lang, domain::Role::from_code, raw),
        _ => None,
    }
}

/// Shared items, comma-separated codes, as a list of their words.
fn items(lang: Lang, raw: &str) -> String {
    let words: Vec<String> = raw
        .split(',')
        .filter_map(SharedItem::from_code)
        .map(|i| lang.label(i))
        .collect();
    crate::formats::list(lang, &words)
}

/// A value by its shape: a moment, a day, a yes or no.
fn by_shape(lang: Lang, raw: &str) -> Option<String> {
    if let Ok(at) = DateTime::parse_from_rfc3339(raw) {
        return Some(crate::formats::date_time(lang, at.with_timezone(&Utc)));
    }
    if let Ok(at) = DateTime::parse_from_str(raw, "%Y-%m-%d %H:%M:%S%.f%#z") {
        return Some(crate::formats::date_time(lang, at.with_timezone(&Utc)));
    }
    if let Ok(day) = NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
        return Some(crate::formats::date(lang, day));
    }
    match raw {
        "true" => Some(lang.t("data-value-yes")),
        "false" => Some(lang.t("data-value-no")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_moments_and_yes_or_no_read_as_words() {
        let skills = Taxonomy::shipped().unwrap();
        let v = |at, raw| value(Lang::Ja, &skills, at, raw);
        assert_eq!(
            v(("booking", "status"), "confirmed"),
            Lang::Ja.label(BookingStatus::Confirmed)
        );
        assert_eq!(
            v(("participant_profile", "goal_track"), "own_pace"),
            Lang::Ja.label(GoalTrack::OwnPace)
        );
        assert_eq!(
            v(("consent", "given_at"), "2026-12-03T01:00:00Z"),
            "2026年12月3日（木） 10:00"
        );
        assert_eq!(
            v(("consent", "given_at"), "2026-12-03 01:00:00.5+00"),
            "2026年12月3日（木） 10:00"
        );
        assert_eq!(v(("participant_profile", "drives"), "true"), "はい");
        assert_eq!(
            v(("hearing", "goals"), "事務の仕事"),
            "事務の仕事",
            "written text as written"
        );
        assert_eq!(v(("booking", "status"), "unknown"), "unknown");
        let first = skills.skills()[0].clone();
        assert_eq!(
            v(("participant_skill", "skill_id"), first.id.as_str()),
            first.label_ja
        );
    }
}
