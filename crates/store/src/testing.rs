//! Fresh databases for tests: each test gets its own, on the backend the run asks for.
//!
//! - `WAKUCAREER_TEST_BACKEND` is `sqlite` (the default) or `postgres`.
//! - `WAKUCAREER_TEST_POSTGRES_URL` is a PostgreSQL server URL whose user may create
//!   databases; each test creates its own database there. The test script starts a throwaway
//!   cluster and sets it.

use std::sync::atomic::{AtomicU32, Ordering};

use crate::{Backend, DatabaseUrl, Store};

/// A migrated store that lives as long as the value (the SQLite file is removed on drop; the
/// PostgreSQL database goes with the throwaway cluster).
pub struct TestStore {
    pub store: Store,
    pub url: DatabaseUrl,
    _dir: Option<tempfile::TempDir>,
}

impl std::ops::Deref for TestStore {
    type Target = Store;
    fn deref(&self) -> &Store {
        &self.store
    }
}

/// The backend this test run uses.
pub fn backend() -> Backend {
    match std::env::var("WAKUCAREER_TEST_BACKEND").as_deref() {
        Ok("postgres") => Backend::Postgres,
        Ok("sqlite") | Err(_) => Backend::Sqlite,
        Ok(other) => panic!("WAKUCAREER_TEST_BACKEND must be sqlite or postgres, not {other}"),
    }
}

/// A fresh, migrated store on this run's backend.
pub async fn fresh_store() -> TestStore {
    fresh_store_on(backend()).await
}

/// A fresh, migrated store on the given backend.
pub async fn fresh_store_on(backend: Backend) -> TestStore {
    match backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir().expect("a temporary folder");
            let url = DatabaseUrl::Sqlite(dir.path().join("test.sqlite3"));
            let store = Store::open_and_migrate(&url).await.expect("migrate SQLite");
            TestStore {
                store,
                url,
                _dir: Some(dir),
            }
        }
        Backend::Postgres => {
            let url = fresh_postgres_database().await;
            let store = Store::open_and_migrate(&url)
                .await
                .expect("migrate PostgreSQL");
            TestStore {
                store,
                url,
                _dir: None,
            }
        }
    }
}

/// The server URL for PostgreSQL tests; a run that needs PostgreSQL and lacks it fails loudly.
pub fn postgres_server_url() -> String {
    std::env::var("WAKUCAREER_TEST_POSTGRES_URL").expect(
        "WAKUCAREER_TEST_POSTGRES_URL is not set: run the tests through ./scripts/test, \
         which starts a throwaway PostgreSQL",
    )
}

/// A new, empty PostgreSQL database (not migrated), e.g. to restore a dump into.
pub async fn empty_postgres_database() -> DatabaseUrl {
    fresh_postgres_database().await
}

async fn fresh_postgres_database() -> DatabaseUrl {
    use sqlx::Connection;
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let server = postgres_server_url();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    let name = format!(
        "wk_test_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        nanos
    );
    let mut admin = sqlx::PgConnection::connect(&server)
        .await
        .expect("connect to the test PostgreSQL server");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .expect("create a test database");
    let mut url = url::Url::parse(&server).expect("a PostgreSQL URL");
    url.set_path(&name);
    DatabaseUrl::Postgres(url.to_string())
}

/// Reads for tests that check what the store holds, without a viewer to record.
impl crate::TenantStore<'_> {
    pub async fn participant_for_test(
        &self,
        id: crate::account::AccountId,
    ) -> Result<Option<crate::participant::ParticipantRecord>, crate::StoreError> {
        self.participant(id).await
    }

    pub async fn introductions_for_test(
        &self,
        scope: crate::introduction::IntroductionScope,
        status: Option<domain::introduction::IntroductionStatus>,
        limit: i64,
    ) -> Result<Vec<crate::introduction::Introduction>, crate::StoreError> {
        self.introductions(scope, status, limit).await
    }
}

impl<T> crate::audit::Unshown<T> {
    /// The data, in tests that check what a page would get.
    pub fn peek(self) -> T {
        self.into_inner()
    }
}

/// Records tests pick by kind, to try them as other people.
#[derive(Debug, Clone, Copy)]
pub enum Record {
    Request,
    Introduction,
    Event,
    Booking,
    FollowUp,
    Enquiry,
}

impl crate::Store {
    /// The ids of a town's records of one kind, oldest first, with an optional condition on
    /// the row (SQL over the table's own columns, written by the test itself).
    pub async fn ids_for_test(
        &self,
        town: domain::MunicipalityId,
        kind: Record,
        condition: &str,
    ) -> Result<Vec<i64>, crate::StoreError> {
        let table = match kind {
            Record::Request => "request",
            Record::Introduction => "introduction",
            Record::Event => "event",
            Record::Booking => "booking",
            Record::FollowUp => "follow_up",
            Record::Enquiry => "enquiry",
        };
        let condition = if condition.is_empty() {
            String::new()
        } else {
            format!(" AND ({condition})")
        };
        let sql =
            format!("SELECT id FROM {table} WHERE municipality_id = $1{condition} ORDER BY id");
        let mut conn = self.conn().await?;
        let ids = on_backend!(conn.exec(), c => sqlx::query_scalar(&sql).bind(town.0).fetch_all(c).await)?;
        Ok(ids)
    }
}

impl crate::Store {
    /// Shows or hides an event from the public, as a coordinator's edit would.
    pub async fn set_event_public_for_test(
        &self,
        event: i64,
        public: bool,
    ) -> Result<(), crate::StoreError> {
        let mut conn = self.conn().await?;
        on_backend!(conn.exec(), c => sqlx::query("UPDATE event SET public = $1 WHERE id = $2")
            .bind(public).bind(event).execute(c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }
}

impl crate::Store {
    /// Runs SQL the test wrote itself: to put a row in a state only an older version could
    /// have written, or to run a data migration again.
    pub async fn run_sql_for_test(&self, sql: &str) -> Result<(), crate::StoreError> {
        let mut conn = self.conn().await?;
        on_backend!(conn.exec(), c => sqlx::raw_sql(sql).execute(c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// The data migration that moved the income walls to what they protect, for this backend.
    pub fn income_cap_migration_for_test(&self) -> &'static str {
        match self.backend() {
            crate::Backend::Sqlite => {
                include_str!("../migrations/sqlite/0015_income_cap_codes.sql")
            }
            crate::Backend::Postgres => {
                include_str!("../migrations/postgres/0015_income_cap_codes.sql")
            }
        }
    }
}
