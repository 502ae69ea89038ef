//! Security headers on every response, with a fresh CSP nonce per request.
//!
//! The nonce is made here, put in the request's extensions, and handed to Leptos by
//! [`provide_request_nonce`], so the scripts Leptos writes carry the nonce the header allows.

use crate::server::config::Config;
use axum::{extract::Request, extract::State, middleware::Next, response::Response};
use http::{HeaderName, HeaderValue, header};
use leptos::{nonce::Nonce, prelude::provide_context};
use std::sync::Arc;

pub struct Policy {
    hsts: bool,
    /// cargo-leptos's live-reload socket, allowed only while `cargo leptos watch` runs.
    live_reload: Option<String>,
}

impl Policy {
    pub fn new(config: &Config) -> Self {
        let live_reload = std::env::var_os("LEPTOS_WATCH").map(|_| {
            let port = std::env::var("LEPTOS_RELOAD_PORT").unwrap_or_else(|_| "3001".into());
            format!(" ws://{}:{port}", config.settings.addr.ip())
        });
        Policy {
            hsts: config.serves_https(),
            live_reload,
        }
    }

    fn content_security_policy(&self, nonce: &str, form_targets: &str) -> String {
        format!(
            "default-src 'self'; \
             script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
             style-src 'self' 'nonce-{nonce}'; \
             img-src 'self' data:; \
             font-src 'self'; \
             connect-src 'self'{}; \
             object-src 'none'; \
             base-uri 'none'; \
             frame-ancestors 'none'; \
             form-action 'self'{form_targets}",
            self.live_reload.as_deref().unwrap_or("")
        )
    }
}

const STATIC_HEADERS: [(HeaderName, &str); 6] = [
    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    (header::REFERRER_POLICY, "same-origin"),
    (header::X_FRAME_OPTIONS, "DENY"),
    (
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    ),
    (
        HeaderName::from_static("cross-origin-resource-policy"),
        "same-origin",
    ),
    (
        HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), payment=()",
    ),
];

/// Origins besides ours that a page's forms may lead to: a single sign-on button posts to
/// us and is redirected to the provider, which `form-action` would otherwise block. Set as
/// a response extension by the pages that have such buttons.
#[derive(Clone, Debug, Default)]
pub struct FormTargets(pub Vec<String>);

pub async fn apply(State(policy): State<Arc<Policy>>, mut req: Request, next: Next) -> Response {
    let nonce = Nonce::new();
    req.extensions_mut().insert(nonce.clone());
    let mut res = next.run(req).await;

    let form_targets: String = res
        .extensions()
        .get::<FormTargets>()
        .map(|t| t.0.iter().map(|origin| format!(" {origin}")).collect())
        .unwrap_or_default();
    // A visitor's page may carry a nonce made from the page instead (`page_etag`).
    let nonce = res
        .extensions()
        .get::<super::page_etag::PageNonce>()
        .map_or(&*nonce, |page| page.0.as_str());
    let csp = policy.content_security_policy(nonce, &form_targets);
    let headers = res.headers_mut();
    if let Ok(csp) = HeaderValue::from_str(&csp) {
        headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    for (name, value) in STATIC_HEADERS {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if policy.hsts {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=63072000; includeSubDomains"),
        );
    }
    res
}

/// Leptos context hook: render with the nonce the response header names.
pub fn provide_request_nonce() {
    if let Some(nonce) = crate::server::serving::from_request::<Nonce>() {
        provide_context(nonce);
    }
}
