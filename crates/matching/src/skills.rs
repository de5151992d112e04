//! Skills as the engine counts them: how much a person's skills cover a need, with nearby
//! skills in the taxonomy counting in part.

use domain::skill::Taxonomy;

use crate::input::SkillLevelPair;

/// A person's skill levels by skill index (0 where they have none): built once per person, so
/// each need is one look-up when many requests are scored.
#[derive(Debug, Clone, PartialEq)]
pub struct Levels(Vec<u8>);

impl Levels {
    /// From skills sorted by index.
    pub fn of(skills: &[SkillLevelPair]) -> Self {
        let len = skills
            .iter()
            .map(|(s, _)| usize::from(*s) + 1)
            .max()
            .unwrap_or(0);
        let mut levels = vec![0; len];
        for (skill, level) in skills {
            levels[usize::from(*skill)] = *level;
        }
        Self(levels)
    }

    #[inline]
    pub fn get(&self, skill: u16) -> u8 {
        self.0.get(usize::from(skill)).copied().unwrap_or(0)
    }
}

/// For each skill, the skills that count towards it and how much (0–1).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SkillGraph {
    /// `counts_towards[target]` = (source, share) pairs.
    counts_towards: Vec<Vec<(u16, f32)>>,
    /// `helps[source]` = the targets it counts towards: the inverse, for indexes.
    helps: Vec<Vec<u16>>,
}

impl SkillGraph {
    /// Built from the taxonomy: skill indexes are positions in `taxonomy.skills()`.
    pub fn from_taxonomy(taxonomy: &Taxonomy) -> Self {
        let index = |id: &str| taxonomy.skills().iter().position(|s| s.id.as_str() == id);
        let mut graph = Self::unrelated(taxonomy.len());
        for (source, skill) in taxonomy.skills().iter().enumerate() {
            for (target, share) in &skill.related {
                if let Some(target) = index(target.as_str()) {
                    graph.relate(source as u16, target as u16, *share);
                }
            }
        }
        graph
    }

    /// A graph of `n` unrelated skills, for tests and benchmarks.
    pub fn unrelated(n: usize) -> Self {
        Self {
            counts_towards: vec![Vec::new(); n],
            helps: vec![Vec::new(); n],
        }
    }

    pub fn relate(&mut self, source: u16, target: u16, share: f32) {
        let (s, t) = (usize::from(source), usize::from(target));
        if t < self.counts_towards.len() && s < self.helps.len() && share > 0.0 {
            self.counts_towards[t].push((source, share));
            self.helps[s].push(target);
        }
    }

    /// The skills a person with `skills` covers at all (coverage above 0): their own and those
    /// their skills count towards. May repeat a skill.
    pub fn covered<'a>(&'a self, skills: &'a [SkillLevelPair]) -> impl Iterator<Item = u16> + 'a {
        skills.iter().flat_map(move |(skill, _)| {
            std::iter::once(*skill).chain(
                self.helps
                    .get(usize::from(*skill))
                    .into_iter()
                    .flatten()
                    .copied(),
            )
        })
    }

    pub fn len(&self) -> usize {
        self.counts_towards.len()
    }

    pub fn is_empty(&self) -> bool {
        self.counts_towards.is_empty()
    }

    /// How well a person's skills cover `need`, from 0 to 1: the skill itself at its level, or
    /// a related skill for its share, each scaled by level / needed level (at most 1).
    #[inline]
    pub fn coverage(&self, levels: &Levels, need: SkillLevelPair) -> f32 {
        self.coverage_by(|skill| levels.get(skill), need)
    }

    /// [`Self::coverage`] read straight from a person's sorted skills, without building their
    /// [`Levels`]: for one-off checks over many people (team masks).
    pub fn coverage_of(&self, skills: &[SkillLevelPair], need: SkillLevelPair) -> f32 {
        self.coverage_by(|skill| Self::level_of(skills, skill), need)
    }

    #[inline]
    fn coverage_by(&self, level: impl Fn(u16) -> u8, need: SkillLevelPair) -> f32 {
        let (target, needed) = need;
        let at_level = |level: u8| (f32::from(level) / f32::from(needed.max(1))).min(1.0);
        let direct = at_level(level(target));
        if direct >= 1.0 {
            return 1.0;
        }
        let related = self
            .counts_towards
            .get(usize::from(target))
            .map_or(0.0, |sources| {
                sources
                    .iter()
                    .map(|(source, share)| share * at_level(level(*source)))
                    .fold(0.0_f32, f32::max)
            });
        direct.max(related)
    }

    /// The level a person has of a skill itself, 0 if none.
    pub fn level_of(skills: &[SkillLevelPair], skill: u16) -> u8 {
        skills
            .binary_search_by_key(&skill, |(s, _)| *s)
            .ok()
            .map_or(0, |i| skills[i].1)
    }
}

/// The skills among `required` that are licences: a request that requires them is only for
/// holders (see [`crate::feasibility`]).
pub fn licences_among(taxonomy: &Taxonomy, required: &[SkillLevelPair]) -> Vec<SkillLevelPair> {
    required
        .iter()
        .copied()
        .filter(|(skill, _)| {
            taxonomy
                .skills()
                .get(usize::from(*skill))
                .is_some_and(|s| s.licence)
        })
        .collect()
}

/// A person's skills with the licences their licences imply (a 介護福祉士 holds 初任者研修) at
/// the same level, sorted: a licence is checked by holding it, so implied ones are written out.
pub fn with_implied_licences(
    taxonomy: &Taxonomy,
    skills: &[SkillLevelPair],
) -> Vec<SkillLevelPair> {
    let index = |id: &str| taxonomy.skills().iter().position(|s| s.id.as_str() == id);
    let mut all = skills.to_vec();
    for (skill, level) in skills {
        let Some(own) = taxonomy.skills().get(usize::from(*skill)) else {
            continue;
        };
        for (target, share) in own.related.iter().filter(|_| own.licence) {
            let Some(target) = index(target.as_str()).map(|t| t as u16) else {
                continue;
            };
            if *share >= 1.0 && taxonomy.skills()[usize::from(target)].licence {
                match all.iter_mut().find(|(s, _)| *s == target) {
                    Some(held) => held.1 = held.1.max(*level),
                    None => all.push((target, *level)),
                }
            }
        }
    }
    all.sort_unstable();
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn related_skills_count_in_part_and_levels_scale() {
        let mut graph = SkillGraph::unrelated(3);
        graph.relate(2, 0, 0.6); // skill 2 (PTA treasurer) counts 0.6 towards 0 (bookkeeping)
        let person = Levels::of(&[(1, 4), (2, 3)]);
        assert_eq!(graph.coverage(&person, (1, 2)), 1.0);
        assert!((graph.coverage(&person, (1, 4)) - 1.0).abs() < 1e-6);
        assert!((graph.coverage(&Levels::of(&[(1, 2)]), (1, 4)) - 0.5).abs() < 1e-6);
        assert!((graph.coverage(&person, (0, 3)) - 0.6).abs() < 1e-6);
        assert_eq!(
            graph.coverage(&person, (0, 3)).max(0.0),
            graph.coverage(&person, (0, 3))
        );
        assert_eq!(graph.coverage(&Levels::of(&[]), (0, 1)), 0.0);
        for need in [(0, 3), (1, 2), (1, 4), (2, 1)] {
            assert_eq!(
                graph.coverage_of(&[(1, 4), (2, 3)], need),
                graph.coverage(&person, need)
            );
        }
    }

    #[test]
    fn licences_are_picked_out_and_a_higher_one_implies_the_lesser() {
        let taxonomy = Taxonomy::shipped().unwrap();
        let id = |name: &str| {
            taxonomy
                .skills()
                .iter()
                .position(|s| s.id.as_str() == name)
                .unwrap() as u16
        };
        let required = vec![(id("nurse"), 1), (id("spreadsheet"), 2)];
        assert_eq!(licences_among(&taxonomy, &required), [(id("nurse"), 1)]);
        let certified = with_implied_licences(&taxonomy, &[(id("care-worker"), 3)]);
        assert!(certified.contains(&(id("care-worker-basic"), 3)));
        let parent = [(id("childcare-experience"), 4)];
        assert_eq!(with_implied_licences(&taxonomy, &parent), parent);
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
        let treasurer = Levels::of(&[(id("pta-treasurer"), 3)]);
        assert!(graph.coverage(&treasurer, (id("bookkeeping"), 2)) > 0.5);
    }
}
