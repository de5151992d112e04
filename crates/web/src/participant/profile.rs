//! `/{town}/me/profile`: the profile the matching engine reads. One form in sections; the
//! availability grid is a table of checkboxes, so it works by tapping, by keyboard and without
//! JavaScript.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use chrono::Utc;
use domain::FieldErrors;
use domain::audit::{AuditAction, AuditTarget};
use domain::income_cap::IncomeCap;
use domain::local_time::to_jst;
use domain::participant::{AgeBand, CareFor, GoalTrack, Profile, WorkPlace};
use domain::travel::TravelTable;
use serde::Deserialize;

use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::{Found, WebError};
use crate::form::{FieldView, choices};
use crate::page::{Page, render};
use crate::skill_choices::{self, SkillGroup};
use crate::state::AppState;
use crate::town::CurrentTown;
use crate::weekly_grid::{self, GridView};

use super::profile_form::ProfileForm;

/// Empty skill rows offered below the person's skills.
const BLANK_SKILL_ROWS: usize = 3;

struct SkillRow {
    index: usize,
    selected: String,
    level: String,
    evidence: String,
}

#[derive(askama::Template)]
#[template(path = "participant/profile.html")]
struct ProfilePage {
    page: Page,
    action: String,
    notice: Option<String>,
    alert: Option<crate::form::Alert>,
    basics: Vec<FieldView>,
    experience: Vec<FieldView>,
    time: Vec<FieldView>,
    income: Vec<FieldView>,
    place: Vec<FieldView>,
    children: Vec<FieldView>,
    /// Adults the person cares for, as (code, words, ticked).
    care_choices: Vec<(String, String, bool)>,
    care_hint: String,
    care_error: Option<String>,
    grid: GridView,
    availability_error: Option<String>,
    skill_rows: Vec<SkillRow>,
    skill_groups: Vec<SkillGroup>,
    skills_error: Option<String>,
    levels: Vec<(String, String)>,
    cap_summary: Option<String>,
}

fn area_options(page: &Page, areas: &TravelTable) -> Vec<(String, String)> {
    std::iter::once((String::new(), page.t("field-home-area-unset")))
        .chain(crate::area_choices::named(page.lang, areas))
        .collect()
}

/// The first group of the profile form: who the person is and the way they want to work.
fn basics_fields(page: &Page, form: &ProfileForm, e: &FieldErrors) -> Vec<FieldView> {
    let basics = vec![
        FieldView::new(page, "display_name", "text", &form.display_name, e)
            .autocomplete("name")
            .max_chars(page, domain::account::DISPLAY_NAME_MAX),
        FieldView::new(page, "furigana", "text", &form.furigana, e)
            .hint(page, "field-furigana-hint"),
        FieldView::new(page, "postal_code", "text", &form.postal_code, e)
            .hint(page, "field-postal-code-hint")
            .autocomplete("postal-code"),
        FieldView::new(page, "phone", "tel", &form.phone, e)
            .optional()
            .hint(page, "field-phone-hint")
            .autocomplete("tel"),
        FieldView::new(page, "goal_track", "select", &form.goal_track, e).options(choices(
            page,
            &GoalTrack::ALL,
            GoalTrack::code,
        )),
    ];
    basics
}

fn experience_fields(page: &Page, form: &ProfileForm, e: &FieldErrors) -> Vec<FieldView> {
    let experience = vec![
        FieldView::new(page, "work_history", "textarea", &form.work_history, e)
            .optional()
            .max_chars(page, domain::participant::WORK_HISTORY_MAX)
            .hint(page, "field-work-history-hint"),
        FieldView::new(
            page,
            "career_gap_years",
            "number",
            &form.career_gap_years,
            e,
        )
        .optional()
        .hint(page, "field-career-gap-hint"),
        FieldView::new(
            page,
            "career_gap_months",
            "number",
            &form.career_gap_months,
            e,
        )
        .optional(),
    ];
    experience
}

fn time_fields(page: &Page, form: &ProfileForm, e: &FieldErrors) -> Vec<FieldView> {
    let time = vec![
        FieldView::new(
            page,
            "max_hours_per_week",
            "number",
            &form.max_hours_per_week,
            e,
        ),
        FieldView::new(page, "earliest_start", "date", &form.earliest_start, e).optional(),
    ];
    time
}

fn income_fields(page: &Page, form: &ProfileForm, e: &FieldErrors) -> Vec<FieldView> {
    let income = vec![
        FieldView::new(page, "income_cap", "select", &form.income_cap, e)
            .options(choices(
                page,
                &<IncomeCap as domain::label::Label>::every(),
                IncomeCap::code,
            ))
            .hint(page, "field-income-cap-hint"),
        FieldView::new(page, "income_cap_yen", "number", &form.income_cap_yen, e).optional(),
        FieldView::new(
            page,
            "expected_hourly_wage",
            "number",
            &form.expected_hourly_wage,
            e,
        )
        .optional()
        .hint(page, "field-expected-hourly-wage-hint"),
    ];
    income
}

/// Where the person can work; the home-area choice only where the town has a travel table.
fn place_fields(
    page: &Page,
    (form, areas): (&ProfileForm, &TravelTable),
    e: &FieldErrors,
) -> Vec<FieldView> {
    let mut place = vec![
        FieldView::new(page, "work_place", "select", &form.work_place, e).options(choices(
            page,
            &WorkPlace::ALL,
            WorkPlace::code,
        )),
        FieldView::new(page, "commute_minutes", "number", &form.commute_minutes, e).optional(),
        FieldView::new(page, "drives", "checkbox", &form.drives, e).optional(),
    ];
    if !areas.areas.is_empty() {
        place.insert(
            1,
            FieldView::new(page, "home_area", "select", &form.home_area, e)
                .options(area_options(page, areas))
                .optional()
                .hint(page, "field-home-area-hint"),
        );
    }
    place
}

fn children_fields(page: &Page, form: &ProfileForm, e: &FieldErrors) -> Vec<FieldView> {
    let child_values = [
        &form.children_age0,
        &form.children_age1_2,
        &form.children_age3_5,
        &form.children_school,
    ];
    AgeBand::ALL
        .iter()
        .zip([
            "children_age0",
            "children_age1_2",
            "children_age3_5",
            "children_school",
        ])
        .zip(child_values)
        .map(|((_, name), value)| FieldView::new(page, name, "number", value, e).optional())
        .collect()
}

/// The skill rows as typed, then blank rows to add more.
fn skill_rows(form: &ProfileForm) -> Vec<SkillRow> {
    let mut skill_rows: Vec<SkillRow> = form
        .skill_id
        .iter()
        .enumerate()
        .filter(|(_, id)| !id.is_empty())
        .map(|(i, id)| SkillRow {
            index: i,
            selected: id.clone(),
            level: form.skill_level.get(i).cloned().unwrap_or_default(),
            evidence: form.skill_evidence.get(i).cloned().unwrap_or_default(),
        })
        .collect();
    let next = skill_rows.len();
    skill_rows.extend((0..BLANK_SKILL_ROWS).map(|k| SkillRow {
        index: next + k,
        selected: String::new(),
        level: "2".into(),
        evidence: String::new(),
    }));
    skill_rows
}

/// The chosen wall as the rule in force today says, and the hours a week under it at the
/// expected wage when one is given.
fn cap_summary(page: &Page, form: &ProfileForm) -> Option<String> {
    let cap = IncomeCap::from_code(&form.income_cap, form.income_cap_yen.trim().parse().ok())?;
    let wage = form.expected_hourly_wage.trim().parse::<u32>().ok();
    crate::income_walls::profile_summary(
        page.lang,
        cap,
        wage,
        store::matching_input::today_in_japan(),
    )
}

/// The adults a person can say they care for, ticked as in the form.
fn care_choices(page: &Page, form: &ProfileForm) -> Vec<(String, String, bool)> {
    CareFor::ALL
        .iter()
        .map(|who| {
            (
                who.code().to_owned(),
                page.label(*who),
                form.cares_for.iter().any(|c| c == who.code()),
            )
        })
        .collect()
}

fn profile_page(
    state: &AppState,
    page: Page,
    action: String,
    (form, areas): (&ProfileForm, &TravelTable),
    errors: &FieldErrors,
) -> ProfilePage {
    let e = errors;
    let availability = form.availability();
    let alert = crate::form::alert(&page, errors);
    ProfilePage {
        availability_error: crate::form::error_text(&page, errors, "availability"),
        skills_error: crate::form::error_text(&page, errors, "skills"),
        basics: basics_fields(&page, form, e),
        experience: experience_fields(&page, form, e),
        time: time_fields(&page, form, e),
        income: income_fields(&page, form, e),
        place: place_fields(&page, (form, areas), e),
        children: children_fields(&page, form, e),
        care_choices: care_choices(&page, form),
        care_hint: page.t("field-cares-for-hint"),
        care_error: crate::form::error_text(&page, errors, "cares_for"),
        grid: weekly_grid::view(
            &page,
            "profile-grid-caption",
            &action,
            &availability,
            &form.grid_preset,
        ),
        skill_rows: skill_rows(form),
        skill_groups: skill_choices::groups(state, &page),
        levels: crate::skill_choices::levels(&page),
        cap_summary: cap_summary(&page, form),
        page,
        action,
        notice: None,
        alert,
    }
}

#[derive(Deserialize, Default)]
pub struct Done {
    done: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    page: Page,
    Query(done): Query<Done>,
) -> Result<Response, WebError> {
    let record = state
        .store
        .tenant(&town)
        .own_participant(&account)
        .await
        .found()?;
    let page = page.with_town(&town);
    let form = ProfileForm::from_stored(&record.account, &record.profile, &record.skills);
    let areas = state.store.tenant(&town).travel_table().await?;
    let mut view = profile_page(
        &state,
        page,
        format!("/{}/me/profile", town.slug),
        (&form, &areas),
        &FieldErrors::default(),
    );
    if done.done.as_deref() == Some("saved") {
        view.notice = Some(view.page.t("profile-saved"));
    }
    Ok(render(StatusCode::OK, &view))
}

pub async fn save(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    page: Page,
    audit: Audit,
    Form(mut form): Form<ProfileForm>,
) -> Result<Response, WebError> {
    let today = to_jst(Utc::now()).date_naive();
    let areas = state.store.tenant(&town).travel_table().await?;
    if weekly_grid::apply_action(&form.grid, &form.grid_preset, &mut form.slot) {
        let action = format!("/{}/me/profile", town.slug);
        let mut view = profile_page(
            &state,
            page.with_town(&town),
            action,
            (&form, &areas),
            &FieldErrors::default(),
        );
        view.notice = Some(view.page.t("grid-changed-not-saved"));
        return Ok(render(StatusCode::OK, &view));
    }
    match Profile::parse(&form.to_input(), &state.taxonomy, &areas, today) {
        Ok(profile) => {
            state
                .store
                .tenant(&town)
                .save_profile(account.id, &profile, account.id)
                .await?;
            audit
                .town_record(
                    town.id,
                    AuditAction::ParticipantProfileSaved,
                    (AuditTarget::Participant, account.id.0),
                )
                .await?;
            Ok(Redirect::to(&format!("/{}/me/profile?done=saved", town.slug)).into_response())
        }
        Err(errors) => {
            let page = page.with_town(&town);
            let view = profile_page(
                &state,
                page,
                format!("/{}/me/profile", town.slug),
                (&form, &areas),
                &errors,
            );
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn form() -> ProfileForm {
        ProfileForm {
            income_cap: "spouse_deduction".into(),
            expected_hourly_wage: "1100".into(),
            skill_id: vec!["care.childcare".into(), String::new()],
            skill_level: vec!["3".into(), String::new()],
            skill_evidence: vec!["保育士".into(), String::new()],
            ..ProfileForm::default()
        }
    }

    #[test]
    fn the_cap_summary_says_the_rule_and_the_hours_in_the_reader_s_language() {
        let ja = cap_summary(&Page::new(Lang::Ja, "/", false), &form()).unwrap();
        let en = cap_summary(&Page::new(Lang::En, "/", false), &form()).unwrap();
        assert!(ja.contains("1,100") && en.contains("1,100"), "{ja} / {en}");
        assert!(ja.contains("123万円") && ja.contains("目安"), "{ja}");
        assert_ne!(ja, en);
        let no_wage = ProfileForm {
            expected_hourly_wage: String::new(),
            ..form()
        };
        let rule_only = cap_summary(&Page::new(Lang::Ja, "/", false), &no_wage).unwrap();
        assert!(
            rule_only.contains("123万円") && !rule_only.contains("1,100"),
            "{rule_only}"
        );
        let none = ProfileForm {
            income_cap: "none".into(),
            ..form()
        };
        assert_eq!(cap_summary(&Page::new(Lang::Ja, "/", false), &none), None);
    }

    #[test]
    fn typed_skills_come_back_with_blank_rows_after_them() {
        let rows = skill_rows(&form());
        assert_eq!(rows.len(), 1 + BLANK_SKILL_ROWS);
        assert_eq!(rows[0].selected, "care.childcare");
        assert_eq!(rows[0].level, "3");
        assert!(
            rows[1..]
                .iter()
                .all(|r| r.selected.is_empty() && r.level == "2")
        );
        assert_eq!(rows[1].index, 1);
    }

    #[test]
    fn the_home_area_is_asked_only_where_the_town_has_a_travel_table() {
        let page = Page::new(Lang::Ja, "/", false);
        let none = TravelTable::default();
        let names: Vec<_> = place_fields(&page, (&form(), &none), &FieldErrors::default())
            .iter()
            .map(|f| f.name)
            .collect();
        assert_eq!(names, ["work_place", "commute_minutes", "drives"]);
        let labels: Vec<_> = basics_fields(&page, &form(), &FieldErrors::default())
            .iter()
            .map(|f| f.label.clone())
            .collect();
        assert!(
            labels.iter().all(|l| !l.starts_with("field-")),
            "{labels:?}"
        );
    }
}
