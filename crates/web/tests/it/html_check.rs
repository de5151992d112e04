//! A small HTML validity check for tests: tags balanced, ids unique, every form control
//! labelled.

use std::collections::BTreeSet;

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Panics with a description of the first problem found.
pub fn assert_valid(html: &str) {
    let mut stack: Vec<String> = Vec::new();
    let mut ids = BTreeSet::new();
    let mut labels = BTreeSet::new();
    let mut controls = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        if rest.starts_with('!') {
            continue;
        }
        let end = rest.find('>').expect("a tag is closed with >");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let name = name.trim().to_ascii_lowercase();
            let open = stack.pop().unwrap_or_default();
            assert_eq!(open, name, "</{name}> closes <{open}>");
            continue;
        }
        let name: String = tag
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        let attr = |key: &str| {
            tag.split(&format!(" {key}=\""))
                .nth(1)
                .and_then(|v| v.split('"').next())
                .map(str::to_owned)
        };
        if let Some(id) = attr("id") {
            assert!(ids.insert(id.clone()), "id {id} is used twice");
        }
        if name == "label"
            && let Some(target) = attr("for")
        {
            labels.insert(target);
        }
        if matches!(name.as_str(), "input" | "select" | "textarea") {
            let kind = attr("type").unwrap_or_default();
            if !matches!(kind.as_str(), "hidden" | "submit" | "button")
                && attr("aria-label").is_none()
            {
                controls.push(attr("id").unwrap_or_else(|| format!("(a {name} without id)")));
            }
        }
        if name == "script" {
            let close = rest.find("</script>").expect("a closed script");
            rest = &rest[close + "</script>".len()..];
            continue;
        }
        if !VOID.contains(&name.as_str()) && !tag.ends_with('/') {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "unclosed tags: {stack:?}");
    for control in controls {
        assert!(
            labels.contains(&control),
            "form control {control} has no label"
        );
    }
}
