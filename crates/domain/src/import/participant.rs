//! Participants from a town's own list: each line checked into an invitation to register
//! (`Invitee`) — name, furigana, email and the basis on which they take part. No account is
//! made from a line: the person gets a link, sets their own password and gives consent, and
//! only then is registered (so no one is matched or introduced before they consent).

use std::collections::HashSet;

use super::{FileFault, FileProblem, Plan, Refused, cell, chosen, lines};
use crate::FieldErrors;
use crate::account::{parse_display_name, parse_email};
use crate::furigana::Furigana;
use crate::municipality::EligibilityBasis;

/// Each field and the headers that name its column (the participant list's download uses
/// the first of each, so it reads back).
pub const FIELDS: &[(&str, &[&str])] = &[
    ("display_name", &["お名前", "氏名", "名前", "name"]),
    (
        "furigana",
        &[
            "ふりがな",
            "フリガナ",
            "furigana",
            "name reading (furigana)",
        ],
    ),
    (
        "email",
        &[
            "メールアドレス",
            "メール",
            "email",
            "email address",
            "e-mail",
        ],
    ),
    (
        "eligibility",
        &[
            "参加の条件",
            "参加条件",
            "eligibility",
            "basis for taking part",
        ],
    ),
];

/// The short words town lists use for each basis, beside its label and code.
const BASIS_WORDS: &[(EligibilityBasis, &[&str])] = &[
    (
        EligibilityBasis::LivesInTown,
        &["町内在住", "在住", "住民", "resident"],
    ),
    (
        EligibilityBasis::WorksInTown,
        &["町内在勤", "在勤", "勤務", "worker"],
    ),
];

/// The basis a cell names, among the town's `bases`; a blank cell is the town's only basis
/// when it admits one.
fn basis_of(raw: &str, bases: &[(EligibilityBasis, Vec<String>)]) -> Option<EligibilityBasis> {
    if raw.trim().is_empty() {
        return match bases {
            [(only, _)] => Some(*only),
            _ => None,
        };
    }
    let with_short: Vec<(EligibilityBasis, Vec<String>)> = bases
        .iter()
        .map(|(basis, words)| {
            let short = BASIS_WORDS
                .iter()
                .filter(|(b, _)| b == basis)
                .flat_map(|(_, w)| w.iter().map(|w| (*w).to_owned()));
            (*basis, words.iter().cloned().chain(short).collect())
        })
        .collect();
    chosen(raw, EligibilityBasis::code, &with_short)
}

/// A person to invite, as a line gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitee {
    pub display_name: String,
    pub furigana: Furigana,
    pub email: String,
    pub basis: EligibilityBasis,
}

/// What importing `text` would do in a town whose accounts use the addresses in `taken`;
/// `bases` are the bases the town admits, with their words in both languages.
pub fn plan(
    text: &str,
    bases: &[(EligibilityBasis, Vec<String>)],
    taken: &HashSet<String>,
) -> Result<Plan<Invitee>, FileProblem> {
    let required = [
        ("display_name", FileFault::NoNameColumn),
        ("email", FileFault::NoEmailColumn),
    ];
    let mut plan = Plan {
        rows: Vec::new(),
        refused: Vec::new(),
    };
    let mut seen: HashSet<String> = HashSet::new();
    for (line, values) in lines(text, FIELDS, &required)? {
        match row(&values, bases, (taken, &seen)) {
            Ok(invitee) => {
                seen.insert(invitee.email.clone());
                plan.rows.push(invitee);
            }
            Err(errors) => plan.refused.push(Refused { line, errors }),
        }
    }
    Ok(plan)
}

fn row(
    values: &[(&'static str, String)],
    bases: &[(EligibilityBasis, Vec<String>)],
    (taken, seen): (&HashSet<String>, &HashSet<String>),
) -> Result<Invitee, FieldErrors> {
    let mut errors = FieldErrors::default();
    let display_name = parse_display_name(&mut errors, cell(values, "display_name"));
    let furigana = Furigana::parse(cell(values, "furigana"))
        .map_err(|e| errors.add("furigana", e.code()))
        .ok();
    let email = parse_email(&mut errors, cell(values, "email"));
    match &email {
        Some(email) if taken.contains(email) => errors.add("email", "import-email-registered"),
        Some(email) if seen.contains(email) => errors.add("email", "duplicate-in-file"),
        _ => {}
    }
    let basis = basis_of(cell(values, "eligibility"), bases);
    if basis.is_none() {
        errors.add("eligibility", "eligibility-not-admitted");
    }
    match (display_name, furigana, email, basis) {
        (Some(display_name), Some(furigana), Some(email), Some(basis)) if errors.is_empty() => {
            Ok(Invitee {
                display_name,
                furigana,
                email,
                basis,
            })
        }
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bases() -> Vec<(EligibilityBasis, Vec<String>)> {
        vec![
            (
                EligibilityBasis::LivesInTown,
                vec!["町内在住".into(), "Lives in town".into()],
            ),
            (EligibilityBasis::WorksInTown, vec!["町内在勤".into()]),
        ]
    }

    #[test]
    fn each_line_becomes_an_invitation_or_a_refusal_with_its_reasons() {
        let taken: HashSet<String> = ["hanako@example.jp".to_owned()].into();
        let text = "\u{FEFF}氏名,ふりがな,メールアドレス,参加の条件\r\n\
                    長泉 ゆい,ながいずみ ゆい,Yui@Example.jp,町内在住\r\n\
                    長泉 花子,ながいずみ はなこ,hanako@example.jp,町内在住\r\n\
                    山田 ゆい,ヤマダ ユイ,yui@example.jp,lives\r\n\
                    ,yamada,not-an-address,どこか\r\n\
                    佐藤 みか,さとう みか,mika@example.jp,町内在勤\r\n";
        let plan = plan(text, &bases(), &taken).unwrap();
        let emails: Vec<&str> = plan.rows.iter().map(|r| r.email.as_str()).collect();
        assert_eq!(emails, ["yui@example.jp", "mika@example.jp"]);
        assert_eq!(plan.rows[1].basis, EligibilityBasis::WorksInTown);
        let refused: Vec<(usize, Vec<(&str, &str)>)> = plan
            .refused
            .iter()
            .map(|r| (r.line, r.errors.iter().collect()))
            .collect();
        assert_eq!(
            refused,
            [
                (3, vec![("email", "import-email-registered")]),
                (4, vec![("email", "duplicate-in-file")]),
                (
                    5,
                    vec![
                        ("display_name", "required"),
                        ("furigana", "furigana-kana-only"),
                        ("email", "email-invalid"),
                        ("eligibility", "eligibility-not-admitted")
                    ]
                ),
            ]
        );
    }

    #[test]
    fn a_basis_is_read_from_its_label_code_or_short_words_and_blank_only_when_one_is_admitted() {
        let labelled = |basis, label: &str| (basis, vec![label.to_owned()]);
        let both = [
            labelled(EligibilityBasis::LivesInTown, "町内に住んでいます"),
            labelled(EligibilityBasis::WorksInTown, "町内で働いています"),
        ];
        let lives = Some(EligibilityBasis::LivesInTown);
        let works = Some(EligibilityBasis::WorksInTown);
        assert_eq!(basis_of("町内に住んでいます", &both), lives);
        assert_eq!(basis_of(" 在勤 ", &both), works);
        assert_eq!(basis_of("町内在住", &both), lives);
        assert_eq!(basis_of("Resident", &both), lives);
        assert_eq!(
            basis_of("", &both),
            None,
            "which one, when two are admitted"
        );
        let residents_only = [both[0].clone()];
        assert_eq!(basis_of("", &residents_only), lives);
        assert_eq!(
            basis_of("町内在勤", &residents_only),
            None,
            "a basis the town does not admit"
        );
    }

    #[test]
    fn a_file_without_names_or_addresses_is_refused_whole() {
        let none = HashSet::new();
        assert_eq!(
            plan(
                "ふりがな,メールアドレス\nあ,a@example.jp\n",
                &bases(),
                &none
            ),
            Err((FileFault::NoNameColumn, None))
        );
        assert_eq!(
            plan("氏名,ふりがな\n花子,はなこ\n", &bases(), &none),
            Err((FileFault::NoEmailColumn, None))
        );
    }
}
