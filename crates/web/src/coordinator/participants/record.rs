//! A participant's record: profile, skills, casework and suggestions. Opening it is recorded
//! in the audit log before anything is shown.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use domain::FieldErrors;
use domain::participant::AgeBand;
use serde::Deserialize;
use store::participant::ParticipantRecord;

use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::WebError;
use crate::form::FieldView;
use crate::i18n::Lang;
use crate::page::{Page, render};
use crate::state::AppState;
use crate::town::CurrentTown;

fn skill_label(state: &AppState, lang: Lang, id: &str) -> String {
    crate::skill_choices::label(state, lang, id)
}

pub fn gap_text(page: &Page, months: i64) -> String {
    page.lang.t_args(
        "gap-years-months",
        &[
            ("years", (months / 12).to_string()),
            ("months", (months % 12).to_string()),
        ],
    )
}

struct SkillView {
    id: String,
    label: String,
    level: i32,
    evidence: String,
    verified: bool,
}

struct HearingView {
    edit_href: String,
    held_on: String,
    coordinator: String,
    goals: String,
    worries: String,
    constraints_confirmed: bool,
    notes: String,
    /// Earlier versions, newest correction first.
    revisions: Vec<RevisionView>,
}

/// A hearing as it stood before a correction, and who corrected it, when and why.
struct RevisionView {
    changed: String,
    reason: String,
    held_on: String,
    goals: String,
    worries: String,
    notes: String,
}

struct FollowUpView {
    id: i64,
    due_on: String,
    note: String,
    done: bool,
    answer: String,
    /// The page that records a check-in's answer, for an open check-in.
    check_in: Option<String>,
}

struct EventView {
    at: String,
    text: String,
    actor: String,
}

#[derive(askama::Template)]
#[template(path = "coordinator/participant.html")]
pub struct RecordPage {
    page: Page,
    base: String,
    name: String,
    furigana: String,
    email: String,
    facts: Vec<(String, String)>,
    windows: Vec<String>,
    skills: Vec<SkillView>,
    consent_active: bool,
    hearings: Vec<HearingView>,
    follow_ups: Vec<FollowUpView>,
    events: Vec<EventView>,
    hearing_fields: Vec<FieldView>,
    follow_up_fields: Vec<FieldView>,
    alert: Option<crate::form::Alert>,
    notice: Option<String>,
    /// Requests the engine suggests for this person.
    suggestions: Vec<crate::requests::matches::MatchView>,
    activity: super::activity::Activity,
}

/// The profile's facts as the record page lists them: (label, value), in the page's language.
fn profile_facts(page: &Page, p: &store::participant::StoredProfile) -> Vec<(String, String)> {
    let yes_no = |b: bool| page.t(if b { "yes" } else { "no" });
    let mut facts = vec![
        (page.t("field-eligibility"), page.label(p.eligibility_basis)),
        (
            page.t("field-goal-track"),
            p.goal_track
                .map(|g| page.label(g))
                .unwrap_or_else(|| page.t("profile-not-filled")),
        ),
        (page.t("field-postal-code"), p.postal_code.clone()),
        (page.t("field-phone"), p.phone.clone()),
        (
            page.t("field-career-gap-years"),
            gap_text(page, i64::from(p.career_gap_months)),
        ),
        (page.t("field-work-history"), p.work_history.clone()),
        (
            page.t("field-max-hours-per-week"),
            format!("{:.1}", f64::from(p.max_minutes_per_week) / 60.0),
        ),
        (
            page.t("field-earliest-start"),
            p.earliest_start.map(|d| page.date(d)).unwrap_or_default(),
        ),
        (page.t("field-income-cap"), cap_text(page, p.income_cap)),
        (
            page.t("field-expected-hourly-wage"),
            p.expected_hourly_wage
                .map(|w| page.yen(i64::from(w)))
                .unwrap_or_default(),
        ),
        (page.t("field-work-place"), page.label(p.work_place)),
        (
            page.t("field-commute-minutes"),
            p.commute_minutes.to_string(),
        ),
        (page.t("field-drives"), yes_no(p.drives)),
    ];
    facts.extend(family_facts(page, p));
    facts
}

/// Who the person cares for: children by age band, and adults.
fn family_facts(page: &Page, p: &store::participant::StoredProfile) -> [(String, String); 2] {
    let children: Vec<String> = AgeBand::ALL
        .iter()
        .filter(|b| p.children.count(**b) > 0)
        .map(|b| format!("{} × {}", page.label(*b), p.children.count(*b)))
        .collect();
    [
        (
            page.t("profile-section-children"),
            if children.is_empty() {
                page.t("none")
            } else {
                page.join_list(&children)
            },
        ),
        (
            page.t("field-cares-for"),
            if p.cares_for.is_empty() {
                page.t("none")
            } else {
                let words: Vec<String> = p.cares_for.iter().map(|w| page.label(*w)).collect();
                page.join_list(&words)
            },
        ),
    ]
}

/// The chosen wall and, as the rule in force today says, what it allows (an estimate).
fn cap_text(page: &Page, cap: domain::income_cap::IncomeCap) -> String {
    let limit = store::matching_input::cap_limit(cap, store::matching_input::today_in_japan());
    match crate::income_walls::limit_words(page.lang, &limit) {
        Some(words) => page.lang.t_args(
            "income-cap-with-rule",
            &[("cap", page.label(cap)), ("rule", words)],
        ),
        None => page.label(cap),
    }
}

/// Builds the record page; `errors` belong to the hearing or follow-up form just sent.
pub async fn record_page(
    state: &AppState,
    town: &domain::Municipality,
    page: Page,
    record: ParticipantRecord,
    hearing_form: &super::super::casework::HearingForm,
    follow_up_form: &super::super::casework::FollowUpForm,
    errors: &FieldErrors,
) -> Result<RecordPage, WebError> {
    let tenant = state.store.tenant(town);
    let id = record.account.id;
    let facts = profile_facts(&page, &record.profile);
    let windows = crate::weekly_grid::in_words(&page, &record.profile.availability);
    let skills = record
        .skills
        .iter()
        .map(|s| skill_view(state, page.lang, s))
        .collect();
    let consents = tenant.consents(id).await?;
    let consent_active = consents.first().is_some_and(|c| c.withdrawn_at.is_none());
    let (hearings, follow_ups, events) = casework_views(&tenant, &page, id).await?;
    let activity = super::activity::of(&tenant, &page, town.slug.as_str(), id).await?;
    let suggestions =
        crate::requests::matches::for_participant(state, &tenant, &page, town.slug.as_str(), id.0)
            .await?;
    Ok(RecordPage {
        suggestions,
        activity,
        base: format!("/{}/coordinator/participants/{}", town.slug, id.0),
        name: record.account.display_name,
        furigana: record.account.furigana,
        email: record.account.email,
        facts,
        windows,
        skills,
        consent_active,
        hearings,
        follow_ups,
        events,
        hearing_fields: super::super::casework::hearing_fields(&page, hearing_form, errors),
        follow_up_fields: super::super::casework::follow_up_fields(&page, follow_up_form, errors),
        alert: crate::form::alert(&page, errors),
        notice: None,
        page,
    })
}

/// `/{town}` of the page's town.
fn town_root(page: &Page) -> String {
    page.town
        .as_ref()
        .map(|t| format!("/{}", t.slug))
        .unwrap_or_default()
}

/// The person's casework as the record shows it: hearings, follow-ups and the timeline.
async fn casework_views(
    tenant: &store::TenantStore<'_>,
    page: &Page,
    id: store::account::AccountId,
) -> Result<(Vec<HearingView>, Vec<FollowUpView>, Vec<EventView>), WebError> {
    let revisions = tenant.hearing_revisions(id).await?;
    let base = format!("{}/coordinator/participants/{}", town_root(page), id.0);
    let hearings = tenant
        .hearings(id)
        .await?
        .into_iter()
        .map(|h| hearing_view(page, (&base, &revisions), h))
        .collect();
    let follow_ups = tenant
        .follow_ups_of(id)
        .await?
        .into_iter()
        .map(|f| follow_up_view(page, f))
        .collect();
    let events = tenant
        .case_events(id)
        .await?
        .into_iter()
        .map(|e| timeline_view(page, e))
        .collect();
    Ok((hearings, follow_ups, events))
}

fn skill_view(state: &AppState, lang: Lang, s: &store::participant::StoredSkill) -> SkillView {
    SkillView {
        label: skill_label(state, lang, &s.skill_id),
        id: s.skill_id.clone(),
        level: s.level,
        evidence: s.evidence.clone(),
        verified: s.verified_at.is_some(),
    }
}

fn timeline_view(page: &Page, e: store::casework::CaseEvent) -> EventView {
    EventView {
        at: page.date_time(e.at),
        text: super::super::timeline::line(page.lang, &e),
        actor: e.actor_name.unwrap_or_default(),
    }
}

fn revision_view(page: &Page, r: &store::hearing_revision::HearingRevision) -> RevisionView {
    RevisionView {
        changed: page.lang.t_args(
            "hearing-revision-changed",
            &[
                ("when", page.date_time(r.changed_at)),
                ("name", r.changed_by_name.clone()),
            ],
        ),
        reason: r.reason.clone(),
        held_on: page.date(r.held_on),
        goals: r.goals.clone(),
        worries: r.worries.clone(),
        notes: r.notes.clone(),
    }
}

fn hearing_view(
    page: &Page,
    (base, revisions): (&str, &[store::hearing_revision::HearingRevision]),
    h: store::casework::Hearing,
) -> HearingView {
    HearingView {
        edit_href: format!("{base}/hearings/{}/edit", h.id),
        revisions: revisions
            .iter()
            .filter(|r| r.hearing_id == h.id)
            .map(|r| revision_view(page, r))
            .collect(),
        held_on: page.date(h.held_on),
        coordinator: h.coordinator_name,
        goals: h.goals,
        worries: h.worries,
        constraints_confirmed: h.constraints_confirmed,
        notes: h.notes,
    }
}

fn follow_up_view(page: &Page, f: store::casework::FollowUp) -> FollowUpView {
    FollowUpView {
        id: f.id,
        due_on: page.date(f.due_on),
        note: crate::letter::follow_up_note(page.lang, &f.note),
        done: f.done_at.is_some(),
        check_in: domain::introduction::check_in::months_of(&f.note)
            .filter(|_| f.done_at.is_none())
            .map(|_| {
                let slug = page
                    .town
                    .as_ref()
                    .map(|t| t.slug.as_str())
                    .unwrap_or_default();
                crate::coordinator::check_in::href(slug, f.id)
            }),
        answer: f.answer,
    }
}

#[derive(Deserialize, Default)]
pub struct Done {
    done: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(viewer): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
    audit: Audit,
    Query(done): Query<Done>,
) -> Result<Response, WebError> {
    let record =
        super::super::casework::participant_or_404(&state, &town, (&viewer, &audit), id).await?;
    let page = page.with_town(&town);
    let mut view = record_page(
        &state,
        &town,
        page,
        record,
        &Default::default(),
        &Default::default(),
        &FieldErrors::default(),
    )
    .await?;
    view.notice = match done.done.as_deref() {
        Some("hearing") => Some(view.page.t("hearing-saved")),
        Some("follow-up") => Some(view.page.t("follow-up-saved")),
        Some("check-in") => Some(view.page.t("check-in-saved")),
        Some("hearing-corrected") => Some(view.page.t("hearing-corrected")),
        other => view
            .page
            .done_notice(other, crate::introduction_done::Done::from_code),
    };
    Ok(render(StatusCode::OK, &view))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use domain::availability::WeeklyAvailability;
    use domain::income_cap::IncomeCap;
    use domain::municipality::EligibilityBasis;
    use domain::participant::{Children, GoalTrack, WorkPlace};
    use store::participant::StoredProfile;

    use super::*;

    fn profile() -> StoredProfile {
        StoredProfile {
            eligibility_basis: EligibilityBasis::LivesInTown,
            phone: String::new(),
            postal_code: "411-0943".into(),
            goal_track: Some(GoalTrack::OwnPace),
            work_history: "事務 5年".into(),
            career_gap_months: 30,
            availability: WeeklyAvailability::default(),
            max_minutes_per_week: 720,
            earliest_start: NaiveDate::from_ymd_opt(2027, 4, 1),
            income_cap: IncomeCap::SpouseDeduction,
            expected_hourly_wage: Some(1_100),
            work_place: WorkPlace::Either,
            commute_minutes: 20,
            home_area: None,
            drives: true,
            children: Children([0, 1, 0, 1]),
            cares_for: Vec::new(),
            profile_updated_at: None,
            last_contact_at: None,
        }
    }

    #[test]
    fn the_record_s_facts_are_words_in_the_page_s_language() {
        let en = profile_facts(&Page::new(Lang::En, "/", false), &profile());
        let value = |label: &str| {
            en.iter()
                .find(|(l, _)| l == label)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        assert_eq!(value("Expected hourly wage (yen)"), "¥1,100");
        assert_eq!(value("Earliest start date"), "Thu 1 Apr 2027");
        for (label, v) in &en {
            assert!(!v.contains('_') && !v.contains("円"), "{label}: {v}");
        }
        let ja = profile_facts(&Page::new(Lang::Ja, "/", false), &profile());
        assert!(ja.iter().any(|(_, v)| v == "1,100円"), "{ja:?}");
        assert!(
            ja.iter().any(|(_, v)| v.contains("、")),
            "children joined: {ja:?}"
        );
    }
}
