//! Bringing a town's list of organizations in, shared by the coordinator's page
//! (`coordinator::import`) and `wakucareer import organizations`: the plan of a file
//! (`domain::import::organization`, with kinds and locations read in the words of both
//! languages), each refused line in words, and the list as a file whose headers and words
//! read back in, so export and import make the same organizations.

use std::collections::HashSet;

use domain::import::FileProblem;
use domain::import::Plan;
use domain::import::organization::{FIELDS, Words, plan};
use domain::organization::NewOrganization;
use domain::organization::{OrganizationKind, OrganizationLocation};
use store::organization::OrganizationDetails;

use crate::i18n::Lang;
use crate::import_words::in_both;
use crate::spreadsheet::{Table, Value};

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
