//! Residents' interests in open requests ("この仕事について相談したい"): said by the person,
//! with the coordinators told in the same transaction; answered by an introduction (marked by
//! [`mark_introduced`] where the introduction is made) or by a coordinator noting that they
//! were in touch; withdrawn by the person. Staff read them, with the people's names, only
//! through [`Unshown`].

use chrono::{DateTime, Utc};
use domain::MunicipalityId;
use domain::request::interest::InterestStatus;
use domain::timeline::TimelineKind;

use crate::account::AccountId;
use crate::audit::{Subjects, Unshown};
use crate::notification::{NewNotification, write_notifications};
use crate::participant::add_case_event;
use crate::{StoreError, TenantStore, Tx};

/// One interest, with the request's title and organization and the person's name.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Interest {
    pub id: i64,
    pub request_id: i64,
    pub participant_id: i64,
    pub message: String,
    #[sqlx(try_from = "String")]
    pub status: InterestStatus,
    pub created_at: DateTime<Utc>,
    pub answered_at: Option<DateTime<Utc>>,
    pub request_title: String,
    pub request_title_en: String,
    pub organization_name: String,
    pub participant_name: String,
}

impl Subjects for Interest {
    fn subjects(&self) -> Vec<i64> {
        vec![self.participant_id]
    }
}

/// What saying an interest did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expressed {
    /// Recorded (new, or reopened after it was withdrawn or answered): the coordinators were told.
    Recorded(i64),
    /// It already stood as it is: nothing was written.
    Already(InterestStatus),
}

const SELECT: &str = "SELECT i.id, i.request_id, i.participant_id, i.message, i.status, i.created_at, \
     i.answered_at, r.title AS request_title, r.title_en AS request_title_en, \
     o.name AS organization_name, a.display_name AS participant_name \
     FROM request_interest i JOIN request r ON r.id = i.request_id \
     JOIN organization o ON o.id = r.organization_id JOIN account a ON a.id = i.participant_id";

/// Marks the members' waiting interests in the request as answered by an introduction, inside
/// the transaction that makes it.
pub(crate) async fn mark_introduced(
    tx: &mut Tx,
    town: MunicipalityId,
    (request, members): (i64, &[AccountId]),
    (by, now): (AccountId, DateTime<Utc>),
) -> Result<(), StoreError> {
    for member in members {
        on_backend!(tx.exec(), c => sqlx::query(
            "UPDATE request_interest SET status = $1, answered_at = $2, answered_by = $3 \
             WHERE municipality_id = $4 AND request_id = $5 AND participant_id = $6 AND status = $7")
            .bind(InterestStatus::Introduced.code()).bind(now).bind(by.0).bind(town.0)
            .bind(request).bind(member.0).bind(InterestStatus::Waiting.code())
            .execute(c).await.map(|r| r.rows_affected()))?;
    }
    Ok(())
}

impl TenantStore<'_> {
    /// Records `participant`'s interest in a published request, with the case timeline's
    /// entry and the notifications `notifications` writes for its id, all or nothing. A
    /// request that is not published (or not the town's) is `NotFound`.
    pub async fn express_interest(
        &self,
        (request, participant): (i64, AccountId),
        message: &str,
        notifications: impl FnOnce(i64) -> Vec<NewNotification>,
    ) -> Result<Expressed, StoreError> {
        let (town, now) = (self.municipality_id, Utc::now());
        let mut tx = self.store.begin().await?;
        let title: Option<String> = on_backend!(tx.exec(), c => sqlx::query_scalar(
            "SELECT title FROM request WHERE municipality_id = $1 AND id = $2 AND status = 'published'")
            .bind(town.0).bind(request).fetch_optional(c).await)?;
        let title = title.ok_or(StoreError::NotFound)?;
        let before: Option<(i64, String)> = on_backend!(tx.exec(), c => sqlx::query_as(
            "SELECT id, status FROM request_interest WHERE municipality_id = $1 AND request_id = $2 AND participant_id = $3")
            .bind(town.0).bind(request).bind(participant.0).fetch_optional(c).await)?;
        let id = match before {
            None => on_backend!(tx.exec(), c => sqlx::query_scalar(
                "INSERT INTO request_interest (municipality_id, request_id, participant_id, message, status, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id")
                .bind(town.0).bind(request).bind(participant.0).bind(message)
                .bind(InterestStatus::Waiting.code()).bind(now).fetch_one(c).await)?,
            Some((id, status)) => {
                let status = InterestStatus::try_from(status).map_err(|e| StoreError::Corrupt {
                    table: "request_interest",
                    detail: e.to_string(),
                })?;
                let Some(reopened) = status.said_again() else {
                    return Ok(Expressed::Already(status));
                };
                on_backend!(tx.exec(), c => sqlx::query(
                    "UPDATE request_interest SET status = $1, message = $2, created_at = $3, \
                     answered_at = NULL, answered_by = NULL WHERE id = $4")
                    .bind(reopened.code()).bind(message).bind(now).bind(id)
                    .execute(c).await.map(|r| r.rows_affected()))?;
                id
            }
        };
        let kind = TimelineKind::Interested;
        add_case_event(
            tx.exec(),
            town,
            participant,
            kind,
            &title,
            Some(participant),
            now,
        )
        .await?;
        write_notifications(&mut tx, Some(town), &notifications(id), now).await?;
        tx.commit().await?;
        Ok(Expressed::Recorded(id))
    }

    /// The person's own interests, newest first (withdrawn ones too, so they can say it again).
    pub async fn own_interests(&self, participant: AccountId) -> Result<Vec<Interest>, StoreError> {
        let sql = format!(
            "{SELECT} WHERE i.municipality_id = $1 AND i.participant_id = $2 ORDER BY i.created_at DESC, i.id DESC"
        );
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, Interest>(&sql)
            .bind(self.municipality_id.0).bind(participant.0).fetch_all(c).await)?;
        Ok(rows)
    }

    /// The person's interest in one request, if they said it.
    pub async fn own_interest(
        &self,
        participant: AccountId,
        request: i64,
    ) -> Result<Option<Interest>, StoreError> {
        let sql = format!(
            "{SELECT} WHERE i.municipality_id = $1 AND i.participant_id = $2 AND i.request_id = $3"
        );
        let mut conn = self.store.conn().await?;
        let row = on_backend!(conn.exec(), c => sqlx::query_as::<_, Interest>(&sql)
            .bind(self.municipality_id.0).bind(participant.0).bind(request).fetch_optional(c).await)?;
        Ok(row)
    }

    /// Who said they are interested in a request (waiting first, then newest), for staff;
    /// withdrawn interests are left out.
    pub async fn interests_in_request(
        &self,
        request: i64,
    ) -> Result<Unshown<Vec<Interest>>, StoreError> {
        let sql = format!(
            "{SELECT} WHERE i.municipality_id = $1 AND i.request_id = $2 AND i.status <> 'withdrawn' \
             ORDER BY CASE WHEN i.status = 'waiting' THEN 0 ELSE 1 END, i.created_at DESC, i.id DESC"
        );
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, Interest>(&sql)
            .bind(self.municipality_id.0).bind(request).fetch_all(c).await)?;
        Ok(Unshown::new(rows))
    }

    /// The town's interests that wait for a coordinator, oldest first, for staff.
    pub async fn waiting_interests(
        &self,
        limit: i64,
    ) -> Result<Unshown<Vec<Interest>>, StoreError> {
        let sql = format!(
            "{SELECT} WHERE i.municipality_id = $1 AND i.status = 'waiting' ORDER BY i.created_at, i.id LIMIT $2"
        );
        let mut conn = self.store.conn().await?;
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, Interest>(&sql)
            .bind(self.municipality_id.0).bind(limit).fetch_all(c).await)?;
        Ok(Unshown::new(rows))
    }

    /// The person withdraws a waiting interest of their own; `false` when it was not theirs
    /// or no longer waiting.
    pub async fn withdraw_interest(
        &self,
        id: i64,
        participant: AccountId,
    ) -> Result<bool, StoreError> {
        self.close_interest(
            id,
            Some(participant),
            (InterestStatus::Withdrawn, participant),
        )
        .await
    }

    /// A coordinator notes that they were in touch about a waiting interest; `false` when it
    /// no longer waits (someone else answered it, or it was withdrawn), `NotFound` when the
    /// town has no such interest.
    pub async fn answer_interest(&self, id: i64, by: AccountId) -> Result<bool, StoreError> {
        self.close_interest(id, None, (InterestStatus::Answered, by))
            .await
    }

    async fn close_interest(
        &self,
        id: i64,
        owner: Option<AccountId>,
        (to, by): (InterestStatus, AccountId),
    ) -> Result<bool, StoreError> {
        let mut tx = self.store.begin().await?;
        let changed = on_backend!(tx.exec(), c => sqlx::query(
            "UPDATE request_interest SET status = $1, answered_at = $2, answered_by = $3 \
             WHERE municipality_id = $4 AND id = $5 AND status = 'waiting' \
             AND ($6 IS NULL OR participant_id = $6)")
            .bind(to.code()).bind(Utc::now()).bind(by.0).bind(self.municipality_id.0).bind(id)
            .bind(owner.map(|o| o.0)).execute(c).await.map(|r| r.rows_affected()))?;
        if changed == 0 {
            let exists: i64 = on_backend!(tx.exec(), c => sqlx::query_scalar(
                "SELECT COUNT(*) FROM request_interest WHERE municipality_id = $1 AND id = $2")
                .bind(self.municipality_id.0).bind(id).fetch_one(c).await)?;
            if exists == 0 {
                return Err(StoreError::NotFound);
            }
        }
        tx.commit().await?;
        Ok(changed == 1)
    }
}
