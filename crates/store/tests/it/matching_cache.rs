//! The engine input kept in memory follows every kind of write, from this app node or another.

use std::sync::Arc;

use domain::request::RequestStatus;
use domain::skill::Taxonomy;
use store::Store;
use store::matching_cache::MatchingInput;
use store::testing::fresh_store;

use crate::introductions::{introduction, world};
use crate::participants::profile;
use crate::towns::town;

fn ids(input: &MatchingInput) -> Vec<i64> {
    input.candidates.iter().map(|c| c.id).collect()
}

/// What a cold load reads now: the cache must agree with it after every change.
async fn cold(url: &store::DatabaseUrl, town: &domain::Municipality) -> Arc<MatchingInput> {
    let fresh = Store::connect(url).await.unwrap();
    let input = fresh
        .tenant(town)
        .matching_input(&Taxonomy::shipped().unwrap())
        .await
        .unwrap();
    fresh.close().await;
    input
}

fn same(a: &MatchingInput, b: &MatchingInput) {
    assert_eq!(a.candidates, b.candidates);
    assert_eq!(a.names, b.names);
    assert_eq!(a.openings, b.openings);
    assert_eq!(
        a.titles.keys().collect::<Vec<_>>().len(),
        b.titles.keys().collect::<Vec<_>>().len()
    );
}

#[tokio::test]
async fn the_engine_input_in_memory_follows_writes_from_any_app_node() {
    let test = fresh_store().await;
    let town = test.create_municipality(&town("nagaizumi")).await.unwrap();
    let here = test.tenant(&town);
    let w = world(&here).await;
    let taxonomy = Taxonomy::shipped().unwrap();
    // A second app node on the same database writes; this node reads.
    let node = Store::connect(&test.url).await.unwrap();
    let there = node.tenant(&town);

    let first = here.matching_input(&taxonomy).await.unwrap();
    assert!(first.candidates.is_empty(), "no profile filled in yet");
    assert_eq!(
        first.openings.iter().map(|o| o.id).collect::<Vec<_>>(),
        [w.request]
    );
    let again = here.matching_input(&taxonomy).await.unwrap();
    assert!(
        Arc::ptr_eq(&first, &again),
        "nothing changed, nothing reloaded"
    );

    // Profiles saved elsewhere make people proposable here, with their names and skills.
    for (n, person) in w.people.iter().enumerate() {
        let skills: &[(&str, &str)] = if n == 0 { &[("bookkeeping", "3")] } else { &[] };
        there
            .save_profile(*person, &profile("own_pace", &[0, 2], "3", skills), *person)
            .await
            .unwrap();
    }
    let input = here.matching_input(&taxonomy).await.unwrap();
    assert_eq!(
        ids(&input),
        w.people.iter().map(|p| p.0).collect::<Vec<_>>()
    );
    assert_eq!(input.names[&w.people[0].0], "参加者");
    assert!(!input.candidates[0].skills.is_empty());
    same(&input, &*cold(&test.url, &town).await);

    // An introduction: the pair is not proposed again, counts towards exposure and is open.
    let offered = there
        .create_introduction(&introduction(&w, &[w.people[0]], false), |_| Vec::new())
        .await
        .unwrap()
        .unwrap();
    let input = here.matching_input(&taxonomy).await.unwrap();
    let first = &input.candidates[input.candidate_index(w.people[0].0).unwrap()];
    assert_eq!(first.introduced_to, [w.request]);
    assert_eq!(first.recent_introductions, 1);
    assert_eq!(first.history.open, 1);
    assert_eq!(first.history.last_declined_on, None);
    same(&input, &*cold(&test.url, &town).await);

    // Declined: no longer open, and the day of the answer is kept for the batch run's rest.
    let declined = there
        .answer_introduction(
            &store::introduction::MemberAnswer {
                introduction: offered,
                participant: w.people[0],
                answer: domain::introduction::Answer::Decline,
                seen: domain::introduction::IntroductionStatus::Offered,
                reason: String::new(),
                items: domain::introduction::SharedItem::ALL.to_vec(),
            },
            |_, _| Vec::new(),
        )
        .await
        .unwrap();
    assert!(declined.is_some());
    let input = here.matching_input(&taxonomy).await.unwrap();
    let first = &input.candidates[input.candidate_index(w.people[0].0).unwrap()];
    assert_eq!(first.introduced_to, [w.request], "not proposed to it again");
    assert_eq!(first.history.open, 0);
    assert!(!first.history.placed);
    assert_eq!(
        first.history.last_declined_on,
        Some(store::matching_input::today_in_japan())
    );
    assert_eq!(
        first
            .history
            .batch_room(2, store::matching_input::today_in_japan()),
        Err(domain::introduction::history::HeldBack::RecentlyDeclined)
    );
    same(&input, &*cold(&test.url, &town).await);

    // Consent withdrawn: no longer proposable.
    assert!(there.withdraw_privacy_consent(w.people[1]).await.unwrap());
    let input = here.matching_input(&taxonomy).await.unwrap();
    assert_eq!(input.candidate_index(w.people[1].0), None);
    assert!(!input.names.contains_key(&w.people[1].0));
    same(&input, &*cold(&test.url, &town).await);

    // The request closed: no opening left.
    assert!(
        there
            .move_request(
                w.request,
                RequestStatus::Published,
                RequestStatus::Closed(domain::request::CloseReason::Filled),
                domain::request::RequestStep::Close,
                w.coordinator,
                "",
            )
            .await
            .unwrap()
    );
    let input = here.matching_input(&taxonomy).await.unwrap();
    assert!(input.openings.is_empty() && input.titles.is_empty());
    same(&input, &*cold(&test.url, &town).await);
    node.close().await;
}

#[tokio::test]
async fn the_change_log_is_pruned_only_when_old() {
    let test = fresh_store().await;
    let town = test.create_municipality(&town("nagaizumi")).await.unwrap();
    world(&test.tenant(&town)).await;
    assert_eq!(
        test.prune_matching_changes().await.unwrap(),
        0,
        "all recent"
    );
    let mut conn = test.conn().await.unwrap();
    let aged = store::on_backend!(conn.exec(), c => sqlx::query(
        "UPDATE matching_change SET recorded_at = recorded_at - 2 * 86400").execute(c).await.map(|r| r.rows_affected()))
    .unwrap();
    drop(conn);
    assert!(aged > 0, "the world's writes were logged");
    assert_eq!(test.prune_matching_changes().await.unwrap(), aged);
}
