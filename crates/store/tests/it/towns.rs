use domain::NewMunicipality;
use domain::municipality::MunicipalityInput;
use store::StoreError;
use store::testing::fresh_store;

pub fn town(slug: &str) -> NewMunicipality {
    NewMunicipality::parse(&MunicipalityInput {
        slug,
        name_ja: "長泉町",
        name_en: "Nagaizumi",
        eligibility: "residents_or_workers",
        fiscal_year_start: "4",
        contact_email: "office@example.jp",
        contact_phone: "",
        prefecture: "",
    })
    .unwrap()
}

#[tokio::test]
async fn a_town_is_created_and_found_by_slug() {
    let store = fresh_store().await;
    let created = store.create_municipality(&town("nagaizumi")).await.unwrap();
    let found = store
        .municipality_by_slug("nagaizumi")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found, created);
    assert_eq!(found.name_ja, "長泉町");
    assert!(
        store
            .municipality_by_slug("mishima")
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn a_taken_slug_is_a_conflict_on_the_slug_field() {
    let store = fresh_store().await;
    store.create_municipality(&town("nagaizumi")).await.unwrap();
    let err = store
        .create_municipality(&town("nagaizumi"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Conflict { field: "slug" }),
        "{err:?}"
    );
    assert_eq!(store.municipalities().await.unwrap().len(), 1);
}
