//! What looks like an untranslated key or a stored code in a page's text: `word-word`
//! (a translation key) or `snake_case` (a stored code). On English pages a key needs three
//! parts (`word-word-word`), since English writes `part-time` and `follow-up`. Links,
//! addresses and paths are not words a person reads, so they are left out.

/// English compounds that are words, not keys.
const ENGLISH_COMPOUNDS: &[&str] = &[
    "return-to-work",
    "one-to-one",
    "face-to-face",
    "up-to-date",
    "day-to-day",
    "step-by-step",
    "work-life",
];

/// The raw keys and codes in `text` (a page in `lang`), in order, each once.
pub fn find(text: &str, lang: &str) -> Vec<String> {
    let parts = if lang == "en" { 3 } else { 2 };
    let mut found: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        if word.contains('@') || word.contains('/') {
            continue;
        }
        for token in word.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')) {
            let token = token.trim_matches(|c| c == '-' || c == '_');
            if looks_raw(token, parts) && !found.iter().any(|f| f == token) {
                found.push(token.to_owned());
            }
        }
    }
    found
}

fn looks_raw(token: &str, parts: usize) -> bool {
    let lower = token
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    let starts_with_letter = token.chars().next().is_some_and(|c| c.is_ascii_lowercase());
    if !lower || !starts_with_letter {
        return false;
    }
    let snake = token.contains('_') && token.split('_').all(|part| !part.is_empty());
    let kebab = token.matches('-').count() + 1 >= parts
        && token.split('-').all(|part| !part.is_empty())
        && !ENGLISH_COMPOUNDS.contains(&token);
    snake || kebab
}

#[test]
fn keys_and_codes_are_found_and_words_are_not() {
    assert_eq!(
        find("経過: event-introduced（own_pace） · ヒアリング", "ja"),
        ["event-introduced", "own_pace"].map(String::from)
    );
    assert_eq!(
        find("notice-seat-offered-title and a part-time follow-up", "en"),
        ["notice-seat-offered-title"].map(String::from)
    );
    assert!(
        find(
            "A return-to-work programme, one-to-one; 2026-12-10 10:00–12:00",
            "en"
        )
        .is_empty()
    );
    assert!(
        find(
            "hanako_y@example.jp https://x.jp/a_b/c-d-e /nagaizumi/me/",
            "ja"
        )
        .is_empty()
    );
    assert!(find("Wi-Fi-Ready E_MAIL", "ja").is_empty());
}
