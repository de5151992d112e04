//! Skills (スキル) and their levels, from the taxonomy shipped as data
//! (`crates/domain/data/skills.csv`: id, group, Japanese label, English label, related skills,
//! and `licence` for a licence or certificate).
//!
//! Related skills say how much having one skill counts towards another, from 0 to 1: PTA
//! treasurer counts 0.6 towards bookkeeping; 1 means the one implies the other (a 保育士 has
//! the skill of a 保育補助). A licence (保育士, 看護師, 介護福祉士 …) is held or not: no other
//! skill or experience counts towards it, and a request that requires it is only for holders. Skills gained in childcare, housework, elder care,
//! PTA and community work form the `care-derived` group and are mapped this way to
//! work-relevant skills.

use std::collections::{BTreeMap, HashMap};

/// The groups of the taxonomy, in display order.
pub const GROUPS: &[&str] = &[
    "care-derived",
    "office",
    "it",
    "sales",
    "communication",
    "language",
    "creative",
    "hospitality",
    "food",
    "education",
    "care",
    "health",
    "manufacturing",
    "business",
];

/// The words of a group's name (`skill-group-…`), for each of [`GROUPS`].
pub fn group_label_key(group: &str) -> Option<&'static str> {
    Some(match group {
        "care-derived" => "skill-group-care-derived",
        "office" => "skill-group-office",
        "it" => "skill-group-it",
        "sales" => "skill-group-sales",
        "communication" => "skill-group-communication",
        "language" => "skill-group-language",
        "creative" => "skill-group-creative",
        "hospitality" => "skill-group-hospitality",
        "food" => "skill-group-food",
        "education" => "skill-group-education",
        "care" => "skill-group-care",
        "health" => "skill-group-health",
        "manufacturing" => "skill-group-manufacturing",
        "business" => "skill-group-business",
        _ => return None,
    })
}

/// A skill's id in the taxonomy, e.g. `spreadsheet`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SkillId(String);

impl SkillId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// How well a person has a skill: 1 (some experience) to 4 (can teach others).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SkillLevel(u8);

impl SkillLevel {
    pub const MIN: SkillLevel = SkillLevel(1);
    pub const MAX: SkillLevel = SkillLevel(4);

    pub fn new(level: u8) -> Option<Self> {
        (1..=4).contains(&level).then_some(SkillLevel(level))
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Skill {
    pub id: SkillId,
    pub group: &'static str,
    pub label_ja: String,
    pub label_en: String,
    /// Skills this one counts towards, with the share it counts.
    pub related: Vec<(SkillId, f32)>,
    /// A licence or certificate: nothing else stands in for it.
    pub licence: bool,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TaxonomyError {
    #[error("line {line}: {problem}")]
    Line { line: usize, problem: String },
}

/// The whole taxonomy, validated.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    skills: Vec<Skill>,
    index: HashMap<String, usize>,
}

impl Taxonomy {
    /// The taxonomy shipped with the platform.
    pub fn shipped() -> Result<Self, TaxonomyError> {
        Self::parse(include_str!("../data/skills.csv"))
    }

    /// Parses and checks the CSV: unique ids, a known group, both labels, related skills that
    /// exist, shares between 0 and 1.
    pub fn parse(csv: &str) -> Result<Self, TaxonomyError> {
        let mut skills = Vec::new();
        let mut index = HashMap::new();
        let mut pending_related = Vec::new();
        for (number, line) in csv.lines().enumerate().skip(1) {
            let line_no = number + 1;
            if line.trim().is_empty() {
                continue;
            }
            let bad = |problem: String| TaxonomyError::Line {
                line: line_no,
                problem,
            };
            let fields: Vec<&str> = line.split(',').collect();
            if fields.len() != 6 {
                return Err(bad(format!("expected 6 fields, found {}", fields.len())));
            }
            let licence = match fields[5].trim() {
                "" => false,
                "licence" => true,
                other => {
                    return Err(bad(format!(
                        "the last field is `licence` or empty, not {other:?}"
                    )));
                }
            };
            let id = fields[0].trim();
            if id.is_empty()
                || !id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                return Err(bad(format!("the id {id:?} is not lowercase-with-hyphens")));
            }
            let group = GROUPS
                .iter()
                .find(|g| **g == fields[1].trim())
                .ok_or_else(|| bad(format!("unknown group {:?}", fields[1])))?;
            let (label_ja, label_en) = (fields[2].trim(), fields[3].trim());
            if label_ja.is_empty() || label_en.is_empty() {
                return Err(bad(format!(
                    "{id} needs both a Japanese and an English label"
                )));
            }
            if index.insert(id.to_owned(), skills.len()).is_some() {
                return Err(bad(format!("{id} appears twice")));
            }
            pending_related.push((line_no, fields[4].trim().to_owned()));
            skills.push(Skill {
                id: SkillId(id.to_owned()),
                group,
                label_ja: label_ja.to_owned(),
                label_en: label_en.to_owned(),
                related: Vec::new(),
                licence,
            });
        }
        for (position, (line, related)) in pending_related.into_iter().enumerate() {
            for part in related.split(';').filter(|p| !p.is_empty()) {
                let (other, share) = part.split_once(':').ok_or_else(|| TaxonomyError::Line {
                    line,
                    problem: format!("related entry {part:?} is not id:share"),
                })?;
                let share: f32 = share
                    .parse()
                    .ok()
                    .filter(|s| *s > 0.0 && *s <= 1.0)
                    .ok_or_else(|| TaxonomyError::Line {
                        line,
                        problem: format!("share in {part:?} must be above 0 and at most 1"),
                    })?;
                match index.get(other) {
                    None => {
                        return Err(TaxonomyError::Line {
                            line,
                            problem: format!("related skill {other:?} does not exist"),
                        });
                    }
                    // Only a higher licence implies a lesser one (介護福祉士 → 初任者研修).
                    Some(target)
                        if skills[*target].licence
                            && !(skills[position].licence && share == 1.0) =>
                    {
                        return Err(TaxonomyError::Line {
                            line,
                            problem: format!("only a licence implies the licence {other:?}"),
                        });
                    }
                    Some(_) => {}
                }
                skills[position]
                    .related
                    .push((SkillId(other.to_owned()), share));
            }
        }
        Ok(Self { skills, index })
    }

    pub fn get(&self, id: &str) -> Option<&Skill> {
        self.index.get(id).map(|i| &self.skills[*i])
    }

    /// The id, if the taxonomy has it: the only way to make a [`SkillId`].
    pub fn id(&self, raw: &str) -> Option<SkillId> {
        self.get(raw).map(|s| s.id.clone())
    }

    pub fn skills(&self) -> &[Skill] {
        &self.skills
    }

    pub fn len(&self) -> usize {
        self.skills.len()
    }

    pub fn is_empty(&self) -> bool {
        self.skills.is_empty()
    }

    /// The skills by group, groups in display order.
    pub fn by_group(&self) -> BTreeMap<usize, Vec<&Skill>> {
        let mut groups: BTreeMap<usize, Vec<&Skill>> = BTreeMap::new();
        for skill in &self.skills {
            let order = GROUPS
                .iter()
                .position(|g| *g == skill.group)
                .unwrap_or(GROUPS.len());
            groups.entry(order).or_default().push(skill);
        }
        groups
    }
}

impl crate::label::Label for SkillLevel {
    fn label_key(self) -> &'static str {
        [
            "skill-level-1",
            "skill-level-2",
            "skill-level-3",
            "skill-level-4",
        ][usize::from(self.0 - 1)]
    }

    fn every() -> Vec<Self> {
        (1..=4).filter_map(SkillLevel::new).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_taxonomy_is_valid_and_bilingual() {
        let taxonomy = Taxonomy::shipped().expect("valid");
        assert!(taxonomy.len() >= 300, "{} skills", taxonomy.len());
        for skill in taxonomy.skills() {
            assert!(
                !skill.label_ja.is_empty() && !skill.label_en.is_empty(),
                "{:?}",
                skill.id
            );
            assert!(GROUPS.contains(&skill.group));
        }
        for group in GROUPS {
            assert!(group_label_key(group).is_some(), "{group} has no words");
            assert!(
                taxonomy.skills().iter().any(|s| s.group == *group),
                "group {group} is empty"
            );
        }
    }

    #[test]
    fn care_derived_skills_count_towards_work_skills() {
        let taxonomy = Taxonomy::shipped().unwrap();
        let care: Vec<_> = taxonomy
            .skills()
            .iter()
            .filter(|s| s.group == "care-derived")
            .collect();
        assert!(care.len() >= 20);
        assert!(
            care.iter().all(|s| !s.related.is_empty()),
            "every care-derived skill maps to work"
        );
        let treasurer = taxonomy.get("pta-treasurer").unwrap();
        assert!(
            treasurer
                .related
                .iter()
                .any(|(id, share)| id.as_str() == "bookkeeping" && *share > 0.5)
        );
    }

    #[test]
    fn the_entries_coordinators_use_every_day_are_there_with_relations() {
        let taxonomy = Taxonomy::shipped().unwrap();
        for id in [
            "general-office",
            "planning",
            "english",
            "web-production",
            "illustrator",
            "photoshop",
            "canva",
            "care-assistant",
            "kitchen-assistant",
            "data-entry",
            "phone-handling",
            "sns-operation",
        ] {
            let skill = taxonomy.get(id).unwrap_or_else(|| panic!("{id}"));
            assert!(!skill.licence, "{id} needs no licence");
        }
        let related = taxonomy
            .skills()
            .iter()
            .filter(|s| !s.related.is_empty())
            .count();
        assert!(
            related * 10 >= taxonomy.len() * 9,
            "most skills relate to others"
        );
    }

    #[test]
    fn licences_stay_licences_and_imply_the_assistant_skill() {
        let taxonomy = Taxonomy::shipped().unwrap();
        for id in ["nursery-teacher", "nurse", "care-worker"] {
            assert!(taxonomy.get(id).unwrap().licence, "{id}");
        }
        let teacher = taxonomy.get("nursery-teacher").unwrap();
        assert!(
            teacher
                .related
                .iter()
                .any(|(id, share)| id.as_str() == "nursery-assistant" && *share == 1.0)
        );
        assert!(!taxonomy.get("nursery-assistant").unwrap().licence);
    }

    #[test]
    fn broken_data_is_refused_with_its_line() {
        let header = "id,group,label_ja,label_en,related,licence\n";
        let err = Taxonomy::parse(&format!("{header}a,office,あ,,,\n")).unwrap_err();
        assert_eq!(
            err,
            TaxonomyError::Line {
                line: 2,
                problem: "a needs both a Japanese and an English label".into()
            }
        );
        assert!(Taxonomy::parse(&format!("{header}a,nowhere,あ,A,,\n")).is_err());
        assert!(Taxonomy::parse(&format!("{header}a,office,あ,A,b:0.5,\n")).is_err());
        assert!(Taxonomy::parse(&format!("{header}a,office,あ,A,,\na,office,い,B,,\n")).is_err());
        assert!(
            Taxonomy::parse(&format!("{header}a,office,あ,A,b:2,\nb,office,い,B,,\n")).is_err()
        );
        assert!(
            Taxonomy::parse(&format!(
                "{header}a,office,あ,A,b:0.9,\nb,care,い,B,,licence\n"
            ))
            .is_err(),
            "experience never counts towards a licence"
        );
        assert!(Taxonomy::parse(&format!("{header}a,office,あ,A,,maybe\n")).is_err());
        assert!(
            Taxonomy::parse(&format!(
                "{header}a,care,あ,A,b:1,licence\nb,care,い,B,,licence\n"
            ))
            .is_ok(),
            "a higher licence implies a lesser one"
        );
        assert!(SkillLevel::new(0).is_none() && SkillLevel::new(5).is_none());
    }
}
