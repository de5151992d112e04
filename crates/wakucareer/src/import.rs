//! `wakucareer import organizations`: a town's list of organizations from a CSV file, read as
//! the coordinator's import page reads it (`web::organization_import`). Without `--commit` it
//! is a dry run: every line that would be refused, with its number and why, and how many
//! would be added. With `--commit` the valid lines are written, all in one transaction.

use std::path::Path;

use anyhow::Context;
use domain::import::encoding::{TextEncoding, decode};
use store::Store;
use web::i18n::Lang;
use web::import_words::{problem_words, refusals};
use web::organization_import::plan_of;

use crate::cli::say;
use crate::config::Config;

pub async fn organizations(
    config: &Config,
    (slug, file): (&str, &Path),
    encoding: &str,
    commit: bool,
) -> anyhow::Result<()> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let asked = TextEncoding::from_code(encoding)
        .with_context(|| format!("--encoding is one of detect, utf8, sjis, not {encoding:?}"))?;
    let lang = Lang::Ja;
    let (text, found) = decode(&bytes, asked).map_err(|code| {
        let field = domain::FieldErrors::single("file", code);
        let words: Vec<String> = field
            .iter()
            .map(|(f, c)| web::form_error_words(lang, f, c))
            .collect();
        anyhow::anyhow!("{}: {}", file.display(), words.join(" "))
    })?;
    let store = Store::open_and_migrate(&config.database).await?;
    let town = store
        .municipality_by_slug(slug)
        .await?
        .with_context(|| format!("there is no town with the slug {slug:?}"))?;
    let tenant = store.tenant(&town);
    let existing = tenant.organization_list().await?;
    let plan = plan_of(&text, &existing).map_err(|problem| {
        anyhow::anyhow!("{}: {}", file.display(), problem_words(lang, problem))
    })?;
    say(&lang.t_args("import-check-encoding", &[("encoding", lang.label(found))]));
    for (line, why) in refusals(lang, &plan) {
        say(&format!(
            "  {}",
            lang.t_args(
                "import-at-line",
                &[("line", line.to_string()), ("problem", why)]
            )
        ));
    }
    if commit {
        let added = tenant.import_organizations(&plan.rows).await?;
        say(&lang.t_args("import-added", &[("count", added.to_string())]));
    } else {
        say(&lang.t_args(
            "import-check-adds",
            &[("count", plan.rows.len().to_string())],
        ));
        say(&lang.t_args(
            "import-check-refused",
            &[("count", plan.refused.len().to_string())],
        ));
        say("(dry run: nothing was written; add --commit to write the lines that can be added)");
    }
    store.close().await;
    Ok(())
}
