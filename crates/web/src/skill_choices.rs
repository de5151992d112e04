//! The skills taxonomy as a person chooses from it: grouped, labelled in their language.

use domain::label::Label;
use domain::skill::{GROUPS, group_label_key};

use crate::i18n::Lang;
use crate::page::Page;
use crate::state::AppState;

pub struct SkillGroup {
    pub label: String,
    /// (skill id, label) pairs.
    pub skills: Vec<(String, String)>,
}

/// A skill's label in the language.
pub fn label(state: &AppState, lang: Lang, id: &str) -> String {
    state.taxonomy.get(id).map_or_else(
        || id.to_owned(),
        |s| {
            if lang == Lang::En {
                s.label_en.clone()
            } else {
                s.label_ja.clone()
            }
        },
    )
}

/// The taxonomy by group, for `<optgroup>`s.
pub fn groups(state: &AppState, page: &Page) -> Vec<SkillGroup> {
    state
        .taxonomy
        .by_group()
        .into_iter()
        .map(|(order, skills)| SkillGroup {
            label: GROUPS
                .get(order)
                .and_then(|g| group_label_key(g))
                .map_or_else(String::new, |key| page.t(key)),
            skills: skills
                .into_iter()
                .map(|s| {
                    (
                        s.id.as_str().to_owned(),
                        label(state, page.lang, s.id.as_str()),
                    )
                })
                .collect(),
        })
        .collect()
}

/// The skill levels as a select offers them: (level, its words).
pub fn levels(page: &Page) -> Vec<(String, String)> {
    domain::skill::SkillLevel::every()
        .into_iter()
        .map(|l| (l.get().to_string(), page.label(l)))
        .collect()
}
