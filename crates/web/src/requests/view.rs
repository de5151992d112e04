//! A request as people read it: labels in their language, pay and hours in words.

use domain::request::{PayUnit, RequestKind};
use store::request::{RequestEvent, RequestSkill, StoredRequest};

use crate::i18n::Lang;
use crate::page::Page;
use crate::shown_text::Shown;
use crate::state::AppState;

/// A request ready for a template.
pub struct RequestView {
    pub title: Shown,
    pub kind: String,
    pub organization: String,
    pub status: String,
    pub status_code: String,
    pub description: Shown,
    pub facts: Vec<(String, String)>,
    pub flags: Vec<String>,
    pub required: Vec<String>,
    pub nice: Vec<String>,
    pub windows: Vec<String>,
}

pub fn skill_label(state: &AppState, lang: Lang, id: &str, level: i32) -> String {
    let name = crate::skill_choices::label(state, lang, id);
    let (open, close) = crate::formats::parens(lang);
    let level = lang.t_args("skill-level-short", &[("level", level.to_string())]);
    format!("{name}{open}{level}{close}")
}

/// Pay in words, e.g. 時給 1,150円 / ¥1,150 an hour.
pub fn pay_text(page: &Page, request: &StoredRequest) -> Option<String> {
    let unit = request.pay_unit.get()?;
    let amount = page.yen(request.pay_yen?);
    let key = match unit {
        PayUnit::Hourly => "pay-hourly",
        PayUnit::Monthly => "pay-monthly",
        PayUnit::PerProject => "pay-per-project",
    };
    Some(page.t1(key, "amount", &amount))
}

/// What a request says of itself, as (label, value) in the page's language.
fn request_facts(page: &Page, request: &StoredRequest) -> Vec<(String, String)> {
    let hours = page.lang.t_args(
        "request-hours-range",
        &[
            ("min", (request.min_minutes / 60).to_string()),
            ("max", (request.max_minutes / 60).to_string()),
        ],
    );
    let mut facts = vec![
        (page.t("field-work-mode"), page.label(request.work_mode)),
        (page.t("field-location-area"), request.location_area.clone()),
        (page.t("request-hours"), hours),
    ];
    if !request.flexible {
        facts.push((
            page.t("field-shift-rule"),
            shift_text(page, request.shift_rule()),
        ));
    }
    if let Some(days) = request.days_per_week {
        facts.push((
            page.t("field-days-per-week"),
            page.t1("request-days", "days", &days.to_string()),
        ));
    }
    if let Some(date) = request.start_date {
        facts.push((page.t("field-start-date"), date.to_string()));
    }
    if request.kind == RequestKind::Job {
        facts.extend(job_facts(page, request));
    } else {
        facts.extend(project_facts(page, request));
    }
    facts
}

/// How the windows are worked, with the shortest shift when parts of windows count.
fn shift_text(page: &Page, rule: domain::request::ShiftRule) -> String {
    match rule.shortest_minutes() {
        Some(minutes) => page.lang.t_args(
            "request-shifts-shortest",
            &[
                ("rule", page.label(rule)),
                ("hours", crate::income_walls::hours(minutes)),
            ],
        ),
        None => page.label(rule),
    }
}

fn job_facts(page: &Page, request: &StoredRequest) -> Vec<(String, String)> {
    let mut facts = Vec::new();

    if let Some(contract) = request.contract.get() {
        facts.push((page.t("field-contract"), page.label(contract)));
    }
    if let Some(pay) = pay_text(page, request) {
        facts.push((page.t("field-pay-yen"), pay));
    }
    if request.commuting_allowance_yen > 0 {
        facts.push((
            page.t("field-commuting-allowance"),
            page.yen(i64::from(request.commuting_allowance_yen)),
        ));
    }
    if let Some(headcount) = request.headcount {
        facts.push((
            page.t("field-headcount"),
            page.t1("request-people", "count", &headcount.to_string()),
        ));
    }
    facts
}

fn project_facts(page: &Page, request: &StoredRequest) -> Vec<(String, String)> {
    let mut facts = Vec::new();

    facts.push((page.t("field-deliverable"), request.deliverable.clone()));
    if let (Some(min), Some(max)) = (request.team_min, request.team_max) {
        facts.push((
            page.t("request-team-size"),
            page.lang.t_args(
                "request-team-range",
                &[("min", min.to_string()), ("max", max.to_string())],
            ),
        ));
    }
    if !request.milestones.is_empty() {
        facts.push((page.t("field-milestones"), request.milestones.clone()));
    }
    if let Some(budget) = request.budget_yen.filter(|b| *b > 0) {
        facts.push((page.t("field-budget-yen"), page.yen(budget)));
    }
    if let Some(mode) = request.meeting_mode.get() {
        facts.push((page.t("field-meeting-mode"), page.label(mode)));
    }
    if let Some(minutes) = request.meeting_minutes.filter(|m| *m > 0) {
        facts.push((
            page.t("field-meeting-hours"),
            page.t1(
                "request-hours-per-week",
                "hours",
                &(minutes / 60).to_string(),
            ),
        ));
    }
    facts
}

impl RequestView {
    pub fn new(
        state: &AppState,
        page: &Page,
        request: &StoredRequest,
        skills: &[RequestSkill],
    ) -> Self {
        let status_code = match request.close_reason.as_deref() {
            Some(reason) => format!("closed-{reason}"),
            None => request.status.clone(),
        };
        let facts = request_facts(page, request);
        let windows = if request.flexible {
            vec![page.t("field-flexible")]
        } else {
            crate::weekly_grid::in_words(page, &request.windows())
        };
        Self {
            title: Shown::pick(page.lang, &request.title, &request.title_en),
            kind: page.label(request.kind),
            organization: request.organization_name.clone(),
            status: request.status().map(|s| page.label(s)).unwrap_or_default(),
            status_code,
            description: Shown::pick(page.lang, &request.description, &request.description_en),
            facts,
            flags: request.flags().iter().map(|f| page.label(*f)).collect(),
            required: skills
                .iter()
                .filter(|s| s.required)
                .map(|s| skill_label(state, page.lang, &s.skill_id, s.level))
                .collect(),
            nice: skills
                .iter()
                .filter(|s| !s.required)
                .map(|s| skill_label(state, page.lang, &s.skill_id, s.level))
                .collect(),
            windows,
        }
    }
}

/// A line of a request's history.
pub struct EventView {
    pub at: String,
    pub text: String,
    pub actor: String,
    pub comment: String,
}

pub fn events(page: &Page, events: Vec<RequestEvent>) -> Vec<EventView> {
    events
        .into_iter()
        .map(|e| EventView {
            at: page.date_time(e.at),
            text: page.label(e.action),
            actor: e.actor_name.unwrap_or_default(),
            comment: e.comment,
        })
        .collect()
}
