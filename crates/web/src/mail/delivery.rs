//! Delivery: a worker claims due messages, writes each in its recipient's language, and sends
//! it through SMTP or into the spool folder.

use super::written::{Written, write_stored};

/// Sends outbox messages: through SMTP, or, on an installation without a mail server, into a
/// spool folder on the server that only the server's user can read (each message a `.eml`
/// file, mode 0600 in a 0700 folder), so nobody reads another person's links on a web page.
pub struct Mailer {
    transport: Transport,
    from: lettre::message::Mailbox,
}

enum Transport {
    Smtp(lettre::AsyncSmtpTransport<lettre::Tokio1Executor>),
    Spool(std::path::PathBuf),
}

/// How many messages one claim takes at most: each is sent within the SMTP timeout, so the
/// batch is done well inside the claim's lease (5 × 20 s against 2 minutes). The lease is
/// how long mail claimed by a worker that died waits for another.
const BATCH: i64 = 5;
/// Claims per round at most, so a long queue does not hold up the worker's other work.
const BATCHES_PER_ROUND: usize = 40;

#[derive(Debug, thiserror::Error)]
pub enum MailerError {
    #[error(
        "the SMTP URL is not valid ({0}); write smtp://HOST:PORT or smtps://USER:PASSWORD@HOST:PORT"
    )]
    Url(String),
    #[error("the sender address {0:?} is not valid; write e.g. noreply@example.jp")]
    From(String),
    #[error("cannot create the mail spool folder {0}: {1}")]
    Spool(String, String),
}

impl Mailer {
    pub fn new(smtp_url: &str, from: &str) -> Result<Self, MailerError> {
        let transport = lettre::AsyncSmtpTransport::<lettre::Tokio1Executor>::from_url(smtp_url)
            .map_err(|e| MailerError::Url(e.to_string()))?
            .timeout(Some(std::time::Duration::from_secs(20)))
            .build();
        Ok(Self {
            transport: Transport::Smtp(transport),
            from: sender(from)?,
        })
    }

    /// A mailer that writes each message to `folder` (created, readable by this user only).
    pub fn spool(folder: &std::path::Path, from: &str) -> Result<Self, MailerError> {
        let fail =
            |e: std::io::Error| MailerError::Spool(folder.display().to_string(), e.to_string());
        std::fs::create_dir_all(folder).map_err(fail)?;
        restrict(folder, 0o700).map_err(fail)?;
        Ok(Self {
            transport: Transport::Spool(folder.to_owned()),
            from: sender(from)?,
        })
    }

    pub async fn send(
        &self,
        message: &store::outbox::OutboxMessage,
        written: &Written,
    ) -> Result<(), String> {
        let email = self.build(message, written)?;
        match &self.transport {
            Transport::Smtp(transport) => {
                use lettre::AsyncTransport;
                transport
                    .send(email)
                    .await
                    .map(|_| ())
                    .map_err(|e| e.to_string())
            }
            Transport::Spool(folder) => {
                let path = folder.join(format!("{:08}-{}.eml", message.id, message.kind.code()));
                write_private(&path, &email.formatted()).map_err(|e| e.to_string())
            }
        }
    }

    fn build(
        &self,
        message: &store::outbox::OutboxMessage,
        written: &Written,
    ) -> Result<lettre::Message, String> {
        let host = self.from.email.domain().to_owned();
        let email = lettre::Message::builder()
            .from(self.from.clone())
            .to(message
                .recipient
                .parse()
                .map_err(|e| format!("recipient: {e}"))?)
            .subject(written.subject.clone())
            .message_id(Some(message_id(message.id, &host)));
        if written.html.is_empty() {
            email
                .header(lettre::message::header::ContentType::TEXT_PLAIN)
                .body(written.text.clone())
        } else {
            email.multipart(lettre::message::MultiPart::alternative_plain_html(
                written.text.clone(),
                written.html.clone(),
            ))
        }
        .map_err(|e| e.to_string())
    }
}

fn sender(from: &str) -> Result<lettre::message::Mailbox, MailerError> {
    from.parse().map_err(|_| MailerError::From(from.to_owned()))
}

#[cfg(unix)]
fn restrict(path: &std::path::Path, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn restrict(_: &std::path::Path, _: u32) -> std::io::Result<()> {
    Ok(())
}

/// Writes a file only this user can read, created with that mode (never readable in between).
fn write_private(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// The wait before the next attempt after `attempts` failures: 30 s, doubling, at most 6 h.
pub fn retry_delay(attempts: i32) -> chrono::Duration {
    let doublings = u32::try_from(attempts.max(0)).unwrap_or(0).min(10);
    chrono::Duration::seconds((30_i64 << doublings).min(6 * 3600))
}

/// The `Message-ID` of an outbox message: the same on every attempt, so a receiver can drop
/// a duplicate sent after a worker died between sending and acknowledging.
pub fn message_id(outbox_id: i64, host: &str) -> String {
    format!("<outbox-{outbox_id}@{host}>")
}

/// A delivery worker: its name in claims, and how long a claim lasts.
pub struct Worker {
    pub name: String,
    pub lease: chrono::Duration,
}

impl Worker {
    /// A worker named after this host and process.
    pub fn new() -> Self {
        let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "host".to_owned());
        Self {
            name: format!("{host}-{}-{:08x}", std::process::id(), rand_suffix()),
            lease: chrono::Duration::minutes(2),
        }
    }

    /// Claims the due messages and sends them; returns how many were sent. A failure leaves
    /// the message queued with its error and a later attempt time (dead after
    /// [`store::outbox::MAX_ATTEMPTS`]).
    pub async fn deliver_due(
        &self,
        store: &store::Store,
        mailer: &Mailer,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<usize, store::StoreError> {
        // The towns' names, in each language, for the mail written in this round.
        let towns = store.municipalities().await?;
        let mut sent = 0;
        for _ in 0..BATCHES_PER_ROUND {
            let claimed = store
                .claim_due_messages(&self.name, now, chrono::Utc::now() + self.lease, BATCH)
                .await?;
            let full = claimed.len() as i64 == BATCH;
            for message in claimed {
                sent += usize::from(self.send_one(store, mailer, &towns, message).await?);
            }
            if !full {
                break;
            }
        }
        Ok(sent)
    }

    /// Writes and sends one claimed message; whether it was sent and acknowledged.
    async fn send_one(
        &self,
        store: &store::Store,
        mailer: &Mailer,
        towns: &[domain::Municipality],
        message: store::outbox::OutboxMessage,
    ) -> Result<bool, store::StoreError> {
        let sent = match write_stored(&message, towns) {
            Ok(written) => mailer.send(&message, &written).await.map(|()| written),
            Err(error) => Err(error),
        };
        match sent {
            Ok(written) => {
                store
                    .acknowledge_sent(
                        (message.id, &written.subject),
                        &self.name,
                        chrono::Utc::now(),
                    )
                    .await
            }
            Err(error) => {
                tracing::warn!(id = message.id, %error, "mail delivery failed; will retry");
                let now = chrono::Utc::now();
                let retry_at = now + retry_delay(message.attempts + 1);
                store
                    .release_failed(message.id, &self.name, &error, now, retry_at)
                    .await?;
                Ok(false)
            }
        }
    }
}

impl Default for Worker {
    fn default() -> Self {
        Self::new()
    }
}

fn rand_suffix() -> u32 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    hasher.finish() as u32
}

/// One delivery round by a fresh worker, now.
pub async fn deliver_due(
    store: &store::Store,
    mailer: &Mailer,
) -> Result<usize, store::StoreError> {
    Worker::new()
        .deliver_due(store, mailer, chrono::Utc::now())
        .await
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
