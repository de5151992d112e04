//! Furigana (ふりがな): the reading of a name, in kana.

use std::fmt;

use serde::Serialize;

/// A name's reading: hiragana or katakana, with the long-vowel mark, middle dot and spaces.
/// Stored as typed; between 1 and 100 characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Furigana(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum FuriganaError {
    #[error("furigana is required")]
    Empty,
    #[error("furigana is too long")]
    TooLong,
    #[error("furigana may hold only hiragana or katakana")]
    NotKana,
}

impl FuriganaError {
    pub fn code(self) -> &'static str {
        match self {
            FuriganaError::Empty => "required",
            FuriganaError::TooLong => "too-long",
            FuriganaError::NotKana => "furigana-kana-only",
        }
    }
}

fn is_kana(c: char) -> bool {
    matches!(c,
        '\u{3041}'..='\u{3096}'   // hiragana
        | '\u{309D}'..='\u{309F}' // hiragana iteration marks
        | '\u{30A1}'..='\u{30FA}' // katakana
        | '\u{30FC}'..='\u{30FF}' // long-vowel mark, katakana iteration marks
        | '\u{30FB}'              // middle dot
        | ' ' | '\u{3000}')
}

impl Furigana {
    pub fn parse(raw: &str) -> Result<Self, FuriganaError> {
        let value = raw.trim();
        if value.is_empty() {
            return Err(FuriganaError::Empty);
        }
        if value.chars().count() > 100 {
            return Err(FuriganaError::TooLong);
        }
        if !value.chars().all(is_kana) {
            return Err(FuriganaError::NotKana);
        }
        Ok(Self(value.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Furigana {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The form of a name or reading that search compares: katakana folded to hiragana, Latin
/// letters to lower case, full-width letters and digits to ASCII, spaces removed. So
/// 「ナガイズミ　ハナコ」, 「ながいずみはなこ」 and 「ながいずみ はなこ」 all find the same person.
pub fn search_key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(fold_char)
        .flat_map(char::to_lowercase)
        .collect()
}

pub(crate) fn fold_char(c: char) -> char {
    let shifted = |from: char, by: u32| char::from_u32(from as u32 - by).unwrap_or(from);
    match c {
        // Katakana ァ..ヶ and the katakana iteration marks sit 0x60 above their hiragana.
        '\u{30A1}'..='\u{30F6}' | '\u{30FD}'..='\u{30FE}' => shifted(c, 0x60),
        // Full-width ASCII ！..～ sits 0xFEE0 above ASCII.
        '\u{FF01}'..='\u{FF5E}' => shifted(c, 0xFEE0),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_keys_fold_kana_width_case_and_spaces() {
        let key = search_key("ながいずみ はなこ");
        assert_eq!(search_key("ナガイズミ　ハナコ"), key);
        assert_eq!(search_key("ながいずみはなこ"), key);
        assert_eq!(search_key("ヴァイオリン"), "ゔぁいおりん");
        assert_eq!(search_key("Ｓａｔｏ Ａｎｎａ"), "satoanna");
        assert_eq!(search_key("長泉 花子"), "長泉花子");
        assert_eq!(search_key("サトー"), "さとー", "the long-vowel mark stays");
    }

    #[test]
    fn kana_readings_parse() {
        assert!(Furigana::parse("ながいずみ はなこ").is_ok());
        assert!(Furigana::parse("ナガイズミ　ハナコ").is_ok());
        assert!(Furigana::parse("サトウ・ジョーンズ").is_ok());
    }

    #[test]
    fn other_scripts_are_refused() {
        assert_eq!(Furigana::parse("長泉 花子"), Err(FuriganaError::NotKana));
        assert_eq!(Furigana::parse("Hanako"), Err(FuriganaError::NotKana));
        assert_eq!(Furigana::parse("  "), Err(FuriganaError::Empty));
        assert_eq!(
            Furigana::parse(&"あ".repeat(101)),
            Err(FuriganaError::TooLong)
        );
    }
}
