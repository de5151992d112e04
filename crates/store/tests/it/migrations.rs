use store::Backend;
use store::testing::{fresh_store, fresh_store_on};

#[tokio::test]
async fn both_backends_migrate_to_the_same_tables_and_columns() {
    let sqlite = fresh_store_on(Backend::Sqlite).await;
    let postgres = fresh_store_on(Backend::Postgres).await;
    let sqlite_schema = sqlite.schema().await.unwrap();
    let postgres_schema = postgres.schema().await.unwrap();
    assert!(sqlite_schema.contains_key("municipality"));
    assert!(sqlite_schema.contains_key("announcement"));
    assert_eq!(sqlite_schema, postgres_schema);
}

#[tokio::test]
async fn migrating_twice_changes_nothing() {
    let store = fresh_store().await;
    let before = store.schema().await.unwrap();
    store.migrate().await.unwrap();
    assert_eq!(store.schema().await.unwrap(), before);
    store.ping().await.unwrap();
}
