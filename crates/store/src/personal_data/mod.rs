//! What the database holds about a person, column by column: one classification of every table
//! and column (`map::TABLES`) drives both what a person downloads (`export`) and what deleting
//! their account removes (`erase`), so the two cannot drift apart. A test compares it with the
//! migrated schema: a column that a migration adds without classifying it here fails the suite.

mod erase;
mod export;
mod map;
mod register;

use std::collections::BTreeSet;

pub use erase::{Deletion, DeletionChannel, Erased, IdentityCheck};
pub use export::{PersonalRecords, TableRecords};
pub use map::TABLES;
pub use register::RegisterCounts;

use crate::schema::Schema;

/// What a column holds, as the personal-data law sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// About the person, theirs to download; removed when the account is deleted.
    Personal,
    /// About the person but kept from the download (staff's internal notes, secrets' digests,
    /// copies of mail that may hold one-time links); removed when the account is deleted.
    Internal,
    /// A fact the town's reports count, naming no one; kept.
    Aggregate,
    /// Keys, ids, the town's own content and bookkeeping; kept.
    System,
}

impl Class {
    /// Removed (or emptied) when the person's account is deleted.
    pub fn is_personal(self) -> bool {
        matches!(self, Class::Personal | Class::Internal)
    }
}

/// What deleting an account does to the person's rows of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Erase {
    /// The rows go.
    Delete,
    /// The rows stay (others' records point at them) with their personal columns emptied.
    Blank,
    /// The rows stay for the period the law requires, then retention removes them
    /// (provision records: 3 years after the provision).
    KeptByLaw,
    /// The table holds no one's rows: the town's content and bookkeeping.
    NoOnesRows,
}

/// One column: its class, the SQL value that empties it in place (`Erase::Blank`), whether it
/// may name other people (the person's name is replaced in every row when they are deleted),
/// and the translation key of its words in the download's README.
#[derive(Debug)]
pub struct Column {
    pub name: &'static str,
    pub class: Class,
    pub blank: &'static str,
    pub mentions: bool,
    pub label_key: &'static str,
}

/// One table: which rows are the person's (an SQL condition on `$1`, the account's id; empty
/// when none are), what deletion does to them, and its columns.
#[derive(Debug)]
pub struct Table {
    pub name: &'static str,
    pub rows: &'static str,
    pub erase: Erase,
    pub label_key: &'static str,
    pub columns: &'static [Column],
}

impl Table {
    /// The columns the person downloads (what is theirs, and the facts about them that are
    /// kept); none when the table holds no one's rows.
    pub fn exported(&self) -> impl Iterator<Item = &Column> {
        let personal = !self.rows.is_empty();
        self.columns
            .iter()
            .filter(move |c| personal && matches!(c.class, Class::Personal | Class::Aggregate))
    }

    /// The columns that still name the person after `erase` has run.
    pub fn erased(&self) -> impl Iterator<Item = &Column> {
        let personal = matches!(self.erase, Erase::Delete | Erase::Blank);
        self.columns
            .iter()
            .filter(move |c| personal && c.class.is_personal())
    }
}

/// Columns of the schema that the map does not classify (a migration added them): each
/// must be given a class in `map.rs` before the suite passes.
pub fn unclassified(schema: &Schema) -> Vec<(String, String)> {
    let known: BTreeSet<(&str, &str)> = TABLES
        .iter()
        .flat_map(|t| t.columns.iter().map(move |c| (t.name, c.name)))
        .collect();
    schema
        .iter()
        .flat_map(|(t, cols)| cols.iter().map(move |c| (t.clone(), c.clone())))
        .filter(|(t, c)| !known.contains(&(t.as_str(), c.as_str())))
        .collect()
}

/// Entries of the map that name no column of the schema (a migration dropped or renamed it).
pub fn stale(schema: &Schema) -> Vec<(&'static str, &'static str)> {
    TABLES
        .iter()
        .flat_map(|t| t.columns.iter().map(move |c| (t.name, c.name)))
        .filter(|(t, c)| {
            !schema
                .get(*t)
                .is_some_and(|cols| cols.iter().any(|x| x == c))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_of_a_persons_rows_says_how_to_find_them() {
        for table in TABLES {
            assert_eq!(
                table.rows.is_empty(),
                table.erase == Erase::NoOnesRows,
                "{}",
                table.name
            );
            if !table.rows.is_empty() {
                assert!(table.rows.contains("$1"), "{}", table.name);
            }
        }
    }

    #[test]
    fn blanked_tables_empty_every_personal_column_with_a_value() {
        for table in TABLES.iter().filter(|t| t.erase == Erase::Blank) {
            for column in table.erased() {
                assert!(!column.blank.is_empty(), "{}.{}", table.name, column.name);
            }
        }
    }

    #[test]
    fn a_column_missing_from_the_map_is_reported() {
        let mut schema = Schema::new();
        schema.insert(
            "account".into(),
            vec!["id".into(), "favourite_colour".into()],
        );
        assert_eq!(
            unclassified(&schema),
            vec![("account".to_owned(), "favourite_colour".to_owned())]
        );
    }
}
