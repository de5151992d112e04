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
    /// 「長泉町 わくわくキャリア」: the town and its program's name.
    heading: String,
    lead: String,
    /// The office that runs the program, when the town named it.
    office: String,
    /// The town's logo's address, when it has one.
    logo: Option<String>,
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
        let date = crate::formats::date(lang, at.date_naive());
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
    let tenant = state.store.tenant(&town);
    let news = tenant
        .announcements(Utc::now(), 5)
        .await?
        .into_iter()
        .map(|item| NewsItem::new(page.lang, item))
        .collect();
    let own = tenant.town_page().await?;
    let (heading, lead, office) = words(&page, &own);
    let logo = own.logo.then(|| format!("/{}/logo", town.slug));
    let demo_accounts = demo_rows(&state, &page, town.slug.as_str());
    Ok(render(
        StatusCode::OK,
        &HomePage {
            page,
            heading,
            lead,
            office,
            logo,
            contact_email: town.contact_email,
            contact_phone: town.contact_phone,
            news,
            demo_accounts,
        },
    ))
}

/// The heading, lead and office in the page's language: the town's own words where it wrote
/// them (the English ones falling back to the Japanese), else the platform's.
fn words(page: &Page, own: &domain::town_page::TownPage) -> (String, String, String) {
    let pick = |ja: &str, en: &str| match page.lang {
        Lang::En if !en.is_empty() => en.to_owned(),
        _ => ja.to_owned(),
    };
    let program = Some(pick(&own.program_name_ja, &own.program_name_en))
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| page.t("program-name-default"));
    let town = page
        .town
        .as_ref()
        .map(|t| t.name.clone())
        .unwrap_or_default();
    let heading = page
        .lang
        .t_args("home-heading", &[("town", town), ("program", program)]);
    let lead = Some(pick(&own.lead_ja, &own.lead_en))
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| page.t("home-lead"));
    (heading, lead, pick(&own.office_ja, &own.office_en))
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
