//! Single sign-on providers: what an administrator (or the configuration) describes, checked
//! by the same rules in the browser and on the server. Here the kinds of provider; the form
//! and its rules, what pages show and why a sign-in failed each have their own file.

mod failure;
mod form;
mod shown;

pub use failure::SsoFailure;
pub use form::{
    MAX_CLIENT_ID, MAX_CLIENT_SECRET, MAX_DOMAINS, MAX_SLUG, ProviderForm, domain_allowed, domains,
    is_slug,
};
pub use shown::{LinkedIdentity, ProviderButton, ProviderSummary, SignInChoices, SignInMethods};

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProviderKind {
    /// Any OpenID Connect issuer, found through its discovery document.
    Oidc,
    /// Google's OpenID Connect issuer.
    Google,
    /// GitHub's OAuth2 and its user and email API (github.com, or a GitHub Enterprise Server).
    Github,
}

pub const GOOGLE_ISSUER: &str = "https://accounts.google.com";
pub const GITHUB_URL: &str = "https://github.com";

impl ProviderKind {
    pub const ALL: [ProviderKind; 3] = [
        ProviderKind::Oidc,
        ProviderKind::Google,
        ProviderKind::Github,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ProviderKind::Oidc => "oidc",
            ProviderKind::Google => "google",
            ProviderKind::Github => "github",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text.trim())
    }

    pub fn label(self) -> &'static str {
        match self {
            ProviderKind::Oidc => "OpenID Connect",
            ProviderKind::Google => "Google",
            ProviderKind::Github => "GitHub",
        }
    }

    /// The issuer URL a provider of this kind uses when none is given: Google's is fixed,
    /// GitHub's is github.com unless an Enterprise Server's address is given.
    pub fn issuer_url(self, given: &str) -> String {
        let given = given.trim().trim_end_matches('/');
        match self {
            ProviderKind::Google => GOOGLE_ISSUER.to_owned(),
            ProviderKind::Github if given.is_empty() => GITHUB_URL.to_owned(),
            _ => given.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests;
