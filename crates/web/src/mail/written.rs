//! A queued message written out in one language: its subject, text and HTML.

use askama::Template;
use domain::Municipality;
use domain::message::MessageKind;
use store::outbox::OutboxMessage;

use super::Letter;
use crate::i18n::Lang;
use crate::page::town_name;

/// A mail as it is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub subject: String,
    pub text: String,
    /// The same as HTML (empty for text only).
    pub html: String,
}

/// `letter` of `kind` written in `lang`, for a recipient in `town`.
pub fn write(
    lang: Lang,
    kind: MessageKind,
    letter: &Letter,
    town: Option<&Municipality>,
) -> Written {
    let town_words = town.map(|t| town_name(lang, t)).unwrap_or_default();
    let brand = lang.t_args("mail-brand", &[("town", town_words.to_owned())]);
    let (subject, text) = match kind {
        MessageKind::Mail(kind) => {
            crate::letter::write(lang, kind, &letter.args, (&letter.reader, town_words))
        }
        MessageKind::Notice(kind) => {
            let (title, body) =
                crate::letter::write(lang, kind, &letter.args, (&letter.reader, town_words));
            let subject = lang.t_args(
                "mail-notice-subject",
                &[("town", town_words.to_owned()), ("title", title)],
            );
            let text = lang.t_args(
                "mail-notice-body",
                &[
                    ("name", letter.reader.clone()),
                    ("body", body),
                    ("link", letter.link.clone()),
                    ("brand", brand.clone()),
                ],
            );
            (subject, text)
        }
    };
    Written {
        html: html(lang, &subject, &brand, &text),
        subject,
        text,
    }
}

/// A claimed message written in its recipient's language; one queued without a letter is
/// sent as it was kept. An error (a letter that does not read) is the delivery's failure.
pub fn write_stored(message: &OutboxMessage, towns: &[Municipality]) -> Result<Written, String> {
    if message.letter.is_empty() {
        return Ok(Written {
            subject: message.subject.clone(),
            text: message.body_text.clone(),
            html: message.body_html.clone(),
        });
    }
    let letter: Letter =
        serde_json::from_str(&message.letter).map_err(|e| format!("letter: {e}"))?;
    let lang = Lang::from_code(&message.lang).unwrap_or_default();
    let town = towns
        .iter()
        .find(|t| Some(t.id.0) == message.municipality_id);
    Ok(write(lang, message.kind, &letter, town))
}

struct Paragraph {
    is_link: bool,
    text: String,
    lines: Vec<String>,
}

#[derive(Template)]
#[template(path = "mail/message.html")]
struct MailHtml<'a> {
    lang: &'a str,
    subject: &'a str,
    brand: &'a str,
    action: &'a str,
    footer: &'a str,
    paragraphs: Vec<Paragraph>,
}

/// The HTML form of a text email: its paragraphs, with a line that is only a link shown as
/// a button. Everything is escaped by the template.
fn html(lang: Lang, subject: &str, brand: &str, text: &str) -> String {
    let paragraphs = text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let is_link = p.starts_with("http://") || p.starts_with("https://");
            Paragraph {
                is_link: is_link && !p.contains(char::is_whitespace),
                text: p.to_owned(),
                lines: p.lines().map(str::to_owned).collect(),
            }
        })
        .collect();
    MailHtml {
        lang: lang.code(),
        subject,
        brand,
        action: &lang.t("mail-open-link"),
        footer: &lang.t("mail-footer"),
        paragraphs,
    }
    .render()
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use domain::message::{MailKind, NoticeKind};

    use super::*;
    use crate::letter::Arg;

    fn stored(kind: MessageKind, lang: &str, letter: &Letter) -> OutboxMessage {
        let now = chrono::Utc::now();
        OutboxMessage {
            id: 1,
            municipality_id: None,
            kind,
            recipient: "hanako@example.jp".into(),
            lang: lang.into(),
            letter: serde_json::to_string(letter).unwrap(),
            subject: "queued".into(),
            body_text: String::new(),
            created_at: now,
            attempts: 0,
            last_error: None,
            next_attempt_at: now,
            sent_at: None,
            body_html: String::new(),
            dead_at: None,
        }
    }

    #[test]
    fn a_queued_mail_is_written_in_the_language_it_is_sent_in() {
        let letter = Letter {
            args: BTreeMap::from([
                (
                    "link".to_owned(),
                    Arg::Text("http://x.example/reset/t".into()),
                ),
                ("minutes".to_owned(), Arg::Text("30".into())),
            ]),
            reader: "Hanako".into(),
            link: String::new(),
        };
        let kind = MessageKind::Mail(MailKind::PasswordReset);
        let en = write_stored(&stored(kind, "en", &letter), &[]).unwrap();
        let ja = write_stored(&stored(kind, "ja", &letter), &[]).unwrap();
        assert!(
            en.text.contains("Hanako") && en.text.contains("30"),
            "{}",
            en.text
        );
        assert!(!en.subject.contains("パスワード"), "{}", en.subject);
        assert!(ja.subject.contains("パスワード"), "{}", ja.subject);
        assert!(ja.html.contains("http://x.example/reset/t"), "{}", ja.html);
    }

    #[test]
    fn a_notice_copy_carries_its_link_and_a_letter_that_does_not_read_is_an_error() {
        let letter = Letter {
            args: BTreeMap::from([(
                "event".to_owned(),
                Arg::Titled {
                    ja: "説明会".into(),
                    en: "Information session".into(),
                },
            )]),
            reader: "Hanako".into(),
            link: "http://x.example/nagaizumi/me".into(),
        };
        let kind = MessageKind::Notice(NoticeKind::EventCancelled);
        let en = write_stored(&stored(kind, "en", &letter), &[]).unwrap();
        assert!(en.subject.contains("Information session"), "{}", en.subject);
        assert!(
            en.text.contains("http://x.example/nagaizumi/me"),
            "{}",
            en.text
        );
        let mut broken = stored(kind, "en", &letter);
        broken.letter = "{not json".into();
        assert!(write_stored(&broken, &[]).is_err());
    }

    #[test]
    fn a_message_queued_without_a_letter_is_sent_as_kept() {
        let mut message = stored(
            MessageKind::Mail(MailKind::SignupVerify),
            "ja",
            &Letter::default(),
        );
        message.letter = String::new();
        message.body_text = "本文".into();
        let written = write_stored(&message, &[]).unwrap();
        assert_eq!(
            (written.subject.as_str(), written.text.as_str()),
            ("queued", "本文")
        );
    }
}
