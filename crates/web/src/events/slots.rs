//! Consultation slots in series: one form makes a window on a weekday, cut into slots and
//! repeated weekly (see `domain::event::series`), all saved together or none.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use chrono::Utc;
use domain::FieldErrors;
use domain::audit::{AuditAction, AuditTarget};
use domain::event::series::{SeriesInput, parse_series};
use serde::Deserialize;

use super::form::FormPage;
use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::WebError;
use crate::form::FieldView;
use crate::page::{Page, render};
use crate::state::AppState;
use crate::town::CurrentTown;

#[derive(Debug, Deserialize, Default, Clone)]
pub struct SlotsForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    online_url: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    weeks: String,
    #[serde(default)]
    start_time: String,
    #[serde(default)]
    end_time: String,
    #[serde(default)]
    slot_minutes: String,
    #[serde(default)]
    public: String,
}

impl SlotsForm {
    fn input(&self) -> SeriesInput {
        SeriesInput {
            title: self.title.clone(),
            title_en: self.title_en.clone(),
            description: self.description.clone(),
            place: self.place.clone(),
            online_url: self.online_url.clone(),
            date: self.date.clone(),
            weeks: self.weeks.clone(),
            start_time: self.start_time.clone(),
            end_time: self.end_time.clone(),
            slot_minutes: self.slot_minutes.clone(),
            public: self.public == "yes",
        }
    }
}

fn slots_page(page: Page, slug: &str, form: &SlotsForm, e: &FieldErrors) -> FormPage {
    let p = &page;
    let fields = vec![
        FieldView::new(p, "title", "text", &form.title, e),
        FieldView::new(p, "title_en", "text", &form.title_en, e).optional(),
        FieldView {
            label: p.t("field-event-description"),
            ..FieldView::new(p, "description", "textarea", &form.description, e)
        },
        FieldView::new(p, "place", "text", &form.place, e)
            .optional()
            .hint(p, "field-event-place-hint"),
        FieldView::new(p, "online_url", "url", &form.online_url, e).optional(),
        FieldView::new(p, "date", "date", &form.date, e).hint(p, "field-slots-date-hint"),
        FieldView::new(p, "start_time", "time", &form.start_time, e),
        FieldView::new(p, "end_time", "time", &form.end_time, e),
        FieldView::new(p, "slot_minutes", "number", &form.slot_minutes, e),
        FieldView::new(p, "weeks", "number", &form.weeks, e).hint(p, "field-weeks-hint"),
        FieldView::new(p, "public", "checkbox", &form.public, e).optional(),
    ];
    FormPage {
        heading: p.t("event-slots-title"),
        lead: Some(p.t("event-slots-lead")),
        submit: p.t("event-slots-save"),
        has_errors: !e.is_empty(),
        action: format!("/{slug}/coordinator/events/slots"),
        back_href: Some(format!("/{slug}/coordinator/events")),
        fields,
        page,
    }
}

pub async fn form(CurrentTown(town): CurrentTown, page: Page) -> Result<Response, WebError> {
    let form = SlotsForm {
        title: page.t("event-slots-default-title"),
        weeks: "8".into(),
        start_time: "10:00".into(),
        end_time: "12:00".into(),
        slot_minutes: "30".into(),
        public: "yes".into(),
        ..SlotsForm::default()
    };
    let view = slots_page(
        page.with_town(&town),
        town.slug.as_str(),
        &form,
        &FieldErrors::default(),
    );
    Ok(render(StatusCode::OK, &view))
}

pub async fn create(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    page: Page,
    audit: Audit,
    Form(form): Form<SlotsForm>,
) -> Result<Response, WebError> {
    let drafts = match parse_series(&form.input(), &state.taxonomy, Utc::now()) {
        Ok(drafts) => drafts,
        Err(errors) => {
            let view = slots_page(page.with_town(&town), town.slug.as_str(), &form, &errors);
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view));
        }
    };
    let ids = state
        .store
        .tenant(&town)
        .create_events(&drafts, account.id)
        .await?;
    if let (Some(first), Some(last)) = (ids.first(), ids.last()) {
        let detail = format!(
            "consultation series: {} slots, events {first}–{last}",
            ids.len()
        );
        audit
            .record(
                Some(town.id),
                AuditAction::EventCreated,
                AuditTarget::Event,
                &first.to_string(),
                &detail,
            )
            .await?;
    }
    let to = format!(
        "/{}/coordinator/events?done=slots&count={}",
        town.slug,
        ids.len()
    );
    Ok(Redirect::to(&to).into_response())
}
