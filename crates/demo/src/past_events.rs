//! The demo town's last two fiscal years of events: a seminar every month, round-table talks,
//! workshops, company sessions, a course each half year and consultation slots, each with
//! bookings, childcare and attendance (some people did not come), so past lists, attendance
//! and the town's numbers have real content. Yesterday's seminar has no attendance yet: the
//! coordinator's first task of the morning.
//!
//! Each event is booked the way people book (through the booking desk, while it is still ahead),
//! then moved to its day in the past, and its attendance recorded.

use chrono::{Datelike, Duration, Months, NaiveDate, Utc};
use domain::Role;
use domain::event::booking::Request;
use domain::event::childcare::Ratios;
use domain::event::{EventDraft, EventInput, at_jst};
use domain::local_time::to_jst;
use domain::participant::Children;
use domain::skill::Taxonomy;
use store::account::AccountId;
use store::booking_desk::BookingAsk;
use store::{StoreError, TenantStore};

/// A kind of past event: its words, times, sessions and carers.
struct PastEvent {
    kind: &'static str,
    title: &'static str,
    title_en: &'static str,
    start: &'static str,
    end: &'static str,
    sessions: u32,
    carers: u32,
    skill: Option<&'static str>,
}

const SEMINAR: PastEvent = PastEvent {
    kind: "seminar",
    title: "再就職セミナー（託児つき）",
    title_en: "Back-to-work seminar (with childcare)",
    start: "10:00",
    end: "11:30",
    sessions: 1,
    carers: 2,
    skill: None,
};
const ROUND_TABLE: PastEvent = PastEvent {
    kind: "round_table",
    title: "先輩ママと話そう 座談会",
    title_en: "Round-table talk with parents who went back to work",
    start: "10:00",
    end: "11:30",
    sessions: 1,
    carers: 1,
    skill: None,
};
const WORKSHOP: PastEvent = PastEvent {
    kind: "workshop",
    title: "応募書類の書き方ワークショップ",
    title_en: "Workshop: writing your application",
    start: "13:30",
    end: "15:30",
    sessions: 1,
    carers: 1,
    skill: None,
};
const COMPANY: PastEvent = PastEvent {
    kind: "company_session",
    title: "町内企業との交流会",
    title_en: "Meet the town's employers",
    start: "10:00",
    end: "12:00",
    sessions: 1,
    carers: 2,
    skill: None,
};
const COURSE: PastEvent = PastEvent {
    kind: "course",
    title: "事務のためのパソコン講座（全4回）",
    title_en: "Computer skills for office work (4 sessions)",
    start: "09:30",
    end: "11:30",
    sessions: 4,
    carers: 1,
    skill: Some("spreadsheet"),
};
const CONSULTATION: PastEvent = PastEvent {
    kind: "consultation",
    title: "キャリア相談（個別）",
    title_en: "Career consultation (one to one)",
    start: "14:00",
    end: "14:50",
    sessions: 1,
    carers: 0,
    skill: None,
};

/// What the last twenty months held: (event, months ago, day of the month).
fn calendar() -> Vec<(&'static PastEvent, u32, u32)> {
    let mut held = Vec::new();
    for months in 1..=20_u32 {
        held.push((&SEMINAR, months, 12));
        held.push((&CONSULTATION, months, 20));
        if months.is_multiple_of(2) {
            held.push((&ROUND_TABLE, months, 8));
        }
        if months % 3 == 1 {
            held.push((&WORKSHOP, months, 16));
        }
        if months % 6 == 2 {
            held.push((&COMPANY, months, 24));
            held.push((&COURSE, months, 2));
        }
    }
    held
}

/// The day `months` before `today`, on day `day` of that month.
fn day_back(today: NaiveDate, months: u32, day: u32) -> NaiveDate {
    let month = today
        .checked_sub_months(Months::new(months))
        .unwrap_or(today);
    month.with_day0(day - 1).unwrap_or(month)
}

/// Loads the past events, booked by the town's first participants and attended.
pub(crate) async fn load_past_events(
    tenant: &TenantStore<'_>,
    host: AccountId,
) -> Result<(), StoreError> {
    let people = tenant.accounts_with_role(Role::Participant, 40, 0).await?;
    let today = to_jst(Utc::now()).date_naive();
    let mut held = calendar();
    held.push((&SEMINAR, 0, 0));
    for (n, (event, months, day)) in held.into_iter().enumerate() {
        let on = if months == 0 {
            today - Duration::days(1)
        } else {
            day_back(today, months, day)
        };
        let id = create_ahead(tenant, host, event, n).await?;
        let booked = book(tenant, id, (event.kind, event.carers), &people, n).await?;
        move_to(tenant, id, on).await?;
        // Booked a week before the day.
        tenant
            .backdate_bookings(id, (today - on).num_days() + 7)
            .await?;
        if months > 0 {
            attend(tenant, id, &booked, host, n).await?;
        }
    }
    Ok(())
}

/// The event, made on a day far enough ahead that no two overlap (so people can book them all).
async fn create_ahead(
    tenant: &TenantStore<'_>,
    host: AccountId,
    e: &PastEvent,
    n: usize,
) -> Result<i64, StoreError> {
    let taxonomy = Taxonomy::shipped().expect("the shipped taxonomy is valid");
    let now = Utc::now();
    let ahead = 400 + 35 * i64::try_from(n).unwrap_or(0);
    let input = EventInput {
        kind: e.kind.into(),
        title: e.title.into(),
        title_en: e.title_en.into(),
        description: "町の就労支援プログラムの催しです。".into(),
        description_en: "An event of the town's return-to-work program.".into(),
        place: "長泉町公民館 2階 研修室".into(),
        date: (now + Duration::days(ahead)).date_naive().to_string(),
        start_time: e.start.into(),
        end_time: e.end.into(),
        sessions: e.sessions.to_string(),
        capacity: "12".into(),
        childcare: e.carers > 0,
        carers: e.carers.to_string(),
        public: true,
        skills: e
            .skill
            .map(|s| vec![(s.into(), "2".into())])
            .unwrap_or_default(),
        ..EventInput::default()
    };
    let draft = EventDraft::parse(&input, &taxonomy, now).expect("demo events are valid");
    tenant.create_event(&draft, host).await
}

/// Bookings by some of `people` (a different few each time), some with a toddler in care:
/// one for a consultation, four to ten for anything else.
pub(crate) async fn book(
    tenant: &TenantStore<'_>,
    id: i64,
    (kind, carers): (&str, u32),
    people: &[store::account::Account],
    n: usize,
) -> Result<Vec<(i64, bool)>, StoreError> {
    let ratios = Ratios::shipped();
    let wanted = if kind == "consultation" { 1 } else { 4 + n % 7 };
    let mut booked = Vec::new();
    for k in 0..wanted.min(people.len()) {
        let person = &people[(n * 5 + k * 3) % people.len()];
        let care = carers > 0 && (n + k).is_multiple_of(3);
        let children = Children(if care { [0, 1, 0, 0] } else { [0; 4] });
        let ask = BookingAsk {
            participant: person.id,
            request: Request { children },
            profile: children,
            notices: Default::default(),
            audit: None,
        };
        if let store::booking::Booked::Placed { id: booking, .. } =
            tenant.book(id, ask, &ratios).await?
        {
            booked.push((booking, care));
        }
    }
    Ok(booked)
}

/// Moves the event's sessions (weekly from `on`) and deadlines into the past.
async fn move_to(tenant: &TenantStore<'_>, id: i64, on: NaiveDate) -> Result<(), StoreError> {
    let Some(event) = tenant.event(id).await? else {
        return Ok(());
    };
    let start = at_jst(on, to_jst(event.starts_at).time());
    let by = start - event.starts_at;
    let sessions = tenant.event_sessions(id).await?;
    let draft = EventDraft {
        kind: event.kind,
        title: event.title,
        title_en: event.title_en,
        description: event.description,
        description_en: event.description_en,
        place: event.place,
        online_url: event.online_url,
        sessions: sessions
            .iter()
            .map(|s| (s.starts_at + by, s.ends_at + by))
            .collect(),
        capacity: u32::try_from(event.capacity).unwrap_or(0),
        opens_at: start - Duration::days(30),
        closes_at: start,
        cancel_deadline: start,
        childcare: event.childcare,
        carers: u32::try_from(event.carers).unwrap_or(0),
        children_programme: event.children_programme,
        public: event.public,
        skills: Vec::new(),
    };
    tenant.update_event(id, &draft, &[]).await?;
    Ok(())
}

/// Records every session's attendance: about one in eight did not come.
async fn attend(
    tenant: &TenantStore<'_>,
    id: i64,
    booked: &[(i64, bool)],
    host: AccountId,
    n: usize,
) -> Result<(), StoreError> {
    for (s, session) in tenant.event_sessions(id).await?.iter().enumerate() {
        for (k, (booking, care)) in booked.iter().enumerate() {
            let present = !(n + k * 5 + s * 3).is_multiple_of(8);
            let children = u32::from(present && *care);
            tenant
                .record_attendance(session.id, *booking, present, children, host)
                .await?;
        }
    }
    Ok(())
}
