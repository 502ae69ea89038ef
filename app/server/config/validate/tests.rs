//! What `Settings::validate` accepts and refuses: public URL, proxies, limits and mail.

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
    let config = with_mail(Some("smtp://relay.internal:25"), Some("v2mom@example.com")).unwrap();
    assert!(config.warnings()[0].contains("not encrypted"));
    let config = with_mail(
        Some("smtp://relay.internal:587?tls=required"),
        Some("v2mom@example.com"),
    )
    .unwrap();
    assert!(config.warnings().is_empty());
}
