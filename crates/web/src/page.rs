//! What every page shares: language, the town in the header, and the current path.

use askama::Template;
use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{Html, IntoResponse, Response};
use domain::{Municipality, Role};

use crate::auth::{CsrfToken, CurrentSession};
use crate::i18n::{self, Lang};
use crate::state::AppState;

/// The town shown in the header.
#[derive(Debug, Clone)]
pub struct TownHeader {
    pub slug: String,
    pub name: String,
    /// The program's office, for the footer of every town page.
    pub contact_phone: String,
    pub contact_email: String,
    /// Its prefecture's code, for the rules that depend on it (the minimum wage).
    pub prefecture: String,
}

/// The signed-in person, as the header shows them.
#[derive(Debug, Clone)]
pub struct UserHeader {
    pub name: String,
    pub role: Role,
    /// The town slug for town accounts; `None` for operators.
    pub town_slug: Option<String>,
    /// Notifications not read yet.
    pub unread: i64,
    /// A resident who has not yet accepted the town's newest privacy policy.
    pub policy_pending: bool,
}

/// The context every template gets as `page`.
#[derive(Debug, Clone)]
pub struct Page {
    pub lang: Lang,
    pub town: Option<TownHeader>,
    /// The current path and query, so the language switch can come back to it.
    pub path: String,
    pub demo: bool,
    /// The token every form on the page carries (see `auth::csrf`).
    pub csrf: String,
    pub user: Option<UserHeader>,
}

impl Page {
    pub fn new(lang: Lang, path: &str, demo: bool) -> Self {
        Self {
            lang,
            town: None,
            path: path.to_owned(),
            demo,
            csrf: String::new(),
            user: None,
        }
    }

    /// Where the signed-in person's own start page is.
    pub fn user_home(&self) -> Option<String> {
        let user = self.user.as_ref()?;
        Some(role_home(user.role, user.town_slug.as_deref()))
    }

    /// The signed-in town account's notifications page.
    pub fn notifications_href(&self) -> Option<String> {
        let slug = self.user.as_ref()?.town_slug.as_ref()?;
        Some(format!("/{slug}/notifications"))
    }

    /// The signed-in town account's page for downloading or deleting their data.
    pub fn my_data_href(&self) -> Option<String> {
        let slug = self.user.as_ref()?.town_slug.as_ref()?;
        Some(format!("/{slug}/me/data"))
    }

    /// Where signing out posts to.
    pub fn logout_action(&self) -> Option<String> {
        let user = self.user.as_ref()?;
        Some(match &user.town_slug {
            Some(slug) => format!("/{slug}/logout"),
            None => "/operator/logout".to_owned(),
        })
    }

    /// Whether the page belongs to the signed-in person's own town (or the operator console).
    pub fn shows_user(&self) -> bool {
        match (&self.user, &self.town) {
            (Some(user), Some(town)) => user.town_slug.as_deref() == Some(town.slug.as_str()),
            (Some(user), None) => user.town_slug.is_none() || self.path.starts_with("/operator"),
            (None, _) => false,
        }
    }

    /// Puts the town's name, in the page's language, into the header.
    pub fn with_town(mut self, town: &Municipality) -> Self {
        self.town = Some(TownHeader {
            slug: town.slug.to_string(),
            name: town_name(self.lang, town).to_owned(),
            contact_phone: town.contact_phone.clone(),
            contact_email: town.contact_email.clone(),
            prefecture: town.prefecture.clone(),
        });
        self
    }

    /// The translated message for `key`.
    /// Items joined as a list in the page's language (「、」 in Japanese, ", " in English).
    pub fn join_list(&self, items: &[String]) -> String {
        crate::formats::list(self.lang, items)
    }

    /// Opens an aside in the page's language: `（` / ` (`.
    pub fn open_paren(&self) -> &'static str {
        crate::formats::parens(self.lang).0
    }

    /// Closes an aside: `）` / `)`.
    pub fn close_paren(&self) -> &'static str {
        crate::formats::parens(self.lang).1
    }

    /// A tab's or a list's words with how many it holds: `審査待ち（3）` / `Waiting (3)`.
    pub fn counted(&self, words: &str, count: i64) -> String {
        let (open, close) = crate::formats::parens(self.lang);
        format!("{words}{open}{count}{close}")
    }

    /// Between two items of a list written out in a template: `、` / `, `.
    pub fn list_separator(&self) -> &'static str {
        crate::formats::list_separator(self.lang)
    }

    /// An amount of yen in the page's language (`crate::formats::yen`).
    pub fn yen(&self, amount: i64) -> String {
        crate::formats::yen(self.lang, amount)
    }

    /// A date in the page's language (`crate::formats::date`).
    pub fn date(&self, day: chrono::NaiveDate) -> String {
        crate::formats::date(self.lang, day)
    }

    /// A moment, in Japan time, in the page's language (`crate::formats::date_time`).
    pub fn date_time(&self, at: chrono::DateTime<chrono::Utc>) -> String {
        crate::formats::date_time(self.lang, at)
    }

    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    /// The translated message for `key` with one named argument.
    /// The words of a status, kind or code (see `domain::label`).
    pub fn label(&self, value: impl domain::label::Label) -> String {
        self.lang.label(value)
    }

    /// The words of a redirect's `?done=…`, if it names something `T` says; any other value
    /// says nothing.
    pub fn done_notice<T: domain::label::Label>(
        &self,
        done: Option<&str>,
        parse: fn(&str) -> Option<T>,
    ) -> Option<String> {
        done.and_then(parse).map(|d| self.label(d))
    }

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
        let mut page = Page::new(i18n::negotiate(parts), path, state.config.demo);
        if let Some(token) = parts.extensions.get::<CsrfToken>() {
            page.csrf = token.0.clone();
        }
        if let Some(account) = parts
            .extensions
            .get::<CurrentSession>()
            .and_then(|s| s.account())
        {
            page.user = Some(UserHeader {
                name: account.display_name.clone(),
                role: account.role,
                town_slug: None,
                unread: 0,
                policy_pending: false,
            });
            if let Some(town) = account.municipality_id {
                let slug = state.store.municipality_slug(town).await.ok().flatten();
                let (unread, policy_pending) = state
                    .store
                    .header_facts(account.id)
                    .await
                    .unwrap_or((0, false));
                if let Some(user) = page.user.as_mut() {
                    user.town_slug = slug;
                    user.unread = unread;
                    user.policy_pending = policy_pending;
                }
            }
        }
        Ok(page)
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

/// Each role's start page.
pub fn role_home(role: Role, town_slug: Option<&str>) -> String {
    let town = town_slug.unwrap_or_default();
    match role {
        Role::Participant => format!("/{town}/me/"),
        Role::OrganizationMember => format!("/{town}/org/"),
        Role::Coordinator => format!("/{town}/coordinator/"),
        Role::TownOfficer => format!("/{town}/town/"),
        Role::Operator => "/operator/".to_owned(),
    }
}
