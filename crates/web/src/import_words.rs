//! The words of an import's check, for every list a town brings in (`organization_import`,
//! `participant_import`): each refused line, a whole-file problem, and a value's words in
//! both languages as a file may write it.

use domain::import::{FileProblem, Plan};

use crate::i18n::Lang;

/// Each value with its words in Japanese and English, as a file may give it.
pub fn in_both<T: Copy + domain::label::Label>(values: &[T]) -> Vec<(T, Vec<String>)> {
    values
        .iter()
        .map(|v| (*v, vec![Lang::Ja.label(*v), Lang::En.label(*v)]))
        .collect()
}

/// Each refused line: its number and what is wrong, field by field, in words.
pub fn refusals<T>(lang: Lang, plan: &Plan<T>) -> Vec<(usize, String)> {
    plan.refused
        .iter()
        .map(|r| {
            let words: Vec<String> = r
                .errors
                .iter()
                .map(|(field, code)| crate::form::field_error_words(lang, field, code))
                .collect();
            (r.line, words.join(" "))
        })
        .collect()
}

/// A whole-file problem in words.
pub fn problem_words(lang: Lang, (fault, line): FileProblem) -> String {
    let words = lang.label(fault);
    match line {
        Some(line) => lang.t_args(
            "import-at-line",
            &[("line", line.to_string()), ("problem", words)],
        ),
        None => words,
    }
}
