//! The program's facts on both backends: written with the things they record, counted by
//! fiscal year, and unchanged for a closed year when a profile is edited or an account deleted.

use chrono::{Duration, NaiveDate};
use domain::FiscalYear;
use domain::municipality::FiscalYearStartMonth;
use domain::report::{Measure, Part, Row, tally};
use store::TenantStore;
use store::casework::NewHearing;
use store::matching_input::today_in_japan;
use store::testing::fresh_store;

use crate::introductions::{introduction, world};
use crate::participants::profile;
use crate::towns::town;

fn year(rows: &[Row], measure: Measure, part: Option<Part>) -> u64 {
    rows.iter()
        .find(|r| r.measure == measure && r.part == part)
        .map_or(0, |r| r.year)
}

async fn facts_of(tenant: &TenantStore<'_>, fy: FiscalYear) -> Vec<Row> {
    let facts = tenant
        .program_facts(fy.first_day(), fy.last_day())
        .await
        .unwrap();
    tally(&facts, fy)
}

fn hearing(w: &crate::introductions::World, who: usize, on: NaiveDate) -> NewHearing {
    NewHearing {
        participant: w.people[who],
        coordinator: w.coordinator,
        held_on: on,
        goals: "午前中に働きたい".into(),
        worries: String::new(),
        constraints_confirmed: true,
        notes: String::new(),
        confirmed_skills: Vec::new(),
        follow_up: None,
    }
}

#[tokio::test]
async fn a_closed_years_counts_are_kept_whatever_happens_later() {
    let test = fresh_store().await;
    let town = test.create_municipality(&town("nagaizumi")).await.unwrap();
    let tenant = test.tenant(&town);
    let w = world(&tenant).await;
    let today = today_in_japan();
    let this = FiscalYear::containing(today, FiscalYearStartMonth::APRIL);
    let last = this.previous();
    // Two people registered last year, one this year.
    let in_last = |days_before_end: i64| (today - last.last_day()).num_days() + days_before_end;
    tenant
        .backdate_registration(w.people[0], in_last(100))
        .await
        .unwrap();
    tenant
        .backdate_registration(w.people[1], in_last(20))
        .await
        .unwrap();
    // Hearings: one last year, two this year (one of them the same person again).
    let last_year_day = last.last_day() - Duration::days(10);
    for (who, on) in [(0, last_year_day), (1, this.first_day()), (0, today)] {
        tenant.record_hearing(&hearing(&w, who, on)).await.unwrap();
    }
    // An introduction offered today.
    tenant
        .create_introduction(&introduction(&w, &[w.people[2]], false), |_| Vec::new())
        .await
        .unwrap()
        .unwrap();

    let before = facts_of(&tenant, last).await;
    assert_eq!(year(&before, Measure::Registrations, None), 2);
    let lives = Some(Part::Basis(
        domain::municipality::EligibilityBasis::LivesInTown,
    ));
    assert_eq!(year(&before, Measure::Registrations, lives), 2);
    assert_eq!(year(&before, Measure::Hearings, None), 1);
    assert_eq!(year(&before, Measure::PeopleHeard, None), 1);
    let now = facts_of(&tenant, this).await;
    assert_eq!(year(&now, Measure::Registrations, None), 1);
    assert_eq!(year(&now, Measure::Hearings, None), 2);
    assert_eq!(year(&now, Measure::PeopleHeard, None), 2);
    let offered = Some(Part::Stage(
        domain::introduction::IntroductionStatus::Offered,
    ));
    assert_eq!(year(&now, Measure::Introductions, offered), 1);

    // Milestones: the two registered last year have none yet; the one offered today has
    // a first offer today, after registering.
    let milestones = tenant.milestones().await.unwrap();
    let of = |who: usize| {
        milestones
            .iter()
            .find(|m| m.person == w.people[who].0)
            .copied()
            .unwrap()
    };
    assert_eq!(of(0).first_offer, None);
    assert!(of(0).registered.is_some_and(|d| last.contains(d)));
    assert_eq!(of(2).first_offer, Some(today));
    assert_eq!(of(2).placement, None);

    // A profile edited and an account deleted change nothing in last year's figures.
    tenant
        .save_profile(
            w.people[0],
            &profile("full_return", &[1], "2", &[]),
            w.people[0],
        )
        .await
        .unwrap();
    let mut conn = test.conn().await.unwrap();
    for sql in [
        "DELETE FROM case_event WHERE participant_id = $1",
        "DELETE FROM consent WHERE account_id = $1",
        "DELETE FROM hearing WHERE participant_id = $1",
        "DELETE FROM participant_profile WHERE account_id = $1",
        "DELETE FROM account WHERE id = $1",
    ] {
        store::on_backend!(conn.exec(), c => sqlx::query(sql).bind(w.people[1].0).execute(c).await.map(|r| r.rows_affected()))
            .unwrap();
    }
    drop(conn);
    assert_eq!(facts_of(&tenant, last).await, before);
}

#[tokio::test]
async fn a_years_targets_are_set_as_a_whole_and_kept_per_town_and_year() {
    use domain::report::target::Targets;
    let test = fresh_store().await;
    let nagaizumi = test.create_municipality(&town("nagaizumi")).await.unwrap();
    let other = test.create_municipality(&town("shimizu")).await.unwrap();
    let tenant = test.tenant(&nagaizumi);
    let w = world(&tenant).await;
    let set = Targets(vec![(Measure::Registrations, 120), (Measure::Outcomes, 30)]);
    tenant
        .set_report_targets(2026, &set, w.coordinator)
        .await
        .unwrap();
    assert_eq!(tenant.report_targets(2026).await.unwrap(), set);
    assert_eq!(
        tenant.report_targets(2025).await.unwrap(),
        Targets::default()
    );
    assert_eq!(
        test.tenant(&other).report_targets(2026).await.unwrap(),
        Targets::default(),
        "another town's targets are its own"
    );
    // Setting again replaces the set: a measure left out has no target afterwards.
    let again = Targets(vec![(Measure::Outcomes, 40)]);
    tenant
        .set_report_targets(2026, &again, w.coordinator)
        .await
        .unwrap();
    assert_eq!(tenant.report_targets(2026).await.unwrap(), again);
}

/// Goal tracks, first publications and check-ins are facts written with what they record;
/// each is counted once, as the hand-built town below says.
#[tokio::test]
async fn goal_tracks_publications_and_check_ins_are_counted_as_they_happen() {
    use domain::introduction::OutcomeKind;
    use domain::introduction::check_in::{self, CheckIn, CheckInStatus, HoursBand};
    use domain::participant::GoalTrack;
    use domain::request::{RequestKind, RequestStatus, RequestStep};
    let test = fresh_store().await;
    let town = test.create_municipality(&town("nagaizumi")).await.unwrap();
    let tenant = test.tenant(&town);
    // The world publishes one job of one company.
    let w = world(&tenant).await;
    let today = today_in_japan();
    let this = FiscalYear::containing(today, FiscalYearStartMonth::APRIL);
    // Saved again while published: no second first publication.
    tenant
        .move_request(
            w.request,
            RequestStatus::Published,
            RequestStatus::Published,
            RequestStep::Edited,
            w.coordinator,
            "",
        )
        .await
        .unwrap();
    // Hanako chooses her own pace, then a full return; Yui her own pace; saved again
    // unchanged, nothing more.
    for (who, goal) in [
        (0, "own_pace"),
        (0, "full_return"),
        (1, "own_pace"),
        (1, "own_pace"),
    ] {
        let p = w.people[who];
        tenant
            .save_profile(p, &profile(goal, &[1], "2", &[]), p)
            .await
            .unwrap();
    }
    // Two check-ins: Hanako still working 20–30 hours at 3 months; Mika not reached at 6.
    for (who, months, status, hours) in [(0, 3, "still_working", "20_30"), (2, 6, "unreached", "")]
    {
        let note = check_in::note(months, OutcomeKind::OwnPace);
        tenant
            .add_follow_up(w.people[who], w.coordinator, today, &note)
            .await
            .unwrap();
        let id = tenant.follow_ups_of(w.people[who]).await.unwrap()[0].id;
        assert_eq!(tenant.open_check_in(id).await.unwrap(), Some(months));
        let answer = CheckIn::parse(months, status, hours).unwrap();
        let done = tenant
            .complete_follow_up(id, w.coordinator, ("", Some(&answer)))
            .await
            .unwrap();
        assert!(done);
        // A double click records nothing twice.
        let again = tenant
            .complete_follow_up(id, w.coordinator, ("", Some(&answer)))
            .await
            .unwrap();
        assert!(!again);
        assert_eq!(tenant.open_check_in(id).await.unwrap(), None);
    }

    let rows = facts_of(&tenant, this).await;
    assert_eq!(year(&rows, Measure::GoalTracks, None), 2, "two people");
    let own_pace = Some(Part::Track(GoalTrack::OwnPace));
    assert_eq!(year(&rows, Measure::GoalTracks, own_pace), 2);
    let full = Some(Part::Track(GoalTrack::FullReturn));
    assert_eq!(year(&rows, Measure::GoalTracks, full), 1);
    assert_eq!(year(&rows, Measure::RequestsPublished, None), 1);
    let jobs = Some(Part::Request(RequestKind::Job));
    assert_eq!(year(&rows, Measure::RequestsPublished, jobs), 1);
    let companies = Some(Part::Sector(
        domain::organization::OrganizationKind::Company,
    ));
    assert_eq!(year(&rows, Measure::Organizations, companies), 1);
    assert_eq!(year(&rows, Measure::CheckIns, None), 2);
    let working = Some(Part::CheckIn(3, CheckInStatus::StillWorking));
    assert_eq!(year(&rows, Measure::CheckIns, working), 1);
    let unreached = Some(Part::CheckIn(6, CheckInStatus::Unreached));
    assert_eq!(year(&rows, Measure::CheckIns, unreached), 1);
    assert_eq!(year(&rows, Measure::CheckInHours, None), 1);
    let hours = Some(Part::Hours(3, HoursBand::From20To30));
    assert_eq!(year(&rows, Measure::CheckInHours, hours), 1);
}
