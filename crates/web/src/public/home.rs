//! `/{town}/`: a town's home page.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use domain::local_time::to_jst;
use store::announcement::Announcement;

use crate::error::WebError;
use crate::i18n::Lang;
use crate::page::{Page, render};
use crate::state::AppState;
use crate::town::CurrentTown;

#[derive(askama::Template)]
#[template(path = "public/home.html")]
struct HomePage {
    page: Page,
    town_name: String,
    contact_email: String,
    contact_phone: String,
    news: Vec<NewsItem>,
    demo_accounts: Vec<DemoRow>,
}

struct DemoRow {
    role: String,
    email: String,
    password: String,
    login_href: String,
}

struct NewsItem {
    date: String,
    datetime: String,
    title: String,
    body: String,
}

impl NewsItem {
    fn new(lang: Lang, item: Announcement) -> Self {
        let at = to_jst(item.published_at);
        let (title, body) = match lang {
            Lang::En if !item.title_en.is_empty() => (item.title_en, item.body_en),
            _ => (item.title_ja, item.body_ja),
        };
        let date = match lang {
            Lang::Ja => at.format("%Y年%-m月%-d日").to_string(),
            Lang::En => at.format("%-d %b %Y").to_string(),
        };
        Self {
            date,
            datetime: at.format("%Y-%m-%d").to_string(),
            title,
            body,
        }
    }
}

pub async fn home(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
) -> Result<Response, WebError> {
    let page = page.with_town(&town);
    let news = state
        .store
        .tenant(&town)
        .announcements(Utc::now(), 5)
        .await?
        .into_iter()
        .map(|item| NewsItem::new(page.lang, item))
        .collect();
    let town_name = page
        .town
        .as_ref()
        .map(|t| t.name.clone())
        .unwrap_or_default();
    let demo_accounts = demo_rows(&state, &page, town.slug.as_str());
    Ok(render(
        StatusCode::OK,
        &HomePage {
            page,
            town_name,
            contact_email: town.contact_email,
            contact_phone: town.contact_phone,
            news,
            demo_accounts,
        },
    ))
}

/// `/{town}` without the slash goes to the town's home, when the town exists.
pub async fn redirect_to_slash(CurrentTown(town): CurrentTown) -> Response {
    Redirect::permanent(&format!("/{}/", town.slug)).into_response()
}

/// The demo accounts, in demo mode only.
fn demo_rows(state: &AppState, page: &Page, slug: &str) -> Vec<DemoRow> {
    if !state.config.demo {
        return Vec::new();
    }
    state
        .config
        .demo_accounts
        .iter()
        .map(|account| DemoRow {
            role: page.label(account.role),
            email: account.email.clone(),
            password: account.password.clone(),
            login_href: if account.role == domain::Role::Operator {
                "/operator/login".to_owned()
            } else {
                format!("/{slug}/login")
            },
        })
        .collect()
}
