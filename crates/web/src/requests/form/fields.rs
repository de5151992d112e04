//! The request form's fields, section by section, as the page shows them: what the request
//! says, where and when it is worked, its terms (with the minimum wage the pay is checked
//! against), and, for a coordinator, the organization it is written for.

use domain::FieldErrors;
use domain::request::{ContractType, Flag, MeetingMode, PayUnit, ShiftRule, WorkMode};
use domain::travel::TravelTable;

use super::{RequestForm, rules};
use crate::form::{FieldView, choices};
use crate::page::Page;
use crate::state::AppState;

/// What the request says, in Japanese and, optionally, in English.
pub(super) fn main_fields(page: &Page, form: &RequestForm, e: &FieldErrors) -> Vec<FieldView> {
    use domain::request::{DESCRIPTION_MAX, TITLE_MAX};
    vec![
        FieldView::new(page, "title", "text", &form.title, e)
            .hint(page, "field-title-hint")
            .max_chars(page, TITLE_MAX),
        FieldView::new(page, "description", "textarea", &form.description, e)
            .hint(page, "field-description-hint")
            .max_chars(page, DESCRIPTION_MAX),
        FieldView::new(page, "title_en", "text", &form.title_en, e)
            .optional()
            .hint(page, "field-english-version-hint")
            .max_chars(page, TITLE_MAX),
        FieldView::new(page, "description_en", "textarea", &form.description_en, e)
            .optional()
            .max_chars(page, DESCRIPTION_MAX),
    ]
}

/// Where the work is: where the town has areas, the workplace is chosen from them (by their
/// Japanese names, as requests store them), so travel times apply.
pub(super) fn place_fields(
    page: &Page,
    (form, areas): (&RequestForm, &TravelTable),
    e: &FieldErrors,
) -> Vec<FieldView> {
    let work_mode = FieldView::new(page, "work_mode", "select", &form.work_mode, e)
        .options(choices(page, WorkMode::ALL, WorkMode::code));
    let area = if areas.areas.is_empty() {
        FieldView::new(page, "location_area", "text", &form.location_area, e)
            .hint(page, "field-location-area-hint")
    } else {
        let chosen = areas
            .find(&form.location_area)
            .map_or(form.location_area.clone(), |i| {
                areas.areas[i].name_ja.clone()
            });
        FieldView::new(page, "location_area", "select", &chosen, e)
            .options(area_options(page, areas))
            .hint(page, "field-location-area-choose-hint")
    };
    vec![work_mode, area.optional()]
}

/// The town's areas, valued by their Japanese names and worded in the page's language.
pub(super) fn area_options(page: &Page, areas: &TravelTable) -> Vec<(String, String)> {
    let names = crate::area_choices::named(page.lang, areas);
    std::iter::once((String::new(), page.t("field-choose")))
        .chain(
            areas
                .areas
                .iter()
                .zip(names)
                .map(|(area, (_, name))| (area.name_ja.clone(), name)),
        )
        .collect()
}

/// How the windows are worked: left empty, the hours decide (see `ShiftRule::implied`).
pub(super) fn shift_rule_options(page: &Page) -> Vec<(String, String)> {
    std::iter::once((String::new(), page.t("shift-rule-implied")))
        .chain(
            <ShiftRule as domain::label::Label>::every()
                .into_iter()
                .map(|rule| (rule.code().to_owned(), page.label(rule))),
        )
        .collect()
}

pub(super) fn time_fields(page: &Page, form: &RequestForm, e: &FieldErrors) -> Vec<FieldView> {
    vec![
        FieldView::new(page, "hours_min", "number", &form.hours_min, e),
        FieldView::new(page, "hours_max", "number", &form.hours_max, e),
        FieldView::new(page, "shift_rule", "select", &form.shift_rule, e)
            .options(shift_rule_options(page))
            .optional()
            .hint(page, "field-shift-rule-hint"),
        FieldView::new(
            page,
            "shortest_shift_hours",
            "number",
            &form.shortest_shift_hours,
            e,
        )
        .optional()
        .hint(page, "field-shortest-shift-hours-hint"),
        FieldView::new(page, "days_per_week", "number", &form.days_per_week, e).optional(),
        FieldView::new(page, "start_date", "date", &form.start_date, e).optional(),
    ]
}

/// The pay error says which minimum wage applies: the prefecture's rate, from its date.
pub(super) fn minimum_wage_error(
    state: &AppState,
    page: &Page,
    (form, areas): (&RequestForm, &TravelTable),
) -> Option<String> {
    let town = page.town.as_ref()?;
    let rules = rules(state, &town.prefecture, areas);
    let rate = rules.minimum_wage_for(&form.input())?;
    let prefecture = match page.lang {
        crate::i18n::Lang::Ja => rate.label_ja,
        crate::i18n::Lang::En => rate.label_en,
    };
    Some(page.lang.t_args(
        "error-pay-below-minimum-wage-rate",
        &[
            ("prefecture", prefecture.to_owned()),
            ("yen", page.yen(i64::from(rate.yen_per_hour))),
            ("from", page.date(rate.effective_from)),
        ],
    ))
}

pub(super) fn job_fields(page: &Page, form: &RequestForm, e: &FieldErrors) -> Vec<FieldView> {
    vec![
        FieldView::new(page, "contract", "select", &form.contract, e).options(choices(
            page,
            ContractType::ALL,
            ContractType::code,
        )),
        FieldView::new(page, "pay_unit", "select", &form.pay_unit, e).options(choices(
            page,
            PayUnit::ALL,
            PayUnit::code,
        )),
        FieldView::new(page, "pay_yen", "number", &form.pay_yen, e)
            .hint(page, "field-pay-yen-hint"),
        FieldView::new(page, "headcount", "number", &form.headcount, e),
        FieldView::new(
            page,
            "commuting_allowance",
            "number",
            &form.commuting_allowance,
            e,
        )
        .optional()
        .hint(page, "field-commuting-allowance-hint"),
    ]
}

pub(super) fn project_fields(page: &Page, form: &RequestForm, e: &FieldErrors) -> Vec<FieldView> {
    vec![
        FieldView::new(page, "deliverable", "textarea", &form.deliverable, e),
        FieldView::new(page, "team_min", "number", &form.team_min, e),
        FieldView::new(page, "team_max", "number", &form.team_max, e),
        FieldView::new(page, "milestones", "textarea", &form.milestones, e)
            .optional()
            .hint(page, "field-milestones-hint"),
        FieldView::new(page, "budget_yen", "number", &form.budget_yen, e).optional(),
        FieldView::new(page, "meeting_mode", "select", &form.meeting_mode, e).options(choices(
            page,
            MeetingMode::ALL,
            MeetingMode::code,
        )),
        FieldView::new(page, "meeting_hours", "number", &form.meeting_hours, e)
            .optional()
            .hint(page, "field-meeting-hours-hint"),
    ]
}

/// The pay field's "below the minimum wage" error, stating the rate.
pub(super) fn with_minimum_wage(
    mut fields: Vec<FieldView>,
    rate: impl FnOnce() -> Option<String>,
) -> Vec<FieldView> {
    if let Some(pay) = fields
        .iter_mut()
        .find(|f| f.error_code == Some("pay-below-minimum-wage"))
        && let Some(words) = rate()
    {
        pay.error = Some(words);
    }
    fields
}

/// The flags carers look for, as (code, words, ticked).
pub(super) fn flag_choices(page: &Page, form: &RequestForm) -> Vec<(String, String, bool)> {
    Flag::ALL
        .iter()
        .map(|f| {
            (
                f.code().to_owned(),
                page.label(*f),
                form.flag.iter().any(|x| x == f.code()),
            )
        })
        .collect()
}

/// The organization a coordinator writes for, chosen from `options`.
pub(super) fn organization_field(
    page: &Page,
    form: &RequestForm,
    errors: &FieldErrors,
    options: Vec<(String, String)>,
) -> FieldView {
    FieldView::new(page, "organization", "select", &form.organization, errors).options(
        std::iter::once((String::new(), page.t("field-choose")))
            .chain(options)
            .collect(),
    )
}
