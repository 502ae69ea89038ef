//! A provider's form and its rules: the same checks for the administrators' page, the
//! browser and the configuration file.

use super::ProviderKind;
use crate::i18n::{t, t_with};
use crate::model::validate::{Checks, MAX_NAME};
use serde::{Deserialize, Serialize};

pub const MAX_SLUG: usize = 40;
pub const MAX_CLIENT_ID: usize = 500;
pub const MAX_CLIENT_SECRET: usize = 1000;
pub const MAX_DOMAINS: usize = 2000;

/// A provider as its form (or configuration entry) describes it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderForm {
    pub kind: String,
    pub name: String,
    /// In URLs: `/auth/sso/<slug>`; never changes once the provider exists.
    pub slug: String,
    pub issuer_url: String,
    pub client_id: String,
    /// Empty when editing keeps the stored secret.
    pub client_secret: String,
    pub enabled: bool,
    pub link_verified_emails: bool,
    /// Email domains whose people get an account on their first sign-in, comma-separated.
    pub allowed_domains: String,
}

impl ProviderForm {
    /// The problems of this form. A new provider needs its client secret; an edit without
    /// one keeps the stored secret.
    pub fn check(&mut self, new: bool) -> Checks {
        let mut checks = Checks::new();
        let kind = ProviderKind::parse(&self.kind);
        if kind.is_none() {
            checks.fail("kind", t("model-sso-choose-kind"));
        }
        self.name = checks.text("name", &self.name, MAX_NAME);
        if new && !is_slug(&self.slug) {
            checks.fail(
                "slug",
                t_with("model-sso-slug", &[("max", MAX_SLUG.into())]),
            );
        }
        // Google's issuer is fixed; GitHub's defaults to github.com.
        if let Some(kind) = kind
            && kind != ProviderKind::Google
            && !is_issuer_url(&kind.issuer_url(&self.issuer_url))
        {
            checks.fail("issuer_url", t("model-sso-issuer-url"));
        }
        self.client_id = checks.text("client_id", &self.client_id, MAX_CLIENT_ID);
        if new || !self.client_secret.is_empty() {
            self.client_secret =
                checks.text("client_secret", &self.client_secret, MAX_CLIENT_SECRET);
        }
        if self.allowed_domains.chars().count() > MAX_DOMAINS
            || domains(&self.allowed_domains).is_none()
        {
            checks.fail("allowed_domains", t("model-sso-domains"));
        }
        checks
    }
}

/// Lower-case letters, digits and hyphens, starting with a letter: what a provider's short
/// name may be, and so the only thing worth looking up as one.
pub fn is_slug(text: &str) -> bool {
    let mut chars = text.chars();
    text.len() <= MAX_SLUG
        && chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// An https URL with a host, or plain http to this machine (development and tests).
fn is_issuer_url(url: &str) -> bool {
    let rest = if let Some(rest) = url.strip_prefix("https://") {
        rest
    } else if let Some(rest) = url.strip_prefix("http://") {
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = host.rsplit_once(':').map_or(host, |(h, _)| h);
        if !matches!(host, "localhost" | "127.0.0.1" | "[::1]") {
            return false;
        }
        rest
    } else {
        return false;
    };
    !rest.is_empty()
        && !rest.starts_with('/')
        && !url.contains(['?', '#'])
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The domains of a comma- or space-separated list, lower-cased, or `None` when one is not
/// a plausible domain name.
pub fn domains(text: &str) -> Option<Vec<String>> {
    text.split([',', ' ', '\n', '\t', '\r'])
        .filter(|d| !d.is_empty())
        .map(|d| {
            let d = d.trim_start_matches('@').to_ascii_lowercase();
            let plausible = d.contains('.')
                && !d.starts_with(['.', '-'])
                && !d.ends_with(['.', '-'])
                && !d.contains("..")
                && d.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
            plausible.then_some(d)
        })
        .collect()
}

/// Whether `email`'s domain is one of `allowed` (as [`domains`] normalises them).
pub fn domain_allowed(email: &str, allowed: &str) -> bool {
    let Some((_, domain)) = email.trim().rsplit_once('@') else {
        return false;
    };
    let domain = domain.to_ascii_lowercase();
    domains(allowed).is_some_and(|list| list.contains(&domain))
}
