//! The participant list as a file: everyone the list's filters find (not one page), in the
//! format the coordinator chooses. The file is personal data: making it is recorded in the
//! audit log naming every person in it, and a workbook says on a sheet of its own when, by
//! whom and with which filters it was made (a CSV says when and for whom in its name).

use axum::Form;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::audit::{ActorRole, AuditAction, AuditTarget};
use domain::local_time::to_jst;
use domain::paging::PageNumber;
use domain::travel::TravelTable;
use store::StoreError;
use store::audit::{NewAuditEntry, Unshown};
use store::list_export::ListExportAsk;
use store::participant::ParticipantSummary;

use super::filters::ListQuery;
use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::WebError;
use crate::list_export::make::Job;
use crate::list_export::{BATCH, ExportedList};
use crate::page::Page;
use crate::spreadsheet::{FileFormat, Table, Value};
use crate::state::AppState;
use crate::town::CurrentTown;

/// The most people one file holds.
const MOST: i64 = 100_000;

#[derive(serde::Deserialize, Default)]
pub struct FormatQuery {
    #[serde(default)]
    format: String,
}

fn person_line(page: &Page, areas: &TravelTable, p: &ParticipantSummary) -> Vec<Value> {
    let area = p
        .home_area
        .as_deref()
        .and_then(|code| crate::area_choices::name_of(page.lang, areas, code));
    vec![
        Value::text(&p.display_name),
        Value::text(&p.furigana),
        Value::text(&p.email),
        Value::text(page.label(p.eligibility_basis)),
        area.map_or(Value::Empty, Value::Text),
        p.goal_track
            .get()
            .map_or(Value::Empty, |g| Value::text(page.label(g))),
        Value::Number(i64::from(p.career_gap_months)),
        Value::Date(to_jst(p.created_at).date_naive()),
        p.last_contact_at
            .map_or(Value::Empty, |t| Value::Date(to_jst(t).date_naive())),
    ]
}

/// The people's table.
pub fn people_table(page: &Page, areas: &TravelTable, people: &[ParticipantSummary]) -> Table {
    Table {
        name: page.t("coordinator-participants-title"),
        header: [
            "field-display-name",
            "field-furigana",
            "field-email",
            "export-eligibility-basis",
            "field-home-area",
            "field-goal-track",
            "export-career-gap-months",
            "export-registered-on",
            "export-last-contact-on",
        ]
        .iter()
        .map(|key| page.t(key))
        .collect(),
        rows: people.iter().map(|p| person_line(page, areas, p)).collect(),
    }
}

#[allow(clippy::too_many_arguments)]
pub async fn download(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    audit: Audit,
    SignedIn(staff): SignedIn,
    Query(asked): Query<FormatQuery>,
    Query(query): Query<ListQuery>,
) -> Result<Response, WebError> {
    let format = FileFormat::asked(&asked.format).ok_or(WebError::NotFound)?;
    let Ok(filter) = query.filter(&state) else {
        // The list says what is wrong with the filters.
        return super::list::listing(&state, (&town, page), &audit, &query, None).await;
    };
    let page = page.with_town(&town);
    let tenant = state.store.tenant(&town);
    let rows = tenant.count_participants(&filter).await?;
    if rows > state.config.background_export_rows {
        let filters = query.query_string(PageNumber::default());
        let list = format!("/{}/coordinator/participants", town.slug);
        let asked = (filters.as_str(), format);
        return Ok(crate::list_export::pages::ask(
            page,
            ExportedList::Participants,
            asked,
            rows,
            &list,
        ));
    }
    let areas = tenant.travel_table().await?;
    let filters = super::filters::in_words(&state, &page, &query, &areas);
    let found = tenant.search_participants(&filter, MOST, 0).await?;
    let detail = format!("{} / {filters}", page.label(format));
    let people = audit
        .reveal(
            found,
            Some(town.id),
            AuditAction::ParticipantExport,
            (AuditTarget::Participant, ""),
            &detail,
        )
        .await?;
    let tables = [
        people_table(&page, &areas, &people),
        crate::spreadsheet::about_table(&page, &staff, (&filters, people.len())),
    ];
    let stem = crate::spreadsheet::file_stem(&town, "participants", &staff);
    match crate::spreadsheet::download(format, &stem, &tables) {
        Ok(file) => Ok(file),
        Err(why) => {
            let refused = crate::spreadsheet::refusal(&page, &why);
            super::list::listing(&state, (&town, page), &audit, &query, Some(refused)).await
        }
    }
}

/// What the page that asks before a long list is made sends.
#[derive(serde::Deserialize)]
pub struct LaterForm {
    #[serde(default)]
    filters: String,
    #[serde(default)]
    format: String,
}

/// Asks the worker to make the list's file, and shows where it has got.
pub async fn export_later(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    audit: Audit,
    SignedIn(staff): SignedIn,
    Form(form): Form<LaterForm>,
) -> Result<Response, WebError> {
    let format = FileFormat::asked(&form.format).ok_or(WebError::BadRequest)?;
    let query = ListQuery::from_query_string(&form.filters);
    if query.filter(&state).is_err() {
        return super::list::listing(&state, (&town, page), &audit, &query, None).await;
    }
    let filters = query.query_string(PageNumber::default());
    let ask = ListExportAsk {
        list: ExportedList::Participants.code(),
        format: format.code(),
        query: &filters,
        lang: page.lang.code(),
    };
    let tenant = state.store.tenant(&town);
    let export = tenant.request_list_export(staff.id, &ask).await?;
    audit
        .town_record(
            town.id,
            AuditAction::ListExportRequested,
            (AuditTarget::ListExport, export.id),
        )
        .await?;
    let to = crate::list_export::href(town.slug.as_str(), export.id);
    Ok(Redirect::to(&to).into_response())
}

/// The list's file, made by the worker for `job`: the people read a batch at a time (the
/// progress kept after each), recorded once as the requester's export naming every one of
/// them, then written; or why it could not be.
pub async fn made_later(
    state: &AppState,
    job: &Job,
) -> Result<Result<crate::spreadsheet::File, String>, StoreError> {
    let (page, town) = (&job.page, &job.town);
    let query = ListQuery::from_query_string(&job.query);
    let Ok(filter) = query.filter(state) else {
        return Ok(Err(page.t("list-export-cannot")));
    };
    let tenant = state.store.tenant(town);
    let areas = tenant.travel_table().await?;
    let found = read_in_batches(state, (&tenant, job.id), &filter).await?;
    let filters = super::filters::in_words(state, page, &query, &areas);
    let entry = NewAuditEntry {
        municipality_id: Some(town.id),
        actor_id: Some(job.staff.id),
        actor_role: ActorRole::Signed(job.staff.role),
        action: AuditAction::ParticipantExport,
        target_type: AuditTarget::Participant,
        target_id: String::new(),
        detail: format!("{} / {filters}", page.label(job.format)),
        ip: String::new(),
    };
    let people = found.reveal(&state.store, &entry).await?;
    let tables = vec![
        people_table(page, &areas, &people),
        crate::spreadsheet::about_table(page, &job.staff, (&filters, people.len())),
    ];
    let stem = crate::spreadsheet::file_stem(town, "participants", &job.staff);
    crate::list_export::make::written(job, stem, tables).await
}

/// Everyone the filter finds, [`BATCH`] at a time, with download `id`'s progress after each.
async fn read_in_batches(
    state: &AppState,
    (tenant, id): (&store::TenantStore<'_>, i64),
    filter: &store::participant::ParticipantFilter,
) -> Result<Unshown<Vec<ParticipantSummary>>, StoreError> {
    let total = tenant.count_participants(filter).await?.min(MOST);
    let mut found = Unshown::new(Vec::new());
    while (found.len() as i64) < total {
        let offset = found.len() as i64;
        let batch = tenant.search_participants(filter, BATCH, offset).await?;
        if batch.is_empty() {
            break;
        }
        found.extend(batch);
        let done = (found.len() as i64).min(total);
        state.store.list_export_progress(id, (done, total)).await?;
    }
    state.store.list_export_progress(id, (total, total)).await?;
    Ok(found)
}
