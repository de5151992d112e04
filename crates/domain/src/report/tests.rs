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

#[test]
fn tracks_ages_waiting_lists_check_ins_and_organizations_have_their_parts() {
    use crate::introduction::check_in::{CheckInStatus, HoursBand};
    let mut children = fact(FactKind::ChildrenOfAge, "2026-05-10", 1, "age1_2", Some(9));
    children.children = 2;
    let facts = [
        fact(FactKind::GoalChosen, "2026-04-02", 1, "own_pace", None),
        fact(FactKind::GoalChosen, "2026-05-02", 1, "full_return", None),
        fact(FactKind::GoalChosen, "2026-05-03", 2, "own_pace", None),
        children,
        fact(FactKind::Booked, "2026-05-01", 1, "seminar", Some(4)),
        fact(FactKind::Waitlisted, "2026-05-01", 2, "seminar", Some(4)),
        fact(
            FactKind::CheckIn,
            "2026-07-01",
            1,
            "3:still_working",
            Some(5),
        ),
        fact(FactKind::CheckInHours, "2026-07-01", 1, "3:20_30", Some(5)),
        fact(FactKind::CheckIn, "2026-07-02", 2, "6:unreached", Some(6)),
        fact(FactKind::CheckIn, "2026-07-02", 2, "7:unreached", Some(6)),
        fact(
            FactKind::OrganizationActive,
            "2026-06-01",
            3,
            "company",
            Some(11),
        ),
        fact(
            FactKind::OrganizationActive,
            "2026-06-09",
            3,
            "company",
            Some(11),
        ),
        fact(FactKind::RequestPublished, "2026-06-01", 3, "job", Some(21)),
        fact(
            FactKind::RequestPublished,
            "2026-06-09",
            3,
            "team_project",
            Some(22),
        ),
    ];
    let rows = tally(&facts, fy(2026));
    assert_eq!(find(&rows, Measure::GoalTracks, None).year, 2, "people");
    let own_pace = Some(Part::Track(GoalTrack::OwnPace));
    assert_eq!(find(&rows, Measure::GoalTracks, own_pace).year, 2);
    let toddlers = Some(Part::Age(AgeBand::Age1To2));
    assert_eq!(find(&rows, Measure::ChildrenByAge, toddlers).year, 2);
    assert_eq!(find(&rows, Measure::Bookings, None).year, 2);
    assert_eq!(find(&rows, Measure::Waitlisted, None).year, 1);
    let working = Some(Part::CheckIn(3, CheckInStatus::StillWorking));
    assert_eq!(find(&rows, Measure::CheckIns, working).year, 1);
    assert_eq!(
        find(&rows, Measure::CheckIns, None).year,
        2,
        "a check-in at 7 months is none"
    );
    let hours = Some(Part::Hours(3, HoursBand::From20To30));
    assert_eq!(find(&rows, Measure::CheckInHours, hours).year, 1);
    let companies = Some(Part::Sector(OrganizationKind::Company));
    assert_eq!(find(&rows, Measure::Organizations, companies).year, 1);
    assert_eq!(find(&rows, Measure::RequestsPublished, None).year, 2);
    assert_eq!(
        find(
            &rows,
            Measure::RequestsPublished,
            Some(Part::Request(RequestKind::Job))
        )
        .year,
        1
    );
}
