//! Deleting an account, by the person (`/{town}/account/delete`, with their password) or by a
//! coordinator for a request made at the counter or on the phone: open bookings are cancelled
//! (their seats and childcare places go to the waitlist), open introductions end (the
//! organization is told only that the person declined or withdrew), then
//! `store::personal_data` removes the rest in one transaction, sessions included.

use chrono::Utc;
use domain::account_deletion::{DeletionChannel, IdentityCheck};
use domain::event::booking::BookingStatus;
use store::account::{Account, AccountId};
use store::personal_data::{Deletion, Erased};

use crate::error::WebError;
use crate::i18n::Lang;
use crate::state::AppState;

/// How the deletion was asked for and checked, and by whom it was carried out.
pub struct Asked {
    pub channel: DeletionChannel,
    pub identity_check: IdentityCheck,
    pub handled_by: Option<AccountId>,
}

/// Deletes `account`; `None` when it was already deleted.
pub async fn delete_account(
    state: &AppState,
    town: &domain::Municipality,
    account: &Account,
    asked: Asked,
) -> Result<Option<Erased>, WebError> {
    let by = asked.handled_by.unwrap_or(account.id);
    cancel_open_bookings(state, town, account.id, by).await?;
    crate::introductions::leave_open(state, town, account).await?;
    let deletion = Deletion {
        account: account.id,
        channel: asked.channel,
        identity_check: asked.identity_check,
        handled_by: asked.handled_by,
        pseudonym: Lang::Ja.t("data-deleted-person"),
    };
    let erased = state.store.tenant(town).erase_person(&deletion).await?;
    state.public_cache.invalidate();
    Ok(erased)
}

/// Bookings of events still to come that hold or wait for a seat.
async fn cancel_open_bookings(
    state: &AppState,
    town: &domain::Municipality,
    person: AccountId,
    by: AccountId,
) -> Result<(), WebError> {
    let tenant = state.store.tenant(town);
    let now = Utc::now();
    for booking in tenant.participant_bookings(person).await? {
        let open = matches!(
            booking.status,
            BookingStatus::Confirmed | BookingStatus::Waitlisted | BookingStatus::Offered
        );
        if !open || booking.event_ends_at <= now {
            continue;
        }
        let Some(event) = tenant.event(booking.event_id).await? else {
            continue;
        };
        crate::events::cancel_and_offer(
            state,
            (town, &event),
            (booking.id, booking.status, by),
            Vec::new(),
        )
        .await?;
    }
    Ok(())
}
