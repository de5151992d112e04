//! Whole numbers as people type them into a form: Japanese keyboards often give full-width
//! digits (１２０), and amounts are written with thousands separators (1,200). One reading for
//! every form that asks for a count or an amount.

/// A full-width digit as its ASCII digit; any other character unchanged.
pub fn fullwidth_digit(c: char) -> char {
    match c {
        '０'..='９' => {
            char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c)
        }
        _ => c,
    }
}

/// The digits of `raw` with full-width digits made ASCII, surrounding space trimmed and the
/// characters in `ignored` (separators, a unit such as 円) left out.
pub fn digits(raw: &str, ignored: &[char]) -> String {
    raw.trim()
        .chars()
        .filter(|c| !ignored.contains(c))
        .map(fullwidth_digit)
        .collect()
}

/// A whole number typed with optional thousands separators (`,` or `，`); `None` when it is
/// not one.
pub fn whole_number(raw: &str) -> Option<u64> {
    digits(raw, &[',', '，']).parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_and_separators_are_read() {
        assert_eq!(whole_number("１２０"), Some(120));
        assert_eq!(whole_number(" 1,200 "), Some(1200));
        assert_eq!(whole_number("１，０００"), Some(1000));
        assert_eq!(whole_number("0"), Some(0));
        assert_eq!(whole_number(""), None);
        assert_eq!(whole_number("-3"), None);
        assert_eq!(whole_number("十"), None);
        assert_eq!(whole_number("1.5"), None);
        assert_eq!(digits("1,100円", &[',', '円']), "1100");
    }
}
