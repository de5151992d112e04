//! The hook from a skill gap to the courses that teach the skill: an explanation that says
//! "Excel level 3 needed, has 2" can also say which of the town's courses would close it.
//! The store fills a [`CourseIndex`] from the courses it knows (the events module's courses
//! with the skill levels they grant); the web layer asks it for each gap it shows.

use std::collections::HashMap;

use crate::score::Gap;

/// A course, as an explanation points to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseRef {
    pub id: i64,
    pub title: String,
}

/// Courses by the skill they teach and the level a person reaches by completing them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CourseIndex {
    by_skill: HashMap<u16, Vec<(u8, CourseRef)>>,
}

impl CourseIndex {
    /// Records that `course` teaches `skill` up to `level`.
    pub fn add(&mut self, skill: u16, level: u8, course: CourseRef) {
        self.by_skill
            .entry(skill)
            .or_default()
            .push((level, course));
    }

    /// The courses that bring a person to at least `level` of `skill`, lowest level first
    /// (the smallest step that closes the gap).
    pub fn teaching(&self, skill: u16, level: u8) -> Vec<&CourseRef> {
        let mut found: Vec<&(u8, CourseRef)> = self
            .by_skill
            .get(&skill)
            .into_iter()
            .flatten()
            .filter(|(reaches, _)| *reaches >= level)
            .collect();
        found.sort_by_key(|(reaches, course)| (*reaches, course.id));
        found.into_iter().map(|(_, course)| course).collect()
    }

    /// The courses that would close a gap.
    pub fn for_gap(&self, gap: &Gap) -> Vec<&CourseRef> {
        match gap {
            Gap::Skill { skill, needed, .. } => self.teaching(*skill, *needed),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.by_skill.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn course(id: i64, title: &str) -> CourseRef {
        CourseRef {
            id,
            title: title.into(),
        }
    }

    #[test]
    fn a_gap_points_to_the_courses_that_reach_the_level_needed() {
        let mut index = CourseIndex::default();
        index.add(4, 2, course(1, "はじめてのExcel"));
        index.add(4, 3, course(2, "Excel 実務講座"));
        index.add(7, 3, course(3, "簿記3級講座"));
        let gap = Gap::Skill {
            skill: 4,
            needed: 3,
            has: 1,
            required: true,
        };
        let titles: Vec<&str> = index
            .for_gap(&gap)
            .iter()
            .map(|c| c.title.as_str())
            .collect();
        assert_eq!(
            titles,
            ["Excel 実務講座"],
            "a level-2 course does not close a level-3 gap"
        );
        let easier = Gap::Skill {
            skill: 4,
            needed: 2,
            has: 0,
            required: false,
        };
        let ids: Vec<i64> = index.for_gap(&easier).iter().map(|c| c.id).collect();
        assert_eq!(ids, [1, 2], "the smallest step first");
        assert!(index.teaching(9, 1).is_empty());
        assert!(CourseIndex::default().is_empty());
    }
}
