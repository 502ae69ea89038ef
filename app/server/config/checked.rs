//! The validated configuration, what the server runs with, and the durations, links and
//! warnings it reads off it.

use crate::{
    model::sso::ProviderForm,
    server::{
        config::{ConfigError, Database, Settings},
        keyring::Keyring,
        mail::Mailer,
    },
};
use ipnet::IpNet;
use std::{path::PathBuf, time::Duration};
use url::Url;

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
