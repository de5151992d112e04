//! Notifications: an in-app list with unread counts, and the email copy queued in the outbox,
//! written in the same transaction as the event that caused them. Each account chooses its
//! channels and has a language for what is written to it.

use chrono::{DateTime, Utc};
use domain::MunicipalityId;
use domain::message::NoticeKind;

use crate::account::AccountId;
use crate::outbox::{NewMessage, insert_message};
use crate::{Store, StoreError, TenantStore, Tx};

/// Whom to notify, and how they want to hear.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Recipient {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub lang: String,
    pub notify_by_email: bool,
    pub notify_in_app: bool,
}

/// One notification to write: in the app (when `in_app`), by email (when `email` is set).
#[derive(Debug, Clone)]
pub struct NewNotification {
    pub account_id: AccountId,
    pub kind: NoticeKind,
    /// The title and body as written in the recipient's language when it was made.
    pub title: String,
    pub body: String,
    /// The kind's arguments (JSON), to write it anew in the reader's language.
    pub args: String,
    /// A path within the site.
    pub link: String,
    pub in_app: bool,
    pub email: Option<NewMessage>,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Notification {
    pub id: i64,
    #[sqlx(try_from = "String")]
    pub kind: NoticeKind,
    pub title: String,
    pub body: String,
    pub args: String,
    pub link: String,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
}

const RECIPIENT: &str =
    "SELECT id, email, display_name, lang, notify_by_email, notify_in_app FROM account";

/// Writes notifications inside the caller's transaction.
pub(crate) async fn write_notifications(
    tx: &mut Tx,
    town: Option<MunicipalityId>,
    notifications: &[NewNotification],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    for n in notifications {
        if n.in_app {
            on_backend!(tx.exec(), c => sqlx::query(
                "INSERT INTO notification (municipality_id, account_id, kind, title, body, args, link, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .bind(town.map(|t| t.0)).bind(n.account_id.0).bind(n.kind.code()).bind(&n.title).bind(&n.body)
                .bind(&n.args).bind(&n.link).bind(now).execute(c).await.map(|r| r.rows_affected()))?;
        }
        if let Some(message) = &n.email {
            let message = NewMessage {
                municipality_id: message.municipality_id.or(town),
                ..message.clone()
            };
            insert_message(tx, &message, now).await?;
        }
    }
    Ok(())
}

impl TenantStore<'_> {
    /// The town's accounts with these ids, as recipients.
    pub async fn recipients(&self, ids: &[AccountId]) -> Result<Vec<Recipient>, StoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        // Ids are integers, written into the statement: one query for the whole list.
        let listed = ids
            .iter()
            .map(|id| id.0.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let mut conn = self.store.conn().await?;
        let sql = format!(
            "{RECIPIENT} WHERE deleted_at IS NULL AND municipality_id = $1 AND id IN ({listed})"
        );
        let mut found = on_backend!(conn.exec(), c => sqlx::query_as::<_, Recipient>(&sql)
            .bind(self.municipality_id.0).fetch_all(c).await)?;
        // In the order asked for, as before.
        found.sort_by_key(|r| ids.iter().position(|id| id.0 == r.id));
        Ok(found)
    }

    /// The members of an organization in this town.
    pub async fn organization_recipients(
        &self,
        organization: i64,
    ) -> Result<Vec<Recipient>, StoreError> {
        let mut conn = self.store.conn().await?;
        let sql = format!(
            "{RECIPIENT} WHERE deleted_at IS NULL AND municipality_id = $1 AND organization_id = $2 ORDER BY id"
        );
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, Recipient>(&sql)
            .bind(self.municipality_id.0).bind(organization).fetch_all(c).await)?;
        Ok(rows)
    }

    /// The town's coordinators, as recipients: the team told of what no one has taken up yet.
    pub async fn coordinator_team(&self) -> Result<Vec<Recipient>, StoreError> {
        let mut conn = self.store.conn().await?;
        let sql = format!(
            "{RECIPIENT} WHERE deleted_at IS NULL AND municipality_id = $1 AND role = 'coordinator' ORDER BY id"
        );
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, Recipient>(&sql)
            .bind(self.municipality_id.0).fetch_all(c).await)?;
        Ok(rows)
    }

    /// The person's coordinator: whoever held their latest hearing, or the whole team when no
    /// one has yet.
    pub async fn coordinators_of(
        &self,
        participant: AccountId,
    ) -> Result<Vec<Recipient>, StoreError> {
        let sql = format!(
            "{RECIPIENT} WHERE deleted_at IS NULL AND municipality_id = $1 AND role = 'coordinator' AND id = \
             (SELECT coordinator_id FROM hearing WHERE municipality_id = $1 AND participant_id = $2 \
              ORDER BY held_on DESC, id DESC LIMIT 1)"
        );
        let mut conn = self.store.conn().await?;
        let held: Vec<Recipient> = on_backend!(conn.exec(), c => sqlx::query_as::<_, Recipient>(&sql)
            .bind(self.municipality_id.0).bind(participant.0).fetch_all(c).await)?;
        drop(conn);
        if held.is_empty() {
            return self.coordinator_team().await;
        }
        Ok(held)
    }

    /// Writes notifications on their own (for events that change nothing else).
    pub async fn notify(&self, notifications: &[NewNotification]) -> Result<(), StoreError> {
        let mut tx = self.store.begin().await?;
        write_notifications(
            &mut tx,
            Some(self.municipality_id),
            notifications,
            Utc::now(),
        )
        .await?;
        tx.commit().await
    }
}

impl Store {
    /// An account's notifications, newest first.
    pub async fn notifications(
        &self,
        account: AccountId,
        limit: i64,
    ) -> Result<Vec<Notification>, StoreError> {
        let mut conn = self.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, Notification>(
            "SELECT id, kind, title, body, args, link, created_at, read_at FROM notification \
             WHERE account_id = $1 ORDER BY id DESC LIMIT $2")
            .bind(account.0).bind(limit).fetch_all(c).await)?;
        Ok(rows)
    }

    pub async fn unread_notifications(&self, account: AccountId) -> Result<i64, StoreError> {
        let mut conn = self.conn().await?;
        let count: i64 = on_backend!(conn.exec(), c => sqlx::query_scalar(
            "SELECT COUNT(*) FROM notification WHERE account_id = $1 AND read_at IS NULL")
            .bind(account.0).fetch_one(c).await)?;
        Ok(count)
    }

    /// Marks every notification of the account read.
    pub async fn mark_notifications_read(&self, account: AccountId) -> Result<u64, StoreError> {
        let mut conn = self.conn().await?;
        let changed = on_backend!(conn.exec(), c => sqlx::query(
            "UPDATE notification SET read_at = $1 WHERE account_id = $2 AND read_at IS NULL")
            .bind(Utc::now()).bind(account.0).execute(c).await.map(|r| r.rows_affected()))?;
        Ok(changed)
    }

    /// How the account wants to be notified: (by email, in the app, language).
    pub async fn notification_channels(
        &self,
        account: AccountId,
    ) -> Result<(bool, bool, String), StoreError> {
        let mut conn = self.conn().await?;
        let row: (bool, bool, String) = on_backend!(conn.exec(), c => sqlx::query_as(
            "SELECT notify_by_email, notify_in_app, lang FROM account WHERE id = $1")
            .bind(account.0).fetch_one(c).await)?;
        Ok(row)
    }

    pub async fn set_notification_channels(
        &self,
        account: AccountId,
        by_email: bool,
        in_app: bool,
    ) -> Result<(), StoreError> {
        let mut conn = self.conn().await?;
        on_backend!(conn.exec(), c => sqlx::query(
            "UPDATE account SET notify_by_email = $1, notify_in_app = $2 WHERE id = $3")
            .bind(by_email).bind(in_app).bind(account.0).execute(c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// The language the account reads, for what is written to it later (`ja` or `en`).
    pub async fn set_account_lang(&self, account: AccountId, lang: &str) -> Result<(), StoreError> {
        let mut conn = self.conn().await?;
        on_backend!(conn.exec(), c => sqlx::query("UPDATE account SET lang = $1 WHERE id = $2")
            .bind(lang).bind(account.0).execute(c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }
}
