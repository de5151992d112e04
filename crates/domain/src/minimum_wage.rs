//! Regional minimum wages (地域別最低賃金), as data (`data/minimum_wage.csv`): prefecture,
//! labels, the date a rate takes effect, yen per hour. When the rates are revised each autumn,
//! add a row; the rule picks the rate in force on the date asked about.
//!
//! Shizuoka: 1,034円 from 2024-10-01; 1,097円 from 2025-11-01 (静岡労働局).
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
            let [prefecture, label_ja, label_en, from, yen] = fields[..] else {
                return Err(bad("expected 5 fields"));
            };
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
            });
        }
        Ok(Self { rows })
    }

    /// The hourly minimum in force in `prefecture` on `date`.
    pub fn on(&self, prefecture: &str, date: NaiveDate) -> Option<u32> {
        self.rows
            .iter()
            .filter(|r| r.prefecture == prefecture && r.effective_from <= date)
            .max_by_key(|r| r.effective_from)
            .map(|r| r.yen_per_hour)
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
        assert_eq!(table.on("hokkaido", date(2026, 1, 1)), None);
        assert_eq!(table.prefectures()[0].0, "shizuoka");
        assert!(MinimumWageTable::parse("h\nshizuoka,静岡県,Shizuoka,2025-13-01,1097\n").is_err());
    }
}
