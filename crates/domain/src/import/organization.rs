//! Organizations from a town's own list: each line checked into the details an organization
//! is created with (`organization::NewOrganization`), by the headers Japanese and English speakers use.
//! The kind and location are read from their codes or from their words, as the caller gives
//! them (the words of both languages, so a file written by the export reads back).

use std::collections::HashSet;

pub use super::{FileFault, FileProblem};
use super::{Plan, Refused, cell, chosen, lines};
use crate::FieldErrors;
use crate::organization::{NewOrganization, OrganizationKind, OrganizationLocation};

/// Each field and the headers that name its column.
pub const FIELDS: &[(&str, &[&str])] = &[
    (
        "organization_name",
        &[
            "団体名",
            "企業・団体名",
            "名称",
            "組織名",
            "organization",
            "name",
        ],
    ),
    (
        "organization_name_en",
        &["団体名（英語）", "英語名", "name (english)", "name_en"],
    ),
    ("organization_kind", &["種別", "種類", "kind"]),
    ("organization_location", &["所在地", "location"]),
    (
        "contact_person",
        &[
            "ご担当者名",
            "担当者名",
            "担当者",
            "contact person",
            "contact_person",
        ],
    ),
    (
        "organization_description",
        &["紹介", "紹介文", "説明", "description"],
    ),
];

/// The words each value may be written with, besides its code.
pub struct Words<'a> {
    pub kinds: &'a [(OrganizationKind, Vec<String>)],
    pub locations: &'a [(OrganizationLocation, Vec<String>)],
}

/// What importing `text` would do in a town that has organizations named `existing`.
pub fn plan(
    text: &str,
    words: &Words<'_>,
    existing: &HashSet<String>,
) -> Result<Plan<NewOrganization>, FileProblem> {
    let required = [("organization_name", FileFault::NoNameColumn)];
    let lines = lines(text, FIELDS, &required)?;
    let mut plan = Plan {
        rows: Vec::new(),
        refused: Vec::new(),
    };
    let mut seen: HashSet<String> = HashSet::new();
    for (line, values) in lines {
        match row(&values, words, (existing, &seen)) {
            Ok(record) => {
                seen.insert(record.name.clone());
                plan.rows.push(record);
            }
            Err(errors) => plan.refused.push(Refused { line, errors }),
        }
    }
    Ok(plan)
}

fn row(
    values: &[(&'static str, String)],
    words: &Words<'_>,
    (existing, seen): (&HashSet<String>, &HashSet<String>),
) -> Result<NewOrganization, FieldErrors> {
    let cell = |field: &str| cell(values, field);
    let mut errors = FieldErrors::default();
    let mut text = |field: &'static str, max: usize, required: bool| {
        let value = cell(field);
        if required && value.is_empty() {
            errors.add(field, "required");
        } else if value.chars().count() > max {
            errors.add(field, "too-long");
        }
        value.to_owned()
    };
    let name = text("organization_name", 100, true);
    let name_en = text("organization_name_en", 100, false);
    let contact_person = text("contact_person", 60, false);
    let description = text("organization_description", 2000, false);
    if existing.contains(&name) {
        errors.add("organization_name", "organization-name-taken");
    } else if seen.contains(&name) {
        errors.add("organization_name", "duplicate-in-file");
    }
    let kind = chosen(
        cell("organization_kind"),
        OrganizationKind::code,
        words.kinds,
    );
    if kind.is_none() {
        errors.add("organization_kind", "choose-one");
    }
    let location = chosen(
        cell("organization_location"),
        OrganizationLocation::code,
        words.locations,
    );
    if location.is_none() {
        errors.add("organization_location", "choose-one");
    }
    match (kind, location, errors.is_empty()) {
        (Some(kind), Some(location), true) => Ok(NewOrganization {
            name,
            name_en,
            kind,
            location,
            contact_person,
            description,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type KindWords = Vec<(OrganizationKind, Vec<String>)>;
    type LocationWords = Vec<(OrganizationLocation, Vec<String>)>;

    fn words() -> (KindWords, LocationWords) {
        (
            vec![
                (
                    OrganizationKind::Company,
                    vec!["企業".into(), "Company".into()],
                ),
                (OrganizationKind::Npo, vec!["NPO・団体".into()]),
            ],
            vec![(
                OrganizationLocation::InTown,
                vec!["町内".into(), "In town".into()],
            )],
        )
    }

    #[test]
    fn rows_are_read_by_header_and_refused_line_by_line() {
        let (kinds, locations) = words();
        let words = Words {
            kinds: &kinds,
            locations: &locations,
        };
        let existing: HashSet<String> = ["湯の花旅館".to_owned()].into();
        let text = "\u{FEFF}所在地,団体名,種別,担当者\r\n\
                    町内,長泉ベーカリー,企業,佐藤\r\n\
                    町内,湯の花旅館,企業,\r\n\
                    in_town,長泉ベーカリー,company,\r\n\
                    どこか,,会社,\r\n\
                    In town,子育てNPO,NPO・団体,\r\n";
        let plan = plan(text, &words, &existing).unwrap();
        let names: Vec<&str> = plan.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["長泉ベーカリー", "子育てNPO"]);
        assert_eq!(plan.rows[0].contact_person, "佐藤");
        let refused: Vec<(usize, Vec<(&str, &str)>)> = plan
            .refused
            .iter()
            .map(|r| (r.line, r.errors.iter().collect()))
            .collect();
        assert_eq!(
            refused,
            [
                (3, vec![("organization_name", "organization-name-taken")]),
                (4, vec![("organization_name", "duplicate-in-file")]),
                (
                    5,
                    vec![
                        ("organization_name", "required"),
                        ("organization_kind", "choose-one"),
                        ("organization_location", "choose-one")
                    ]
                ),
            ]
        );
    }

    #[test]
    fn a_file_without_names_or_rows_is_refused_whole() {
        let (kinds, locations) = words();
        let words = Words {
            kinds: &kinds,
            locations: &locations,
        };
        let none = HashSet::new();
        assert_eq!(plan("", &words, &none), Err((FileFault::Empty, None)));
        assert_eq!(
            plan("種別,所在地\n企業,町内\n", &words, &none),
            Err((FileFault::NoNameColumn, None))
        );
        assert_eq!(
            plan("団体名\n", &words, &none),
            Err((FileFault::NoRows, None))
        );
        assert_eq!(
            plan("団体名\n\"open\n", &words, &none),
            Err((FileFault::UnclosedQuote, Some(2)))
        );
    }
}
