//! Which database, from `DATABASE_URL`: the scheme decides, and the URL's secrets never reach
//! a log or an error.

use super::{ConfigError, Settings};
use crate::model::Backend;
use sqlx::{
    postgres::{PgConnectOptions, PgSslMode},
    sqlite::SqliteConnectOptions,
};
use std::str::FromStr;
use url::Url;

/// Where the data lives, chosen by the URL's scheme and nothing else.
#[derive(Clone)]
pub enum Database {
    Sqlite {
        options: SqliteConnectOptions,
        /// The URL with any secret removed, for logs.
        display: String,
    },
    Postgres {
        options: PgConnectOptions,
        display: String,
    },
}

impl Database {
    pub(super) fn default_sqlite(data_dir: &std::path::Path) -> Self {
        let path = data_dir.join("v2mom.db");
        Database::Sqlite {
            display: format!("sqlite://{}", path.display()),
            options: SqliteConnectOptions::new().filename(path),
        }
    }

    pub(super) fn parse(raw: &str, settings: &Settings) -> Result<Self, ConfigError> {
        // Never echo the URL itself: it may hold a password.
        let url = Url::parse(raw)
            .map_err(|e| ConfigError(format!("DATABASE_URL does not parse as a URL ({e})")))?;
        let display = redact(&url);
        match url.scheme() {
            "sqlite" => {
                let options = SqliteConnectOptions::from_str(raw).map_err(|e| {
                    ConfigError(format!(
                        "DATABASE_URL {display} is not a valid SQLite URL ({e})"
                    ))
                })?;
                Ok(Database::Sqlite { options, display })
            }
            "postgres" | "postgresql" => {
                let mut options = PgConnectOptions::from_str(raw).map_err(|_| {
                    ConfigError(format!(
                        "DATABASE_URL {display} is not a valid PostgreSQL URL"
                    ))
                })?;
                if let Some(mode) = &settings.db_tls_mode {
                    let mode = PgSslMode::from_str(mode).map_err(|_| {
                        ConfigError(format!(
                            "V2MOM_DB_TLS_MODE {mode:?} is not one of disable, allow, prefer, \
                             require, verify-ca, verify-full"
                        ))
                    })?;
                    options = options.ssl_mode(mode);
                }
                if let Some(ca) = &settings.db_ca_file {
                    if !ca.is_file() {
                        return Err(ConfigError(format!(
                            "V2MOM_DB_CA_FILE {} not found",
                            ca.display()
                        )));
                    }
                    options = options.ssl_root_cert(ca);
                }
                Ok(Database::Postgres { options, display })
            }
            other => Err(ConfigError(format!(
                "DATABASE_URL scheme {other:?} is not supported: use sqlite:// or postgres://"
            ))),
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            Database::Sqlite { .. } => Backend::Sqlite,
            Database::Postgres { .. } => Backend::Postgres,
        }
    }

    pub fn redacted(&self) -> &str {
        match self {
            Database::Sqlite { display, .. } | Database::Postgres { display, .. } => display,
        }
    }
}

/// The URL without password or query (which may carry one too).
fn redact(url: &Url) -> String {
    let mut shown = url.clone();
    if shown.password().is_some() {
        let _ = shown.set_password(Some("redacted"));
    }
    shown.set_query(None);
    shown.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::config::{Config, ConfigError, Settings};

    fn with_url(url: &str) -> Result<Config, ConfigError> {
        Settings {
            database_url: Some(url.into()),
            ..Settings::default()
        }
        .validate()
    }

    #[test]
    fn default_is_sqlite_in_the_data_dir() {
        let config = Config::with_data_dir("some/dir".into()).unwrap();
        assert_eq!(config.database.backend(), Backend::Sqlite);
        assert_eq!(config.database.redacted(), "sqlite://some/dir/v2mom.db");
    }

    #[test]
    fn unknown_scheme_is_refused_not_replaced_by_sqlite() {
        let err = with_url("mysql://root@localhost/v2mom").err().unwrap();
        assert!(
            err.to_string().contains("\"mysql\" is not supported"),
            "{err}"
        );
    }

    #[test]
    fn unparsable_url_is_refused() {
        let err = with_url("this is not a url").err().unwrap();
        assert!(err.to_string().contains("does not parse"), "{err}");
    }

    #[test]
    fn password_never_appears_in_the_logged_configuration() {
        let config = with_url("postgres://app:hunter2@db.example/v2mom?password=hunter2").unwrap();
        let shown = config.to_string();
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(
            shown.contains("postgres://app:redacted@db.example/v2mom"),
            "{shown}"
        );
    }

    #[test]
    fn tls_mode_must_be_known() {
        let settings = Settings {
            database_url: Some("postgres://localhost/v2mom".into()),
            db_tls_mode: Some("sometimes".into()),
            ..Settings::default()
        };
        let err = settings.validate().err().unwrap();
        assert!(err.to_string().contains("V2MOM_DB_TLS_MODE"), "{err}");
    }
}
