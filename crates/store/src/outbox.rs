//! The mail outbox: messages are written here in the same transaction as what caused them and
//! delivered later, so nothing is lost when the mail server is down.

use chrono::{DateTime, Utc};
use domain::MunicipalityId;

use crate::{Store, StoreError};

#[derive(Debug, Clone)]
pub struct NewMessage {
    pub municipality_id: Option<MunicipalityId>,
    /// The message type, e.g. `password_reset`, `invitation`.
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OutboxMessage {
    pub id: i64,
    pub municipality_id: Option<i64>,
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub created_at: DateTime<Utc>,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub next_attempt_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

const COLUMNS: &str = "id, municipality_id, kind, recipient, subject, body_text, created_at, attempts, \
                       last_error, next_attempt_at, sent_at";

impl Store {
    pub async fn enqueue_message(&self, message: &NewMessage) -> Result<i64, StoreError> {
        let mut tx = self.begin().await?;
        let now = Utc::now();
        let id: i64 = on_backend!(tx.exec(), c => sqlx::query_scalar(
            "INSERT INTO outbox_message (municipality_id, kind, recipient, subject, body_text, created_at, \
             next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id")
            .bind(message.municipality_id.map(|m| m.0))
            .bind(&message.kind)
            .bind(&message.recipient)
            .bind(&message.subject)
            .bind(&message.body_text)
            .bind(now)
            .fetch_one(c)
            .await)?;
        tx.commit().await?;
        Ok(id)
    }

    /// Recent messages, newest first: of one town, or of all (`None`, operators).
    pub async fn outbox(
        &self,
        municipality: Option<MunicipalityId>,
        limit: i64,
    ) -> Result<Vec<OutboxMessage>, StoreError> {
        let mut conn = self.conn().await?;
        let rows = match municipality {
            Some(town) => {
                let sql = format!(
                    "SELECT {COLUMNS} FROM outbox_message WHERE municipality_id = $1 ORDER BY id DESC LIMIT $2"
                );
                on_backend!(conn.exec(), c => sqlx::query_as::<_, OutboxMessage>(&sql)
                    .bind(town.0).bind(limit).fetch_all(c).await)?
            }
            None => {
                let sql = format!("SELECT {COLUMNS} FROM outbox_message ORDER BY id DESC LIMIT $1");
                on_backend!(conn.exec(), c => sqlx::query_as::<_, OutboxMessage>(&sql)
                    .bind(limit).fetch_all(c).await)?
            }
        };
        Ok(rows)
    }

    /// Messages due for a delivery attempt.
    pub async fn due_messages(
        &self,
        now: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<OutboxMessage>, StoreError> {
        let mut conn = self.conn().await?;
        let sql = format!(
            "SELECT {COLUMNS} FROM outbox_message WHERE sent_at IS NULL AND next_attempt_at <= $1 ORDER BY id LIMIT $2"
        );
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, OutboxMessage>(&sql)
            .bind(now).bind(limit).fetch_all(c).await)?;
        Ok(rows)
    }

    pub async fn mark_message_sent(&self, id: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
        let mut conn = self.conn().await?;
        on_backend!(conn.exec(), c => sqlx::query(
            "UPDATE outbox_message SET sent_at = $1, attempts = attempts + 1, last_error = NULL WHERE id = $2")
            .bind(now).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn mark_message_failed(
        &self,
        id: i64,
        error: &str,
        retry_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut conn = self.conn().await?;
        on_backend!(conn.exec(), c => sqlx::query(
            "UPDATE outbox_message SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2 WHERE id = $3")
            .bind(error).bind(retry_at).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }
}
