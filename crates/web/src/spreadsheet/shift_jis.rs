//! Text for older tools that read only Shift_JIS (Windows' CP932). Characters that look the
//! same but have another code point in CP932 are mapped first (〜 U+301C → ～, — → ―, ‖ → ∥,
//! − → －, ¢ £ ¬ → ￠ ￡ ￢, a no-break space → a space); anything still missing from CP932 is
//! reported, never written as `&#…;` (which is what an encoder puts in its place).

use encoding_rs::SHIFT_JIS;

/// The CP932 look-alike of a character Unicode has twice, or the character itself.
pub fn look_alike(c: char) -> char {
    match c {
        '\u{301C}' => '\u{FF5E}',
        '\u{2014}' => '\u{2015}',
        '\u{2016}' => '\u{2225}',
        '\u{2212}' => '\u{FF0D}',
        '\u{00A2}' => '\u{FFE0}',
        '\u{00A3}' => '\u{FFE1}',
        '\u{00AC}' => '\u{FFE2}',
        '\u{00A0}' => ' ',
        other => other,
    }
}

/// `text` with every look-alike mapped.
pub fn mapped(text: &str) -> String {
    text.chars().map(look_alike).collect()
}

/// `text` in CP932, or the characters (after mapping) it cannot hold, each once, in the order
/// they first appear.
pub fn encode(text: &str) -> Result<Vec<u8>, Vec<char>> {
    let text = mapped(text);
    let (bytes, _, had_errors) = SHIFT_JIS.encode(&text);
    if !had_errors {
        return Ok(bytes.into_owned());
    }
    let mut missing: Vec<char> = Vec::new();
    let mut buffer = [0_u8; 4];
    for c in text.chars() {
        let (_, _, bad) = SHIFT_JIS.encode(c.encode_utf8(&mut buffer));
        if bad && !missing.contains(&c) {
            missing.push(c);
        }
    }
    Err(missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_alikes_are_mapped_and_the_text_decodes_back() {
        let text = "9:00〜12:00 — 長泉町‖児童 −5 ¢£¬\u{00A0}髙橋";
        let bytes = encode(text).unwrap();
        let (back, _, errors) = SHIFT_JIS.decode(&bytes);
        assert!(!errors);
        assert_eq!(back, "9:00～12:00 ― 長泉町∥児童 －5 ￠￡￢ 髙橋");
        assert!(!String::from_utf8_lossy(&bytes).contains("&#"));
    }

    #[test]
    fn characters_cp932_lacks_are_reported_once_each() {
        assert_eq!(encode("𠮷野家と𠮷田さん😀"), Err(vec!['𠮷', '😀']));
        assert_eq!(
            encode("―").map(|b| b.len()),
            Ok(2),
            "the mark of a hidden count"
        );
    }
}
