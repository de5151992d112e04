//! A message's words, written from its kind and arguments in one language: the in-app notice
//! when it is read, and the mail when it is sent. The arguments are kept as what they are
//! ([`Arg`]) so each language writes a date, an amount, a role or an event's title its own way.
//!
//! `notify` decides who is told what; `mail` queues and sends. Both write through here.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use domain::label::Label;
use domain::message::{MailKind, NoticeKind};
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// One argument of a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Arg {
    /// A name, title, link or number as it is, in every language.
    Text(String),
    /// A title with its English version (empty when there is none: the Japanese is shown).
    Titled {
        ja: String,
        en: String,
    },
    /// A moment, in Japan time, to the minute.
    At(DateTime<Utc>),
    /// A span of time on one day.
    Span(DateTime<Utc>, DateTime<Utc>),
    Day(NaiveDate),
    /// A follow-up's note (`follow_up_note`).
    FollowUpNote(String),
    /// A meeting: when, and where (empty when not said).
    Meeting(DateTime<Utc>, String),
    /// A role, by its code (an unknown code is written as nothing).
    Role(String),
    /// Why something happened, as staff wrote it, introduced as a reason in the reader's
    /// language (nothing when empty).
    Reason(String),
    /// A coordinator's own words to the person, introduced as such (nothing when empty).
    Remark(String),
    /// A resident's own words to the coordinators, introduced as such (nothing when empty).
    Message(String),
    /// An organization's own words to the person, e.g. on accepting (nothing when empty).
    FromOrganization(String),
}

impl Arg {
    fn words(&self, lang: Lang) -> String {
        match self {
            Arg::Text(text) => text.clone(),
            Arg::Titled { ja, en } if lang == Lang::En && !en.is_empty() => en.clone(),
            Arg::Titled { ja, .. } => ja.clone(),
            Arg::At(at) => crate::formats::date_time(lang, *at),
            Arg::Span(start, end) => format!(
                "{}–{}",
                crate::formats::date_time(lang, *start),
                domain::local_time::to_jst(*end).format("%H:%M")
            ),
            Arg::Day(day) => crate::formats::date(lang, *day),
            Arg::FollowUpNote(note) => follow_up_note(lang, note),
            Arg::Meeting(at, place) => crate::formats::at_place(lang, *at, place),
            Arg::Reason(reason) if reason.trim().is_empty() => String::new(),
            Arg::Reason(reason) => {
                let said = reason.trim().trim_end_matches(['。', '.']);
                lang.t_args("notice-reason", &[("reason", said.to_owned())])
            }
            Arg::Remark(remark) if remark.trim().is_empty() => String::new(),
            Arg::Remark(remark) => {
                lang.t_args("notice-remark", &[("remark", remark.trim().to_owned())])
            }
            Arg::Message(message) if message.trim().is_empty() => String::new(),
            Arg::Message(message) => {
                lang.t_args("notice-message", &[("message", message.trim().to_owned())])
            }
            Arg::FromOrganization(words) if words.trim().is_empty() => String::new(),
            Arg::FromOrganization(words) => lang.t_args(
                "notice-from-organization",
                &[("words", words.trim().to_owned())],
            ),
            Arg::Role(code) => domain::Role::from_code(code)
                .map(|role| lang.t(role.label_key()))
                .unwrap_or_default(),
        }
    }
}

/// The arguments messages name (Fluent takes `&'static str` names); `name` and `town` are
/// added to every message.
pub(crate) const ARG_NAMES: &[&str] = &[
    "organization",
    "words",
    "request",
    "person",
    "response",
    "when",
    "event",
    "place",
    "until",
    "due",
    "note",
    "role",
    "inviter",
    "link",
    "days",
    "hours",
    "minutes",
    "reason",
    "remark",
    "message",
    "count",
    "titles",
];

/// The arguments in `lang`, with the reader's name and the town's.
fn words(
    lang: Lang,
    args: &BTreeMap<String, Arg>,
    reader: &str,
    town: &str,
) -> Vec<(&'static str, String)> {
    let mut words: Vec<(&'static str, String)> = Vec::with_capacity(args.len() + 2);
    for (name, arg) in args {
        if let Some(name) = ARG_NAMES.iter().find(|n| **n == name.as_str()) {
            words.push((name, arg.words(lang)));
        }
    }
    for optional in ["reason", "remark", "message"] {
        // A reason, a remark and a message are optional on every message (and notices from before one
        // was asked for have none): without one it reads as nothing.
        if !args.contains_key(optional) {
            words.push((optional, String::new()));
        }
    }
    words.push(("name", reader.to_owned()));
    words.push(("town", town.to_owned()));
    words
}

/// A kind of message: the keys of its title (a notice's) or subject (a mail's), and of its body.
pub trait Kind: Copy {
    fn keys(self) -> (&'static str, &'static str);
}

impl Kind for NoticeKind {
    fn keys(self) -> (&'static str, &'static str) {
        (self.label_key(), self.body_key())
    }
}

impl Kind for MailKind {
    fn keys(self) -> (&'static str, &'static str) {
        (self.label_key(), self.body_key())
    }
}

/// A message's title (or subject) and body for `reader` in `town`, in `lang`.
pub fn write(
    lang: Lang,
    kind: impl Kind,
    args: &BTreeMap<String, Arg>,
    (reader, town): (&str, &str),
) -> (String, String) {
    let (title_key, body_key) = kind.keys();
    let words = words(lang, args, reader, town);
    (
        lang.t_args(title_key, &words),
        lang.t_args(body_key, &words),
    )
}

/// A follow-up's note in words: an outcome check-in (`outcome_check:<months>:<outcome>`, made
/// when a placement is recorded) is named in the reader's language; others are as written.
pub fn follow_up_note(lang: Lang, note: &str) -> String {
    match domain::introduction::check_in::months_of(note) {
        Some(months) => lang.t_args("follow-up-outcome-check", &[("months", months.to_string())]),
        None => note.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_is_written_anew_in_the_language_it_is_read_in() {
        let start = DateTime::parse_from_rfc3339("2026-12-10T01:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let end = start + chrono::Duration::hours(2);
        let args: BTreeMap<String, Arg> = [
            (
                "event".to_owned(),
                Arg::Titled {
                    ja: "ゆかた着付け講座".into(),
                    en: "Yukata dressing class".into(),
                },
            ),
            ("when".to_owned(), Arg::Span(start, end)),
            ("place".to_owned(), Arg::Text("長泉町公民館".into())),
        ]
        .into_iter()
        .collect();
        let (title, body) = write(
            Lang::En,
            NoticeKind::BookingConfirmed,
            &args,
            ("Hanako", "Nagaizumi"),
        );
        assert_eq!(title, "You are registered: Yukata dressing class");
        assert!(body.contains("Thu 10 Dec 2026, 10:00–12:00"), "{body}");
        let (title, body) = write(
            Lang::Ja,
            NoticeKind::BookingConfirmed,
            &args,
            ("花子", "長泉町"),
        );
        assert!(title.contains("ゆかた着付け講座"), "{title}");
        assert!(body.contains("2026年12月10日（木） 10:00–12:00"), "{body}");
    }

    #[test]
    fn an_invitation_names_the_role_in_the_language_it_is_written_in() {
        let args: BTreeMap<String, Arg> = [
            ("role".to_owned(), Arg::Role("coordinator".into())),
            ("inviter".to_owned(), Arg::Text("山田".into())),
            ("link".to_owned(), Arg::Text("http://x.example/i/t".into())),
            ("days".to_owned(), Arg::Text("7".into())),
        ]
        .into_iter()
        .collect();
        let (subject, text) = write(Lang::En, MailKind::Invitation, &args, ("", "Nagaizumi"));
        assert!(subject.contains("Nagaizumi"), "{subject}");
        assert!(
            text.contains("Coordinator") || text.contains("coordinator"),
            "{text}"
        );
        assert!(!text.contains("コーディネーター"), "{text}");
        let (_, text) = write(Lang::Ja, MailKind::Invitation, &args, ("", "長泉町"));
        assert!(text.contains("http://x.example/i/t"), "{text}");
        assert!(!text.contains("Coordinator"), "{text}");
    }
}
