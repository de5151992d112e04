//! Backups: SQLite copies itself while open (and in use) and restores into an empty database;
//! PostgreSQL's own pg_dump and pg_restore round-trip the same schema and rows.

use store::audit::NewAuditEntry;
use store::backup::{BackupError, restore_sqlite};
use store::testing::{backend, empty_postgres_database, fresh_store};
use store::{Backend, DatabaseUrl, Store};

use crate::towns::town;

async fn some_data(store: &Store) {
    store.create_municipality(&town("nagaizumi")).await.unwrap();
    store.create_municipality(&town("susono")).await.unwrap();
    for i in 0..20 {
        store
            .audit(&NewAuditEntry {
                municipality_id: None,
                actor_id: None,
                actor_role: domain::audit::ActorRole::Anonymous,
                action: domain::audit::AuditAction::ParticipantView,
                target_type: domain::audit::AuditTarget::Participant,
                target_id: i.to_string(),
                detail: String::new(),
                ip: "192.0.2.1".into(),
            })
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn a_backup_restores_into_an_empty_database_with_every_row() {
    let source = fresh_store().await;
    some_data(&source).await;
    let dir = tempfile::tempdir().unwrap();
    let before = source.table_counts().await.unwrap();
    assert!(before.iter().any(|(t, n)| t == "audit_log" && *n == 20));

    let restored = match backend() {
        Backend::Sqlite => {
            // Taken while the database is open and another connection reads from it.
            let reader = source.conn().await.unwrap();
            let file = dir.path().join("backup.sqlite3");
            let copy = {
                let source = source.store.clone();
                let file = file.clone();
                tokio::spawn(async move { source.backup_to(&file).await })
            };
            copy.await.unwrap().unwrap();
            drop(reader);
            assert!(matches!(
                source.backup_to(&file).await,
                Err(BackupError::TargetExists(_))
            ));
            let target = DatabaseUrl::Sqlite(dir.path().join("restored.sqlite3"));
            let restored = restore_sqlite(&file, &target).await.unwrap();
            // Never over a database that holds data.
            assert!(matches!(
                restore_sqlite(&file, &target).await,
                Err(BackupError::NotEmpty(_))
            ));
            restored
        }
        Backend::Postgres => {
            assert!(matches!(
                source.backup_to(&dir.path().join("x")).await,
                Err(BackupError::Postgres)
            ));
            let DatabaseUrl::Postgres(from) = &source.url else {
                unreachable!()
            };
            let dump = dir.path().join("backup.dump");
            let status = std::process::Command::new("pg_dump")
                .args(["--format=custom", "--no-owner", "--file"])
                .arg(&dump)
                .arg(from)
                .status()
                .expect("pg_dump from Debian's postgresql-client");
            assert!(status.success());
            let target = empty_postgres_database().await;
            let DatabaseUrl::Postgres(to) = &target else {
                unreachable!()
            };
            let status = std::process::Command::new("pg_restore")
                .args(["--no-owner", "--exit-on-error", "--dbname", to])
                .arg(&dump)
                .status()
                .expect("pg_restore from Debian's postgresql-client");
            assert!(status.success());
            Store::open_and_migrate(&target).await.unwrap()
        }
    };
    assert_eq!(
        restored.schema().await.unwrap(),
        source.schema().await.unwrap()
    );
    assert_eq!(restored.table_counts().await.unwrap(), before);
    assert_eq!(
        restored.municipalities().await.unwrap(),
        source.municipalities().await.unwrap()
    );
}
