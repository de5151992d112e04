//! The subcommands.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand};
use store::Store;

use crate::config::{Config, Overrides};
use crate::serve;

#[derive(Debug, Parser)]
#[command(
    name = "wakucareer",
    version,
    about = "A platform for municipal return-to-work programs"
)]
pub struct Cli {
    /// A TOML configuration file (keys: database_url, bind, secure_cookies, max_body_bytes, log).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the platform (SQLite in the working directory unless DATABASE_URL says otherwise).
    Serve {
        /// Address and port to listen on, e.g. 127.0.0.1:8080.
        #[arg(long, value_name = "ADDR:PORT")]
        bind: Option<String>,
        /// Load the demo town (Nagaizumi) when the database is empty.
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Load the demo town (Nagaizumi) into an empty database, without serving.
    Demo {
        /// A bigger or smaller town like it, with this many participants in all (about 500
        /// by default); organizations, requests and events grow with the square root.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(20..=200_000))]
        participants: Option<u32>,
    },
    /// Propose introductions across a town with the matching engine (batch proposals).
    Match {
        /// The town's slug, e.g. nagaizumi.
        #[arg(long)]
        tenant: String,
        /// Write the proposals to this file: .csv or .json.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// At most this many proposals per person.
        #[arg(long, default_value_t = 2)]
        per_person: u32,
    },
    /// Run the background worker alone (notifications of due follow-ups, mail delivery);
    /// `serve` runs one too, so this is only for separate deployment.
    Worker,
    /// Write a consistent copy of the SQLite database to FILE, while it serves.
    Backup {
        #[arg(long, value_name = "FILE")]
        to: PathBuf,
    },
    /// Restore an SQLite backup into a new, empty database (DATABASE_URL).
    Restore {
        #[arg(long, value_name = "FILE")]
        from: PathBuf,
    },
    /// Bring a town's own list in from a CSV file made in Excel: a dry run that lists every
    /// line that would be refused and why, unless --commit is given.
    Import {
        #[command(subcommand)]
        what: ImportCommand,
    },
    /// Write a town's list to a file, as a coordinator would download it from the site:
    /// recorded in the audit log as that coordinator's export, naming every person in it.
    Export {
        #[command(subcommand)]
        what: ExportCommand,
    },
    /// Administration of a fresh installation.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
}

#[derive(Debug, Subcommand)]
enum ImportCommand {
    /// Companies and organizations: headers 団体名 (required), 団体名（英語）, 種別, 所在地,
    /// ご担当者名, 紹介 (or name, name_en, kind, location, contact_person, description).
    Organizations {
        #[arg(long)]
        tenant: String,
        #[arg(long)]
        file: PathBuf,
        /// detect (a BOM, then UTF-8, then Shift_JIS), utf8 or sjis.
        #[arg(long, default_value = "detect")]
        encoding: String,
        /// Write the lines that can be added (all in one transaction).
        #[arg(long)]
        commit: bool,
    },
    /// People on the town's list, each sent an invitation to register (check their name,
    /// choose a password, consent): headers お名前, ふりがな, メールアドレス (required) and
    /// 参加の条件 (or display_name, furigana, email, eligibility), as the list's export has them.
    Participants {
        #[arg(long)]
        tenant: String,
        #[arg(long)]
        file: PathBuf,
        /// The email address of the town's coordinator who signs the invitations.
        #[arg(long = "as", value_name = "EMAIL")]
        inviter: String,
        /// detect (a BOM, then UTF-8, then Shift_JIS), utf8 or sjis.
        #[arg(long, default_value = "detect")]
        encoding: String,
        /// Send the invitations to the lines that can be invited (all in one transaction).
        #[arg(long)]
        commit: bool,
    },
}

#[derive(Debug, Subcommand)]
enum ExportCommand {
    /// The participant list, everyone or those the filters find.
    Participants {
        #[arg(long)]
        tenant: String,
        /// The email address of the town's coordinator the file is made for.
        #[arg(long = "as", value_name = "EMAIL")]
        on_behalf_of: String,
        /// A .xlsx or .csv file (UTF-8 with a BOM, unless --format sjis).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// csv, sjis or xlsx; by default what the file's name says.
        #[arg(long, default_value = "")]
        format: String,
        /// The list page's filters as a query string, e.g. "goal=full_return&area=shimonagakubo".
        #[arg(long, default_value = "")]
        filters: String,
        /// The language of the file's headers: ja or en.
        #[arg(long, default_value = "ja")]
        lang: String,
    },
}

#[derive(Debug, Subcommand)]
enum AdminCommand {
    /// Create a platform operator; the password is read from standard input.
    CreateOperator {
        #[arg(long)]
        email: String,
        /// The name shown in the console.
        #[arg(long, default_value = "運営者")]
        name: String,
        /// The name's reading, in kana.
        #[arg(long, default_value = "うんえいしゃ")]
        furigana: String,
    },
    /// Load a town's areas and travel minutes from a CSV file, replacing its table (the
    /// format is described in the file crates/demo/data/nagaizumi_travel.csv).
    TravelTable {
        #[arg(long)]
        tenant: String,
        #[arg(long)]
        file: PathBuf,
    },
    /// Write the accessibility statement's test results (JIS X 8341-3:2016, WAIC form) from
    /// the browser suite's axe-core runs and the checks made by hand.
    AccessibilityReport {
        /// Where the browser suite left its artifacts.
        #[arg(long, default_value = "target/browser-artifacts")]
        artifacts: PathBuf,
        #[arg(long, default_value = "docs/accessibility/manual-checks.csv")]
        manual: PathBuf,
        #[arg(long, default_value = "crates/web/data/accessibility_results.json")]
        out: PathBuf,
    },
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let overrides = match &cli.command {
        Command::Serve { bind, demo } => Overrides {
            bind: bind.clone(),
            demo: *demo,
        },
        Command::Migrate
        | Command::Admin { .. }
        | Command::Import { .. }
        | Command::Export { .. }
        | Command::Match { .. }
        | Command::Demo { .. }
        | Command::Backup { .. }
        | Command::Restore { .. }
        | Command::Worker => Overrides::default(),
    };
    let config = Config::load(cli.config.as_deref(), &overrides)?;
    init_tracing(&config.log)?;
    match cli.command {
        Command::Serve { .. } => serve::run(config).await,
        Command::Migrate => migrate(&config).await,
        Command::Demo { participants } => load_demo(&config, participants).await,
        Command::Worker => crate::serve::worker(config).await,
        Command::Backup { to } => backup(&config, &to).await,
        Command::Restore { from } => restore(&config, &from).await,
        Command::Match {
            tenant,
            out,
            per_person,
        } => crate::batch::run(&config, &tenant, out.as_deref(), per_person).await,
        Command::Admin {
            command:
                AdminCommand::CreateOperator {
                    email,
                    name,
                    furigana,
                },
        } => crate::admin::create_operator(&config, &email, &name, &furigana).await,
        Command::Import {
            what:
                ImportCommand::Organizations {
                    tenant,
                    file,
                    encoding,
                    commit,
                },
        } => crate::import::organizations(&config, (&tenant, &file), &encoding, commit).await,
        Command::Import {
            what:
                ImportCommand::Participants {
                    tenant,
                    file,
                    inviter,
                    encoding,
                    commit,
                },
        } => {
            let how = (encoding.as_str(), inviter.as_str());
            crate::import::participants(&config, (&tenant, &file), how, commit).await
        }
        Command::Export {
            what:
                ExportCommand::Participants {
                    tenant,
                    on_behalf_of,
                    out,
                    format,
                    filters,
                    lang,
                },
        } => {
            let asked = crate::export::Asked {
                slug: &tenant,
                on_behalf_of: &on_behalf_of,
                filters: &filters,
                out: &out,
                format: &format,
                lang: &lang,
            };
            crate::export::participants(&config, &asked).await
        }
        Command::Admin {
            command: AdminCommand::TravelTable { tenant, file },
        } => crate::admin::load_travel_table(&config, &tenant, &file).await,
        Command::Admin {
            command:
                AdminCommand::AccessibilityReport {
                    artifacts,
                    manual,
                    out,
                },
        } => crate::accessibility::write_report(&artifacts, &manual, &out),
    }
}

async fn backup(config: &Config, to: &std::path::Path) -> anyhow::Result<()> {
    if matches!(config.database, store::DatabaseUrl::Postgres(_)) {
        return Err(store::backup::BackupError::Postgres.into());
    }
    let store = Store::connect(&config.database).await?;
    store.backup_to(to).await?;
    store.close().await;
    say(&format!(
        "backup of {} written to {}",
        config.database.redacted(),
        to.display()
    ));
    Ok(())
}

async fn restore(config: &Config, from: &std::path::Path) -> anyhow::Result<()> {
    let store = store::backup::restore_sqlite(from, &config.database).await?;
    let rows: i64 = store.table_counts().await?.iter().map(|(_, n)| n).sum();
    store.close().await;
    say(&format!(
        "{} restored into {} ({rows} rows)",
        from.display(),
        config.database.redacted()
    ));
    Ok(())
}

async fn migrate(config: &Config) -> anyhow::Result<()> {
    let store = Store::open_and_migrate(&config.database).await?;
    store.close().await;
    say(&format!(
        "migrations applied to {}",
        config.database.redacted()
    ));
    Ok(())
}

async fn load_demo(config: &Config, participants: Option<u32>) -> anyhow::Result<()> {
    let store = Store::open_and_migrate(&config.database).await?;
    let size = participants.map_or(demo::generated::TOWN, |n| {
        demo::generated::Size::with_participants(n as usize)
    });
    match demo::load_sized_town_if_empty(&store, size).await? {
        Some(town) => say(&format!(
            "demo town loaded: {} ({})",
            town.name_ja, town.slug
        )),
        None => say("the database already has data; the demo town was not loaded again"),
    }
    say(&demo::accounts_text());
    store.close().await;
    Ok(())
}

fn init_tracing(filter: &str) -> anyhow::Result<()> {
    let filter = tracing_subscriber::EnvFilter::try_new(filter)
        .with_context(|| format!("the log filter {filter:?} is not valid (e.g. info,sqlx=warn)"))?;
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
    Ok(())
}

/// A line for the person at the terminal, on standard output.
pub fn say(line: &str) {
    let _ = writeln!(std::io::stdout(), "{line}");
}
