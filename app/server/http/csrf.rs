//! Refuses state-changing requests that a browser made on behalf of another site.
//!
//! Leptos server functions have no CSRF token of their own, so every POST, PUT, PATCH and
//! DELETE passes this check: browsers say where a request comes from in `Sec-Fetch-Site`
//! (all current ones) or `Origin`. A request with neither is not from a browser and cannot
//! carry a victim's cookies cross-site, so it passes; session cookies are SameSite=Lax too.

use crate::{error::AppError, server::config::Config};
use axum::{
    extract::{Request, State},
    middleware::Next,
    response::{IntoResponse, Response},
};
use http::{HeaderMap, Method, header};
use std::sync::Arc;
use url::Url;

pub struct Guard {
    /// The public origin (scheme://host:port), when configured: allowed besides `Host`.
    public_origin: Option<String>,
}

impl Guard {
    pub fn new(config: &Config) -> Self {
        Guard {
            public_origin: config
                .public_url
                .as_ref()
                .map(|u| u.origin().ascii_serialization()),
        }
    }

    fn allows(&self, method: &Method, headers: &HeaderMap) -> bool {
        if matches!(
            *method,
            Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE
        ) {
            return true;
        }
        if let Some(site) = headers.get("sec-fetch-site") {
            return matches!(site.as_bytes(), b"same-origin" | b"none");
        }
        let Some(origin) = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) else {
            return true;
        };
        if self.public_origin.as_deref() == Some(origin) {
            return true;
        }
        let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
        let origin_host = Url::parse(origin).ok().and_then(|u| {
            let host = u.host_str()?.to_owned();
            Some(match u.port() {
                Some(port) => format!("{host}:{port}"),
                None => host,
            })
        });
        matches!((host, origin_host), (Some(h), Some(o)) if h.eq_ignore_ascii_case(&o))
    }
}

pub async fn guard(State(guard): State<Arc<Guard>>, req: Request, next: Next) -> Response {
    // The REST API reads no cookie, only a bearer key, which a forging site does not have.
    let api = req.uri().path().starts_with(crate::server::rest::PREFIX);
    if api || guard.allows(req.method(), req.headers()) {
        next.run(req).await
    } else {
        tracing::warn!("cross-site request refused");
        AppError::Forbidden.into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, v.parse().unwrap());
        }
        map
    }

    fn guard() -> Guard {
        Guard {
            public_origin: Some("https://v2mom.example".into()),
        }
    }

    #[test]
    fn reads_are_never_blocked() {
        let h = headers(&[("sec-fetch-site", "cross-site")]);
        assert!(guard().allows(&Method::GET, &h));
    }

    #[test]
    fn fetch_metadata_decides_when_present() {
        for (site, allowed) in [
            ("same-origin", true),
            ("none", true),
            ("same-site", false),
            ("cross-site", false),
        ] {
            let h = headers(&[("sec-fetch-site", site), ("host", "a.example")]);
            assert_eq!(guard().allows(&Method::POST, &h), allowed, "{site}");
        }
    }

    #[test]
    fn origin_must_match_host_or_public_url() {
        let same = headers(&[
            ("origin", "http://127.0.0.1:3000"),
            ("host", "127.0.0.1:3000"),
        ]);
        let public = headers(&[
            ("origin", "https://v2mom.example"),
            ("host", "internal:3000"),
        ]);
        let other = headers(&[
            ("origin", "https://evil.example"),
            ("host", "127.0.0.1:3000"),
        ]);
        let null = headers(&[("origin", "null"), ("host", "127.0.0.1:3000")]);
        assert!(guard().allows(&Method::POST, &same));
        assert!(guard().allows(&Method::DELETE, &public));
        assert!(!guard().allows(&Method::POST, &other));
        assert!(!guard().allows(&Method::PUT, &null));
    }

    #[test]
    fn non_browser_clients_pass() {
        assert!(guard().allows(&Method::POST, &HeaderMap::new()));
    }
}
