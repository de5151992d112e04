//! Bringing a town's list of organizations in, shared by the coordinator's page
//! (`coordinator::import`) and `wakucareer import organizations`: the plan of a file
//! (`domain::import::organization`, with kinds and locations read in the words of both
//! languages), each refused line in words, and the list as a file whose headers and words
//! read back in, so export and import make the same organizations.

use std::collections::HashSet;

use domain::import::Plan;
use domain::import::organization::{FIELDS, FileProblem, Words, plan};
use domain::organization::NewOrganization;
use domain::organization::{OrganizationKind, OrganizationLocation};
use store::organization::OrganizationDetails;

use crate::i18n::Lang;
use crate::spreadsheet::{Table, Value};

fn in_both<T: Copy + domain::label::Label>(values: &[T]) -> Vec<(T, Vec<String>)> {
    values
        .iter()
        .map(|v| (*v, vec![Lang::Ja.label(*v), Lang::En.label(*v)]))
        .collect()
}

/// What importing `text` would do, next to the organizations the town has.
pub fn plan_of(
    text: &str,
    existing: &[OrganizationDetails],
) -> Result<Plan<NewOrganization>, FileProblem> {
    let kinds = in_both(OrganizationKind::ALL);
    let locations = in_both(OrganizationLocation::ALL);
    let names: HashSet<String> = existing.iter().map(|o| o.name.clone()).collect();
    plan(
        text,
        &Words {
            kinds: &kinds,
            locations: &locations,
        },
        &names,
    )
}

/// Each refused line: its number and what is wrong, field by field, in words.
pub fn refusals(lang: Lang, plan: &Plan<NewOrganization>) -> Vec<(usize, String)> {
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

/// The town's organizations as a file that imports back: the first header of each field,
/// kinds and locations in words.
pub fn table(lang: Lang, organizations: &[OrganizationDetails]) -> Table {
    Table {
        name: lang.t("import-organizations-sheet"),
        header: FIELDS
            .iter()
            .map(|(_, names)| names[0].to_owned())
            .collect(),
        rows: organizations
            .iter()
            .map(|o| {
                vec![
                    Value::text(&o.name),
                    Value::text(&o.name_en),
                    Value::text(lang.label(o.kind)),
                    Value::text(lang.label(o.location)),
                    Value::text(&o.contact_person),
                    Value::text(&o.description),
                ]
            })
            .collect(),
    }
}
