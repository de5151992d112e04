//! What tables and columns the database has, to prove both backends' migrations agree.

use std::collections::BTreeMap;

use crate::{Store, StoreError};

/// Table name → its column names, sorted; sqlx's own bookkeeping table is left out.
pub type Schema = BTreeMap<String, Vec<String>>;

impl Store {
    pub async fn schema(&self) -> Result<Schema, StoreError> {
        let mut conn = self.conn().await?;
        let pairs: Vec<(String, String)> = match conn.exec() {
            crate::Exec::Sqlite(c) => {
                sqlx::query_as(
                    "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p \
                     WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_sqlx_migrations'",
                )
                .fetch_all(c)
                .await?
            }
            crate::Exec::Postgres(c) => {
                sqlx::query_as(
                    "SELECT table_name::text, column_name::text FROM information_schema.columns \
                     WHERE table_schema = current_schema() AND table_name <> '_sqlx_migrations'",
                )
                .fetch_all(c)
                .await?
            }
        };
        let mut schema = Schema::new();
        for (table, column) in pairs {
            schema.entry(table).or_default().push(column);
        }
        schema.values_mut().for_each(|columns| columns.sort());
        Ok(schema)
    }
}
