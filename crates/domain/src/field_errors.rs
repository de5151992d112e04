//! Errors tied to the form field that caused them.

/// A list of (field, error code) pairs, in the order the fields were checked.
///
/// The field is the form's input name; the code is the suffix of a translation key
/// (`error-<code>`), so the web layer can show each message in the user's language next to
/// the field that caused it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(Vec<(&'static str, &'static str)>);

impl FieldErrors {
    pub fn add(&mut self, field: &'static str, code: &'static str) {
        self.0.push((field, code));
    }

    pub fn single(field: &'static str, code: &'static str) -> Self {
        Self(vec![(field, code)])
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first error code reported for `field`, if any.
    pub fn code_for(&self, field: &str) -> Option<&'static str> {
        self.0
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, code)| *code)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        self.0.iter().copied()
    }
}

impl std::fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|(field, code)| format!("{field}: {code}"))
            .collect();
        f.write_str(&parts.join(", "))
    }
}

impl std::error::Error for FieldErrors {}

/// A text field, trimmed: `required` when it must not be empty, at most `max` characters.
/// Records the field's error and returns the trimmed text either way.
pub fn text(
    errors: &mut FieldErrors,
    field: &'static str,
    raw: &str,
    max: usize,
    required: bool,
) -> String {
    let value = raw.trim();
    if required && value.is_empty() {
        errors.add(field, "required");
    } else if value.chars().count() > max {
        errors.add(field, "too-long");
    }
    value.to_owned()
}
