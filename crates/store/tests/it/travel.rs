use chrono::NaiveDate;
use domain::Role;
use domain::municipality::EligibilityBasis;
use domain::participant::{Profile, ProfileInput};
use domain::skill::Taxonomy;
use domain::travel::TravelTable;
use store::account::NewAccountRecord;
use store::testing::fresh_store;

use crate::towns::town;

const TABLE: &str = "default,20\narea,shimotogari,下土狩,Shimotogari\narea,nameri,納米里,Nameri\n\
area,mishima,三島市,Mishima City\ntravel,shimotogari,nameri,5\ntravel,shimotogari,mishima,12\n";

#[tokio::test]
async fn a_towns_travel_table_is_replaced_whole_and_places_people() {
    let store = fresh_store().await;
    let town = store.create_municipality(&town("nagaizumi")).await.unwrap();
    let tenant = store.tenant(&town);
    let empty = tenant.travel_table().await.unwrap();
    assert!(empty.areas.is_empty());
    assert_eq!(empty.default_minutes, domain::travel::DEFAULT_MINUTES);

    let table = TravelTable::parse(TABLE).unwrap();
    tenant.replace_travel_table(&table).await.unwrap();
    assert_eq!(tenant.travel_table().await.unwrap(), table);

    // A participant in 納米里 is 5 minutes from 下土狩 for the engine, 20 (the default) from
    // a place the table does not know.
    let person = tenant
        .register_participant(
            &NewAccountRecord {
                role: Role::Participant,
                organization_id: None,
                email: "hanako@example.jp".into(),
                display_name: "長泉 花子".into(),
                furigana: "ながいずみ はなこ".into(),
                password_hash: "x".into(),
            },
            EligibilityBasis::LivesInTown,
            "2026-11",
        )
        .await
        .unwrap();
    let input = ProfileInput {
        display_name: "長泉 花子".into(),
        furigana: "ながいずみ はなこ".into(),
        postal_code: "411-0943".into(),
        goal_track: "own_pace".into(),
        availability: domain::availability::WeeklyAvailability::empty().with_window(
            domain::availability::Weekday::new(0).unwrap(),
            18,
            30,
        ),
        max_hours_per_week: "5".into(),
        income_cap: "none".into(),
        work_place: "either".into(),
        home_area: "nameri".into(),
        ..ProfileInput::default()
    };
    let taxonomy = Taxonomy::shipped().unwrap();
    let profile = Profile::parse(
        &input,
        &taxonomy,
        &table,
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
    )
    .unwrap();
    tenant
        .save_profile(person.id, &profile, person.id)
        .await
        .unwrap();
    let input = tenant.matching_input(&taxonomy).await.unwrap();
    let home = input.candidates[0].area;
    assert_eq!(input.travel.between(home, 0), 5, "納米里 to 下土狩");
    assert_eq!(input.travel.between(home, u16::MAX), 20, "an unknown place");

    // A new table without 納米里: the profile loses the area rather than keep a stale code.
    let smaller = TravelTable::parse("area,shimotogari,下土狩,Shimotogari\n").unwrap();
    tenant.replace_travel_table(&smaller).await.unwrap();
    let record = tenant
        .participant_for_test(person.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(record.profile.home_area, None);
    assert_eq!(tenant.travel_table().await.unwrap(), smaller);
    // The engine's copy in memory follows the new table.
    let input = tenant.matching_input(&taxonomy).await.unwrap();
    assert_eq!(input.candidates[0].area, u16::MAX, "no area any more");
}
