use domain::audit::{AuditAction, AuditTarget};
use store::audit::{AuditFilter, NewAuditEntry};
use store::testing::fresh_store;

use crate::towns::town;

fn entry(action: AuditAction) -> NewAuditEntry {
    NewAuditEntry {
        municipality_id: None,
        actor_id: None,
        actor_role: domain::audit::ActorRole::Signed(domain::Role::Coordinator),
        action,
        target_type: AuditTarget::Participant,
        target_id: "1".into(),
        detail: String::new(),
        ip: "192.0.2.1".into(),
    }
}

#[tokio::test]
async fn the_audit_log_cannot_be_changed_or_emptied() {
    let store = fresh_store().await;
    store
        .audit(&entry(AuditAction::ParticipantView))
        .await
        .unwrap();
    let mut conn = store.conn().await.unwrap();
    let update = store::on_backend!(conn.exec(), c => sqlx::query("UPDATE audit_log SET action = 'nothing'")
        .execute(c).await.map(|r| r.rows_affected()));
    assert!(update.is_err(), "UPDATE must be refused");
    let delete = store::on_backend!(conn.exec(), c => sqlx::query("DELETE FROM audit_log")
        .execute(c).await.map(|r| r.rows_affected()));
    assert!(delete.is_err(), "DELETE must be refused");
    drop(conn);
    let entries = store.audit_page(&AuditFilter::default(), 10).await.unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].action, AuditAction::ParticipantView);
}

#[tokio::test]
async fn the_audit_log_filters_by_town_action_and_pages_by_id() {
    let store = fresh_store().await;
    let a = store.create_municipality(&town("town-a")).await.unwrap();
    let b = store.create_municipality(&town("town-b")).await.unwrap();
    for action in [
        AuditAction::ParticipantView,
        AuditAction::ParticipantList,
        AuditAction::ParticipantShortlist,
        AuditAction::ParticipantProfileSaved,
        AuditAction::ParticipantHearingRecorded,
    ] {
        store
            .audit(&NewAuditEntry {
                municipality_id: Some(a.id),
                ..entry(action)
            })
            .await
            .unwrap();
    }
    store
        .audit(&NewAuditEntry {
            municipality_id: Some(b.id),
            ..entry(AuditAction::ParticipantView)
        })
        .await
        .unwrap();
    store
        .audit(&NewAuditEntry {
            municipality_id: Some(a.id),
            ..entry(AuditAction::AuthSignIn)
        })
        .await
        .unwrap();
    let filter = AuditFilter {
        municipality: Some(a.id),
        action_prefix: Some("participant.".into()),
        ..AuditFilter::default()
    };
    let first = store.audit_page(&filter, 3).await.unwrap();
    assert_eq!(first.len(), 3);
    assert!(
        first
            .iter()
            .all(|e| e.municipality_id == Some(a.id.0)
                && e.action.code().starts_with("participant."))
    );
    let rest = store
        .audit_page(
            &AuditFilter {
                before_id: Some(first[2].id),
                ..filter.clone()
            },
            3,
        )
        .await
        .unwrap();
    assert_eq!(rest.len(), 2);
    assert!(rest[0].id < first[2].id);
}
