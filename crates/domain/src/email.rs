//! E-mail addresses, checked only as far as a form can sensibly check them.

/// A plausible address: one `@`, something before it, a dotted domain after it, no spaces,
/// at most 254 characters. Whether it really receives mail is proven only by sending to it.
pub fn looks_like_email(raw: &str) -> bool {
    if raw.len() > 254 || raw.chars().any(char::is_whitespace) {
        return false;
    }
    match raw.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::looks_like_email;

    #[test]
    fn plausible_addresses_pass() {
        assert!(looks_like_email("hanako@example.jp"));
        assert!(!looks_like_email("hanako@example"));
        assert!(!looks_like_email("@example.jp"));
        assert!(!looks_like_email("ha nako@example.jp"));
        assert!(!looks_like_email("a@b@example.jp"));
    }
}
