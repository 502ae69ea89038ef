//! Talking to providers: one HTTP client that follows no redirects and gives up after a
//! timeout, and each OpenID Connect issuer's discovery document and keys, cached; and
//! [`Refusal`], how a provider's answer is turned down. Below `state` (which holds the
//! client) and `sso` (whose use cases take the state).

use crate::model::sso::SsoFailure;
use openidconnect::{IssuerUrl, JsonWebKeySet, core::CoreProviderMetadata};
use std::{
    collections::HashMap,
    time::{Duration, Instant},
};
use tokio::sync::RwLock;

/// A sign-in through a provider that did not happen: what to tell the person, and what
/// to record (never shown to them: it may quote the provider).
#[derive(Debug)]
pub struct Refusal {
    pub failure: SsoFailure,
    pub detail: String,
}

impl Refusal {
    pub fn new(failure: SsoFailure, detail: impl Into<String>) -> Self {
        Refusal {
            failure,
            detail: detail.into(),
        }
    }

    /// The provider could not be talked to, or an address for it is unusable.
    pub fn unreachable(what: &str, error: impl std::fmt::Display) -> Self {
        Refusal::new(SsoFailure::Unreachable, format!("{what}: {error}"))
    }

    /// The token endpoint's refusal (a replayed or wrong code, a bad client secret) is the
    /// provider refusing; anything else means it could not be talked to.
    pub fn from_token_endpoint<RE, T>(error: oauth2::RequestTokenError<RE, T>) -> Self
    where
        RE: std::error::Error + 'static,
        T: oauth2::ErrorResponse + 'static,
    {
        let failure = match &error {
            oauth2::RequestTokenError::ServerResponse(_) => SsoFailure::ProviderError,
            _ => SsoFailure::Unreachable,
        };
        Refusal::new(failure, format!("token endpoint: {error}"))
    }
}

/// How long a discovery document (and the keys fetched with it) is trusted.
const METADATA_TTL: Duration = Duration::from_secs(60 * 60);
/// A token naming an unknown key fetches the keys again, at most this often per issuer:
/// forged tokens must not turn us into a way to flood the provider.
const KEYS_REFRESH_INTERVAL: Duration = Duration::from_secs(30);
/// How long a page about to show a provider's button waits for its discovery document.
const PAGE_DISCOVERY_WAIT: Duration = Duration::from_secs(2);
/// After a page could not fetch a discovery document, pages stop asking for this long: an
/// unreachable provider must not slow every sign-in page down.
const PAGE_DISCOVERY_BACKOFF: Duration = Duration::from_secs(60);

pub struct SsoClient {
    http: reqwest::Client,
    issuers: RwLock<HashMap<String, Cached>>,
    /// When a page last failed to fetch each issuer's discovery document.
    page_misses: RwLock<HashMap<String, Instant>>,
}

#[derive(Clone)]
struct Cached {
    metadata: CoreProviderMetadata,
    fetched: Instant,
    keys_refreshed: Option<Instant>,
}

impl SsoClient {
    pub fn new() -> Result<Self, String> {
        let http = reqwest::Client::builder()
            // A redirect from a provider's token or key endpoint is never followed: it could
            // point the request (and its client secret) anywhere.
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(10))
            .user_agent(concat!("v2mom/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| format!("cannot build the SSO HTTP client: {e}"))?;
        Ok(SsoClient {
            http,
            issuers: RwLock::default(),
            page_misses: RwLock::default(),
        })
    }

    pub fn http(&self) -> &reqwest::Client {
        &self.http
    }

    /// The issuer's discovery document with its keys, fetched at most once an hour.
    pub async fn metadata(&self, issuer: &str) -> Result<CoreProviderMetadata, Refusal> {
        if let Some(cached) = self.issuers.read().await.get(issuer)
            && cached.fetched.elapsed() < METADATA_TTL
        {
            return Ok(cached.metadata.clone());
        }
        let url =
            IssuerUrl::new(issuer.to_owned()).map_err(|e| Refusal::unreachable("issuer URL", e))?;
        let metadata = CoreProviderMetadata::discover_async(url, &self.http)
            .await
            .map_err(|e| Refusal::unreachable("discovery", e))?;
        self.issuers.write().await.insert(
            issuer.to_owned(),
            Cached {
                metadata: metadata.clone(),
                fetched: Instant::now(),
                keys_refreshed: None,
            },
        );
        Ok(metadata)
    }

    /// The origin of the issuer's authorization endpoint, for a page about to show its
    /// button. Every process finds it for itself (the document is public and the issuer is
    /// the cache key, so nothing needs invalidating when a provider changes): from the cached
    /// document, else fetched now, waiting at most [`PAGE_DISCOVERY_WAIT`]; `None` while the
    /// issuer is unreachable (its sign-in cannot start then anyway).
    pub async fn authorization_origin(&self, issuer: &str) -> Option<String> {
        let missed = self.page_misses.read().await.get(issuer).copied();
        if missed.is_some_and(|at| at.elapsed() < PAGE_DISCOVERY_BACKOFF) {
            return None;
        }
        match tokio::time::timeout(PAGE_DISCOVERY_WAIT, self.metadata(issuer)).await {
            Ok(Ok(metadata)) => {
                let endpoint = metadata.authorization_endpoint().url();
                Some(endpoint.origin().ascii_serialization())
            }
            _ => {
                self.page_misses
                    .write()
                    .await
                    .insert(issuer.to_owned(), Instant::now());
                None
            }
        }
    }

    /// Fetches the issuer's keys again, because a token was signed by a key we do not have
    /// (the issuer may have rotated its keys). `None` when they were refreshed moments ago.
    pub async fn refresh_keys(
        &self,
        issuer: &str,
    ) -> Result<Option<CoreProviderMetadata>, Refusal> {
        let Some(cached) = self.issuers.read().await.get(issuer).cloned() else {
            return self.metadata(issuer).await.map(Some);
        };
        if cached
            .keys_refreshed
            .is_some_and(|at| at.elapsed() < KEYS_REFRESH_INTERVAL)
        {
            return Ok(None);
        }
        let keys = JsonWebKeySet::fetch_async(cached.metadata.jwks_uri(), &self.http)
            .await
            .map_err(|e| Refusal::unreachable("keys", e))?;
        let metadata = cached.metadata.set_jwks(keys);
        self.issuers.write().await.insert(
            issuer.to_owned(),
            Cached {
                metadata: metadata.clone(),
                fetched: cached.fetched,
                keys_refreshed: Some(Instant::now()),
            },
        );
        Ok(Some(metadata))
    }
}
