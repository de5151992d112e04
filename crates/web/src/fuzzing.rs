//! Entry points for the fuzz targets in `fuzz/` (feature `fuzzing`): outside input decoded the
//! way a request's form is (`serde_html_form`, as `axum_extra::extract::Form` does), turned
//! into the domain's input and parsed; and the iCalendar output read back. Each panics only on
//! a bug: a parse returns errors for bad input, never a panic.

use std::sync::OnceLock;

use chrono::{DateTime, TimeZone, Utc};
use domain::minimum_wage::MinimumWageTable;
use domain::request::{RequestDraft, RequestRules};
use domain::skill::Taxonomy;
use domain::travel::TravelTable;

use crate::ical::{Entry, calendar};

fn taxonomy() -> &'static Taxonomy {
    static TAXONOMY: OnceLock<Taxonomy> = OnceLock::new();
    TAXONOMY.get_or_init(|| Taxonomy::shipped().expect("the shipped taxonomy"))
}

fn minimum_wage() -> &'static MinimumWageTable {
    static TABLE: OnceLock<MinimumWageTable> = OnceLock::new();
    TABLE.get_or_init(|| MinimumWageTable::shipped().expect("the shipped minimum wages"))
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap()
}

/// The profile form (participants' own and coordinators' edits).
pub fn profile_form(bytes: &[u8]) {
    if let Ok(form) = serde_html_form::from_bytes::<crate::participant::ProfileForm>(bytes) {
        let areas = TravelTable::parse("area,shimotogari,下土狩,Shimotogari\n").unwrap_or_default();
        let _ = domain::participant::Profile::parse(
            &form.to_input(),
            taxonomy(),
            &areas,
            now().date_naive(),
        );
    }
}

/// The request form (jobs and team projects).
pub fn request_form(bytes: &[u8]) {
    if let Ok(form) = serde_html_form::from_bytes::<crate::requests::form::RequestForm>(bytes) {
        let rules = RequestRules {
            taxonomy: taxonomy(),
            minimum_wage: minimum_wage(),
            prefecture: "静岡県",
            today: now().date_naive(),
            areas: &domain::travel::TravelTable::default(),
        };
        let _ = RequestDraft::parse(&form.input(), &rules);
    }
}

/// The event form (seminars, courses, childcare).
pub fn event_form(bytes: &[u8]) {
    if let Ok(form) = serde_html_form::from_bytes::<crate::events::EventForm>(bytes) {
        let _ = domain::event::EventDraft::parse(&form.input(), taxonomy(), now());
    }
}

/// An event's text written to iCalendar and read back: the same text, lines of at most 75
/// octets ending in CRLF. The input is the summary, description and place, split by NUL.
pub fn ical_round_trip(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let mut parts = text.split('\0').map(str::to_owned);
    let entry = Entry {
        uid: "event-1@wakucareer".into(),
        start: now(),
        end: now(),
        summary: parts.next().unwrap_or_default(),
        description: parts.next().unwrap_or_default(),
        location: parts.next().unwrap_or_default(),
        url: String::new(),
        cancelled: false,
    };
    let ics = calendar("長泉町のイベント", std::slice::from_ref(&entry), now());
    assert!(ics.ends_with("\r\n"));
    let physical: Vec<&str> = ics.split("\r\n").collect();
    for line in &physical {
        assert!(line.len() <= 75, "a line longer than 75 octets: {line:?}");
        assert!(
            !line.contains('\r') && !line.contains('\n'),
            "a bare line break"
        );
    }
    let unfolded = ics.replace("\r\n ", "");
    let field = |name: &str| {
        unfolded
            .split("\r\n")
            .find_map(|l| l.strip_prefix(&format!("{name}:")))
            .map(unescape)
            .unwrap_or_default()
    };
    let expected = |s: &str| s.replace('\r', "");
    assert_eq!(field("SUMMARY"), expected(&entry.summary));
    assert_eq!(field("DESCRIPTION"), expected(&entry.description));
    assert_eq!(field("LOCATION"), expected(&entry.location));
}

/// RFC 5545 text unescaped, as a calendar reads it.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn each_entry_point_takes_ordinary_and_odd_input() {
        for input in [
            &b"display_name=%E9%95%B7%E6%B3%89&slot=0-18&skill_id=spreadsheet&skill_level=2"[..],
            b"kind=job&title=x&hours_min=%EF%BC%91&slot=9-99",
            b"kind=course&date=2026-13-40&capacity=-1",
            b"%ff%fe=\xff",
        ] {
            super::profile_form(input);
            super::request_form(input);
            super::event_form(input);
        }
        super::ical_round_trip("説明会;，,\\\n改行\r\0長い".repeat(20).as_bytes());
    }
}
