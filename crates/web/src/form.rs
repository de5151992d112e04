//! Form fields as templates show them: label, value, and the error tied to the field.

use domain::FieldErrors;
use domain::label::Label;

use crate::page::Page;

/// The key of a form field's label: `field-<name>`, `_` written `-`. Field names and error
/// codes are the one place keys are made from text: the domain reports errors by field name
/// and code, and `i18n_files` checks that every name and code in the sources has its words.
pub(crate) fn label_key(name: &str) -> String {
    format!("field-{}", name.replace('_', "-"))
}

/// The key of a field error's message: `error-<code>`.
fn error_key(code: &str) -> String {
    format!("error-{code}")
}

/// The box at the top of a refused form: what to do, then each failing field as a link to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    pub message: String,
    /// (`#id` of the field, 「label: what is wrong」).
    pub fields: Vec<(String, String)>,
}

/// Where a field that is not one input is on the page (the grid, the skill rows).
fn anchor(field: &str) -> String {
    match field {
        "availability" | "windows" => "grid".to_owned(),
        _ => format!("f-{field}"),
    }
}

/// The alert for `errors`, or `None` when there are none.
pub fn alert(page: &Page, errors: &FieldErrors) -> Option<Alert> {
    if errors.is_empty() {
        return None;
    }
    let mut fields: Vec<(String, String)> = Vec::new();
    for (field, code) in errors.iter() {
        let href = format!("#{}", anchor(field));
        if fields.iter().any(|(h, _)| *h == href) {
            continue;
        }
        fields.push((href, field_error_words(page.lang, field, code)));
    }
    Some(Alert {
        message: page.t("error-422-message"),
        fields,
    })
}

/// A field's error as the alert lists it: 「label：message」 (the message alone for a field
/// with no label of its own).
pub fn field_error_words(lang: crate::i18n::Lang, field: &str, code: &str) -> String {
    let message = lang.t(&error_key(code));
    match lang.try_t(&label_key(field)) {
        Some(label) => lang.t_args(
            "error-summary-item",
            &[("field", label), ("message", message)],
        ),
        None => message,
    }
}

impl Alert {
    /// An alert with words of its own and no field links (a whole-form problem).
    pub fn text(message: String) -> Self {
        Self {
            message,
            fields: Vec::new(),
        }
    }
}

/// The message of the error reported on `field`, if any.
pub fn error_text(page: &Page, errors: &FieldErrors, field: &str) -> Option<String> {
    errors.code_for(field).map(|code| page.t(&error_key(code)))
}

/// A select's options: each value as (its code, its words).
pub fn labelled<T: Label>(
    page: &Page,
    values: &[T],
    code: fn(T) -> &'static str,
) -> Vec<(String, String)> {
    values
        .iter()
        .map(|v| (code(*v).to_owned(), page.label(*v)))
        .collect()
}

/// A filter's options, "any" first: choosing it filters nothing.
pub fn with_any(page: &Page, options: Vec<(String, String)>) -> Vec<(String, String)> {
    std::iter::once((String::new(), page.t("filter-any")))
        .chain(options)
        .collect()
}

/// A select's options with a blank first choice (「選択してください」).
pub fn choices<T: Label>(
    page: &Page,
    values: &[T],
    code: fn(T) -> &'static str,
) -> Vec<(String, String)> {
    std::iter::once((String::new(), page.t("field-choose")))
        .chain(labelled(page, values, code))
        .collect()
}

/// The fields that have a value, in words: `label: value` (a choice by its words), joined
/// with ` / `. For audit entries that say what a search asked for.
pub fn chosen_in_words(fields: &[FieldView]) -> String {
    fields
        .iter()
        .filter(|f| !f.value.trim().is_empty())
        .map(|f| {
            let value = f
                .options
                .iter()
                .find(|(code, _)| *code == f.value)
                .map_or(f.value.as_str(), |(_, words)| words.as_str());
            format!("{}: {}", f.label, value)
        })
        .collect::<Vec<_>>()
        .join(" / ")
}

/// One input, ready for `templates/partials/field.html`.
#[derive(Debug, Clone)]
pub struct FieldView {
    pub name: &'static str,
    pub label: String,
    pub input_type: &'static str,
    pub value: String,
    pub error: Option<String>,
    /// The code of the error, so a builder can word it more precisely (`max_chars`).
    pub error_code: Option<&'static str>,
    pub hint: Option<String>,
    pub autocomplete: &'static str,
    pub required: bool,
    /// For `select` inputs: (value, label) pairs.
    pub options: Vec<(String, String)>,
    /// The most characters the field takes (`maxlength`), said in its "too long" error.
    pub max_chars: Option<usize>,
}

impl FieldView {
    /// A text-like input; its label is the message `field-<name>`.
    pub fn new(
        page: &Page,
        name: &'static str,
        input_type: &'static str,
        value: &str,
        errors: &FieldErrors,
    ) -> Self {
        Self {
            name,
            label: page.t(&label_key(name)),
            input_type,
            value: if input_type == "password" {
                String::new()
            } else {
                value.to_owned()
            },
            error: error_text(page, errors, name),
            error_code: errors.code_for(name),
            hint: None,
            autocomplete: "off",
            required: true,
            options: Vec::new(),
            max_chars: None,
        }
    }

    /// The field takes at most `max` characters: the browser stops there, and a "too long"
    /// error says the limit.
    pub fn max_chars(mut self, page: &Page, max: usize) -> Self {
        self.max_chars = Some(max);
        if self.error_code == Some("too-long") {
            self.error = Some(page.t1("error-too-long-max", "max", &max.to_string()));
        }
        self
    }

    pub fn autocomplete(mut self, value: &'static str) -> Self {
        self.autocomplete = value;
        self
    }

    pub fn hint(mut self, page: &Page, key: &str) -> Self {
        self.hint = Some(page.t(key));
        self
    }

    pub fn optional(mut self) -> Self {
        self.required = false;
        self
    }

    pub fn options(mut self, options: Vec<(String, String)>) -> Self {
        self.options = options;
        self
    }

    pub fn id(&self) -> String {
        format!("f-{}", self.name)
    }

    pub fn described_by(&self) -> String {
        let mut ids = Vec::new();
        if self.hint.is_some() {
            ids.push(format!("{}-hint", self.id()));
        }
        if self.error.is_some() {
            ids.push(format!("{}-error", self.id()));
        }
        ids.join(" ")
    }
}
