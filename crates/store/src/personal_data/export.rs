//! Reading everything the map calls personal about one person, table by table, as text.

use sqlx::Row;

use super::{Column, TABLES, Table};
use crate::account::AccountId;
use crate::{StoreError, TenantStore};

/// One table's rows of the person: the downloaded columns and, per row, their values as the
/// database holds them (written as text; `None` for an empty value).
#[derive(Debug)]
pub struct TableRecords {
    pub table: &'static Table,
    pub columns: Vec<&'static Column>,
    pub rows: Vec<Vec<Option<String>>>,
}

/// Every table that can hold the person's rows, in the map's order (empty ones included,
/// so the download says there was nothing).
#[derive(Debug)]
pub struct PersonalRecords {
    pub tables: Vec<TableRecords>,
}

impl TenantStore<'_> {
    /// The person's records; `None` when the account is not one of this town's.
    pub async fn personal_records(
        &self,
        account: AccountId,
    ) -> Result<Option<PersonalRecords>, StoreError> {
        let mut conn = self.store.conn().await?;
        let ours: Option<i64> = on_backend!(conn.exec(), c => sqlx::query_scalar(
            "SELECT id FROM account WHERE id = $1 AND municipality_id = $2")
            .bind(account.0).bind(self.municipality_id.0).fetch_optional(c).await)?;
        if ours.is_none() {
            return Ok(None);
        }
        let mut tables = Vec::new();
        for table in TABLES {
            let columns: Vec<&Column> = table.exported().collect();
            if columns.is_empty() {
                continue;
            }
            let sql = select_sql(table, &columns);
            let n = columns.len();
            let rows = on_backend!(conn.exec(), c => {
                let rows = sqlx::query(&sql).bind(account.0).fetch_all(c).await?;
                rows.iter()
                    .map(|r| (0..n).map(|i| r.try_get::<Option<String>, _>(i)).collect())
                    .collect::<Result<Vec<Vec<Option<String>>>, sqlx::Error>>()?
            });
            tables.push(TableRecords {
                table,
                columns,
                rows,
            });
        }
        Ok(Some(PersonalRecords { tables }))
    }
}

fn select_sql(table: &Table, columns: &[&Column]) -> String {
    let list: Vec<String> = columns
        .iter()
        .map(|c| format!("CAST({0} AS TEXT) AS {0}", c.name))
        .collect();
    format!(
        "SELECT {} FROM {} WHERE {} ORDER BY 1",
        list.join(", "),
        table.name,
        table.rows
    )
}
