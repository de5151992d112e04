//! The store's errors.
//!
//! A unique-constraint violation becomes [`StoreError::Conflict`] naming the form field that
//! caused it, so the web layer can show it on that field. Connection failures carry the
//! redacted target and a hint; other database errors keep their cause for the logs.

use crate::database_url::DatabaseUrl;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("DATABASE_URL is not valid: {reason}")]
    InvalidUrl { reason: String },
    #[error("cannot open the database at {target}: {reason}")]
    Connect { target: String, reason: String },
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A value that must be unique is taken; `field` is the form field it came from.
    #[error("the value of {field} is already taken")]
    Conflict { field: &'static str },
    #[error("the record was not found")]
    NotFound,
    /// A single-use link that was already used, has expired, or never existed.
    #[error("the link has expired or was already used")]
    Gone,
    /// A stored value no longer parses as its domain type.
    #[error("stored data in {table} is not valid: {detail}")]
    Corrupt { table: &'static str, detail: String },
    /// Every pooled connection stayed busy for the acquire timeout: try again shortly.
    #[error("the database is busy: no free connection")]
    Busy,
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// A batch of writes this one was part of failed and was rolled back whole (its cause is
    /// logged once, where the batch ran).
    #[error("a batch of writes failed: {0}")]
    Batch(String),
}

impl StoreError {
    pub(crate) fn connect(url: &DatabaseUrl, err: sqlx::Error) -> Self {
        let hint = match url {
            DatabaseUrl::Sqlite(_) => "check that the folder exists and is writable",
            DatabaseUrl::Postgres(_) => {
                "check that the PostgreSQL server is running and that DATABASE_URL points to it"
            }
        };
        StoreError::Connect {
            target: url.redacted(),
            reason: format!("{}; {hint}", describe(&err)),
        }
    }

    /// Maps a unique violation on `table.column` to a conflict on `field`; keeps other errors.
    ///
    /// PostgreSQL reports the constraint's or index's name, which starts with the table and
    /// names the column by our naming rule; SQLite reports `table.column` in its message.
    pub(crate) fn unique(err: sqlx::Error, table_column: &str, field: &'static str) -> Self {
        if let sqlx::Error::Database(db) = &err
            && db.is_unique_violation()
        {
            let (table, column) = table_column.split_once('.').unwrap_or((table_column, ""));
            let named_for_it = db
                .constraint()
                .is_some_and(|c| c.starts_with(table) && c.contains(column));
            if named_for_it || db.message().contains(table_column) {
                return StoreError::Conflict { field };
            }
        }
        StoreError::Database(err)
    }
}

fn describe(err: &sqlx::Error) -> String {
    match err {
        sqlx::Error::Io(io) => io.to_string(),
        sqlx::Error::PoolTimedOut => "no connection within 5 seconds".into(),
        other => other.to_string(),
    }
}

impl From<domain::label::UnknownCode> for StoreError {
    fn from(err: domain::label::UnknownCode) -> Self {
        StoreError::Corrupt {
            table: "stored code",
            detail: err.to_string(),
        }
    }
}
