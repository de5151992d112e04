//! The encoding of a file made in Excel: a UTF-8 byte-order mark says UTF-8; text that is
//! valid UTF-8 is UTF-8; anything else is read as Shift_JIS (CP932), which Excel writes for
//! 「CSV（コンマ区切り）」 in Japan. The person may also say which it is.

use encoding_rs::SHIFT_JIS;

crate::coded!(
    /// How a file's bytes are read.
    TextEncoding {
        /// Found from the bytes.
        Detect = "detect" => "text-encoding-detect",
        Utf8 = "utf8" => "text-encoding-utf8",
        ShiftJis = "sjis" => "text-encoding-sjis",
    }
);

/// The file's text, and the encoding it was read in; an error code when the bytes are not
/// text in the encoding asked for.
pub fn decode(bytes: &[u8], asked: TextEncoding) -> Result<(String, TextEncoding), &'static str> {
    let without_bom = bytes.strip_prefix(b"\xEF\xBB\xBF");
    match asked {
        TextEncoding::Detect => match (without_bom, std::str::from_utf8(bytes)) {
            (Some(rest), _) => utf8(rest),
            (None, Ok(text)) => Ok((text.to_owned(), TextEncoding::Utf8)),
            (None, Err(_)) => shift_jis(bytes),
        },
        TextEncoding::Utf8 => utf8(without_bom.unwrap_or(bytes)),
        TextEncoding::ShiftJis => shift_jis(bytes),
    }
}

fn utf8(bytes: &[u8]) -> Result<(String, TextEncoding), &'static str> {
    std::str::from_utf8(bytes)
        .map(|t| (t.to_owned(), TextEncoding::Utf8))
        .map_err(|_| "file-not-utf8")
}

fn shift_jis(bytes: &[u8]) -> Result<(String, TextEncoding), &'static str> {
    let (text, had_errors) = SHIFT_JIS.decode_without_bom_handling(bytes);
    if had_errors {
        Err("file-not-shift-jis")
    } else {
        Ok((text.into_owned(), TextEncoding::ShiftJis))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bom_then_utf8_then_shift_jis() {
        let (text, found) = decode("\u{FEFF}団体名\r\n".as_bytes(), TextEncoding::Detect).unwrap();
        assert_eq!((text.as_str(), found), ("団体名\r\n", TextEncoding::Utf8));
        let (text, found) = decode("団体名".as_bytes(), TextEncoding::Detect).unwrap();
        assert_eq!((text.as_str(), found), ("団体名", TextEncoding::Utf8));
        let (sjis, _, _) = SHIFT_JIS.encode("湯の花旅館,企業");
        let (text, found) = decode(&sjis, TextEncoding::Detect).unwrap();
        assert_eq!(
            (text.as_str(), found),
            ("湯の花旅館,企業", TextEncoding::ShiftJis)
        );
    }

    #[test]
    fn the_encoding_asked_for_is_kept_to() {
        let (sjis, _, _) = SHIFT_JIS.encode("湯の花旅館");
        assert_eq!(decode(&sjis, TextEncoding::Utf8), Err("file-not-utf8"));
        assert_eq!(
            decode(&[0x82], TextEncoding::ShiftJis),
            Err("file-not-shift-jis")
        );
    }
}
