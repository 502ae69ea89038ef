//! The configuration as logged at start.

use super::Config;
use crate::server::mail::Mailer;
use ipnet::IpNet;
use std::fmt;

/// Logged at start: every setting, secrets redacted.
impl fmt::Display for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.settings;
        write!(
            f,
            "addr={} metrics_addr={} data_dir={} database={} public_url={} site_root={} log_format={:?} \
             log_level={} access_log_sample={} body_limit={} request_timeout={}s shutdown_timeout={}s shutdown_drain={}s \
             db_max_connections={} db_acquire_timeout={}s db_tls_mode={} db_ca_file={} \
             session_idle_timeout={}min session_absolute_timeout={}h invitation_ttl={}d default_language={} \
             trusted_proxies={} throttle_ip_attempts={} throttle_ip_window={}min \
             api_rate_limit={}/min v2mom_visibility={:?} open_registration={} password_sign_in={} second_factor_required_for={} mail={} encryption_keys={} \
             backups={} sso_providers={}",
            s.addr,
            s.metrics_addr.map_or("-".to_owned(), |a| a.to_string()),
            s.data_dir.display(),
            self.database.redacted(),
            self.public_url.as_ref().map_or("-", |u| u.as_str()),
            s.site_root.display(),
            s.log_format,
            s.log_level,
            s.access_log_sample,
            s.body_limit,
            s.request_timeout_secs,
            s.shutdown_timeout_secs,
            s.shutdown_drain_secs,
            s.db_max_connections,
            s.db_acquire_timeout_secs,
            s.db_tls_mode.as_deref().unwrap_or("-"),
            s.db_ca_file
                .as_ref()
                .map_or("-".into(), |p| p.display().to_string()),
            s.session_idle_timeout_mins,
            s.session_absolute_timeout_hours,
            s.invitation_ttl_days,
            s.default_language.code(),
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
            if s.second_factor_required_for.is_empty() {
                "-".to_owned()
            } else {
                s.second_factor_required_for.join(",")
            },
            self.mailer.as_ref().map_or("-", Mailer::relay),
            self.keyring.as_ref().map_or_else(
                || "data_dir/encryption.key".to_owned(),
                |k| k.ids().collect::<Vec<_>>().join(",")
            ),
            s.backup_dir.as_ref().map_or("-".to_owned(), |dir| format!(
                "{} every {}h keep {}",
                dir.display(),
                s.backup_interval_hours,
                s.backup_keep
            )),
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
