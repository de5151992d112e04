//! Backups of an SQLite database while it serves, and restoring one into an empty database.
//!
//! - `backup_to` writes a consistent copy with `VACUUM INTO` (SQLite 3.27+): it reads one
//!   snapshot, so writers carry on meanwhile (WAL), and the copy is compact.
//! - Restoring (`restore_sqlite`) copies a backup into a database file that does not exist
//!   yet, or holds no town, after checking the backup opens as a wakucareer database; the
//!   copy is then migrated, so an older backup comes up on the current schema.
//! - PostgreSQL has its own tools: `pg_dump --format=custom` and `pg_restore` (see the
//!   README); `backup_to` says so instead of doing something half as good.

use std::path::Path;

use crate::{Backend, DatabaseUrl, Store, StoreError};

/// Why a backup or restore could not be made.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(
        "PostgreSQL is backed up with its own tools: pg_dump --format=custom --file=FILE \"$DATABASE_URL\", and restored with pg_restore --dbname=\"$DATABASE_URL\" FILE"
    )]
    Postgres,
    #[error("{0} already exists; choose a new file for the backup")]
    TargetExists(String),
    #[error("{0} is not a wakucareer backup: {1}")]
    NotABackup(String, String),
    #[error("the database {0} already holds data; restore only into a new, empty database")]
    NotEmpty(String),
    #[error("cannot copy the backup: {0}")]
    Copy(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Store {
    /// Writes a consistent copy of the whole database to `file`, which must not exist yet.
    pub async fn backup_to(&self, file: &Path) -> Result<(), BackupError> {
        if self.backend() == Backend::Postgres {
            return Err(BackupError::Postgres);
        }
        if file.exists() {
            return Err(BackupError::TargetExists(file.display().to_string()));
        }
        let target = file.to_string_lossy().into_owned();
        let mut conn = self.conn().await?;
        on_backend!(conn.exec(), c => sqlx::query("VACUUM INTO $1")
            .bind(&target).execute(c).await.map(|r| r.rows_affected()))
        .map_err(StoreError::from)?;
        Ok(())
    }

    /// Rows per table, for checking a restore against its source.
    pub async fn table_counts(&self) -> Result<Vec<(String, i64)>, StoreError> {
        let tables: Vec<String> = self.schema().await?.into_keys().collect();
        if tables.is_empty() {
            return Ok(Vec::new());
        }
        // One query for every table; the names come from the schema, not from outside.
        let sql = tables
            .iter()
            .map(|t| format!("SELECT '{t}', COUNT(*) FROM {t}"))
            .collect::<Vec<_>>()
            .join(" UNION ALL ");
        let mut conn = self.conn().await?;
        let mut counts: Vec<(String, i64)> =
            on_backend!(conn.exec(), c => sqlx::query_as(&sql).fetch_all(c).await)?;
        counts.sort();
        Ok(counts)
    }
}

/// Restores the SQLite backup `from` as the database at `to` (see the module's documentation).
pub async fn restore_sqlite(from: &Path, to: &DatabaseUrl) -> Result<Store, BackupError> {
    let DatabaseUrl::Sqlite(target) = to else {
        return Err(BackupError::Postgres);
    };
    let source = DatabaseUrl::Sqlite(from.to_owned());
    let backup = Store::connect(&source)
        .await
        .map_err(|e| BackupError::NotABackup(from.display().to_string(), e.to_string()))?;
    let looks_right = backup.municipalities().await;
    backup.close().await;
    if let Err(err) = looks_right {
        return Err(BackupError::NotABackup(
            from.display().to_string(),
            err.to_string(),
        ));
    }
    if target.exists() {
        let existing = Store::open_and_migrate(to).await?;
        let empty = existing.municipalities().await?.is_empty();
        existing.close().await;
        if !empty {
            return Err(BackupError::NotEmpty(target.display().to_string()));
        }
        for suffix in ["", "-wal", "-shm"] {
            let path = format!("{}{suffix}", target.display());
            if Path::new(&path).exists() {
                std::fs::remove_file(&path).map_err(|e| BackupError::Copy(e.to_string()))?;
            }
        }
    }
    std::fs::copy(from, target).map_err(|e| BackupError::Copy(e.to_string()))?;
    Ok(Store::open_and_migrate(to).await?)
}
