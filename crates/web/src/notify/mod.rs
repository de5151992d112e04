//! What people are told, on the channels they chose: an entry in the in-app list, and an
//! email (text and HTML) queued in the outbox.
//!
//! A notice is its [`NoticeKind`] and typed [`Arg`]s, kept as they are: the in-app entry is
//! written anew each time it is read ([`reread`]), in the language of the page it is read on,
//! and the email when it is sent (`mail`), in the language its recipient reads then.
//!
//! - [`booking`]: who is told what about bookings;
//! - [`introduction`]: who is told what when an introduction moves;
//! - [`casework`]: what coordinators are told when residents reach out.

pub mod booking;
pub mod casework;
pub mod introduction;

use std::collections::BTreeMap;

use domain::Municipality;
pub use domain::message::NoticeKind;
use store::notification::{NewNotification, Recipient};

use crate::i18n::Lang;
pub use crate::letter::Arg;
use crate::mail::Letter;
use crate::page::town_name;
use crate::state::AppState;

/// Something that happened, to tell the recipients about.
pub struct Notice {
    pub kind: NoticeKind,
    pub args: Vec<(&'static str, Arg)>,
    /// A path within the site, where the recipient acts on it.
    pub link: String,
}

/// A stored notification's title and body for the page it is read on: written anew from its
/// kind and arguments, or as stored for one from before they were kept.
pub fn reread(
    lang: Lang,
    stored: &store::notification::Notification,
    reader: &str,
    town: &str,
) -> (String, String) {
    match serde_json::from_str::<BTreeMap<String, Arg>>(&stored.args) {
        Ok(args) => crate::letter::write(lang, stored.kind, &args, (reader, town)),
        Err(_) => (stored.title.clone(), stored.body.clone()),
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
    let link = crate::mail::link(state, &notice.link);
    recipients
        .iter()
        .map(|recipient| {
            let lang = Lang::from_code(&recipient.lang).unwrap_or_default();
            let reader = (recipient.display_name.as_str(), town_name(lang, town));
            let (title, body) = crate::letter::write(lang, notice.kind, &args, reader);
            let email = (recipient.notify_by_email && !recipient.email.is_empty()).then(|| {
                let letter = Letter {
                    args: args.clone(),
                    reader: recipient.display_name.clone(),
                    link: link.clone(),
                };
                crate::mail::notice_copy(town, lang, notice.kind, &recipient.email, &letter)
            });
            NewNotification {
                account_id: store::account::AccountId(recipient.id),
                kind: notice.kind,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notification_from_before_arguments_were_kept_reads_as_stored() {
        let stored = store::notification::Notification {
            id: 1,
            kind: NoticeKind::BookingConfirmed,
            title: "お申し込みを受け付けました".into(),
            body: "本文".into(),
            args: String::new(),
            link: String::new(),
            created_at: chrono::Utc::now(),
            read_at: None,
        };
        assert_eq!(
            reread(Lang::En, &stored, "Hanako", "Nagaizumi"),
            ("お申し込みを受け付けました".to_owned(), "本文".to_owned())
        );
    }
}
