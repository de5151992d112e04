//! Messages to people by email, as text and HTML. A message is queued in the outbox as its
//! kind and arguments (a [`Letter`]) and written when it is sent ([`written`]), in the
//! language its recipient reads at that moment; delivery ([`delivery`]) is done by the worker
//! run by `wakucareer serve` and `wakucareer worker`, through SMTP when configured.

mod delivery;
mod written;

use std::collections::BTreeMap;

use domain::Municipality;
use domain::message::{MailKind, MessageKind, NoticeKind};
use serde::{Deserialize, Serialize};
use store::outbox::NewMessage;

pub use delivery::{Mailer, MailerError, Worker, deliver_due, message_id, retry_delay};
pub use written::{Written, write, write_stored};

use crate::error::WebError;
use crate::i18n::Lang;
use crate::letter::Arg;
use crate::state::AppState;

/// What a mail says, kept until it is sent: its arguments, whom it greets, and (for a notice's
/// copy) the absolute link it leads to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Letter {
    pub args: BTreeMap<String, Arg>,
    /// The recipient's name as greeted (empty when not known yet, as on a sign-up).
    pub reader: String,
    #[serde(default)]
    pub link: String,
}

impl Letter {
    /// A letter greeting `reader`, whose arguments are all plain text (links, numbers).
    pub fn about(reader: String, args: &[(&str, String)]) -> Self {
        Self {
            args: args
                .iter()
                .map(|(name, text)| ((*name).to_owned(), Arg::Text(text.clone())))
                .collect(),
            reader,
            link: String::new(),
        }
    }
}

/// Writes one mail about the recipient's account into the outbox.
pub async fn enqueue(
    state: &AppState,
    (town, lang): (&Municipality, Lang),
    kind: MailKind,
    recipient: &str,
    letter: Letter,
) -> Result<(), WebError> {
    let message = queued(town, lang, MessageKind::Mail(kind), recipient, &letter);
    state.store.enqueue_message(&message).await?;
    Ok(())
}

/// A mail about the recipient's account as queued, for a caller that writes it in its own
/// transaction (invitations from an import).
pub fn account_mail(
    town: &Municipality,
    lang: Lang,
    kind: MailKind,
    recipient: &str,
    letter: &Letter,
) -> NewMessage {
    queued(town, lang, MessageKind::Mail(kind), recipient, letter)
}

/// The email copy of a notice, to queue with it.
pub fn notice_copy(
    town: &Municipality,
    lang: Lang,
    kind: NoticeKind,
    recipient: &str,
    letter: &Letter,
) -> NewMessage {
    queued(town, lang, MessageKind::Notice(kind), recipient, letter)
}

/// A message as queued: its letter, and the subject staff see until it is sent.
fn queued(
    town: &Municipality,
    lang: Lang,
    kind: MessageKind,
    recipient: &str,
    letter: &Letter,
) -> NewMessage {
    NewMessage {
        municipality_id: Some(town.id),
        kind,
        recipient: recipient.to_owned(),
        lang: lang.code().to_owned(),
        letter: serde_json::to_string(letter).unwrap_or_default(),
        subject: write(lang, kind, letter, Some(town)).subject,
        body_text: String::new(),
        body_html: String::new(),
    }
}

/// An absolute link for an email.
pub fn link(state: &AppState, path: &str) -> String {
    format!("{}{path}", state.config.public_url.trim_end_matches('/'))
}
