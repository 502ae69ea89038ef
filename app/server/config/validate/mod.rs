//! From settings as read to the configuration the server runs with: every check that can be
//! made without touching the disk or the network. [`Config`] itself, and what is read off
//! it, is in `checked.rs`.

use super::{Config, ConfigError, ConfiguredProvider, Database, Settings};
use crate::server::{keyring::Keyring, mail::Mailer};
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

#[cfg(test)]
mod tests;
