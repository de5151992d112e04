//! Parsing the request form: every field checked, every error named by its field.

use chrono::NaiveDate;

use super::{
    ContractType, Flag, JobTerms, MeetingMode, PayUnit, ProjectTerms, RequestDraft, RequestKind,
    Schedule, ShiftRule, SkillNeed, WorkMode,
};
use crate::availability::WeeklyAvailability;
use crate::field_errors::{FieldErrors, text};
use crate::minimum_wage::{MinimumWageTable, Rate};
use crate::skill::{SkillLevel, Taxonomy};
use crate::travel::TravelTable;

/// Longest title of a request, in characters (each language).
pub const TITLE_MAX: usize = 100;
/// Longest description of a request, in characters (each language).
pub const DESCRIPTION_MAX: usize = 4000;

/// The request form as typed.
#[derive(Debug, Clone, Default)]
pub struct RequestInput {
    pub kind: String,
    pub title: String,
    pub description: String,
    /// English versions, optional.
    pub title_en: String,
    pub description_en: String,
    /// (skill id, level) pairs as typed.
    pub required_skills: Vec<(String, String)>,
    pub nice_skills: Vec<(String, String)>,
    pub flags: Vec<String>,
    pub work_mode: String,
    pub location_area: String,
    pub flexible: bool,
    pub windows: WeeklyAvailability,
    /// `all_required`, `choose_from`, or empty to take the rule the hours imply.
    pub shift_rule: String,
    /// The shortest shift a pool allows, in hours; empty for whole windows only.
    pub shortest_shift_hours: String,
    pub days_per_week: String,
    pub hours_min: String,
    pub hours_max: String,
    pub start_date: String,
    pub contract: String,
    pub pay_unit: String,
    pub pay_yen: String,
    pub headcount: String,
    pub commuting_allowance: String,
    pub deliverable: String,
    pub team_min: String,
    pub team_max: String,
    pub milestones: String,
    pub budget_yen: String,
    pub meeting_mode: String,
    pub meeting_hours: String,
}

/// What the request is checked against.
pub struct RequestRules<'a> {
    pub taxonomy: &'a Taxonomy,
    pub minimum_wage: &'a MinimumWageTable,
    pub prefecture: &'a str,
    pub today: NaiveDate,
    /// The town's areas: where it has them, the workplace is one of them.
    pub areas: &'a TravelTable,
}

fn number(raw: &str) -> Option<u32> {
    crate::number::digits(raw, &[',', '円']).parse().ok()
}

fn skills(
    errors: &mut FieldErrors,
    field: &'static str,
    raw: &[(String, String)],
    taxonomy: &Taxonomy,
) -> Vec<SkillNeed> {
    let mut needs: Vec<SkillNeed> = Vec::new();
    for (id, level) in raw.iter().filter(|(id, _)| !id.trim().is_empty()) {
        match (
            taxonomy.id(id.trim()),
            level.trim().parse().ok().and_then(SkillLevel::new),
        ) {
            (Some(skill), Some(level)) if needs.iter().all(|n| n.skill != skill) => {
                needs.push(SkillNeed { skill, level })
            }
            (Some(_), Some(_)) => {}
            _ => errors.add(field, "skill-unknown"),
        }
    }
    needs
}

impl RequestDraft {
    /// Parses every field and reports every wrong one, by form field.
    pub fn parse(input: &RequestInput, rules: &RequestRules<'_>) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let kind = RequestKind::from_code(input.kind.trim());
        if kind.is_none() {
            errors.add("kind", "choose-one");
        }
        let title = text(&mut errors, "title", &input.title, TITLE_MAX, true);
        let description = text(
            &mut errors,
            "description",
            &input.description,
            DESCRIPTION_MAX,
            true,
        );
        let title_en = text(&mut errors, "title_en", &input.title_en, TITLE_MAX, false);
        let description_en = text(
            &mut errors,
            "description_en",
            &input.description_en,
            DESCRIPTION_MAX,
            false,
        );
        let required_skills = skills(
            &mut errors,
            "required_skills",
            &input.required_skills,
            rules.taxonomy,
        );
        let nice_skills = skills(
            &mut errors,
            "nice_skills",
            &input.nice_skills,
            rules.taxonomy,
        );
        let mut flags = Vec::new();
        for raw in &input.flags {
            match Flag::from_code(raw.trim()) {
                Some(flag) if !flags.contains(&flag) => flags.push(flag),
                Some(_) => {}
                None => errors.add("flags", "choose-one"),
            }
        }
        let work_mode = WorkMode::from_code(input.work_mode.trim());
        if work_mode.is_none() {
            errors.add("work_mode", "choose-one");
        }
        let location_area = workplace(&mut errors, input, work_mode, rules.areas);
        let days_per_week = if input.days_per_week.trim().is_empty() {
            None
        } else {
            match number(&input.days_per_week) {
                Some(d) if (1..=7).contains(&d) => Some(d),
                _ => {
                    errors.add("days_per_week", "days-invalid");
                    None
                }
            }
        };
        let hours_min = number(&input.hours_min);
        let hours_max = number(&input.hours_max);
        match (hours_min, hours_max) {
            (None, _) => errors.add("hours_min", "hours-invalid"),
            (_, None) => errors.add("hours_max", "hours-invalid"),
            (Some(_), Some(max)) if max > 60 => errors.add("hours_max", "hours-over-60"),
            (Some(min), Some(max)) if min > max => errors.add("hours_min", "hours-min-over-max"),
            (Some(_), Some(0)) => errors.add("hours_max", "hours-invalid"),
            _ => {}
        }
        let schedule = schedule(&mut errors, input, hours_min);
        let start_date = if input.start_date.trim().is_empty() {
            None
        } else {
            match NaiveDate::parse_from_str(input.start_date.trim(), "%Y-%m-%d") {
                Ok(date) if date >= rules.today => Some(date),
                Ok(_) => {
                    errors.add("start_date", "date-in-past");
                    None
                }
                Err(_) => {
                    errors.add("start_date", "date-invalid");
                    None
                }
            }
        };
        let job = (kind == Some(RequestKind::Job))
            .then(|| job_terms(&mut errors, input, rules, hours_max))
            .flatten();
        let project = (kind == Some(RequestKind::TeamProject))
            .then(|| project_terms(&mut errors, input))
            .flatten();
        if kind == Some(RequestKind::TeamProject) && required_skills.is_empty() {
            errors.add("required_skills", "project-needs-skills");
        }
        match (kind, work_mode) {
            (Some(kind), Some(work_mode)) if errors.is_empty() => Ok(RequestDraft {
                kind,
                title,
                description,
                title_en,
                description_en,
                required_skills,
                nice_skills,
                flags,
                work_mode,
                location_area,
                schedule,
                days_per_week,
                min_minutes_per_week: hours_min.unwrap_or(0) * 60,
                max_minutes_per_week: hours_max.unwrap_or(0) * 60,
                start_date,
                job,
                project,
            }),
            _ => Err(errors),
        }
    }
}

/// The working windows and how they are worked, checked against the least hours.
fn schedule(errors: &mut FieldErrors, input: &RequestInput, hours_min: Option<u32>) -> Schedule {
    if input.flexible {
        return Schedule::Flexible;
    }
    if input.windows.is_empty() {
        errors.add("windows", "windows-empty");
        return Schedule::Flexible;
    }
    let windows = input.windows;
    let min_minutes = hours_min.unwrap_or(0) * 60;
    if windows.minutes() < min_minutes {
        errors.add("windows", "windows-shorter-than-hours");
    }
    let shortest = if input.shortest_shift_hours.trim().is_empty() {
        None
    } else {
        match number(&input.shortest_shift_hours).filter(|h| (1..=12).contains(h)) {
            Some(hours) => Some(hours * 60),
            None => {
                errors.add("shortest_shift_hours", "shift-hours-invalid");
                None
            }
        }
    };
    let rule = match input.shift_rule.trim() {
        "" => match ShiftRule::implied(&windows, min_minutes) {
            ShiftRule::ChooseFrom { .. } => ShiftRule::ChooseFrom {
                shortest_minutes: shortest,
            },
            all => all,
        },
        code => ShiftRule::from_code(code, shortest).unwrap_or_else(|| {
            errors.add("shift_rule", "choose-one");
            ShiftRule::AllRequired
        }),
    };
    if rule == ShiftRule::AllRequired && shortest.is_some() {
        errors.add("shortest_shift_hours", "shift-hours-need-pool");
    }
    Schedule::Fixed(windows, rule)
}

/// The workplace's area: one of the town's (stored by its Japanese name, which the engine's
/// travel minutes read) where the town has a travel table, else the words as typed. Needed
/// unless the work is remote.
fn workplace(
    errors: &mut FieldErrors,
    input: &RequestInput,
    work_mode: Option<WorkMode>,
    areas: &TravelTable,
) -> String {
    let needed = work_mode.is_some_and(|m| m != WorkMode::Remote);
    let typed = text(errors, "location_area", &input.location_area, 100, needed);
    if typed.is_empty() || areas.areas.is_empty() {
        return typed;
    }
    match areas.find(&typed) {
        Some(index) => areas.areas[index].name_ja.clone(),
        None => {
            errors.add("location_area", "choose-one");
            typed
        }
    }
}

fn job_terms(
    errors: &mut FieldErrors,
    input: &RequestInput,
    rules: &RequestRules<'_>,
    hours_max: Option<u32>,
) -> Option<JobTerms> {
    let contract = ContractType::from_code(input.contract.trim());
    if contract.is_none() {
        errors.add("contract", "choose-one");
    }
    let pay_unit = PayUnit::from_code(input.pay_unit.trim());
    if pay_unit.is_none() {
        errors.add("pay_unit", "choose-one");
    }
    let pay_yen = number(&input.pay_yen).filter(|p| *p > 0);
    if pay_yen.is_none() {
        errors.add("pay_yen", "wage-invalid");
    }
    let headcount = number(&input.headcount).filter(|h| *h > 0 && *h <= 100);
    if headcount.is_none() {
        errors.add("headcount", "headcount-invalid");
    }
    let commuting_allowance_yen = if input.commuting_allowance.trim().is_empty() {
        Some(0)
    } else {
        number(&input.commuting_allowance).filter(|y| *y <= 150_000)
    };
    if commuting_allowance_yen.is_none() {
        errors.add("commuting_allowance", "commuting-allowance-invalid");
    }
    // Checked with the other errors, so the first submit tells everything to correct.
    if let (Some(contract), Some(pay_unit), Some(pay_yen)) = (contract, pay_unit, pay_yen)
        && rules.pays_below_minimum(input, (contract, pay_unit, pay_yen), hours_max)
    {
        errors.add("pay_yen", "pay-below-minimum-wage");
        return None;
    }
    let (contract, pay_unit, pay_yen, headcount) = (contract?, pay_unit?, pay_yen?, headcount?);
    let commuting_allowance_yen = commuting_allowance_yen?;
    Some(JobTerms {
        contract,
        pay_unit,
        pay_yen,
        headcount,
        commuting_allowance_yen,
    })
}

impl<'a> RequestRules<'a> {
    /// Minimum wage is checked on the start date when given, else today.
    /// The minimum wage a job's pay is checked against: the rate in force on its start date,
    /// or today for a job that starts at once.
    pub fn minimum_wage_for(&self, input: &RequestInput) -> Option<Rate<'a>> {
        self.minimum_wage
            .rate_on(self.prefecture, self.start_or_today(input))
    }

    /// Whether the pay, as an hourly rate, is under the minimum wage. Service contracts
    /// (業務委託) and pay per project are not covered and never are; a month is 52/12 weeks
    /// of the most hours offered.
    fn pays_below_minimum(
        &self,
        input: &RequestInput,
        (contract, pay_unit, pay_yen): (ContractType, PayUnit, u32),
        hours_max: Option<u32>,
    ) -> bool {
        let Some(minimum) = self.minimum_wage_for(input) else {
            return false;
        };
        if contract == ContractType::Outsourcing {
            return false;
        }
        let hourly = match pay_unit {
            PayUnit::Hourly => Some(pay_yen),
            PayUnit::Monthly => hours_max
                .filter(|h| *h > 0)
                .map(|h| (u64::from(pay_yen) * 12 / (52 * u64::from(h))) as u32),
            PayUnit::PerProject => None,
        };
        hourly.is_some_and(|h| h < minimum.yen_per_hour)
    }

    fn start_or_today(&self, input: &RequestInput) -> NaiveDate {
        NaiveDate::parse_from_str(input.start_date.trim(), "%Y-%m-%d")
            .ok()
            .filter(|d| *d >= self.today)
            .unwrap_or(self.today)
    }
}

fn project_terms(errors: &mut FieldErrors, input: &RequestInput) -> Option<ProjectTerms> {
    let deliverable = text(errors, "deliverable", &input.deliverable, 500, true);
    let milestones = text(errors, "milestones", &input.milestones, 2000, false);
    let team_min = number(&input.team_min).filter(|n| (1..=20).contains(n));
    let team_max = number(&input.team_max).filter(|n| (1..=20).contains(n));
    match (team_min, team_max) {
        (None, _) => errors.add("team_min", "team-size-invalid"),
        (_, None) => errors.add("team_max", "team-size-invalid"),
        (Some(min), Some(max)) if min > max => errors.add("team_min", "team-min-over-max"),
        _ => {}
    }
    let budget_yen = if input.budget_yen.trim().is_empty() {
        Some(0)
    } else {
        number(&input.budget_yen)
    };
    if budget_yen.is_none() {
        errors.add("budget_yen", "wage-invalid");
    }
    let meeting_mode = MeetingMode::from_code(input.meeting_mode.trim());
    if meeting_mode.is_none() {
        errors.add("meeting_mode", "choose-one");
    }
    let meeting_hours = if input.meeting_hours.trim().is_empty() {
        Some(0)
    } else {
        number(&input.meeting_hours).filter(|h| *h <= 20)
    };
    if meeting_hours.is_none() {
        errors.add("meeting_hours", "meeting-hours-invalid");
    }
    Some(ProjectTerms {
        deliverable,
        team_min: team_min?,
        team_max: team_max?,
        milestones,
        budget_yen: budget_yen?,
        meeting_mode: meeting_mode?,
        meeting_minutes_per_week: meeting_hours? * 60,
    })
    .filter(|p| p.team_min <= p.team_max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::availability::Weekday;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    fn job() -> RequestInput {
        RequestInput {
            kind: "job".into(),
            title: "旅館の客室係（平日の午前）".into(),
            description: "チェックアウト後の客室の準備をお願いします。".into(),
            required_skills: vec![("housekeeping".into(), "1".into())],
            flags: vec!["within_income_cap".into(), "career_gap_welcome".into()],
            work_mode: "on_site".into(),
            location_area: "下土狩".into(),
            windows: (0..5).fold(WeeklyAvailability::empty(), |w, d| {
                w.with_window(Weekday::new(d).unwrap(), 18, 26)
            }),
            days_per_week: "3".into(),
            hours_min: "8".into(),
            hours_max: "12".into(),
            contract: "part_time".into(),
            pay_unit: "hourly".into(),
            pay_yen: "1,150".into(),
            headcount: "2".into(),
            ..RequestInput::default()
        }
    }

    fn areas() -> TravelTable {
        TravelTable::parse("area,shimotogari,下土狩,Shimotogari\narea,honjuku,本宿,Honjuku")
            .unwrap()
    }

    fn parse(input: &RequestInput) -> Result<RequestDraft, FieldErrors> {
        let taxonomy = Taxonomy::shipped().unwrap();
        let minimum_wage = MinimumWageTable::shipped().unwrap();
        let areas = areas();
        RequestDraft::parse(input, &rules((&taxonomy, &minimum_wage), &areas))
    }

    fn rules<'a>(
        (taxonomy, minimum_wage): (&'a Taxonomy, &'a MinimumWageTable),
        areas: &'a TravelTable,
    ) -> RequestRules<'a> {
        RequestRules {
            taxonomy,
            minimum_wage,
            prefecture: "shizuoka",
            today: today(),
            areas,
        }
    }

    #[test]
    fn words_are_not_terms_but_pay_hours_and_skills_are() {
        let draft = parse(&job()).unwrap();
        let mut input = job();
        input.description = "客室の準備をお願いいたします。".into();
        input.title_en = "Housekeeping".into();
        input.flags.reverse();
        assert!(!draft.terms_differ(&parse(&input).unwrap()));
        for change in [
            |i: &mut RequestInput| i.pay_yen = "1300".into(),
            |i: &mut RequestInput| i.hours_max = "10".into(),
            |i: &mut RequestInput| i.required_skills[0].1 = "2".into(),
            |i: &mut RequestInput| i.location_area = "本宿".into(),
        ] {
            let mut changed = job();
            change(&mut changed);
            assert!(draft.terms_differ(&parse(&changed).unwrap()));
        }
    }

    #[test]
    fn the_workplace_is_one_of_the_towns_areas_where_it_has_them() {
        let mut input = job();
        input.location_area = "honjuku".into();
        assert_eq!(parse(&input).unwrap().location_area, "本宿");
        input.location_area = "アトランティス".into();
        assert_eq!(
            parse(&input).unwrap_err().code_for("location_area"),
            Some("choose-one")
        );
        let taxonomy = Taxonomy::shipped().unwrap();
        let minimum_wage = MinimumWageTable::shipped().unwrap();
        let none = TravelTable::default();
        let draft = RequestDraft::parse(&input, &rules((&taxonomy, &minimum_wage), &none));
        assert_eq!(
            draft.unwrap().location_area,
            "アトランティス",
            "free text without areas"
        );
        input.work_mode = "remote".into();
        input.location_area = String::new();
        assert!(parse(&input).is_ok());
    }

    #[test]
    fn the_minimum_wage_is_checked_with_the_other_errors_and_says_which_rate() {
        let mut input = job();
        input.pay_yen = "1000".into();
        input.headcount = "0".into();
        input.commuting_allowance = "abc".into();
        let errors = parse(&input).unwrap_err();
        assert_eq!(errors.code_for("pay_yen"), Some("pay-below-minimum-wage"));
        assert_eq!(errors.code_for("headcount"), Some("headcount-invalid"));
        assert_eq!(
            errors.code_for("commuting_allowance"),
            Some("commuting-allowance-invalid")
        );
        let taxonomy = Taxonomy::shipped().unwrap();
        let minimum_wage = MinimumWageTable::shipped().unwrap();
        let areas = areas();
        let rate = rules((&taxonomy, &minimum_wage), &areas)
            .minimum_wage_for(&input)
            .unwrap();
        assert_eq!(rate.yen_per_hour, 1097);
        assert_eq!(rate.label_ja, "静岡県");
    }

    #[test]
    fn a_realistic_job_parses() {
        let draft = parse(&job()).unwrap();
        assert_eq!(draft.job.as_ref().unwrap().pay_yen, 1150);
        assert!(draft.has(Flag::WithinIncomeCap));
        assert_eq!(draft.latest_end(), Some(26), "finishes by 13:00");
        assert_eq!(draft.max_minutes_per_week, 720);
        assert_eq!(
            draft.schedule,
            Schedule::Fixed(
                job().windows,
                ShiftRule::ChooseFrom {
                    shortest_minutes: None
                }
            ),
            "20 hours of mornings for 8 to 12 hours a week: a pool of shifts"
        );
    }

    #[test]
    fn the_shift_rule_is_chosen_or_implied_by_the_hours() {
        let mut input = job();
        input.hours_min = "20".into();
        input.hours_max = "20".into();
        let all = parse(&input).unwrap();
        assert!(matches!(
            all.schedule,
            Schedule::Fixed(_, ShiftRule::AllRequired)
        ));
        input.shift_rule = "choose_from".into();
        input.shortest_shift_hours = "３".into();
        assert!(matches!(
            parse(&input).unwrap().schedule,
            Schedule::Fixed(
                _,
                ShiftRule::ChooseFrom {
                    shortest_minutes: Some(180)
                }
            )
        ));
        input.shift_rule = "all_required".into();
        assert_eq!(
            parse(&input).unwrap_err().code_for("shortest_shift_hours"),
            Some("shift-hours-need-pool")
        );
        input.shift_rule = "sometimes".into();
        input.shortest_shift_hours = "30".into();
        let errors = parse(&input).unwrap_err();
        assert_eq!(errors.code_for("shift_rule"), Some("choose-one"));
        assert_eq!(
            errors.code_for("shortest_shift_hours"),
            Some("shift-hours-invalid")
        );
    }

    #[test]
    fn a_commuting_allowance_is_a_sensible_amount() {
        let mut input = job();
        input.commuting_allowance = "8,000".into();
        assert_eq!(
            parse(&input).unwrap().job.unwrap().commuting_allowance_yen,
            8_000
        );
        input.commuting_allowance = "たくさん".into();
        assert_eq!(
            parse(&input).unwrap_err().code_for("commuting_allowance"),
            Some("commuting-allowance-invalid")
        );
    }

    #[test]
    fn pay_below_the_minimum_wage_is_refused_but_contract_work_is_not_checked() {
        let mut input = job();
        input.pay_yen = "1000".into();
        assert_eq!(
            parse(&input).unwrap_err().code_for("pay_yen"),
            Some("pay-below-minimum-wage")
        );
        input.pay_unit = "monthly".into();
        input.pay_yen = "40000".into(); // 40,000 × 12 / 52 / 12 h = 769円/h
        assert_eq!(
            parse(&input).unwrap_err().code_for("pay_yen"),
            Some("pay-below-minimum-wage")
        );
        input.pay_yen = "60000".into(); // 1,153円/h
        assert!(parse(&input).is_ok());
        input.contract = "outsourcing".into();
        input.pay_unit = "per_project".into();
        input.pay_yen = "30000".into();
        assert!(parse(&input).is_ok());
    }

    #[test]
    fn impossible_requests_are_refused_on_their_fields() {
        let mut input = job();
        input.hours_min = "20".into();
        input.hours_max = "10".into();
        input.headcount = "0".into();
        input.start_date = "2020-04-01".into();
        input.required_skills.push(("no-such".into(), "2".into()));
        let errors = parse(&input).unwrap_err();
        assert_eq!(errors.code_for("hours_min"), Some("hours-min-over-max"));
        assert_eq!(errors.code_for("headcount"), Some("headcount-invalid"));
        assert_eq!(errors.code_for("start_date"), Some("date-in-past"));
        assert_eq!(errors.code_for("required_skills"), Some("skill-unknown"));

        let mut project = job();
        project.kind = "team_project".into();
        project.flexible = true;
        project.team_min = "5".into();
        project.team_max = "3".into();
        project.deliverable = "創業15周年のノベルティ".into();
        project.meeting_mode = "online".into();
        let errors = parse(&project).unwrap_err();
        assert_eq!(errors.code_for("team_min"), Some("team-min-over-max"));
        project.team_min = "3".into();
        project.team_max = "5".into();
        project.meeting_hours = "2".into();
        let draft = parse(&project).unwrap();
        assert_eq!(draft.project.unwrap().meeting_minutes_per_week, 120);
    }
}
