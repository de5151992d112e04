//! The one check every piece of text from outside passes before any handler sees it: path
//! segments, query values and urlencoded form fields may not hold control characters (a
//! multi-line form field may hold tab and line breaks) or the characters that reverse the
//! direction of text (U+202A–U+202E, U+2066–U+2069), which could make a name on a staff page
//! read differently from what it is. NUL in particular never reaches the database (PostgreSQL
//! refuses it; SQLite would store it).
//!
//! A bad path is not found (404); a bad query value or form field is refused (422) with a
//! translated page that names the field.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::WebError;
use crate::state::AppState;

/// Where a value came from: single-line (path, query) or a form field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Line,
    FormField,
}

/// Whether a character may appear in text from `origin`.
pub fn allowed(c: char, origin: Origin) -> bool {
    let bidi_control = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    let breaks = matches!(c, '\t' | '\n' | '\r');
    !bidi_control && (!c.is_control() || (breaks && origin == Origin::FormField))
}

pub fn clean(text: &str, origin: Origin) -> bool {
    text.chars().all(|c| allowed(c, origin))
}

/// The first field among urlencoded `pairs` whose name or value is not clean (`skip`: fields
/// judged elsewhere).
pub fn first_bad_field(bytes: &[u8], origin: Origin, skip: &[&str]) -> Option<String> {
    url::form_urlencoded::parse(bytes)
        .filter(|(name, _)| !skip.contains(&name.as_ref()))
        .find(|(name, value)| !clean(name, Origin::Line) || !clean(value, origin))
        .map(|(name, _)| name.chars().filter(|c| allowed(*c, Origin::Line)).collect())
}

fn path_is_clean(path: &str) -> bool {
    path.split('/').all(|segment| {
        percent_encoding_decode(segment).is_some_and(|decoded| clean(&decoded, Origin::Line))
    })
}

fn percent_encoding_decode(segment: &str) -> Option<String> {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = segment.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Whether a request's body is an urlencoded form.
/// Fields whose values are kept exactly as typed: a password is compared as it was set, and
/// a token as it was issued.
fn kept_as_typed(name: &str) -> bool {
    name.contains("password") || name == "csrf_token"
}

/// Whether NFKC applies to `c` here: full-width digits and Latin letters, and the signs of an
/// address or a number (＠ ． － ＋ ＿), but not full-width brackets or punctuation, which
/// Japanese text keeps (「（平日午前）」 stays as written).
fn folds_to_ascii(c: char) -> bool {
    matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '＠' | '．' | '－' | '＋' | '＿')
}

fn is_half_width_kana(c: char) -> bool {
    matches!(c, '\u{FF61}'..='\u{FF9F}')
}

/// A value with NFKC applied to full-width digits, letters and address signs, and to
/// half-width katakana (ﾅｶﾞｲｽﾞﾐ is ナガイズミ, its sound marks joined); the rest as typed.
pub fn fold_widths(value: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(value.len());
    let mut kana = String::new();
    for c in value.chars() {
        if is_half_width_kana(c) {
            kana.push(c);
            continue;
        }
        out.extend(kana.nfkc());
        kana.clear();
        if folds_to_ascii(c) {
            out.extend(c.to_string().nfkc());
        } else {
            out.push(c);
        }
    }
    out.extend(kana.nfkc());
    out
}

/// The form with every value width-folded (`fold_widths`), the one normalisation every text
/// field gets, so a full-width phone number or email address is the same number or address
/// on every form. `None` when nothing changes, so most forms pass untouched.
pub fn normalised(bytes: &[u8]) -> Option<String> {
    let folds = |c: char| folds_to_ascii(c) || is_half_width_kana(c);
    let mut changed = false;
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(bytes)
        .map(|(name, value)| {
            let fold = !kept_as_typed(&name) && value.chars().any(folds);
            changed |= fold;
            let value = if fold {
                fold_widths(&value)
            } else {
                value.into_owned()
            };
            (name.into_owned(), value)
        })
        .collect();
    changed.then(|| {
        url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(&pairs)
            .finish()
    })
}

pub fn is_urlencoded(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"))
}

/// Middleware: refuses requests with bad characters before anything else reads them.
pub async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if !path_is_clean(request.uri().path()) {
        return WebError::NotFound.into_response();
    }
    // `next` (where to go after sign-in or a language switch) is judged by
    // `language_switch::is_local_path`, which sends anything odd to the home page instead.
    if let Some(field) = request
        .uri()
        .query()
        .and_then(|q| first_bad_field(q.as_bytes(), Origin::Line, &["next"]))
    {
        return WebError::InvalidCharacters { field }.into_response();
    }
    if !is_urlencoded(request.headers()) {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let bytes = match axum::body::to_bytes(body, state.config.max_body_bytes).await {
        Ok(bytes) => bytes,
        Err(err) => return WebError::unread_body(&err).into_response(),
    };
    if let Some(field) = first_bad_field(&bytes, Origin::FormField, &[]) {
        return WebError::InvalidCharacters { field }.into_response();
    }
    let body = normalised(&bytes).map_or_else(|| Body::from(bytes), Body::from);
    next.run(Request::from_parts(parts, body)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_normalised_once_and_passwords_are_not() {
        let form = "furigana=%EF%BE%85%EF%BD%B6%EF%BE%9E%EF%BD%B2%EF%BD%BD%EF%BE%9E%EF%BE%90\
            &phone=%EF%BC%90%EF%BC%95%EF%BC%95&password=%EF%BC%A1%EF%BD%82&csrf_token=x";
        let out = normalised(form.as_bytes()).unwrap();
        let fields: Vec<(String, String)> = url::form_urlencoded::parse(out.as_bytes())
            .into_owned()
            .collect();
        assert_eq!(fields[0], ("furigana".into(), "ナガイズミ".into()));
        assert_eq!(fields[1], ("phone".into(), "055".into()));
        assert_eq!(
            fields[2],
            ("password".into(), "Ａｂ".into()),
            "kept as typed"
        );
        assert_eq!(
            normalised(b"display_name=%E9%95%B7%E6%B3%89&slot=mon-18"),
            None
        );
    }

    #[test]
    fn control_and_direction_characters_are_refused() {
        assert!(clean("長泉 花子", Origin::Line));
        assert!(!clean("a\0b", Origin::Line));
        assert!(!clean("a\0b", Origin::FormField));
        assert!(!clean("a\u{7}b", Origin::FormField));
        assert!(!clean("a\u{202E}b", Origin::FormField));
        assert!(!clean("a\u{2066}b", Origin::Line));
        assert!(clean("一行目\r\n二行目\tタブ", Origin::FormField));
        assert!(!clean("a\nb", Origin::Line));
    }

    #[test]
    fn the_bad_field_is_named() {
        assert_eq!(
            first_bad_field(b"email=a%00b%40example.jp&x=1", Origin::FormField, &[]),
            Some("email".to_owned())
        );
        assert_eq!(
            first_bad_field(b"message=line%0Aline", Origin::FormField, &[]),
            None
        );
        assert_eq!(
            first_bad_field(b"next=%2F%0A", Origin::Line, &[]),
            Some("next".to_owned())
        );
        assert_eq!(
            first_bad_field(b"next=%2F%0A", Origin::Line, &["next"]),
            None
        );
    }

    #[test]
    fn paths_are_decoded_before_the_check() {
        assert!(path_is_clean("/nagaizumi/events/3"));
        assert!(path_is_clean("/%E9%95%B7%E6%B3%89/"));
        assert!(!path_is_clean("/na%00gaizumi/"));
        assert!(!path_is_clean("/a%0ab"));
        assert!(!path_is_clean("/bad%zz"));
    }
}
