//! Regional minimum wages (地域別最低賃金), as data (`data/minimum_wage.csv`): prefecture,
//! labels, the date a rate takes effect, yen per hour and the source it was read from. When
//! the rates are revised each autumn, add a row per prefecture; the rule picks the rate in
//! force on the date asked about, and says which one it was.
//!
//! The file holds the 2025年度 (令和7年度) rates of all 47 prefectures with their effective
//! dates (厚生労働省「令和7年度地域別最低賃金改定状況」), and Shizuoka's 2024年度 rate before
//! them (静岡労働局).
//!
//! The minimum wage applies to employment; work under a service contract (業務委託) and pay per
//! project are not covered by it and are not checked.

use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq)]
pub struct MinimumWageTable {
    rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq)]
struct Row {
    prefecture: String,
    label_ja: String,
    label_en: String,
    effective_from: NaiveDate,
    yen_per_hour: u32,
    source: String,
}

/// The rate in force on a date, and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate<'a> {
    pub yen_per_hour: u32,
    pub effective_from: NaiveDate,
    pub label_ja: &'a str,
    pub label_en: &'a str,
    pub source: &'a str,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("minimum-wage data line {line}: {problem}")]
pub struct MinimumWageError {
    pub line: usize,
    pub problem: String,
}

impl MinimumWageTable {
    pub fn shipped() -> Result<Self, MinimumWageError> {
        Self::parse(include_str!("../data/minimum_wage.csv"))
    }

    pub fn parse(csv: &str) -> Result<Self, MinimumWageError> {
        let mut rows = Vec::new();
        for (number, line) in csv
            .lines()
            .enumerate()
            .skip(1)
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let bad = |problem: &str| MinimumWageError {
                line: number + 1,
                problem: problem.to_owned(),
            };
            let fields: Vec<&str> = line.split(',').map(str::trim).collect();
            let [prefecture, label_ja, label_en, from, yen, source] = fields[..] else {
                return Err(bad("expected 6 fields"));
            };
            if source.is_empty() {
                return Err(bad("no source"));
            }
            rows.push(Row {
                prefecture: prefecture.to_owned(),
                label_ja: label_ja.to_owned(),
                label_en: label_en.to_owned(),
                effective_from: NaiveDate::parse_from_str(from, "%Y-%m-%d")
                    .map_err(|_| bad("bad date"))?,
                yen_per_hour: yen
                    .parse()
                    .ok()
                    .filter(|y| *y > 0)
                    .ok_or_else(|| bad("bad amount"))?,
                source: source.to_owned(),
            });
        }
        Ok(Self { rows })
    }

    /// The hourly minimum in force in `prefecture` on `date`.
    pub fn on(&self, prefecture: &str, date: NaiveDate) -> Option<u32> {
        self.rate_on(prefecture, date).map(|r| r.yen_per_hour)
    }

    /// The rate in force in `prefecture` on `date`, with its date and source.
    pub fn rate_on(&self, prefecture: &str, date: NaiveDate) -> Option<Rate<'_>> {
        self.rows
            .iter()
            .filter(|r| r.prefecture == prefecture && r.effective_from <= date)
            .max_by_key(|r| r.effective_from)
            .map(|r| Rate {
                yen_per_hour: r.yen_per_hour,
                effective_from: r.effective_from,
                label_ja: &r.label_ja,
                label_en: &r.label_en,
                source: &r.source,
            })
    }

    /// The prefectures with data: (code, Japanese label, English label).
    pub fn prefectures(&self) -> Vec<(String, String, String)> {
        let mut seen: Vec<(String, String, String)> = Vec::new();
        for row in &self.rows {
            if !seen.iter().any(|(code, _, _)| *code == row.prefecture) {
                seen.push((
                    row.prefecture.clone(),
                    row.label_ja.clone(),
                    row.label_en.clone(),
                ));
            }
        }
        seen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_rate_in_force_on_a_date_is_used() {
        let table = MinimumWageTable::shipped().unwrap();
        assert_eq!(table.on("shizuoka", date(2025, 10, 31)), Some(1034));
        assert_eq!(table.on("shizuoka", date(2025, 11, 1)), Some(1097));
        assert_eq!(table.on("shizuoka", date(2026, 11, 24)), Some(1097));
        assert_eq!(table.on("shizuoka", date(2020, 1, 1)), None);
        assert_eq!(table.on("atlantis", date(2026, 1, 1)), None);
        let rate = table.rate_on("shizuoka", date(2026, 11, 24)).unwrap();
        assert_eq!(rate.effective_from, date(2025, 11, 1));
        assert!(rate.source.contains("mhlw.go.jp"));
        assert!(
            MinimumWageTable::parse("h\nshizuoka,静岡県,Shizuoka,2025-13-01,1097,s\n").is_err()
        );
        assert!(MinimumWageTable::parse("h\nshizuoka,静岡県,Shizuoka,2025-11-01,1097,\n").is_err());
    }

    #[test]
    fn every_prefecture_has_its_2025_rate_from_its_own_date() {
        let table = MinimumWageTable::shipped().unwrap();
        let prefectures = table.prefectures();
        assert_eq!(prefectures.len(), 47);
        assert_eq!(prefectures[0].0, "hokkaido");
        assert_eq!(prefectures[46].0, "okinawa");
        // The highest and the lowest, and a rate that took effect only in 2026.
        assert_eq!(table.on("tokyo", date(2025, 10, 3)), Some(1226));
        assert_eq!(table.on("okinawa", date(2025, 12, 1)), Some(1023));
        assert_eq!(table.on("akita", date(2026, 3, 30)), None);
        assert_eq!(table.on("akita", date(2026, 3, 31)), Some(1031));
        for (code, _, _) in &prefectures {
            let rate = table.rate_on(code, date(2026, 4, 1)).unwrap();
            assert!((1023..=1226).contains(&rate.yen_per_hour), "{code}");
        }
    }
}
