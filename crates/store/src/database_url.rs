//! Where the database is: `sqlite://PATH` or `postgres://…`.

use std::path::PathBuf;

use crate::error::StoreError;

/// The two backends the platform runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// A parsed database location. Its `Debug` output never shows a password.
#[derive(Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    Sqlite(PathBuf),
    Postgres(String),
}

/// The file used when nothing is configured: in the working directory.
pub const DEFAULT_SQLITE_FILE: &str = "wakucareer.sqlite3";

impl Default for DatabaseUrl {
    fn default() -> Self {
        DatabaseUrl::Sqlite(PathBuf::from(DEFAULT_SQLITE_FILE))
    }
}

impl DatabaseUrl {
    /// Accepts `sqlite://PATH`, `sqlite:PATH`, `postgres://…` and `postgresql://…`.
    pub fn parse(raw: &str) -> Result<Self, StoreError> {
        let raw = raw.trim();
        if let Some(path) = raw
            .strip_prefix("sqlite://")
            .or_else(|| raw.strip_prefix("sqlite:"))
        {
            let path = path.split('?').next().unwrap_or_default();
            if path.is_empty() {
                return Err(StoreError::InvalidUrl {
                    reason: "the SQLite URL names no file; write sqlite://PATH, e.g. sqlite://wakucareer.sqlite3".into(),
                });
            }
            return Ok(DatabaseUrl::Sqlite(PathBuf::from(path)));
        }
        if raw.starts_with("postgres://") || raw.starts_with("postgresql://") {
            let parsed = url::Url::parse(raw).map_err(|e| StoreError::InvalidUrl {
                reason: format!("the PostgreSQL URL cannot be read ({e}); write postgres://USER:PASSWORD@HOST:PORT/DATABASE"),
            })?;
            if parsed.host_str().is_none_or(str::is_empty) && !raw.contains("host=") {
                return Err(StoreError::InvalidUrl {
                    reason: "the PostgreSQL URL names no host; write postgres://USER:PASSWORD@HOST:PORT/DATABASE".into(),
                });
            }
            return Ok(DatabaseUrl::Postgres(raw.to_owned()));
        }
        Err(StoreError::InvalidUrl {
            reason: "it must start with sqlite:// or postgres://".into(),
        })
    }

    pub fn backend(&self) -> Backend {
        match self {
            DatabaseUrl::Sqlite(_) => Backend::Sqlite,
            DatabaseUrl::Postgres(_) => Backend::Postgres,
        }
    }

    /// The URL with any password replaced by `***`, safe for logs and messages.
    pub fn redacted(&self) -> String {
        match self {
            DatabaseUrl::Sqlite(path) => format!("sqlite://{}", path.display()),
            DatabaseUrl::Postgres(raw) => match url::Url::parse(raw) {
                Ok(mut url) => {
                    if url.password().is_some() {
                        let _ = url.set_password(Some("***"));
                    }
                    url.to_string()
                }
                Err(_) => "postgres://(unreadable)".into(),
            },
        }
    }
}

impl std::fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.redacted())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls_name_a_file() {
        assert_eq!(
            DatabaseUrl::parse("sqlite://data/town.sqlite3").unwrap(),
            DatabaseUrl::Sqlite("data/town.sqlite3".into())
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite:///var/lib/w.db?mode=rwc").unwrap(),
            DatabaseUrl::Sqlite("/var/lib/w.db".into())
        );
        assert!(DatabaseUrl::parse("sqlite://").is_err());
    }

    #[test]
    fn postgres_urls_need_a_host_and_hide_the_password() {
        let url = DatabaseUrl::parse("postgres://waku:s3cret@127.0.0.1:5432/waku").unwrap();
        assert_eq!(url.backend(), Backend::Postgres);
        assert!(!format!("{url:?}").contains("s3cret"));
        assert!(url.redacted().contains("***"));
        assert!(DatabaseUrl::parse("postgres://").is_err());
    }

    #[test]
    fn other_schemes_are_refused_with_a_hint() {
        let err = DatabaseUrl::parse("mysql://localhost/db").unwrap_err();
        assert!(err.to_string().contains("sqlite:// or postgres://"));
        assert!(DatabaseUrl::parse("just words").is_err());
    }
}
