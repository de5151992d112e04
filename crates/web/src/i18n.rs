//! Translations: Japanese first, English second.
//!
//! Every user-facing string is a Fluent message in `locales/ja/*.ftl` and `locales/en/*.ftl`,
//! compiled into the binary. A test fails if a key exists in one language and not the other,
//! or if a template uses a key that exists in neither.
//!
//! The language of a request comes from the `lang` cookie, then `Accept-Language`, then
//! Japanese.

use std::borrow::Cow;
use std::collections::HashMap;

use axum::extract::FromRequestParts;
use axum::http::header::ACCEPT_LANGUAGE;
use axum::http::request::Parts;
use axum_extra::extract::CookieJar;
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "ja",
        // Fluent wraps arguments in Unicode isolation marks; pages set `lang` and `dir`
        // themselves, and the marks would only get in the way of copy and paste.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The name of the cookie that remembers the chosen language.
pub const LANG_COOKIE: &str = "lang";

/// A language the UI is offered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Ja,
    En,
}

static JA: LanguageIdentifier = langid!("ja");
static EN: LanguageIdentifier = langid!("en");

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Ja, Lang::En];

    /// The BCP 47 code, as used in `<html lang>` and in the cookie.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The other language, for the switch in the header.
    pub fn other(self) -> Self {
        match self {
            Lang::Ja => Lang::En,
            Lang::En => Lang::Ja,
        }
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::Ja => &JA,
            Lang::En => &EN,
        }
    }

    /// The message for `key`; a missing key shows as the key itself and is caught by tests.
    pub fn t(self, key: &str) -> String {
        LOCALES
            .try_lookup(self.id(), key)
            .unwrap_or_else(|| key.to_owned())
    }

    /// The words of a status, kind or code (see `domain::label`).
    pub fn label(self, value: impl domain::label::Label) -> String {
        self.t(value.label_key())
    }

    /// The message for `key`, if there is one.
    pub fn try_t(self, key: &str) -> Option<String> {
        LOCALES.try_lookup(self.id(), key)
    }

    /// The message for `key` with named arguments, if there is one.
    pub fn try_t_args(self, key: &str, args: &[(&'static str, String)]) -> Option<String> {
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), FluentValue::from(value.clone())))
            .collect();
        LOCALES.try_lookup_with_args(self.id(), key, &args)
    }

    /// The message for `key` with named arguments.
    pub fn t_args(self, key: &str, args: &[(&'static str, String)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), FluentValue::from(value.clone())))
            .collect();
        LOCALES
            .try_lookup_with_args(self.id(), key, &args)
            .unwrap_or_else(|| key.to_owned())
    }

    /// The preferred supported language in an `Accept-Language` header, by q-value.
    pub fn from_accept_language(header: &str) -> Option<Self> {
        let mut best: Option<(Lang, f32)> = None;
        for part in header.split(',') {
            let mut pieces = part.trim().split(';');
            let tag = pieces
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase();
            let quality = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or_default();
            if let Some(lang) = Lang::from_code(primary)
                && quality > 0.0
                && best.is_none_or(|(_, q)| quality > q)
            {
                best = Some((lang, quality));
            }
        }
        best.map(|(lang, _)| lang)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Lang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(negotiate(parts))
    }
}

/// The request's language: cookie, then `Accept-Language`, then Japanese.
pub fn negotiate(parts: &Parts) -> Lang {
    let jar = CookieJar::from_headers(&parts.headers);
    if let Some(lang) = jar
        .get(LANG_COOKIE)
        .and_then(|c| Lang::from_code(c.value()))
    {
        return lang;
    }
    parts
        .headers
        .get(ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Lang::from_accept_language)
        .unwrap_or_default()
}

domain::labels!(Lang {
    Lang::Ja => "language-name-ja",
    Lang::En => "language-name-en",
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_best_supported_language() {
        assert_eq!(Lang::from_accept_language("en-US,en;q=0.9"), Some(Lang::En));
        assert_eq!(
            Lang::from_accept_language("fr, en;q=0.5, ja;q=0.8"),
            Some(Lang::Ja)
        );
        assert_eq!(Lang::from_accept_language("fr, de"), None);
        assert_eq!(Lang::from_accept_language("en;q=0"), None);
    }

    #[test]
    fn messages_exist_in_both_languages() {
        assert_eq!(Lang::Ja.t("site-name"), "わくキャリ");
        assert_eq!(Lang::En.t("site-name"), "WakuCareer");
        assert_eq!(Lang::En.t("no-such-key"), "no-such-key");
    }
}
