//! What a password must be. Hashing happens at the edge (argon2id in the web layer); this is
//! the rule alone.
//!
//! Following NIST SP 800-63B: a minimum length, a generous maximum, no composition rules, and
//! a check against passwords known to be common.

/// The fewest characters a password may have.
pub const MIN_CHARS: usize = 10;
/// The most characters a password may have.
pub const MAX_CHARS: usize = 128;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    #[error("the password is shorter than {MIN_CHARS} characters")]
    TooShort,
    #[error("the password is longer than {MAX_CHARS} characters")]
    TooLong,
    #[error("the password is too common")]
    TooCommon,
}

impl PasswordError {
    /// The translation-key suffix of the message.
    pub fn code(self) -> &'static str {
        match self {
            PasswordError::TooShort => "password-too-short",
            PasswordError::TooLong => "password-too-long",
            PasswordError::TooCommon => "password-too-common",
        }
    }
}

/// Common passwords of ten or more characters, compared without case. Shorter common
/// passwords are already refused by the length rule.
const COMMON: &[&str] = &[
    "1234567890",
    "12345678910",
    "0123456789",
    "0987654321",
    "1111111111",
    "0000000000",
    "1234512345",
    "123456789a",
    "a123456789",
    "qwertyuiop",
    "asdfghjkl;",
    "1q2w3e4r5t",
    "1qaz2wsx3edc",
    "zaq12wsxcde3",
    "qwerty12345",
    "qwerty123456",
    "password12",
    "password123",
    "password1234",
    "passw0rd123",
    "iloveyou12",
    "abcdefghij",
    "abcd123456",
    "abc1234567",
    "aaaaaaaaaa",
    "princess12",
    "sunshine12",
    "football12",
    "baseball12",
    "superman12",
    "welcome123",
    "letmein123",
    "administrator",
    "changeme123",
    "trustno1234",
    "dragon1234",
    "monkey1234",
    "starwars12",
    "pokemon123",
    "doraemon12",
    "sakura1234",
    "arigatou12",
    "konnichiwa",
    "nagaizumi1",
    "wakucareer",
    "wakucareer1",
    "shizuoka12",
];

/// Checks a password against the rule.
pub fn check(password: &str) -> Result<(), PasswordError> {
    let chars = password.chars().count();
    if chars < MIN_CHARS {
        return Err(PasswordError::TooShort);
    }
    if chars > MAX_CHARS {
        return Err(PasswordError::TooLong);
    }
    let lower = password.to_lowercase();
    if COMMON.contains(&lower.as_str()) || is_one_repeated_character(&lower) {
        return Err(PasswordError::TooCommon);
    }
    Ok(())
}

fn is_one_repeated_character(password: &str) -> bool {
    let mut chars = password.chars();
    chars.next().is_some_and(|first| chars.all(|c| c == first))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_is_checked_in_characters() {
        assert_eq!(check("short"), Err(PasswordError::TooShort));
        assert_eq!(check("あいうえおかきくけこ"), Ok(()));
        assert_eq!(check(&"x1".repeat(64)), Ok(()));
        assert_eq!(check(&"x1".repeat(65)), Err(PasswordError::TooLong));
    }

    #[test]
    fn common_passwords_are_refused() {
        assert_eq!(check("1234567890"), Err(PasswordError::TooCommon));
        assert_eq!(check("Password123"), Err(PasswordError::TooCommon));
        assert_eq!(check("zzzzzzzzzzzz"), Err(PasswordError::TooCommon));
        assert_eq!(check("mikan-no-hana-2026"), Ok(()));
    }
}
