//! A town's areas as a select offers them: (code, name in the page's language).

use domain::travel::TravelTable;

use crate::i18n::Lang;

pub fn named(lang: Lang, areas: &TravelTable) -> Vec<(String, String)> {
    areas
        .areas
        .iter()
        .map(|a| {
            let name = match lang {
                Lang::En => &a.name_en,
                Lang::Ja => &a.name_ja,
            };
            (a.code.clone(), name.clone())
        })
        .collect()
}

/// The name of the area with this code, if the town has it.
pub fn name_of(lang: Lang, areas: &TravelTable, code: &str) -> Option<String> {
    named(lang, areas)
        .into_iter()
        .find(|(c, _)| c == code)
        .map(|(_, name)| name)
}
