//! Persistence for wakucareer.
//!
//! One set of repository code serves both backends: the embedded SQLite default and
//! PostgreSQL. Queries are written once, in SQL both accept (`$1` placeholders, `RETURNING`),
//! and run through [`on_backend!`], which type-checks the same query for each backend. Each
//! backend keeps its own migrations folder (`migrations/sqlite`, `migrations/postgres`); a test
//! proves both produce the same tables and columns.
//!
//! Tenancy: every tenant-owned table has a `municipality_id`. Tenant-owned rows are reached only
//! through a [`TenantStore`], which binds that id into every query, so a caller cannot forget it.

#[macro_use]
mod db;
pub mod account;
pub mod announcement;
pub mod attendance;
pub mod audit;
pub mod backup;
pub mod booking;
pub mod booking_desk;
pub mod calendar_token;
pub mod casework;
pub mod data_export;
pub mod data_request;
mod database_url;
mod earlier_casework;
pub mod enquiry;
mod error;
pub mod event;
pub mod event_change;
pub mod hearing_revision;
mod held;
pub mod interest;
pub mod introduction;
pub mod invitation;
pub mod list_export;
pub mod matching_cache;
pub mod matching_input;
pub mod municipality;
pub mod notification;
pub mod organization;
pub mod outbox;
pub mod participant;
mod participant_search;
pub mod password_reset;
pub mod personal_data;
pub mod privacy_policy;
pub mod program_fact;
pub mod report_target;
pub mod request;
pub mod retention;
pub mod saved_request;
pub mod schema;
pub mod secret;
mod server_key;
pub mod session;
pub mod signup_verification;
mod tenant;
#[cfg(feature = "testing")]
pub mod testing;
pub mod throttle;
pub mod town_page;
pub mod travel;
pub mod work_queue;

pub use database_url::{Backend, DatabaseUrl};
pub use db::{Arg, Conn, Exec, Tx};
pub use error::StoreError;
pub use tenant::TenantStore;

use db::Db;

/// The handle to the database that the rest of the platform holds. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Store {
    db: Db,
    /// Connections and transactions handed out so far: every store method takes its own, so
    /// a page that asks once per row of a list shows here (the query-count test).
    acquisitions: std::sync::Arc<std::sync::atomic::AtomicU64>,
    /// Towns' engine inputs held in memory (`matching_cache`).
    matching: std::sync::Arc<matching_cache::MatchingCache>,
    /// Where simultaneous bookings of an event wait their turn (`booking_desk`).
    booking_desks: std::sync::Arc<booking_desk::Desks>,
}

impl Store {
    /// Opens the database (creating an SQLite file if needed). Does not migrate.
    pub async fn connect(url: &DatabaseUrl) -> Result<Self, StoreError> {
        Ok(Self {
            db: Db::connect(url).await?,
            acquisitions: Default::default(),
            matching: Default::default(),
            booking_desks: Default::default(),
        })
    }

    /// Opens the database and applies every pending migration.
    pub async fn open_and_migrate(url: &DatabaseUrl) -> Result<Self, StoreError> {
        let store = Self::connect(url).await?;
        store.migrate().await?;
        Ok(store)
    }

    pub async fn migrate(&self) -> Result<(), StoreError> {
        self.db.migrate().await?;
        account::fill_name_keys(self).await
    }

    pub fn backend(&self) -> Backend {
        self.db.backend()
    }

    /// How many connections the pool holds at most.
    pub fn pool_size(&self) -> u32 {
        self.db.pool_size()
    }

    /// A round trip to the database, for health checks.
    pub async fn ping(&self) -> Result<(), StoreError> {
        let mut conn = self.conn().await?;
        on_backend!(conn.exec(), c => sqlx::query("SELECT 1").execute(c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Refreshes the query planner's statistics, so lookups by person keep using their index
    /// as the town grows (SQLite has none until asked; sampled, so quick on a big town). The
    /// worker calls it hourly, and the demo loader after a load.
    pub async fn refresh_planner_statistics(&self) -> Result<(), StoreError> {
        let mut conn = self.conn().await?;
        match conn.exec() {
            Exec::Sqlite(c) => {
                sqlx::query("PRAGMA analysis_limit = 1000")
                    .execute(&mut *c)
                    .await?;
                sqlx::query("ANALYZE").execute(&mut *c).await?;
            }
            Exec::Postgres(c) => {
                sqlx::query("ANALYZE").execute(&mut *c).await?;
            }
        }
        Ok(())
    }

    /// Waits for open connections to finish and closes the pool.
    pub async fn close(&self) {
        self.db.close().await;
    }

    pub async fn conn(&self) -> Result<Conn, StoreError> {
        self.count_acquisition();
        self.db.acquire().await
    }

    /// How many connections and transactions this store has handed out.
    pub fn acquisitions(&self) -> u64 {
        self.acquisitions.load(std::sync::atomic::Ordering::Relaxed)
    }

    fn count_acquisition(&self) {
        self.acquisitions
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }

    /// Starts a transaction that will write. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`), so two writers queue instead of failing half-way.
    pub async fn begin(&self) -> Result<Tx, StoreError> {
        self.count_acquisition();
        self.db.begin().await
    }

    /// The rows of one town. Every tenant-owned query goes through this.
    pub fn tenant(&self, municipality: &domain::Municipality) -> TenantStore<'_> {
        TenantStore::new(self, municipality.id)
    }
}
