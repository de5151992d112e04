//! What people are told, in their own language and on the channels they chose: an entry in
//! the in-app list, and an email (text and HTML) queued in the outbox. The words of each kind
//! of notice are the messages `notice-<kind>-title` and `notice-<kind>-body`.

use askama::Template;
use domain::Municipality;
use store::notification::{NewNotification, Recipient};
use store::outbox::NewMessage;

use crate::i18n::Lang;
use crate::page::town_name;
use crate::router::AppState;

/// Something that happened, to tell the recipients about.
pub struct Notice {
    /// `introduction-offered`, `organization-responded`, …
    pub kind: &'static str,
    pub args: Vec<(&'static str, String)>,
    /// A path within the site, where the recipient acts on it.
    pub link: String,
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
pub fn html(lang: Lang, subject: &str, brand: &str, text: &str) -> String {
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

/// The notifications of `notice` for each recipient.
pub fn compose(
    state: &AppState,
    town: &Municipality,
    notice: &Notice,
    recipients: &[Recipient],
) -> Vec<NewNotification> {
    recipients
        .iter()
        .map(|recipient| {
            let lang = Lang::from_code(&recipient.lang).unwrap_or_default();
            let mut args = notice.args.clone();
            args.push(("name", recipient.display_name.clone()));
            args.push(("town", town_name(lang, town).to_owned()));
            let title = lang.t_args(&format!("notice-{}-title", notice.kind), &args);
            let body = lang.t_args(&format!("notice-{}-body", notice.kind), &args);
            let email = (recipient.notify_by_email && !recipient.email.is_empty()).then(|| {
                let link = crate::mail::link(state, &notice.link);
                let brand = lang.t_args("mail-brand", &args);
                let subject = lang.t_args(
                    "mail-notice-subject",
                    &[
                        ("town", town_name(lang, town).to_owned()),
                        ("title", title.clone()),
                    ],
                );
                let text = lang.t_args(
                    "mail-notice-body",
                    &[
                        ("name", recipient.display_name.clone()),
                        ("body", body.clone()),
                        ("link", link),
                        ("brand", brand.clone()),
                    ],
                );
                NewMessage {
                    municipality_id: Some(town.id),
                    kind: notice.kind.replace('-', "_"),
                    recipient: recipient.email.clone(),
                    body_html: html(lang, &subject, &brand, &text),
                    subject,
                    body_text: text,
                }
            });
            NewNotification {
                account_id: store::account::AccountId(recipient.id),
                kind: notice.kind.replace('-', "_"),
                title,
                body,
                link: notice.link.clone(),
                in_app: recipient.notify_in_app,
                email,
            }
        })
        .collect()
}
