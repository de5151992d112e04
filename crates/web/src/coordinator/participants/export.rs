//! The participant list as a file: everyone the list's filters find (not one page), in the
//! format the coordinator chooses. The file is personal data: making it is recorded in the
//! audit log naming every person in it, and a workbook says on a sheet of its own when, by
//! whom and with which filters it was made (a CSV says when and for whom in its name).

use axum::extract::{Query, State};
use axum::response::Response;
use domain::audit::{AuditAction, AuditTarget};
use domain::local_time::to_jst;
use domain::travel::TravelTable;
use store::participant::ParticipantSummary;

use super::filters::ListQuery;
use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::WebError;
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
