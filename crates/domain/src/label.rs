//! How a status, kind or code is named to a person: each enum shown on a page has one
//! [`Label::label_key`], the key of its words in the translation files. Nothing builds a key
//! from a code at run time, so a missing word is a failing test (`web`'s label test renders
//! every variant in every language), never a raw key on a page.
//!
//! Codes are how the values are stored; [`UnknownCode`] is the error when a stored code no
//! longer names a value, raised where the store reads the row.

/// A value shown to a person by name.
pub trait Label: Copy + 'static {
    /// The key of its words in the translation files.
    fn label_key(self) -> &'static str;
    /// Every value, for the test that each has words.
    fn every() -> Vec<Self>;
}

/// A stored code that names no value of `kind`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{code:?} is not a known {kind}")]
pub struct UnknownCode {
    pub kind: &'static str,
    pub code: String,
}

/// Implements [`Label`] for an enum from one table of `Variant => "key"`; the match is
/// exhaustive, so a new variant without words does not compile.
#[macro_export]
macro_rules! labels {
    ($ty:ty { $($variant:path => $key:literal),+ $(,)? }) => {
        impl $crate::label::Label for $ty {
            fn label_key(self) -> &'static str {
                match self { $($variant => $key),+ }
            }
            fn every() -> Vec<Self> {
                vec![$($variant),+]
            }
        }
    };
}

/// Implements `TryFrom<String>` through the type's `from_code`, so the store maps a row's
/// code to the value at its edge (`#[sqlx(try_from = "String")]`).
#[macro_export]
macro_rules! stored_code {
    ($ty:ty, $kind:expr) => {
        impl TryFrom<String> for $ty {
            type Error = $crate::label::UnknownCode;
            fn try_from(code: String) -> Result<Self, Self::Error> {
                <$ty>::from_code(&code).ok_or($crate::label::UnknownCode { kind: $kind, code })
            }
        }
    };
}

/// A code stored in a column that may be empty (NULL): `None`, or a value that must be known.
/// Stores read such columns through it (`#[sqlx(try_from = "Option<String>")]`), so an
/// unknown code is an error where it is read, never a silently missing value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct OptionalCode<T>(pub Option<T>);

impl<T: Copy> OptionalCode<T> {
    pub fn get(&self) -> Option<T> {
        self.0
    }
}

impl<T: TryFrom<String, Error = UnknownCode>> TryFrom<Option<String>> for OptionalCode<T> {
    type Error = UnknownCode;
    fn try_from(code: Option<String>) -> Result<Self, Self::Error> {
        code.map(T::try_from).transpose().map(OptionalCode)
    }
}

/// An enum with a stored code and a label for each value: `ALL`, `code`, `from_code`,
/// `TryFrom<String>` and [`Label`] from one table of `Variant = "code" => "key"`.
#[macro_export]
macro_rules! coded {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal => $key:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.code() == code)
            }
        }

        $crate::labels!($name { $($name::$variant => $key),+ });
        $crate::stored_code!($name, stringify!($name));
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    coded!(
        /// A test enum.
        Colour { Red = "red" => "colour-red", DarkBlue = "dark_blue" => "colour-dark-blue" }
    );

    #[test]
    fn an_empty_column_is_none_and_an_unknown_code_still_an_error() {
        assert_eq!(
            OptionalCode::<Colour>::try_from(None),
            Ok(OptionalCode(None))
        );
        assert_eq!(
            OptionalCode::<Colour>::try_from(Some("red".to_owned())).map(|c| c.get()),
            Ok(Some(Colour::Red))
        );
        assert!(OptionalCode::<Colour>::try_from(Some("green".to_owned())).is_err());
    }

    #[test]
    fn codes_round_trip_and_unknown_codes_are_errors() {
        for colour in Colour::ALL {
            assert_eq!(Colour::try_from(colour.code().to_owned()), Ok(*colour));
        }
        assert_eq!(
            Colour::try_from("green".to_owned()),
            Err(UnknownCode {
                kind: "Colour",
                code: "green".to_owned()
            })
        );
        assert_eq!(Colour::DarkBlue.label_key(), "colour-dark-blue");
        assert_eq!(Colour::every(), Colour::ALL.to_vec());
    }
}
