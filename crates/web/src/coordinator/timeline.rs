//! A participant's case timeline in words, in the reader's language.

use domain::label::Label;
use domain::timeline::{Detail, TimelineKind};
use store::casework::CaseEvent;

use crate::i18n::Lang;

/// One line: what happened, with its detail (a date, a named value, or text as written).
pub fn line(lang: Lang, event: &CaseEvent) -> String {
    let detail = match &event.detail {
        Detail::Nothing => String::new(),
        Detail::Text(text) => text.clone(),
        Detail::Date(day) => crate::formats::date(lang, *day),
        Detail::Label(key) => lang.t(key),
    };
    let mut args = vec![("detail", detail)];
    match event.kind {
        TimelineKind::Introduction(step) => args.push(("step", lang.label(step))),
        TimelineKind::Booked(status) => args.push(("status", lang.label(status))),
        _ => {}
    }
    lang.t_args(event.kind.label_key(), &args)
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, Utc};
    use domain::event::booking::BookingStatus;
    use domain::introduction::Step;

    use super::*;

    fn event(kind: TimelineKind, detail: Detail) -> CaseEvent {
        CaseEvent {
            kind,
            detail,
            actor_name: None,
            at: Utc::now(),
        }
    }

    #[test]
    fn every_line_is_words_never_a_code() {
        let hearing = event(
            TimelineKind::Hearing,
            Detail::Date(NaiveDate::from_ymd_opt(2026, 12, 10).unwrap()),
        );
        assert_eq!(
            line(Lang::Ja, &hearing),
            "ヒアリング（2026年12月10日（木））"
        );
        assert_eq!(line(Lang::En, &hearing), "Hearing (Thu 10 Dec 2026)");
        let registered = event(
            TimelineKind::Registered,
            Detail::Label("eligibility-basis-lives"),
        );
        assert!(!line(Lang::En, &registered).contains("lives)"));
        let accepted = event(TimelineKind::Introduction(Step::Accept), Detail::Nothing);
        assert!(line(Lang::Ja, &accepted).contains("先方が受け入れ"));
        let booked = event(
            TimelineKind::Booked(BookingStatus::Waitlisted),
            Detail::Text("ゆかた着付け講座".into()),
        );
        let en = line(Lang::En, &booked);
        assert!(
            en.contains("ゆかた着付け講座") && en.contains("Waiting list"),
            "{en}"
        );
    }
}
