//! What a person has taken part in, as their record shows it: bookings with attendance, and
//! introductions with their states. Part of the record's view, which is audited as a whole.

use store::account::AccountId;
use store::booking::StoredBooking;
use store::introduction::{Introduction, IntroductionOwner};

use crate::error::WebError;
use crate::page::Page;
use crate::shown_text::Shown;

/// The most introductions the record lists.
const INTRODUCTION_LIMIT: i64 = 50;

pub struct BookingLine {
    pub href: String,
    pub title: Shown,
    pub when: String,
    pub status: String,
    pub attendance: String,
}

pub struct IntroductionLine {
    pub href: String,
    pub request: String,
    pub organization: String,
    pub status: String,
    pub updated: String,
}

pub struct Activity {
    pub bookings: Vec<BookingLine>,
    pub introductions: Vec<IntroductionLine>,
    /// Courses completed: (title, date).
    pub credentials: Vec<(String, String)>,
}

/// Attendance in words: sessions attended of those recorded, or not recorded yet.
pub fn attendance_words(page: &Page, attended: i64, recorded: i64) -> String {
    match (attended, recorded) {
        (_, 0) => page.t("record-attendance-not-recorded"),
        (0, 1) => page.t("attendance-absent"),
        (1, 1) => page.t("attendance-present"),
        _ => page.lang.t_args(
            "record-attendance-sessions",
            &[
                ("attended", attended.to_string()),
                ("of", recorded.to_string()),
            ],
        ),
    }
}

fn booking_line(page: &Page, slug: &str, b: &StoredBooking, attended: (i64, i64)) -> BookingLine {
    BookingLine {
        href: format!("/{slug}/coordinator/events/{}", b.event_id),
        title: Shown::pick(page.lang, &b.event_title, &b.event_title_en),
        when: crate::events::view::when(page, b.event_starts_at, b.event_ends_at),
        status: page.label(b.status),
        attendance: attendance_words(page, attended.0, attended.1),
    }
}

fn introduction_line(page: &Page, slug: &str, i: Introduction) -> IntroductionLine {
    IntroductionLine {
        href: format!("/{slug}/coordinator/introductions/{}", i.id),
        status: page.label(i.status),
        updated: page.date_time(i.updated_at),
        request: i.request_title,
        organization: i.organization_name,
    }
}

/// The person's bookings (newest event first), introductions and completed courses.
pub async fn of(
    tenant: &store::TenantStore<'_>,
    page: &Page,
    slug: &str,
    id: AccountId,
) -> Result<Activity, WebError> {
    let attendance = tenant.participant_attendance(id).await?;
    let recorded = |booking: i64| {
        attendance
            .iter()
            .find(|(b, _, _)| *b == booking)
            .map_or((0, 0), |(_, attended, recorded)| (*attended, *recorded))
    };
    let mut bookings: Vec<BookingLine> = tenant
        .participant_bookings(id)
        .await?
        .iter()
        .map(|b| booking_line(page, slug, b, recorded(b.id)))
        .collect();
    bookings.reverse();
    let introductions = tenant
        .own_introductions(IntroductionOwner::Participant(id.0), INTRODUCTION_LIMIT)
        .await?
        .into_iter()
        .map(|i| introduction_line(page, slug, i))
        .collect();
    let credentials = tenant
        .credentials(id)
        .await?
        .into_iter()
        .map(|(_, title, at)| (title, page.date_time(at)))
        .collect();
    Ok(Activity {
        bookings,
        introductions,
        credentials,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn attendance_is_told_in_words() {
        let ja = Page::new(Lang::Ja, "/", false);
        assert_eq!(attendance_words(&ja, 0, 0), "出欠はまだ記録されていません");
        assert_eq!(attendance_words(&ja, 1, 1), "出席");
        assert_eq!(attendance_words(&ja, 0, 1), "欠席");
        assert_eq!(attendance_words(&ja, 2, 3), "3回中2回出席");
        let en = Page::new(Lang::En, "/", false);
        assert_eq!(attendance_words(&en, 2, 3), "Attended 2 of 3 sessions");
    }
}
