//! Skills as the engine counts them: how much a person's skills cover a need, with nearby
//! skills in the taxonomy counting in part.

use domain::skill::Taxonomy;

use crate::input::SkillLevelPair;

/// For each skill, the skills that count towards it and how much (0–1).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SkillGraph {
    /// `counts_towards[target]` = (source, share) pairs.
    counts_towards: Vec<Vec<(u16, f32)>>,
}

impl SkillGraph {
    /// Built from the taxonomy: skill indexes are positions in `taxonomy.skills()`.
    pub fn from_taxonomy(taxonomy: &Taxonomy) -> Self {
        let index = |id: &str| taxonomy.skills().iter().position(|s| s.id.as_str() == id);
        let mut counts_towards = vec![Vec::new(); taxonomy.len()];
        for (source, skill) in taxonomy.skills().iter().enumerate() {
            for (target, share) in &skill.related {
                if let Some(target) = index(target.as_str()) {
                    counts_towards[target].push((source as u16, *share));
                }
            }
        }
        Self { counts_towards }
    }

    /// A graph of `n` unrelated skills, for tests and benchmarks.
    pub fn unrelated(n: usize) -> Self {
        Self {
            counts_towards: vec![Vec::new(); n],
        }
    }

    pub fn relate(&mut self, source: u16, target: u16, share: f32) {
        if let Some(list) = self.counts_towards.get_mut(usize::from(target)) {
            list.push((source, share));
        }
    }

    /// How well `skills` (sorted) cover `need`, from 0 to 1: the skill itself at its level, or
    /// a related skill for its share, each scaled by level / needed level (at most 1).
    #[inline]
    pub fn coverage(&self, skills: &[SkillLevelPair], need: SkillLevelPair) -> f32 {
        self.coverage_and_level(skills, need).0
    }

    /// [`Self::coverage`] and the level the person has of the skill itself, from one search.
    #[inline]
    pub fn coverage_and_level(&self, skills: &[SkillLevelPair], need: SkillLevelPair) -> (f32, u8) {
        let (target, needed) = need;
        let at_level = |level: u8| (f32::from(level) / f32::from(needed.max(1))).min(1.0);
        let has = skills
            .binary_search_by_key(&target, |(s, _)| *s)
            .ok()
            .map_or(0, |i| skills[i].1);
        let direct = if has > 0 { at_level(has) } else { 0.0 };
        if direct >= 1.0 {
            return (1.0, has);
        }
        let related = self
            .counts_towards
            .get(usize::from(target))
            .map_or(0.0, |sources| {
                sources
                    .iter()
                    .filter_map(|(source, share)| {
                        skills
                            .binary_search_by_key(source, |(s, _)| *s)
                            .ok()
                            .map(|i| share * at_level(skills[i].1))
                    })
                    .fold(0.0_f32, f32::max)
            });
        (direct.max(related), has)
    }

    /// The level a person has of a skill itself, 0 if none.
    pub fn level_of(skills: &[SkillLevelPair], skill: u16) -> u8 {
        skills
            .binary_search_by_key(&skill, |(s, _)| *s)
            .ok()
            .map_or(0, |i| skills[i].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn related_skills_count_in_part_and_levels_scale() {
        let mut graph = SkillGraph::unrelated(3);
        graph.relate(2, 0, 0.6); // skill 2 (PTA treasurer) counts 0.6 towards 0 (bookkeeping)
        let person = [(1, 4), (2, 3)];
        assert_eq!(graph.coverage(&person, (1, 2)), 1.0);
        assert!((graph.coverage(&person, (1, 4)) - 1.0).abs() < 1e-6);
        assert!((graph.coverage(&[(1, 2)], (1, 4)) - 0.5).abs() < 1e-6);
        assert!((graph.coverage(&person, (0, 3)) - 0.6).abs() < 1e-6);
        assert_eq!(
            graph.coverage(&person, (0, 3)).max(0.0),
            graph.coverage(&person, (0, 3))
        );
        assert_eq!(graph.coverage(&[], (0, 1)), 0.0);
    }

    #[test]
    fn the_shipped_taxonomy_builds_a_graph() {
        let taxonomy = Taxonomy::shipped().unwrap();
        let graph = SkillGraph::from_taxonomy(&taxonomy);
        let id = |name: &str| {
            taxonomy
                .skills()
                .iter()
                .position(|s| s.id.as_str() == name)
                .unwrap() as u16
        };
        let treasurer = [(id("pta-treasurer"), 3)];
        assert!(graph.coverage(&treasurer, (id("bookkeeping"), 2)) > 0.5);
    }
}
