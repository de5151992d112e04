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

#[test]
fn every_error_status_has_a_title_and_a_message() {
    let known = keys_of("en");
    for status in [
        "400", "403", "404", "405", "409", "413", "422", "429", "500",
    ] {
        assert!(known.contains(&format!("error-{status}-title")), "{status}");
        assert!(
            known.contains(&format!("error-{status}-message")),
            "{status}"
        );
    }
}
