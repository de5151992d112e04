//! The 個人情報ファイル簿 (the register a local government publishes of its personal-data
//! files): from how many people a file needs an entry, as dated data with its source
//! (`data/personal_file_register.csv`).

use chrono::NaiveDate;

/// One rule: from `from`, a file of `min_people` or more needs an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterRule {
    pub from: NaiveDate,
    pub min_people: u64,
    pub source: String,
}

#[derive(Debug, Clone)]
pub struct RegisterRules(Vec<RegisterRule>);

impl RegisterRules {
    pub fn shipped() -> Result<Self, String> {
        Self::parse(include_str!("../data/personal_file_register.csv"))
    }

    pub fn parse(text: &str) -> Result<Self, String> {
        let mut rules = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.starts_with("from,") || line.trim().is_empty() {
                continue;
            }
            let bad = || format!("personal_file_register.csv line {}: {line}", n + 1);
            let cells: Vec<&str> = line.splitn(3, ',').collect();
            let [from, min_people, source] = cells[..] else {
                return Err(bad());
            };
            rules.push(RegisterRule {
                from: NaiveDate::parse_from_str(from, "%Y-%m-%d").map_err(|_| bad())?,
                min_people: min_people.parse().map_err(|_| bad())?,
                source: source.to_owned(),
            });
        }
        if rules.is_empty() {
            return Err("personal_file_register.csv has no rule".into());
        }
        Ok(Self(rules))
    }

    /// The rule in force on `day` (the latest that began by then; the first before any).
    pub fn rule(&self, day: NaiveDate) -> &RegisterRule {
        self.0
            .iter()
            .filter(|r| r.from <= day)
            .max_by_key(|r| r.from)
            .unwrap_or(&self.0[0])
    }

    /// Whether a file of `people` needs an entry on `day`.
    pub fn required(&self, day: NaiveDate, people: u64) -> bool {
        people >= self.rule(day).min_people
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_of_a_thousand_people_needs_an_entry() {
        let rules = RegisterRules::shipped().unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert!(!rules.required(day, 999));
        assert!(rules.required(day, 1000));
        assert!(rules.rule(day).source.contains("第75条"));
    }

    #[test]
    fn the_rule_in_force_on_a_day_applies() {
        let rules =
            RegisterRules::parse("from,min_people,source\n2023-04-01,1000,a\n2030-04-01,500,b\n")
                .unwrap();
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(rules.rule(day(2030, 3, 31)).min_people, 1000);
        assert_eq!(rules.rule(day(2030, 4, 1)).min_people, 500);
        assert!(RegisterRules::parse("from,min_people,source\n2023-04-01,many,a\n").is_err());
        assert!(RegisterRules::parse("from,min_people,source\n").is_err());
    }
}
