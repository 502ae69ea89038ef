//! The one place configuration comes from.
//!
//! Layers, later wins: built-in defaults → TOML file named by `V2MOM_CONFIG` (or `--config`)
//! → environment (`V2MOM_*`, plus `DATABASE_URL`) → command-line flags. Every secret may
//! instead be read from a file named by the same variable with `_FILE` appended, as container
//! secrets are mounted. Unknown keys are errors, so a typo never passes silently.

mod checked;
mod database;
mod display;
mod providers;
mod validate;

pub use checked::Config;
pub use database::Database;
pub use providers::ConfiguredProvider;

use figment::{
    Figment,
    providers::{Env, Format, Serialized, Toml},
};
use serde::{Deserialize, Serialize};
use std::{net::SocketAddr, path::PathBuf};

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
    /// The share of successful requests that get an access-log line, 0 to 1 (failed ones,
    /// 4xx and 5xx, always do).
    pub access_log_sample: f64,
    /// Largest accepted request body, in bytes.
    pub body_limit: usize,
    pub request_timeout_secs: u64,
    /// How long in-flight requests may take to finish after SIGTERM/SIGINT.
    pub shutdown_timeout_secs: u64,
    /// After SIGTERM/SIGINT, how long the process keeps serving while `/readyz` answers 503,
    /// so a load balancer's health check takes it out before it stops accepting.
    pub shutdown_drain_secs: u64,
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
    /// The interface's language for people who chose none and whose browser asks for none
    /// of ours (`en`, `de`); also the language of mails to them.
    pub default_language: crate::i18n::Lang,
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
    /// Roles (`admin`, `manager`, `employee`) whose people must have a second factor: after
    /// signing in they can do nothing but set one up. A list, or one comma-separated string.
    #[serde(deserialize_with = "one_or_many")]
    pub second_factor_required_for: Vec<String>,
    /// SMTP relay for invitation mail (`smtps://user:password@host:465` or
    /// `smtp://…:587?tls=required`); unset: the administrator passes links on by hand.
    pub smtp_url: Option<String>,
    /// The sender of that mail, e.g. `v2mom <v2mom@example.com>`.
    pub mail_from: Option<String>,
    /// Keys for secrets at rest: `<id>:<64 hex digits>`, comma- or line-separated, newest
    /// last. Unset: `encryption.key` in `data_dir` (created on first start).
    pub encryption_key: Option<String>,
    /// Where the server writes scheduled backups; unset: no scheduled backups.
    pub backup_dir: Option<PathBuf>,
    /// Hours between scheduled backups (one per deployment, whatever the processes).
    pub backup_interval_hours: u64,
    /// How many scheduled backups `backup_dir` keeps; older ones are removed.
    pub backup_keep: usize,
    /// Whether webhooks may reach addresses inside private networks (this machine, RFC 1918,
    /// link-local …). Off: a webhook cannot be used to reach servers behind the firewall.
    pub webhook_allow_private_targets: bool,
    /// Attempts at one webhook delivery before it is marked failed (an administrator may
    /// retry it then); the waits between them double from 30 seconds.
    pub webhook_max_attempts: u32,
    /// Days without a check-in on a published V2MOM (of the current period) after which its
    /// owner is reminded, and again each as many days after; 0: no reminders.
    pub reminder_check_in_days: u32,
    /// Days between reminders to those whose V2MOM for the current period (once it has
    /// started) is not written yet; 0: none.
    pub reminder_write_days: u32,
    /// Hours (UTC, 0–23) between which no reminder is sent: from `reminder_quiet_from_hour`
    /// until `reminder_quiet_until_hour`; equal: none quiet.
    pub reminder_quiet_from_hour: u32,
    pub reminder_quiet_until_hour: u32,
    /// Seconds between the comments that keep an idle live stream (`/events`) open through
    /// proxies that close quiet connections.
    pub live_heartbeat_secs: u64,
    /// Live streams one person may hold open at once (one per open V2MOM page). Browsers
    /// allow six connections to a site, so more than four would starve the pages themselves.
    pub live_streams_per_person: usize,
    /// Single sign-on providers kept by the configuration (the admin page shows them
    /// read-only). See [`ConfiguredProvider`].
    pub sso_providers: Vec<ConfiguredProvider>,
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
            access_log_sample: 1.0,
            body_limit: 1024 * 1024,
            request_timeout_secs: 30,
            shutdown_timeout_secs: 20,
            shutdown_drain_secs: 0,
            db_max_connections: 10,
            db_acquire_timeout_secs: 3,
            db_tls_mode: None,
            db_ca_file: None,
            session_idle_timeout_mins: 30,
            session_absolute_timeout_hours: 12,
            invitation_ttl_days: 7,
            default_language: crate::i18n::Lang::En,
            trusted_proxies: Vec::new(),
            throttle_ip_attempts: 50,
            throttle_ip_window_mins: 15,
            api_rate_limit_per_minute: 600,
            v2mom_visibility: Default::default(),
            open_registration: false,
            password_sign_in: true,
            second_factor_required_for: Vec::new(),
            smtp_url: None,
            mail_from: None,
            encryption_key: None,
            backup_dir: None,
            backup_interval_hours: 24,
            backup_keep: 7,
            webhook_allow_private_targets: false,
            webhook_max_attempts: 8,
            reminder_check_in_days: 14,
            reminder_write_days: 7,
            reminder_quiet_from_hour: 20,
            reminder_quiet_until_hour: 7,
            live_heartbeat_secs: 15,
            live_streams_per_person: 4,
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
    // A name of its own: processes starting together may share the directory.
    let probe = dir.join(format!(
        ".v2mom-write-test-{}",
        uuid::Uuid::new_v4().simple()
    ));
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

#[cfg(test)]
mod tests {
    #[test]
    fn processes_starting_together_all_find_a_shared_data_dir_writable() {
        let dir = tempfile::tempdir().unwrap();
        let starts: Vec<_> = (0..8)
            .map(|_| {
                let dir = dir.path().to_owned();
                std::thread::spawn(move || {
                    (0..200).try_for_each(|_| super::ensure_writable_dir(&dir))
                })
            })
            .collect();
        for start in starts {
            assert_eq!(start.join().unwrap().map_err(|e| e.0), Ok(()));
        }
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "no probe left"
        );
    }
}
