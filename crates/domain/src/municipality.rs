//! The municipality (町 / 自治体): the tenant every record belongs to.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::field_errors::FieldErrors;

/// Database id of a municipality.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MunicipalityId(pub i64);

/// The URL name of a town, e.g. `nagaizumi` in `/nagaizumi/`.
///
/// Lowercase ASCII letters, digits and inner hyphens, 2 to 40 characters, and never one of the
/// platform's own top-level paths.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct MunicipalitySlug(String);

/// Top-level paths the platform itself uses; a town cannot take them as its slug.
pub const RESERVED_SLUGS: &[&str] = &[
    "api",
    "healthz",
    "metrics",
    "static",
    "lang",
    "operator",
    "admin",
    "auth",
    "login",
    "logout",
    "favicon.ico",
    "robots.txt",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SlugError {
    #[error("the slug must be 2 to 40 characters long")]
    Length,
    #[error("the slug may hold only lowercase letters a-z, digits and inner hyphens")]
    Characters,
    #[error("the slug is reserved by the platform")]
    Reserved,
}

impl SlugError {
    /// The translation key of the message shown to the user.
    pub fn code(self) -> &'static str {
        match self {
            SlugError::Length => "slug-length",
            SlugError::Characters => "slug-characters",
            SlugError::Reserved => "slug-reserved",
        }
    }
}

impl MunicipalitySlug {
    pub fn parse(raw: &str) -> Result<Self, SlugError> {
        let len = raw.chars().count();
        if !(2..=40).contains(&len) {
            return Err(SlugError::Length);
        }
        let allowed = raw
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !allowed || raw.starts_with('-') || raw.ends_with('-') {
            return Err(SlugError::Characters);
        }
        if RESERVED_SLUGS.contains(&raw) {
            return Err(SlugError::Reserved);
        }
        Ok(Self(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for MunicipalitySlug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Who may take part in a town's program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EligibilityRule {
    /// Only people who live in the town.
    ResidentsOnly,
    /// Only people who work in the town.
    WorkersOnly,
    /// People who live or work in the town (Nagaizumi's rule).
    ResidentsOrWorkers,
}

/// The basis a person gives for taking part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EligibilityBasis {
    LivesInTown,
    WorksInTown,
}

impl EligibilityBasis {
    pub const ALL: [EligibilityBasis; 2] =
        [EligibilityBasis::LivesInTown, EligibilityBasis::WorksInTown];

    pub fn code(self) -> &'static str {
        match self {
            EligibilityBasis::LivesInTown => "lives",
            EligibilityBasis::WorksInTown => "works",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.code() == code)
    }
}

impl EligibilityRule {
    /// The bases a person may give under this rule.
    pub fn bases(self) -> Vec<EligibilityBasis> {
        EligibilityBasis::ALL
            .into_iter()
            .filter(|b| self.admits(*b))
            .collect()
    }

    pub const ALL: [EligibilityRule; 3] = [
        EligibilityRule::ResidentsOnly,
        EligibilityRule::WorkersOnly,
        EligibilityRule::ResidentsOrWorkers,
    ];

    /// The stored name of the rule.
    pub fn code(self) -> &'static str {
        match self {
            EligibilityRule::ResidentsOnly => "residents",
            EligibilityRule::WorkersOnly => "workers",
            EligibilityRule::ResidentsOrWorkers => "residents_or_workers",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|rule| rule.code() == code)
    }

    /// Whether a person with this basis may take part.
    pub fn admits(self, basis: EligibilityBasis) -> bool {
        matches!(
            (self, basis),
            (EligibilityRule::ResidentsOrWorkers, _)
                | (
                    EligibilityRule::ResidentsOnly,
                    EligibilityBasis::LivesInTown
                )
                | (EligibilityRule::WorkersOnly, EligibilityBasis::WorksInTown)
        )
    }
}

/// The month (1–12) in which a town's fiscal year starts; April in Japanese municipalities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct FiscalYearStartMonth(u32);

impl FiscalYearStartMonth {
    pub const APRIL: FiscalYearStartMonth = FiscalYearStartMonth(4);

    pub fn new(month: u32) -> Option<Self> {
        (1..=12).contains(&month).then_some(Self(month))
    }

    pub fn get(self) -> u32 {
        self.0
    }
}

/// A town as the platform knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Municipality {
    pub id: MunicipalityId,
    pub slug: MunicipalitySlug,
    pub name_ja: String,
    pub name_en: String,
    pub eligibility: EligibilityRule,
    pub fiscal_year_start: FiscalYearStartMonth,
    pub contact_email: String,
    pub contact_phone: String,
    /// The prefecture, for its minimum wage (a code in the minimum-wage data, e.g. `shizuoka`).
    pub prefecture: String,
}

/// A town about to be created, parsed from untrusted input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMunicipality {
    pub slug: MunicipalitySlug,
    pub name_ja: String,
    pub name_en: String,
    pub eligibility: EligibilityRule,
    pub fiscal_year_start: FiscalYearStartMonth,
    pub contact_email: String,
    pub contact_phone: String,
    pub prefecture: String,
}

/// The raw fields of a new town, as typed into a form or a command line.
#[derive(Debug, Clone, Default)]
pub struct MunicipalityInput<'a> {
    pub slug: &'a str,
    pub name_ja: &'a str,
    pub name_en: &'a str,
    pub eligibility: &'a str,
    pub fiscal_year_start: &'a str,
    pub contact_email: &'a str,
    pub contact_phone: &'a str,
    /// Empty means Shizuoka, the first town's prefecture.
    pub prefecture: &'a str,
}

impl NewMunicipality {
    /// Parses every field and reports every wrong one at once.
    pub fn parse(input: &MunicipalityInput<'_>) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let slug = MunicipalitySlug::parse(input.slug.trim())
            .map_err(|e| errors.add("slug", e.code()))
            .ok();
        let name_ja = required_text(&mut errors, "name_ja", input.name_ja, 100);
        let name_en = required_text(&mut errors, "name_en", input.name_en, 100);
        let eligibility = EligibilityRule::from_code(input.eligibility.trim());
        if eligibility.is_none() {
            errors.add("eligibility", "choose-one");
        }
        let fiscal_year_start = input
            .fiscal_year_start
            .trim()
            .parse()
            .ok()
            .and_then(FiscalYearStartMonth::new);
        if fiscal_year_start.is_none() {
            errors.add("fiscal_year_start", "month-range");
        }
        let contact_email = input.contact_email.trim();
        if !crate::email::looks_like_email(contact_email) {
            errors.add("contact_email", "email-invalid");
        }
        let prefecture = match input.prefecture.trim() {
            "" => "shizuoka".to_owned(),
            code if code.chars().all(|c| c.is_ascii_lowercase()) && code.len() <= 20 => {
                code.to_owned()
            }
            _ => {
                errors.add("prefecture", "choose-one");
                String::new()
            }
        };
        let contact_phone = input.contact_phone.trim();
        if contact_phone.chars().count() > 30 {
            errors.add("contact_phone", "too-long");
        }
        match (slug, name_ja, name_en, eligibility, fiscal_year_start) {
            (
                Some(slug),
                Some(name_ja),
                Some(name_en),
                Some(eligibility),
                Some(fiscal_year_start),
            ) if errors.is_empty() => Ok(Self {
                slug,
                name_ja,
                name_en,
                eligibility,
                fiscal_year_start,
                contact_email: contact_email.to_owned(),
                contact_phone: contact_phone.to_owned(),
                prefecture,
            }),
            _ => Err(errors),
        }
    }
}

fn required_text(
    errors: &mut FieldErrors,
    field: &'static str,
    raw: &str,
    max: usize,
) -> Option<String> {
    let value = raw.trim();
    if value.is_empty() {
        errors.add(field, "required");
        None
    } else if value.chars().count() > max {
        errors.add(field, "too-long");
        None
    } else {
        Some(value.to_owned())
    }
}

crate::labels!(EligibilityBasis {
    EligibilityBasis::LivesInTown => "eligibility-basis-lives",
    EligibilityBasis::WorksInTown => "eligibility-basis-works",
});
crate::stored_code!(EligibilityBasis, "eligibility basis");
crate::labels!(EligibilityRule {
    EligibilityRule::ResidentsOnly => "eligibility-residents",
    EligibilityRule::WorkersOnly => "eligibility-workers",
    EligibilityRule::ResidentsOrWorkers => "eligibility-residents-or-workers",
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_ascii_and_not_reserved() {
        assert!(MunicipalitySlug::parse("nagaizumi").is_ok());
        assert!(MunicipalitySlug::parse("numazu-2").is_ok());
        assert_eq!(MunicipalitySlug::parse("N"), Err(SlugError::Length));
        assert_eq!(
            MunicipalitySlug::parse("Nagaizumi"),
            Err(SlugError::Characters)
        );
        assert_eq!(MunicipalitySlug::parse("-town"), Err(SlugError::Characters));
        assert_eq!(
            MunicipalitySlug::parse("長泉町"),
            Err(SlugError::Characters)
        );
        assert_eq!(MunicipalitySlug::parse("healthz"), Err(SlugError::Reserved));
    }

    #[test]
    fn eligibility_rules_admit_the_right_bases() {
        use EligibilityBasis::*;
        assert!(EligibilityRule::ResidentsOrWorkers.admits(WorksInTown));
        assert!(EligibilityRule::ResidentsOnly.admits(LivesInTown));
        assert!(!EligibilityRule::ResidentsOnly.admits(WorksInTown));
        assert!(!EligibilityRule::WorkersOnly.admits(LivesInTown));
        for rule in EligibilityRule::ALL {
            assert_eq!(EligibilityRule::from_code(rule.code()), Some(rule));
        }
    }

    #[test]
    fn a_new_town_reports_every_wrong_field() {
        let input = MunicipalityInput {
            slug: "Bad Slug",
            name_ja: "",
            name_en: "Test",
            eligibility: "everyone",
            fiscal_year_start: "13",
            contact_email: "not-an-email",
            contact_phone: "",
            prefecture: "",
        };
        let errors = NewMunicipality::parse(&input).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|(field, _)| field).collect();
        assert_eq!(
            fields,
            [
                "slug",
                "name_ja",
                "eligibility",
                "fiscal_year_start",
                "contact_email"
            ]
        );
    }

    #[test]
    fn a_valid_town_parses() {
        let input = MunicipalityInput {
            slug: "nagaizumi",
            name_ja: "長泉町",
            name_en: "Nagaizumi Town",
            eligibility: "residents_or_workers",
            fiscal_year_start: "4",
            contact_email: "kikaku@example.jp",
            contact_phone: "055-000-0000",
            prefecture: "",
        };
        let town = NewMunicipality::parse(&input).unwrap();
        assert_eq!(town.fiscal_year_start, FiscalYearStartMonth::APRIL);
    }
}
