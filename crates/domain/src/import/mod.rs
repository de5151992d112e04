//! Lists a town brings with it, read from CSV files made in Excel: the text's encoding found
//! (`encoding`), its records read (`csv`), columns mapped by their headers (Japanese headers
//! accepted), and each row checked into what it would create (`organization`), so a dry run
//! can say, line by line, what would be refused and why before anything is written.

pub mod csv;
pub mod encoding;
pub mod organization;

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
