//! Messages to people, written into the outbox in the recipient's language. Delivery is
//! separate (see `wakucareer serve`, which sends through SMTP when configured).

use domain::MunicipalityId;
use store::outbox::NewMessage;

use crate::error::WebError;
use crate::i18n::Lang;
use crate::router::AppState;

/// A message type: its translation keys are `mail-<kind>-subject` and `mail-<kind>-body`.
#[derive(Debug, Clone, Copy)]
pub enum MailKind {
    PasswordReset,
    Invitation,
}

impl MailKind {
    fn code(self) -> &'static str {
        match self {
            MailKind::PasswordReset => "password-reset",
            MailKind::Invitation => "invitation",
        }
    }
}

/// Writes one message into the outbox.
pub async fn enqueue(
    state: &AppState,
    town: Option<MunicipalityId>,
    lang: Lang,
    kind: MailKind,
    recipient: &str,
    args: &[(&'static str, String)],
) -> Result<(), WebError> {
    let code = kind.code();
    let message = NewMessage {
        municipality_id: town,
        kind: code.replace('-', "_"),
        recipient: recipient.to_owned(),
        subject: lang.t_args(&format!("mail-{code}-subject"), args),
        body_text: lang.t_args(&format!("mail-{code}-body"), args),
    };
    state.store.enqueue_message(&message).await?;
    Ok(())
}

/// An absolute link for an email.
pub fn link(state: &AppState, path: &str) -> String {
    format!("{}{path}", state.config.public_url.trim_end_matches('/'))
}
