//! Events (イベント): seminars, round-table talks, workshops, courses of several sessions,
//! company sessions and one-to-one career consultations, with childcare (託児) for the
//! attendees' children. [`EventDraft::parse`] checks the coordinator's form (and
//! [`EventDraft::parse_change`] an edit of a saved event); [`booking`] holds the rules for
//! seats, childcare and the waitlist; [`childcare`] the staff ratios; [`course`] completion;
//! [`attendance`] when attendance can be recorded; [`series`] consultation slots made in series;
//! [`change`] what an edit or a cancellation must say.

pub mod attendance;
pub mod booking;
pub mod change;
pub mod childcare;
pub mod course;
pub mod series;

pub use change::{Whereabouts, cancel_reason};

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

use crate::field_errors::{FieldErrors, text};
use crate::local_time::jst;
use crate::skill::{SkillLevel, Taxonomy};

/// The kinds of event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventKind {
    /// セミナー
    Seminar,
    /// 座談会
    RoundTable,
    /// ワークショップ (e.g. the yukata-dressing class)
    Workshop,
    /// 講座: several sessions; completing it grants its skills.
    Course,
    /// 企業との交流会
    CompanySession,
    /// キャリア相談: a one-to-one slot with a coordinator.
    Consultation,
}

impl EventKind {
    pub const ALL: [EventKind; 6] = [
        EventKind::Seminar,
        EventKind::RoundTable,
        EventKind::Workshop,
        EventKind::Course,
        EventKind::CompanySession,
        EventKind::Consultation,
    ];

    pub fn code(self) -> &'static str {
        match self {
            EventKind::Seminar => "seminar",
            EventKind::RoundTable => "round_table",
            EventKind::Workshop => "workshop",
            EventKind::Course => "course",
            EventKind::CompanySession => "company_session",
            EventKind::Consultation => "consultation",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// The event form as typed.
#[derive(Debug, Clone, Default)]
pub struct EventInput {
    pub kind: String,
    pub title: String,
    pub title_en: String,
    pub description: String,
    pub description_en: String,
    pub place: String,
    pub online_url: String,
    /// The first (or only) session: date and times, in Japan time.
    pub date: String,
    pub start_time: String,
    pub end_time: String,
    /// Weekly sessions in all (a course), 1 for a single event.
    pub sessions: String,
    pub capacity: String,
    /// Dates registration opens and closes (closes at the end of that day, or at the start
    /// of the event if sooner); empty: opens now, closes at the start.
    pub opens_on: String,
    pub closes_on: String,
    /// Last day a participant may cancel themselves; empty: until the start.
    pub cancel_until: String,
    pub childcare: bool,
    pub carers: String,
    pub children_programme: String,
    pub public: bool,
    /// Skills a course teaches: (skill id, level reached).
    pub skills: Vec<(String, String)>,
}

/// A checked event.
#[derive(Debug, Clone, PartialEq)]
pub struct EventDraft {
    pub kind: EventKind,
    pub title: String,
    pub title_en: String,
    pub description: String,
    pub description_en: String,
    pub place: String,
    pub online_url: String,
    /// (start, end) of each session, in order.
    pub sessions: Vec<(DateTime<Utc>, DateTime<Utc>)>,
    pub capacity: u32,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub cancel_deadline: DateTime<Utc>,
    pub childcare: bool,
    pub carers: u32,
    pub children_programme: String,
    pub public: bool,
    pub skills: Vec<(String, SkillLevel)>,
}

const TITLE_MAX: usize = 100;
const TEXT_MAX: usize = 2000;
const MAX_CAPACITY: u32 = 500;
const MAX_CARERS: u32 = 30;
const MAX_SESSIONS: u32 = 20;

fn whole(
    errors: &mut FieldErrors,
    field: &'static str,
    raw: &str,
    range: std::ops::RangeInclusive<u32>,
    code: &'static str,
) -> Option<u32> {
    let value = crate::number::digits(raw, &[])
        .parse::<u32>()
        .ok()
        .filter(|n| range.contains(n));
    if value.is_none() {
        errors.add(field, code);
    }
    value
}

fn date(errors: &mut FieldErrors, field: &'static str, raw: &str) -> Option<NaiveDate> {
    let value = NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").ok();
    if value.is_none() {
        errors.add(field, "date-invalid");
    }
    value
}

fn optional_date(errors: &mut FieldErrors, field: &'static str, raw: &str) -> Option<NaiveDate> {
    if raw.trim().is_empty() {
        None
    } else {
        date(errors, field, raw)
    }
}

fn time(errors: &mut FieldErrors, field: &'static str, raw: &str) -> Option<NaiveTime> {
    let value = NaiveTime::parse_from_str(raw.trim(), "%H:%M").ok();
    if value.is_none() {
        errors.add(field, "time-invalid");
    }
    value
}

/// A Japan date and time as UTC.
pub fn at_jst(day: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    jst()
        .from_local_datetime(&NaiveDateTime::new(day, time))
        .single()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default()
}

fn end_of_day(day: NaiveDate) -> DateTime<Utc> {
    at_jst(day, NaiveTime::from_hms_opt(23, 59, 59).unwrap_or_default())
}

/// A deadline typed as a day (registration closes, or self-cancelling ends, at the end of it):
/// on or before the event's day `event_day`, and never later than the start `first_start`.
/// Empty: the start itself.
fn deadline(
    errors: &mut FieldErrors,
    field: &'static str,
    raw: &str,
    event_day: Option<NaiveDate>,
    first_start: Option<DateTime<Utc>>,
) -> Option<DateTime<Utc>> {
    let typed = optional_date(errors, field, raw);
    if let (Some(typed), Some(day)) = (typed, event_day)
        && typed > day
    {
        errors.add(field, "deadline-after-start");
    }
    let at = typed.map(end_of_day).or(first_start)?;
    Some(first_start.map_or(at, |start| at.min(start)))
}

impl EventDraft {
    /// Parses the form, naming every wrong field. `now` is when it is saved: a new event
    /// cannot start in the past.
    pub fn parse(
        input: &EventInput,
        taxonomy: &Taxonomy,
        now: DateTime<Utc>,
    ) -> Result<Self, FieldErrors> {
        Self::parse_from(input, taxonomy, now, None)
    }

    /// Parses an edit of a saved event whose first session starts at `saved_start`: it may keep
    /// that start even once it has passed, but a new start cannot be in the past.
    pub fn parse_change(
        input: &EventInput,
        taxonomy: &Taxonomy,
        now: DateTime<Utc>,
        saved_start: DateTime<Utc>,
    ) -> Result<Self, FieldErrors> {
        Self::parse_from(input, taxonomy, now, Some(saved_start))
    }

    fn parse_from(
        input: &EventInput,
        taxonomy: &Taxonomy,
        now: DateTime<Utc>,
        saved_start: Option<DateTime<Utc>>,
    ) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::default();
        let kind = EventKind::from_code(input.kind.trim());
        if kind.is_none() {
            e.add("kind", "choose-one");
        }
        let title = text(&mut e, "title", &input.title, TITLE_MAX, true);
        let title_en = text(&mut e, "title_en", &input.title_en, TITLE_MAX, false);
        let description = text(&mut e, "description", &input.description, TEXT_MAX, true);
        let description_en = text(
            &mut e,
            "description_en",
            &input.description_en,
            TEXT_MAX,
            false,
        );
        let place = text(&mut e, "place", &input.place, 200, false);
        let online_url = text(&mut e, "online_url", &input.online_url, 500, false);
        if place.is_empty() && online_url.is_empty() {
            e.add("place", "place-or-online");
        }
        if !online_url.is_empty() && !online_url.starts_with("https://") {
            e.add("online_url", "url-https");
        }
        let day = date(&mut e, "date", &input.date);
        let start = time(&mut e, "start_time", &input.start_time);
        let end = time(&mut e, "end_time", &input.end_time);
        if let (Some(s), Some(t)) = (start, end)
            && t <= s
        {
            e.add("end_time", "end-before-start");
        }
        let count = if input.sessions.trim().is_empty() {
            Some(1)
        } else {
            whole(
                &mut e,
                "sessions",
                &input.sessions,
                1..=MAX_SESSIONS,
                "sessions-invalid",
            )
        };
        let mut sessions = Vec::new();
        if let (Some(day), Some(start), Some(end), Some(count)) = (day, start, end, count) {
            for week in 0..i64::from(count) {
                let on = day + Duration::weeks(week);
                sessions.push((at_jst(on, start), at_jst(on, end)));
            }
            if sessions[0].0 < now && saved_start != Some(sessions[0].0) {
                e.add("date", "date-in-past");
            }
        }
        let consultation = kind == Some(EventKind::Consultation);
        let capacity = if consultation {
            Some(1)
        } else {
            whole(
                &mut e,
                "capacity",
                &input.capacity,
                1..=MAX_CAPACITY,
                "capacity-invalid",
            )
        };
        let first_start = sessions.first().map(|s| s.0);
        let opens_at = optional_date(&mut e, "opens_on", &input.opens_on).map_or_else(
            || first_start.map_or(now, |s| s.min(now)),
            |d| at_jst(d, NaiveTime::MIN),
        );
        let closes_at = deadline(&mut e, "closes_on", &input.closes_on, day, first_start);
        if closes_at.is_some_and(|c| c < opens_at) {
            e.add("closes_on", "closes-before-opens");
        }
        let closes_at = closes_at.unwrap_or(now);
        let cancel_deadline = deadline(
            &mut e,
            "cancel_until",
            &input.cancel_until,
            day,
            first_start,
        )
        .unwrap_or(now);
        let carers = if input.childcare {
            whole(
                &mut e,
                "carers",
                &input.carers,
                1..=MAX_CARERS,
                "carers-invalid",
            )
        } else {
            Some(0)
        };
        let children_programme = text(
            &mut e,
            "children_programme",
            &input.children_programme,
            500,
            false,
        );
        let mut skills = Vec::new();
        for (id, level) in input.skills.iter().filter(|(id, _)| !id.trim().is_empty()) {
            match (
                taxonomy.get(id.trim()),
                level.trim().parse::<u8>().ok().and_then(SkillLevel::new),
            ) {
                (Some(skill), Some(level)) => skills.push((skill.id.as_str().to_owned(), level)),
                _ => e.add("skills", "skill-unknown"),
            }
        }
        match (kind, capacity, carers) {
            (Some(kind), Some(capacity), Some(carers)) if e.is_empty() => Ok(EventDraft {
                kind,
                title,
                title_en,
                description,
                description_en,
                place,
                online_url,
                sessions,
                capacity,
                opens_at,
                closes_at,
                cancel_deadline,
                childcare: input.childcare,
                carers,
                children_programme,
                public: input.public,
                skills,
            }),
            _ => Err(e),
        }
    }
}

crate::labels!(EventKind {
    EventKind::Seminar => "event-kind-seminar",
    EventKind::RoundTable => "event-kind-round-table",
    EventKind::Workshop => "event-kind-workshop",
    EventKind::Course => "event-kind-course",
    EventKind::CompanySession => "event-kind-company-session",
    EventKind::Consultation => "event-kind-consultation",
});
crate::stored_code!(EventKind, "event kind");

/// Whether an event takes place. Not named on pages by itself: a cancelled event says so in
/// its registration line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventStatus {
    Scheduled,
    Cancelled,
}

impl EventStatus {
    pub fn code(self) -> &'static str {
        match self {
            EventStatus::Scheduled => "scheduled",
            EventStatus::Cancelled => "cancelled",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [EventStatus::Scheduled, EventStatus::Cancelled]
            .into_iter()
            .find(|s| s.code() == code)
    }
}

crate::stored_code!(EventStatus, "event status");

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        at_jst(
            NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
            NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        )
    }

    fn seminar() -> EventInput {
        EventInput {
            kind: "seminar".into(),
            title: "はじめての再就職セミナー".into(),
            description: "ブランクのある方のための、働き方の選び方と応募書類の書き方。".into(),
            place: "長泉町公民館 2階 研修室".into(),
            date: "2026-12-10".into(),
            start_time: "10:00".into(),
            end_time: "12:00".into(),
            capacity: "50".into(),
            childcare: true,
            carers: "3".into(),
            children_programme: "折り紙教室".into(),
            public: true,
            ..EventInput::default()
        }
    }

    #[test]
    fn a_seminar_with_childcare_parses_in_japan_time() {
        let draft = EventDraft::parse(&seminar(), &Taxonomy::shipped().unwrap(), now()).unwrap();
        assert_eq!(draft.sessions.len(), 1);
        assert_eq!(
            draft.sessions[0].0.to_rfc3339(),
            "2026-12-10T01:00:00+00:00"
        );
        assert_eq!(
            draft.closes_at, draft.sessions[0].0,
            "registration closes at the start"
        );
        assert_eq!(draft.carers, 3);
        assert_eq!(draft.opens_at, now());
    }

    #[test]
    fn a_course_runs_weekly_and_teaches_skills() {
        let input = EventInput {
            kind: "course".into(),
            sessions: "5".into(),
            skills: vec![("spreadsheet".into(), "2".into())],
            ..seminar()
        };
        let draft = EventDraft::parse(&input, &Taxonomy::shipped().unwrap(), now()).unwrap();
        assert_eq!(draft.sessions.len(), 5);
        assert_eq!(
            draft.sessions[4].0 - draft.sessions[0].0,
            Duration::weeks(4)
        );
        assert_eq!(draft.skills[0].0, "spreadsheet");
    }

    #[test]
    fn a_consultation_is_one_person() {
        let input = EventInput {
            kind: "consultation".into(),
            capacity: String::new(),
            childcare: false,
            ..seminar()
        };
        let draft = EventDraft::parse(&input, &Taxonomy::shipped().unwrap(), now()).unwrap();
        assert_eq!(draft.capacity, 1);
        assert_eq!(draft.carers, 0);
    }

    #[test]
    fn every_wrong_field_is_named() {
        let input = EventInput {
            kind: "party".into(),
            title: String::new(),
            place: String::new(),
            online_url: "http://example.jp".into(),
            date: "2026-11-01".into(),
            end_time: "09:00".into(),
            capacity: "0".into(),
            carers: "0".into(),
            closes_on: "2026-10-20".into(),
            opens_on: "2026-10-30".into(),
            skills: vec![("no-such-skill".into(), "2".into())],
            ..seminar()
        };
        let errors = EventDraft::parse(&input, &Taxonomy::shipped().unwrap(), now()).unwrap_err();
        for (field, code) in [
            ("kind", "choose-one"),
            ("title", "required"),
            ("online_url", "url-https"),
            ("date", "date-in-past"),
            ("end_time", "end-before-start"),
            ("capacity", "capacity-invalid"),
            ("carers", "carers-invalid"),
            ("closes_on", "closes-before-opens"),
            ("skills", "skill-unknown"),
        ] {
            assert_eq!(errors.code_for(field), Some(code), "{field}");
        }
    }

    #[test]
    fn deadlines_after_the_event_day_are_refused_on_their_own_field() {
        let input = EventInput {
            closes_on: "2026-12-11".into(),
            cancel_until: "2026-12-12".into(),
            ..seminar()
        };
        let errors = EventDraft::parse(&input, &Taxonomy::shipped().unwrap(), now()).unwrap_err();
        assert_eq!(errors.code_for("closes_on"), Some("deadline-after-start"));
        assert_eq!(
            errors.code_for("cancel_until"),
            Some("deadline-after-start")
        );
        assert_eq!(errors.code_for("date"), None);

        let same_day = EventInput {
            closes_on: "2026-12-10".into(),
            cancel_until: "2026-12-09".into(),
            ..seminar()
        };
        let draft = EventDraft::parse(&same_day, &Taxonomy::shipped().unwrap(), now()).unwrap();
        assert_eq!(
            draft.closes_at, draft.sessions[0].0,
            "never after the start"
        );
        assert_eq!(
            draft.cancel_deadline.to_rfc3339(),
            "2026-12-09T14:59:59+00:00",
            "the end of that day in Japan"
        );
    }

    #[test]
    fn an_edit_may_keep_a_start_that_has_passed_but_not_move_one_into_the_past() {
        let taxonomy = Taxonomy::shipped().unwrap();
        let draft = EventDraft::parse(&seminar(), &taxonomy, now()).unwrap();
        let later = draft.sessions[0].1 + Duration::days(2);
        let renamed = EventInput {
            title: "再就職セミナー（第1回）".into(),
            ..seminar()
        };
        let kept = EventDraft::parse_change(&renamed, &taxonomy, later, draft.sessions[0].0);
        assert_eq!(kept.unwrap().sessions, draft.sessions);

        let moved = EventInput {
            start_time: "09:30".into(),
            ..seminar()
        };
        let errors =
            EventDraft::parse_change(&moved, &taxonomy, later, draft.sessions[0].0).unwrap_err();
        assert_eq!(errors.code_for("date"), Some("date-in-past"));
    }
}
