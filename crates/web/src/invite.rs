//! Sending an invitation: store it (only the token's digest) and write the email with the
//! link into the outbox. Used by operators (town staff) and coordinators (organization
//! members); who may invite whom is `Role::may_invite`, checked here.

use chrono::{Duration, Utc};
use domain::audit::{AuditAction, AuditTarget};
use domain::{FieldErrors, Municipality, Role};
use store::account::Account;
use store::invitation::NewInvitation;
use store::secret::{random_token, token_digest};

use crate::audit_trail::Audit;
use crate::error::WebError;
use crate::i18n::Lang;
use crate::letter::Arg;
use crate::mail;
use crate::state::AppState;
use domain::message::MailKind;

pub const INVITATION_LIFETIME_DAYS: i64 = 7;

/// Parses the invitee's email; the message is tied to the `email` field.
pub fn parse_email(raw: &str) -> Result<String, FieldErrors> {
    let mut errors = FieldErrors::default();
    domain::account::parse_email(&mut errors, raw).ok_or(errors)
}

#[allow(clippy::too_many_arguments)]
pub async fn send(
    state: &AppState,
    audit: &Audit,
    lang: Lang,
    town: &Municipality,
    inviter: &Account,
    email: &str,
    role: Role,
    organization_id: Option<i64>,
) -> Result<(), WebError> {
    if !inviter.role.may_invite(role) {
        return Err(WebError::Forbidden);
    }
    let token = random_token();
    let invitation = state
        .store
        .tenant(town)
        .create_invitation(&NewInvitation {
            email: email.to_owned(),
            role,
            organization_id,
            token_hash: token_digest(&token),
            invited_by: inviter.id,
            expires_at: Utc::now() + Duration::days(INVITATION_LIFETIME_DAYS),
        })
        .await?;
    let link = mail::link(state, &format!("/{}/invitations/{token}", town.slug));
    let letter = mail::Letter {
        args: [
            ("role", Arg::Role(role.code().to_owned())),
            ("inviter", Arg::Text(inviter.display_name.clone())),
            ("link", Arg::Text(link)),
            ("days", Arg::Text(INVITATION_LIFETIME_DAYS.to_string())),
        ]
        .into_iter()
        .map(|(name, arg)| (name.to_owned(), arg))
        .collect(),
        ..mail::Letter::default()
    };
    mail::enqueue(state, (town, lang), MailKind::Invitation, email, letter).await?;
    audit
        .record(
            Some(town.id),
            AuditAction::InvitationCreate,
            AuditTarget::Invitation,
            &invitation.id.to_string(),
            role.code(),
        )
        .await?;
    Ok(())
}
