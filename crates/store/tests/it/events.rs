use std::sync::Arc;

use chrono::{Duration, Utc};
use domain::Role;
use domain::event::booking::{BookingError, BookingStatus, Capacity, Request, Taken, fits};
use domain::event::childcare::Ratios;
use domain::event::{EventDraft, EventInput};
use domain::municipality::EligibilityBasis;
use domain::participant::Children;
use domain::skill::Taxonomy;
use store::account::{AccountId, NewAccountRecord};
use store::booking::Booked;
use store::event::EventFilter;
use store::testing::fresh_store;

use crate::towns::town;

/// The town's coordinator, who hosts the events.
async fn coordinator(tenant: &store::TenantStore<'_>) -> AccountId {
    tenant
        .create_account(&record(Role::Coordinator, "c@example.jp"))
        .await
        .unwrap()
        .id
}

/// A participant who lives in town.
async fn participant(tenant: &store::TenantStore<'_>, email: &str) -> AccountId {
    tenant
        .register_participant(
            &record(Role::Participant, email),
            EligibilityBasis::LivesInTown,
            "v",
        )
        .await
        .unwrap()
        .id
}

/// A booking asked for with `children` in care, by a parent with `profile`'s children.
fn ask(
    participant: AccountId,
    children: [u8; 4],
    profile: Children,
) -> store::booking_desk::BookingAsk {
    store::booking_desk::BookingAsk {
        participant,
        request: kids(children),
        profile,
        notices: Default::default(),
        audit: None,
    }
}

fn record(role: Role, email: &str) -> NewAccountRecord {
    NewAccountRecord {
        role,
        organization_id: None,
        email: email.into(),
        display_name: email.into(),
        furigana: "てすと".into(),
        password_hash: "x".into(),
    }
}

fn seminar(days_ahead: i64, capacity: u32, carers: u32, kind: &str, sessions: u32) -> EventDraft {
    let day = (Utc::now() + Duration::days(days_ahead)).date_naive();
    EventDraft::parse(
        &EventInput {
            kind: kind.into(),
            title: "再就職セミナー".into(),
            description: "説明".into(),
            place: "公民館".into(),
            date: day.to_string(),
            start_time: "10:00".into(),
            end_time: "12:00".into(),
            sessions: sessions.to_string(),
            capacity: capacity.to_string(),
            childcare: carers > 0,
            carers: carers.to_string(),
            public: true,
            skills: if kind == "course" {
                vec![("spreadsheet".into(), "3".into())]
            } else {
                Vec::new()
            },
            ..EventInput::default()
        },
        &Taxonomy::shipped().unwrap(),
        Utc::now(),
    )
    .unwrap()
}

fn kids(c: [u8; 4]) -> Request {
    Request {
        children: Children(c),
    }
}

/// Bookings that arrive together are placed together (one transaction a batch), in arrival
/// order: a person who sends the form twenty times at once holds one place, and the other
/// nineteen are refused as already booked, not placed beside it.
#[tokio::test]
async fn the_same_person_booking_many_times_at_once_holds_one_place() {
    let store = fresh_store().await;
    let town = store.create_municipality(&town("nagaizumi")).await.unwrap();
    let tenant = store.tenant(&town);
    let host = coordinator(&tenant).await;
    let event = tenant
        .create_event(&seminar(10, 50, 4, "seminar", 1), host)
        .await
        .unwrap();
    let parent = participant(&tenant, "p@example.jp").await;
    let ratios = Ratios::shipped();
    let mut handles = Vec::new();
    for _ in 0..20 {
        let (store, town) = (store.store.clone(), town.clone());
        handles.push(tokio::spawn(async move {
            store
                .tenant(&town)
                .book(event, ask(parent, [0; 4], Children::default()), &ratios)
                .await
                .unwrap()
        }));
    }
    let mut placed = 0;
    for handle in handles {
        match handle.await.unwrap() {
            Booked::Placed { .. } => placed += 1,
            refused => assert_eq!(refused, Booked::Refused(BookingError::AlreadyBooked)),
        }
    }
    assert_eq!(placed, 1);
    assert_eq!(tenant.event_bookings(event).await.unwrap().len(), 1);
}

#[tokio::test]
async fn five_hundred_parents_book_at_once_and_no_capacity_is_ever_exceeded() {
    let store = fresh_store().await;
    let town = store.create_municipality(&town("nagaizumi")).await.unwrap();
    let tenant = store.tenant(&town);
    let host = coordinator(&tenant).await;
    // 50 seats; 4 carers: e.g. 12 babies, or 24 toddlers, or a mix.
    let event = tenant
        .create_event(&seminar(10, 50, 4, "seminar", 1), host)
        .await
        .unwrap();
    let mut parents = Vec::new();
    for n in 0..500 {
        let id = participant(&tenant, &format!("p{n}@example.jp")).await;
        // 0, 1 or 2 children, in varied bands.
        let children = match n % 5 {
            0 | 1 => [0, 0, 0, 0],
            2 => [1, 0, 0, 0],
            3 => [0, 1, 1, 0],
            _ => [0, 2, 0, 0],
        };
        parents.push((id, children));
    }
    let ratios = Arc::new(Ratios::shipped());
    let mut handles = Vec::new();
    for (id, children) in parents.clone() {
        let store = store.store.clone();
        let town = town.clone();
        let ratios = Arc::clone(&ratios);
        handles.push(tokio::spawn(async move {
            let tenant = store.tenant(&town);
            tenant
                .book(event, ask(id, children, Children(children)), &ratios)
                .await
                .unwrap()
        }));
    }
    let mut confirmed = 0;
    let mut waitlisted = 0;
    for handle in handles {
        match handle.await.unwrap() {
            Booked::Placed {
                status: BookingStatus::Confirmed,
                ..
            } => confirmed += 1,
            Booked::Placed {
                status: BookingStatus::Waitlisted,
                ..
            } => waitlisted += 1,
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(
        confirmed + waitlisted,
        500,
        "every attempt is confirmed or waitlisted"
    );
    let bookings = tenant.event_bookings(event).await.unwrap();
    assert_eq!(bookings.len(), 500, "exactly once each");
    let held: Vec<_> = bookings.iter().filter(|b| b.status.holds_seat()).collect();
    assert_eq!(held.len(), confirmed);
    assert!(held.len() <= 50, "seats: {}", held.len());
    let care = held.iter().fold(Children::default(), |sum, b| {
        domain::event::childcare::plus(&sum, &b.children())
    });
    assert!(ratios.fits(4, &care), "childcare: {care:?}");
    assert!(confirmed >= 30, "the seats are used: {confirmed}");

    // Cancelling a confirmed booking offers its seat to the first waiting booking that fits.
    let first = held[0];
    let offers = tenant
        .cancel_booking(
            first.id,
            BookingStatus::Confirmed,
            AccountId(first.participant_id),
            (&ratios, store::booking::OFFER_HOURS),
            |_| Vec::new(),
        )
        .await
        .unwrap()
        .unwrap();
    assert!(!offers.is_empty(), "a seat was offered");
    let after = tenant.event_bookings(event).await.unwrap();
    let held_after = after.iter().filter(|b| b.status.holds_seat()).count();
    assert!(held_after <= 50);
    let offered = after.iter().find(|b| b.id == offers[0].booking_id).unwrap();
    assert_eq!(offered.status, BookingStatus::Offered);
    // Who was waiting before the first offered booking did not fit in what the cancel left
    // (the seats and childcare held, before any offer): the waitlist is taken in order, and a
    // child's band decides the fit, not the number of children.
    let offered_ids: Vec<i64> = offers.iter().map(|o| o.booking_id).collect();
    let left = after
        .iter()
        .filter(|b| b.status.holds_seat() && !offered_ids.contains(&b.id))
        .fold(
            Taken {
                seats: 0,
                children: Children::default(),
            },
            |t, b| Taken {
                seats: t.seats + 1,
                children: domain::event::childcare::plus(&t.children, &b.children()),
            },
        );
    let capacity = Capacity {
        seats: 50,
        carers: 4,
        childcare: true,
    };
    let passed_over = after
        .iter()
        .filter(|b| b.status == BookingStatus::Waitlisted && b.id < offered.id)
        .filter(|b| {
            fits(
                capacity,
                &left,
                &Request {
                    children: b.children(),
                },
                &ratios,
            )
        })
        .count();
    assert_eq!(passed_over, 0, "no one who fit was passed over");
    assert!(
        tenant
            .cancel_booking(
                first.id,
                BookingStatus::Confirmed,
                AccountId(first.participant_id),
                (&ratios, store::booking::OFFER_HOURS),
                |_| Vec::new()
            )
            .await
            .unwrap()
            .is_none(),
        "a second cancel changes nothing"
    );
    assert!(
        tenant
            .confirm_offer(offered.id, AccountId(offered.participant_id))
            .await
            .unwrap()
    );
}

#[tokio::test]
async fn bad_bookings_are_refused_and_change_nothing() {
    let store = fresh_store().await;
    let town = store.create_municipality(&town("nagaizumi")).await.unwrap();
    let tenant = store.tenant(&town);
    let host = coordinator(&tenant).await;
    let ratios = Ratios::shipped();
    let with_care = tenant
        .create_event(&seminar(5, 10, 1, "seminar", 1), host)
        .await
        .unwrap();
    let without = tenant
        .create_event(&seminar(5, 10, 0, "seminar", 1), host)
        .await
        .unwrap();
    let parent = participant(&tenant, "p@example.jp").await;
    let profile = Children([0, 1, 0, 0]);
    let book = |event, c: [u8; 4]| {
        let tenant = &tenant;
        let ratios = &ratios;
        async move {
            tenant
                .book(event, ask(parent, c, profile), ratios)
                .await
                .unwrap()
        }
    };
    assert_eq!(
        book(without, [0, 1, 0, 0]).await,
        Booked::Refused(BookingError::NoChildcare)
    );
    assert_eq!(
        book(with_care, [0, 2, 0, 0]).await,
        Booked::Refused(BookingError::MoreChildrenThanProfile)
    );
    assert!(matches!(
        book(with_care, [0, 1, 0, 0]).await,
        Booked::Placed {
            status: BookingStatus::Confirmed,
            ..
        }
    ));
    assert_eq!(
        book(with_care, [0, 0, 0, 0]).await,
        Booked::Refused(BookingError::AlreadyBooked)
    );
    assert_eq!(
        book(without, [0, 0, 0, 0]).await,
        Booked::Refused(BookingError::Overlaps),
        "same time"
    );
    assert_eq!(
        tenant.participant_bookings(parent).await.unwrap().len(),
        1,
        "nothing else was written"
    );
    let list = tenant
        .upcoming_events(
            &EventFilter {
                childcare_only: true,
                ..EventFilter::default()
            },
            Utc::now(),
            10,
        )
        .await
        .unwrap();
    assert_eq!(list.iter().map(|e| e.id).collect::<Vec<_>>(), [with_care]);
    assert!(
        tenant
            .cancel_event(with_care, "会場の都合", |affected| {
                assert_eq!(affected.len(), 1);
                Vec::new()
            })
            .await
            .unwrap()
    );
    assert_eq!(
        book(with_care, [0, 0, 0, 0]).await,
        Booked::Refused(BookingError::EventCancelled)
    );
}

#[tokio::test]
async fn an_unconfirmed_offer_lapses_and_the_next_in_line_is_offered() {
    let store = fresh_store().await;
    let town = store.create_municipality(&town("nagaizumi")).await.unwrap();
    let tenant = store.tenant(&town);
    let host = coordinator(&tenant).await;
    let ratios = Ratios::shipped();
    let event = tenant
        .create_event(&seminar(5, 1, 0, "seminar", 1), host)
        .await
        .unwrap();
    let mut people = Vec::new();
    for n in 0..3 {
        let id = participant(&tenant, &format!("p{n}@example.jp")).await;
        tenant
            .book(event, ask(id, [0; 4], Children::default()), &ratios)
            .await
            .unwrap();
        people.push(id);
    }
    let bookings = tenant.event_bookings(event).await.unwrap();
    tenant
        .cancel_booking(
            bookings[0].id,
            BookingStatus::Confirmed,
            people[0],
            (&ratios, store::booking::OFFER_HOURS),
            |_| Vec::new(),
        )
        .await
        .unwrap();
    assert_eq!(
        tenant
            .booking(bookings[1].id)
            .await
            .unwrap()
            .unwrap()
            .status,
        BookingStatus::Offered
    );
    let later = Utc::now() + Duration::hours(store::booking::OFFER_HOURS + 1);
    let lapsed = store
        .lapse_offers(later, (&ratios, store::booking::OFFER_HOURS))
        .await
        .unwrap();
    assert_eq!(lapsed.len(), 1);
    assert_eq!(
        lapsed[0].2[0].participant_id, people[2].0,
        "the next in line"
    );
    assert_eq!(
        tenant
            .booking(bookings[1].id)
            .await
            .unwrap()
            .unwrap()
            .status,
        BookingStatus::Lapsed
    );
    assert!(
        !tenant
            .confirm_offer(bookings[1].id, people[1])
            .await
            .unwrap(),
        "too late"
    );
}

#[tokio::test]
async fn attending_most_of_a_course_adds_its_skills_to_the_profile() {
    let store = fresh_store().await;
    let town = store.create_municipality(&town("nagaizumi")).await.unwrap();
    let tenant = store.tenant(&town);
    let host = coordinator(&tenant).await;
    let ratios = Ratios::shipped();
    let course = tenant
        .create_event(&seminar(3, 10, 0, "course", 5), host)
        .await
        .unwrap();
    let parent = participant(&tenant, "p@example.jp").await;
    let Booked::Placed { id: booking, .. } = tenant
        .book(course, ask(parent, [0; 4], Children::default()), &ratios)
        .await
        .unwrap()
    else {
        panic!("booked")
    };
    let sessions = tenant.event_sessions(course).await.unwrap();
    assert_eq!(sessions.len(), 5);
    let mut awarded = Vec::new();
    for (i, session) in sessions.iter().enumerate() {
        awarded.push(
            tenant
                .record_attendance(session.id, booking, i != 2, 0, host)
                .await
                .unwrap(),
        );
    }
    assert_eq!(
        awarded,
        [false, false, false, false, true],
        "the fourth attended session of five completes it"
    );
    let record = tenant.participant_for_test(parent).await.unwrap().unwrap();
    let skill = record
        .skills
        .iter()
        .find(|s| s.skill_id == "spreadsheet")
        .unwrap();
    assert_eq!(skill.level, 3);
    assert!(skill.verified_at.is_some() && skill.evidence.contains("講座修了"));
    assert_eq!(tenant.credentials(parent).await.unwrap().len(), 1);
    let courses = tenant.courses_teaching(Utc::now()).await.unwrap();
    assert_eq!(courses[0].2, "spreadsheet");
}

#[tokio::test]
async fn a_calendar_token_opens_only_its_owners_feed_until_revoked() {
    let store = fresh_store().await;
    let town = store.create_municipality(&town("nagaizumi")).await.unwrap();
    let tenant = store.tenant(&town);
    let a = participant(&tenant, "a@example.jp").await;
    let b = participant(&tenant, "b@example.jp").await;
    tenant.renew_calendar_token(a, "hash-a1").await.unwrap();
    tenant.renew_calendar_token(b, "hash-b").await.unwrap();
    assert_eq!(tenant.calendar_owner("hash-a1").await.unwrap(), Some(a));
    assert_eq!(tenant.calendar_owner("hash-b").await.unwrap(), Some(b));
    tenant.renew_calendar_token(a, "hash-a2").await.unwrap();
    assert_eq!(
        tenant.calendar_owner("hash-a1").await.unwrap(),
        None,
        "the old link stops"
    );
    tenant.revoke_calendar_token(a).await.unwrap();
    assert_eq!(tenant.calendar_owner("hash-a2").await.unwrap(), None);
    let other = store
        .create_municipality(&crate::towns::town("mishima"))
        .await
        .unwrap();
    assert_eq!(
        store.tenant(&other).calendar_owner("hash-b").await.unwrap(),
        None,
        "other towns cannot read it"
    );
}

#[tokio::test]
async fn capacity_cannot_drop_below_confirmed_bookings_and_more_room_serves_the_waitlist() {
    let store = fresh_store().await;
    let town = store.create_municipality(&town("nagaizumi")).await.unwrap();
    let tenant = store.tenant(&town);
    let host = coordinator(&tenant).await;
    let ratios = Ratios::shipped();
    let event = tenant
        .create_event(&seminar(5, 2, 1, "seminar", 1), host)
        .await
        .unwrap();
    for n in 0..3 {
        let id = participant(&tenant, &format!("p{n}@example.jp")).await;
        tenant
            .book(
                event,
                ask(id, [1, 0, 0, 0], Children([1, 0, 0, 0])),
                &ratios,
            )
            .await
            .unwrap();
    }
    let (refused, _) = tenant
        .change_capacity(event, 1, 1, &ratios, 24)
        .await
        .unwrap();
    assert_eq!(refused, store::event::CapacityChange::BelowBookings);
    assert_eq!(
        tenant.event(event).await.unwrap().unwrap().capacity,
        2,
        "nothing changed"
    );
    // Three babies need one carer (3:1): a third seat offers the waiting parent a place.
    let (changed, offers) = tenant
        .change_capacity(event, 3, 1, &ratios, 24)
        .await
        .unwrap();
    assert_eq!(changed, store::event::CapacityChange::Changed);
    assert_eq!(offers.len(), 1);
}

/// An edit moves the event's sessions in place (bookings stay with them), and its notices are
/// written with it; an edit of another town's event, or with another number of sessions,
/// changes nothing.
#[tokio::test]
async fn an_edit_moves_the_sessions_in_place_and_tells_with_it() {
    let store = fresh_store().await;
    let other = store.create_municipality(&town("susono")).await.unwrap();
    let town = store.create_municipality(&town("nagaizumi")).await.unwrap();
    let tenant = store.tenant(&town);
    let host = coordinator(&tenant).await;
    let course = tenant
        .create_event(&seminar(10, 5, 0, "course", 3), host)
        .await
        .unwrap();
    let parent = participant(&tenant, "p@example.jp").await;
    let ratios = Ratios::shipped();
    tenant
        .book(course, ask(parent, [0; 4], Children::default()), &ratios)
        .await
        .unwrap();
    let before = tenant.event_sessions(course).await.unwrap();

    let mut moved = seminar(12, 5, 0, "course", 3);
    moved.title = "表計算講座".into();
    moved.place = "長泉町役場".into();
    let notice = store::notification::NewNotification {
        account_id: parent,
        kind: domain::message::NoticeKind::EventChanged,
        title: "日時が変わりました".into(),
        body: "本文".into(),
        args: String::new(),
        link: "/nagaizumi/me/events".into(),
        in_app: true,
        email: None,
    };
    let edit = store::event_change::EventEdit::Saved;
    assert_eq!(
        tenant
            .update_event(course, &moved, std::slice::from_ref(&notice))
            .await
            .unwrap(),
        edit
    );
    let saved = tenant.event(course).await.unwrap().unwrap();
    assert_eq!(
        (saved.title.as_str(), saved.place.as_str()),
        ("表計算講座", "長泉町役場")
    );
    assert_eq!(saved.starts_at, moved.sessions[0].0);
    assert_eq!(saved.ends_at, moved.sessions[2].1);
    let after = tenant.event_sessions(course).await.unwrap();
    assert_eq!(
        after.iter().map(|s| s.id).collect::<Vec<_>>(),
        before.iter().map(|s| s.id).collect::<Vec<_>>(),
        "the same sessions, moved"
    );
    assert_eq!(after[1].starts_at - before[1].starts_at, Duration::days(2));
    assert_eq!(tenant.event_bookings(course).await.unwrap().len(), 1);
    let told = store.notifications(parent, 10).await.unwrap();
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].kind, domain::message::NoticeKind::EventChanged);

    let shorter = seminar(12, 5, 0, "course", 2);
    assert_eq!(
        tenant.update_event(course, &shorter, &[]).await.unwrap(),
        store::event_change::EventEdit::SessionsDiffer
    );
    assert_eq!(
        store
            .tenant(&other)
            .update_event(course, &moved, &[])
            .await
            .unwrap(),
        store::event_change::EventEdit::SessionsDiffer,
        "another town sees no sessions of it"
    );
    assert_eq!(
        tenant.event(course).await.unwrap().unwrap().title,
        "表計算講座"
    );
}

/// The staff's lists: coming events soonest first, ended ones latest first, cancelled ones
/// with their reason; the counts agree with the lists.
#[tokio::test]
async fn staff_lists_hold_upcoming_past_and_cancelled_events() {
    use store::event::EventTab;
    let store = fresh_store().await;
    let town = store.create_municipality(&town("nagaizumi")).await.unwrap();
    let tenant = store.tenant(&town);
    let host = coordinator(&tenant).await;
    let mut ids = Vec::new();
    for days in [-40, -2, 3, 9] {
        let mut draft = seminar(10, 5, 0, "seminar", 1);
        let shift = Duration::days(days - 10);
        draft.sessions = vec![(draft.sessions[0].0 + shift, draft.sessions[0].1 + shift)];
        ids.push(tenant.create_event(&draft, host).await.unwrap());
    }
    let called_off = tenant
        .create_event(&seminar(20, 5, 0, "seminar", 1), host)
        .await
        .unwrap();
    assert!(
        tenant
            .cancel_event(called_off, "講師の急病のため", |_| Vec::new())
            .await
            .unwrap()
    );
    let now = Utc::now();
    let listed = |tab| {
        let tenant = &tenant;
        async move {
            tenant
                .staff_events(tab, now, 50)
                .await
                .unwrap()
                .into_iter()
                .map(|e| e.id)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(listed(EventTab::Upcoming).await, [ids[2], ids[3]]);
    assert_eq!(listed(EventTab::Past).await, [ids[1], ids[0]]);
    assert_eq!(listed(EventTab::Cancelled).await, [called_off]);
    let cancelled = tenant.event(called_off).await.unwrap().unwrap();
    assert_eq!(cancelled.cancel_reason, "講師の急病のため");
    let counts = tenant.event_tab_counts(now).await.unwrap();
    assert_eq!((counts.upcoming, counts.past, counts.cancelled), (2, 2, 1));
}

/// A booking is counted when asked (confirmed or put on the waiting list), and the children
/// in care at a session attended by their age band, in the fiscal year of their days.
#[tokio::test]
async fn bookings_waiting_lists_and_childrens_ages_become_facts() {
    use domain::FiscalYear;
    use domain::municipality::FiscalYearStartMonth;
    use domain::participant::AgeBand;
    use domain::report::{Measure, Part, tally};
    let store = fresh_store().await;
    let town = store.create_municipality(&town("nagaizumi")).await.unwrap();
    let tenant = store.tenant(&town);
    let host = coordinator(&tenant).await;
    let ratios = Ratios::shipped();
    let event = tenant
        .create_event(&seminar(3, 1, 1, "seminar", 1), host)
        .await
        .unwrap();
    let toddler = [0, 1, 0, 0];
    let first = participant(&tenant, "a@example.jp").await;
    let second = participant(&tenant, "b@example.jp").await;
    let Booked::Placed { id: booking, .. } = tenant
        .book(event, ask(first, toddler, Children(toddler)), &ratios)
        .await
        .unwrap()
    else {
        panic!("booked")
    };
    tenant
        .book(event, ask(second, [0; 4], Children::default()), &ratios)
        .await
        .unwrap();
    let session = tenant.event_sessions(event).await.unwrap()[0].id;
    // Recorded twice (corrected): counted once.
    for _ in 0..2 {
        tenant
            .record_attendance(session, booking, true, 1, host)
            .await
            .unwrap();
    }
    let count = |rows: &[domain::report::Row], measure, part| {
        rows.iter()
            .find(|r| r.measure == measure && r.part == part)
            .map_or(0, |r| r.year)
    };
    let today = store::matching_input::today_in_japan();
    let fy = FiscalYear::containing(today, FiscalYearStartMonth::APRIL);
    let facts = tenant
        .program_facts(fy.first_day(), fy.last_day() + Duration::days(7))
        .await
        .unwrap();
    let booked_year = tally(&facts, fy);
    assert_eq!(count(&booked_year, Measure::Bookings, None), 2);
    assert_eq!(count(&booked_year, Measure::Waitlisted, None), 1);
    let seminar = Some(Part::Event(domain::event::EventKind::Seminar));
    assert_eq!(count(&booked_year, Measure::Waitlisted, seminar), 1);
    let session_day = today + Duration::days(3);
    let session_year = tally(
        &facts,
        FiscalYear::containing(session_day, FiscalYearStartMonth::APRIL),
    );
    let toddlers = Some(Part::Age(AgeBand::Age1To2));
    assert_eq!(count(&session_year, Measure::ChildrenByAge, toddlers), 1);
    assert_eq!(count(&session_year, Measure::ChildrenByAge, None), 1);
    assert_eq!(count(&session_year, Measure::ChildrenInCare, None), 1);
}
