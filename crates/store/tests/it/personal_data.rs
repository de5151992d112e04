//! The classification of personal data against the migrated schema, and data downloads'
//! life: asked for, claimed by one worker, fetched by their owner only, removed when due.

use store::personal_data::{stale, unclassified};
use store::testing::fresh_store;

use crate::towns::town;

#[tokio::test]
async fn every_column_of_the_schema_is_classified() {
    let store = fresh_store().await;
    let schema = store.schema().await.unwrap();
    assert_eq!(unclassified(&schema), Vec::<(String, String)>::new());
    assert_eq!(stale(&schema), Vec::<(&str, &str)>::new());
}

#[tokio::test]
async fn a_migration_that_adds_an_unclassified_column_fails_the_check() {
    let store = fresh_store().await;
    let mut conn = store.conn().await.unwrap();
    let sql = "ALTER TABLE participant_profile ADD COLUMN hobby TEXT";
    match conn.exec() {
        store::Exec::Sqlite(c) => sqlx::query(sql).execute(c).await.map(|_| ()),
        store::Exec::Postgres(c) => sqlx::query(sql).execute(c).await.map(|_| ()),
    }
    .unwrap();
    drop(conn);
    let schema = store.schema().await.unwrap();
    assert_eq!(
        unclassified(&schema),
        vec![("participant_profile".to_owned(), "hobby".to_owned())]
    );
}

#[tokio::test]
async fn a_download_is_prepared_once_and_fetched_by_its_owner_only() {
    let store = fresh_store().await;
    let nagaizumi = store.create_municipality(&town("nagaizumi")).await.unwrap();
    let tenant = store.tenant(&nagaizumi);
    let owner = crate::participants::participant(&tenant, "owner@example.jp").await;
    let other = crate::participants::participant(&tenant, "other@example.jp").await;

    let asked = tenant.request_data_export(owner, "ja").await.unwrap();
    assert_eq!(
        tenant.request_data_export(owner, "ja").await.unwrap(),
        asked
    );
    assert_eq!(
        tenant.data_export_archive(owner, asked.id).await.unwrap(),
        None
    );

    let claimed = store.claim_data_export().await.unwrap().unwrap();
    assert_eq!((claimed.id, claimed.account_id), (asked.id, owner.0));
    assert_eq!(
        store.claim_data_export().await.unwrap(),
        None,
        "claimed once"
    );

    let records = tenant.personal_records(owner).await.unwrap().unwrap();
    let account = records
        .tables
        .iter()
        .find(|t| t.table.name == "account")
        .unwrap();
    let email = account
        .columns
        .iter()
        .position(|c| c.name == "email")
        .unwrap();
    assert_eq!(account.rows[0][email].as_deref(), Some("owner@example.jp"));

    store.finish_data_export(asked.id, b"zip").await.unwrap();
    assert_eq!(
        tenant.data_export_archive(other, asked.id).await.unwrap(),
        None,
        "another person's download is not found"
    );
    assert_eq!(
        tenant.data_export_archive(owner, asked.id).await.unwrap(),
        Some(b"zip".to_vec())
    );
    let listed = tenant.data_exports(owner).await.unwrap();
    assert!(listed[0].downloaded_at.is_some() && listed[0].ready_at.is_some());
    assert!(tenant.data_exports(other).await.unwrap().is_empty());

    let other_town = store.create_municipality(&town("susono")).await.unwrap();
    assert!(
        store
            .tenant(&other_town)
            .personal_records(owner)
            .await
            .unwrap()
            .is_none(),
        "another town cannot read the person"
    );
    assert_eq!(store.remove_expired_exports().await.unwrap(), 0);
    let mut conn = store.conn().await.unwrap();
    let past = chrono::Utc::now() - chrono::Duration::days(1);
    let sql = "UPDATE data_export SET expires_at = $1";
    match conn.exec() {
        store::Exec::Sqlite(c) => sqlx::query(sql).bind(past).execute(c).await.map(|_| ()),
        store::Exec::Postgres(c) => sqlx::query(sql).bind(past).execute(c).await.map(|_| ()),
    }
    .unwrap();
    drop(conn);
    assert_eq!(store.remove_expired_exports().await.unwrap(), 1);
    assert!(tenant.data_exports(owner).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_long_lists_file_is_made_once_and_fetched_by_its_requester_only() {
    use store::list_export::ListExportAsk;
    let store = fresh_store().await;
    let nagaizumi = store.create_municipality(&town("nagaizumi")).await.unwrap();
    let tenant = store.tenant(&nagaizumi);
    let asker = crate::participants::participant(&tenant, "asker@example.jp").await;
    let other = crate::participants::participant(&tenant, "other@example.jp").await;
    let ask = ListExportAsk {
        list: "participants",
        format: "xlsx",
        query: "who=",
        lang: "en",
    };
    let asked = tenant.request_list_export(asker, &ask).await.unwrap();
    assert_eq!((asked.rows_total, asked.ready_at), (None, None));
    assert_eq!(tenant.list_export(other, asked.id).await.unwrap(), None);

    let claimed = store.claim_list_export().await.unwrap().unwrap();
    assert_eq!(
        (
            claimed.id,
            claimed.account_id,
            claimed.query.as_str(),
            claimed.lang.as_str()
        ),
        (asked.id, asker.0, "who=", "en")
    );
    assert_eq!(
        store.claim_list_export().await.unwrap(),
        None,
        "claimed once"
    );
    store
        .list_export_progress(asked.id, (500, 1200))
        .await
        .unwrap();
    let moving = tenant.list_export(asker, asked.id).await.unwrap().unwrap();
    assert_eq!((moving.rows_done, moving.rows_total), (500, Some(1200)));
    assert_eq!(
        tenant.list_export_file(asker, asked.id).await.unwrap(),
        None
    );

    store
        .finish_list_export(asked.id, ("list.xlsx", b"book"))
        .await
        .unwrap();
    assert_eq!(
        tenant.list_export_file(other, asked.id).await.unwrap(),
        None
    );
    assert_eq!(
        tenant.list_export_file(asker, asked.id).await.unwrap(),
        Some(("xlsx".into(), "list.xlsx".into(), b"book".to_vec()))
    );
    let other_town = store.create_municipality(&town("susono")).await.unwrap();
    assert_eq!(
        store
            .tenant(&other_town)
            .list_export_file(asker, asked.id)
            .await
            .unwrap(),
        None,
        "another town's store finds nothing"
    );

    // One that cannot be made says why, and has no file.
    let refused = tenant.request_list_export(asker, &ask).await.unwrap();
    store.claim_list_export().await.unwrap().unwrap();
    store.refuse_list_export(refused.id, "なぜ").await.unwrap();
    let seen = tenant
        .list_export(asker, refused.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(seen.refused.as_deref(), Some("なぜ"));
    assert_eq!(
        tenant.list_export_file(asker, refused.id).await.unwrap(),
        None
    );

    // The command line takes its own download, and only while it waits.
    let own = tenant.request_list_export(asker, &ask).await.unwrap();
    assert_eq!(
        store.claim_list_export_by_id(own.id + 1).await.unwrap(),
        None
    );
    let taken = store
        .claim_list_export_by_id(own.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(taken.id, own.id);
    assert_eq!(store.claim_list_export_by_id(own.id).await.unwrap(), None);
    store.refuse_list_export(own.id, "").await.unwrap();

    assert_eq!(store.remove_expired_list_exports().await.unwrap(), 0);
    let mut conn = store.conn().await.unwrap();
    let past = chrono::Utc::now() - chrono::Duration::hours(1);
    let sql = "UPDATE list_export SET expires_at = $1";
    match conn.exec() {
        store::Exec::Sqlite(c) => sqlx::query(sql).bind(past).execute(c).await.map(|_| ()),
        store::Exec::Postgres(c) => sqlx::query(sql).bind(past).execute(c).await.map(|_| ()),
    }
    .unwrap();
    drop(conn);
    assert_eq!(store.remove_expired_list_exports().await.unwrap(), 3);
}
