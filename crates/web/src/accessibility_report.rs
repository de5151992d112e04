//! The accessibility statement's test results in the WAIC form for JIS X 8341-3:2016: one
//! row per success criterion of levels A and AA (`data/jis_x8341_3_2016.csv`) with its
//! outcome, drawn from the browser suite's axe-core runs (each saved as `NN-axe.json`) and
//! the checks made by hand (`docs/accessibility/manual-checks.csv`). `wakucareer admin
//! accessibility-report` writes it to `data/accessibility_results.json`, which the statement
//! (`/{town}/accessibility`) shows; nothing in it is typed by hand but the manual checks.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

/// What a success criterion's tests found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// 適合: passed every check made.
    Pass,
    /// 不適合: failed on at least one page.
    Fail,
    /// 適用なし: the site has nothing the criterion is about.
    NotApplicable,
    /// 未確認: neither a tool nor a person has checked it yet.
    NotChecked,
}

impl domain::label::Label for Outcome {
    fn label_key(self) -> &'static str {
        match self {
            Outcome::Pass => "a11y-outcome-pass",
            Outcome::Fail => "a11y-outcome-fail",
            Outcome::NotApplicable => "a11y-outcome-not-applicable",
            Outcome::NotChecked => "a11y-outcome-not-checked",
        }
    }
    fn every() -> Vec<Self> {
        vec![
            Outcome::Pass,
            Outcome::Fail,
            Outcome::NotApplicable,
            Outcome::NotChecked,
        ]
    }
}

/// One success criterion's row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    pub sc: String,
    pub level: String,
    pub name_ja: String,
    pub name_en: String,
    pub outcome: Outcome,
    /// The axe-core rules that checked it.
    pub rules: Vec<String>,
    /// Checked by hand (with the note the person wrote, in Japanese).
    pub manual: Option<String>,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// The day the tests ran (the newest run read).
    pub tested_on: String,
    /// The pages the browser suite checked.
    pub pages: Vec<String>,
    pub axe_runs: usize,
    pub rows: Vec<Row>,
}

impl Report {
    /// 準拠 only when every criterion passed or does not apply; otherwise 一部準拠.
    pub fn conforms(&self) -> bool {
        self.rows
            .iter()
            .all(|r| matches!(r.outcome, Outcome::Pass | Outcome::NotApplicable))
    }

    /// The report the statement shows (generated and committed with the code).
    pub fn shipped() -> Result<Self, String> {
        serde_json::from_str(include_str!("../data/accessibility_results.json"))
            .map_err(|e| e.to_string())
    }
}

/// One axe-core run as the browser suite saves it.
#[derive(Debug, Clone, Deserialize)]
pub struct AxeRun {
    pub path: String,
    #[serde(default)]
    pub passes: Vec<AxeRule>,
    #[serde(default)]
    pub violations: Vec<AxeRule>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct AxeRule {
    pub id: String,
    #[serde(default)]
    pub tags: Vec<String>,
}

/// A criterion checked by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManualCheck {
    pub sc: String,
    pub outcome: Outcome,
    pub note: String,
}

/// The success criterion a tag such as `wcag143` names (`1.4.3`).
fn criterion(tag: &str) -> Option<String> {
    let digits = tag.strip_prefix("wcag")?;
    if digits.len() < 3 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (a, rest) = digits.split_at(1);
    let (b, c) = rest.split_at(1);
    Some(format!("{a}.{b}.{c}"))
}

/// The criteria's table: (sc, level, Japanese name, English name).
pub fn criteria() -> Result<Vec<(String, String, String, String)>, String> {
    let text = include_str!("../data/jis_x8341_3_2016.csv");
    let mut rows = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("sc,"))
    {
        let cells = csv_cells(line);
        let [sc, level, ja, en] = &cells[..] else {
            return Err(format!("jis_x8341_3_2016.csv: {line}"));
        };
        rows.push((sc.clone(), level.clone(), ja.clone(), en.clone()));
    }
    Ok(rows)
}

/// A line's cells, a quoted cell keeping its commas.
fn csv_cells(line: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => cells.push(String::new()),
            c => cells.last_mut().expect("one cell").push(c),
        }
    }
    cells
}

/// The manual checks' file.
pub fn parse_manual(text: &str) -> Result<Vec<ManualCheck>, String> {
    let mut checks = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("sc,"))
    {
        if line.trim().is_empty() {
            continue;
        }
        let cells = csv_cells(line);
        let [sc, result, _date, _pages, note] = &cells[..] else {
            return Err(format!("manual checks: {line}"));
        };
        let outcome = match result.as_str() {
            "pass" => Outcome::Pass,
            "fail" => Outcome::Fail,
            "not_applicable" => Outcome::NotApplicable,
            _ => return Err(format!("manual checks: unknown result in {line}")),
        };
        checks.push(ManualCheck {
            sc: sc.clone(),
            outcome,
            note: note.clone(),
        });
    }
    Ok(checks)
}

/// The report from the runs and the manual checks: a criterion fails if any run or check
/// failed it, passes if a run or a check passed it, is not applicable if a person said so,
/// and is otherwise not checked.
pub fn build(runs: &[AxeRun], manual: &[ManualCheck], tested_on: &str) -> Result<Report, String> {
    let mut passed: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut failed: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for run in runs {
        for (rules, into) in [(&run.passes, &mut passed), (&run.violations, &mut failed)] {
            for rule in rules {
                for sc in rule.tags.iter().filter_map(|t| criterion(t)) {
                    into.entry(sc).or_default().insert(rule.id.clone());
                }
            }
        }
    }
    let rows = criteria()?
        .into_iter()
        .map(|(sc, level, name_ja, name_en)| {
            let by_hand = manual.iter().find(|m| m.sc == sc);
            let outcome = if failed.contains_key(&sc)
                || by_hand.is_some_and(|m| m.outcome == Outcome::Fail)
            {
                Outcome::Fail
            } else if let Some(m) = by_hand {
                m.outcome
            } else if passed.contains_key(&sc) {
                Outcome::Pass
            } else {
                Outcome::NotChecked
            };
            let rules = passed
                .get(&sc)
                .into_iter()
                .chain(failed.get(&sc))
                .flatten()
                .cloned();
            Row {
                rules: rules.collect::<BTreeSet<_>>().into_iter().collect(),
                manual: by_hand.map(|m| m.note.clone()),
                outcome,
                sc,
                level,
                name_ja,
                name_en,
            }
        })
        .collect();
    let pages: BTreeSet<String> = runs.iter().map(|r| r.path.clone()).collect();
    Ok(Report {
        tested_on: tested_on.to_owned(),
        pages: pages.into_iter().collect(),
        axe_runs: runs.len(),
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(id: &str, tags: &[&str]) -> AxeRule {
        AxeRule {
            id: id.into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
        }
    }

    #[test]
    fn every_criterion_of_levels_a_and_aa_is_listed_once() {
        let criteria = criteria().unwrap();
        assert_eq!(criteria.len(), 38);
        assert_eq!(criteria.iter().filter(|c| c.1 == "AA").count(), 13);
        assert!(
            criteria
                .iter()
                .any(|c| c.0 == "2.2.2" && c.3 == "Pause, Stop, Hide")
        );
    }

    #[test]
    fn a_criterion_fails_on_any_violation_and_passes_only_when_checked() {
        let runs = vec![
            AxeRun {
                path: "/nagaizumi/".into(),
                passes: vec![
                    rule("color-contrast", &["wcag2aa", "wcag143"]),
                    rule("html-has-lang", &["wcag311"]),
                ],
                violations: vec![],
            },
            AxeRun {
                path: "/nagaizumi/events".into(),
                passes: vec![rule("html-has-lang", &["wcag311"])],
                violations: vec![rule("label", &["wcag2a", "wcag412", "wcag131"])],
            },
        ];
        let manual = parse_manual(
            "sc,result,date,pages,note\n1.2.1,not_applicable,2026-12-03,all,映像はありません。\n",
        )
        .unwrap();
        let report = build(&runs, &manual, "2026-12-03").unwrap();
        let outcome = |sc: &str| report.rows.iter().find(|r| r.sc == sc).unwrap().outcome;
        assert_eq!(outcome("1.4.3"), Outcome::Pass);
        assert_eq!(outcome("3.1.1"), Outcome::Pass);
        assert_eq!(outcome("4.1.2"), Outcome::Fail);
        assert_eq!(outcome("1.2.1"), Outcome::NotApplicable);
        assert_eq!(outcome("2.4.7"), Outcome::NotChecked);
        assert!(!report.conforms(), "一部準拠");
        assert_eq!(report.pages, ["/nagaizumi/", "/nagaizumi/events"]);
    }

    #[test]
    fn the_shipped_report_and_the_manual_checks_parse() {
        let report = Report::shipped().unwrap();
        assert_eq!(report.rows.len(), 38);
        assert!(report.axe_runs > 0, "made from real runs");
        let manual = parse_manual(include_str!(
            "../../../docs/accessibility/manual-checks.csv"
        ))
        .unwrap();
        assert!(!manual.is_empty());
    }
}
