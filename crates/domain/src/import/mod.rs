//! Lists a town brings with it, read from CSV files made in Excel: the text's encoding found
//! (`encoding`), its records read (`csv`), columns mapped by their headers (Japanese headers
//! accepted), and each row checked into what it would create (`organization`), so a dry run
//! can say, line by line, what would be refused and why before anything is written.

pub mod csv;
pub mod encoding;
pub mod organization;
pub mod participant;

use crate::FieldErrors;

/// One refused line: its number in the file (the header is line 1) and what is wrong, by
/// field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub line: usize,
    pub errors: FieldErrors,
}

/// What an import would do: the rows it would write, and the lines it would refuse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan<T> {
    pub rows: Vec<T>,
    pub refused: Vec<Refused>,
}

/// A header as compared: without a BOM, surrounding space, and case for Latin letters.
pub fn header_key(header: &str) -> String {
    header.trim_start_matches('\u{FEFF}').trim().to_lowercase()
}

/// Where each field's column is: the first header that is one of the field's names.
pub fn columns(
    header: &[String],
    fields: &[(&'static str, &[&str])],
) -> Vec<(&'static str, Option<usize>)> {
    fields
        .iter()
        .map(|(field, names)| {
            let at = header
                .iter()
                .position(|h| names.iter().any(|n| header_key(n) == header_key(h)));
            (*field, at)
        })
        .collect()
}

crate::coded!(
    /// What can be wrong with a file as a whole.
    FileFault {
        Empty = "empty" => "import-file-empty",
        NoNameColumn = "no_name_column" => "import-file-no-name-column",
        NoEmailColumn = "no_email_column" => "import-file-no-email-column",
        NoRows = "no_rows" => "import-file-no-rows",
        UnclosedQuote = "unclosed_quote" => "import-file-unclosed-quote",
    }
);

/// A whole-file problem, and the line where there is one.
pub type FileProblem = (FileFault, Option<usize>);

/// One line of a file: its number and each field's trimmed value ("" without a column).
pub type Line = (usize, Vec<(&'static str, String)>);

/// The file's lines, each field's value read from its column: a file with no lines, or
/// without a column for a `required` field (with the fault it is), is refused whole.
pub fn lines(
    text: &str,
    fields: &[(&'static str, &[&str])],
    required: &[(&'static str, FileFault)],
) -> Result<Vec<Line>, FileProblem> {
    let records = csv::records(text).map_err(|line| (FileFault::UnclosedQuote, Some(line)))?;
    let Some(((_, header), lines)) = records.split_first() else {
        return Err((FileFault::Empty, None));
    };
    let at = columns(header, fields);
    for (field, fault) in required {
        if at.iter().any(|(f, c)| f == field && c.is_none()) {
            return Err((*fault, None));
        }
    }
    if lines.is_empty() {
        return Err((FileFault::NoRows, None));
    }
    Ok(lines
        .iter()
        .map(|(line, cells)| {
            let values = at
                .iter()
                .map(|(field, c)| {
                    let value = c.and_then(|c| cells.get(c)).map_or("", |v| v.trim());
                    (*field, value.to_owned())
                })
                .collect();
            (*line, values)
        })
        .collect())
}

/// A line's value of `field` ("" when it has none).
pub fn cell<'a>(values: &'a [(&'static str, String)], field: &str) -> &'a str {
    values
        .iter()
        .find(|(f, _)| *f == field)
        .map_or("", |(_, v)| v.as_str())
}

/// A value written as its code or as one of its words (either language), if it is one.
pub fn chosen<T: Copy>(
    raw: &str,
    code: fn(T) -> &'static str,
    words: &[(T, Vec<String>)],
) -> Option<T> {
    let raw = raw.trim().to_lowercase();
    words
        .iter()
        .find(|(value, names)| {
            code(*value) == raw || names.iter().any(|n| n.trim().to_lowercase() == raw)
        })
        .map(|(value, _)| *value)
}
