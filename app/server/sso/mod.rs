//! Single sign-on: OpenID Connect providers (any issuer, Google) and GitHub.
//!
//! The browser posts to `/auth/sso/<slug>` (or `…/link` from the profile); we remember a
//! [`Pending`] sign-in in its session — state, nonce, PKCE verifier, what it is for — and
//! send it to the provider. The provider sends it back to `/auth/sso/<slug>/callback`, where
//! the pending sign-in is taken out of the session (so it can finish once), the code is
//! exchanged and the answer verified ([`oidc`], [`github`]), and [`accounts`] decides who
//! that is here. Every refusal is a [`Refusal`]: a fixed message for the person, details for
//! the audit log.

pub mod accounts;
mod admin;
pub mod configured;
mod github;
mod identities;
mod oidc;
mod stored;

pub use super::sso_client::{Refusal, SsoClient};
pub use admin::{ProviderEdit, add_provider, change_provider, providers};
pub use identities::{sign_in_methods, unlink};

use super::{
    db::SsoProviderRecord, errors::internal, keyring::Keyring, state::AppState, transaction::Abort,
};
use crate::{
    error::AppError,
    model::{
        sso::{ProviderKind, SsoFailure, is_slug},
        validate::{Shape, clean},
    },
};
use serde::{Deserialize, Serialize};

/// How long a person may spend at the provider before the sign-in is stale.
pub const PENDING_TTL_SECS: i64 = 10 * 60;

/// Why a flow stopped: a refusal, explained on a page and audited, or a fault of ours
/// (the database), answered like any other server error.
#[derive(Debug)]
pub enum Stop {
    Refused(Refusal),
    Error(AppError),
}

impl From<Refusal> for Stop {
    fn from(refusal: Refusal) -> Self {
        Stop::Refused(refusal)
    }
}

impl From<AppError> for Stop {
    fn from(error: AppError) -> Self {
        Stop::Error(error)
    }
}

/// Inside a transaction (`transaction::run_as`), both ways of stopping end it.
impl From<Refusal> for Abort<Stop> {
    fn from(refusal: Refusal) -> Self {
        Abort::Stop(refusal.into())
    }
}

/// An enabled provider, ready to use: its record and its client secret, opened.
pub struct Provider {
    pub record: SsoProviderRecord,
    pub kind: ProviderKind,
    /// The issuer (OIDC) or base URL (GitHub), without a trailing slash.
    pub issuer: String,
    client_secret: String,
}

impl Provider {
    /// The enabled provider called `slug`.
    pub async fn enabled(state: &AppState, slug: &str) -> Result<Provider, Stop> {
        let record = if is_slug(slug) {
            state
                .db
                .sso_provider_by_slug(slug)
                .await
                .map_err(internal)?
        } else {
            None
        };
        let record = record.filter(|p| p.enabled).ok_or_else(|| {
            Refusal::new(
                SsoFailure::UnknownProvider,
                format!("no enabled provider {slug:?}"),
            )
        })?;
        Ok(Provider::open(record, &state.keyring)?)
    }

    fn open(record: SsoProviderRecord, keyring: &Keyring) -> Result<Provider, Refusal> {
        let kind = ProviderKind::parse(&record.kind).ok_or_else(|| {
            Refusal::new(
                SsoFailure::UnknownProvider,
                format!("kind {:?}", record.kind),
            )
        })?;
        let client_secret = keyring
            .open(crate::server::db::CLIENT_SECRET, &record.client_secret())
            .map_err(|e| Refusal::unreachable("client secret", e))?;
        Ok(Provider {
            issuer: kind.issuer_url(&record.issuer_url),
            kind,
            record,
            client_secret,
        })
    }
}

/// What the person is signing in through the provider for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "for", rename_all = "snake_case")]
pub enum Purpose {
    /// Signing in; afterwards go to `next` (a path on this site).
    SignIn { next: String },
    /// Completing the invitation behind `token` instead of choosing a password.
    Invitation { token: String },
    /// Adding a way to sign in to the signed-in `user_id`'s account.
    Link { user_id: i64 },
}

impl Purpose {
    /// The page that explains a refusal.
    pub fn failure_page(&self, failure: SsoFailure) -> String {
        let code = failure.code();
        match self {
            Purpose::SignIn { .. } => format!("/login?sso_error={code}"),
            Purpose::Invitation { token } => {
                format!(
                    "/invite/{}?sso_error={code}",
                    crate::model::percent_encode(token)
                )
            }
            Purpose::Link { .. } => format!("/profile?sso_error={code}"),
        }
    }
}

/// A sign-in waiting for the provider's answer, kept in the browser's session.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Pending {
    pub provider: String,
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
    pub redirect_uri: String,
    pub purpose: Purpose,
    /// Unix seconds.
    pub started_at: i64,
}

/// Who the provider says signed in, once its answer is verified.
#[derive(Debug, Clone)]
pub struct ProviderIdentity {
    pub issuer: String,
    pub subject: String,
    pub email: Option<String>,
    pub email_verified: bool,
    pub name: Option<String>,
    /// The provider says the person passed more than one factor there (its ID token's `amr`
    /// holds `mfa`, RFC 8176): signing in here then asks for no second step.
    pub multi_factor: bool,
}

impl ProviderIdentity {
    /// The identity under the rule every person's text obeys (NFC, no control characters):
    /// a provider is not trusted to send only what the database can hold. A name or email
    /// that breaks it counts as not sent; an issuer or subject that does is a provider error.
    pub fn cleaned(&self) -> Result<Self, Refusal> {
        let line = |text: &String| clean(text, Shape::Line).ok();
        let required = |text: &String| {
            line(text).ok_or_else(|| {
                Refusal::new(
                    SsoFailure::ProviderError,
                    "control characters in the identity",
                )
            })
        };
        Ok(ProviderIdentity {
            issuer: required(&self.issuer)?,
            subject: required(&self.subject)?,
            email: self.email.as_ref().and_then(line),
            email_verified: self.email_verified,
            name: self.name.as_ref().and_then(line),
            multi_factor: self.multi_factor,
        })
    }
}

/// The provider's sign-in page for this browser, and what to remember until it answers.
pub async fn authorize(
    client: &SsoClient,
    provider: &Provider,
    redirect_uri: &str,
    purpose: Purpose,
) -> Result<(String, Pending), Refusal> {
    let started = match provider.kind {
        ProviderKind::Github => github::authorize(provider, redirect_uri)?,
        ProviderKind::Oidc | ProviderKind::Google => {
            oidc::authorize(client, provider, redirect_uri).await?
        }
    };
    let pending = Pending {
        provider: provider.record.slug.clone(),
        state: started.state,
        nonce: started.nonce,
        pkce_verifier: started.pkce_verifier,
        redirect_uri: redirect_uri.to_owned(),
        purpose,
        started_at: chrono::Utc::now().timestamp(),
    };
    Ok((started.url, pending))
}

/// Exchanges the provider's code and verifies its answer.
pub async fn identify(
    client: &SsoClient,
    provider: &Provider,
    pending: &Pending,
    code: &str,
) -> Result<ProviderIdentity, Refusal> {
    match provider.kind {
        ProviderKind::Github => github::identify(client, provider, pending, code).await,
        ProviderKind::Oidc | ProviderKind::Google => {
            oidc::identify(client, provider, pending, code).await
        }
    }
}

/// What [`oidc::authorize`] and [`github::authorize`] hand back.
struct Started {
    url: String,
    state: String,
    /// Empty for GitHub, which has no ID token to carry one.
    nonce: String,
    pkce_verifier: String,
}

/// The address providers send people back to: fixed by the public URL when it is set (it
/// must be registered at the provider exactly), else the address this request came to.
pub fn redirect_uri(state: &AppState, host: Option<&str>, slug: &str) -> Result<String, AppError> {
    let base = match &state.config.public_url {
        Some(url) => url.as_str().trim_end_matches('/').to_owned(),
        None => format!("http://{}", crate::server::site::plain_host(host)?),
    };
    Ok(format!("{base}/auth/sso/{slug}/callback"))
}

/// Where the enabled providers' sign-in pages are: their issuers' origins and, for OpenID
/// Connect, their authorization endpoints' (see `http::security::FormTargets`).
pub async fn form_targets(
    state: &AppState,
    known: &RequestProviders,
) -> Result<Vec<String>, AppError> {
    let mut origins = Vec::new();
    for record in known.get(state).await? {
        let Some(kind) = ProviderKind::parse(&record.kind).filter(|_| record.enabled) else {
            continue;
        };
        let issuer = kind.issuer_url(&record.issuer_url);
        origins.extend(
            url::Url::parse(&issuer)
                .ok()
                .map(|u| u.origin().ascii_serialization()),
        );
        if kind != ProviderKind::Github {
            origins.extend(state.sso.authorization_origin(&issuer).await);
        }
    }
    origins.sort();
    origins.dedup();
    Ok(origins)
}

/// The providers as one request reads them, once: a page's provider buttons and the form
/// targets its security headers allow (`http::sso::allow_provider_forms` puts this in the
/// requests of those pages) come from the same read.
#[derive(Clone, Default)]
pub struct RequestProviders(std::sync::Arc<tokio::sync::OnceCell<Vec<SsoProviderRecord>>>);

impl RequestProviders {
    /// Every provider stored, read on the first call.
    pub async fn get(&self, state: &AppState) -> Result<Vec<SsoProviderRecord>, AppError> {
        let read = || async { state.db.sso_providers().await.map_err(internal) };
        self.0.get_or_try_init(read).await.cloned()
    }
}

/// Every provider stored: read once per request where the request keeps them
/// ([`RequestProviders`]), else read now.
pub async fn stored_providers(state: &AppState) -> Result<Vec<SsoProviderRecord>, AppError> {
    match super::serving::from_request::<RequestProviders>() {
        Some(known) => known.get(state).await,
        None => state.db.sso_providers().await.map_err(internal),
    }
}

/// The redirect URI to show administrators, when the public URL makes it certain.
pub fn known_redirect_uri(state: &AppState, slug: &str) -> String {
    redirect_uri(state, None, slug).unwrap_or_else(|_| {
        crate::i18n::t_with("server-sso-redirect-uri-unknown", &[("slug", slug.into())])
    })
}
