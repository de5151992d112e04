//! What people are told, in their own language and on the channels they chose: an entry in
//! the in-app list, and an email (text and HTML) queued in the outbox. The words of each kind
//! of notice are the messages `notice-<kind>-title` and `notice-<kind>-body`.

use domain::Municipality;
use store::notification::{NewNotification, Recipient};
use store::outbox::NewMessage;

use crate::i18n::Lang;
use crate::page::town_name;
use crate::state::AppState;

/// Something that happened, to tell the recipients about.
pub struct Notice {
    /// `introduction-offered`, `organization-responded`, …
    pub kind: &'static str,
    pub args: Vec<(&'static str, String)>,
    /// A path within the site, where the recipient acts on it.
    pub link: String,
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
                    body_html: crate::mail::html(lang, &subject, &brand, &text),
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
