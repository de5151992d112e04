//! Changing a saved event: editing what it says and when and where it takes place, and
//! cancelling it with the reason its registrants are told. Either is one transaction with the
//! notices it sends, so no one is told of a change that was not saved.
//!
//! An edit keeps the event's kind, its number of sessions, its seats and its childcare (those
//! have rules of their own: `change_capacity`, and bookings already made); sessions move in
//! place, so bookings and attendance stay with them.

use chrono::Utc;
use domain::event::EventDraft;

use crate::booking::StoredBooking;
use crate::notification::{NewNotification, write_notifications};
use crate::{StoreError, TenantStore};

/// What an edit did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventEdit {
    Saved,
    /// The draft's sessions are not as many as the event's: nothing was saved.
    SessionsDiffer,
    NotFound,
}

impl TenantStore<'_> {
    /// Saves an edit of event `event_id`, and the notices of it.
    pub async fn update_event(
        &self,
        event_id: i64,
        draft: &EventDraft,
        notices: &[NewNotification],
    ) -> Result<EventEdit, StoreError> {
        let now = Utc::now();
        let town = self.municipality_id;
        let sessions = self.event_sessions(event_id).await?;
        if sessions.len() != draft.sessions.len() {
            return Ok(EventEdit::SessionsDiffer);
        }
        let (Some(first), Some(last)) = (draft.sessions.first(), draft.sessions.last()) else {
            return Ok(EventEdit::NotFound);
        };
        let mut tx = self.store.begin().await?;
        let changed = on_backend!(tx.exec(), c => sqlx::query(
            "UPDATE event SET title = $1, title_en = $2, description = $3, description_en = $4, place = $5, \
             online_url = $6, starts_at = $7, ends_at = $8, opens_at = $9, closes_at = $10, cancel_deadline = $11, \
             children_programme = $12, public = $13, booking_version = booking_version + 1 \
             WHERE municipality_id = $14 AND id = $15")
            .bind(&draft.title).bind(&draft.title_en).bind(&draft.description).bind(&draft.description_en)
            .bind(&draft.place).bind(&draft.online_url).bind(first.0).bind(last.1).bind(draft.opens_at)
            .bind(draft.closes_at).bind(draft.cancel_deadline).bind(&draft.children_programme).bind(draft.public)
            .bind(town.0).bind(event_id).execute(c).await.map(|r| r.rows_affected()))?;
        if changed == 0 {
            return Ok(EventEdit::NotFound);
        }
        for (session, (start, end)) in sessions.iter().zip(&draft.sessions) {
            on_backend!(tx.exec(), c => sqlx::query(
                "UPDATE event_session SET starts_at = $1, ends_at = $2 WHERE municipality_id = $3 AND id = $4")
                .bind(start).bind(end).bind(town.0).bind(session.id).execute(c).await.map(|r| r.rows_affected()))?;
        }
        write_notifications(&mut tx, Some(town), notices, now).await?;
        tx.commit().await?;
        Ok(EventEdit::Saved)
    }

    /// Cancels a whole event (staff) for `reason`: every active booking is cancelled with it.
    pub async fn cancel_event(
        &self,
        event_id: i64,
        reason: &str,
        notifications: impl FnOnce(&[StoredBooking]) -> Vec<NewNotification>,
    ) -> Result<bool, StoreError> {
        let now = Utc::now();
        let town = self.municipality_id;
        let affected: Vec<StoredBooking> = self
            .event_bookings(event_id)
            .await?
            .into_iter()
            .filter(|b| b.status.is_active())
            .collect();
        let mut tx = self.store.begin().await?;
        let changed = on_backend!(tx.exec(), c => sqlx::query(
            "UPDATE event SET status = 'cancelled', cancel_reason = $1, booking_version = booking_version + 1 \
             WHERE municipality_id = $2 AND id = $3 AND status = 'scheduled'")
            .bind(reason).bind(town.0).bind(event_id).execute(c).await.map(|r| r.rows_affected()))?;
        if changed == 0 {
            return Ok(false);
        }
        on_backend!(tx.exec(), c => sqlx::query(
            "UPDATE booking SET status = 'cancelled', updated_at = $1 WHERE event_id = $2 AND status IN ('confirmed', 'waitlisted', 'offered')")
            .bind(now).bind(event_id).execute(c).await.map(|r| r.rows_affected()))?;
        write_notifications(&mut tx, Some(town), &notifications(&affected), now).await?;
        tx.commit().await?;
        Ok(true)
    }
}
