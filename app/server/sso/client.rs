//! Talking to providers: one HTTP client that follows no redirects and gives up after a
//! timeout, and each OpenID Connect issuer's discovery document and keys, cached.

use super::Refusal;
use openidconnect::{IssuerUrl, JsonWebKeySet, core::CoreProviderMetadata};
use std::{
    collections::HashMap,
    time::{Duration, Instant},
};
use tokio::sync::RwLock;

/// How long a discovery document (and the keys fetched with it) is trusted.
const METADATA_TTL: Duration = Duration::from_secs(60 * 60);
/// A token naming an unknown key fetches the keys again, at most this often per issuer:
/// forged tokens must not turn us into a way to flood the provider.
const KEYS_REFRESH_INTERVAL: Duration = Duration::from_secs(30);

pub struct SsoClient {
    http: reqwest::Client,
    issuers: RwLock<HashMap<String, Cached>>,
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

    /// The origin of the issuer's authorization endpoint, when its discovery document is
    /// cached (no network: pages ask for it while they render).
    pub async fn cached_authorization_origin(&self, issuer: &str) -> Option<String> {
        let issuers = self.issuers.read().await;
        let endpoint = issuers.get(issuer)?.metadata.authorization_endpoint().url();
        Some(endpoint.origin().ascii_serialization())
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
