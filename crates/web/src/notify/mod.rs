//! What people are told, on the channels they chose: an entry in the in-app list, and an
//! email (text and HTML) queued in the outbox.
//!
//! A notice is its [`NoticeKind`] and typed [`Arg`]s. The email is written when queued, in
//! the language the recipient chose for mail. The in-app entry keeps its kind and arguments
//! (JSON) and is written anew each time it is read ([`render`]), in the language of the page
//! it is read on: a date, an amount or an event's English title come out in that language.
//!
//! - [`booking`]: who is told what about bookings;
//! - [`introduction`]: who is told what when an introduction moves.

pub mod booking;
pub mod introduction;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use domain::Municipality;
use domain::label::Label;
use serde::{Deserialize, Serialize};
use store::notification::{NewNotification, Recipient};
use store::outbox::NewMessage;

use crate::i18n::Lang;
use crate::page::town_name;
use crate::state::AppState;

domain::coded!(
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
        EventReminder = "event_reminder" => "notice-event-reminder-title",
        /// Written by migration 0014 for people whose "103万円" choice moved to the spouse
        /// deduction's 123万円.
        IncomeCapMoved = "income_cap_moved" => "notice-income-cap-moved-title",
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
            NoticeKind::EventReminder => "notice-event-reminder-body",
            NoticeKind::IncomeCapMoved => "notice-income-cap-moved-body",
        }
    }
}

/// One argument of a notice, kept as what it is so each language writes it its own way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Arg {
    /// A name or title as a person wrote it.
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
        }
    }
}

/// Something that happened, to tell the recipients about.
pub struct Notice {
    pub kind: NoticeKind,
    pub args: Vec<(&'static str, Arg)>,
    /// A path within the site, where the recipient acts on it.
    pub link: String,
}

/// A notice's title and body for `reader` in `town`, in `lang`.
pub fn render(
    lang: Lang,
    kind: NoticeKind,
    args: &BTreeMap<String, Arg>,
    reader: &str,
    town: &str,
) -> (String, String) {
    let mut words: Vec<(&'static str, String)> = Vec::with_capacity(args.len() + 2);
    for (name, arg) in args {
        if let Some(name) = ARG_NAMES.iter().find(|n| **n == name.as_str()) {
            words.push((name, arg.words(lang)));
        }
    }
    words.push(("name", reader.to_owned()));
    words.push(("town", town.to_owned()));
    (
        lang.t_args(kind.label_key(), &words),
        lang.t_args(kind.body_key(), &words),
    )
}

/// The arguments notices name (Fluent takes `&'static str` names).
pub(crate) const ARG_NAMES: &[&str] = &[
    "organization",
    "request",
    "person",
    "response",
    "when",
    "event",
    "place",
    "until",
    "due",
    "note",
];

/// A stored notification's title and body for the page it is read on: written anew from its
/// kind and arguments, or as stored for one from before they were kept.
pub fn reread(
    lang: Lang,
    stored: &store::notification::Notification,
    reader: &str,
    town: &str,
) -> (String, String) {
    let args = serde_json::from_str::<BTreeMap<String, Arg>>(&stored.args);
    match (NoticeKind::from_code(&stored.kind), args) {
        (Some(kind), Ok(args)) => render(lang, kind, &args, reader, town),
        _ => (stored.title.clone(), stored.body.clone()),
    }
}

/// A follow-up's note in words: an outcome check-in (`outcome_check:<months>:<outcome>`, made
/// when a placement is recorded) is named in the reader's language; others are as written.
pub fn follow_up_note(lang: Lang, note: &str) -> String {
    match note.strip_prefix("outcome_check:") {
        Some(rest) => {
            let months = rest.split(':').next().unwrap_or_default();
            lang.t_args("follow-up-outcome-check", &[("months", months.to_owned())])
        }
        None => note.to_owned(),
    }
}

/// The notifications of `notice` for each recipient.
pub fn compose(
    state: &AppState,
    town: &Municipality,
    notice: &Notice,
    recipients: &[Recipient],
) -> Vec<NewNotification> {
    let args: BTreeMap<String, Arg> = notice
        .args
        .iter()
        .map(|(name, arg)| ((*name).to_owned(), arg.clone()))
        .collect();
    let stored_args = serde_json::to_string(&args).unwrap_or_default();
    recipients
        .iter()
        .map(|recipient| {
            let lang = Lang::from_code(&recipient.lang).unwrap_or_default();
            let town_words = town_name(lang, town).to_owned();
            let (title, body) = render(
                lang,
                notice.kind,
                &args,
                &recipient.display_name,
                &town_words,
            );
            let email = (recipient.notify_by_email && !recipient.email.is_empty())
                .then(|| mail(state, town, notice, recipient, (lang, &title, &body)));
            NewNotification {
                account_id: store::account::AccountId(recipient.id),
                kind: notice.kind.code().to_owned(),
                title,
                body,
                args: stored_args.clone(),
                link: notice.link.clone(),
                in_app: recipient.notify_in_app,
                email,
            }
        })
        .collect()
}

/// The email copy of a notice, in the language the recipient chose for mail.
fn mail(
    state: &AppState,
    town: &Municipality,
    notice: &Notice,
    recipient: &Recipient,
    (lang, title, body): (Lang, &str, &str),
) -> NewMessage {
    let town_words = town_name(lang, town).to_owned();
    let link = crate::mail::link(state, &notice.link);
    let brand = lang.t_args("mail-brand", &[("town", town_words.clone())]);
    let subject = lang.t_args(
        "mail-notice-subject",
        &[("town", town_words), ("title", title.to_owned())],
    );
    let text = lang.t_args(
        "mail-notice-body",
        &[
            ("name", recipient.display_name.clone()),
            ("body", body.to_owned()),
            ("link", link),
            ("brand", brand.clone()),
        ],
    );
    NewMessage {
        municipality_id: Some(town.id),
        kind: notice.kind.code().to_owned(),
        recipient: recipient.email.clone(),
        body_html: crate::mail::html(lang, &subject, &brand, &text),
        subject,
        body_text: text,
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
        let (title, body) = render(
            Lang::En,
            NoticeKind::BookingConfirmed,
            &args,
            "Hanako",
            "Nagaizumi",
        );
        assert_eq!(title, "You are registered: Yukata dressing class");
        assert!(body.contains("Thu 10 Dec 2026, 10:00–12:00"), "{body}");
        let (title, body) = render(
            Lang::Ja,
            NoticeKind::BookingConfirmed,
            &args,
            "花子",
            "長泉町",
        );
        assert!(title.contains("ゆかた着付け講座"), "{title}");
        assert!(body.contains("2026年12月10日（木） 10:00–12:00"), "{body}");
    }

    #[test]
    fn a_notification_from_before_arguments_were_kept_reads_as_stored() {
        let stored = store::notification::Notification {
            id: 1,
            kind: "booking_confirmed".into(),
            title: "お申し込みを受け付けました".into(),
            body: "本文".into(),
            args: String::new(),
            link: String::new(),
            created_at: Utc::now(),
            read_at: None,
        };
        assert_eq!(
            reread(Lang::En, &stored, "Hanako", "Nagaizumi"),
            ("お申し込みを受け付けました".to_owned(), "本文".to_owned())
        );
    }
}
