//! iCalendar (RFC 5545) output for events: one event's `.ics`, the public feed of upcoming
//! events, and a person's private feed of their bookings. Lines end in CRLF and are folded at
//! 75 octets; text is escaped.

use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};

/// One calendar entry.
pub struct Entry {
    /// Stable across exports, so calendars update an entry instead of adding another.
    pub uid: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub summary: String,
    pub description: String,
    pub location: String,
    pub url: String,
    pub cancelled: bool,
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets without splitting a character.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

fn stamp(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// A calendar with `entries`; `name` is shown by calendar apps.
pub fn calendar(name: &str, entries: &[Entry], now: DateTime<Utc>) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//wakucareer//events//JA",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        fold(line, &mut out);
    }
    fold(&format!("X-WR-CALNAME:{}", escape(name)), &mut out);
    fold("X-WR-TIMEZONE:Asia/Tokyo", &mut out);
    for entry in entries {
        fold("BEGIN:VEVENT", &mut out);
        fold(&format!("UID:{}", entry.uid), &mut out);
        fold(&format!("DTSTAMP:{}", stamp(now)), &mut out);
        fold(&format!("DTSTART:{}", stamp(entry.start)), &mut out);
        fold(&format!("DTEND:{}", stamp(entry.end)), &mut out);
        fold(&format!("SUMMARY:{}", escape(&entry.summary)), &mut out);
        if !entry.description.is_empty() {
            fold(
                &format!("DESCRIPTION:{}", escape(&entry.description)),
                &mut out,
            );
        }
        if !entry.location.is_empty() {
            fold(&format!("LOCATION:{}", escape(&entry.location)), &mut out);
        }
        if !entry.url.is_empty() {
            fold(&format!("URL:{}", entry.url), &mut out);
        }
        fold(
            if entry.cancelled {
                "STATUS:CANCELLED"
            } else {
                "STATUS:CONFIRMED"
            },
            &mut out,
        );
        fold("END:VEVENT", &mut out);
    }
    fold("END:VCALENDAR", &mut out);
    out
}

/// A calendar file to download, kept privately for five minutes.
pub fn response(body: String, filename: &str) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
            (header::CACHE_CONTROL, "private, max-age=300".to_owned()),
        ],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_japanese_lines_fold_without_breaking_characters() {
        let mut out = String::new();
        fold(&format!("SUMMARY:{}", "託児付き".repeat(20)), &mut out);
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(
            unfolded.trim_end(),
            format!("SUMMARY:{}", "託児付き".repeat(20))
        );
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
