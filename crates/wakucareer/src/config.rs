//! Typed configuration, loaded once at start.
//!
//! Sources, strongest first: command-line flags, environment variables, the TOML file given
//! with `--config`, defaults. Environment variables are `WAKUCAREER_<KEY>` for each key below
//! (and the conventional `DATABASE_URL`). An unknown key, in the file or as a `WAKUCAREER_*`
//! variable, is an error that names it. `WAKUCAREER_TEST_*` variables belong to the test
//! harness and are not configuration.
//!
//! | key              | meaning                                             | default                    |
//! |------------------|-----------------------------------------------------|----------------------------|
//! | `database_url`   | `sqlite://PATH` or `postgres://…`                   | `sqlite://wakucareer.sqlite3` |
//! | `bind`           | address and port to serve on                        | `127.0.0.1:8080`           |
//! | `secure_cookies` | mark cookies Secure (TLS or a TLS proxy in front)   | `false`                    |
//! | `max_body_bytes` | largest request body accepted                       | `1048576`                  |
//! | `log`            | tracing filter, e.g. `info,sqlx=warn`               | `info,sqlx=warn`           |
//! | `public_url`     | the address people reach the site at (email links)  | `http://` + `bind`         |
//! | `session_idle_minutes` | sign out after this long without a request    | `120`                      |
//! | `session_absolute_hours` | sign out this long after sign-in            | `12`                       |
//! | `waitlist_offer_hours` | how long a freed event seat is held for the next on the waitlist | `24` |
//! | `attendance_days` | how many days after an event ends its attendance can still be recorded | `30` |
//! | `background_export_rows` | a staff list longer than this is made into a file by the worker | `2000` |
//! | `smtp_url`       | mail server, `smtp://HOST:PORT` or `smtps://USER:PASSWORD@HOST:PORT` | none: mail stays in the outbox |
//! | `mail_from`      | sender address of the platform's mail               | `noreply@localhost.localdomain` |
//! | `mail_spool`     | without `smtp_url`: the folder mail is written to, readable only by the server's user | `mail-spool` |
//! | `trusted_proxies` | reverse proxies whose `X-Forwarded-For`/`Forwarded` is believed, comma-separated addresses or CIDR ranges | none |
//! | `metrics_token`  | bearer token that `/metrics` requires; without it `/metrics` answers 404 | none |

use std::net::SocketAddr;
use std::path::Path;

use serde::Deserialize;
use store::DatabaseUrl;
use web::WebConfig;

/// The whole configuration. Its `Debug` output never shows a secret: the database URL's
/// password is redacted by [`DatabaseUrl`].
#[derive(Debug, Clone)]
pub struct Config {
    pub database: DatabaseUrl,
    pub smtp: Option<Smtp>,
    /// Where mail goes without SMTP, and the sender address it carries.
    pub mail_spool: std::path::PathBuf,
    pub mail_from: String,
    pub bind: SocketAddr,
    pub log: String,
    pub web: WebConfig,
}

/// Where mail goes. The URL may hold a password, so `Debug` shows only the host.
#[derive(Clone)]
pub struct Smtp {
    pub url: String,
    pub from: String,
}

impl std::fmt::Debug for Smtp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Only credentials are hidden: `smtps://user:secret@host` shows as
        // `smtps://***@host`; a URL without them is shown as it is.
        let (scheme, rest) = self.url.split_once("://").unwrap_or(("smtp", &self.url));
        let url = match rest.rsplit_once('@') {
            Some((_, host)) => format!("{scheme}://***@{host}"),
            None => format!("{scheme}://{rest}"),
        };
        write!(f, "Smtp {{ url: {url}, from: {} }}", self.from)
    }
}

/// The keys, as they appear in the TOML file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Layer {
    database_url: Option<String>,
    bind: Option<String>,
    secure_cookies: Option<bool>,
    max_body_bytes: Option<usize>,
    log: Option<String>,
    public_url: Option<String>,
    session_idle_minutes: Option<i64>,
    session_absolute_hours: Option<i64>,
    waitlist_offer_hours: Option<i64>,
    attendance_days: Option<i64>,
    background_export_rows: Option<i64>,
    smtp_url: Option<String>,
    mail_from: Option<String>,
    mail_spool: Option<String>,
    trusted_proxies: Option<String>,
    metrics_token: Option<String>,
}

const KEYS: &[&str] = &[
    "database_url",
    "bind",
    "secure_cookies",
    "max_body_bytes",
    "log",
    "public_url",
    "session_idle_minutes",
    "session_absolute_hours",
    "waitlist_offer_hours",
    "attendance_days",
    "background_export_rows",
    "smtp_url",
    "mail_from",
    "mail_spool",
    "trusted_proxies",
    "metrics_token",
];
const ENV_PREFIX: &str = "WAKUCAREER_";
const TEST_PREFIX: &str = "WAKUCAREER_TEST_";

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ConfigError {
    #[error("cannot read the configuration file {path}: {reason}")]
    ReadFile { path: String, reason: String },
    #[error("the configuration file {path} is not valid: {reason} (known keys: {known})", known = KEYS.join(", "))]
    File { path: String, reason: String },
    #[error("unknown configuration variable {name}; known ones are {known}", known = known_env_names())]
    UnknownEnv { name: String },
    #[error("{source_name} is not valid: {reason}")]
    Value { source_name: String, reason: String },
}

fn known_env_names() -> String {
    KEYS.iter()
        .map(|k| format!("{ENV_PREFIX}{}", k.to_ascii_uppercase()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Flags given on the command line; they win over everything else.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    pub bind: Option<String>,
    pub demo: bool,
}

impl Config {
    /// Loads the configuration from the process environment and an optional file.
    pub fn load(file: Option<&Path>, overrides: &Overrides) -> Result<Self, ConfigError> {
        let file = match file {
            Some(path) => Some((
                path.display().to_string(),
                std::fs::read_to_string(path).map_err(|e| ConfigError::ReadFile {
                    path: path.display().to_string(),
                    reason: e.to_string(),
                })?,
            )),
            None => None,
        };
        Self::from_sources(
            std::env::vars(),
            file.as_ref().map(|(p, c)| (p.as_str(), c.as_str())),
            overrides,
        )
    }

    /// Builds the configuration from explicit sources; pure, so tests need no process state.
    pub fn from_sources(
        env: impl IntoIterator<Item = (String, String)>,
        file: Option<(&str, &str)>,
        overrides: &Overrides,
    ) -> Result<Self, ConfigError> {
        let file_layer = match file {
            Some((path, contents)) => {
                toml::from_str::<Layer>(contents).map_err(|e| ConfigError::File {
                    path: path.to_owned(),
                    reason: e.message().to_owned(),
                })?
            }
            None => Layer::default(),
        };
        let env_layer = env_layer(env)?;

        let (database_source, database_raw) =
            match (&env_layer.database_url, &file_layer.database_url) {
                (Some(url), _) => ("DATABASE_URL".to_owned(), Some(url.clone())),
                (None, Some(url)) => (
                    "database_url in the configuration file".to_owned(),
                    Some(url.clone()),
                ),
                (None, None) => (String::new(), None),
            };
        let database = match database_raw {
            Some(raw) => DatabaseUrl::parse(&raw).map_err(|e| ConfigError::Value {
                source_name: database_source,
                reason: e
                    .to_string()
                    .trim_start_matches("DATABASE_URL is not valid: ")
                    .to_owned(),
            })?,
            None => DatabaseUrl::default(),
        };

        let bind_raw = overrides
            .bind
            .clone()
            .or(env_layer.bind)
            .or(file_layer.bind)
            .unwrap_or_else(|| "127.0.0.1:8080".to_owned());
        let bind = bind_raw.parse().map_err(|_| ConfigError::Value {
            source_name: "bind".into(),
            reason: format!("{bind_raw:?} is not an address and port such as 127.0.0.1:8080"),
        })?;

        let defaults = WebConfig::default();
        let public_url = env_layer
            .public_url
            .or(file_layer.public_url)
            .unwrap_or_else(|| format!("http://{bind}"));
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err(ConfigError::Value {
                source_name: "public_url".into(),
                reason: format!("{public_url:?} must start with http:// or https://"),
            });
        }
        let web = WebConfig {
            demo: overrides.demo,
            public_url,
            session_idle_minutes: env_layer
                .session_idle_minutes
                .or(file_layer.session_idle_minutes)
                .unwrap_or(defaults.session_idle_minutes),
            session_absolute_hours: env_layer
                .session_absolute_hours
                .or(file_layer.session_absolute_hours)
                .unwrap_or(defaults.session_absolute_hours),
            waitlist_offer_hours: env_layer
                .waitlist_offer_hours
                .or(file_layer.waitlist_offer_hours)
                .unwrap_or(defaults.waitlist_offer_hours),
            attendance_days: env_layer
                .attendance_days
                .or(file_layer.attendance_days)
                .unwrap_or(defaults.attendance_days),
            background_export_rows: env_layer
                .background_export_rows
                .or(file_layer.background_export_rows)
                .unwrap_or(defaults.background_export_rows),
            trusted_proxies: parse_proxies(
                env_layer
                    .trusted_proxies
                    .as_deref()
                    .or(file_layer.trusted_proxies.as_deref())
                    .unwrap_or(""),
            )?,
            metrics_token: env_layer
                .metrics_token
                .clone()
                .or(file_layer.metrics_token.clone())
                .filter(|t| !t.trim().is_empty())
                .map(web::SecretString::new),
            demo_accounts: Vec::new(),
            max_body_bytes: env_layer
                .max_body_bytes
                .or(file_layer.max_body_bytes)
                .unwrap_or(defaults.max_body_bytes),
            secure_cookies: env_layer
                .secure_cookies
                .or(file_layer.secure_cookies)
                .unwrap_or(defaults.secure_cookies),
        };
        let log = env_layer
            .log
            .or(file_layer.log)
            .unwrap_or_else(|| "info,sqlx=warn".to_owned());
        let mail_from = env_layer
            .mail_from
            .or(file_layer.mail_from)
            .unwrap_or_else(|| "noreply@localhost.localdomain".to_owned());
        let mail_spool = env_layer
            .mail_spool
            .or(file_layer.mail_spool)
            .unwrap_or_else(|| "mail-spool".to_owned())
            .into();
        let smtp = env_layer.smtp_url.or(file_layer.smtp_url).map(|url| Smtp {
            url,
            from: mail_from.clone(),
        });
        if let Some(smtp) = &smtp
            && !(smtp.url.starts_with("smtp://") || smtp.url.starts_with("smtps://"))
        {
            return Err(ConfigError::Value {
                source_name: "smtp_url".into(),
                reason: "it must start with smtp:// or smtps://".into(),
            });
        }
        Ok(Config {
            database,
            smtp,
            mail_spool,
            mail_from,
            bind,
            log,
            web,
        })
    }
}

/// Reads `WAKUCAREER_*` variables (and `DATABASE_URL`) into a layer; unknown names are errors.
fn env_layer(env: impl IntoIterator<Item = (String, String)>) -> Result<Layer, ConfigError> {
    let mut layer = Layer::default();
    for (name, value) in env {
        if name == "DATABASE_URL" {
            layer.database_url.get_or_insert(value);
            continue;
        }
        let Some(key) = name.strip_prefix(ENV_PREFIX) else {
            continue;
        };
        if name.starts_with(TEST_PREFIX) {
            continue;
        }
        let invalid = |reason: &str| ConfigError::Value {
            source_name: name.clone(),
            reason: reason.to_owned(),
        };
        match key.to_ascii_lowercase().as_str() {
            "database_url" => layer.database_url = Some(value),
            "public_url" => layer.public_url = Some(value),
            "smtp_url" => layer.smtp_url = Some(value),
            "mail_from" => layer.mail_from = Some(value),
            "mail_spool" => layer.mail_spool = Some(value),
            "trusted_proxies" => layer.trusted_proxies = Some(value),
            "metrics_token" => layer.metrics_token = Some(value),
            "session_idle_minutes" => {
                layer.session_idle_minutes = Some(
                    positive(&value)
                        .ok_or_else(|| invalid("write a positive number of minutes"))?,
                )
            }
            "session_absolute_hours" => {
                layer.session_absolute_hours = Some(
                    positive(&value).ok_or_else(|| invalid("write a positive number of hours"))?,
                )
            }
            "waitlist_offer_hours" => {
                layer.waitlist_offer_hours = Some(
                    positive(&value).ok_or_else(|| invalid("write a positive number of hours"))?,
                )
            }
            "attendance_days" => {
                layer.attendance_days = Some(
                    positive(&value).ok_or_else(|| invalid("write a positive number of days"))?,
                )
            }
            "background_export_rows" => {
                layer.background_export_rows = Some(
                    positive(&value).ok_or_else(|| invalid("write a positive number of rows"))?,
                )
            }
            "bind" => layer.bind = Some(value),
            "log" => layer.log = Some(value),
            "secure_cookies" => {
                layer.secure_cookies = Some(match value.as_str() {
                    "true" | "1" | "yes" => true,
                    "false" | "0" | "no" => false,
                    _ => return Err(invalid("write true or false")),
                })
            }
            "max_body_bytes" => {
                layer.max_body_bytes = Some(
                    value
                        .parse()
                        .ok()
                        .filter(|n| *n > 0)
                        .ok_or_else(|| invalid("write a positive number of bytes"))?,
                )
            }
            _ => return Err(ConfigError::UnknownEnv { name }),
        }
    }
    Ok(layer)
}

/// `trusted_proxies`: addresses or CIDR ranges, separated by commas or spaces.
fn parse_proxies(raw: &str) -> Result<Vec<web::ProxyRange>, ConfigError> {
    raw.split([',', ' '])
        .filter(|part| !part.trim().is_empty())
        .map(|part| {
            part.trim().parse().map_err(|_| ConfigError::Value {
                source_name: "trusted_proxies".into(),
                reason: format!(
                    "{part:?} is not an address or range such as 10.0.0.1 or 10.0.0.0/8"
                ),
            })
        })
        .collect()
}

fn positive(raw: &str) -> Option<i64> {
    raw.trim().parse().ok().filter(|n| *n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smtp_credentials_never_reach_the_logs() {
        let with = Smtp {
            url: "smtps://mailer:s3cret@mail.example.jp:465".into(),
            from: "noreply@example.jp".into(),
        };
        let shown = format!("{with:?}");
        assert!(
            !shown.contains("s3cret") && !shown.contains("mailer"),
            "{shown}"
        );
        assert!(shown.contains("smtps://***@mail.example.jp:465"), "{shown}");
        let without = Smtp {
            url: "smtp://127.0.0.1:25".into(),
            from: "noreply@example.jp".into(),
        };
        assert!(format!("{without:?}").contains("url: smtp://127.0.0.1:25,"));
    }

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn load(pairs: &[(&str, &str)], file: Option<&str>) -> Result<Config, ConfigError> {
        Config::from_sources(
            env(pairs),
            file.map(|c| ("wakucareer.toml", c)),
            &Overrides::default(),
        )
    }

    #[test]
    fn nothing_configured_means_sqlite_in_the_working_directory() {
        let config = load(&[("HOME", "/root")], None).unwrap();
        assert_eq!(
            config.database,
            DatabaseUrl::Sqlite("wakucareer.sqlite3".into())
        );
        assert_eq!(config.bind.to_string(), "127.0.0.1:8080");
        assert!(!config.web.secure_cookies);
    }

    #[test]
    fn the_environment_beats_the_file_and_flags_beat_both() {
        let file = "bind = \"0.0.0.0:9000\"\nsecure_cookies = true\n";
        let config = load(&[("WAKUCAREER_BIND", "127.0.0.1:9100")], Some(file)).unwrap();
        assert_eq!(config.bind.to_string(), "127.0.0.1:9100");
        assert!(config.web.secure_cookies);
        let overrides = Overrides {
            bind: Some("127.0.0.1:9200".into()),
            demo: true,
        };
        let config = Config::from_sources(
            env(&[("WAKUCAREER_BIND", "127.0.0.1:9100")]),
            None,
            &overrides,
        )
        .unwrap();
        assert_eq!(config.bind.to_string(), "127.0.0.1:9200");
        assert!(config.web.demo);
    }

    #[test]
    fn an_unknown_file_key_is_named() {
        let err = load(&[], Some("databse_url = \"sqlite://x\"\n")).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("databse_url"), "{text}");
        assert!(text.contains("wakucareer.toml"), "{text}");
    }

    #[test]
    fn an_unknown_environment_variable_is_named() {
        let err = load(&[("WAKUCAREER_BINDD", "x")], None).unwrap_err();
        assert_eq!(
            err,
            ConfigError::UnknownEnv {
                name: "WAKUCAREER_BINDD".into()
            }
        );
        assert!(err.to_string().contains("WAKUCAREER_BIND,"));
        assert!(load(&[("WAKUCAREER_TEST_BACKEND", "postgres")], None).is_ok());
    }

    #[test]
    fn bad_values_say_which_setting_and_how_to_fix_it() {
        let err = load(&[("DATABASE_URL", "mysql://db")], None).unwrap_err();
        assert!(
            err.to_string().starts_with("DATABASE_URL is not valid"),
            "{err}"
        );
        let err = load(&[("WAKUCAREER_BIND", "localhost")], None).unwrap_err();
        assert!(err.to_string().contains("127.0.0.1:8080"), "{err}");
        let err = load(&[("WAKUCAREER_SECURE_COOKIES", "maybe")], None).unwrap_err();
        assert!(
            err.to_string().contains("WAKUCAREER_SECURE_COOKIES"),
            "{err}"
        );
        let err = load(&[], Some("max_body_bytes = \"big\"")).unwrap_err();
        assert!(matches!(err, ConfigError::File { .. }), "{err}");
    }

    #[test]
    fn debug_output_hides_the_smtp_password() {
        let config = load(
            &[(
                "WAKUCAREER_SMTP_URL",
                "smtps://mailer:hunter22@mail.example.jp:465",
            )],
            None,
        )
        .unwrap();
        let debug = format!("{config:?}");
        assert!(
            !debug.contains("hunter22") && debug.contains("mail.example.jp"),
            "{debug}"
        );
        assert!(config.smtp.is_some());
        assert!(load(&[("WAKUCAREER_SMTP_URL", "http://mail")], None).is_err());
    }

    #[test]
    fn proxies_and_the_metrics_token_are_read_and_checked() {
        let config = load(
            &[
                ("WAKUCAREER_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8"),
                ("WAKUCAREER_METRICS_TOKEN", "scrape-me-2026"),
            ],
            None,
        )
        .unwrap();
        assert_eq!(config.web.trusted_proxies.len(), 2);
        assert!(!format!("{config:?}").contains("scrape-me-2026"));
        assert_eq!(
            config.web.metrics_token.as_ref().map(|t| t.expose()),
            Some("scrape-me-2026")
        );
        let err = load(&[("WAKUCAREER_TRUSTED_PROXIES", "10.0.0.0/99")], None).unwrap_err();
        assert!(err.to_string().contains("trusted_proxies"), "{err}");
    }

    #[test]
    fn debug_output_hides_the_database_password() {
        let config = load(
            &[("DATABASE_URL", "postgres://waku:hunter22@db.example/waku")],
            None,
        )
        .unwrap();
        let debug = format!("{config:?}");
        assert!(!debug.contains("hunter22"), "{debug}");
    }
}
