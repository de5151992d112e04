//! Who a command acts for: the town named with `--tenant`, the coordinator named with `--as`,
//! and the audit entries that record what the command did in that coordinator's name.

use anyhow::Context;
use domain::Role;
use domain::audit::{ActorRole, AuditAction, AuditTarget};
use store::Store;
use store::account::Account;
use store::audit::NewAuditEntry;

/// The town with `slug`, or an error that names it.
pub async fn town(store: &Store, slug: &str) -> anyhow::Result<domain::Municipality> {
    store
        .municipality_by_slug(slug)
        .await?
        .with_context(|| format!("there is no town with the slug {slug:?}"))
}

/// The town's coordinator with `email`, or an error that says they are not one.
pub async fn coordinator(
    store: &Store,
    town: &domain::Municipality,
    email: &str,
) -> anyhow::Result<Account> {
    let email = domain::account::normalize_email(email);
    store
        .tenant(town)
        .account_by_email(&email)
        .await?
        .filter(|a| a.role == Role::Coordinator)
        .with_context(|| format!("--as {email:?} is not a coordinator of {}", town.slug))
}

/// Records `action` on `target` as done by `staff` from the command line.
pub async fn record(
    store: &Store,
    (town, staff): (&domain::Municipality, &Account),
    (action, target, id): (AuditAction, AuditTarget, String),
    detail: &str,
) -> anyhow::Result<()> {
    store
        .audit(&NewAuditEntry {
            municipality_id: Some(town.id),
            actor_id: Some(staff.id),
            actor_role: ActorRole::Signed(staff.role),
            action,
            target_type: target,
            target_id: id,
            detail: detail.to_owned(),
            ip: String::new(),
        })
        .await?;
    Ok(())
}
