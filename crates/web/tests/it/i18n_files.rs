//! Every translation key exists in both languages, and every key a template uses exists.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn keys_of(lang: &str) -> BTreeSet<String> {
    let dir = crate_dir().join("locales").join(lang);
    let mut keys = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let source = std::fs::read_to_string(&path).unwrap();
        let resource = fluent_syntax::parser::parse(source.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", path.display()));
        for entry in resource.body {
            if let fluent_syntax::ast::Entry::Message(message) = entry {
                assert!(
                    keys.insert(message.id.name.to_owned()),
                    "{} defines {} twice",
                    path.display(),
                    message.id.name
                );
            }
        }
    }
    keys
}

#[test]
fn every_key_exists_in_japanese_and_english() {
    let ja = keys_of("ja");
    let en = keys_of("en");
    let only_ja: Vec<_> = ja.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&ja).collect();
    assert!(only_ja.is_empty(), "missing in English: {only_ja:?}");
    assert!(only_en.is_empty(), "missing in Japanese: {only_en:?}");
    assert!(ja.len() > 20);
}

/// Keys written literally in templates and Rust sources: `t("key")`, `t1("key"`, `t_args("key"`.
fn keys_used_in(dir: &Path, used: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            keys_used_in(&path, used);
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for call in [".t(\"", ".t1(\"", ".t_args(\""] {
            for piece in text.split(call).skip(1) {
                if let Some(key) = piece.split('"').next() {
                    used.insert(key.to_owned());
                }
            }
        }
    }
}

#[test]
fn every_key_used_by_a_template_or_handler_exists() {
    let known = keys_of("ja");
    let mut used = BTreeSet::new();
    keys_used_in(&crate_dir().join("templates"), &mut used);
    keys_used_in(&crate_dir().join("src"), &mut used);
    used.retain(|key| !key.contains('{') && !key.is_empty() && key != "no-such-key");
    let missing: Vec<_> = used.difference(&known).collect();
    assert!(
        missing.is_empty(),
        "keys used but not translated: {missing:?}"
    );
    assert!(used.len() > 10, "the scan found too few keys: {used:?}");
}

/// Every field a form shows (`FieldView::new(page, "name", …)`) has its label,
/// `field-<name>` (`form::label_key`).
#[test]
fn every_form_field_has_a_label() {
    let known = keys_of("ja");
    let mut names = BTreeSet::new();
    collect_field_names(&crate_dir().join("src"), &mut names);
    assert!(names.len() > 50, "found {names:?}");
    let missing: Vec<_> = names
        .iter()
        .map(|name| format!("field-{}", name.replace('_', "-")))
        .filter(|key| !known.contains(key))
        .collect();
    assert!(missing.is_empty(), "fields without a label: {missing:?}");
}

/// The first string literal after each `FieldView::new(`.
fn collect_field_names(dir: &Path, names: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_field_names(&path, names);
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for piece in text.split("FieldView::new(").skip(1) {
            let Some(name) = piece.split('"').nth(1) else {
                continue;
            };
            // `FieldView::new(page, "name", …)`: the name is the second argument.
            let literal_second = piece
                .split('"')
                .next()
                .is_some_and(|before| before.matches(',').count() == 1);
            let is_name = name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit());
            if literal_second && !name.is_empty() && is_name {
                names.insert(name.to_owned());
            }
        }
    }
}

/// Every field error code reported in the sources has its message.
#[test]
fn every_error_code_has_a_message() {
    // Statuses, kinds and codes shown by name are checked by `i18n`'s label test, which
    // renders every value of every such enum; field error codes are string literals, found
    // here in the sources.
    let known = keys_of("ja");
    let mut needed: Vec<String> = Vec::new();
    // Every error code the domain and the handlers report on a field.
    let mut codes = BTreeSet::new();
    for dir in [crate_dir().join("src"), crate_dir().join("../domain/src")] {
        collect_error_codes(&dir, &mut codes);
    }
    assert!(codes.len() > 20, "found {codes:?}");
    needed.extend(codes.iter().map(|c| format!("error-{c}")));
    let missing: Vec<_> = needed.iter().filter(|k| !known.contains(*k)).collect();
    assert!(missing.is_empty(), "missing messages: {missing:?}");
}

/// The second string literal of `add(".."`, `single(".."` and the literals of `code()` match arms.
fn collect_error_codes(dir: &Path, codes: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_error_codes(&path, codes);
            continue;
        }
        let whole = std::fs::read_to_string(&path).unwrap();
        // Only the code itself: a module's tests invent codes on purpose.
        let text = whole.split("#[cfg(test)]").next().unwrap_or_default();
        for call in [".add(\"", "::single(\""] {
            for piece in text.split(call).skip(1) {
                let mut literals = piece.split('"');
                let (_field, between) = (literals.next(), literals.next());
                let code = literals.next().unwrap_or_default();
                // `add("field", "code")`: the code is the literal right after the field's.
                let second = between.is_some_and(|b| b.trim() == ",");
                let is_code = second
                    && !code.is_empty()
                    && code
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                if is_code {
                    codes.insert(code.to_owned());
                }
            }
        }
        for marker in [
            "Error::TooShort => \"",
            "Error::TooLong => \"",
            "Error::TooCommon => \"",
            "Error::Empty => \"",
            "Error::NotKana => \"",
            "Error::Length => \"",
            "Error::Characters => \"",
            "Error::Reserved => \"",
        ] {
            for piece in text.split(marker).skip(1) {
                codes.insert(piece.split('"').next().unwrap().to_owned());
            }
        }
    }
}
