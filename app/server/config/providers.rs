//! Single sign-on providers kept by the configuration (`[[sso_providers]]`).

use super::{ConfigError, one_or_many};
use crate::model::sso::ProviderForm;
use serde::Deserialize;
use std::path::PathBuf;

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
    pub(super) fn form(&self) -> Result<ProviderForm, ConfigError> {
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
