//! Invitations: the only way staff and organization accounts are created, and how people a
//! town brings in from its own list are asked to register (with the name, furigana and
//! basis the list gives; the account is made only when they accept and consent). Single use
//! and expiring; only a hash of the token is stored.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use domain::import::participant::Invitee;
use domain::municipality::EligibilityBasis;
use domain::{MunicipalityId, Role};

use crate::account::{Account, AccountId, NewAccountRecord, insert_account};
use crate::outbox::NewMessage;
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
    /// For a participant from the town's list: the name, furigana and basis it gives.
    pub display_name: String,
    pub furigana: String,
    pub eligibility_basis: Option<EligibilityBasis>,
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
    display_name: String,
    furigana: String,
    eligibility_basis: Option<String>,
}

const COLUMNS: &str = "id, municipality_id, email, role, organization_id, created_at, expires_at, \
     accepted_at, display_name, furigana, eligibility_basis";

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
            display_name: row.display_name,
            furigana: row.furigana,
            eligibility_basis: row
                .eligibility_basis
                .as_deref()
                .and_then(EligibilityBasis::from_code),
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

/// A participant from the town's list to invite: who, the link's digest, and the mail that
/// carries the link.
pub struct ParticipantInvitation {
    pub invitee: Invitee,
    pub token_hash: String,
    pub mail: NewMessage,
}

/// Closes any open invitation to `email` in the town, so at most one link works at a time.
async fn close_open(
    tx: &mut crate::Tx,
    town: MunicipalityId,
    email: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    on_backend!(tx.exec(), c => sqlx::query(
        "UPDATE invitation SET expires_at = $1 WHERE municipality_id = $2 AND email = $3 \
         AND accepted_at IS NULL AND expires_at > $1")
        .bind(now).bind(town.0).bind(email)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

impl TenantStore<'_> {
    /// Creates an invitation, closing any open one to the same address in the town first, so
    /// at most one link for an address works at a time.
    pub async fn create_invitation(&self, new: &NewInvitation) -> Result<Invitation, StoreError> {
        let now = Utc::now();
        let mut tx = self.store.begin().await?;
        close_open(&mut tx, self.municipality_id, &new.email, now).await?;
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
             AND accepted_at IS NULL AND expires_at > $1 AND role <> 'participant' RETURNING {COLUMNS}"
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

impl TenantStore<'_> {
    /// Invites the people of a town's list, each with their mail, all or none: an open
    /// invitation to the same address is closed first.
    pub async fn invite_participants(
        &self,
        invitations: &[ParticipantInvitation],
        (invited_by, expires_at): (AccountId, DateTime<Utc>),
    ) -> Result<usize, StoreError> {
        let now = Utc::now();
        let town = self.municipality_id;
        let mut tx = self.store.begin().await?;
        for invitation in invitations {
            let person = &invitation.invitee;
            close_open(&mut tx, town, &person.email, now).await?;
            on_backend!(tx.exec(), c => sqlx::query(
                "INSERT INTO invitation (municipality_id, email, role, token_hash, invited_by, created_at, \
                 expires_at, display_name, furigana, eligibility_basis) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
                .bind(town.0).bind(&person.email).bind(Role::Participant.code())
                .bind(&invitation.token_hash).bind(invited_by.0).bind(now).bind(expires_at)
                .bind(&person.display_name).bind(person.furigana.as_str()).bind(person.basis.code())
                .execute(c).await.map(|r| r.rows_affected()))?;
            crate::outbox::insert_message(&mut tx, &invitation.mail, now).await?;
        }
        tx.commit().await?;
        Ok(invitations.len())
    }

    /// Registers the invited participant as they confirmed their name and chose a password,
    /// with their consent to the privacy policy, and closes the invitation: all or nothing.
    /// A used, expired or unknown invitation is [`StoreError::Gone`].
    pub async fn accept_participant_invitation(
        &self,
        token_hash: &str,
        record: &NewAccountRecord,
        policy_version: &str,
    ) -> Result<Account, StoreError> {
        let now = Utc::now();
        let mut tx = self.store.begin().await?;
        let sql = format!(
            "UPDATE invitation SET accepted_at = $1 WHERE municipality_id = $2 AND token_hash = $3 \
             AND accepted_at IS NULL AND expires_at > $1 AND role = 'participant' RETURNING {COLUMNS}"
        );
        let row = on_backend!(tx.exec(), c => sqlx::query_as::<_, InvitationRow>(&sql)
            .bind(now).bind(self.municipality_id.0).bind(token_hash)
            .fetch_optional(c).await)?;
        let invitation = Invitation::try_from(row.ok_or(StoreError::Gone)?)?;
        let basis = invitation.eligibility_basis.ok_or(StoreError::Gone)?;
        let record = NewAccountRecord {
            email: invitation.email,
            ..record.clone()
        };
        let account = self
            .register_in(&mut tx, &record, basis, policy_version, now)
            .await?;
        tx.commit().await?;
        Ok(account)
    }

    /// Every address the town's accounts use, so an import can refuse them.
    pub async fn account_emails(&self) -> Result<HashSet<String>, StoreError> {
        let mut conn = self.store.conn().await?;
        let emails: Vec<String> = on_backend!(conn.exec(), c => sqlx::query_scalar(
            "SELECT email FROM account WHERE municipality_id = $1 AND deleted_at IS NULL")
            .bind(self.municipality_id.0).fetch_all(c).await)?;
        Ok(emails.into_iter().collect())
    }
}
