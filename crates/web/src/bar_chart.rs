//! Bar charts drawn on the server as SVG, with no script: `role="img"`, a `<title>` and a text
//! summary the page puts beside it with the data table. Labels are escaped and measured the way
//! they render (a full-width character is about one em, others about half), so Japanese month
//! names fit under their bars. Bars are one colour with a dark outline; the numbers are written
//! on them, so colour carries no meaning of its own.

/// Height of the drawing area, in SVG units.
const PLOT: u32 = 120;
const BAR: u32 = 28;
const GAP: u32 = 8;
const FONT: u32 = 12;

/// The width a label takes at [`FONT`], in SVG units.
pub fn label_width(text: &str) -> u32 {
    text.chars()
        .map(|c| if c.is_ascii() { FONT * 6 / 10 } else { FONT })
        .sum()
}

/// Text as SVG content or an attribute value.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A bar chart of `values` under `labels`, titled `title` (the accessible name) and described
/// by the element with id `summary_id`.
pub fn svg(title: &str, summary_id: &str, labels: &[String], values: &[u64]) -> String {
    let top = values.iter().copied().max().unwrap_or(0).max(1);
    let slot = BAR.max(labels.iter().map(|l| label_width(l)).max().unwrap_or(0)) + GAP;
    let width = slot * u32::try_from(values.len()).unwrap_or(0) + GAP;
    let height = PLOT + FONT * 3;
    let mut bars = String::new();
    for (i, value) in values.iter().enumerate() {
        let x = GAP + slot * u32::try_from(i).unwrap_or(0);
        let h = u32::try_from(u64::from(PLOT) * value / top).unwrap_or(PLOT);
        let y = FONT + PLOT - h;
        let label = labels.get(i).map(String::as_str).unwrap_or_default();
        let centre = x + (slot - GAP) / 2;
        bars.push_str(&format!(
            "<rect x=\"{x}\" y=\"{y}\" width=\"{}\" height=\"{h}\" class=\"bar\"/>\
             <text x=\"{centre}\" y=\"{}\" class=\"bar-value\" font-size=\"{FONT}\" text-anchor=\"middle\">{value}</text>\
             <text x=\"{centre}\" y=\"{}\" class=\"bar-label\" font-size=\"{FONT}\" text-anchor=\"middle\">{}</text>",
            slot - GAP,
            y.saturating_sub(2).max(FONT - 2),
            FONT + PLOT + FONT + 2,
            escape(label),
        ));
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" \
         aria-labelledby=\"{summary_id}-title\" aria-describedby=\"{summary_id}\" class=\"bar-chart\" \
         preserveAspectRatio=\"xMinYMin meet\"><title id=\"{summary_id}-title\">{}</title>\
         <line x1=\"{GAP}\" y1=\"{}\" x2=\"{width}\" y2=\"{}\" class=\"axis\"/>{bars}</svg>",
        escape(title),
        FONT + PLOT,
        FONT + PLOT,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_labels_are_measured_wider_than_latin_ones() {
        assert_eq!(label_width("4月"), 7 + 12);
        assert_eq!(label_width("Apr"), 21);
        assert_eq!(label_width("１０月"), 36);
    }

    #[test]
    fn the_chart_is_an_image_with_its_title_and_escaped_labels() {
        let labels = vec!["4月".to_owned(), "<5月>".to_owned()];
        let chart = svg("登録者数 & 推移", "chart-1", &labels, &[3, 6]);
        assert!(chart.contains("role=\"img\""));
        assert!(chart.contains("<title id=\"chart-1-title\">登録者数 &amp; 推移</title>"));
        assert!(chart.contains("&lt;5月&gt;"));
        assert!(!chart.contains("<5月>"));
        assert_eq!(chart.matches("<rect").count(), 2);
        // The larger value reaches the top of the plot.
        assert!(chart.contains(&format!("height=\"{PLOT}\"")));
    }

    #[test]
    fn an_empty_year_draws_empty_bars_not_a_division_by_zero() {
        let labels = vec!["4月".to_owned()];
        assert!(svg("x", "c", &labels, &[0]).contains("height=\"0\""));
    }
}
