//! Accounts: a person's sign-in and role in one town.

use crate::email::looks_like_email;
use crate::field_errors::FieldErrors;
use crate::furigana::Furigana;
use crate::password_policy;

/// The fields a person gives to create an account (sign-up or accepting an invitation).
#[derive(Debug, Clone)]
pub struct NewAccountInput<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub furigana: &'a str,
    pub password: &'a str,
}

/// A parsed account: the email is lowercased, the password meets the rule.
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub email: String,
    pub display_name: String,
    pub furigana: Furigana,
    pub password: String,
}

/// Lowercases and trims an email for storage and comparison.
pub fn normalize_email(raw: &str) -> String {
    raw.trim().to_lowercase()
}

/// An email address for an account, lowercased: required and well formed; the error is on
/// `email`.
pub fn parse_email(errors: &mut FieldErrors, raw: &str) -> Option<String> {
    let email = normalize_email(raw);
    if email.is_empty() {
        errors.add("email", "required");
        None
    } else if !looks_like_email(&email) {
        errors.add("email", "email-invalid");
        None
    } else {
        Some(email)
    }
}

/// Longest name as shown, in characters.
pub const DISPLAY_NAME_MAX: usize = 60;

/// A person's name as shown: required, at most 60 characters; the error is on `display_name`.
pub fn parse_display_name(errors: &mut FieldErrors, raw: &str) -> Option<String> {
    let name = raw.trim();
    if name.is_empty() {
        errors.add("display_name", "required");
        None
    } else if name.chars().count() > DISPLAY_NAME_MAX {
        errors.add("display_name", "too-long");
        None
    } else {
        Some(name.to_owned())
    }
}

impl NewAccount {
    pub fn parse(input: &NewAccountInput<'_>) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let email = parse_email(&mut errors, input.email).unwrap_or_default();
        let display_name = parse_display_name(&mut errors, input.display_name).unwrap_or_default();
        let furigana = Furigana::parse(input.furigana)
            .map_err(|e| errors.add("furigana", e.code()))
            .ok();
        if let Err(e) = password_policy::check(input.password) {
            errors.add("password", e.code());
        }
        match furigana {
            Some(furigana) if errors.is_empty() => Ok(Self {
                email,
                display_name,
                furigana,
                password: input.password.to_owned(),
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_checked_at_once() {
        let input = NewAccountInput {
            email: "nope",
            display_name: " ",
            furigana: "Hanako",
            password: "short",
        };
        let errors = NewAccount::parse(&input).unwrap_err();
        assert_eq!(errors.code_for("email"), Some("email-invalid"));
        assert_eq!(errors.code_for("display_name"), Some("required"));
        assert_eq!(errors.code_for("furigana"), Some("furigana-kana-only"));
        assert_eq!(errors.code_for("password"), Some("password-too-short"));
    }

    #[test]
    fn emails_are_lowercased() {
        let account = NewAccount::parse(&NewAccountInput {
            email: " Hanako@Example.JP ",
            display_name: "長泉 花子",
            furigana: "ながいずみ はなこ",
            password: "mikan-no-hana-2026",
        })
        .unwrap();
        assert_eq!(account.email, "hanako@example.jp");
    }
}
