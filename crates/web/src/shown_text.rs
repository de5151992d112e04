//! Text people wrote (titles and descriptions of requests and events): shown in English where
//! an English version was written and the page is English, else in Japanese, with the language
//! it is in, so the element carries the right `lang` and screen readers pronounce it correctly.

use crate::i18n::Lang;

/// Written text as one page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub text: String,
    /// `ja` or `en`: the language of `text`, for the element's `lang` attribute.
    pub lang: &'static str,
}

impl Shown {
    /// The version for a reader of `lang`: the English one when there is one, else Japanese.
    pub fn pick(lang: Lang, ja: &str, en: &str) -> Self {
        if lang == Lang::En && !en.trim().is_empty() {
            Self {
                text: en.to_owned(),
                lang: "en",
            }
        } else {
            Self {
                text: ja.to_owned(),
                lang: "ja",
            }
        }
    }

    /// Whether a page in `lang` shows this in another language (and should say so).
    pub fn is_foreign_on(&self, lang: &Lang) -> bool {
        self.lang != lang.code()
    }
}

/// The text itself, as templates print it (escaped like any other).
impl std::fmt::Display for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// A person's name as a page shows it: a deleted account's emptied name reads as "a person
/// who left", never as nothing.
pub fn person_name(lang: Lang, name: &str) -> String {
    if name.trim().is_empty() {
        lang.t("data-deleted-person")
    } else {
        name.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deleted_persons_emptied_name_reads_as_someone_who_left() {
        assert_eq!(person_name(Lang::Ja, "長泉 花子"), "長泉 花子");
        assert_eq!(person_name(Lang::Ja, ""), "（退会された方）");
        assert_eq!(person_name(Lang::En, " "), "(a person who left)");
    }

    #[test]
    fn english_readers_get_the_english_version_where_there_is_one() {
        let both = Shown::pick(Lang::En, "客室係", "Housekeeping");
        assert_eq!((both.text.as_str(), both.lang), ("Housekeeping", "en"));
        assert!(!both.is_foreign_on(&Lang::En));
        let ja_only = Shown::pick(Lang::En, "客室係", " ");
        assert_eq!((ja_only.text.as_str(), ja_only.lang), ("客室係", "ja"));
        assert!(ja_only.is_foreign_on(&Lang::En));
        let japanese_page = Shown::pick(Lang::Ja, "客室係", "Housekeeping");
        assert_eq!(japanese_page.lang, "ja");
        assert!(!japanese_page.is_foreign_on(&Lang::Ja));
    }
}
