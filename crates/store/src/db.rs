//! The two backends behind one handle.

use std::str::FromStr;
use std::time::Duration;

use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{
    Connection, PgConnection, PgPool, Postgres, Sqlite, SqliteConnection, SqlitePool, Transaction,
};

use crate::database_url::{Backend, DatabaseUrl};
use crate::error::StoreError;
use crate::held::Held;

/// A pool that stayed full for [`ACQUIRE_TIMEOUT`] is [`StoreError::Busy`]: the web layer
/// answers 503 with `Retry-After` rather than a server error.
fn pool_error(error: sqlx::Error) -> StoreError {
    match error {
        sqlx::Error::PoolTimedOut => StoreError::Busy,
        other => StoreError::from(other),
    }
}

/// Runs the same code for whichever backend an [`Exec`] is: `$c` is bound to the backend's
/// connection and `$body` is type-checked once per backend.
///
/// ```ignore
/// on_backend!(conn.exec(), c => sqlx::query("SELECT 1").execute(c).await)?;
/// ```
#[macro_export]
macro_rules! on_backend {
    ($exec:expr, $c:ident => $body:expr) => {
        match $exec {
            $crate::Exec::Sqlite($c) => $body,
            $crate::Exec::Postgres($c) => $body,
        }
    };
}

/// A connection pool of either backend.
#[derive(Clone, Debug)]
pub(crate) enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// A connection borrowed from the pool. One task holds at most one at a time (checked in
/// debug builds by [`crate::held`]).
pub struct Conn {
    inner: ConnInner,
    _held: Held,
}

enum ConnInner {
    Sqlite(PoolConnection<Sqlite>),
    Postgres(PoolConnection<Postgres>),
}

/// A transaction; dropped without [`Tx::commit`], it rolls back, so nothing is half-written.
pub struct Tx {
    inner: TxInner,
    _held: Held,
}

enum TxInner {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

/// The executor a query runs on, borrowed from a [`Conn`] or a [`Tx`].
pub enum Exec<'c> {
    Sqlite(&'c mut SqliteConnection),
    Postgres(&'c mut PgConnection),
}

impl Conn {
    pub fn exec(&mut self) -> Exec<'_> {
        match &mut self.inner {
            ConnInner::Sqlite(c) => Exec::Sqlite(c),
            ConnInner::Postgres(c) => Exec::Postgres(c),
        }
    }
}

impl Tx {
    pub fn exec(&mut self) -> Exec<'_> {
        match &mut self.inner {
            TxInner::Sqlite(t) => Exec::Sqlite(t),
            TxInner::Postgres(t) => Exec::Postgres(t),
        }
    }

    pub async fn commit(self) -> Result<(), StoreError> {
        match self.inner {
            TxInner::Sqlite(t) => t.commit().await?,
            TxInner::Postgres(t) => t.commit().await?,
        }
        Ok(())
    }
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// Pooled connections: SQLite has one writer anyway; PostgreSQL's default allows 100 clients.
pub(crate) const SQLITE_POOL: u32 = 8;
pub(crate) const POSTGRES_POOL: u32 = 16;

/// How long a request waits for a free connection before it is told to come back.
/// (A burst of hundreds of bookings of one event queues on that event's row; waiting this
/// long is better for the parent than being told to come back.)
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);

impl Db {
    pub(crate) async fn connect(url: &DatabaseUrl) -> Result<Self, StoreError> {
        match url {
            DatabaseUrl::Sqlite(path) => {
                if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
                    && !parent.is_dir()
                {
                    return Err(StoreError::Connect {
                        target: url.redacted(),
                        reason: format!("the folder {} does not exist", parent.display()),
                    });
                }
                let options = SqliteConnectOptions::new()
                    .filename(path)
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Normal)
                    .foreign_keys(true)
                    .busy_timeout(Duration::from_secs(10));
                let pool = SqlitePoolOptions::new()
                    .max_connections(SQLITE_POOL)
                    .acquire_timeout(ACQUIRE_TIMEOUT)
                    .connect_with(options)
                    .await
                    .map_err(|e| StoreError::connect(url, e))?;
                Ok(Db::Sqlite(pool))
            }
            DatabaseUrl::Postgres(raw) => {
                let options =
                    PgConnectOptions::from_str(raw).map_err(|e| StoreError::InvalidUrl {
                        reason: e.to_string(),
                    })?;
                // One direct attempt first: the pool would retry until its timeout and then
                // report only that, hiding the cause (refused, unknown host, bad password).
                PgConnection::connect_with(&options)
                    .await
                    .map_err(|e| StoreError::connect(url, e))?
                    .close()
                    .await
                    .map_err(|e| StoreError::connect(url, e))?;
                let pool = PgPoolOptions::new()
                    .max_connections(POSTGRES_POOL)
                    .acquire_timeout(ACQUIRE_TIMEOUT)
                    .connect_with(options)
                    .await
                    .map_err(|e| StoreError::connect(url, e))?;
                Ok(Db::Postgres(pool))
            }
        }
    }

    pub(crate) fn pool_size(&self) -> u32 {
        match self {
            Db::Sqlite(_) => SQLITE_POOL,
            Db::Postgres(_) => POSTGRES_POOL,
        }
    }

    pub(crate) fn backend(&self) -> Backend {
        match self {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    pub(crate) async fn migrate(&self) -> Result<(), StoreError> {
        match self {
            Db::Sqlite(pool) => SQLITE_MIGRATIONS.run(pool).await?,
            Db::Postgres(pool) => POSTGRES_MIGRATIONS.run(pool).await?,
        }
        Ok(())
    }

    pub(crate) async fn acquire(&self) -> Result<Conn, StoreError> {
        let held = Held::acquire();
        let inner = match self {
            Db::Sqlite(pool) => ConnInner::Sqlite(pool.acquire().await.map_err(pool_error)?),
            Db::Postgres(pool) => ConnInner::Postgres(pool.acquire().await.map_err(pool_error)?),
        };
        Ok(Conn { inner, _held: held })
    }

    pub(crate) async fn begin(&self) -> Result<Tx, StoreError> {
        let held = Held::acquire();
        let inner = match self {
            Db::Sqlite(pool) => TxInner::Sqlite(
                pool.begin_with("BEGIN IMMEDIATE")
                    .await
                    .map_err(pool_error)?,
            ),
            Db::Postgres(pool) => TxInner::Postgres(pool.begin().await.map_err(pool_error)?),
        };
        Ok(Tx { inner, _held: held })
    }

    pub(crate) async fn close(&self) {
        match self {
            Db::Sqlite(pool) => pool.close().await,
            Db::Postgres(pool) => pool.close().await,
        }
    }
}

/// A value bound to a query built at run time (filters), so the same binding code serves both
/// backends.
#[derive(Debug, Clone)]
pub enum Arg {
    I64(i64),
    OptI64(Option<i64>),
    Text(String),
    Time(chrono::DateTime<chrono::Utc>),
}

/// Binds every [`Arg`] to a query, in order.
#[macro_export]
macro_rules! bind_args {
    ($query:expr, $args:expr) => {{
        let mut query = $query;
        for arg in $args {
            query = match arg {
                $crate::Arg::I64(v) => query.bind(*v),
                $crate::Arg::OptI64(v) => query.bind(*v),
                $crate::Arg::Text(v) => query.bind(v.clone()),
                $crate::Arg::Time(v) => query.bind(*v),
            };
        }
        query
    }};
}
