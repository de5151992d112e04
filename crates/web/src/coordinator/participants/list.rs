//! The participant list: search by name or reading, filters, one page at a time.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use domain::FieldErrors;
use domain::audit::{AuditAction, AuditTarget};
use domain::local_time::to_jst;
use domain::paging::PageNumber;
use domain::travel::TravelTable;
use store::participant::ParticipantSummary;

use super::filters::{ListQuery, SkillFilter};
use crate::audit_trail::Audit;
use crate::error::WebError;
use crate::form::FieldView;
use crate::page::{Page, render};
use crate::state::AppState;
use crate::town::CurrentTown;

const PAGE_SIZE: i64 = 50;

/// One line of the list, with what tells two people of the same name apart.
struct ParticipantRow {
    href: String,
    name: String,
    furigana: String,
    area: String,
    registered: String,
    goal: String,
    gap: String,
    last_contact: String,
}

#[derive(askama::Template)]
#[template(path = "coordinator/participants.html")]
struct ListPage {
    page: Page,
    filters: Vec<FieldView>,
    skill: SkillFilter,
    alert: Option<crate::form::Alert>,
    rows: Vec<ParticipantRow>,
    previous_href: Option<String>,
    next_href: Option<String>,
    /// (href, words) of each file the found people can be downloaded as.
    export_links: Vec<(String, String)>,
    action: String,
}

fn export_links(page: &Page, base: &str, query: &ListQuery) -> Vec<(String, String)> {
    let filters = query.query_string(PageNumber::default());
    crate::spreadsheet::FileFormat::ALL
        .iter()
        .map(|f| {
            (
                format!("{base}/export?{filters}&format={}", f.code()),
                page.label(*f),
            )
        })
        .collect()
}

fn participant_row(
    page: &Page,
    (base, areas): (&str, &TravelTable),
    p: ParticipantSummary,
) -> ParticipantRow {
    ParticipantRow {
        href: format!("{base}/{}", p.id),
        goal: p
            .goal_track
            .get()
            .map(|g| page.label(g))
            .unwrap_or_else(|| page.t("profile-not-filled")),
        gap: super::gap_text(page, i64::from(p.career_gap_months)),
        last_contact: p
            .last_contact_at
            .map(|t| page.date(to_jst(t).date_naive()))
            .unwrap_or_else(|| "—".into()),
        area: p
            .home_area
            .as_deref()
            .and_then(|code| crate::area_choices::name_of(page.lang, areas, code))
            .unwrap_or_else(|| "—".into()),
        registered: page.date(to_jst(p.created_at).date_naive()),
        name: p.display_name,
        furigana: p.furigana,
    }
}

/// One page of people the filter finds, and whether there are more; the finding is audited.
async fn found(
    state: &AppState,
    town: &domain::Municipality,
    audit: &Audit,
    (query, filter, detail): (&ListQuery, &store::participant::ParticipantFilter, &str),
) -> Result<(Vec<ParticipantSummary>, bool), WebError> {
    let (found, more) = state
        .store
        .tenant(town)
        .search_participants(filter, PAGE_SIZE + 1, query.page.offset(PAGE_SIZE as u32))
        .await?
        .first(PAGE_SIZE as usize);
    let found = audit
        .reveal(
            found,
            Some(town.id),
            AuditAction::ParticipantList,
            (AuditTarget::Participant, ""),
            detail,
        )
        .await?;
    Ok((found, more))
}

pub async fn list(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    audit: Audit,
    Query(query): Query<ListQuery>,
) -> Result<Response, WebError> {
    listing(&state, (&town, page), &audit, &query, None).await
}

/// The list page for `query`; `refused` is a file that could not be made (it says why).
pub(super) async fn listing(
    state: &AppState,
    (town, page): (&domain::Municipality, Page),
    audit: &Audit,
    query: &ListQuery,
    refused: Option<crate::form::Alert>,
) -> Result<Response, WebError> {
    let (state, town) = (state, town);
    let areas = state.store.tenant(town).travel_table().await?;
    let page = page.with_town(town);
    let (status, (found, more), errors) = match query.filter(state) {
        Ok(filter) => {
            let detail = super::filters::in_words(state, &page, query, &areas);
            let found = found(state, town, audit, (query, &filter, &detail)).await?;
            let status = if refused.is_some() {
                StatusCode::UNPROCESSABLE_ENTITY
            } else {
                StatusCode::OK
            };
            (status, found, FieldErrors::default())
        }
        Err(errors) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            (Vec::new(), false),
            errors,
        ),
    };
    let base = format!("/{}/coordinator/participants", town.slug);
    let href = |number: PageNumber| format!("{base}?{}", query.query_string(number));
    let number = query.page;
    let view = ListPage {
        next_href: number.next().filter(|_| more).map(href),
        previous_href: number.previous().map(href),
        rows: found
            .into_iter()
            .map(|p| participant_row(&page, (&base, &areas), p))
            .collect(),
        filters: super::filters::fields(&page, query, &areas, &errors),
        skill: super::filters::skill_filter(state, &page, query, &errors),
        alert: refused.or_else(|| crate::form::alert(&page, &errors)),
        export_links: export_links(&page, &base, query),
        action: base.clone(),
        page,
    };
    Ok(render(status, &view))
}
