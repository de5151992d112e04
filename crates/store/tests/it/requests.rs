use chrono::NaiveDate;
use domain::Role;
use domain::availability::{Weekday, WeeklyAvailability};
use domain::minimum_wage::MinimumWageTable;
use domain::request::{
    CloseReason, RequestDraft, RequestInput, RequestKind, RequestRules, RequestStatus,
};
use domain::skill::Taxonomy;
use store::account::NewAccountRecord;
use store::organization::NewOrganization;
use store::request::PublicFilter;
use store::testing::fresh_store;

use crate::towns::town;

pub fn draft(title: &str, end_slot: usize, flags: &[&str], mode: &str) -> RequestDraft {
    let input = RequestInput {
        kind: "job".into(),
        title: title.into(),
        description: "説明".into(),
        required_skills: vec![("spreadsheet".into(), "2".into())],
        flags: flags.iter().map(|f| f.to_string()).collect(),
        work_mode: mode.into(),
        location_area: "下土狩".into(),
        windows: WeeklyAvailability::empty().with_window(Weekday::new(0).unwrap(), 18, end_slot),
        days_per_week: "1".into(),
        hours_min: "2".into(),
        hours_max: "3".into(),
        contract: "part_time".into(),
        pay_unit: "hourly".into(),
        pay_yen: "1200".into(),
        headcount: "1".into(),
        ..RequestInput::default()
    };
    let taxonomy = Taxonomy::shipped().unwrap();
    let minimum_wage = MinimumWageTable::shipped().unwrap();
    let rules = RequestRules {
        taxonomy: &taxonomy,
        minimum_wage: &minimum_wage,
        prefecture: "shizuoka",
        today: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        areas: &domain::travel::TravelTable::default(),
    };
    RequestDraft::parse(&input, &rules).unwrap()
}

#[tokio::test]
async fn requests_move_through_review_and_only_published_ones_are_public() {
    let store = fresh_store().await;
    let town = store.create_municipality(&town("nagaizumi")).await.unwrap();
    let tenant = store.tenant(&town);
    let org = tenant
        .create_organization(&NewOrganization {
            name: "湯の花旅館".into(),
            name_en: String::new(),
            kind: domain::organization::OrganizationKind::Company,
            location: domain::organization::OrganizationLocation::InTown,
            contact_person: "湯川".into(),
            description: String::new(),
        })
        .await
        .unwrap();
    let member = tenant
        .create_account(&NewAccountRecord {
            role: Role::OrganizationMember,
            organization_id: Some(org.id),
            email: "inn@example.jp".into(),
            display_name: "湯川".into(),
            furigana: "ゆかわ".into(),
            password_hash: "x".into(),
        })
        .await
        .unwrap();
    let morning = tenant
        .create_request(
            org.id,
            &draft("午前の客室係", 26, &["within_income_cap"], "on_site"),
            member.id,
        )
        .await
        .unwrap();
    let evening = tenant
        .create_request(org.id, &draft("夕方の事務", 40, &[], "hybrid"), member.id)
        .await
        .unwrap();
    assert!(
        tenant
            .published_requests(&PublicFilter::default(), 10)
            .await
            .unwrap()
            .is_empty()
    );

    for id in [morning, evening] {
        assert!(
            tenant
                .move_request(
                    id,
                    RequestStatus::Draft,
                    RequestStatus::Submitted,
                    domain::request::RequestStep::Submit,
                    member.id,
                    ""
                )
                .await
                .unwrap()
        );
        assert!(
            tenant
                .move_request(
                    id,
                    RequestStatus::Submitted,
                    RequestStatus::Published,
                    domain::request::RequestStep::Publish,
                    member.id,
                    ""
                )
                .await
                .unwrap()
        );
    }
    assert!(
        !tenant
            .move_request(
                morning,
                RequestStatus::Submitted,
                RequestStatus::Published,
                domain::request::RequestStep::Publish,
                member.id,
                ""
            )
            .await
            .unwrap(),
        "a stale move does nothing"
    );
    let all = tenant
        .published_requests(&PublicFilter::default(), 10)
        .await
        .unwrap();
    assert_eq!(
        all.iter().map(|r| r.id).collect::<Vec<_>>(),
        [evening, morning]
    );
    assert!(all[0].published_at.is_some());
    let by_three = tenant
        .published_requests(
            &PublicFilter {
                finishes_by: Some(30),
                within_income_cap: true,
                ..Default::default()
            },
            10,
        )
        .await
        .unwrap();
    assert_eq!(by_three.iter().map(|r| r.id).collect::<Vec<_>>(), [morning]);
    let remote = tenant
        .published_requests(
            &PublicFilter {
                remote: true,
                ..Default::default()
            },
            10,
        )
        .await
        .unwrap();
    assert_eq!(remote.iter().map(|r| r.id).collect::<Vec<_>>(), [evening]);
    let page_two = tenant
        .published_requests(
            &PublicFilter {
                before_id: Some(evening),
                ..Default::default()
            },
            10,
        )
        .await
        .unwrap();
    assert_eq!(page_two.len(), 1);

    tenant
        .update_request(
            (morning, RequestStatus::Published, RequestStatus::Published),
            &draft(
                "午前の客室係（時給改定）",
                26,
                &["within_income_cap"],
                "on_site",
            ),
            member.id,
            "title",
        )
        .await
        .unwrap();
    let edited = tenant.request(morning).await.unwrap().unwrap();
    assert_eq!(edited.title, "午前の客室係（時給改定）");
    assert_eq!(edited.status().unwrap(), RequestStatus::Published);
    // An edit from a status the request has left changes nothing.
    let stale = tenant
        .update_request(
            (morning, RequestStatus::Submitted, RequestStatus::Submitted),
            &draft("書き換え", 26, &["within_income_cap"], "on_site"),
            member.id,
            "title",
        )
        .await;
    assert!(matches!(stale, Err(store::StoreError::NotFound)));
    assert_eq!(
        tenant.request(morning).await.unwrap().unwrap().title,
        "午前の客室係（時給改定）"
    );
    assert!(
        tenant
            .move_request(
                morning,
                RequestStatus::Published,
                RequestStatus::Closed(CloseReason::Filled),
                domain::request::RequestStep::Close,
                member.id,
                "2名採用"
            )
            .await
            .unwrap()
    );
    let events: Vec<_> = tenant
        .request_events(morning)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action.code())
        .collect();
    assert_eq!(events, ["close", "edited", "publish", "submit", "created"]);
    assert_eq!(tenant.request_skills(morning).await.unwrap().len(), 1);
    assert_eq!(
        tenant.request(morning).await.unwrap().unwrap().kind,
        RequestKind::Job
    );
}
