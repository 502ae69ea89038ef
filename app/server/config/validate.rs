//! From settings as read to the configuration the server runs with: every check that can be
//! made without touching the disk or the network.

use super::{ConfigError, ConfiguredProvider, Database, Settings};
use crate::{
    model::sso::ProviderForm,
    server::{keyring::Keyring, mail::Mailer},
};
use ipnet::IpNet;
use std::{path::PathBuf, time::Duration};
use url::Url;

impl Settings {
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
        if !(0.0..=1.0).contains(&self.access_log_sample) {
            return Err(ConfigError(
                "V2MOM_ACCESS_LOG_SAMPLE must be between 0 and 1 (the share of successful \
                 requests logged)"
                    .into(),
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
        if self.backup_interval_hours == 0 || self.backup_keep == 0 {
            return Err(ConfigError(
                "V2MOM_BACKUP_INTERVAL_HOURS and V2MOM_BACKUP_KEEP must be more than 0".into(),
            ));
        }
        if !(1..=20).contains(&self.webhook_max_attempts) {
            return Err(ConfigError(
                "V2MOM_WEBHOOK_MAX_ATTEMPTS must be from 1 to 20".into(),
            ));
        }
        if self.reminder_check_in_days > 365 || self.reminder_write_days > 365 {
            return Err(ConfigError(
                "V2MOM_REMINDER_CHECK_IN_DAYS and V2MOM_REMINDER_WRITE_DAYS must be from 0 (off) \
                 to 365"
                    .into(),
            ));
        }
        if self.reminder_quiet_from_hour > 23 || self.reminder_quiet_until_hour > 23 {
            return Err(ConfigError(
                "V2MOM_REMINDER_QUIET_FROM_HOUR and V2MOM_REMINDER_QUIET_UNTIL_HOUR are hours \
                 of the day, 0 to 23 (UTC)"
                    .into(),
            ));
        }
        if !(1..=300).contains(&self.live_heartbeat_secs) {
            return Err(ConfigError(
                "V2MOM_LIVE_HEARTBEAT_SECS must be from 1 to 300".into(),
            ));
        }
        if !(1..=100).contains(&self.live_streams_per_person) {
            return Err(ConfigError(
                "V2MOM_LIVE_STREAMS_PER_PERSON must be from 1 to 100".into(),
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
                crate::server::client_ip::parse_net(raw).ok_or_else(|| {
                    ConfigError(format!(
                        "V2MOM_TRUSTED_PROXIES entry {raw:?} is not an IP address or network \
                         (e.g. 10.0.0.1 or 10.0.0.0/8)"
                    ))
                })
            })
            .collect::<Result<_, _>>()?;
        let second_factor_roles = self
            .second_factor_required_for
            .iter()
            .map(|raw| {
                raw.trim().parse::<crate::model::Role>().map_err(|()| {
                    ConfigError(format!(
                        "V2MOM_SECOND_FACTOR_REQUIRED_FOR entry {raw:?} is not a role \
                             (admin, manager or employee)"
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
            second_factor_roles,
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

/// Validated configuration: what the server runs with.
#[derive(Clone)]
pub struct Config {
    pub settings: Settings,
    pub database: Database,
    pub public_url: Option<Url>,
    /// `trusted_proxies`, parsed.
    pub trusted_proxies: Vec<IpNet>,
    /// `second_factor_required_for`, parsed.
    pub second_factor_roles: Vec<crate::model::Role>,
    /// Set when `smtp_url` is: invitations and notifications are mailed.
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

    /// A page of this site at its public address (what mails and webhooks link to); the
    /// bare path when no public address is configured.
    pub fn public_link(&self, path: &str) -> String {
        self.public_url
            .as_ref()
            .and_then(|base| base.join(path.trim_start_matches('/')).ok())
            .map_or_else(|| path.to_owned(), |url| url.to_string())
    }

    pub fn shutdown_timeout(&self) -> Duration {
        Duration::from_secs(self.settings.shutdown_timeout_secs)
    }

    pub fn live_heartbeat(&self) -> Duration {
        Duration::from_secs(self.settings.live_heartbeat_secs)
    }

    pub fn shutdown_drain(&self) -> Duration {
        Duration::from_secs(self.settings.shutdown_drain_secs)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::config::Settings;

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
    fn the_access_log_sample_is_a_share() {
        for (sample, valid) in [
            (0.0, true),
            (0.5, true),
            (1.0, true),
            (1.5, false),
            (-0.1, false),
        ] {
            let settings = Settings {
                access_log_sample: sample,
                ..Settings::default()
            };
            assert_eq!(settings.validate().is_ok(), valid, "{sample}");
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
