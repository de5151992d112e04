//! Japanese search, the pure part: text folded to one form (NFKC, so full-width and half-width
//! agree; katakana as hiragana; lower case), the bigrams an index keeps of it (Japanese has no
//! spaces between words, and its short words matter: 保育, 介護, 在宅), a query's terms with
//! their synonyms (`data/search_synonyms.csv`), and whether and how well a text matches.
//!
//! The index finds candidates by bigrams; a candidate matches only when each term (or one of
//! its synonyms) appears in its folded text as a whole, so 在宅勤務 finds 在宅勤務 and not
//! 在宅 … 勤務 apart. A one-character term has no bigram: it is found by a substring scan.

use unicode_normalization::UnicodeNormalization;

/// The text in the one form search compares: NFKC, katakana as hiragana, lower case, every
/// run of spaces one space.
pub fn fold(text: &str) -> String {
    let folded: String = text
        .nfkc()
        .map(crate::furigana::fold_char)
        .flat_map(char::to_lowercase)
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The distinct bigrams of folded `text`, word by word (a space breaks them); a one-character
/// word is kept as it is.
pub fn bigrams(folded: &str) -> Vec<String> {
    let mut grams: Vec<String> = Vec::new();
    for word in folded.split(' ').filter(|w| !w.is_empty()) {
        let chars: Vec<char> = word.chars().collect();
        if chars.len() == 1 {
            grams.push(word.to_owned());
        }
        grams.extend(chars.windows(2).map(|pair| pair.iter().collect()));
    }
    grams.sort();
    grams.dedup();
    grams
}

/// One term of a query: its folded words, and the synonyms that count as a match too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub words: String,
    pub synonyms: Vec<String>,
}

impl Term {
    /// The term and its synonyms: each is a phrase the text must hold whole.
    pub fn phrases(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.words.as_str()).chain(self.synonyms.iter().map(String::as_str))
    }

    /// Whether folded `text` holds the term or one of its synonyms.
    pub fn found_in(&self, folded: &str) -> bool {
        self.phrases().any(|p| folded.contains(p))
    }

    /// A one-character term: the index cannot find it, a scan must.
    pub fn needs_scan(&self) -> bool {
        self.phrases().any(|p| p.chars().count() < 2)
    }
}

/// The longest query read, in characters; the rest is not searched for.
pub const MOST_CHARS: usize = 100;

/// A query's terms, split at spaces (full-width ones too), each with its synonyms; an empty
/// query has none.
pub fn terms(query: &str, synonyms: &Synonyms) -> Vec<Term> {
    let folded = fold(&query.chars().take(MOST_CHARS).collect::<String>());
    let mut terms: Vec<Term> = Vec::new();
    for words in folded.split(' ').filter(|w| !w.is_empty()) {
        if terms.iter().any(|t| t.words == words) {
            continue;
        }
        terms.push(Term {
            words: words.to_owned(),
            synonyms: synonyms.of(words),
        });
    }
    terms
}

/// How well a record matches: `None` when some term is in neither its title nor its body;
/// otherwise more for each term in the title than in the body, so titles rank first.
pub fn score(terms: &[Term], (title, body): (&str, &str)) -> Option<u32> {
    if terms.is_empty() {
        return None;
    }
    terms.iter().try_fold(0, |total, term| {
        match (term.found_in(title), term.found_in(body)) {
            (true, _) => Some(total + 3),
            (false, true) => Some(total + 1),
            (false, false) => None,
        }
    })
}

/// Groups of words that mean the same, folded.
#[derive(Debug, Clone, Default)]
pub struct Synonyms {
    groups: Vec<Vec<String>>,
}

impl Synonyms {
    /// The list shipped in `data/search_synonyms.csv`.
    pub fn shipped() -> Self {
        Self::parse(include_str!("../data/search_synonyms.csv"))
    }

    /// Groups from CSV lines of words; `#` starts a comment line.
    pub fn parse(text: &str) -> Self {
        let groups = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|line| {
                line.split(',')
                    .map(fold)
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
            })
            .filter(|group| group.len() > 1)
            .collect();
        Self { groups }
    }

    /// The other words of every group `folded` is in.
    pub fn of(&self, folded: &str) -> Vec<String> {
        let mut found: Vec<String> = self
            .groups
            .iter()
            .filter(|group| group.iter().any(|w| w == folded))
            .flat_map(|group| group.iter().filter(|w| *w != folded).cloned())
            .collect();
        found.dedup();
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_kana_and_case_fold_to_one_form() {
        assert_eq!(fold("ＰＣ　スキル"), "pc すきる");
        assert_eq!(fold("ﾊﾟｰﾄ"), "ぱーと", "half-width katakana with its mark");
        assert_eq!(fold("  在宅   勤務 "), "在宅 勤務");
        assert_eq!(fold("①"), "1");
    }

    #[test]
    fn bigrams_are_per_word_and_one_character_words_stay() {
        assert_eq!(bigrams(&fold("保育士")), ["保育", "育士"]);
        assert_eq!(bigrams(&fold("午前 扶養")), ["午前", "扶養"]);
        assert_eq!(bigrams(&fold("朝 在宅")), ["在宅", "朝"]);
        assert!(bigrams("").is_empty());
    }

    #[test]
    fn a_phrase_is_found_whole_and_in_order() {
        let none = Synonyms::default();
        let phrase = terms("在宅勤務", &none);
        assert!(phrase[0].found_in(&fold("週2日の在宅勤務です")));
        assert!(
            !phrase[0].found_in(&fold("在宅で、勤務は午前")),
            "apart is not the phrase"
        );
        let two = terms("在宅　午前", &none);
        assert_eq!(two.len(), 2);
        assert!(score(&two, (&fold("午前の在宅ワーク"), "")).is_some());
        assert!(
            score(&two, (&fold("在宅ワーク"), "")).is_none(),
            "every term must match"
        );
    }

    #[test]
    fn synonyms_count_as_the_word_and_one_character_terms_need_a_scan() {
        let synonyms = Synonyms::shipped();
        let remote = terms("テレワーク", &synonyms);
        assert_eq!(remote[0].words, "てれわーく");
        assert!(remote[0].synonyms.contains(&"在宅".to_owned()));
        assert!(remote[0].found_in(&fold("在宅でできるお仕事")));
        let within = terms("扶養内", &synonyms);
        assert!(within[0].found_in(&fold("扶養の範囲で働けます")));
        assert!(terms("朝", &synonyms)[0].needs_scan());
        assert!(!terms("保育", &synonyms)[0].needs_scan());
        assert!(terms(" 　", &synonyms).is_empty());
    }

    #[test]
    fn titles_rank_over_bodies() {
        let none = Synonyms::default();
        let q = terms("保育", &none);
        let in_title = score(&q, (&fold("保育補助"), &fold("午前のみ")));
        let in_body = score(&q, (&fold("事務補助"), &fold("保育園の近く")));
        assert!(in_title > in_body && in_body.is_some());
        assert_eq!(score(&q, ("", "")), None);
        assert_eq!(score(&[], ("保育", "")), None);
    }
}
