use chrono::{Duration, NaiveDate, Utc};
use domain::Role;
use domain::availability::{Weekday, WeeklyAvailability};
use domain::municipality::EligibilityBasis;
use domain::participant::{GoalTrack, Profile, ProfileInput};
use domain::skill::Taxonomy;
use domain::travel::TravelTable;
use store::StoreError;
use store::account::NewAccountRecord;
use store::casework::NewHearing;
use store::participant::ParticipantFilter;
use store::testing::fresh_store;

use crate::towns::town;

fn record(email: &str, furigana: &str) -> NewAccountRecord {
    NewAccountRecord {
        role: Role::Participant,
        organization_id: None,
        email: email.into(),
        display_name: email.into(),
        furigana: furigana.into(),
        password_hash: "x".into(),
    }
}

/// A registered participant of `tenant`, by email.
pub async fn participant(
    tenant: &store::TenantStore<'_>,
    email: &str,
) -> store::account::AccountId {
    tenant
        .register_participant(
            &record(email, "さんか"),
            EligibilityBasis::WorksInTown,
            "2026-11",
        )
        .await
        .unwrap()
        .id
}

pub fn profile(goal: &str, days: &[usize], gap_years: &str, skills: &[(&str, &str)]) -> Profile {
    let availability = days.iter().fold(WeeklyAvailability::empty(), |a, d| {
        a.with_window(Weekday::new(*d).unwrap(), 18, 30)
    });
    let input = ProfileInput {
        display_name: "参加者".into(),
        furigana: "さんかしゃ".into(),
        postal_code: "411-0943".into(),
        goal_track: goal.into(),
        career_gap_years: gap_years.into(),
        availability,
        max_hours_per_week: "5".into(),
        income_cap: "none".into(),
        work_place: "either".into(),
        skills: skills
            .iter()
            .map(|(id, level)| (id.to_string(), level.to_string(), String::new()))
            .collect(),
        ..ProfileInput::default()
    };
    Profile::parse(
        &input,
        &Taxonomy::shipped().unwrap(),
        &TravelTable::default(),
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
    )
    .unwrap()
}

#[tokio::test]
async fn registration_records_eligibility_consent_and_the_timeline_or_nothing() {
    let store = fresh_store().await;
    let town = store.create_municipality(&town("nagaizumi")).await.unwrap();
    let tenant = store.tenant(&town);
    let hanako = tenant
        .register_participant(
            &record("hanako@example.jp", "はなこ"),
            EligibilityBasis::WorksInTown,
            "2026-11",
        )
        .await
        .unwrap();
    let found = tenant
        .participant_for_test(hanako.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        found.profile.eligibility_basis,
        EligibilityBasis::WorksInTown
    );
    assert!(found.profile.goal_track.is_none());
    let consents = tenant.consents(hanako.id).await.unwrap();
    assert_eq!(consents.len(), 1);
    assert_eq!(consents[0].version, "2026-11");
    assert_eq!(
        tenant.case_events(hanako.id).await.unwrap()[0].kind,
        domain::timeline::TimelineKind::Registered
    );

    let again = tenant
        .register_participant(
            &record("hanako@example.jp", "はなこ"),
            EligibilityBasis::LivesInTown,
            "2026-11",
        )
        .await;
    assert!(matches!(
        again,
        Err(StoreError::Conflict { field: "email" })
    ));
    assert_eq!(
        tenant
            .search_participants(&ParticipantFilter::default(), 10, 0)
            .await
            .unwrap()
            .peek()
            .len(),
        1
    );
}

#[tokio::test]
async fn a_saved_profile_reads_back_and_keeps_its_goal_history() {
    let store = fresh_store().await;
    let town = store.create_municipality(&town("nagaizumi")).await.unwrap();
    let tenant = store.tenant(&town);
    let id = tenant
        .register_participant(
            &record("a@example.jp", "あ"),
            EligibilityBasis::LivesInTown,
            "v1",
        )
        .await
        .unwrap()
        .id;
    let first = profile(
        "own_pace",
        &[0, 2],
        "3",
        &[("spreadsheet", "2"), ("pta-treasurer", "3")],
    );
    tenant.save_profile(id, &first, id).await.unwrap();
    let stored = tenant.participant_for_test(id).await.unwrap().unwrap();
    assert_eq!(stored.profile.availability, first.availability);
    assert_eq!(stored.profile.goal_track, Some(GoalTrack::OwnPace));
    assert_eq!(stored.profile.career_gap_months, 36);
    assert_eq!(stored.skills.len(), 2);
    tenant
        .save_profile(
            id,
            &profile("full_return", &[0], "3", &[("spreadsheet", "2")]),
            id,
        )
        .await
        .unwrap();
    let history: Vec<_> = tenant
        .goal_track_history(id)
        .await
        .unwrap()
        .into_iter()
        .map(|(g, _)| g)
        .collect();
    assert_eq!(history, ["own_pace", "full_return"]);
}

#[tokio::test]
async fn coordinators_filter_by_goal_skill_day_gap_and_contact() {
    let store = fresh_store().await;
    let town = store.create_municipality(&town("nagaizumi")).await.unwrap();
    let tenant = store.tenant(&town);
    let coordinator = tenant
        .create_account(&NewAccountRecord {
            role: Role::Coordinator,
            ..record("c@example.jp", "こ")
        })
        .await
        .unwrap();
    let a = tenant
        .register_participant(
            &record("a@example.jp", "あ"),
            EligibilityBasis::LivesInTown,
            "v1",
        )
        .await
        .unwrap()
        .id;
    let b = tenant
        .register_participant(
            &record("b@example.jp", "い"),
            EligibilityBasis::LivesInTown,
            "v1",
        )
        .await
        .unwrap()
        .id;
    tenant
        .save_profile(
            a,
            &profile("own_pace", &[0, 1], "1", &[("spreadsheet", "2")]),
            a,
        )
        .await
        .unwrap();
    tenant
        .save_profile(
            b,
            &profile("start_business", &[4], "8", &[("sewing", "3")]),
            b,
        )
        .await
        .unwrap();
    let names = |rows: Vec<store::participant::ParticipantSummary>| {
        rows.into_iter().map(|r| r.id).collect::<Vec<_>>()
    };
    let by = |filter: ParticipantFilter| async move {
        names(
            tenant
                .search_participants(&filter, 10, 0)
                .await
                .unwrap()
                .peek(),
        )
    };
    assert_eq!(
        by(ParticipantFilter {
            goal_track: Some(GoalTrack::StartBusiness),
            ..Default::default()
        })
        .await,
        [b.0]
    );
    assert_eq!(
        by(ParticipantFilter {
            skill_ids: vec!["spreadsheet".into()],
            ..Default::default()
        })
        .await,
        [a.0]
    );
    assert_eq!(
        by(ParticipantFilter {
            free_on: Some("fri".into()),
            ..Default::default()
        })
        .await,
        [b.0]
    );
    assert_eq!(
        by(ParticipantFilter {
            min_gap_months: Some(60),
            ..Default::default()
        })
        .await,
        [b.0]
    );

    tenant
        .record_hearing(&NewHearing {
            participant: a,
            coordinator: coordinator.id,
            held_on: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            goals: "週3日、午前中".into(),
            worries: String::new(),
            constraints_confirmed: true,
            notes: String::new(),
            confirmed_skills: vec!["spreadsheet".into(), "not-declared".into()],
            follow_up: Some((
                NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
                "求人の紹介".into(),
            )),
        })
        .await
        .unwrap();
    let since = Utc::now() - Duration::days(30);
    assert_eq!(
        by(ParticipantFilter {
            not_contacted_since: Some(since),
            ..Default::default()
        })
        .await,
        [b.0]
    );
    let record = tenant.participant_for_test(a).await.unwrap().unwrap();
    assert!(
        record.skills[0].verified_at.is_some(),
        "a confirmed skill is verified"
    );
    let due = tenant
        .follow_ups_due(
            coordinator.id,
            NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        )
        .await
        .unwrap()
        .peek();
    assert_eq!(due.len(), 1);
    assert!(
        tenant
            .follow_ups_due(
                coordinator.id,
                NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
            )
            .await
            .unwrap()
            .peek()
            .is_empty()
    );
    assert!(
        tenant
            .complete_follow_up(due[0].id, coordinator.id, ("電話で確認", None))
            .await
            .unwrap()
    );
    assert!(
        !tenant
            .complete_follow_up(due[0].id, coordinator.id, ("電話で確認", None))
            .await
            .unwrap(),
        "done once"
    );
    let kinds: Vec<_> = tenant
        .case_events(a)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert!(
        kinds.contains(&domain::timeline::TimelineKind::Hearing)
            && kinds.contains(&domain::timeline::TimelineKind::FollowUpDone)
    );
}

#[tokio::test]
async fn consent_can_be_withdrawn_and_given_again() {
    let store = fresh_store().await;
    let town = store.create_municipality(&town("nagaizumi")).await.unwrap();
    let tenant = store.tenant(&town);
    let id = tenant
        .register_participant(
            &record("a@example.jp", "あ"),
            EligibilityBasis::LivesInTown,
            "v1",
        )
        .await
        .unwrap()
        .id;
    assert!(tenant.withdraw_privacy_consent(id).await.unwrap());
    assert!(!tenant.withdraw_privacy_consent(id).await.unwrap());
    assert!(tenant.consents(id).await.unwrap()[0].withdrawn_at.is_some());
    tenant.give_privacy_consent(id, "v2").await.unwrap();
    let consents = tenant.consents(id).await.unwrap();
    assert_eq!(consents.len(), 2);
    assert!(consents[0].withdrawn_at.is_none() && consents[0].version == "v2");
}

#[tokio::test]
async fn an_old_103_choice_moves_to_the_spouse_deduction_with_a_notice() {
    use domain::income_cap::IncomeCap;
    let store = fresh_store().await;
    let town = store.create_municipality(&town("nagaizumi")).await.unwrap();
    let tenant = store.tenant(&town);
    let mut ids = Vec::new();
    for (email, old) in [
        ("a@example.jp", "103"),
        ("b@example.jp", "106"),
        ("c@example.jp", "130"),
        ("d@example.jp", "none"),
    ] {
        let account = tenant
            .register_participant(
                &record(email, "さんかしゃ"),
                EligibilityBasis::LivesInTown,
                "2026-11",
            )
            .await
            .unwrap();
        store
            .run_sql_for_test(&format!(
                "UPDATE participant_profile SET income_cap = '{old}' WHERE account_id = {}",
                account.id.0
            ))
            .await
            .unwrap();
        ids.push(account.id);
    }
    store
        .run_sql_for_test(store.income_cap_migration_for_test())
        .await
        .unwrap();
    let expected = [
        IncomeCap::SpouseDeduction,
        IncomeCap::SocialInsurance,
        IncomeCap::PartnerInsurance,
        IncomeCap::None,
    ];
    for (id, cap) in ids.iter().zip(expected) {
        let record = tenant.participant_for_test(*id).await.unwrap().unwrap();
        assert_eq!(record.profile.income_cap, cap);
    }
    let told = store.notifications(ids[0], 10).await.unwrap();
    assert_eq!(told.len(), 1, "the person whose wall moved is told");
    assert_eq!(told[0].kind, domain::message::NoticeKind::IncomeCapMoved);
    assert_eq!(told[0].link, "/nagaizumi/me/profile");
    assert!(told[0].body.contains("123万円"));
    assert!(store.notifications(ids[1], 10).await.unwrap().is_empty());
    // Running it again changes nothing and tells no one twice.
    store
        .run_sql_for_test(store.income_cap_migration_for_test())
        .await
        .unwrap();
    assert_eq!(store.notifications(ids[0], 10).await.unwrap().len(), 1);
}

#[tokio::test]
async fn coordinators_find_people_by_name_or_reading_in_either_kana_and_by_their_constraints() {
    use domain::furigana::{Furigana, search_key};
    use domain::income_cap::IncomeCap;
    use domain::participant::{CareFor, Children};
    let store = fresh_store().await;
    let town = store.create_municipality(&town("nagaizumi")).await.unwrap();
    let tenant = store.tenant(&town);
    let mut ids = Vec::new();
    for (email, name, reading) in [
        ("a@example.jp", "長泉 花子", "ながいずみ はなこ"),
        ("b@example.jp", "長泉 花子", "ナガイズミ ハナエ"),
        ("c@example.jp", "佐藤 100%", "さとう"),
    ] {
        let mut new = record(email, reading);
        new.display_name = name.into();
        let id = tenant
            .register_participant(&new, EligibilityBasis::LivesInTown, "v1")
            .await
            .unwrap()
            .id;
        ids.push(id);
    }
    let by = |filter: ParticipantFilter| {
        let tenant = &tenant;
        async move {
            let rows = tenant.search_participants(&filter, 10, 0).await.unwrap();
            rows.peek().into_iter().map(|r| r.id).collect::<Vec<_>>()
        }
    };
    let named = |text: &str| ParticipantFilter {
        name: Some(search_key(text)),
        ..Default::default()
    };
    let [a, b, c] = [ids[0].0, ids[1].0, ids[2].0];
    assert_eq!(by(named("ハナコ")).await, [a], "katakana finds hiragana");
    assert_eq!(by(named("はなえ")).await, [b], "hiragana finds katakana");
    assert_eq!(
        by(named("ながいずみ　はな")).await,
        [a, b],
        "spaces ignored"
    );
    assert_eq!(by(named("長泉花子")).await, [a, b], "by the name too");
    assert_eq!(
        by(named("%")).await,
        [c],
        "% is a character, not a wildcard"
    );
    assert!(by(named("_")).await.is_empty());

    // The second person changes her reading; the search follows.
    let mut changed = profile("own_pace", &[0], "1", &[]);
    changed.display_name = "長泉 花江".into();
    changed.furigana = Furigana::parse("ながいずみ はなえ").unwrap();
    changed.income_cap = IncomeCap::SpouseDeduction;
    changed.home_area = None;
    changed.children = Children([0, 1, 0, 0]);
    changed.cares_for = vec![CareFor::Elder];
    tenant.save_profile(ids[1], &changed, ids[1]).await.unwrap();
    assert_eq!(by(named("ハナエ")).await, [b]);
    assert_eq!(by(named("長泉花江")).await, [b]);
    assert_eq!(by(named("長泉花子")).await, [a]);

    assert_eq!(
        by(ParticipantFilter {
            income_cap: Some(IncomeCap::SpouseDeduction),
            ..Default::default()
        })
        .await,
        [b]
    );
    assert_eq!(
        by(ParticipantFilter {
            needs_childcare: true,
            ..Default::default()
        })
        .await,
        [b]
    );
    assert_eq!(
        by(ParticipantFilter {
            cares_for: Some(CareFor::Elder),
            ..Default::default()
        })
        .await,
        [b]
    );
    assert!(
        by(ParticipantFilter {
            cares_for: Some(CareFor::Family),
            ..Default::default()
        })
        .await
        .is_empty()
    );
    assert_eq!(
        by(ParticipantFilter {
            registered_since: Some(Utc::now() - Duration::days(1)),
            ..Default::default()
        })
        .await
        .len(),
        3
    );
    assert!(
        by(ParticipantFilter {
            registered_since: Some(Utc::now() + Duration::days(1)),
            ..Default::default()
        })
        .await
        .is_empty()
    );
}

#[tokio::test]
async fn accounts_stored_before_search_keys_get_theirs_when_the_store_migrates() {
    let store = fresh_store().await;
    let town = store.create_municipality(&town("nagaizumi")).await.unwrap();
    let tenant = store.tenant(&town);
    let id = tenant
        .register_participant(
            &record("a@example.jp", "ナガイズミ"),
            EligibilityBasis::LivesInTown,
            "v1",
        )
        .await
        .unwrap()
        .id;
    {
        let mut conn = store.conn().await.unwrap();
        store::on_backend!(conn.exec(), c => sqlx::query("UPDATE account SET name_key = ''")
            .execute(c).await.map(|_| ()))
        .unwrap();
    }
    let named = ParticipantFilter {
        name: Some("ながいずみ".into()),
        ..Default::default()
    };
    let found = || async {
        let rows = tenant.search_participants(&named, 10, 0).await.unwrap();
        rows.peek().len()
    };
    assert_eq!(found().await, 0);
    store.migrate().await.unwrap();
    assert_eq!(found().await, 1, "{id:?} is found again");
}
