//! Single sign-on providers: what an administrator (or the configuration) describes, checked
//! by the same rules in the browser and on the server.

use super::validate::{Checks, MAX_NAME};
use crate::i18n::{t, t_with};
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

/// Why a sign-in through a provider did not happen, as the sign-in page explains it. The
/// code travels in the URL (`?sso_error=…`), so only these fixed messages can be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SsoFailure {
    /// The provider could not be reached or answered nonsense.
    Unreachable,
    /// The person cancelled at the provider (`error=access_denied`).
    Cancelled,
    /// The provider reported another error.
    ProviderError,
    /// The answer does not belong to a sign-in this browser started (state, nonce, replay,
    /// signature, audience…).
    Mismatch,
    /// The sign-in took too long, or was already finished.
    Expired,
    /// The provider has no verified email for the person.
    UnverifiedEmail,
    /// Nobody here matches and the domain may not sign up.
    NoAccount,
    /// The identity is already linked to someone else.
    LinkedElsewhere,
    /// The account is disabled.
    Disabled,
    /// The provider is unknown or switched off.
    UnknownProvider,
    /// Too many failed attempts from this address.
    Throttled,
    /// Linking needs the current password (or a recent sign-in), and did not get it.
    NotConfirmed,
}

impl SsoFailure {
    pub const ALL: [SsoFailure; 12] = [
        SsoFailure::Unreachable,
        SsoFailure::Cancelled,
        SsoFailure::ProviderError,
        SsoFailure::Mismatch,
        SsoFailure::Expired,
        SsoFailure::UnverifiedEmail,
        SsoFailure::NoAccount,
        SsoFailure::LinkedElsewhere,
        SsoFailure::Disabled,
        SsoFailure::UnknownProvider,
        SsoFailure::Throttled,
        SsoFailure::NotConfirmed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SsoFailure::Unreachable => "unreachable",
            SsoFailure::Cancelled => "cancelled",
            SsoFailure::ProviderError => "provider_error",
            SsoFailure::Mismatch => "mismatch",
            SsoFailure::Expired => "expired",
            SsoFailure::UnverifiedEmail => "unverified_email",
            SsoFailure::NoAccount => "no_account",
            SsoFailure::LinkedElsewhere => "linked_elsewhere",
            SsoFailure::Disabled => "disabled",
            SsoFailure::UnknownProvider => "unknown_provider",
            SsoFailure::Throttled => "throttled",
            SsoFailure::NotConfirmed => "not_confirmed",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.code() == code)
    }

    pub fn message(self) -> String {
        t(match self {
            SsoFailure::Unreachable => "model-sso-unreachable",
            SsoFailure::Cancelled => "model-sso-cancelled",
            SsoFailure::ProviderError => "model-sso-provider-error",
            SsoFailure::Mismatch => "model-sso-mismatch",
            SsoFailure::Expired => "model-sso-expired",
            SsoFailure::UnverifiedEmail => "model-sso-unverified-email",
            SsoFailure::NoAccount => "model-sso-no-account",
            SsoFailure::LinkedElsewhere => "model-sso-linked-elsewhere",
            SsoFailure::Disabled => "model-sso-disabled",
            SsoFailure::UnknownProvider => "model-sso-unknown-provider",
            SsoFailure::Throttled => "model-sso-throttled",
            SsoFailure::NotConfirmed => "model-sso-not-confirmed",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ProviderForm {
        ProviderForm {
            kind: "oidc".into(),
            name: "Acme SSO".into(),
            slug: "acme".into(),
            issuer_url: "https://id.acme.example".into(),
            client_id: "v2mom".into(),
            client_secret: "s3cret".into(),
            enabled: true,
            link_verified_emails: true,
            allowed_domains: "acme.example, @Sub.Acme.example".into(),
        }
    }

    fn failed(form: &ProviderForm, new: bool) -> Vec<String> {
        match form.clone().check(new).into_result() {
            Ok(()) => vec![],
            Err(crate::error::AppError::Invalid { fields }) => {
                fields.into_iter().map(|f| f.field).collect()
            }
            Err(other) => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_complete_form_passes() {
        assert!(failed(&form(), true).is_empty());
    }

    #[test]
    fn each_field_is_checked() {
        for (change, field) in [
            (
                &(|f: &mut ProviderForm| f.kind = "saml".into()) as &dyn Fn(&mut ProviderForm),
                "kind",
            ),
            (&|f| f.name = " ".into(), "name"),
            (&|f| f.slug = "Acme".into(), "slug"),
            (&|f| f.slug = "1acme".into(), "slug"),
            (&|f| f.slug = "acme/x".into(), "slug"),
            (
                &|f| f.issuer_url = "http://id.acme.example".into(),
                "issuer_url",
            ),
            (&|f| f.issuer_url = "https://".into(), "issuer_url"),
            (
                &|f| f.issuer_url = "https://id.acme.example?x".into(),
                "issuer_url",
            ),
            (&|f| f.issuer_url = "".into(), "issuer_url"),
            (&|f| f.client_id = "".into(), "client_id"),
            (&|f| f.client_secret = "".into(), "client_secret"),
            (&|f| f.allowed_domains = "acme".into(), "allowed_domains"),
            (
                &|f| f.allowed_domains = "a..example".into(),
                "allowed_domains",
            ),
        ] {
            let mut f = form();
            change(&mut f);
            assert_eq!(failed(&f, true), vec![field.to_owned()], "{f:?}");
        }
    }

    #[test]
    fn presets_need_no_issuer_and_edits_keep_the_secret() {
        for kind in ["google", "github"] {
            let f = ProviderForm {
                kind: kind.into(),
                issuer_url: "".into(),
                ..form()
            };
            assert!(failed(&f, true).is_empty(), "{kind}");
        }
        let f = ProviderForm {
            client_secret: "".into(),
            slug: "".into(),
            ..form()
        };
        assert!(failed(&f, false).is_empty());
        assert_eq!(
            ProviderKind::Google.issuer_url("https://evil.example"),
            GOOGLE_ISSUER
        );
        assert_eq!(ProviderKind::Github.issuer_url(""), GITHUB_URL);
        assert_eq!(
            ProviderKind::Oidc.issuer_url("https://id.example/"),
            "https://id.example"
        );
        let local = ProviderForm {
            issuer_url: "http://127.0.0.1:8080/realms/x".into(),
            ..form()
        };
        assert!(failed(&local, true).is_empty());
    }

    #[test]
    fn domains_are_matched_whole_and_without_case() {
        let allowed = "acme.example, @Sub.Acme.example";
        assert!(domain_allowed("ann@ACME.example", allowed));
        assert!(domain_allowed("bo@sub.acme.example", allowed));
        assert!(!domain_allowed("eve@evilacme.example", allowed));
        assert!(!domain_allowed("eve@acme.example.evil", allowed));
        assert!(!domain_allowed("eve@other.example", allowed));
        assert!(!domain_allowed("eve@acme.example", ""));
        assert!(!domain_allowed("no-at-sign", allowed));
    }

    #[test]
    fn failure_codes_round_trip() {
        for failure in SsoFailure::ALL {
            assert_eq!(SsoFailure::from_code(failure.code()), Some(failure));
        }
        assert_eq!(SsoFailure::from_code("<script>"), None);
    }
}
