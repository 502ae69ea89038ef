//! The one place configuration comes from.
//!
//! Layers, later wins: built-in defaults → TOML file named by `V2MOM_CONFIG` (or `--config`)
//! → environment (`V2MOM_*`, plus `DATABASE_URL`) → command-line flags. Every secret may
//! instead be read from a file named by the same variable with `_FILE` appended, as container
//! secrets are mounted. Unknown keys are errors, so a typo never passes silently.

use super::{keyring::Keyring, mail::Mailer};
use crate::model::Backend;
use crate::model::sso::ProviderForm;
use figment::{
    Figment,
    providers::{Env, Format, Serialized, Toml},
};
use ipnet::IpNet;
use serde::{Deserialize, Serialize};
use sqlx::{
    postgres::{PgConnectOptions, PgSslMode},
    sqlite::SqliteConnectOptions,
};
use std::{fmt, net::SocketAddr, path::PathBuf, str::FromStr, time::Duration};
use url::Url;

/// Settings as read, before validation.
#[derive(Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Address to listen on.
    pub addr: SocketAddr,
    /// Where Prometheus scrapes `/metrics`: a listener of its own, never the public address;
    /// off unless set.
    pub metrics_addr: Option<SocketAddr>,
    /// Where the SQLite database (and later uploads, keys) live.
    pub data_dir: PathBuf,
    /// `sqlite://…` or `postgres://…`; default: SQLite in `data_dir`.
    pub database_url: Option<String>,
    /// The address people use to reach the site; `https://…` turns on HSTS.
    pub public_url: Option<String>,
    /// Compiled browser assets (`pkg/`, favicon). cargo-leptos sets `LEPTOS_SITE_ROOT`.
    pub site_root: PathBuf,
    pub log_format: LogFormat,
    /// A tracing filter such as `info` or `v2mom=debug,tower_http=info`.
    pub log_level: String,
    /// Largest accepted request body, in bytes.
    pub body_limit: usize,
    pub request_timeout_secs: u64,
    /// How long in-flight requests may take to finish after SIGTERM/SIGINT.
    pub shutdown_timeout_secs: u64,
    pub db_max_connections: u32,
    pub db_acquire_timeout_secs: u64,
    /// PostgreSQL TLS: disable, prefer, require, verify-ca or verify-full.
    pub db_tls_mode: Option<String>,
    /// CA certificate (PEM) that verify-ca / verify-full check the server against.
    pub db_ca_file: Option<PathBuf>,
    /// A session unused this long is signed out.
    pub session_idle_timeout_mins: u64,
    /// A session is signed out this long after sign-in, however busy.
    pub session_absolute_timeout_hours: u64,
    /// How long an invitation link stays valid.
    pub invitation_ttl_days: u64,
    /// Proxies (addresses or networks) whose `X-Forwarded-For` names the client. A list, or
    /// one string of comma-separated entries.
    #[serde(deserialize_with = "one_or_many")]
    pub trusted_proxies: Vec<String>,
    /// Failed sign-in, setup, invitation and password-change attempts one client address
    /// may make per `throttle_ip_window_mins`.
    pub throttle_ip_attempts: u32,
    pub throttle_ip_window_mins: u64,
    /// Requests one API key may make per minute on `/api/v1` (bursts up to the same number).
    pub api_rate_limit_per_minute: u32,
    /// Who reads published V2MOMs: `chain` (the owner's reporting line) or `company`.
    pub v2mom_visibility: crate::server::policy::Visibility,
    /// Whether anyone may create an (employee) account at `/register`.
    pub open_registration: bool,
    /// Whether people may sign in with a password. Turned off, only single sign-on is
    /// offered — unless no provider is enabled, so there is always a way in.
    pub password_sign_in: bool,
    /// SMTP relay for invitation mail (`smtps://user:password@host:465` or
    /// `smtp://…:587?tls=required`); unset: the administrator passes links on by hand.
    pub smtp_url: Option<String>,
    /// The sender of that mail, e.g. `v2mom <v2mom@example.com>`.
    pub mail_from: Option<String>,
    /// Keys for secrets at rest: `<id>:<64 hex digits>`, comma- or line-separated, newest
    /// last. Unset: `encryption.key` in `data_dir` (created on first start).
    pub encryption_key: Option<String>,
    /// Single sign-on providers kept by the configuration (the admin page shows them
    /// read-only). See [`ConfiguredProvider`].
    pub sso_providers: Vec<ConfiguredProvider>,
}

/// One `[[sso_providers]]` entry. The client secret comes inline or from a file
/// (`client_secret_file`), as container secrets are mounted.
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfiguredProvider {
    pub slug: String,
    pub name: String,
    /// `oidc`, `google` or `github`.
    pub kind: String,
    #[serde(default)]
    pub issuer_url: String,
    pub client_id: String,
    #[serde(default)]
    pub client_secret: Option<String>,
    #[serde(default)]
    pub client_secret_file: Option<PathBuf>,
    #[serde(default = "yes")]
    pub enabled: bool,
    #[serde(default)]
    pub link_verified_emails: bool,
    /// Comma-separated, or a list.
    #[serde(default, deserialize_with = "one_or_many")]
    pub allowed_domains: Vec<String>,
}

fn yes() -> bool {
    true
}

impl ConfiguredProvider {
    /// The entry as the admin form would hold it, checked by the same rules.
    fn form(&self) -> Result<ProviderForm, ConfigError> {
        let secret = match (&self.client_secret, &self.client_secret_file) {
            (Some(secret), None) => secret.clone(),
            (None, Some(path)) => std::fs::read_to_string(path)
                .map_err(|e| {
                    ConfigError(format!(
                        "sso provider {:?}: cannot read client_secret_file {}: {e}",
                        self.slug,
                        path.display()
                    ))
                })?
                .trim_end_matches(['\r', '\n'])
                .to_owned(),
            _ => {
                return Err(ConfigError(format!(
                    "sso provider {:?}: give client_secret or client_secret_file (one of them)",
                    self.slug
                )));
            }
        };
        let mut form = ProviderForm {
            kind: self.kind.clone(),
            name: self.name.clone(),
            slug: self.slug.clone(),
            issuer_url: self.issuer_url.clone(),
            client_id: self.client_id.clone(),
            client_secret: secret,
            enabled: self.enabled,
            link_verified_emails: self.link_verified_emails,
            allowed_domains: self.allowed_domains.join(","),
        };
        if let Err(crate::error::AppError::Invalid { fields }) = form.check(true).into_result() {
            let problems: Vec<String> = fields
                .iter()
                .map(|f| format!("{}: {}", f.field, f.message))
                .collect();
            return Err(ConfigError(format!(
                "sso provider {:?}: {}",
                self.slug,
                problems.join("; ")
            )));
        }
        Ok(form)
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            addr: SocketAddr::from(([127, 0, 0, 1], 3000)),
            metrics_addr: None,
            data_dir: PathBuf::from("data"),
            database_url: None,
            public_url: None,
            site_root: std::env::var_os("LEPTOS_SITE_ROOT")
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("target/site")),
            log_format: LogFormat::Pretty,
            log_level: "info".into(),
            body_limit: 1024 * 1024,
            request_timeout_secs: 30,
            shutdown_timeout_secs: 20,
            db_max_connections: 10,
            db_acquire_timeout_secs: 3,
            db_tls_mode: None,
            db_ca_file: None,
            session_idle_timeout_mins: 30,
            session_absolute_timeout_hours: 12,
            invitation_ttl_days: 7,
            trusted_proxies: Vec::new(),
            throttle_ip_attempts: 50,
            throttle_ip_window_mins: 15,
            api_rate_limit_per_minute: 600,
            v2mom_visibility: Default::default(),
            open_registration: false,
            password_sign_in: true,
            smtp_url: None,
            mail_from: None,
            encryption_key: None,
            sso_providers: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Pretty,
    Json,
}

/// A list of strings, from a TOML array, figment's `[a,b]` environment syntax, or one
/// string of comma-separated entries (`V2MOM_TRUSTED_PROXIES=10.0.0.1,10.0.0.2`).
fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        Many(Vec<String>),
        One(String),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::Many(list) => list,
        OneOrMany::One(one) => one
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
    })
}

/// Keys whose values are secrets: they accept a `_FILE` variant and are never logged.
const SECRET_KEYS: [&str; 3] = ["database_url", "smtp_url", "encryption_key"];

/// Values given on the command line; `None` leaves the lower layers in charge.
#[derive(Debug, Default, Serialize)]
pub struct Overrides {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub addr: Option<SocketAddr>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_dir: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database_url: Option<String>,
}

/// A configuration problem, reported as one line and exit code 2.
#[derive(Debug, thiserror::Error)]
#[error("configuration error: {0}")]
pub struct ConfigError(pub String);

/// Creates `dir` when needed and proves the server can write there: the database and the
/// key file live in it, so an unwritable one is the operator's to fix.
pub fn ensure_writable_dir(dir: &std::path::Path) -> Result<(), ConfigError> {
    let unwritable = |e: std::io::Error| {
        ConfigError(format!(
            "data directory {} is not writable: {e} (V2MOM_DATA_DIR / --data-dir)",
            dir.display()
        ))
    };
    std::fs::create_dir_all(dir).map_err(unwritable)?;
    let probe = dir.join(".v2mom-write-test");
    std::fs::write(&probe, b"").map_err(unwritable)?;
    std::fs::remove_file(&probe).map_err(unwritable)
}

impl Settings {
    /// Reads every layer. `config_file` comes from `--config`, else `V2MOM_CONFIG`.
    pub fn load(config_file: Option<PathBuf>, overrides: Overrides) -> Result<Self, ConfigError> {
        let mut figment = Figment::new();
        if let Some(path) =
            config_file.or_else(|| std::env::var_os("V2MOM_CONFIG").map(PathBuf::from))
        {
            if !path.is_file() {
                return Err(ConfigError(format!(
                    "config file {} not found",
                    path.display()
                )));
            }
            figment = figment.merge(Toml::file(path));
        }
        let secret_file_vars: Vec<String> =
            SECRET_KEYS.iter().map(|k| format!("{k}_file")).collect();
        figment = figment
            .merge(Env::raw().only(&["database_url"]))
            .merge(
                Env::prefixed("V2MOM_")
                    .ignore(&["config"])
                    .filter(move |k| !secret_file_vars.iter().any(|f| k == f.as_str())),
            )
            .merge(Serialized::globals(secrets_from_files()?))
            .merge(Serialized::globals(overrides));
        figment
            .extract()
            .map_err(|e| ConfigError(e.to_string().replace('\n', " ")))
    }

    /// Checks everything that can be checked without touching the disk or network.
    pub fn validate(self) -> Result<Config, ConfigError> {
        let database = match &self.database_url {
            None => Database::default_sqlite(&self.data_dir),
            Some(url) => Database::parse(url, &self)?,
        };
        let public_url = self
            .public_url
            .as_deref()
            .map(|raw| {
                Url::parse(raw)
                    .ok()
                    .filter(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
                    .ok_or_else(|| {
                        ConfigError(format!("V2MOM_PUBLIC_URL {raw:?} is not an http(s) URL"))
                    })
            })
            .transpose()?;
        if self
            .metrics_addr
            .is_some_and(|m| m.port() != 0 && m.port() == self.addr.port())
        {
            return Err(ConfigError(
                "V2MOM_METRICS_ADDR must not be the public address (V2MOM_ADDR)".into(),
            ));
        }
        if self.body_limit == 0 {
            return Err(ConfigError("V2MOM_BODY_LIMIT must be more than 0".into()));
        }
        if self.session_idle_timeout_mins == 0 || self.session_absolute_timeout_hours == 0 {
            return Err(ConfigError("session timeouts must be more than 0".into()));
        }
        if self.invitation_ttl_days == 0 {
            return Err(ConfigError(
                "V2MOM_INVITATION_TTL_DAYS must be more than 0".into(),
            ));
        }
        if self.db_max_connections == 0 {
            return Err(ConfigError(
                "V2MOM_DB_MAX_CONNECTIONS must be more than 0".into(),
            ));
        }
        if self.throttle_ip_attempts == 0 {
            return Err(ConfigError(
                "V2MOM_THROTTLE_IP_ATTEMPTS must be more than 0".into(),
            ));
        }
        // Failures are kept for a day (the account window): a longer window would count rows
        // that are already gone.
        if self.api_rate_limit_per_minute == 0 {
            return Err(ConfigError(
                "V2MOM_API_RATE_LIMIT_PER_MINUTE must be more than 0".into(),
            ));
        }
        if !(1..=24 * 60).contains(&self.throttle_ip_window_mins) {
            return Err(ConfigError(
                "V2MOM_THROTTLE_IP_WINDOW_MINS must be between 1 and 1440 (a day)".into(),
            ));
        }
        let trusted_proxies = self
            .trusted_proxies
            .iter()
            .map(|raw| {
                super::client_ip::parse_net(raw).ok_or_else(|| {
                    ConfigError(format!(
                        "V2MOM_TRUSTED_PROXIES entry {raw:?} is not an IP address or network \
                         (e.g. 10.0.0.1 or 10.0.0.0/8)"
                    ))
                })
            })
            .collect::<Result<_, _>>()?;
        tracing_subscriber::EnvFilter::try_new(&self.log_level)
            .map_err(|e| ConfigError(format!("V2MOM_LOG_LEVEL {:?}: {e}", self.log_level)))?;
        let mailer = self.mailer(public_url.is_some())?;
        let keyring = self
            .encryption_key
            .as_deref()
            .map(Keyring::parse)
            .transpose()
            .map_err(|e| ConfigError(format!("V2MOM_ENCRYPTION_KEY: {e}")))?;
        let sso_providers = self
            .sso_providers
            .iter()
            .map(ConfiguredProvider::form)
            .collect::<Result<Vec<_>, _>>()?;
        if let Some(twice) = sso_providers
            .iter()
            .enumerate()
            .find(|(i, p)| sso_providers[..*i].iter().any(|q| q.slug == p.slug))
        {
            return Err(ConfigError(format!(
                "sso provider {:?} is configured twice",
                twice.1.slug
            )));
        }
        Ok(Config {
            database,
            public_url,
            trusted_proxies,
            mailer,
            keyring,
            sso_providers,
            settings: self,
        })
    }

    /// Mail needs a relay, a sender, and the public address its links point at (never the
    /// `Host` header of whoever made the request).
    fn mailer(&self, has_public_url: bool) -> Result<Option<Mailer>, ConfigError> {
        let Some(url) = &self.smtp_url else {
            return match self.mail_from {
                Some(_) => Err(ConfigError(
                    "V2MOM_MAIL_FROM is set but V2MOM_SMTP_URL is not: set both to send mail"
                        .into(),
                )),
                None => Ok(None),
            };
        };
        let from = self.mail_from.as_deref().ok_or_else(|| {
            ConfigError("V2MOM_SMTP_URL needs V2MOM_MAIL_FROM, the sender address".into())
        })?;
        if !has_public_url {
            return Err(ConfigError(
                "V2MOM_SMTP_URL needs V2MOM_PUBLIC_URL: mailed links must point at the site".into(),
            ));
        }
        Mailer::new(url, from).map(Some).map_err(ConfigError)
    }
}

/// Reads `V2MOM_<KEY>_FILE` (and `<KEY>_FILE` for `DATABASE_URL`) for every secret key.
fn secrets_from_files() -> Result<std::collections::BTreeMap<&'static str, String>, ConfigError> {
    let mut secrets = std::collections::BTreeMap::new();
    for key in SECRET_KEYS {
        let upper = key.to_uppercase();
        let mut vars = vec![format!("V2MOM_{upper}_FILE")];
        if key == "database_url" {
            vars.push(format!("{upper}_FILE"));
        }
        let Some((var, path)) = vars
            .iter()
            .find_map(|var| std::env::var_os(var).map(|path| (var, path)))
        else {
            continue;
        };
        let value = std::fs::read_to_string(&path).map_err(|e| {
            ConfigError(format!(
                "{var}: cannot read {}: {e}",
                PathBuf::from(&path).display()
            ))
        })?;
        secrets.insert(key, value.trim_end_matches(['\r', '\n']).to_owned());
    }
    Ok(secrets)
}

/// Validated configuration: what the server runs with.
#[derive(Clone)]
pub struct Config {
    pub settings: Settings,
    pub database: Database,
    pub public_url: Option<Url>,
    /// `trusted_proxies`, parsed.
    pub trusted_proxies: Vec<IpNet>,
    /// Set when `smtp_url` is: invitations are mailed.
    pub mailer: Option<Mailer>,
    /// `encryption_key`, parsed; `None` means the data directory's key file.
    pub keyring: Option<Keyring>,
    /// `sso_providers`, checked, with their client secrets read.
    pub sso_providers: Vec<ProviderForm>,
}

impl Config {
    /// Defaults with a data directory: what tests and zero-configuration runs use.
    pub fn with_data_dir(data_dir: PathBuf) -> Result<Self, ConfigError> {
        Settings {
            data_dir,
            ..Settings::default()
        }
        .validate()
    }

    pub fn request_timeout(&self) -> Duration {
        Duration::from_secs(self.settings.request_timeout_secs)
    }

    pub fn shutdown_timeout(&self) -> Duration {
        Duration::from_secs(self.settings.shutdown_timeout_secs)
    }

    pub fn session_idle_timeout(&self) -> Duration {
        Duration::from_secs(self.settings.session_idle_timeout_mins * 60)
    }

    pub fn session_absolute_timeout(&self) -> Duration {
        Duration::from_secs(self.settings.session_absolute_timeout_hours * 3600)
    }

    pub fn throttle_ip_window(&self) -> Duration {
        Duration::from_secs(self.settings.throttle_ip_window_mins * 60)
    }

    /// Settings that work but deserve a second look, logged at start.
    pub fn warnings(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        if self.mailer.as_ref().is_some_and(|m| !m.is_encrypted()) {
            warnings.push(
                "V2MOM_SMTP_URL is not encrypted (use smtps:// or ?tls=required): \
                 invitation links and SMTP credentials travel in clear text"
                    .to_owned(),
            );
        }
        warnings
    }

    /// HSTS only makes sense when people reach the site over https.
    pub fn serves_https(&self) -> bool {
        self.public_url
            .as_ref()
            .is_some_and(|u| u.scheme() == "https")
    }
}

/// Logged at start: every setting, secrets redacted.
impl fmt::Display for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.settings;
        write!(
            f,
            "addr={} metrics_addr={} data_dir={} database={} public_url={} site_root={} log_format={:?} \
             log_level={} body_limit={} request_timeout={}s shutdown_timeout={}s \
             db_max_connections={} db_acquire_timeout={}s db_tls_mode={} db_ca_file={} \
             session_idle_timeout={}min session_absolute_timeout={}h invitation_ttl={}d \
             trusted_proxies={} throttle_ip_attempts={} throttle_ip_window={}min \
             api_rate_limit={}/min v2mom_visibility={:?} open_registration={} password_sign_in={} mail={} encryption_keys={} \
             sso_providers={}",
            s.addr,
            s.metrics_addr.map_or("-".to_owned(), |a| a.to_string()),
            s.data_dir.display(),
            self.database.redacted(),
            self.public_url.as_ref().map_or("-", |u| u.as_str()),
            s.site_root.display(),
            s.log_format,
            s.log_level,
            s.body_limit,
            s.request_timeout_secs,
            s.shutdown_timeout_secs,
            s.db_max_connections,
            s.db_acquire_timeout_secs,
            s.db_tls_mode.as_deref().unwrap_or("-"),
            s.db_ca_file
                .as_ref()
                .map_or("-".into(), |p| p.display().to_string()),
            s.session_idle_timeout_mins,
            s.session_absolute_timeout_hours,
            s.invitation_ttl_days,
            if self.trusted_proxies.is_empty() {
                "-".to_owned()
            } else {
                self.trusted_proxies
                    .iter()
                    .map(IpNet::to_string)
                    .collect::<Vec<_>>()
                    .join(",")
            },
            s.throttle_ip_attempts,
            s.throttle_ip_window_mins,
            s.api_rate_limit_per_minute,
            s.v2mom_visibility,
            s.open_registration,
            s.password_sign_in,
            self.mailer.as_ref().map_or("-", Mailer::relay),
            self.keyring.as_ref().map_or_else(
                || "data_dir/encryption.key".to_owned(),
                |k| k.ids().collect::<Vec<_>>().join(",")
            ),
            if self.sso_providers.is_empty() {
                "-".to_owned()
            } else {
                self.sso_providers
                    .iter()
                    .map(|p| p.slug.as_str())
                    .collect::<Vec<_>>()
                    .join(",")
            },
        )
    }
}

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
    fn default_sqlite(data_dir: &std::path::Path) -> Self {
        let path = data_dir.join("v2mom.db");
        Database::Sqlite {
            display: format!("sqlite://{}", path.display()),
            options: SqliteConnectOptions::new().filename(path),
        }
    }

    fn parse(raw: &str, settings: &Settings) -> Result<Self, ConfigError> {
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

    #[test]
    fn https_public_url_turns_on_hsts() {
        let settings = Settings {
            public_url: Some("https://v2mom.example".into()),
            ..Settings::default()
        };
        assert!(settings.validate().unwrap().serves_https());
        assert!(!Config::with_data_dir("d".into()).unwrap().serves_https());
    }

    #[test]
    fn trusted_proxies_come_as_a_list_or_one_comma_separated_string() {
        use figment::{Figment, providers::Serialized};
        let read = |value: figment::value::Value| {
            Figment::from(Serialized::global("trusted_proxies", value))
                .extract::<Settings>()
                .unwrap()
                .trusted_proxies
        };
        // What figment makes of `V2MOM_TRUSTED_PROXIES=[10.0.0.1,10.0.0.0/8,::1]`…
        let env_list: figment::value::Value = "[10.0.0.1,10.0.0.0/8,::1]".parse().unwrap();
        assert_eq!(read(env_list), ["10.0.0.1", "10.0.0.0/8", "::1"]);
        // …and of `V2MOM_TRUSTED_PROXIES=10.0.0.1, 10.0.0.2`.
        let env_string: figment::value::Value = "10.0.0.1, 10.0.0.2".parse().unwrap();
        assert_eq!(read(env_string), ["10.0.0.1", "10.0.0.2"]);
    }

    #[test]
    fn trusted_proxies_must_be_addresses_or_networks() {
        let settings = |list: &[&str]| Settings {
            trusted_proxies: list.iter().map(|s| s.to_string()).collect(),
            ..Settings::default()
        };
        let config = settings(&["10.0.0.0/8", "127.0.0.1"]).validate().unwrap();
        assert!(
            config
                .to_string()
                .contains("trusted_proxies=10.0.0.0/8,127.0.0.1/32"),
            "{config}"
        );
        let err = settings(&["proxy.example"]).validate().err().unwrap();
        assert!(err.to_string().contains("V2MOM_TRUSTED_PROXIES"), "{err}");
    }

    #[test]
    fn throttle_limits_must_make_sense() {
        for settings in [
            Settings {
                throttle_ip_attempts: 0,
                ..Settings::default()
            },
            Settings {
                throttle_ip_window_mins: 0,
                ..Settings::default()
            },
            Settings {
                throttle_ip_window_mins: 24 * 60 + 1,
                ..Settings::default()
            },
        ] {
            assert!(settings.validate().is_err());
        }
    }

    #[test]
    fn public_url_must_be_http() {
        let settings = Settings {
            public_url: Some("ftp://v2mom.example".into()),
            ..Settings::default()
        };
        assert!(settings.validate().is_err());
    }

    fn with_mail(smtp_url: Option<&str>, from: Option<&str>) -> Result<Config, ConfigError> {
        Settings {
            public_url: Some("https://v2mom.example".into()),
            smtp_url: smtp_url.map(Into::into),
            mail_from: from.map(Into::into),
            ..Settings::default()
        }
        .validate()
    }

    #[test]
    fn mail_needs_a_relay_a_sender_and_a_public_url() {
        let relay = Some("smtps://mailer:hunter2@smtp.example:465");
        let from = Some("v2mom <v2mom@example.com>");
        assert!(with_mail(None, None).unwrap().mailer.is_none());
        let err = with_mail(relay, None).err().unwrap().to_string();
        assert!(err.contains("V2MOM_MAIL_FROM"), "{err}");
        let err = with_mail(None, from).err().unwrap().to_string();
        assert!(err.contains("V2MOM_SMTP_URL"), "{err}");
        let err = with_mail(relay, Some("not an address")).err().unwrap();
        assert!(err.to_string().contains("V2MOM_MAIL_FROM"), "{err}");
        let no_public_url = Settings {
            smtp_url: relay.map(Into::into),
            mail_from: from.map(Into::into),
            ..Settings::default()
        };
        let err = no_public_url.validate().err().unwrap().to_string();
        assert!(err.contains("V2MOM_PUBLIC_URL"), "{err}");

        let config = with_mail(relay, from).unwrap();
        assert!(config.mailer.is_some());
        let shown = config.to_string();
        assert!(shown.contains("mail=smtps://smtp.example:465"), "{shown}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(config.warnings().is_empty());
    }

    #[test]
    fn a_bad_relay_url_is_refused_without_echoing_its_password() {
        for url in [
            "https://mailer:hunter2@smtp.example",
            "smtp//mailer:hunter2@smtp.example",
        ] {
            let err = with_mail(Some(url), Some("v2mom@example.com"))
                .err()
                .unwrap()
                .to_string();
            assert!(err.contains("V2MOM_SMTP_URL"), "{err}");
            assert!(!err.contains("hunter2"), "{err}");
        }
    }

    #[test]
    fn clear_text_mail_is_allowed_with_a_warning() {
        let config =
            with_mail(Some("smtp://relay.internal:25"), Some("v2mom@example.com")).unwrap();
        assert!(config.warnings()[0].contains("not encrypted"));
        let config = with_mail(
            Some("smtp://relay.internal:587?tls=required"),
            Some("v2mom@example.com"),
        )
        .unwrap();
        assert!(config.warnings().is_empty());
    }
}
