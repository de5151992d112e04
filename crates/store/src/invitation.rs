//! Invitations: the only way staff and organization accounts are created. Single use and
//! expiring; only a hash of the token is stored.

use chrono::{DateTime, Utc};
use domain::{MunicipalityId, Role};

use crate::account::{Account, AccountId, NewAccountRecord, insert_account};
use crate::{StoreError, TenantStore};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub id: i64,
    pub municipality_id: MunicipalityId,
    pub email: String,
    pub role: Role,
    pub organization_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub accepted_at: Option<DateTime<Utc>>,
}

impl Invitation {
    pub fn is_open(&self, now: DateTime<Utc>) -> bool {
        self.accepted_at.is_none() && now < self.expires_at
    }
}

#[derive(sqlx::FromRow)]
struct InvitationRow {
    id: i64,
    municipality_id: i64,
    email: String,
    role: String,
    organization_id: Option<i64>,
    created_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    accepted_at: Option<DateTime<Utc>>,
}

const COLUMNS: &str =
    "id, municipality_id, email, role, organization_id, created_at, expires_at, accepted_at";

impl TryFrom<InvitationRow> for Invitation {
    type Error = StoreError;
    fn try_from(row: InvitationRow) -> Result<Self, StoreError> {
        Ok(Invitation {
            id: row.id,
            municipality_id: MunicipalityId(row.municipality_id),
            email: row.email,
            role: Role::from_code(&row.role).ok_or_else(|| StoreError::Corrupt {
                table: "invitation",
                detail: format!("role {}", row.role),
            })?,
            organization_id: row.organization_id,
            created_at: row.created_at,
            expires_at: row.expires_at,
            accepted_at: row.accepted_at,
        })
    }
}

/// An invitation about to be stored.
#[derive(Debug, Clone)]
pub struct NewInvitation {
    pub email: String,
    pub role: Role,
    pub organization_id: Option<i64>,
    pub token_hash: String,
    pub invited_by: AccountId,
    pub expires_at: DateTime<Utc>,
}

impl TenantStore<'_> {
    /// Creates an invitation, closing any open one to the same address in the town first, so
    /// at most one link for an address works at a time.
    pub async fn create_invitation(&self, new: &NewInvitation) -> Result<Invitation, StoreError> {
        let now = Utc::now();
        let mut tx = self.store.begin().await?;
        on_backend!(tx.exec(), c => sqlx::query(
            "UPDATE invitation SET expires_at = $1 WHERE municipality_id = $2 AND email = $3 \
             AND accepted_at IS NULL AND expires_at > $1")
            .bind(now).bind(self.municipality_id.0).bind(&new.email)
            .execute(c).await.map(|r| r.rows_affected()))?;
        let sql = format!(
            "INSERT INTO invitation (municipality_id, email, role, organization_id, token_hash, invited_by, \
             created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING {COLUMNS}"
        );
        let row = on_backend!(tx.exec(), c => sqlx::query_as::<_, InvitationRow>(&sql)
            .bind(self.municipality_id.0)
            .bind(&new.email)
            .bind(new.role.code())
            .bind(new.organization_id)
            .bind(&new.token_hash)
            .bind(new.invited_by.0)
            .bind(now)
            .bind(new.expires_at)
            .fetch_one(c)
            .await)?;
        tx.commit().await?;
        Invitation::try_from(row)
    }

    /// The invitation with this token in this town, open or not.
    pub async fn invitation_by_token(
        &self,
        token_hash: &str,
    ) -> Result<Option<Invitation>, StoreError> {
        let mut conn = self.store.conn().await?;
        let sql = format!(
            "SELECT {COLUMNS} FROM invitation WHERE municipality_id = $1 AND token_hash = $2"
        );
        let row = on_backend!(conn.exec(), c => sqlx::query_as::<_, InvitationRow>(&sql)
            .bind(self.municipality_id.0)
            .bind(token_hash)
            .fetch_optional(c)
            .await)?;
        row.map(Invitation::try_from).transpose()
    }

    /// Creates the invited account and closes the invitation, both or neither. An invitation
    /// that is used, expired or unknown is [`StoreError::Gone`].
    pub async fn accept_invitation(
        &self,
        token_hash: &str,
        display_name: &str,
        furigana: &str,
        password_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Account, StoreError> {
        let mut tx = self.store.begin().await?;
        let sql = format!(
            "UPDATE invitation SET accepted_at = $1 WHERE municipality_id = $2 AND token_hash = $3 \
             AND accepted_at IS NULL AND expires_at > $1 RETURNING {COLUMNS}"
        );
        let row = on_backend!(tx.exec(), c => sqlx::query_as::<_, InvitationRow>(&sql)
            .bind(now)
            .bind(self.municipality_id.0)
            .bind(token_hash)
            .fetch_optional(c)
            .await)?;
        let invitation = Invitation::try_from(row.ok_or(StoreError::Gone)?)?;
        let record = NewAccountRecord {
            role: invitation.role,
            organization_id: invitation.organization_id,
            email: invitation.email,
            display_name: display_name.to_owned(),
            furigana: furigana.to_owned(),
            password_hash: password_hash.to_owned(),
        };
        let account = insert_account(tx.exec(), Some(self.municipality_id), &record, now).await?;
        tx.commit().await?;
        Ok(account)
    }

    /// The town's invitations, newest first.
    pub async fn invitations(&self, limit: i64) -> Result<Vec<Invitation>, StoreError> {
        let mut conn = self.store.conn().await?;
        let sql = format!(
            "SELECT {COLUMNS} FROM invitation WHERE municipality_id = $1 ORDER BY id DESC LIMIT $2"
        );
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, InvitationRow>(&sql)
            .bind(self.municipality_id.0)
            .bind(limit)
            .fetch_all(c)
            .await)?;
        rows.into_iter().map(Invitation::try_from).collect()
    }
}
