//! Page numbers from a query string, bounded so that no offset can overflow: anything that is
//! not a number from 1 becomes the first page, and numbers past [`PageNumber::MAX`] the last
//! one we serve.

use serde::{Deserialize, Deserializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PageNumber(u32);

impl PageNumber {
    pub const FIRST: PageNumber = PageNumber(1);
    /// The furthest page served; lists that long are filtered, not paged.
    pub const MAX: u32 = 10_000;

    pub fn parse(raw: &str) -> Self {
        let raw = raw.trim();
        let digits = !raw.is_empty() && raw.bytes().all(|b| b.is_ascii_digit());
        match raw.parse::<u64>() {
            Ok(0) => Self::FIRST,
            Ok(n) => PageNumber(u32::try_from(n.min(u64::from(Self::MAX))).unwrap_or(Self::MAX)),
            Err(_) if digits => PageNumber(Self::MAX),
            Err(_) => Self::FIRST,
        }
    }

    pub fn get(self) -> u32 {
        self.0
    }

    /// Rows to skip for pages of `size` rows.
    pub fn offset(self, size: u32) -> i64 {
        i64::from(self.0 - 1) * i64::from(size)
    }

    pub fn next(self) -> Option<Self> {
        (self.0 < Self::MAX).then_some(PageNumber(self.0 + 1))
    }

    pub fn previous(self) -> Option<Self> {
        (self.0 > 1).then_some(PageNumber(self.0 - 1))
    }
}

impl Default for PageNumber {
    fn default() -> Self {
        Self::FIRST
    }
}

impl<'de> Deserialize<'de> for PageNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Ok(Self::parse(&raw))
    }
}

#[cfg(test)]
mod tests {
    use super::PageNumber;

    #[test]
    fn any_text_gives_a_page_whose_offset_fits() {
        assert_eq!(PageNumber::parse("3").get(), 3);
        assert_eq!(PageNumber::parse("0"), PageNumber::FIRST);
        assert_eq!(PageNumber::parse("-5"), PageNumber::FIRST);
        assert_eq!(PageNumber::parse("abc"), PageNumber::FIRST);
        let huge = PageNumber::parse("9223372036854775807");
        assert_eq!(huge.get(), PageNumber::MAX);
        assert_eq!(huge.offset(50), 499_950);
        assert_eq!(huge.next(), None);
        assert_eq!(
            PageNumber::parse("99999999999999999999999").get(),
            PageNumber::MAX
        );
        assert_eq!(PageNumber::FIRST.previous(), None);
        assert_eq!(PageNumber::parse("2").previous(), Some(PageNumber::FIRST));
    }
}
