//! Excel workbooks of `spreadsheet::Table`s: one sheet per table, one header row frozen at the
//! top, no merged cells, a Japanese font set on every cell (游ゴシック, Shift_JIS character
//! set), numbers as numbers, days as dates, shares as percentages. Text that would start a
//! formula is marked as text (Excel's quote prefix: shown as typed, never run).

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::{Table, Value};

/// The font every cell is written in.
pub const FONT: &str = "游ゴシック";
/// The Windows character set of the font: Shift_JIS, so Excel picks a Japanese face.
const CHARSET_SHIFT_JIS: u8 = 128;

fn formats() -> [Format; 5] {
    let base = Format::new()
        .set_font_name(FONT)
        .set_font_charset(CHARSET_SHIFT_JIS)
        .set_font_size(11);
    [
        base.clone().set_bold(),
        base.clone(),
        base.clone().set_quote_prefix(),
        base.clone().set_num_format("yyyy/mm/dd"),
        base.set_num_format("0.0%"),
    ]
}

/// A sheet's name as Excel allows it: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect()
}

/// Whether a text cell would start a formula in a spreadsheet.
fn looks_like_formula(text: &str) -> bool {
    matches!(
        text.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r')
    )
}

/// The workbook's bytes.
pub fn workbook(tables: &[Table]) -> Result<Vec<u8>, XlsxError> {
    let [header, plain, quoted, date, percent] = formats();
    let mut book = Workbook::new();
    for table in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name(&table.name))?;
        for (col, title) in (0_u16..).zip(&table.header) {
            sheet.write_string_with_format(0, col, title, &header)?;
            sheet.set_column_width(col, column_width(table, usize::from(col)))?;
        }
        for (row, cells) in (1_u32..).zip(&table.rows) {
            for (col, cell) in (0_u16..).zip(cells) {
                match cell {
                    Value::Text(text) if looks_like_formula(text) => {
                        sheet.write_string_with_format(row, col, text, &quoted)?
                    }
                    Value::Text(text) => sheet.write_string_with_format(row, col, text, &plain)?,
                    Value::Number(n) => {
                        sheet.write_number_with_format(row, col, *n as f64, &plain)?
                    }
                    Value::Decimal(d) => sheet.write_number_with_format(row, col, *d, &plain)?,
                    Value::Percent(p) => sheet.write_number_with_format(row, col, *p, &percent)?,
                    Value::Date(d) => sheet.write_datetime_with_format(row, col, d, &date)?,
                    Value::Empty => sheet.write_blank(row, col, &plain)?,
                };
            }
        }
        sheet.set_freeze_panes(1, 0)?;
    }
    book.save_to_buffer()
}

/// A column wide enough for its longest cell, counting full-width characters twice, within
/// reason.
fn column_width(table: &Table, col: usize) -> f64 {
    let width =
        |text: &str| -> usize { text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum() };
    let longest = table
        .rows
        .iter()
        .filter_map(|row| match row.get(col) {
            Some(Value::Text(text)) => Some(width(text)),
            Some(Value::Number(_) | Value::Decimal(_) | Value::Percent(_)) => Some(8),
            Some(Value::Date(_)) => Some(10),
            _ => None,
        })
        .chain(table.header.get(col).map(|h| width(h)))
        .max()
        .unwrap_or(8);
    (longest.clamp(6, 60) + 2) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_what_excel_allows() {
        assert_eq!(sheet_name("目標と達成率[2026/27]"), "目標と達成率202627");
        assert_eq!(sheet_name(&"あ".repeat(40)).chars().count(), 31);
        assert!(looks_like_formula("=SUM(A1)"));
        assert!(looks_like_formula("-1"));
        assert!(!looks_like_formula("長泉町"));
    }
}
