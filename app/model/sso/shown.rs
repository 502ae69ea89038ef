//! Providers and sign-in methods as pages show them: never a client secret.

use super::ProviderKind;
use serde::{Deserialize, Serialize};

/// An enabled provider as the sign-in page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderButton {
    pub slug: String,
    pub name: String,
}

/// A provider as the administrators' page lists it: never its secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderSummary {
    pub id: i64,
    pub kind: ProviderKind,
    pub name: String,
    pub slug: String,
    pub issuer_url: String,
    pub client_id: String,
    pub enabled: bool,
    pub link_verified_emails: bool,
    pub allowed_domains: String,
    /// Set by the configuration file or environment: read-only here.
    pub from_config: bool,
    /// The address to register at the provider (needs the public URL to be known).
    pub redirect_uri: String,
}

/// One of a person's linked sign-in identities, on their profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkedIdentity {
    pub id: i64,
    pub provider: String,
    pub email: String,
    pub linked: String,
    pub last_used: String,
}

/// How one may sign in here: with a password or not, and the enabled providers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInChoices {
    pub password: bool,
    pub providers: Vec<ProviderButton>,
}

/// How one signs in: with a password or not, the linked identities, and the providers one
/// could link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInMethods {
    pub has_password: bool,
    pub identities: Vec<LinkedIdentity>,
    pub providers: Vec<ProviderButton>,
}
