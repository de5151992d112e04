//! The coordinator's event form: as typed, as a saved event fills it for editing, and as
//! fields on the page. A new event sets everything; an edit changes what the event says and
//! when and where it is, and keeps what has rules of its own (kind, sessions, seats and
//! childcare: see `store::event_change`).

use chrono::{DateTime, Utc};
use domain::FieldErrors;
use domain::event::{EventInput, EventKind};
use domain::local_time::to_jst;
use serde::Deserialize;
use store::event::{Session, StoredEvent};

use crate::form::FieldView;
use crate::page::Page;
use crate::state::AppState;

#[derive(Debug, Deserialize, Default, Clone)]
pub struct EventForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    description_en: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    online_url: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    start_time: String,
    #[serde(default)]
    end_time: String,
    #[serde(default)]
    sessions: String,
    #[serde(default)]
    capacity: String,
    #[serde(default)]
    opens_on: String,
    #[serde(default)]
    closes_on: String,
    #[serde(default)]
    cancel_until: String,
    #[serde(default)]
    childcare: String,
    #[serde(default)]
    carers: String,
    #[serde(default)]
    children_programme: String,
    #[serde(default)]
    public: String,
    #[serde(default)]
    skill_id: String,
    #[serde(default)]
    skill_level: String,
}

fn yes(on: bool) -> String {
    if on { "yes".into() } else { String::new() }
}

fn day_of(at: DateTime<Utc>) -> String {
    to_jst(at).date_naive().to_string()
}

fn time_of(at: DateTime<Utc>) -> String {
    to_jst(at).format("%H:%M").to_string()
}

impl EventForm {
    /// A new event's form: public, one session, a course's skill at level 2.
    pub fn blank() -> Self {
        Self {
            public: "yes".into(),
            sessions: "1".into(),
            skill_level: "2".into(),
            ..Self::default()
        }
    }

    /// The form as `event` fills it, to edit it.
    pub fn of_event(event: &StoredEvent, sessions: &[Session], skills: &[(String, i32)]) -> Self {
        let first = sessions
            .first()
            .map_or((event.starts_at, event.ends_at), |s| {
                (s.starts_at, s.ends_at)
            });
        let skill = skills.first();
        Self {
            kind: event.kind.code().to_owned(),
            title: event.title.clone(),
            title_en: event.title_en.clone(),
            description: event.description.clone(),
            description_en: event.description_en.clone(),
            place: event.place.clone(),
            online_url: event.online_url.clone(),
            date: day_of(first.0),
            start_time: time_of(first.0),
            end_time: time_of(first.1),
            sessions: sessions.len().max(1).to_string(),
            capacity: event.capacity.to_string(),
            opens_on: day_of(event.opens_at),
            closes_on: day_of(event.closes_at),
            cancel_until: day_of(event.cancel_deadline),
            childcare: yes(event.childcare),
            carers: event.carers.to_string(),
            children_programme: event.children_programme.clone(),
            public: yes(event.public),
            skill_id: skill.map(|s| s.0.clone()).unwrap_or_default(),
            skill_level: skill.map_or("2".into(), |s| s.1.to_string()),
        }
    }

    /// This edit, with what an edit cannot change taken from the saved event's form.
    pub fn keeping_fixed(self, saved: &EventForm) -> Self {
        Self {
            kind: saved.kind.clone(),
            sessions: saved.sessions.clone(),
            capacity: saved.capacity.clone(),
            childcare: saved.childcare.clone(),
            carers: saved.carers.clone(),
            skill_id: saved.skill_id.clone(),
            skill_level: saved.skill_level.clone(),
            ..self
        }
    }

    pub(crate) fn input(&self) -> EventInput {
        EventInput {
            kind: self.kind.clone(),
            title: self.title.clone(),
            title_en: self.title_en.clone(),
            description: self.description.clone(),
            description_en: self.description_en.clone(),
            place: self.place.clone(),
            online_url: self.online_url.clone(),
            date: self.date.clone(),
            start_time: self.start_time.clone(),
            end_time: self.end_time.clone(),
            sessions: self.sessions.clone(),
            capacity: self.capacity.clone(),
            opens_on: self.opens_on.clone(),
            closes_on: self.closes_on.clone(),
            cancel_until: self.cancel_until.clone(),
            childcare: self.childcare == "yes",
            carers: self.carers.clone(),
            children_programme: self.children_programme.clone(),
            public: self.public == "yes",
            skills: vec![(self.skill_id.clone(), self.skill_level.clone())],
        }
    }
}

/// Whether the form makes an event or edits one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormMode {
    New,
    Edit,
}

/// A page of the coordinator's event forms: this one, and the consultation series (`slots`).
#[derive(askama::Template)]
#[template(path = "events/form.html")]
pub struct FormPage {
    pub(super) page: Page,
    pub(super) heading: String,
    pub(super) lead: Option<String>,
    pub(super) submit: String,
    pub(super) fields: Vec<FieldView>,
    pub(super) has_errors: bool,
    pub(super) action: String,
    pub(super) back_href: Option<String>,
}

/// The skills a course can grant, "none" first.
fn skill_options(state: &AppState, page: &Page) -> Vec<(String, String)> {
    std::iter::once((String::new(), page.t("event-no-skill")))
        .chain(state.taxonomy.skills().iter().map(|s| {
            (
                s.id.as_str().to_owned(),
                crate::skill_choices::label(state, page.lang, s.id.as_str()),
            )
        }))
        .collect()
}

/// The fields a new event sets and an edit keeps.
fn fixed_fields(state: &AppState, p: &Page, form: &EventForm, e: &FieldErrors) -> Vec<FieldView> {
    let kinds = crate::form::choices(p, &EventKind::ALL, EventKind::code);
    vec![
        FieldView::new(p, "kind", "select", &form.kind, e).options(kinds),
        FieldView::new(p, "sessions", "number", &form.sessions, e)
            .optional()
            .hint(p, "field-sessions-hint"),
        FieldView::new(p, "capacity", "number", &form.capacity, e).hint(p, "field-capacity-hint"),
        FieldView::new(p, "childcare", "checkbox", &form.childcare, e).optional(),
        FieldView::new(p, "carers", "number", &form.carers, e)
            .optional()
            .hint(p, "field-carers-hint"),
        FieldView::new(p, "skill_id", "select", &form.skill_id, e)
            .optional()
            .options(skill_options(state, p))
            .hint(p, "field-skill-id-hint"),
        FieldView::new(p, "skill_level", "select", &form.skill_level, e)
            .optional()
            .options(crate::skill_choices::levels(p)),
    ]
}

/// The fields of what the event says, and when and where.
fn told_fields(p: &Page, form: &EventForm, e: &FieldErrors) -> Vec<FieldView> {
    vec![
        FieldView::new(p, "title", "text", &form.title, e),
        FieldView::new(p, "title_en", "text", &form.title_en, e).optional(),
        FieldView {
            label: p.t("field-event-description"),
            ..FieldView::new(p, "description", "textarea", &form.description, e)
        },
        FieldView::new(p, "description_en", "textarea", &form.description_en, e).optional(),
        FieldView::new(p, "place", "text", &form.place, e)
            .optional()
            .hint(p, "field-event-place-hint"),
        FieldView::new(p, "online_url", "url", &form.online_url, e).optional(),
        FieldView::new(p, "date", "date", &form.date, e),
        FieldView::new(p, "start_time", "time", &form.start_time, e),
        FieldView::new(p, "end_time", "time", &form.end_time, e),
        FieldView::new(p, "opens_on", "date", &form.opens_on, e).optional(),
        FieldView::new(p, "closes_on", "date", &form.closes_on, e)
            .optional()
            .hint(p, "field-closes-on-hint"),
        FieldView::new(p, "cancel_until", "date", &form.cancel_until, e)
            .optional()
            .hint(p, "field-cancel-until-hint"),
        FieldView::new(p, "children_programme", "text", &form.children_programme, e).optional(),
        FieldView::new(p, "public", "checkbox", &form.public, e).optional(),
    ]
}

/// The order of the fields on the page.
const ORDER: [&str; 21] = [
    "kind",
    "title",
    "title_en",
    "description",
    "description_en",
    "place",
    "online_url",
    "date",
    "start_time",
    "end_time",
    "sessions",
    "capacity",
    "opens_on",
    "closes_on",
    "cancel_until",
    "childcare",
    "carers",
    "children_programme",
    "public",
    "skill_id",
    "skill_level",
];

/// The form page: every field for a new event at `action`; for an edit, what it may change.
pub fn form_page(
    state: &AppState,
    page: Page,
    (mode, action): (FormMode, String),
    form: &EventForm,
    e: &FieldErrors,
) -> FormPage {
    let mut fields = told_fields(&page, form, e);
    let submit = page.t(match mode {
        FormMode::New => "events-save",
        FormMode::Edit => "event-save-changes",
    });
    let (heading, lead, back_href) = match mode {
        FormMode::New => {
            fields.extend(fixed_fields(state, &page, form, e));
            fields.sort_by_key(|f| ORDER.iter().position(|name| *name == f.name));
            (page.t("events-new"), None, None)
        }
        FormMode::Edit => {
            if form.childcare != "yes" {
                fields.retain(|f| f.name != "children_programme");
            }
            let back = action.trim_end_matches("/edit").to_owned();
            (
                page.t("event-edit-title"),
                Some(page.t("event-edit-lead")),
                Some(back),
            )
        }
    };
    FormPage {
        heading,
        lead,
        submit,
        has_errors: !e.is_empty(),
        action,
        back_href,
        page,
        fields,
    }
}
