//! A participant's profile: what the program knows about a person who wants to work, and what
//! the matching engine reads. Only what is needed: care load is kept as time constraints, and
//! children only as age bands; there is no field for health or diagnoses.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::account::parse_display_name;
use crate::availability::WeeklyAvailability;
use crate::field_errors::FieldErrors;
use crate::furigana::Furigana;
use crate::income_cap::IncomeCap;
use crate::skill::{SkillId, SkillLevel, Taxonomy};
use crate::travel::TravelTable;

/// 目指す働き方.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GoalTrack {
    /// 自分のペースで働く
    OwnPace,
    /// 完全復職
    FullReturn,
    /// 起業
    StartBusiness,
}

impl GoalTrack {
    pub const ALL: [GoalTrack; 3] = [
        GoalTrack::OwnPace,
        GoalTrack::FullReturn,
        GoalTrack::StartBusiness,
    ];

    pub fn code(self) -> &'static str {
        match self {
            GoalTrack::OwnPace => "own_pace",
            GoalTrack::FullReturn => "full_return",
            GoalTrack::StartBusiness => "start_business",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|g| g.code() == code)
    }
}

/// Where a person can work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum WorkPlace {
    Remote,
    OnSite,
    Either,
}

impl WorkPlace {
    pub const ALL: [WorkPlace; 3] = [WorkPlace::Remote, WorkPlace::OnSite, WorkPlace::Either];

    pub fn code(self) -> &'static str {
        match self {
            WorkPlace::Remote => "remote",
            WorkPlace::OnSite => "on_site",
            WorkPlace::Either => "either",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|w| w.code() == code)
    }
}

/// 年齢区分: children are stored only as counts per age band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AgeBand {
    /// 0歳
    Age0,
    /// 1–2歳
    Age1To2,
    /// 3–5歳
    Age3To5,
    /// 小学生
    SchoolAge,
}

impl AgeBand {
    pub const ALL: [AgeBand; 4] = [
        AgeBand::Age0,
        AgeBand::Age1To2,
        AgeBand::Age3To5,
        AgeBand::SchoolAge,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AgeBand::Age0 => "age0",
            AgeBand::Age1To2 => "age1_2",
            AgeBand::Age3To5 => "age3_5",
            AgeBand::SchoolAge => "school",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.code() == code)
    }
}

/// How many children in each age band need care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Children(pub [u8; 4]);

impl Children {
    pub fn count(&self, band: AgeBand) -> u8 {
        self.0[band as usize]
    }

    pub fn total(&self) -> u32 {
        self.0.iter().map(|c| u32::from(*c)).sum()
    }
}

/// A self-declared skill.
#[derive(Debug, Clone, PartialEq)]
pub struct DeclaredSkill {
    pub skill: SkillId,
    pub level: SkillLevel,
    pub evidence: String,
}

/// The most hours a week anyone may ask for; more is a typing mistake.
pub const MAX_HOURS_PER_WEEK: u32 = 60;
/// Longest work history, in characters.
pub const WORK_HISTORY_MAX: usize = 2000;

/// A parsed profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub display_name: String,
    pub furigana: Furigana,
    pub phone: String,
    pub postal_code: String,
    pub goal_track: GoalTrack,
    pub work_history: String,
    pub career_gap_months: u32,
    pub availability: WeeklyAvailability,
    pub max_minutes_per_week: u32,
    pub earliest_start: Option<NaiveDate>,
    pub income_cap: IncomeCap,
    pub expected_hourly_wage: Option<u32>,
    pub work_place: WorkPlace,
    pub commute_minutes: u32,
    /// The code of the town area the person lives in (see [`crate::travel`]), if chosen.
    pub home_area: Option<String>,
    pub drives: bool,
    pub children: Children,
    /// Adults the person cares for: a time constraint only, never a health detail.
    pub cares_for: Vec<CareFor>,
    pub skills: Vec<DeclaredSkill>,
}

/// The profile form as typed; every field is text.
#[derive(Debug, Clone, Default)]
pub struct ProfileInput {
    pub display_name: String,
    pub furigana: String,
    pub phone: String,
    pub postal_code: String,
    pub goal_track: String,
    pub work_history: String,
    pub career_gap_years: String,
    pub career_gap_months: String,
    pub availability: WeeklyAvailability,
    pub max_hours_per_week: String,
    pub earliest_start: String,
    pub income_cap: String,
    pub income_cap_yen: String,
    pub expected_hourly_wage: String,
    pub work_place: String,
    pub commute_minutes: String,
    pub home_area: String,
    pub drives: bool,
    pub children: [String; 4],
    /// [`CareFor`] codes as ticked.
    pub cares_for: Vec<String>,
    /// (skill id, level, evidence) as typed.
    pub skills: Vec<(String, String, String)>,
}

fn number(raw: &str) -> Option<u32> {
    crate::number::digits(raw, &[',']).parse().ok()
}

/// A Japanese postal code, `NNN-NNNN` (full-width digits and no hyphen are accepted).
pub fn parse_postal_code(raw: &str) -> Option<String> {
    let digits: String = raw
        .trim()
        .chars()
        .map(crate::number::fullwidth_digit)
        .filter(|c| c.is_ascii_digit())
        .collect();
    let only_digits_and_hyphen = raw
        .trim()
        .chars()
        .map(crate::number::fullwidth_digit)
        .all(|c| c.is_ascii_digit() || c == '-' || c == 'ー' || c == '－');
    (digits.len() == 7 && only_digits_and_hyphen)
        .then(|| format!("{}-{}", &digits[..3], &digits[3..]))
}

impl Profile {
    /// Parses every field and reports every wrong one, named by its form field.
    pub fn parse(
        input: &ProfileInput,
        taxonomy: &Taxonomy,
        areas: &TravelTable,
        today: NaiveDate,
    ) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let display_name = parse_display_name(&mut errors, &input.display_name);
        let furigana = Furigana::parse(&input.furigana)
            .map_err(|e| errors.add("furigana", e.code()))
            .ok();
        let phone = input.phone.trim();
        let phone_ok = phone.len() <= 20
            && phone
                .chars()
                .all(|c| c.is_ascii_digit() || c == '-' || c == '+' || c == ' ');
        if !phone.is_empty() && !phone_ok {
            errors.add("phone", "phone-invalid");
        }
        let postal_code = if input.postal_code.trim().is_empty() {
            errors.add("postal_code", "required");
            String::new()
        } else {
            parse_postal_code(&input.postal_code).unwrap_or_else(|| {
                errors.add("postal_code", "postal-code-invalid");
                String::new()
            })
        };
        let goal_track = GoalTrack::from_code(input.goal_track.trim());
        if goal_track.is_none() {
            errors.add("goal_track", "choose-one");
        }
        let work_history = input.work_history.trim().to_owned();
        if work_history.chars().count() > WORK_HISTORY_MAX {
            errors.add("work_history", "too-long");
        }
        let gap_years = if input.career_gap_years.trim().is_empty() {
            Some(0)
        } else {
            number(&input.career_gap_years)
        };
        let gap_months = if input.career_gap_months.trim().is_empty() {
            Some(0)
        } else {
            number(&input.career_gap_months)
        };
        let career_gap_months = match (gap_years, gap_months) {
            (Some(y), Some(m)) if y <= 50 && m <= 11 => y * 12 + m,
            _ => {
                errors.add("career_gap_years", "career-gap-invalid");
                0
            }
        };
        let max_hours = number(&input.max_hours_per_week);
        match max_hours {
            None => errors.add("max_hours_per_week", "hours-invalid"),
            Some(h) if h > MAX_HOURS_PER_WEEK => errors.add("max_hours_per_week", "hours-over-60"),
            Some(h) if h > 0 && input.availability.is_empty() => {
                errors.add("availability", "availability-empty")
            }
            Some(h) if h * 60 > input.availability.minutes() => {
                errors.add("max_hours_per_week", "hours-over-availability")
            }
            _ => {}
        }
        let earliest_start = if input.earliest_start.trim().is_empty() {
            None
        } else {
            match NaiveDate::parse_from_str(input.earliest_start.trim(), "%Y-%m-%d") {
                Ok(date) if date >= today - chrono::Duration::days(1) => Some(date),
                Ok(_) => {
                    errors.add("earliest_start", "date-in-past");
                    None
                }
                Err(_) => {
                    errors.add("earliest_start", "date-invalid");
                    None
                }
            }
        };
        let expected_hourly_wage = number(&input.expected_hourly_wage);
        if !input.expected_hourly_wage.trim().is_empty()
            && expected_hourly_wage.is_none_or(|w| w == 0 || w > 100_000)
        {
            errors.add("expected_hourly_wage", "wage-invalid");
        }
        let income_cap =
            IncomeCap::from_code(input.income_cap.trim(), number(&input.income_cap_yen));
        match income_cap {
            None if input.income_cap.trim() == "custom" => {
                errors.add("income_cap_yen", "income-cap-amount")
            }
            None => errors.add("income_cap", "choose-one"),
            Some(cap) if cap != IncomeCap::None && expected_hourly_wage.is_none() => {
                errors.add("expected_hourly_wage", "income-cap-needs-wage")
            }
            _ => {}
        }
        let work_place = WorkPlace::from_code(input.work_place.trim());
        if work_place.is_none() {
            errors.add("work_place", "choose-one");
        }
        let commute_minutes = if input.commute_minutes.trim().is_empty() {
            Some(0)
        } else {
            number(&input.commute_minutes)
        };
        if commute_minutes.is_none_or(|m| m > 240) {
            errors.add("commute_minutes", "commute-invalid");
        }
        let home_area = Some(input.home_area.trim()).filter(|a| !a.is_empty());
        if home_area.is_some_and(|a| areas.index(a).is_none()) {
            errors.add("home_area", "choose-one");
        }
        let mut children = [0u8; 4];
        for (i, raw) in input.children.iter().enumerate() {
            match if raw.trim().is_empty() {
                Some(0)
            } else {
                number(raw)
            } {
                Some(n) if n <= 9 => children[i] = n as u8,
                _ => errors.add(
                    [
                        "children_age0",
                        "children_age1_2",
                        "children_age3_5",
                        "children_school",
                    ][i],
                    "children-invalid",
                ),
            }
        }
        let mut cares_for = Vec::new();
        for raw in &input.cares_for {
            match CareFor::from_code(raw.trim()) {
                Some(who) if !cares_for.contains(&who) => cares_for.push(who),
                Some(_) => {}
                None => errors.add("cares_for", "choose-one"),
            }
        }
        cares_for.sort_by_key(|w| CareFor::ALL.iter().position(|a| a == w));
        let mut skills = Vec::new();
        for (id, level, evidence) in &input.skills {
            let (Some(skill), Some(level)) = (
                taxonomy.id(id),
                level.trim().parse().ok().and_then(SkillLevel::new),
            ) else {
                errors.add("skills", "skill-unknown");
                continue;
            };
            if evidence.chars().count() > 200 {
                errors.add("skills", "too-long");
                continue;
            }
            if skills.iter().all(|s: &DeclaredSkill| s.skill != skill) {
                skills.push(DeclaredSkill {
                    skill,
                    level,
                    evidence: evidence.trim().to_owned(),
                });
            }
        }
        match (display_name, furigana, goal_track, income_cap, work_place) {
            (
                Some(display_name),
                Some(furigana),
                Some(goal_track),
                Some(income_cap),
                Some(work_place),
            ) if errors.is_empty() => Ok(Profile {
                display_name,
                furigana,
                phone: phone.to_owned(),
                postal_code,
                goal_track,
                work_history,
                career_gap_months,
                availability: input.availability,
                max_minutes_per_week: max_hours.unwrap_or(0) * 60,
                earliest_start,
                income_cap,
                expected_hourly_wage,
                work_place,
                commute_minutes: commute_minutes.unwrap_or(0),
                home_area: home_area.map(str::to_owned),
                drives: input.drives,
                children: Children(children),
                cares_for,
                skills,
            }),
            _ => Err(errors),
        }
    }
}

crate::labels!(GoalTrack {
    GoalTrack::OwnPace => "goal-own-pace",
    GoalTrack::FullReturn => "goal-full-return",
    GoalTrack::StartBusiness => "goal-start-business",
});
crate::stored_code!(GoalTrack, "goal track");
crate::labels!(WorkPlace {
    WorkPlace::Remote => "work-place-remote",
    WorkPlace::OnSite => "work-place-on-site",
    WorkPlace::Either => "work-place-either",
});
crate::labels!(AgeBand {
    AgeBand::Age0 => "age-band-age0",
    AgeBand::Age1To2 => "age-band-age1-2",
    AgeBand::Age3To5 => "age-band-age3-5",
    AgeBand::SchoolAge => "age-band-school",
});

crate::coded!(
    /// An adult a person cares for (children are counted by age band).
    CareFor {
        /// 高齢の家族.
        Elder = "elder" => "care-for-elder",
        /// ほかの家族（障がいや病気のある家族など）.
        Family = "family" => "care-for-family",
    }
);

crate::coded!(
    /// What a person consents to.
    ConsentKind {
        /// The town's privacy policy, at sign-up.
        PrivacyPolicy = "privacy_policy" => "consent-kind-privacy-policy",
    }
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::availability::Weekday;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    fn areas() -> TravelTable {
        TravelTable::parse("area,shimotogari,下土狩,Shimotogari").unwrap()
    }

    #[test]
    fn the_home_area_must_be_one_of_the_towns() {
        let taxonomy = Taxonomy::shipped().unwrap();
        let mut input = valid();
        input.home_area = "shimotogari".into();
        let profile = Profile::parse(&input, &taxonomy, &areas(), today()).unwrap();
        assert_eq!(profile.home_area.as_deref(), Some("shimotogari"));
        input.home_area = "atlantis".into();
        let errors = Profile::parse(&input, &taxonomy, &areas(), today()).unwrap_err();
        assert_eq!(errors.code_for("home_area"), Some("choose-one"));
        input.home_area = String::new();
        let profile = Profile::parse(&input, &taxonomy, &areas(), today()).unwrap();
        assert_eq!(profile.home_area, None, "the area is optional");
    }

    fn valid() -> ProfileInput {
        let availability = (0..5).fold(WeeklyAvailability::empty(), |a, d| {
            a.with_window(Weekday::new(d).unwrap(), 18, 28)
        });
        ProfileInput {
            display_name: "長泉 花子".into(),
            furigana: "ながいずみ はなこ".into(),
            postal_code: "４１１－０９４３".into(),
            goal_track: "own_pace".into(),
            career_gap_years: "5".into(),
            career_gap_months: "6".into(),
            availability,
            max_hours_per_week: "20".into(),
            earliest_start: "2027-01-05".into(),
            income_cap: "spouse_deduction".into(),
            expected_hourly_wage: "1,100".into(),
            work_place: "either".into(),
            commute_minutes: "20".into(),
            children: ["0".into(), "1".into(), "".into(), "1".into()],
            skills: vec![("spreadsheet".into(), "2".into(), "町内会の名簿".into())],
            ..ProfileInput::default()
        }
    }

    #[test]
    fn a_realistic_profile_parses() {
        let profile =
            Profile::parse(&valid(), &Taxonomy::shipped().unwrap(), &areas(), today()).unwrap();
        assert_eq!(profile.postal_code, "411-0943");
        assert_eq!(profile.career_gap_months, 66);
        assert_eq!(profile.max_minutes_per_week, 1200);
        assert_eq!(profile.income_cap, IncomeCap::SpouseDeduction);
        assert_eq!(profile.children.count(AgeBand::Age1To2), 1);
        assert_eq!(profile.children.total(), 2);
        assert_eq!(profile.skills.len(), 1);
        assert!(profile.cares_for.is_empty());
    }

    #[test]
    fn the_adults_a_person_cares_for_are_ticked_once_each() {
        let taxonomy = Taxonomy::shipped().unwrap();
        let mut input = valid();
        input.cares_for = vec!["family".into(), "elder".into(), "elder".into()];
        let profile = Profile::parse(&input, &taxonomy, &areas(), today()).unwrap();
        assert_eq!(profile.cares_for, [CareFor::Elder, CareFor::Family]);
        input.cares_for.push("illness".into());
        let errors = Profile::parse(&input, &taxonomy, &areas(), today()).unwrap_err();
        assert_eq!(errors.code_for("cares_for"), Some("choose-one"));
    }

    #[test]
    fn impossible_or_unknown_input_is_refused_on_its_field() {
        let taxonomy = Taxonomy::shipped().unwrap();
        let mut input = valid();
        input.availability = WeeklyAvailability::empty();
        let errors = Profile::parse(&input, &taxonomy, &areas(), today()).unwrap_err();
        assert_eq!(errors.code_for("availability"), Some("availability-empty"));

        let mut input = valid();
        input.max_hours_per_week = "61".into();
        input.income_cap = "partner_insurance".into();
        input.expected_hourly_wage = String::new();
        input
            .skills
            .push(("no-such-skill".into(), "2".into(), String::new()));
        input.postal_code = "12345".into();
        input.earliest_start = "2020-01-01".into();
        let errors = Profile::parse(&input, &taxonomy, &areas(), today()).unwrap_err();
        assert_eq!(errors.code_for("max_hours_per_week"), Some("hours-over-60"));
        assert_eq!(
            errors.code_for("expected_hourly_wage"),
            Some("income-cap-needs-wage")
        );
        assert_eq!(errors.code_for("skills"), Some("skill-unknown"));
        assert_eq!(errors.code_for("postal_code"), Some("postal-code-invalid"));
        assert_eq!(errors.code_for("earliest_start"), Some("date-in-past"));

        let mut input = valid();
        input.income_cap = "custom".into();
        assert_eq!(
            Profile::parse(&input, &taxonomy, &areas(), today())
                .unwrap_err()
                .code_for("income_cap_yen"),
            Some("income-cap-amount")
        );

        let mut input = valid();
        input.max_hours_per_week = "40".into();
        assert_eq!(
            Profile::parse(&input, &taxonomy, &areas(), today())
                .unwrap_err()
                .code_for("max_hours_per_week"),
            Some("hours-over-availability")
        );
    }

    #[test]
    fn postal_codes_accept_the_ways_people_type_them() {
        assert_eq!(parse_postal_code("4110943").as_deref(), Some("411-0943"));
        assert_eq!(parse_postal_code("411-0943").as_deref(), Some("411-0943"));
        assert_eq!(parse_postal_code("411-094"), None);
        assert_eq!(parse_postal_code("abc-defg"), None);
    }
}
