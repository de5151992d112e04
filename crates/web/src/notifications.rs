//! `/{town}/notifications`: a person's notifications (opening the page marks them read) and
//! the channels they want to be told on.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum_extra::extract::Form;
use domain::FieldErrors;
use serde::Deserialize;

use crate::auth::SignedIn;
use crate::error::WebError;
use crate::form::FieldView;
use crate::page::{Page, render};
use crate::town::CurrentTown;
use crate::{routes::Routes, state::AppState};

pub fn routes() -> Routes {
    Routes::new().route("/{town}/notifications", get(show).post(save))
}

struct Row {
    title: String,
    body: String,
    link: String,
    at: String,
    unread: bool,
}

#[derive(askama::Template)]
#[template(path = "notifications.html")]
struct NotificationsPage {
    page: Page,
    rows: Vec<Row>,
    channels: Vec<FieldView>,
    languages: Vec<FieldView>,
    notice: Option<String>,
    has_errors: bool,
}

#[derive(Deserialize, Default)]
pub struct Done {
    done: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct ChannelsForm {
    #[serde(default)]
    by_email: String,
    #[serde(default)]
    in_app: String,
    #[serde(default)]
    mail_lang: String,
}

fn checked(on: bool) -> &'static str {
    if on { "yes" } else { "" }
}

/// A notification as the list shows it: written anew in the page's language.
fn row(page: &Page, n: store::notification::Notification, reader: &str, town: &str) -> Row {
    let (title, body) = crate::notify::reread(page.lang, &n, reader, town);
    Row {
        title,
        body,
        link: if n.link.starts_with('/') && !n.link.starts_with("//") {
            n.link
        } else {
            String::new()
        },
        at: page.date_time(n.created_at),
        unread: n.read_at.is_none(),
    }
}

async fn page_view(
    state: &AppState,
    (page, town): (Page, &domain::Municipality),
    account: &store::account::Account,
    form: &ChannelsForm,
    errors: &FieldErrors,
) -> Result<NotificationsPage, WebError> {
    let page = page.with_town(town);
    let town_words = crate::page::town_name(page.lang, town).to_owned();
    let rows = state
        .store
        .notifications(account.id, 100)
        .await?
        .into_iter()
        .map(|n| row(&page, n, &account.display_name, &town_words))
        .collect();
    let channels = vec![
        FieldView::new(&page, "by_email", "checkbox", &form.by_email, errors).optional(),
        FieldView::new(&page, "in_app", "checkbox", &form.in_app, errors).optional(),
    ];
    let languages = vec![
        FieldView::new(&page, "mail_lang", "select", &form.mail_lang, errors).options(
            crate::form::labelled(&page, &crate::i18n::Lang::ALL, crate::i18n::Lang::code),
        ),
    ];
    Ok(NotificationsPage {
        has_errors: !errors.is_empty(),
        page,
        rows,
        channels,
        languages,
        notice: None,
    })
}

pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    page: Page,
    Query(done): Query<Done>,
) -> Result<Response, WebError> {
    let (by_email, in_app, lang) = state.store.notification_channels(account.id).await?;
    let form = ChannelsForm {
        by_email: checked(by_email).to_owned(),
        in_app: checked(in_app).to_owned(),
        mail_lang: lang,
    };
    let mut view = page_view(
        &state,
        (page, &town),
        &account,
        &form,
        &FieldErrors::default(),
    )
    .await?;
    if done.done.as_deref() == Some("saved") {
        view.notice = Some(view.page.t("notifications-saved"));
    }
    // Shown now, so read.
    state.store.mark_notifications_read(account.id).await?;
    Ok(render(StatusCode::OK, &view))
}

pub async fn save(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    page: Page,
    Form(form): Form<ChannelsForm>,
) -> Result<Response, WebError> {
    let (by_email, in_app) = (form.by_email == "yes", form.in_app == "yes");
    let lang = crate::i18n::Lang::from_code(form.mail_lang.trim());
    if !by_email && !in_app || lang.is_none() {
        let mut errors = FieldErrors::default();
        if !by_email && !in_app {
            errors.add("in_app", "channel-required");
        }
        if lang.is_none() {
            errors.add("mail_lang", "choose-one");
        }
        let view = page_view(&state, (page, &town), &account, &form, &errors).await?;
        return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view));
    }
    state
        .store
        .set_notification_channels(account.id, by_email, in_app)
        .await?;
    if let Some(lang) = lang {
        state
            .store
            .set_account_lang(account.id, lang.code())
            .await?;
    }
    Ok(Redirect::to(&format!("/{}/notifications?done=saved", town.slug)).into_response())
}
