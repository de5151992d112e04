//! `wakucareer import organizations|participants`: a town's own list from a CSV file, read as
//! the coordinator's import page reads it (`web::organization_import`,
//! `web::participant_import`). Without `--commit` it is a dry run: every line that would be
//! refused, with its number and why, and how many would be added. With `--commit` the valid
//! lines are written, all in one transaction. Participants are not made into accounts: each
//! is sent an invitation, signed by the coordinator named with `--as`, to check their name,
//! choose a password and consent.

use std::path::Path;

use anyhow::Context;
use domain::import::Plan;
use domain::import::encoding::{TextEncoding, decode};
use store::Store;
use web::i18n::Lang;
use web::import_words::{problem_words, refusals};

use crate::cli::say;
use crate::config::Config;

/// The language of what is said: the town's staff read Japanese.
const LANG: Lang = Lang::Ja;

/// The file's text, decoded as asked, and the encoding found; an error says what is wrong
/// with the file, in Japanese.
fn read(file: &Path, encoding: &str) -> anyhow::Result<(String, TextEncoding)> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let asked = TextEncoding::from_code(encoding)
        .with_context(|| format!("--encoding is one of detect, utf8, sjis, not {encoding:?}"))?;
    decode(&bytes, asked).map_err(|code| {
        let field = domain::FieldErrors::single("file", code);
        let words: Vec<String> = field
            .iter()
            .map(|(f, c)| web::form_error_words(LANG, f, c))
            .collect();
        anyhow::anyhow!("{}: {}", file.display(), words.join(" "))
    })
}

/// The dry run's report: the encoding, and each line refused with why.
fn report<T>(found: TextEncoding, plan: &Plan<T>) {
    say(&LANG.t_args("import-check-encoding", &[("encoding", LANG.label(found))]));
    for (line, why) in refusals(LANG, plan) {
        say(&format!(
            "  {}",
            LANG.t_args(
                "import-at-line",
                &[("line", line.to_string()), ("problem", why)]
            )
        ));
    }
}

/// What a dry run ends with: how many would be added (said with `adds`) and refused, and
/// that nothing was written.
fn dry_run<T>(plan: &Plan<T>, adds: &str) {
    say(&LANG.t_args(adds, &[("count", plan.rows.len().to_string())]));
    say(&LANG.t_args(
        "import-check-refused",
        &[("count", plan.refused.len().to_string())],
    ));
    say("(dry run: nothing was written; add --commit to write the lines that can be added)");
}

pub async fn organizations(
    config: &Config,
    (slug, file): (&str, &Path),
    encoding: &str,
    commit: bool,
) -> anyhow::Result<()> {
    let (text, found) = read(file, encoding)?;
    let store = Store::open_and_migrate(&config.database).await?;
    let town = crate::acting::town(&store, slug).await?;
    let tenant = store.tenant(&town);
    let existing = tenant.organization_list().await?;
    let plan = web::organization_import::plan_of(&text, &existing).map_err(|problem| {
        anyhow::anyhow!("{}: {}", file.display(), problem_words(LANG, problem))
    })?;
    report(found, &plan);
    if commit {
        let added = tenant.import_organizations(&plan.rows).await?;
        say(&LANG.t_args("import-added", &[("count", added.to_string())]));
    } else {
        dry_run(&plan, "import-check-adds");
    }
    store.close().await;
    Ok(())
}

/// The people on the town's list, invited on behalf of the coordinator `inviter` (an email).
pub async fn participants(
    config: &Config,
    (slug, file): (&str, &Path),
    (encoding, inviter): (&str, &str),
    commit: bool,
) -> anyhow::Result<()> {
    let (text, found) = read(file, encoding)?;
    let store = Store::open_and_migrate(&config.database).await?;
    let town = crate::acting::town(&store, slug).await?;
    let tenant = store.tenant(&town);
    let coordinator = crate::acting::coordinator(&store, &town, inviter).await?;
    let taken = tenant.account_emails().await?;
    let plan = web::participant_import::plan_of(&text, &town, &taken).map_err(|problem| {
        anyhow::anyhow!("{}: {}", file.display(), problem_words(LANG, problem))
    })?;
    report(found, &plan);
    if commit {
        let invitations = web::participant_import::invitations(
            (&town, config.web.public_url.as_str()),
            LANG,
            &coordinator.display_name,
            &plan.rows,
        );
        let expires = web::participant_import::link_expiry(chrono::Utc::now());
        let sent = tenant
            .invite_participants(&invitations, (coordinator.id, expires))
            .await?;
        let imported = (
            domain::audit::AuditAction::ParticipantsImported,
            domain::audit::AuditTarget::Municipality,
            town.id.0.to_string(),
        );
        let detail = format!("{sent} (wakucareer import)");
        crate::acting::record(&store, (&town, &coordinator), imported, &detail).await?;
        say(&LANG.t_args("import-participants-added", &[("count", sent.to_string())]));
    } else {
        dry_run(&plan, "import-participants-check-adds");
    }
    store.close().await;
    Ok(())
}
