//! How numbers, money, dates and lists are written in each language: one function per kind
//! of value, so a page never writes Japanese forms into English or the other way round.
//!
//! | value | Japanese | English |
//! |---|---|---|
//! | money | `1,150円`, `20万円` | `¥1,150`, `¥200,000` |
//! | date | `2026年12月10日（木）` | `Thu 10 Dec 2026` |
//! | date and time | `2026年12月10日（木） 10:00` | `Thu 10 Dec 2026, 10:00` |
//! | list | `A、B、C` | `A, B, C` |

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use domain::local_time::to_jst;

use crate::i18n::Lang;

/// A whole number with thousands separators: `200,000`.
pub fn number(lang: Lang, value: i64) -> String {
    let _ = lang; // Both languages group by thousands with a comma.
    let digits = value.unsigned_abs().to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    if value < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// An amount of yen: `1,150円` and round 万 as `20万円` in Japanese, `¥200,000` in English.
pub fn yen(lang: Lang, amount: i64) -> String {
    match lang {
        Lang::Ja if amount >= 10_000 && amount % 10_000 == 0 => {
            format!("{}万円", number(lang, amount / 10_000))
        }
        Lang::Ja => format!("{}円", number(lang, amount)),
        Lang::En if amount < 0 => format!("-¥{}", number(lang, -amount)),
        Lang::En => format!("¥{}", number(lang, amount)),
    }
}

const JA_WEEKDAYS: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];
const EN_WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const EN_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A calendar date with its weekday: `2026年12月10日（木）` / `Thu 10 Dec 2026`.
pub fn date(lang: Lang, day: NaiveDate) -> String {
    let weekday = day.weekday().num_days_from_monday() as usize;
    match lang {
        Lang::Ja => format!(
            "{}年{}月{}日（{}）",
            day.year(),
            day.month(),
            day.day(),
            JA_WEEKDAYS[weekday]
        ),
        Lang::En => format!(
            "{} {} {} {}",
            EN_WEEKDAYS[weekday],
            day.day(),
            EN_MONTHS[day.month0() as usize],
            day.year()
        ),
    }
}

/// A moment in Japan time, to the minute: `2026年12月10日（木） 10:00` /
/// `Thu 10 Dec 2026, 10:00`.
pub fn date_time(lang: Lang, at: DateTime<Utc>) -> String {
    let local = to_jst(at);
    let time = local.format("%H:%M");
    match lang {
        Lang::Ja => format!("{} {time}", date(lang, local.date_naive())),
        Lang::En => format!("{}, {time}", date(lang, local.date_naive())),
    }
}

/// A moment and a place: `2026年12月10日（木） 10:00（役場）` / `Thu 10 Dec 2026, 10:00 (Town
/// hall)`; the moment alone when no place is said.
pub fn at_place(lang: Lang, at: DateTime<Utc>, place: &str) -> String {
    let when = date_time(lang, at);
    match lang {
        _ if place.is_empty() => when,
        Lang::Ja => format!("{when}（{place}）"),
        Lang::En => format!("{when} ({place})"),
    }
}

/// The brackets around an aside: `（…）` / ` (…)`.
pub fn parens(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Ja => ("（", "）"),
        Lang::En => (" (", ")"),
    }
}

/// What separates the items of a list: `、` / `, `.
pub fn list_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "、",
        Lang::En => ", ",
    }
}

/// Short facts in a row: `在宅・週10〜20時間` / `Remote · 10–20 hours a week`.
pub fn facts(lang: Lang, items: &[String]) -> String {
    items.join(match lang {
        Lang::Ja => "・",
        Lang::En => " · ",
    })
}

/// Items joined as a list: `A、B` / `A, B`.
pub fn list(lang: Lang, items: &[String]) -> String {
    items.join(list_separator(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn money_is_written_the_way_each_language_writes_it() {
        assert_eq!(yen(Lang::Ja, 1_150), "1,150円");
        assert_eq!(yen(Lang::Ja, 200_000), "20万円");
        assert_eq!(yen(Lang::Ja, 12_345_000), "12,345,000円");
        assert_eq!(yen(Lang::Ja, 10_000_000), "1,000万円");
        assert_eq!(yen(Lang::En, 200_000), "¥200,000");
        assert_eq!(yen(Lang::En, 999), "¥999");
        assert_eq!(yen(Lang::En, -1_500), "-¥1,500");
        assert_eq!(number(Lang::En, 1_000_000), "1,000,000");
        assert_eq!(number(Lang::Ja, 0), "0");
    }

    #[test]
    fn dates_carry_their_weekday_in_the_reader_s_language() {
        assert_eq!(date(Lang::Ja, day(2026, 12, 10)), "2026年12月10日（木）");
        assert_eq!(date(Lang::En, day(2026, 12, 10)), "Thu 10 Dec 2026");
        let at = DateTime::parse_from_rfc3339("2026-12-10T01:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(date_time(Lang::Ja, at), "2026年12月10日（木） 10:00");
        assert_eq!(date_time(Lang::En, at), "Thu 10 Dec 2026, 10:00");
    }

    #[test]
    fn lists_are_joined_per_language() {
        let items = ["a".to_owned(), "b".to_owned()];
        assert_eq!(list(Lang::Ja, &items), "a、b");
        assert_eq!(list(Lang::En, &items), "a, b");
        assert_eq!(list(Lang::En, &[]), "");
    }
}
