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

/// Sends outbox messages through SMTP.
///
/// Delivery is at least once: a message is marked sent after the server accepted it, so a
/// crash between the two sends it again. Every message carries a `Message-ID` made from its
/// outbox id, which a receiver can use to drop the duplicate.
pub struct Mailer {
    transport: lettre::AsyncSmtpTransport<lettre::Tokio1Executor>,
    from: lettre::message::Mailbox,
}

/// How many messages one delivery round sends at most.
const BATCH: i64 = 50;

#[derive(Debug, thiserror::Error)]
pub enum MailerError {
    #[error(
        "the SMTP URL is not valid ({0}); write smtp://HOST:PORT or smtps://USER:PASSWORD@HOST:PORT"
    )]
    Url(String),
    #[error("the sender address {0:?} is not valid; write e.g. noreply@example.jp")]
    From(String),
}

impl Mailer {
    pub fn new(smtp_url: &str, from: &str) -> Result<Self, MailerError> {
        let transport = lettre::AsyncSmtpTransport::<lettre::Tokio1Executor>::from_url(smtp_url)
            .map_err(|e| MailerError::Url(e.to_string()))?
            .timeout(Some(std::time::Duration::from_secs(20)))
            .build();
        let from = from
            .parse()
            .map_err(|_| MailerError::From(from.to_owned()))?;
        Ok(Self { transport, from })
    }

    async fn send(&self, message: &store::outbox::OutboxMessage) -> Result<(), String> {
        use lettre::AsyncTransport;
        let host = self.from.email.domain().to_owned();
        let email = lettre::Message::builder()
            .from(self.from.clone())
            .to(message
                .recipient
                .parse()
                .map_err(|e| format!("recipient: {e}"))?)
            .subject(message.subject.clone())
            .message_id(Some(format!("<outbox-{}@{host}>", message.id)))
            .header(lettre::message::header::ContentType::TEXT_PLAIN)
            .body(message.body_text.clone())
            .map_err(|e| e.to_string())?;
        self.transport
            .send(email)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

/// The wait before the next attempt after `attempts` failures: 30 s, doubling, at most 6 h.
pub fn retry_delay(attempts: i32) -> chrono::Duration {
    let doublings = u32::try_from(attempts.max(0)).unwrap_or(0).min(10);
    chrono::Duration::seconds((30_i64 << doublings).min(6 * 3600))
}

/// Sends the messages that are due; returns how many were sent. A failure leaves the message
/// queued with its error and a later attempt time.
pub async fn deliver_due(
    store: &store::Store,
    mailer: &Mailer,
) -> Result<usize, store::StoreError> {
    let now = chrono::Utc::now();
    let mut sent = 0;
    for message in store.due_messages(now, BATCH).await? {
        match mailer.send(&message).await {
            Ok(()) => {
                store
                    .mark_message_sent(message.id, chrono::Utc::now())
                    .await?;
                sent += 1;
            }
            Err(error) => {
                tracing::warn!(id = message.id, %error, "mail delivery failed; will retry");
                let retry_at = chrono::Utc::now() + retry_delay(message.attempts + 1);
                store
                    .mark_message_failed(message.id, &error, retry_at)
                    .await?;
            }
        }
    }
    Ok(sent)
}

#[cfg(test)]
mod tests {
    use super::retry_delay;

    #[test]
    fn retries_back_off_exponentially_up_to_six_hours() {
        assert_eq!(retry_delay(0).num_seconds(), 30);
        assert_eq!(retry_delay(1).num_seconds(), 60);
        assert_eq!(retry_delay(3).num_seconds(), 240);
        assert_eq!(retry_delay(20).num_seconds(), 6 * 3600);
    }
}
