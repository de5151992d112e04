//! The participant list's filters: the query a coordinator sends, what the store searches by,
//! and the form that shows them again.

use chrono::{Duration, Utc};
use domain::FieldErrors;
use domain::availability::Weekday;
use domain::furigana::search_key;
use domain::income_cap::{IncomeCap, WALLS};
use domain::paging::PageNumber;
use domain::participant::{CareFor, GoalTrack};
use domain::travel::TravelTable;
use serde::Deserialize;
use store::participant::ParticipantFilter;

use crate::form::{FieldView, labelled, with_any};
use crate::page::Page;
use crate::skill_choices::SkillGroup;
use crate::state::AppState;

/// The longest name or skill text a search takes.
const MAX_SEARCH_CHARS: usize = 100;

#[derive(Deserialize, Default, Debug, Clone)]
pub struct ListQuery {
    #[serde(default)]
    pub page: PageNumber,
    /// Part of a name or its reading, in any kana.
    #[serde(default)]
    who: String,
    #[serde(default)]
    goal: String,
    #[serde(default)]
    skill: String,
    /// Part of a skill's name, when the coordinator types rather than picks.
    #[serde(default)]
    skill_text: String,
    #[serde(default)]
    day: String,
    #[serde(default)]
    gap: String,
    #[serde(default)]
    contact: String,
    #[serde(default)]
    income_cap: String,
    #[serde(default)]
    area: String,
    #[serde(default)]
    care: String,
    #[serde(default)]
    registered: String,
}

domain::coded!(
    /// What a person's family needs of their working hours, as the list filters it.
    CareNeed {
        /// A child under school age, who needs care while the parent works.
        Childcare = "childcare" => "filter-care-childcare",
        Elder = "elder" => "filter-care-elder",
        Family = "family" => "filter-care-family",
    }
);

/// How recent a registration the "new registrations" filter asks for, in days.
const REGISTERED_WITHIN: [&str; 3] = ["7", "30", "90"];

impl ListQuery {
    /// The store's filter, or the fields whose text cannot be searched for.
    pub fn filter(&self, state: &AppState) -> Result<ParticipantFilter, FieldErrors> {
        let mut errors = FieldErrors::default();
        let who = self.search_text(&mut errors, "who", &self.who);
        let skill_ids = self.skill_ids(state, &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        let (min_gap_months, max_gap_months) = gap_months(&self.gap);
        let care = CareNeed::from_code(&self.care);
        Ok(ParticipantFilter {
            goal_track: GoalTrack::from_code(&self.goal),
            skill_ids,
            free_on: Weekday::from_code(&self.day).map(|d| d.code().to_owned()),
            min_gap_months,
            max_gap_months,
            not_contacted_since: days_ago(&self.contact),
            never_contacted: self.contact == "never",
            name: who,
            income_cap: income_cap(&self.income_cap),
            home_area: Some(self.area.clone()).filter(|a| !a.is_empty()),
            needs_childcare: care == Some(CareNeed::Childcare),
            cares_for: match care {
                Some(CareNeed::Elder) => Some(CareFor::Elder),
                Some(CareNeed::Family) => Some(CareFor::Family),
                _ => None,
            },
            registered_since: REGISTERED_WITHIN
                .contains(&self.registered.as_str())
                .then(|| days_ago(&self.registered))
                .flatten(),
        })
    }

    /// The typed text in search form, if any; too long a text is the field's error.
    fn search_text(
        &self,
        errors: &mut FieldErrors,
        field: &'static str,
        raw: &str,
    ) -> Option<String> {
        let key = search_key(raw);
        if key.chars().count() > MAX_SEARCH_CHARS {
            errors.add(field, "too-long");
            return None;
        }
        Some(key).filter(|k| !k.is_empty())
    }

    /// The skills asked for: the one picked, or those whose name holds the typed text.
    fn skill_ids(&self, state: &AppState, errors: &mut FieldErrors) -> Vec<String> {
        if let Some(skill) = state.taxonomy.get(&self.skill) {
            return vec![skill.id.as_str().to_owned()];
        }
        let Some(text) = self.search_text(errors, "skill_text", &self.skill_text) else {
            return Vec::new();
        };
        let found = skills_named(state, &text);
        if found.is_empty() {
            errors.add("skill_text", "no-such-skill");
        }
        found
    }

    /// The query [`ListQuery::query_string`] wrote (unknown names are passed over).
    pub fn from_query_string(text: &str) -> ListQuery {
        let mut query = ListQuery::default();
        for (name, value) in url::form_urlencoded::parse(text.as_bytes()) {
            let value = value.into_owned();
            match name.as_ref() {
                "who" => query.who = value,
                "goal" => query.goal = value,
                "skill" => query.skill = value,
                "skill_text" => query.skill_text = value,
                "day" => query.day = value,
                "gap" => query.gap = value,
                "contact" => query.contact = value,
                "income_cap" => query.income_cap = value,
                "area" => query.area = value,
                "care" => query.care = value,
                "registered" => query.registered = value,
                _ => {}
            }
        }
        query
    }

    pub fn query_string(&self, page: PageNumber) -> String {
        url::form_urlencoded::Serializer::new(String::new())
            .append_pair("who", &self.who)
            .append_pair("goal", &self.goal)
            .append_pair("skill", &self.skill)
            .append_pair("skill_text", &self.skill_text)
            .append_pair("day", &self.day)
            .append_pair("gap", &self.gap)
            .append_pair("contact", &self.contact)
            .append_pair("income_cap", &self.income_cap)
            .append_pair("area", &self.area)
            .append_pair("care", &self.care)
            .append_pair("registered", &self.registered)
            .append_pair("page", &page.get().to_string())
            .finish()
    }
}

/// Skills whose Japanese or English name holds `text` (already in search form).
fn skills_named(state: &AppState, text: &str) -> Vec<String> {
    state
        .taxonomy
        .skills()
        .iter()
        .filter(|s| {
            search_key(&s.label_ja).contains(text) || search_key(&s.label_en).contains(text)
        })
        .map(|s| s.id.as_str().to_owned())
        .collect()
}

fn gap_months(code: &str) -> (Option<u32>, Option<u32>) {
    match code {
        "under1" => (None, Some(11)),
        "1to5" => (Some(12), Some(71)),
        "over5" => (Some(72), None),
        _ => (None, None),
    }
}

fn days_ago(days: &str) -> Option<chrono::DateTime<Utc>> {
    days.parse::<i64>()
        .ok()
        .filter(|d| (1..=3650).contains(d))
        .map(|days| Utc::now() - Duration::days(days))
}

/// The walls a person can choose, "no wall" and a self-named amount included.
fn income_caps() -> impl Iterator<Item = IncomeCap> {
    std::iter::once(IncomeCap::None)
        .chain(WALLS)
        .chain([IncomeCap::Custom(1)])
}

fn income_cap(code: &str) -> Option<IncomeCap> {
    income_caps().find(|cap| cap.code() == code)
}

/// The filter form as the query set it: text searches first, then the choices.
pub fn fields(
    page: &Page,
    query: &ListQuery,
    areas: &TravelTable,
    errors: &FieldErrors,
) -> Vec<FieldView> {
    let none = FieldErrors::default();
    let select = |name: &'static str, value: &str, options: Vec<(String, String)>| {
        FieldView::new(page, name, "select", value, &none)
            .optional()
            .options(with_any(page, options))
    };
    let mut fields = vec![
        FieldView::new(page, "who", "search", &query.who, errors)
            .optional()
            .hint(page, "field-who-hint"),
        select(
            "goal",
            &query.goal,
            labelled(page, &GoalTrack::ALL, GoalTrack::code),
        ),
        select(
            "day",
            &query.day,
            labelled(page, &Weekday::ALL, Weekday::code),
        ),
        select("gap", &query.gap, gap_choices(page)),
        select("contact", &query.contact, contact_choices(page)),
        select("registered", &query.registered, registered_choices(page)),
        select("income_cap", &query.income_cap, income_cap_choices(page)),
        select(
            "care",
            &query.care,
            labelled(page, CareNeed::ALL, CareNeed::code),
        ),
    ];
    if !areas.areas.is_empty() {
        fields.push(select(
            "area",
            &query.area,
            crate::area_choices::named(page.lang, areas),
        ));
    }
    fields
}

/// The filters as chosen, in words, for the audit entry of the search.
pub fn in_words(state: &AppState, page: &Page, query: &ListQuery, areas: &TravelTable) -> String {
    let none = FieldErrors::default();
    let mut chosen = fields(page, query, areas, &none);
    if let Some(skill) = state.taxonomy.get(&query.skill) {
        let label = crate::skill_choices::label(state, page.lang, skill.id.as_str());
        chosen.push(
            FieldView::new(page, "skill", "select", &query.skill, &none)
                .options(vec![(query.skill.clone(), label)]),
        );
    }
    chosen.push(FieldView::new(
        page,
        "skill_text",
        "search",
        &query.skill_text,
        &none,
    ));
    crate::form::chosen_in_words(&chosen)
}

/// The skill filter: a grouped choice, and a box to type part of a skill's name.
pub struct SkillFilter {
    pub selected: String,
    pub groups: Vec<SkillGroup>,
    pub text: FieldView,
}

pub fn skill_filter(
    state: &AppState,
    page: &Page,
    query: &ListQuery,
    errors: &FieldErrors,
) -> SkillFilter {
    SkillFilter {
        selected: query.skill.clone(),
        groups: crate::skill_choices::groups(state, page),
        text: FieldView::new(page, "skill_text", "search", &query.skill_text, errors)
            .optional()
            .hint(page, "field-skill-text-hint"),
    }
}

fn gap_choices(page: &Page) -> Vec<(String, String)> {
    [
        ("under1", "filter-gap-under1"),
        ("1to5", "filter-gap-1to5"),
        ("over5", "filter-gap-over5"),
    ]
    .iter()
    .map(|(code, key)| ((*code).to_owned(), page.t(key)))
    .collect()
}

/// The "last contact" filter's choices: never contacted, or not for some days.
fn contact_choices(page: &Page) -> Vec<(String, String)> {
    std::iter::once(("never".to_owned(), page.t("filter-contact-never")))
        .chain(
            ["14", "30", "90"]
                .iter()
                .map(|d| (d.to_string(), page.t1("filter-contact-days", "days", d))),
        )
        .collect()
}

fn registered_choices(page: &Page) -> Vec<(String, String)> {
    REGISTERED_WITHIN
        .iter()
        .map(|d| (d.to_string(), page.t1("filter-registered-days", "days", d)))
        .collect()
}

fn income_cap_choices(page: &Page) -> Vec<(String, String)> {
    income_caps()
        .map(|cap| (cap.code().to_owned(), page.label(cap)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_codes_filter_nothing_and_day_counts_stay_in_range() {
        assert_eq!(gap_months("over5"), (Some(72), None));
        assert_eq!(gap_months("soon"), (None, None));
        assert!(days_ago("30").is_some());
        assert!(days_ago("0").is_none());
        assert!(days_ago("99999999999").is_none());
        assert_eq!(income_cap("custom"), Some(IncomeCap::Custom(1)));
        assert_eq!(
            income_cap("spouse_deduction"),
            Some(IncomeCap::SpouseDeduction)
        );
        assert_eq!(income_cap("nothing"), None);
    }
}
