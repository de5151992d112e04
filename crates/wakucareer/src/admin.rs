//! `wakucareer admin …`: bootstrapping a fresh installation from the command line.

use std::io::{BufRead, IsTerminal};
use std::path::Path;

use anyhow::{Context, bail};
use domain::Role;
use domain::account::{NewAccount, NewAccountInput};
use domain::travel::TravelTable;
use store::account::NewAccountRecord;
use store::secret::hash_password;
use store::{Store, StoreError};

use crate::cli::say;
use crate::config::Config;

/// Replaces a town's travel table with the one in `file`, after checking every line; a file
/// with any wrong line changes nothing.
pub async fn load_travel_table(config: &Config, slug: &str, file: &Path) -> anyhow::Result<()> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let table = TravelTable::parse(&text).map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        anyhow::anyhow!(
            "{} was not loaded:\n  {}",
            file.display(),
            lines.join("\n  ")
        )
    })?;
    let store = Store::open_and_migrate(&config.database).await?;
    let town = store
        .municipality_by_slug(slug)
        .await?
        .with_context(|| format!("there is no town with the slug {slug:?}"))?;
    store.tenant(&town).replace_travel_table(&table).await?;
    store.close().await;
    say(&format!(
        "{slug}: {} areas and {} travel times loaded (other pairs: {} minutes)",
        table.areas.len(),
        table.minutes.len(),
        table.default_minutes
    ));
    Ok(())
}

/// Creates a platform operator. The password is read from standard input (one line), or
/// asked for twice without echo when standard input is a terminal.
pub async fn create_operator(
    config: &Config,
    email: &str,
    name: &str,
    furigana: &str,
) -> anyhow::Result<()> {
    let password = read_password()?;
    let account = NewAccount::parse(&NewAccountInput {
        email,
        display_name: name,
        furigana,
        password: &password,
    })
    .map_err(|errors| {
        let described: Vec<String> = errors
            .iter()
            .map(|(field, code)| format!("{field}: {}", describe(code)))
            .collect();
        anyhow::anyhow!("the operator cannot be created: {}", described.join("; "))
    })?;
    let store = Store::open_and_migrate(&config.database).await?;
    let record = NewAccountRecord {
        role: Role::Operator,
        organization_id: None,
        email: account.email.clone(),
        display_name: account.display_name,
        furigana: account.furigana.to_string(),
        password_hash: hash_password(&account.password),
    };
    match store.create_operator(&record).await {
        Ok(_) => {}
        Err(StoreError::Conflict { .. }) => bail!(
            "an operator with the email {} already exists",
            account.email
        ),
        Err(err) => return Err(err.into()),
    }
    store.close().await;
    say(&format!(
        "operator {} created; sign in at /operator/login",
        account.email
    ));
    Ok(())
}

fn read_password() -> anyhow::Result<String> {
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password (at least 10 characters): ")
            .context("cannot read the password")?;
        let second =
            rpassword::prompt_password("Password again: ").context("cannot read the password")?;
        if first != second {
            bail!("the two passwords differ");
        }
        return Ok(first);
    }
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("cannot read the password from standard input")?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

/// The English text of a field error code, for the terminal.
fn describe(code: &str) -> &'static str {
    match code {
        "required" => "required",
        "email-invalid" => "not an email address",
        "furigana-kana-only" => "use hiragana or katakana",
        "password-too-short" => "the password needs at least 10 characters",
        "password-too-long" => "the password may have at most 128 characters",
        "password-too-common" => "the password is too common",
        "too-long" => "too long",
        _ => "not valid",
    }
}
