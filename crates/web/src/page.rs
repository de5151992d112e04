//! What every page shares: language, the town in the header, and the current path.

use askama::Template;
use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{Html, IntoResponse, Response};
use domain::Municipality;

use crate::i18n::{self, Lang};
use crate::router::AppState;

/// The town shown in the header.
#[derive(Debug, Clone)]
pub struct TownHeader {
    pub slug: String,
    pub name: String,
}

/// The context every template gets as `page`.
#[derive(Debug, Clone)]
pub struct Page {
    pub lang: Lang,
    pub town: Option<TownHeader>,
    /// The current path and query, so the language switch can come back to it.
    pub path: String,
    pub demo: bool,
}

impl Page {
    pub fn new(lang: Lang, path: &str, demo: bool) -> Self {
        Self {
            lang,
            town: None,
            path: path.to_owned(),
            demo,
        }
    }

    /// Puts the town's name, in the page's language, into the header.
    pub fn with_town(mut self, town: &Municipality) -> Self {
        self.town = Some(TownHeader {
            slug: town.slug.to_string(),
            name: town_name(self.lang, town).to_owned(),
        });
        self
    }

    /// The translated message for `key`.
    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    /// The translated message for `key` with one named argument.
    pub fn t1(&self, key: &str, name: &'static str, value: &str) -> String {
        self.lang.t_args(key, &[(name, value.to_owned())])
    }

    /// Where the brand in the header leads: the town's home, or the platform's.
    pub fn home_href(&self) -> String {
        match &self.town {
            Some(town) => format!("/{}/", town.slug),
            None => "/".to_owned(),
        }
    }

    /// The link that switches to the other language and comes back here.
    pub fn lang_switch_href(&self) -> String {
        let next: String = url::form_urlencoded::byte_serialize(self.path.as_bytes()).collect();
        format!("/lang/{}?next={next}", self.lang.other().code())
    }
}

/// A town's name in the given language; English falls back to Japanese when not set.
pub fn town_name(lang: Lang, town: &Municipality) -> &str {
    match lang {
        Lang::En if !town.name_en.is_empty() => &town.name_en,
        _ => &town.name_ja,
    }
}

impl FromRequestParts<AppState> for Page {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let path = parts
            .uri
            .path_and_query()
            .map(|pq| pq.as_str())
            .unwrap_or("/");
        Ok(Page::new(i18n::negotiate(parts), path, state.config.demo))
    }
}

/// Renders a template with a status. A template that fails to render is a bug: it is logged
/// and the client gets a bare 500.
pub fn render<T: Template>(status: StatusCode, template: &T) -> Response {
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(err) => {
            tracing::error!(error = %err, "template failed to render");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
