//! Deleting a person's account as the map says: their rows deleted or emptied in place, their
//! name and address replaced wherever other people's records mention them, the account left
//! as a tombstone (its id is the pseudonym the audit log keeps), all in one transaction.

use chrono::Utc;
pub use domain::account_deletion::{DeletionChannel, IdentityCheck};

use super::{Erase, TABLES, Table};
use crate::account::AccountId;
use crate::{Exec, StoreError, TenantStore};

/// One deletion as it is recorded.
#[derive(Debug, Clone)]
pub struct Deletion {
    pub account: AccountId,
    pub channel: DeletionChannel,
    pub identity_check: IdentityCheck,
    /// The staff member who carried it out; `None` when the person did it themselves.
    pub handled_by: Option<AccountId>,
    /// What replaces the person's name where others' records mention it.
    pub pseudonym: String,
}

/// What the deletion removed: rows per table (deleted or emptied).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Erased {
    pub rows: Vec<(&'static str, u64)>,
}

/// A name shorter than this is not searched for in others' text (it would match words).
const SHORTEST_NAME: usize = 2;

impl TenantStore<'_> {
    /// Deletes the account's personal data; `None` when it is not this town's or is already
    /// deleted. Bookings and introductions still open should be closed first, through their
    /// own paths, so that the waitlist and the organization are told.
    pub async fn erase_person(&self, deletion: &Deletion) -> Result<Option<Erased>, StoreError> {
        let now = Utc::now();
        let mut tx = self.store.begin().await?;
        let who: Option<(String, String)> = on_backend!(tx.exec(), c => sqlx::query_as(
            "SELECT display_name, email FROM account \
             WHERE id = $1 AND municipality_id = $2 AND deleted_at IS NULL")
            .bind(deletion.account.0).bind(self.municipality_id.0).fetch_optional(c).await)?;
        let Some((name, email)) = who else {
            return Ok(None);
        };
        for text in [name.as_str(), email.as_str()] {
            if text.chars().count() >= SHORTEST_NAME {
                self.replace_mentions(tx.exec(), text, &deletion.pseudonym)
                    .await?;
            }
        }
        let mut erased = Erased::default();
        for table in TABLES {
            if let Some(sql) = erase_sql(table) {
                let n = on_backend!(tx.exec(), c => sqlx::query(&sql)
                    .bind(deletion.account.0).execute(c).await.map(|r| r.rows_affected()))?;
                erased.rows.push((table.name, n));
            }
        }
        on_backend!(tx.exec(), c => sqlx::query("UPDATE account SET deleted_at = $1 WHERE id = $2")
            .bind(now).bind(deletion.account.0).execute(c).await.map(|r| r.rows_affected()))?;
        on_backend!(tx.exec(), c => sqlx::query(
            "INSERT INTO account_deletion (municipality_id, account_id, channel, identity_check, handled_by, deleted_at) \
             VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(self.municipality_id.0).bind(deletion.account.0).bind(deletion.channel.code())
            .bind(deletion.identity_check.code()).bind(deletion.handled_by.map(|a| a.0)).bind(now)
            .execute(c).await.map(|r| r.rows_affected()))?;
        tx.commit().await?;
        Ok(Some(erased))
    }

    /// Replaces `text` with `pseudonym` in every column that may mention people, in this
    /// town's rows.
    async fn replace_mentions(
        &self,
        mut exec: Exec<'_>,
        text: &str,
        pseudonym: &str,
    ) -> Result<(), StoreError> {
        for table in TABLES {
            for column in table.columns.iter().filter(|c| c.mentions) {
                let sql = format!(
                    "UPDATE {t} SET {c} = REPLACE({c}, $1, $2) \
                     WHERE municipality_id = $3 AND {c} LIKE '%' || $1 || '%'",
                    t = table.name,
                    c = column.name
                );
                on_backend!(&mut exec, c => sqlx::query(&sql)
                    .bind(text).bind(pseudonym).bind(self.municipality_id.0)
                    .execute(&mut **c).await.map(|r| r.rows_affected()))?;
            }
        }
        Ok(())
    }
}

/// The statement that removes the person's rows of `table` (`$1` the account), if any.
fn erase_sql(table: &Table) -> Option<String> {
    match table.erase {
        Erase::Delete => Some(format!("DELETE FROM {} WHERE {}", table.name, table.rows)),
        Erase::Blank => {
            let sets: Vec<String> = table
                .erased()
                .map(|c| format!("{} = {}", c.name, c.blank))
                .collect();
            Some(format!(
                "UPDATE {} SET {} WHERE {}",
                table.name,
                sets.join(", "),
                table.rows
            ))
        }
        Erase::KeptByLaw | Erase::NoOnesRows => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blanked_table_empties_its_personal_columns_in_place() {
        let account = TABLES.iter().find(|t| t.name == "account").unwrap();
        let sql = erase_sql(account).unwrap();
        assert!(sql.starts_with("UPDATE account SET email = 'deleted-'"));
        assert!(sql.contains("display_name = ''"));
        assert!(!sql.contains("role ="));
        assert!(sql.ends_with("WHERE id = $1"));
    }

    #[test]
    fn provision_records_are_kept_for_the_law() {
        let records = TABLES
            .iter()
            .find(|t| t.name == "provision_record")
            .unwrap();
        assert_eq!(erase_sql(records), None);
    }
}
