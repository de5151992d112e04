use super::*;
use crate::municipality::FiscalYearStartMonth;

fn fy(year: i32) -> FiscalYear {
    FiscalYear::new(year, FiscalYearStartMonth::APRIL)
}

fn day(d: &str) -> NaiveDate {
    d.parse().unwrap()
}

fn fact(kind: FactKind, on: &str, person: i64, detail: &str, subject: Option<i64>) -> Fact {
    Fact {
        kind,
        on: day(on),
        person,
        detail: detail.into(),
        subject,
        children: 0,
    }
}

fn find(rows: &[Row], measure: Measure, part: Option<Part>) -> Row {
    rows.iter()
        .find(|r| r.measure == measure && r.part == part)
        .cloned()
        .unwrap_or_else(|| panic!("no row {measure:?} {part:?}"))
}

#[test]
fn the_april_boundary_decides_the_year_and_the_month() {
    assert_eq!(month_index(fy(2026), day("2026-04-01")), Some(0));
    assert_eq!(month_index(fy(2026), day("2027-03-31")), Some(11));
    assert_eq!(month_index(fy(2026), day("2026-03-31")), None);
    let facts = [
        fact(FactKind::Registered, "2026-03-31", 1, "lives", None),
        fact(FactKind::Registered, "2026-04-01", 2, "lives", None),
    ];
    let rows = tally(&facts, fy(2026));
    let total = find(&rows, Measure::Registrations, None);
    assert_eq!(total.year, 1, "31 March is last year's");
    assert_eq!(total.months[0], 1);
    assert_eq!(
        find(&tally(&facts, fy(2025)), Measure::Registrations, None).year,
        1
    );
}

#[test]
fn people_are_counted_once_a_year_and_events_each_time() {
    let facts = [
        fact(FactKind::Hearing, "2026-05-10", 7, "", Some(1)),
        fact(FactKind::Hearing, "2026-06-10", 7, "", Some(2)),
        fact(FactKind::Hearing, "2026-06-11", 8, "", Some(3)),
    ];
    let rows = tally(&facts, fy(2026));
    assert_eq!(find(&rows, Measure::Hearings, None).year, 3);
    let heard = find(&rows, Measure::PeopleHeard, None);
    assert_eq!(heard.year, 2, "two different people");
    assert_eq!(heard.months[1..3], [1, 2], "May: one, June: two");
}

#[test]
fn attendance_counts_sessions_people_children_and_no_shows_by_kind() {
    let seminar = |kind, person, session| {
        let mut f = fact(kind, "2026-07-01", person, "seminar", Some(session));
        f.children = if kind == FactKind::Attended { 1 } else { 0 };
        f
    };
    let facts = [
        seminar(FactKind::Attended, 1, 100),
        seminar(FactKind::Attended, 2, 100),
        seminar(FactKind::NoShow, 3, 100),
        seminar(FactKind::Attended, 1, 101),
    ];
    let rows = tally(&facts, fy(2026));
    let part = Some(Part::Event(EventKind::Seminar));
    assert_eq!(find(&rows, Measure::Sessions, part).year, 2);
    assert_eq!(find(&rows, Measure::Attendances, part).year, 3);
    assert_eq!(find(&rows, Measure::PeopleAttending, part).year, 2);
    assert_eq!(find(&rows, Measure::ChildrenInCare, part).year, 3);
    assert_eq!(find(&rows, Measure::NoShows, part).year, 1);
    assert!(
        !rows
            .iter()
            .any(|r| r.part == Some(Part::Event(EventKind::Course))),
        "a kind without facts has no row"
    );
}

#[test]
fn introductions_count_once_per_stage_and_drafts_are_no_stage() {
    let step =
        |status: &str, intro| fact(FactKind::Introduction, "2026-09-01", 5, status, Some(intro));
    let facts = [
        step("draft", 1),
        step("offered", 1),
        step("consented", 1),
        step("offered", 2),
        step("declined_by_participant", 2),
        step("draft", 3),
    ];
    let rows = tally(&facts, fy(2026));
    assert_eq!(
        find(&rows, Measure::Introductions, None).year,
        2,
        "the draft alone is not counted"
    );
    let offered = Some(Part::Stage(IntroductionStatus::Offered));
    assert_eq!(find(&rows, Measure::Introductions, offered).year, 2);
    assert!(
        !rows
            .iter()
            .any(|r| r.part == Some(Part::Stage(IntroductionStatus::Draft)))
    );
}
