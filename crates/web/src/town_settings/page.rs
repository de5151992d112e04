//! `/{town}/town/settings`: what the town's pages say of it (program name, home-page lead,
//! office, contact, colour) and its announcements, written by its coordinators and officers.
//! The rules are `domain::town_page`'s; the colour reaches every page of the town through
//! `/{town}/theme.css`.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use chrono::Utc;
use domain::FieldErrors;
use domain::audit::{AuditAction, AuditTarget};
use domain::town_page::{self, News, TownPage, TownPageInput};
use serde::Deserialize;
use store::announcement::{Announcement, NewAnnouncement};

use crate::audit_trail::Audit;
use crate::error::WebError;
use crate::form::{Alert, FieldView, alert};
use crate::page::{Page, render};
use crate::state::AppState;
use crate::town::CurrentTown;

#[derive(askama::Template)]
#[template(path = "town/settings.html")]
struct SettingsPage {
    page: Page,
    action: String,
    news_action: String,
    alert: Option<Alert>,
    notice: Option<String>,
    fields: Vec<FieldView>,
    news_fields: Vec<FieldView>,
    /// (title, date, delete action).
    news: Vec<(String, String, String)>,
    logo_action: String,
    /// The logo's address, when the town has one.
    logo: Option<String>,
    logo_error: Option<String>,
}

#[derive(Deserialize, Default, Clone)]
pub struct SettingsForm {
    #[serde(default)]
    program_name_ja: String,
    #[serde(default)]
    program_name_en: String,
    #[serde(default)]
    lead_ja: String,
    #[serde(default)]
    lead_en: String,
    #[serde(default)]
    office_ja: String,
    #[serde(default)]
    office_en: String,
    #[serde(default)]
    accent: String,
    #[serde(default)]
    contact_email: String,
    #[serde(default)]
    contact_phone: String,
}

impl SettingsForm {
    fn of(page: &TownPage) -> Self {
        Self {
            program_name_ja: page.program_name_ja.clone(),
            program_name_en: page.program_name_en.clone(),
            lead_ja: page.lead_ja.clone(),
            lead_en: page.lead_en.clone(),
            office_ja: page.office_ja.clone(),
            office_en: page.office_en.clone(),
            accent: page.accent.clone(),
            contact_email: page.contact_email.clone(),
            contact_phone: page.contact_phone.clone(),
        }
    }

    fn input(&self) -> TownPageInput {
        TownPageInput {
            program_name_ja: self.program_name_ja.clone(),
            program_name_en: self.program_name_en.clone(),
            lead_ja: self.lead_ja.clone(),
            lead_en: self.lead_en.clone(),
            office_ja: self.office_ja.clone(),
            office_en: self.office_en.clone(),
            accent: self.accent.clone(),
            contact_email: self.contact_email.clone(),
            contact_phone: self.contact_phone.clone(),
        }
    }
}

#[derive(Deserialize, Default, Clone)]
pub struct NewsForm {
    #[serde(default)]
    news_title_ja: String,
    #[serde(default)]
    news_title_en: String,
    #[serde(default)]
    news_body_ja: String,
    #[serde(default)]
    news_body_en: String,
}

impl NewsForm {
    fn input(&self) -> News {
        News {
            title_ja: self.news_title_ja.clone(),
            title_en: self.news_title_en.clone(),
            body_ja: self.news_body_ja.clone(),
            body_en: self.news_body_en.clone(),
        }
    }
}

#[derive(Deserialize, Default)]
pub struct SettingsQuery {
    done: Option<String>,
}

fn settings_fields(page: &Page, form: &SettingsForm, e: &FieldErrors) -> Vec<FieldView> {
    use town_page::{LEAD_MAX, OFFICE_MAX, PROGRAM_NAME_MAX};
    let text = |name, value: &str, max| {
        FieldView::new(page, name, "text", value, e)
            .optional()
            .max_chars(page, max)
    };
    vec![
        text("program_name_ja", &form.program_name_ja, PROGRAM_NAME_MAX)
            .hint(page, "field-program-name-ja-hint"),
        text("program_name_en", &form.program_name_en, PROGRAM_NAME_MAX),
        FieldView::new(page, "lead_ja", "textarea", &form.lead_ja, e)
            .optional()
            .max_chars(page, LEAD_MAX)
            .hint(page, "field-lead-ja-hint"),
        FieldView::new(page, "lead_en", "textarea", &form.lead_en, e)
            .optional()
            .max_chars(page, LEAD_MAX),
        text("office_ja", &form.office_ja, OFFICE_MAX).hint(page, "field-office-ja-hint"),
        text("office_en", &form.office_en, OFFICE_MAX),
        FieldView::new(page, "contact_email", "email", &form.contact_email, e),
        FieldView::new(page, "contact_phone", "tel", &form.contact_phone, e).optional(),
        FieldView::new(page, "accent", "text", &form.accent, e)
            .optional()
            .hint(page, "field-accent-hint"),
    ]
}

fn news_fields(page: &Page, form: &NewsForm, e: &FieldErrors) -> Vec<FieldView> {
    use town_page::{NEWS_BODY_MAX, NEWS_TITLE_MAX};
    vec![
        FieldView::new(page, "news_title_ja", "text", &form.news_title_ja, e)
            .max_chars(page, NEWS_TITLE_MAX),
        FieldView::new(page, "news_body_ja", "textarea", &form.news_body_ja, e)
            .max_chars(page, NEWS_BODY_MAX),
        FieldView::new(page, "news_title_en", "text", &form.news_title_en, e)
            .optional()
            .max_chars(page, NEWS_TITLE_MAX)
            .hint(page, "field-news-english-hint"),
        FieldView::new(page, "news_body_en", "textarea", &form.news_body_en, e)
            .optional()
            .max_chars(page, NEWS_BODY_MAX),
    ]
}

/// The page as a pure function of the forms (as typed or as stored) and the announcements.
fn settings_page(
    page: Page,
    (slug, news, logo): (&str, &[Announcement], bool),
    (settings, news_form): (&SettingsForm, &NewsForm),
    errors: &FieldErrors,
) -> SettingsPage {
    SettingsPage {
        logo_action: format!("/{slug}/town/logo"),
        logo: logo.then(|| format!("/{slug}/logo")),
        logo_error: crate::form::error_text(&page, errors, "logo"),
        action: format!("/{slug}/town/settings"),
        news_action: format!("/{slug}/town/news"),
        alert: alert(&page, errors),
        notice: None,
        fields: settings_fields(&page, settings, errors),
        news_fields: news_fields(&page, news_form, errors),
        news: news
            .iter()
            .map(|n| {
                let day = domain::local_time::to_jst(n.published_at).date_naive();
                let delete = format!("/{slug}/town/news/{}/delete", n.id);
                (n.title_ja.clone(), page.date(day), delete)
            })
            .collect(),
        page,
    }
}

domain::coded!(
    /// What the settings page says after a redirect.
    SettingsDone {
        Saved = "saved" => "town-settings-saved",
        NewsAdded = "news-added" => "town-news-added",
        NewsRemoved = "news-removed" => "town-news-removed",
        LogoSaved = "logo-saved" => "town-logo-saved",
        LogoRemoved = "logo-removed" => "town-logo-removed",
    }
);

pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    Query(query): Query<SettingsQuery>,
) -> Result<Response, WebError> {
    let tenant = state.store.tenant(&town);
    let (settings, news) = (
        tenant.town_page().await?,
        tenant.announcements(Utc::now(), 20).await?,
    );
    let page = page.with_town(&town);
    let notice = page.done_notice(query.done.as_deref(), SettingsDone::from_code);
    let form = (&SettingsForm::of(&settings), &NewsForm::default());
    let mut view = settings_page(
        page,
        (town.slug.as_str(), &news, settings.logo),
        form,
        &FieldErrors::default(),
    );
    view.notice = notice;
    Ok(render(StatusCode::OK, &view))
}

pub async fn save(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    (page, audit): (Page, Audit),
    Form(form): Form<SettingsForm>,
) -> Result<Response, WebError> {
    let tenant = state.store.tenant(&town);
    let settings = match TownPage::parse(&form.input()) {
        Ok(settings) => settings,
        Err(errors) => {
            return refused(&state, &town, page, (Some(&form), None), &errors).await;
        }
    };
    tenant.save_town_page(&settings).await?;
    audit
        .town_record(
            town.id,
            AuditAction::TownSettingsEdited,
            (AuditTarget::Municipality, town.id.0),
        )
        .await?;
    Ok(done(&town, SettingsDone::Saved))
}

/// The page again with `errors`, keeping the form that was typed (the other as stored).
async fn refused(
    state: &AppState,
    town: &domain::Municipality,
    page: Page,
    (settings, news): (Option<&SettingsForm>, Option<&NewsForm>),
    errors: &FieldErrors,
) -> Result<Response, WebError> {
    let tenant = state.store.tenant(town);
    let (stored, listed) = (
        tenant.town_page().await?,
        tenant.announcements(Utc::now(), 20).await?,
    );
    let page = page.with_town(town);
    let settings = settings
        .cloned()
        .unwrap_or_else(|| SettingsForm::of(&stored));
    let news = news.cloned().unwrap_or_default();
    let shown = (town.slug.as_str(), listed.as_slice(), stored.logo);
    let view = settings_page(page, shown, (&settings, &news), errors);
    Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view))
}

fn done(town: &domain::Municipality, done: SettingsDone) -> Response {
    Redirect::to(&format!(
        "/{}/town/settings?done={}",
        town.slug,
        done.code()
    ))
    .into_response()
}

pub async fn add_news(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    (page, audit): (Page, Audit),
    Form(form): Form<NewsForm>,
) -> Result<Response, WebError> {
    let tenant = state.store.tenant(&town);
    let news = match News::parse(&form.input()) {
        Ok(news) => news,
        Err(errors) => {
            return refused(&state, &town, page, (None, Some(&form)), &errors).await;
        }
    };
    let id = tenant
        .add_announcement(&NewAnnouncement {
            title_ja: news.title_ja,
            title_en: news.title_en,
            body_ja: news.body_ja,
            body_en: news.body_en,
            published_at: Utc::now(),
        })
        .await?;
    audit
        .town_record(
            town.id,
            AuditAction::AnnouncementPublished,
            (AuditTarget::Announcement, id),
        )
        .await?;
    Ok(done(&town, SettingsDone::NewsAdded))
}

pub async fn remove_news(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    Path((_, id)): Path<(String, i64)>,
    audit: Audit,
) -> Result<Response, WebError> {
    if !state.store.tenant(&town).remove_announcement(id).await? {
        return Err(WebError::NotFound);
    }
    audit
        .town_record(
            town.id,
            AuditAction::AnnouncementDeleted,
            (AuditTarget::Announcement, id),
        )
        .await?;
    Ok(done(&town, SettingsDone::NewsRemoved))
}

/// The town's colour for every page of it: `--accent` and a darker shade, or nothing.
pub async fn theme(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
) -> Result<Response, WebError> {
    let accent = state.store.tenant(&town).town_page().await?.accent;
    let css = match town_page::darker(&accent) {
        Some(dark) => format!(":root {{ --accent: {accent}; --accent-dark: {dark}; }}\n"),
        None => String::new(),
    };
    Ok((
        [
            (CONTENT_TYPE, "text/css; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=300"),
        ],
        css,
    )
        .into_response())
}

#[derive(Deserialize, Default)]
pub struct LogoForm {
    /// The chosen image as a data URL (`data:image/png;base64,…`), read by
    /// `/static/file_text.js`.
    #[serde(default)]
    logo_data: String,
    /// `yes` to take the logo away.
    #[serde(default)]
    remove: String,
}

/// The image's bytes from a data URL, checked: (bytes, type) or the error's code.
fn logo_bytes(data_url: &str) -> Result<(Vec<u8>, &'static str), &'static str> {
    use base64::Engine;
    let encoded = data_url
        .trim()
        .split_once(";base64,")
        .map(|(_, b)| b)
        .ok_or("logo-missing")?;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .map_err(|_| "logo-type")?;
    let kind = town_page::logo_type(&bytes)?;
    Ok((bytes, kind))
}

pub async fn save_logo(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    (page, audit): (Page, Audit),
    Form(form): Form<LogoForm>,
) -> Result<Response, WebError> {
    let tenant = state.store.tenant(&town);
    let done = if form.remove == "yes" {
        tenant.set_town_logo(None).await?;
        SettingsDone::LogoRemoved
    } else {
        match logo_bytes(&form.logo_data) {
            Ok((bytes, kind)) => tenant.set_town_logo(Some((&bytes, kind))).await?,
            Err(code) => {
                let errors = FieldErrors::single("logo", code);
                return refused(&state, &town, page, (None, None), &errors).await;
            }
        }
        SettingsDone::LogoSaved
    };
    audit
        .town_record(
            town.id,
            AuditAction::TownSettingsEdited,
            (AuditTarget::Municipality, town.id.0),
        )
        .await?;
    Ok(self::done(&town, done))
}

/// The town's logo, as stored (its type was checked when it was set).
pub async fn logo(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
) -> Result<Response, WebError> {
    let (bytes, kind) = state
        .store
        .tenant(&town)
        .town_logo()
        .await?
        .ok_or(WebError::NotFound)?;
    let kind = match kind.as_str() {
        "image/png" | "image/jpeg" | "image/webp" => kind,
        _ => return Err(WebError::NotFound),
    };
    Ok((
        [
            (CONTENT_TYPE, kind),
            (CACHE_CONTROL, "public, max-age=300".to_owned()),
        ],
        bytes,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_logo_is_read_from_its_data_url_and_checked() {
        let png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
        assert_eq!(logo_bytes(png).unwrap().1, "image/png");
        let svg = "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+";
        assert_eq!(logo_bytes(svg), Err("logo-type"));
        assert_eq!(logo_bytes(""), Err("logo-missing"));
        assert_eq!(logo_bytes("data:image/png;base64,%%%"), Err("logo-type"));
    }
}
