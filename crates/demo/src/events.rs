//! The demo town's upcoming events: several with childcare, a course that teaches a skill,
//! and one-to-one consultation slots; in the full town, the next weeks' events already have
//! bookings, so a change of date or place has people to tell.

use chrono::{Duration, Utc};
use domain::event::{EventDraft, EventInput};
use domain::skill::Taxonomy;
use store::account::AccountId;
use store::{StoreError, TenantStore};

struct DemoEvent {
    kind: &'static str,
    title: &'static str,
    title_en: &'static str,
    description: &'static str,
    description_en: &'static str,
    place: &'static str,
    days_ahead: i64,
    start: &'static str,
    end: &'static str,
    sessions: u32,
    capacity: u32,
    carers: u32,
    children_programme: &'static str,
    skill: Option<(&'static str, &'static str)>,
}

const EVENTS: &[DemoEvent] = &[
    DemoEvent {
        kind: "seminar",
        title: "はじめての再就職セミナー（託児つき）",
        title_en: "Back to work: a first seminar (with childcare)",
        description: "ブランクのある方のための、働き方の選び方と応募書類の書き方。扶養の範囲で働くときの考え方もお話しします。",
        description_en: "How to choose a way of working and write an application after a break, and how to think about working within the income walls.",
        place: "長泉町公民館 2階 研修室",
        days_ahead: 9,
        start: "10:00",
        end: "11:30",
        sessions: 1,
        capacity: 20,
        carers: 2,
        children_programme: "折り紙教室",
        skill: None,
    },
    DemoEvent {
        kind: "round_table",
        title: "先輩ママと話そう 座談会",
        title_en: "Round-table talk with parents who went back to work",
        description: "子育てしながら働き始めた先輩たちと、お茶を飲みながら気軽に話す会です。",
        description_en: "An informal talk over tea with parents who started working again while raising children.",
        place: "コミュニティながいずみ 和室",
        days_ahead: 14,
        start: "10:00",
        end: "11:30",
        sessions: 1,
        capacity: 12,
        carers: 1,
        children_programme: "",
        skill: None,
    },
    DemoEvent {
        kind: "course",
        title: "事務のためのパソコン講座（全5回・託児つき）",
        title_en: "Computer skills for office work (5 sessions, with childcare)",
        description: "表計算ソフトの基本から、請求書や名簿づくりまで。8割以上出席すると修了となり、スキルがプロフィールに加わります。",
        description_en: "From spreadsheet basics to invoices and lists. Attend at least 80% to complete the course; the skill is then added to your profile.",
        place: "長泉町公民館 パソコン室",
        days_ahead: 16,
        start: "09:30",
        end: "11:30",
        sessions: 5,
        capacity: 10,
        carers: 2,
        children_programme: "",
        skill: Some(("spreadsheet", "2")),
    },
    DemoEvent {
        kind: "workshop",
        title: "親子で浴衣着付け教室",
        title_en: "Yukata dressing class for parents and children",
        description: "保護者向けの着付け教室と、同じ時間に子ども向けの折り紙教室があります。",
        description_en: "A dressing class for parents, with an origami class for children at the same time.",
        place: "湯の花旅館 大広間",
        days_ahead: 21,
        start: "13:30",
        end: "15:30",
        sessions: 1,
        capacity: 16,
        carers: 2,
        children_programme: "折り紙教室",
        skill: None,
    },
    DemoEvent {
        kind: "company_session",
        title: "町内企業との交流会",
        title_en: "Meet the town's employers",
        description: "短時間・在宅の仕事がある町内の企業・団体の方と、直接お話しできます。",
        description_en: "Talk directly with companies and organizations in town that offer short-hours and remote work.",
        place: "長泉町役場 3階 大会議室",
        days_ahead: 28,
        start: "10:00",
        end: "12:00",
        sessions: 1,
        capacity: 30,
        carers: 3,
        children_programme: "",
        skill: None,
    },
];

/// Loads the demo events and three consultation slots, hosted by the demo coordinator.
pub(crate) async fn load_events(
    tenant: &TenantStore<'_>,
    host: AccountId,
) -> Result<(), StoreError> {
    let taxonomy = Taxonomy::shipped().expect("the shipped taxonomy is valid");
    let now = Utc::now();
    let day = |ahead: i64| (now + Duration::days(ahead)).date_naive().to_string();
    for e in EVENTS {
        let input = EventInput {
            kind: e.kind.into(),
            title: e.title.into(),
            title_en: e.title_en.into(),
            description: e.description.into(),
            description_en: e.description_en.into(),
            place: e.place.into(),
            date: day(e.days_ahead),
            start_time: e.start.into(),
            end_time: e.end.into(),
            sessions: e.sessions.to_string(),
            capacity: e.capacity.to_string(),
            childcare: e.carers > 0,
            carers: e.carers.to_string(),
            children_programme: e.children_programme.into(),
            public: true,
            skills: e
                .skill
                .map(|(s, l)| vec![(s.into(), l.into())])
                .unwrap_or_default(),
            ..EventInput::default()
        };
        let draft = EventDraft::parse(&input, &taxonomy, now).expect("demo events are valid");
        tenant.create_event(&draft, host).await?;
    }
    for (n, start) in ["10:00", "11:00", "13:30"].iter().enumerate() {
        let end = ["10:50", "11:50", "14:20"][n];
        let input = EventInput {
            kind: "consultation".into(),
            title: "キャリア相談（個別・30〜50分）".into(),
            title_en: "Career consultation (one to one)".into(),
            description: "働き方や応募の悩みを、コーディネーターに1対1で相談できます。".into(),
            place: "長泉町役場 1階 相談室".into(),
            date: day(7),
            start_time: (*start).into(),
            end_time: end.into(),
            public: true,
            ..EventInput::default()
        };
        let draft = EventDraft::parse(&input, &taxonomy, now).expect("demo slots are valid");
        tenant.create_event(&draft, host).await?;
    }
    Ok(())
}

/// How far ahead the full demo town's events already have bookings.
const BOOKED_AHEAD_DAYS: i64 = 21;

/// Books some of the town's first participants onto each event of the next three weeks (not the
/// consultation slots, which stay open for the demo), through the booking desk.
pub(crate) async fn book_upcoming(tenant: &TenantStore<'_>) -> Result<(), StoreError> {
    let people = tenant
        .accounts_with_role(domain::Role::Participant, 40, 0)
        .await?;
    let now = Utc::now();
    let until = now + Duration::days(BOOKED_AHEAD_DAYS);
    let events = tenant
        .upcoming_events(&Default::default(), now, 100)
        .await?;
    let soon = events
        .iter()
        .filter(|e| e.starts_at < until && e.kind != domain::event::EventKind::Consultation);
    for (n, event) in soon.enumerate() {
        let carers = u32::try_from(event.carers).unwrap_or(0);
        crate::past_events::book(
            tenant,
            event.id,
            (event.kind.code(), carers),
            &people,
            n + 3,
        )
        .await?;
    }
    Ok(())
}
