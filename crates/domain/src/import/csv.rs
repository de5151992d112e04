//! CSV records as Excel writes them: fields separated by commas, quoted with `"` when they
//! hold a comma, a quote (doubled) or a line break; lines ended by CRLF or LF. Each record
//! comes with the line it starts on, so a refusal can name the line a person sees in Excel.

/// The records of `text`, each with its first line's number (from 1); blank lines skipped.
pub fn records(text: &str) -> Result<Vec<(usize, Vec<String>)>, usize> {
    let mut out = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let (mut line, mut start) = (1, 1);
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => fields.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                fields.push(std::mem::take(&mut field));
                finish(&mut out, std::mem::take(&mut fields), start);
                line += 1;
                start = line;
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err(start);
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        finish(&mut out, fields, start);
    }
    Ok(out)
}

fn finish(out: &mut Vec<(usize, Vec<String>)>, fields: Vec<String>, line: usize) {
    if !fields.iter().all(|f| f.trim().is_empty()) {
        out.push((line, fields));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_commas_and_line_breaks_inside_fields() {
        let text = "団体名,紹介\r\n\"湯の花旅館\",\"温泉旅館です。\r\n朝の仕事, 夜の仕事\"\r\n\r\n\"A \"\"B\"\"\",x\nlast,row";
        let rows = records(text).unwrap();
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0], (1, vec!["団体名".into(), "紹介".into()]));
        assert_eq!(
            rows[1],
            (
                2,
                vec![
                    "湯の花旅館".into(),
                    "温泉旅館です。\r\n朝の仕事, 夜の仕事".into()
                ]
            )
        );
        assert_eq!(rows[2], (5, vec!["A \"B\"".into(), "x".into()]));
        assert_eq!(rows[3], (6, vec!["last".into(), "row".into()]));
    }

    #[test]
    fn an_unclosed_quote_names_its_line() {
        assert_eq!(records("a,b\n\"open,c\nmore"), Err(2));
    }
}
