//! CSV downloads that open correctly in Excel: UTF-8 with a byte-order mark, CRLF line ends,
//! quoted fields, and text cells that would start a formula made inert (numbers are written as
//! numbers, untouched).

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// One cell: quoted, its quotes doubled; a leading `=`, `+`, `-`, `@`, tab or CR gets a `'`
/// so a spreadsheet shows it as text instead of running it.
pub fn cell(text: &str) -> String {
    let inert = match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    };
    format!("\"{}\"", inert.replace('"', "\"\""))
}

/// One line of cells, with its CRLF.
pub fn line<S: AsRef<str>>(cells: &[S]) -> String {
    let cells: Vec<String> = cells.iter().map(|c| cell(c.as_ref())).collect();
    format!("{}\r\n", cells.join(","))
}

/// The whole file as a download named `filename` (ASCII).
pub fn download(filename: &str, lines: &[String]) -> Response {
    let mut body = String::from("\u{FEFF}");
    for l in lines {
        body.push_str(l);
    }
    attachment(body.into_bytes(), "text/csv; charset=utf-8", filename)
}

/// A file to save: its type, its name (ASCII) and no caching anywhere.
pub fn attachment(body: Vec<u8>, content_type: &'static str, filename: &str) -> Response {
    let mut response = (StatusCode::OK, body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_formulas_made_text() {
        assert_eq!(cell("長泉 花子"), "\"長泉 花子\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("-1"), "\"'-1\"");
        assert_eq!(line(&["a", "b,c"]), "\"a\",\"b,c\"\r\n");
    }
}
