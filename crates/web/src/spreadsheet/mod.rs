//! Tables that staff download, in the file they choose: CSV in UTF-8 with a BOM (Excel opens it
//! as it is), CSV in Shift_JIS for older tools (`shift_jis`), or an Excel workbook
//! (`xlsx`). A download is built once as [`Table`]s and written in any of the three, so
//! the files hold the same cells.

pub mod shift_jis;
mod xlsx;

use axum::response::Response;

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    /// A count or an amount: a number in every file, never neutralised.
    Number(i64),
    /// A figure that may have a fraction, such as a median of days.
    Decimal(f64),
    /// A share such as 達成率, as a fraction (1.234 is 123.4%).
    Percent(f64),
    /// A day: a date in a workbook, `2026-04-01` in CSV.
    Date(chrono::NaiveDate),
    Empty,
}

impl Value {
    pub fn text(text: impl Into<String>) -> Self {
        Value::Text(text.into())
    }

    pub fn count(n: u64) -> Self {
        Value::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }

    /// The cell as CSV writes it.
    fn csv(&self) -> String {
        match self {
            Value::Text(text) => crate::csv_file::cell(text),
            Value::Number(n) => n.to_string(),
            Value::Decimal(d) => d.to_string(),
            Value::Percent(p) => format!("{:.1}%", p * 100.0),
            Value::Date(d) => d.format("%Y-%m-%d").to_string(),
            Value::Empty => String::new(),
        }
    }
}

/// One table: its name (a workbook's sheet), one header row, and its rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

impl Table {
    /// The table as CSV lines, the header first, each with its CRLF.
    pub fn csv_lines(&self) -> Vec<String> {
        std::iter::once(crate::csv_file::line(&self.header))
            .chain(self.rows.iter().map(|row| {
                let cells: Vec<String> = row.iter().map(Value::csv).collect();
                format!("{}\r\n", cells.join(","))
            }))
            .collect()
    }
}

domain::coded!(
    /// The file a download is written as.
    FileFormat {
        Csv = "csv" => "file-format-csv",
        ShiftJis = "sjis" => "file-format-sjis",
        Xlsx = "xlsx" => "file-format-xlsx",
    }
);

impl FileFormat {
    /// The format asked for in a query; CSV in UTF-8 when none is.
    pub fn asked(typed: &str) -> Option<FileFormat> {
        if typed.is_empty() {
            Some(FileFormat::Csv)
        } else {
            FileFormat::from_code(typed)
        }
    }

    fn extension(self) -> &'static str {
        match self {
            FileFormat::Csv | FileFormat::ShiftJis => "csv",
            FileFormat::Xlsx => "xlsx",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            FileFormat::Csv => "text/csv; charset=utf-8",
            FileFormat::ShiftJis => "text/csv; charset=Shift_JIS",
            FileFormat::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }
}

/// The sheet that says what the file is: when, by whom, with which filters, how many people.
pub fn about_table(
    page: &crate::page::Page,
    staff: &store::account::Account,
    (filters, people): (&str, usize),
) -> Table {
    let line = |key: &str, value: Value| vec![Value::text(page.t(key)), value];
    Table {
        name: page.t("export-about-sheet"),
        header: vec![page.t("export-about-item"), page.t("export-about-value")],
        rows: vec![
            line(
                "export-made-at",
                Value::text(page.date_time(chrono::Utc::now())),
            ),
            line(
                "export-made-by",
                Value::text(format!("{}（No.{}）", staff.display_name, staff.id.0)),
            ),
            line("export-filters", Value::text(filters)),
            line("export-people", Value::count(people as u64)),
            line("export-care", Value::text(page.t("export-care-note"))),
        ],
    }
}

/// A file's name: what, the day and time it was made, and the number of who asked.
pub fn file_stem(
    town: &domain::Municipality,
    what: &str,
    staff: &store::account::Account,
) -> String {
    let made = domain::local_time::to_jst(chrono::Utc::now()).format("%Y%m%d-%H%M");
    format!("{}-{what}-{made}-no{}", town.slug, staff.id.0)
}

/// Why a file could not be written.
#[derive(Debug)]
pub enum Unwritable {
    /// Shift_JIS lacks these characters.
    Missing(Vec<char>),
    Workbook(String),
}

/// A written file: its name, bytes and content type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub name: String,
    pub bytes: Vec<u8>,
    pub content_type: &'static str,
}

impl File {
    /// The file as a download.
    pub fn attachment(self) -> Response {
        crate::csv_file::attachment(self.bytes, self.content_type, &self.name)
    }
}

/// The tables as a file named `stem` plus the format's extension. A CSV holds the first
/// table; a workbook holds each as a sheet.
pub fn file(format: FileFormat, stem: &str, tables: &[Table]) -> Result<File, Unwritable> {
    let first = tables.first().map(Table::csv_lines).unwrap_or_default();
    let bytes = match format {
        FileFormat::Csv => {
            let mut text = String::from("\u{FEFF}");
            text.extend(first);
            text.into_bytes()
        }
        FileFormat::ShiftJis => shift_jis::encode(&first.concat()).map_err(Unwritable::Missing)?,
        FileFormat::Xlsx => {
            xlsx::workbook(tables).map_err(|e| Unwritable::Workbook(e.to_string()))?
        }
    };
    Ok(File {
        name: format!("{stem}.{}", format.extension()),
        bytes,
        content_type: format.content_type(),
    })
}

/// The tables as a download (see [`file`]).
pub fn download(format: FileFormat, stem: &str, tables: &[Table]) -> Result<Response, Unwritable> {
    file(format, stem, tables).map(File::attachment)
}

/// What to tell the person whose file could not be written.
pub fn refusal(page: &crate::page::Page, why: &Unwritable) -> crate::form::Alert {
    crate::form::Alert::text(refusal_words(page, why))
}

/// [`refusal`]'s words.
pub fn refusal_words(page: &crate::page::Page, why: &Unwritable) -> String {
    match why {
        Unwritable::Missing(chars) => {
            let listed: Vec<String> = chars
                .iter()
                .map(|c| format!("「{c}」(U+{:04X})", u32::from(*c)))
                .collect();
            page.t1("file-shift-jis-missing", "chars", &listed.join(" "))
        }
        Unwritable::Workbook(error) => {
            tracing::error!(%error, "cannot write a workbook");
            page.t("file-workbook-failed")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tables_csv_keeps_numbers_as_numbers_and_text_inert() {
        let table = Table {
            name: "t".into(),
            header: vec![
                "指標".into(),
                "実績値".into(),
                "達成率".into(),
                "目標値".into(),
                "日".into(),
            ],
            rows: vec![
                vec![
                    Value::text("=1+1"),
                    Value::Number(-3),
                    Value::Percent(1.234),
                    Value::Empty,
                    Value::Date(chrono::NaiveDate::from_ymd_opt(2026, 4, 1).unwrap()),
                ],
                vec![
                    Value::Decimal(20.5),
                    Value::Decimal(31.0),
                    Value::Empty,
                    Value::Empty,
                    Value::Empty,
                ],
            ],
        };
        assert_eq!(
            table.csv_lines(),
            [
                "\"指標\",\"実績値\",\"達成率\",\"目標値\",\"日\"\r\n",
                "\"'=1+1\",-3,123.4%,,2026-04-01\r\n",
                "20.5,31,,,\r\n"
            ]
        );
        assert_eq!(FileFormat::asked(""), Some(FileFormat::Csv));
        assert_eq!(FileFormat::asked("xlsx"), Some(FileFormat::Xlsx));
        assert_eq!(FileFormat::asked("pdf"), None);
    }
}
