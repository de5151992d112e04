//! The request form shared by organization members and coordinators (who may write on an
//! organization's behalf).

use axum::http::StatusCode;
use axum::response::Response;
use chrono::Utc;
use domain::FieldErrors;
use domain::availability::WeeklyAvailability;
use domain::local_time::to_jst;
use domain::request::{
    ContractType, MeetingMode, PayUnit, RequestDraft, RequestInput, RequestKind, RequestRules,
};
use domain::travel::TravelTable;
use serde::Deserialize;
use store::request::{RequestSkill, StoredRequest};

use crate::form::FieldView;
use crate::page::{Page, render};
use crate::skill_choices::{self, SkillGroup};
use crate::state::AppState;
use crate::weekly_grid::{self, GridView};

mod fields;
use fields::{
    flag_choices, job_fields, main_fields, minimum_wage_error, organization_field, place_fields,
    project_fields, time_fields, with_minimum_wage,
};

/// Skill rows offered on the form.
const SKILL_ROWS: usize = 4;

#[derive(Deserialize, Default, Debug, Clone)]
pub struct RequestForm {
    #[serde(default)]
    pub kind: String,
    /// The organization a coordinator writes for; organization members write for their own.
    #[serde(default)]
    pub organization: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    description_en: String,
    #[serde(default)]
    required_skill: Vec<String>,
    #[serde(default)]
    required_level: Vec<String>,
    #[serde(default)]
    nice_skill: Vec<String>,
    #[serde(default)]
    nice_level: Vec<String>,
    #[serde(default)]
    flag: Vec<String>,
    #[serde(default)]
    work_mode: String,
    #[serde(default)]
    location_area: String,
    #[serde(default)]
    flexible: String,
    #[serde(default)]
    slot: Vec<String>,
    /// A pressed grid button (`crate::weekly_grid::GridAction`), when not saving.
    #[serde(default)]
    grid: String,
    #[serde(default)]
    grid_preset: String,
    #[serde(default)]
    shift_rule: String,
    #[serde(default)]
    shortest_shift_hours: String,
    #[serde(default)]
    days_per_week: String,
    #[serde(default)]
    hours_min: String,
    #[serde(default)]
    hours_max: String,
    #[serde(default)]
    start_date: String,
    #[serde(default)]
    contract: String,
    #[serde(default)]
    pay_unit: String,
    #[serde(default)]
    pay_yen: String,
    #[serde(default)]
    headcount: String,
    #[serde(default)]
    commuting_allowance: String,
    #[serde(default)]
    deliverable: String,
    #[serde(default)]
    team_min: String,
    #[serde(default)]
    team_max: String,
    #[serde(default)]
    milestones: String,
    #[serde(default)]
    budget_yen: String,
    #[serde(default)]
    meeting_mode: String,
    #[serde(default)]
    meeting_hours: String,
}

fn pairs(ids: &[String], levels: &[String]) -> Vec<(String, String)> {
    ids.iter()
        .enumerate()
        .filter(|(_, id)| !id.trim().is_empty())
        .map(|(i, id)| (id.clone(), levels.get(i).cloned().unwrap_or_default()))
        .collect()
}

/// What a request is checked against in `prefecture` today.
fn rules<'a>(state: &'a AppState, prefecture: &'a str, areas: &'a TravelTable) -> RequestRules<'a> {
    RequestRules {
        taxonomy: &state.taxonomy,
        minimum_wage: &state.minimum_wage,
        prefecture,
        today: to_jst(Utc::now()).date_naive(),
        areas,
    }
}

impl RequestForm {
    /// An empty form for a new request of `kind`.
    pub fn new(kind: RequestKind) -> Self {
        Self {
            kind: kind.code().to_owned(),
            ..Self::default()
        }
    }

    fn windows(&self) -> WeeklyAvailability {
        weekly_grid::parse(&self.slot)
    }

    /// Applies a pressed grid button to the ticked times; whether one was pressed, in which
    /// case the form is shown again and nothing is saved.
    pub fn grid_pressed(&mut self) -> bool {
        weekly_grid::apply_action(&self.grid, &self.grid_preset, &mut self.slot)
    }

    pub fn parse(
        &self,
        state: &AppState,
        prefecture: &str,
        areas: &TravelTable,
    ) -> Result<RequestDraft, FieldErrors> {
        RequestDraft::parse(&self.input(), &rules(state, prefecture, areas))
    }

    /// The form as the domain reads it.
    pub(crate) fn input(&self) -> RequestInput {
        RequestInput {
            kind: self.kind.clone(),
            title: self.title.clone(),
            description: self.description.clone(),
            title_en: self.title_en.clone(),
            description_en: self.description_en.clone(),
            required_skills: pairs(&self.required_skill, &self.required_level),
            nice_skills: pairs(&self.nice_skill, &self.nice_level),
            flags: self.flag.clone(),
            work_mode: self.work_mode.clone(),
            location_area: self.location_area.clone(),
            flexible: self.flexible == "yes",
            windows: self.windows(),
            shift_rule: self.shift_rule.clone(),
            shortest_shift_hours: self.shortest_shift_hours.clone(),
            days_per_week: self.days_per_week.clone(),
            hours_min: self.hours_min.clone(),
            hours_max: self.hours_max.clone(),
            start_date: self.start_date.clone(),
            contract: self.contract.clone(),
            pay_unit: self.pay_unit.clone(),
            pay_yen: self.pay_yen.clone(),
            headcount: self.headcount.clone(),
            commuting_allowance: self.commuting_allowance.clone(),
            deliverable: self.deliverable.clone(),
            team_min: self.team_min.clone(),
            team_max: self.team_max.clone(),
            milestones: self.milestones.clone(),
            budget_yen: self.budget_yen.clone(),
            meeting_mode: self.meeting_mode.clone(),
            meeting_hours: self.meeting_hours.clone(),
        }
    }

    pub fn from_stored(request: &StoredRequest, skills: &[RequestSkill]) -> Self {
        let windows = request.windows();
        let slot = weekly_grid::values(&windows);
        let (required, nice): (Vec<&RequestSkill>, Vec<&RequestSkill>) =
            skills.iter().partition(|s| s.required);
        let text = |v: Option<i32>| v.map(|n| n.to_string()).unwrap_or_default();
        let yen = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
        Self {
            kind: request.kind.code().to_owned(),
            organization: request.organization_id.to_string(),
            title: request.title.clone(),
            description: request.description.clone(),
            title_en: request.title_en.clone(),
            description_en: request.description_en.clone(),
            required_skill: required.iter().map(|s| s.skill_id.clone()).collect(),
            required_level: required.iter().map(|s| s.level.to_string()).collect(),
            nice_skill: nice.iter().map(|s| s.skill_id.clone()).collect(),
            nice_level: nice.iter().map(|s| s.level.to_string()).collect(),
            flag: request
                .flags()
                .iter()
                .map(|f| f.code().to_owned())
                .collect(),
            work_mode: request.work_mode.code().to_owned(),
            location_area: request.location_area.clone(),
            flexible: if request.flexible {
                "yes".into()
            } else {
                String::new()
            },
            slot,
            grid: String::new(),
            grid_preset: String::new(),
            shift_rule: request.shift_rule.clone().unwrap_or_default(),
            shortest_shift_hours: text(request.shortest_shift_minutes.map(|m| m / 60)),
            days_per_week: text(request.days_per_week),
            hours_min: (request.min_minutes / 60).to_string(),
            hours_max: (request.max_minutes / 60).to_string(),
            start_date: request
                .start_date
                .map(|d| d.to_string())
                .unwrap_or_default(),
            contract: code_text(request.contract, ContractType::code),
            pay_unit: code_text(request.pay_unit, PayUnit::code),
            pay_yen: yen(request.pay_yen),
            headcount: text(request.headcount),
            commuting_allowance: match request.commuting_allowance_yen {
                0 => String::new(),
                yen => yen.to_string(),
            },
            deliverable: request.deliverable.clone(),
            team_min: text(request.team_min),
            team_max: text(request.team_max),
            milestones: request.milestones.clone(),
            budget_yen: yen(request.budget_yen),
            meeting_mode: code_text(request.meeting_mode, MeetingMode::code),
            meeting_hours: text(request.meeting_minutes.map(|m| m / 60)),
        }
    }
}

/// A stored code as the form's value: the code, or empty when none was stored.
fn code_text<T: Copy>(code: domain::label::OptionalCode<T>, name: fn(T) -> &'static str) -> String {
    code.get().map_or_else(String::new, |c| name(c).to_owned())
}

pub struct SkillRow {
    pub index: usize,
    pub selected: String,
    pub level: String,
}

#[derive(askama::Template)]
#[template(path = "requests/form.html")]
pub struct RequestFormPage {
    pub page: Page,
    pub title: String,
    pub action: String,
    pub alert: Option<crate::form::Alert>,
    /// After a grid button: the grid changed and nothing is saved yet.
    pub notice: Option<String>,
    pub is_job: bool,
    pub kind: String,
    pub main: Vec<FieldView>,
    pub place: Vec<FieldView>,
    pub time: Vec<FieldView>,
    pub job: Vec<FieldView>,
    pub project: Vec<FieldView>,
    pub flags: Vec<(String, String, bool)>,
    pub flexible: bool,
    pub grid: GridView,
    pub required_rows: Vec<SkillRow>,
    pub nice_rows: Vec<SkillRow>,
    pub skill_groups: Vec<SkillGroup>,
    pub levels: Vec<(String, String)>,
    pub windows_error: Option<String>,
    pub required_error: Option<String>,
    pub nice_error: Option<String>,
    pub submit: String,
    /// For a coordinator writing on an organization's behalf: the organization to choose.
    pub organization_field: Option<FieldView>,
    /// Editing its published request, an organization is told what goes back to review.
    pub review_lead: bool,
}

/// What the form shows beyond the request's fields.
#[derive(Default)]
pub struct FormExtras {
    /// For a coordinator writing on an organization's behalf: the organizations to choose.
    pub organizations: Option<Vec<(String, String)>>,
    /// An organization editing its published request: changed terms go back to review.
    pub review_lead: bool,
}

impl FormExtras {
    /// For a coordinator writing on behalf of one of `organizations`.
    pub fn choosing(organizations: Vec<(String, String)>) -> Self {
        Self {
            organizations: Some(organizations),
            ..Self::default()
        }
    }
}

fn skill_rows(ids: &[String], levels: &[String]) -> Vec<SkillRow> {
    let mut rows: Vec<SkillRow> = ids
        .iter()
        .enumerate()
        .filter(|(_, id)| !id.is_empty())
        .map(|(i, id)| SkillRow {
            index: i,
            selected: id.clone(),
            level: levels.get(i).cloned().unwrap_or_else(|| "2".into()),
        })
        .collect();
    let start = rows.len();
    rows.extend((start..SKILL_ROWS.max(start + 1)).map(|index| SkillRow {
        index,
        selected: String::new(),
        level: "2".into(),
    }));
    rows
}

pub fn render_form(
    state: &AppState,
    page: Page,
    action: String,
    typed: (&RequestForm, &TravelTable),
    errors: &FieldErrors,
    status: StatusCode,
) -> Response {
    render_form_for(
        state,
        page,
        action,
        typed,
        errors,
        status,
        FormExtras::default(),
    )
}

/// The form, with an organization chooser for a coordinator writing on an organization's
/// behalf (`extras`).
pub fn render_form_for(
    state: &AppState,
    page: Page,
    action: String,
    (form, areas): (&RequestForm, &TravelTable),
    errors: &FieldErrors,
    status: StatusCode,
    extras: FormExtras,
) -> Response {
    let e = errors;
    let kind = RequestKind::from_code(&form.kind).unwrap_or(RequestKind::Job);
    let message = |field: &str| crate::form::error_text(&page, errors, field);
    let organization_field = extras
        .organizations
        .map(|options| organization_field(&page, form, errors, options));
    let grid = weekly_grid::view(
        &page,
        "request-windows-caption",
        &action,
        &form.windows(),
        &form.grid_preset,
    );
    let view = RequestFormPage {
        grid,
        organization_field,
        review_lead: extras.review_lead,
        title: page.t(if kind == RequestKind::Job {
            "request-form-job"
        } else {
            "request-form-project"
        }),
        submit: page.t("request-save"),
        alert: crate::form::alert(&page, errors),
        notice: (!form.grid.is_empty()).then(|| page.t("grid-changed-not-saved")),
        windows_error: message("windows"),
        required_error: message("required_skills"),
        nice_error: message("nice_skills"),
        is_job: kind == RequestKind::Job,
        kind: kind.code().to_owned(),
        action,
        main: main_fields(&page, form, e),
        place: place_fields(&page, (form, areas), e),
        time: time_fields(&page, form, e),
        job: with_minimum_wage(job_fields(&page, form, e), || {
            minimum_wage_error(state, &page, (form, areas))
        }),
        project: project_fields(&page, form, e),
        flags: flag_choices(&page, form),
        flexible: form.flexible == "yes",
        required_rows: skill_rows(&form.required_skill, &form.required_level),
        nice_rows: skill_rows(&form.nice_skill, &form.nice_level),
        skill_groups: skill_choices::groups(state, &page),
        levels: skill_choices::levels(&page),
        page,
    };
    render(status, &view)
}

impl RequestForm {
    /// The fields that differ from `other`, by name, for the history of a published request.
    pub fn changed_fields(&self, other: &RequestForm) -> Vec<&'static str> {
        self.changed_words(other)
            .into_iter()
            .chain(self.changed_terms(other))
            .filter(|(_, changed)| *changed)
            .map(|(name, _)| name)
            .collect()
    }

    /// What the request says: (field, whether it changed).
    fn changed_words(&self, other: &RequestForm) -> [(&'static str, bool); 4] {
        [
            ("title", self.title != other.title),
            ("description", self.description != other.description),
            ("title_en", self.title_en != other.title_en),
            (
                "description_en",
                self.description_en != other.description_en,
            ),
        ]
    }

    /// When, how much and on what terms: (field, whether it changed).
    fn changed_terms(&self, other: &RequestForm) -> [(&'static str, bool); 22] {
        [
            (
                "required_skills",
                self.required_skill != other.required_skill
                    || self.required_level != other.required_level,
            ),
            (
                "nice_skills",
                self.nice_skill != other.nice_skill || self.nice_level != other.nice_level,
            ),
            ("flags", self.flag != other.flag),
            ("work_mode", self.work_mode != other.work_mode),
            ("location_area", self.location_area != other.location_area),
            (
                "schedule",
                self.flexible != other.flexible || self.windows() != other.windows(),
            ),
            (
                "shifts",
                self.shift_rule != other.shift_rule
                    || self.shortest_shift_hours != other.shortest_shift_hours,
            ),
            (
                "commuting_allowance",
                self.commuting_allowance != other.commuting_allowance,
            ),
            ("days_per_week", self.days_per_week != other.days_per_week),
            (
                "hours",
                self.hours_min != other.hours_min || self.hours_max != other.hours_max,
            ),
            ("start_date", self.start_date != other.start_date),
            ("contract", self.contract != other.contract),
            (
                "pay",
                self.pay_unit != other.pay_unit || self.pay_yen != other.pay_yen,
            ),
            ("headcount", self.headcount != other.headcount),
            ("deliverable", self.deliverable != other.deliverable),
            (
                "team_size",
                self.team_min != other.team_min || self.team_max != other.team_max,
            ),
            ("milestones", self.milestones != other.milestones),
            ("budget", self.budget_yen != other.budget_yen),
            ("meeting_mode", self.meeting_mode != other.meeting_mode),
            ("meeting_hours", self.meeting_hours != other.meeting_hours),
            ("kind", self.kind != other.kind),
            ("flexible", self.flexible != other.flexible),
        ]
    }
}
