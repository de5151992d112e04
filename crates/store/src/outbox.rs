//! The mail outbox: messages are written here in the same transaction as what caused them and
//! delivered later, so nothing is lost when the mail server is down.
//!
//! Delivery by workers (`web::mail`): a worker claims due messages for a lease, so several
//! workers (on PostgreSQL, `FOR UPDATE SKIP LOCKED`) never send the same message at once; it
//! acknowledges each one sent, or releases it with its error and a later attempt time. A
//! worker that dies between sending and acknowledging leaves the claim to expire and the
//! message is sent again: delivery is at least once, and the `Message-ID` made from the
//! outbox id is the key a receiver uses to drop the duplicate. After [`MAX_ATTEMPTS`] failures
//! a message is dead: kept, counted for coordinators, and no longer tried.

use chrono::{DateTime, Utc};
use domain::MunicipalityId;
use domain::message::MessageKind;

use crate::{Store, StoreError};

/// A message to queue. It is written when it is sent, from its kind and `letter` (web::mail);
/// `subject` is how staff see it until then. A message with an empty letter is sent as its
/// `body_text` and `body_html` say (how tests queue plain mail, and how mail from before 0016
/// was kept).
#[derive(Debug, Clone)]
pub struct NewMessage {
    pub municipality_id: Option<MunicipalityId>,
    pub kind: MessageKind,
    pub recipient: String,
    /// The language to write it in when the address has no account (`ja` or `en`).
    pub lang: String,
    /// The kind's arguments (JSON).
    pub letter: String,
    pub subject: String,
    pub body_text: String,
    /// The same message as HTML (empty for text only).
    pub body_html: String,
}

/// Failed attempts after which a message is dead.
pub const MAX_ATTEMPTS: i32 = 8;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OutboxMessage {
    pub id: i64,
    pub municipality_id: Option<i64>,
    #[sqlx(try_from = "String")]
    pub kind: MessageKind,
    pub recipient: String,
    /// The language to write it in: the recipient account's current one where the address has
    /// an account in the town, else the one it was queued in.
    pub lang: String,
    pub letter: String,
    pub subject: String,
    pub body_text: String,
    pub created_at: DateTime<Utc>,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub next_attempt_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    pub body_html: String,
    pub dead_at: Option<DateTime<Utc>>,
}

/// A message as staff may see it: that it was queued, to whom, its subject and its state. It
/// has no body, because bodies carry secrets meant for the recipient alone (reset and
/// invitation links); staff pages can only be built from this.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OutboxSummary {
    pub id: i64,
    #[sqlx(try_from = "String")]
    pub kind: MessageKind,
    pub recipient: String,
    pub subject: String,
    pub created_at: DateTime<Utc>,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub sent_at: Option<DateTime<Utc>>,
    pub dead_at: Option<DateTime<Utc>>,
    /// The account the recipient address belongs to, if any.
    pub account_id: Option<i64>,
}

impl crate::audit::Subjects for OutboxSummary {
    fn subjects(&self) -> Vec<i64> {
        self.account_id.into_iter().collect()
    }
}

/// The account in the message's town (or among operators) that `o.recipient` belongs to.
const RECIPIENT_ACCOUNT: &str = "FROM account a WHERE a.email = o.recipient \
    AND (a.municipality_id = o.municipality_id OR (a.municipality_id IS NULL AND o.municipality_id IS NULL))";

fn summary_columns() -> String {
    format!(
        "o.id, o.kind, o.recipient, o.subject, o.created_at, o.attempts, o.last_error, o.sent_at, \
         o.dead_at, (SELECT MIN(a.id) {RECIPIENT_ACCOUNT}) AS account_id"
    )
}

/// Messages not sent yet: waiting or failing, and dead ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OutboxHealth {
    pub failing: i64,
    pub dead: i64,
}

/// A message's columns, its language the recipient's current one where they have an account.
fn columns() -> String {
    format!(
        "o.id, o.municipality_id, o.kind, o.recipient, \
         COALESCE((SELECT a.lang {RECIPIENT_ACCOUNT} ORDER BY a.id LIMIT 1), o.lang) AS lang, \
         o.letter, o.subject, o.body_text, o.created_at, o.attempts, o.last_error, \
         o.next_attempt_at, o.sent_at, o.body_html, o.dead_at"
    )
}

/// Queues a message inside the caller's transaction.
pub(crate) async fn insert_message(
    tx: &mut crate::Tx,
    message: &NewMessage,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let id: i64 = on_backend!(tx.exec(), c => sqlx::query_scalar(
        "INSERT INTO outbox_message (municipality_id, kind, recipient, subject, body_text, body_html, created_at, \
         next_attempt_at, lang, letter) VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9) RETURNING id")
        .bind(message.municipality_id.map(|m| m.0))
        .bind(message.kind.code())
        .bind(&message.recipient)
        .bind(&message.subject)
        .bind(&message.body_text)
        .bind(&message.body_html)
        .bind(now)
        .bind(&message.lang)
        .bind(&message.letter)
        .fetch_one(c)
        .await)?;
    Ok(id)
}

impl Store {
    pub async fn enqueue_message(&self, message: &NewMessage) -> Result<i64, StoreError> {
        let mut tx = self.begin().await?;
        let id = insert_message(&mut tx, message, Utc::now()).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Recent messages as staff may see them, newest first: of one town, or of all (`None`,
    /// operators). No body is read.
    pub async fn outbox_summaries(
        &self,
        municipality: Option<MunicipalityId>,
        limit: i64,
    ) -> Result<crate::audit::Unshown<Vec<OutboxSummary>>, StoreError> {
        let mut conn = self.conn().await?;
        let rows = match municipality {
            Some(town) => {
                let sql = format!(
                    "SELECT {} FROM outbox_message o WHERE o.municipality_id = $1 ORDER BY o.id DESC LIMIT $2",
                    summary_columns()
                );
                on_backend!(conn.exec(), c => sqlx::query_as::<_, OutboxSummary>(&sql)
                    .bind(town.0).bind(limit).fetch_all(c).await)?
            }
            None => {
                let sql = format!(
                    "SELECT {} FROM outbox_message o ORDER BY o.id DESC LIMIT $1",
                    summary_columns()
                );
                on_backend!(conn.exec(), c => sqlx::query_as::<_, OutboxSummary>(&sql)
                    .bind(limit).fetch_all(c).await)?
            }
        };
        Ok(crate::audit::Unshown::new(rows))
    }

    /// Recent messages with their bodies, newest first, for tests that read what a person was
    /// sent. Not built into the server: no page can show a body.
    #[cfg(feature = "testing")]
    pub async fn outbox(
        &self,
        municipality: Option<MunicipalityId>,
        limit: i64,
    ) -> Result<Vec<OutboxMessage>, StoreError> {
        let mut conn = self.conn().await?;
        let rows = match municipality {
            Some(town) => {
                let sql = format!(
                    "SELECT {} FROM outbox_message o WHERE o.municipality_id = $1 ORDER BY o.id DESC LIMIT $2",
                    columns()
                );
                on_backend!(conn.exec(), c => sqlx::query_as::<_, OutboxMessage>(&sql)
                    .bind(town.0).bind(limit).fetch_all(c).await)?
            }
            None => {
                let sql = format!(
                    "SELECT {} FROM outbox_message o ORDER BY o.id DESC LIMIT $1",
                    columns()
                );
                on_backend!(conn.exec(), c => sqlx::query_as::<_, OutboxMessage>(&sql)
                    .bind(limit).fetch_all(c).await)?
            }
        };
        Ok(rows)
    }

    /// Claims up to `limit` due messages for `worker` until `lease_until`: messages not sent,
    /// not dead, due, and not claimed by a worker whose lease still runs.
    pub async fn claim_due_messages(
        &self,
        worker: &str,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<OutboxMessage>, StoreError> {
        const DUE: &str = "sent_at IS NULL AND dead_at IS NULL AND next_attempt_at <= $3 \
                           AND (claimed_until IS NULL OR claimed_until < $3)";
        let lock = match self.backend() {
            crate::Backend::Postgres => "FOR UPDATE SKIP LOCKED",
            crate::Backend::Sqlite => "",
        };
        let sql = format!(
            "UPDATE outbox_message SET claimed_by = $1, claimed_until = $2 \
             WHERE {DUE} AND id IN (SELECT id FROM outbox_message WHERE {DUE} ORDER BY id LIMIT $4 {lock}) \
             RETURNING id"
        );
        let mut tx = self.begin().await?;
        let ids: Vec<i64> = on_backend!(tx.exec(), c => sqlx::query_scalar(&sql)
            .bind(worker).bind(lease_until).bind(now).bind(limit).fetch_all(c).await)?;
        if ids.is_empty() {
            tx.commit().await?;
            return Ok(Vec::new());
        }
        // The ids are integers the database just gave: written into the statement, not bound.
        let listed = ids
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "SELECT {} FROM outbox_message o WHERE o.id IN ({listed}) ORDER BY o.id",
            columns()
        );
        let rows = on_backend!(tx.exec(), c => sqlx::query_as::<_, OutboxMessage>(&sql)
            .fetch_all(c).await)?;
        tx.commit().await?;
        Ok(rows)
    }

    /// Records that `worker` sent the message, with the subject it was sent under (written
    /// then, in the recipient's language); `false` if its claim had passed to another.
    pub async fn acknowledge_sent(
        &self,
        (id, subject): (i64, &str),
        worker: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let mut conn = self.conn().await?;
        let changed = on_backend!(conn.exec(), c => sqlx::query(
            "UPDATE outbox_message SET sent_at = $1, attempts = attempts + 1, last_error = NULL, \
             claimed_by = NULL, claimed_until = NULL, subject = $4 \
             WHERE id = $2 AND claimed_by = $3 AND sent_at IS NULL")
            .bind(now).bind(id).bind(worker).bind(subject).execute(c).await.map(|r| r.rows_affected()))?;
        Ok(changed == 1)
    }

    /// Records a failed attempt: tried again at `retry_at`, or dead after [`MAX_ATTEMPTS`].
    pub async fn release_failed(
        &self,
        id: i64,
        worker: &str,
        error: &str,
        now: DateTime<Utc>,
        retry_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut conn = self.conn().await?;
        on_backend!(conn.exec(), c => sqlx::query(
            "UPDATE outbox_message SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2, \
             claimed_by = NULL, claimed_until = NULL, \
             dead_at = CASE WHEN attempts + 1 >= $3 THEN $4 ELSE NULL END \
             WHERE id = $5 AND claimed_by = $6")
            .bind(error).bind(retry_at).bind(MAX_ATTEMPTS).bind(now).bind(id).bind(worker)
            .execute(c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// How many of a town's messages are failing (tried at least once, not sent) or dead.
    pub async fn outbox_health(&self, town: MunicipalityId) -> Result<OutboxHealth, StoreError> {
        let mut conn = self.conn().await?;
        let (failing, dead): (i64, i64) = on_backend!(conn.exec(), c => sqlx::query_as(
            "SELECT COALESCE(SUM(CASE WHEN dead_at IS NULL AND attempts > 0 THEN 1 ELSE 0 END), 0), \
             COALESCE(SUM(CASE WHEN dead_at IS NOT NULL THEN 1 ELSE 0 END), 0) \
             FROM outbox_message WHERE municipality_id = $1 AND sent_at IS NULL")
            .bind(town.0).fetch_one(c).await)?;
        Ok(OutboxHealth { failing, dead })
    }
}
