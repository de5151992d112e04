//! A town's areas and the travel minutes between them: the data the matching engine uses for
//! the commute limit.
//!
//! The approximation, stated once: a person's home is their area (chosen in the profile), a
//! workplace is the area named as the request's place, and the time between two areas is one
//! figure the town measured (by car or bus, whichever residents mostly use), the same both
//! ways. Within an area it is 0; pairs the table does not list, and people or workplaces with
//! no known area, take the table's default. Good enough to rule out the impossible; a
//! coordinator judges the rest.
//!
//! The table is a small CSV a town keeps (`wakucareer admin travel-table`):
//!
//! ```text
//! default,30
//! area,shimotogari,下土狩,Shimotogari
//! area,nakatogari,中土狩,Nakatogari
//! travel,shimotogari,nakatogari,5
//! ```
//!
//! Lines starting with `#` and blank lines are ignored.

use std::collections::HashSet;

/// The longest travel time a table may hold, in minutes.
pub const MAX_MINUTES: u16 = 600;
/// The default when a table names none: a typical trip within a town.
pub const DEFAULT_MINUTES: u16 = 15;

/// One area of a town.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Area {
    pub code: String,
    pub name_ja: String,
    pub name_en: String,
}

/// A town's areas and travel minutes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TravelTable {
    pub areas: Vec<Area>,
    pub default_minutes: u16,
    /// (from, to, minutes) by index into `areas`, each pair once, sorted.
    pub minutes: Vec<(usize, usize, u16)>,
}

impl Default for TravelTable {
    fn default() -> Self {
        Self {
            areas: Vec::new(),
            default_minutes: DEFAULT_MINUTES,
            minutes: Vec::new(),
        }
    }
}

crate::coded!(
    /// What can be wrong with a line of a table; the words (`travel-problem-*`) name the
    /// line's text in question, its `subject`.
    LineProblem {
        Minutes = "minutes" => "travel-problem-minutes",
        Shape = "shape" => "travel-problem-shape",
        Code = "code" => "travel-problem-code",
        Names = "names" => "travel-problem-names",
        AreaTwice = "area_twice" => "travel-problem-area-twice",
        NoSuchArea = "no_such_area" => "travel-problem-no-such-area",
        ToItself = "to_itself" => "travel-problem-to-itself",
        PairTwice = "pair_twice" => "travel-problem-pair-twice",
    }
);

/// What is wrong with one line of a table: the problem, and the text it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    pub line: usize,
    pub problem: LineProblem,
    pub subject: String,
}

/// In English, for the command line.
impl std::fmt::Display for LineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = &self.subject;
        let problem = match self.problem {
            LineProblem::Minutes => {
                format!("minutes must be a whole number from 0 to {MAX_MINUTES}, not {s:?}")
            }
            LineProblem::Shape => format!(
                "expected default,MINUTES or area,CODE,名前,Name or travel,CODE,CODE,MINUTES, not {s:?}"
            ),
            LineProblem::Code => {
                format!("an area code is lower-case letters, digits and hyphens, not {s:?}")
            }
            LineProblem::Names => format!("area {s} needs a Japanese and an English name"),
            LineProblem::AreaTwice => format!("area {s} is listed twice"),
            LineProblem::NoSuchArea => format!("no area has the code {s:?}"),
            LineProblem::ToItself => format!("{s} to itself is always 0 minutes"),
            LineProblem::PairTwice => format!("{s} are listed twice"),
        };
        write!(f, "line {}: {problem}", self.line)
    }
}

impl std::error::Error for LineError {}

/// A problem with the text it is about.
type Problem = (LineProblem, String);

fn is_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 40
        && code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn minutes(text: &str) -> Result<u16, Problem> {
    text.trim()
        .parse::<u16>()
        .ok()
        .filter(|m| *m <= MAX_MINUTES)
        .ok_or_else(|| (LineProblem::Minutes, text.to_owned()))
}

impl TravelTable {
    /// Parses a table, reporting every wrong line.
    pub fn parse(text: &str) -> Result<Self, Vec<LineError>> {
        let mut table = Self::default();
        let mut errors = Vec::new();
        let mut travel_lines = Vec::new();
        for (number, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split(',').map(str::trim).collect();
            let result = match fields.as_slice() {
                ["default", m] => minutes(m).map(|m| table.default_minutes = m),
                ["area", code, ja, en] => table.add_area(code, ja, en),
                ["travel", from, to, m] => {
                    travel_lines.push((number + 1, *from, *to, *m));
                    Ok(())
                }
                _ => Err((LineProblem::Shape, line.to_owned())),
            };
            if let Err((problem, subject)) = result {
                errors.push(LineError {
                    line: number + 1,
                    problem,
                    subject,
                });
            }
        }
        let mut pairs = HashSet::new();
        for (line, from, to, m) in travel_lines {
            match table.add_travel(from, to, m, &mut pairs) {
                Ok(()) => {}
                Err((problem, subject)) => errors.push(LineError {
                    line,
                    problem,
                    subject,
                }),
            }
        }
        if errors.is_empty() {
            table.minutes.sort_unstable();
            Ok(table)
        } else {
            errors.sort_by_key(|e| e.line);
            Err(errors)
        }
    }

    fn add_area(&mut self, code: &str, ja: &str, en: &str) -> Result<(), Problem> {
        if !is_code(code) {
            return Err((LineProblem::Code, code.to_owned()));
        }
        if ja.is_empty() || en.is_empty() {
            return Err((LineProblem::Names, code.to_owned()));
        }
        if self.index(code).is_some() {
            return Err((LineProblem::AreaTwice, code.to_owned()));
        }
        self.areas.push(Area {
            code: code.to_owned(),
            name_ja: ja.to_owned(),
            name_en: en.to_owned(),
        });
        Ok(())
    }

    fn add_travel(
        &mut self,
        from: &str,
        to: &str,
        m: &str,
        pairs: &mut HashSet<(usize, usize)>,
    ) -> Result<(), Problem> {
        let area = |code: &str| {
            self.areas
                .iter()
                .position(|a| a.code == code)
                .ok_or_else(|| (LineProblem::NoSuchArea, code.to_owned()))
        };
        let (a, b) = (area(from)?, area(to)?);
        let m = minutes(m)?;
        if a == b {
            return Err((LineProblem::ToItself, from.to_owned()));
        }
        if !pairs.insert((a.min(b), a.max(b))) {
            return Err((LineProblem::PairTwice, format!("{from}, {to}")));
        }
        self.minutes.push((a, b, m));
        Ok(())
    }

    /// The table in the form `parse` reads, to edit and load again.
    pub fn to_text(&self) -> String {
        let mut text = format!("default,{}\n", self.default_minutes);
        for a in &self.areas {
            text.push_str(&format!("area,{},{},{}\n", a.code, a.name_ja, a.name_en));
        }
        for (a, b, m) in &self.minutes {
            let (a, b) = (&self.areas[*a].code, &self.areas[*b].code);
            text.push_str(&format!("travel,{a},{b},{m}\n"));
        }
        text
    }

    /// The index of the area with this code.
    pub fn index(&self, code: &str) -> Option<usize> {
        self.areas.iter().position(|a| a.code == code)
    }

    /// The index of the area a request's place names: its code, or its name in either
    /// language (a request's 地区 is free text).
    pub fn find(&self, place: &str) -> Option<usize> {
        let place = place.trim();
        self.areas.iter().position(|a| {
            a.code == place || a.name_ja == place || a.name_en.eq_ignore_ascii_case(place)
        })
    }

    /// The travel minutes between two areas (by index), as the engine will see them.
    pub fn between(&self, a: usize, b: usize) -> u16 {
        if a == b {
            return 0;
        }
        self.minutes
            .iter()
            .find(|(x, y, _)| (*x, *y) == (a, b) || (*x, *y) == (b, a))
            .map_or(self.default_minutes, |(_, _, m)| *m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_reads_areas_and_minutes_both_ways() {
        let table = TravelTable::parse(
            "# a comment\n\ndefault,25\narea,a,甲,Ko\narea,b,乙,Otsu\narea,c,丙,Hei\ntravel,b,a,7\n",
        )
        .unwrap();
        assert_eq!(table.areas.len(), 3);
        assert_eq!(table.between(0, 1), 7);
        assert_eq!(table.between(1, 0), 7);
        assert_eq!(table.between(0, 2), 25, "unlisted pairs take the default");
        assert_eq!(table.between(2, 2), 0);
        assert_eq!(table.find("乙"), Some(1));
        assert_eq!(table.find(" otsu "), Some(1));
        assert_eq!(table.find("c"), Some(2));
        assert_eq!(table.find("丁"), None);
    }

    #[test]
    fn every_wrong_line_is_reported_with_its_number() {
        let errors = TravelTable::parse(
            "area,a,甲,Ko\narea,A B,乙,Otsu\narea,a,甲,Ko\ntravel,a,z,5\ntravel,a,a,0\ndefault,999\nwhat\narea,b,乙,Otsu\ntravel,a,b,5\ntravel,b,a,6\n",
        )
        .unwrap_err();
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [2, 3, 4, 5, 6, 7, 10]);
        assert!(errors[0].to_string().starts_with("line 2: an area code"));
        assert_eq!(
            (errors[2].problem, errors[2].subject.as_str()),
            (LineProblem::NoSuchArea, "z")
        );
        assert!(errors[4].to_string().contains("0 to 600"));
    }

    #[test]
    fn a_table_written_out_reads_back_the_same() {
        let table = TravelTable::parse(
            "default,25\narea,a,甲,Ko\narea,b,乙,Otsu\narea,c,丙,Hei\ntravel,b,a,7\ntravel,c,b,12\n",
        )
        .unwrap();
        assert_eq!(TravelTable::parse(&table.to_text()).unwrap(), table);
    }

    #[test]
    fn an_empty_table_has_the_default_only() {
        let table = TravelTable::parse("").unwrap();
        assert!(table.areas.is_empty());
        assert_eq!(table.default_minutes, DEFAULT_MINUTES);
    }
}
