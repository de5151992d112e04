//! Writing the audit log from a request: the actor and address come from the request, the
//! handler says what happened.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use domain::MunicipalityId;
use domain::audit::{ActorRole, AuditAction, AuditTarget};
use store::account::Account;
use store::audit::{NewAuditEntry, Subjects, Unshown};
use store::{Store, StoreError};

use crate::auth::{ClientIp, CurrentSession};
use crate::state::AppState;

/// Extractor: who is acting, from where.
pub struct Audit {
    store: Store,
    session: CurrentSession,
    ip: ClientIp,
}

impl Audit {
    /// Appends an entry. Where a handler is about to show a person's data, it must record the
    /// view first and show nothing if recording fails.
    pub async fn record(
        &self,
        town: Option<MunicipalityId>,
        action: AuditAction,
        target_type: AuditTarget,
        target_id: &str,
        detail: &str,
    ) -> Result<(), StoreError> {
        self.append(
            self.session.account(),
            town,
            action,
            target_type,
            target_id,
            detail,
        )
        .await
    }

    /// Appends an entry about record `id` of `target` in `town`, with no further detail.
    pub async fn town_record(
        &self,
        town: MunicipalityId,
        action: AuditAction,
        (target, id): (AuditTarget, impl std::fmt::Display),
    ) -> Result<(), StoreError> {
        self.record(Some(town), action, target, &id.to_string(), "")
            .await
    }

    /// Appends an entry naming `actor`: for the moment someone becomes signed in (sign-in,
    /// sign-up, accepting an invitation), when the request itself carries no session yet.
    pub async fn record_by(
        &self,
        actor: &Account,
        action: AuditAction,
        target_type: AuditTarget,
        target_id: &str,
        detail: &str,
    ) -> Result<(), StoreError> {
        self.append(
            Some(actor),
            actor.municipality_id,
            action,
            target_type,
            target_id,
            detail,
        )
        .await
    }

    /// Shows people's data to staff: writes the entry naming every person in it, then hands
    /// the data over (see `store::audit::Unshown`).
    pub async fn reveal<T: Subjects>(
        &self,
        unshown: Unshown<T>,
        town: Option<MunicipalityId>,
        action: AuditAction,
        target: (AuditTarget, &str),
        detail: &str,
    ) -> Result<T, StoreError> {
        let account = self.session.account();
        let entry = self.entry(account, town, action, target, detail);
        unshown.reveal(&self.store, &entry).await
    }

    /// The entry this request would append about record `id` of `target` in `town`, for a
    /// store method that writes it with its change, in one transaction.
    pub fn town_entry(
        &self,
        town: MunicipalityId,
        action: AuditAction,
        (target, id): (AuditTarget, impl std::fmt::Display),
    ) -> NewAuditEntry {
        let account = self.session.account();
        self.entry(account, Some(town), action, (target, &id.to_string()), "")
    }

    fn entry(
        &self,
        account: Option<&Account>,
        town: Option<MunicipalityId>,
        action: AuditAction,
        (target_type, target_id): (AuditTarget, &str),
        detail: &str,
    ) -> NewAuditEntry {
        NewAuditEntry {
            municipality_id: town.or(account.and_then(|a| a.municipality_id)),
            actor_id: account.map(|a| a.id),
            actor_role: account.map_or(ActorRole::Anonymous, |a| ActorRole::Signed(a.role)),
            action,
            target_type,
            target_id: target_id.to_owned(),
            detail: detail.to_owned(),
            ip: self.ip.0.clone(),
        }
    }

    async fn append(
        &self,
        account: Option<&Account>,
        town: Option<MunicipalityId>,
        action: AuditAction,
        target_type: AuditTarget,
        target_id: &str,
        detail: &str,
    ) -> Result<(), StoreError> {
        self.store
            .audit(&self.entry(account, town, action, (target_type, target_id), detail))
            .await
    }
}

impl FromRequestParts<AppState> for Audit {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(Audit {
            store: state.store.clone(),
            session: parts
                .extensions
                .get::<CurrentSession>()
                .cloned()
                .unwrap_or_default(),
            ip: ClientIp::from_extensions(&parts.extensions),
        })
    }
}
