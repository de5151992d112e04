//! What a town's pages say of it, as its staff write them: the program's name, the home
//! page's lead, the office that runs it, its contact, and its colour. Left empty, a text
//! falls back to the platform's words, so no town shows another's wording.

use crate::field_errors::{FieldErrors, text};

pub const PROGRAM_NAME_MAX: usize = 40;
pub const LEAD_MAX: usize = 400;
pub const OFFICE_MAX: usize = 60;
/// The least contrast the colour needs against white for text and buttons (WCAG 2.2 AA).
pub const MIN_CONTRAST: f64 = 4.5;

/// A town's page settings. Empty texts mean "the platform's words".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TownPage {
    pub program_name_ja: String,
    pub program_name_en: String,
    pub lead_ja: String,
    pub lead_en: String,
    pub office_ja: String,
    pub office_en: String,
    /// `#rrggbb`, or empty for the platform's colour.
    pub accent: String,
    pub contact_email: String,
    pub contact_phone: String,
    /// Whether it has a logo (set apart from the form, by `logo_type`'s check).
    pub logo: bool,
}

/// The largest logo, in bytes.
pub const LOGO_MAX_BYTES: usize = 300 * 1024;

/// The image type of a logo, read from its first bytes: PNG, JPEG or WebP. Anything else
/// (SVG, which may carry script, among them) is refused, as is one over the size limit.
pub fn logo_type(bytes: &[u8]) -> Result<&'static str, &'static str> {
    if bytes.is_empty() {
        return Err("logo-missing");
    }
    if bytes.len() > LOGO_MAX_BYTES {
        return Err("logo-too-large");
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Ok("image/png")
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Ok("image/jpeg")
    } else if bytes.len() > 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Ok("image/webp")
    } else {
        Err("logo-type")
    }
}

/// The settings form as typed.
#[derive(Debug, Clone, Default)]
pub struct TownPageInput {
    pub program_name_ja: String,
    pub program_name_en: String,
    pub lead_ja: String,
    pub lead_en: String,
    pub office_ja: String,
    pub office_en: String,
    pub accent: String,
    pub contact_email: String,
    pub contact_phone: String,
}

impl TownPage {
    pub fn parse(input: &TownPageInput) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::default();
        let page = TownPage {
            program_name_ja: text(
                &mut e,
                "program_name_ja",
                &input.program_name_ja,
                PROGRAM_NAME_MAX,
                false,
            ),
            program_name_en: text(
                &mut e,
                "program_name_en",
                &input.program_name_en,
                PROGRAM_NAME_MAX,
                false,
            ),
            lead_ja: text(&mut e, "lead_ja", &input.lead_ja, LEAD_MAX, false),
            lead_en: text(&mut e, "lead_en", &input.lead_en, LEAD_MAX, false),
            office_ja: text(&mut e, "office_ja", &input.office_ja, OFFICE_MAX, false),
            office_en: text(&mut e, "office_en", &input.office_en, OFFICE_MAX, false),
            accent: accent(&mut e, &input.accent),
            contact_email: input.contact_email.trim().to_owned(),
            contact_phone: text(&mut e, "contact_phone", &input.contact_phone, 30, false),
            logo: false,
        };
        if !crate::email::looks_like_email(&page.contact_email) {
            e.add("contact_email", "email-invalid");
        }
        if e.is_empty() { Ok(page) } else { Err(e) }
    }
}

pub const NEWS_TITLE_MAX: usize = 100;
pub const NEWS_BODY_MAX: usize = 2000;

/// An announcement (お知らせ) for the town's home page, as its staff write it; the English
/// version is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct News {
    pub title_ja: String,
    pub title_en: String,
    pub body_ja: String,
    pub body_en: String,
}

impl News {
    /// Checks the typed announcement (the same shape as the result).
    pub fn parse(input: &News) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::default();
        let news = News {
            title_ja: text(
                &mut e,
                "news_title_ja",
                &input.title_ja,
                NEWS_TITLE_MAX,
                true,
            ),
            title_en: text(
                &mut e,
                "news_title_en",
                &input.title_en,
                NEWS_TITLE_MAX,
                false,
            ),
            body_ja: text(&mut e, "news_body_ja", &input.body_ja, NEWS_BODY_MAX, true),
            body_en: text(&mut e, "news_body_en", &input.body_en, NEWS_BODY_MAX, false),
        };
        if news.title_en.is_empty() != news.body_en.is_empty() {
            e.add("news_title_en", "news-english-both");
        }
        if e.is_empty() { Ok(news) } else { Err(e) }
    }
}

/// The colour as `#rrggbb` in lower case, checked to be readable on white.
fn accent(errors: &mut FieldErrors, raw: &str) -> String {
    let colour = raw.trim().to_ascii_lowercase();
    if colour.is_empty() {
        return colour;
    }
    match rgb(&colour) {
        None => errors.add("accent", "colour-invalid"),
        Some(rgb) if contrast_with_white(rgb) < MIN_CONTRAST => {
            errors.add("accent", "colour-low-contrast")
        }
        Some(_) => {}
    }
    colour
}

fn rgb(colour: &str) -> Option<[u8; 3]> {
    let hex = colour.strip_prefix('#')?;
    if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([channel(0)?, channel(2)?, channel(4)?])
}

/// The WCAG contrast ratio of a colour against white.
pub fn contrast_with_white([r, g, b]: [u8; 3]) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    1.05 / (luminance + 0.05)
}

/// A darker shade of the colour, for hover and borders: each channel at 75%.
pub fn darker(colour: &str) -> Option<String> {
    let [r, g, b] = rgb(colour)?;
    let dim = |c: u8| (u16::from(c) * 3 / 4) as u8;
    Some(format!("#{:02x}{:02x}{:02x}", dim(r), dim(g), dim(b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> TownPageInput {
        TownPageInput {
            program_name_ja: "わくわくキャリア".into(),
            office_ja: "長泉町 こども未来課".into(),
            accent: " #B4400F ".into(),
            contact_email: "kodomo@town.example.jp".into(),
            contact_phone: "055-989-5516".into(),
            ..TownPageInput::default()
        }
    }

    #[test]
    fn a_town_page_is_trimmed_and_its_colour_written_one_way() {
        let page = TownPage::parse(&input()).unwrap();
        assert_eq!(page.accent, "#b4400f");
        assert_eq!(page.lead_ja, "", "empty means the platform's words");
        assert_eq!(darker("#b4400f").as_deref(), Some("#87300b"));
    }

    #[test]
    fn unreadable_colours_and_bad_contacts_are_refused_on_their_fields() {
        let mut bad = input();
        bad.accent = "#ffcc00".into();
        bad.contact_email = "kodomo".into();
        bad.program_name_ja = "あ".repeat(PROGRAM_NAME_MAX + 1);
        let errors = TownPage::parse(&bad).unwrap_err();
        assert_eq!(errors.code_for("accent"), Some("colour-low-contrast"));
        assert_eq!(errors.code_for("contact_email"), Some("email-invalid"));
        assert_eq!(errors.code_for("program_name_ja"), Some("too-long"));
        bad.accent = "orange".into();
        assert_eq!(
            TownPage::parse(&bad).unwrap_err().code_for("accent"),
            Some("colour-invalid")
        );
    }

    #[test]
    fn news_needs_a_japanese_title_and_text_and_english_is_both_or_none() {
        let typed = News {
            title_ja: " 年末年始の窓口 ".into(),
            body_ja: "12月29日から1月3日まではお休みです。".into(),
            ..News::default()
        };
        assert_eq!(News::parse(&typed).unwrap().title_ja, "年末年始の窓口");
        let half = News {
            title_en: "Year-end".into(),
            ..typed.clone()
        };
        assert_eq!(
            News::parse(&half).unwrap_err().code_for("news_title_en"),
            Some("news-english-both")
        );
        let empty = News::parse(&News::default()).unwrap_err();
        assert_eq!(empty.code_for("news_title_ja"), Some("required"));
        assert_eq!(empty.code_for("news_body_ja"), Some("required"));
    }

    #[test]
    fn a_logo_is_a_png_jpeg_or_webp_under_the_limit() {
        assert_eq!(logo_type(b"\x89PNG\r\n\x1a\n...."), Ok("image/png"));
        assert_eq!(logo_type(&[0xff, 0xd8, 0xff, 0xe0]), Ok("image/jpeg"));
        assert_eq!(logo_type(b"RIFF\0\0\0\0WEBPVP8 "), Ok("image/webp"));
        assert_eq!(logo_type(b"<svg onload=alert(1)>"), Err("logo-type"));
        assert_eq!(logo_type(b""), Err("logo-missing"));
        let mut big = b"\x89PNG\r\n\x1a\n".to_vec();
        big.resize(LOGO_MAX_BYTES + 1, 0);
        assert_eq!(logo_type(&big), Err("logo-too-large"));
    }

    #[test]
    fn contrast_is_measured_as_wcag_does() {
        assert!((contrast_with_white([0, 0, 0]) - 21.0).abs() < 0.01);
        assert!((contrast_with_white([255, 255, 255]) - 1.0).abs() < 0.01);
        assert!(contrast_with_white([0xb4, 0x40, 0x0f]) > 5.0);
    }
}
