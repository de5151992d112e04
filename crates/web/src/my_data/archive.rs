//! The zip a person downloads: per kind of record a JSON file and a CSV (UTF-8 with BOM, for
//! Excel), a `README.html` explaining every file and column in the person's language, and
//! `summary.html`, the same data as readable tables. Built from `store::personal_data`, so
//! every column the map calls personal is in it.

use std::io::Write;

use askama::Template;
use store::personal_data::PersonalRecords;
use zip::write::SimpleFileOptions;

use crate::i18n::Lang;

/// One kind of record as the README and the summary show it.
struct Kind {
    label: String,
    json: String,
    csv: String,
    columns: Vec<(String, String)>,
    rows: Vec<Vec<String>>,
    /// The rows in words, for the summary (`readable`).
    shown: Vec<Vec<String>>,
}

#[derive(Template)]
#[template(path = "my_data/readme.html")]
struct Readme<'a> {
    lang: &'a str,
    t: Words,
    kinds: &'a [Kind],
}

#[derive(Template)]
#[template(path = "my_data/summary.html")]
struct Summary<'a> {
    lang: &'a str,
    t: Words,
    kinds: &'a [Kind],
}

/// The fixed words of both documents.
struct Words {
    title: String,
    lead: String,
    files: String,
    summary_title: String,
    column: String,
    meaning: String,
    none: String,
    rows: String,
    open: &'static str,
    close: &'static str,
}

impl Words {
    fn new(lang: Lang, person: &str) -> Self {
        Self {
            title: lang.t("data-readme-title"),
            lead: lang.t_args("data-readme-lead", &[("name", person.to_owned())]),
            files: lang.t("data-readme-files"),
            summary_title: lang.t("data-summary-title"),
            column: lang.t("data-readme-column"),
            meaning: lang.t("data-readme-meaning"),
            none: lang.t("data-summary-none"),
            rows: lang.t("data-readme-rows"),
            open: crate::formats::parens(lang).0,
            close: crate::formats::parens(lang).1,
        }
    }
}

/// The archive's bytes, or why it could not be written.
pub fn build(
    records: &PersonalRecords,
    (lang, skills): (Lang, &domain::skill::Taxonomy),
    person: &str,
) -> Result<Vec<u8>, String> {
    let kinds = kinds(records, lang, skills);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut add = |name: &str, bytes: &[u8]| -> Result<(), String> {
        zip.start_file(name, options).map_err(|e| e.to_string())?;
        zip.write_all(bytes).map_err(|e| e.to_string())
    };
    let words = || Words::new(lang, person);
    let readme = Readme {
        lang: lang.code(),
        t: words(),
        kinds: &kinds,
    };
    add(
        "README.html",
        readme.render().map_err(|e| e.to_string())?.as_bytes(),
    )?;
    let summary = Summary {
        lang: lang.code(),
        t: words(),
        kinds: &kinds,
    };
    add(
        "summary.html",
        summary.render().map_err(|e| e.to_string())?.as_bytes(),
    )?;
    for (kind, table) in kinds.iter().zip(&records.tables) {
        add(&kind.json, json(table).as_bytes())?;
        add(&kind.csv, csv(kind).as_bytes())?;
    }
    let cursor = zip.finish().map_err(|e| e.to_string())?;
    Ok(cursor.into_inner())
}

fn kinds(records: &PersonalRecords, lang: Lang, skills: &domain::skill::Taxonomy) -> Vec<Kind> {
    records
        .tables
        .iter()
        .map(|t| Kind {
            shown: t
                .rows
                .iter()
                .map(|r| {
                    t.columns
                        .iter()
                        .zip(r)
                        .map(|(c, v)| {
                            let raw = v.as_deref().unwrap_or_default();
                            super::readable::value(lang, skills, (t.table.name, c.name), raw)
                        })
                        .collect()
                })
                .collect(),
            label: lang.t(t.table.label_key),
            json: format!("{}.json", t.table.name),
            csv: format!("{}.csv", t.table.name),
            columns: t
                .columns
                .iter()
                .map(|c| (c.name.to_owned(), lang.t(c.label_key)))
                .collect(),
            rows: t
                .rows
                .iter()
                .map(|r| r.iter().map(|v| v.clone().unwrap_or_default()).collect())
                .collect(),
        })
        .collect()
}

/// The rows as an array of objects keyed by column name (`null` for an empty value).
fn json(table: &store::personal_data::TableRecords) -> String {
    let rows: Vec<serde_json::Map<String, serde_json::Value>> = table
        .rows
        .iter()
        .map(|row| {
            table
                .columns
                .iter()
                .zip(row)
                .map(|(c, v)| {
                    let value = v.clone().map_or(serde_json::Value::Null, Into::into);
                    (c.name.to_owned(), value)
                })
                .collect()
        })
        .collect();
    serde_json::to_string_pretty(&rows).unwrap_or_default()
}

/// The rows with the column names as the header, as Excel opens them.
fn csv(kind: &Kind) -> String {
    let header: Vec<&str> = kind.columns.iter().map(|(name, _)| name.as_str()).collect();
    let mut text = String::from("\u{FEFF}");
    text.push_str(&crate::csv_file::line(&header));
    for row in &kind.rows {
        text.push_str(&crate::csv_file::line(row));
    }
    text
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use store::personal_data::{TABLES, TableRecords};

    use super::*;

    #[test]
    fn every_downloaded_table_and_column_has_its_words_in_both_languages() {
        for table in TABLES.iter().filter(|t| t.exported().next().is_some()) {
            for lang in Lang::ALL {
                assert!(lang.try_t(table.label_key).is_some(), "{}", table.label_key);
                for column in table.exported() {
                    let words = lang.try_t(column.label_key);
                    assert!(words.is_some(), "{}", column.label_key);
                    if lang == Lang::En {
                        let japanese = words.unwrap().chars().any(|c| c > '\u{3000}');
                        assert!(!japanese, "{} in English", column.label_key);
                    }
                }
            }
        }
    }

    #[test]
    fn the_zip_holds_a_readme_a_summary_and_each_kind_as_json_and_csv() {
        let table = TABLES.iter().find(|t| t.name == "account").unwrap();
        let columns: Vec<_> = table.exported().collect();
        let row = columns
            .iter()
            .map(|c| {
                Some(
                    if c.name == "display_name" {
                        "泉 <b>由紀</b>"
                    } else {
                        "x"
                    }
                    .to_owned(),
                )
            })
            .collect();
        let records = PersonalRecords {
            tables: vec![TableRecords {
                table,
                columns,
                rows: vec![row],
            }],
        };
        let skills = domain::skill::Taxonomy::shipped().unwrap();
        let bytes = build(&records, (Lang::Ja, &skills), "泉 由紀").unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut names = Vec::new();
        for i in 0..zip.len() {
            names.push(zip.by_index(i).unwrap().name().unwrap().to_string());
        }
        assert_eq!(
            names,
            ["README.html", "summary.html", "account.json", "account.csv"]
        );
        let mut summary = String::new();
        zip.by_name("summary.html")
            .unwrap()
            .read_to_string(&mut summary)
            .unwrap();
        assert!(summary.contains("泉 &#60;b&#62;由紀"), "escaped: {summary}");
        assert!(summary.contains("お名前"));
        let mut csv = String::new();
        zip.by_name("account.csv")
            .unwrap()
            .read_to_string(&mut csv)
            .unwrap();
        assert!(csv.starts_with("\u{FEFF}\"role\",") && csv.contains("\r\n"));
        let mut json = String::new();
        zip.by_name("account.json")
            .unwrap()
            .read_to_string(&mut json)
            .unwrap();
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(parsed[0]["display_name"], "泉 <b>由紀</b>");
    }
}
