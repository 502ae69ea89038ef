//! How long browsers and shared caches may keep an answer. What is answered to someone who
//! sent credentials (a session cookie, an API key) as a page or data is theirs alone: never
//! stored. Everything else (pages to a visitor, the scripts, styles and WASM) may be kept but
//! is checked again before each use (`no-cache`: static files answer 304 from their
//! Last-Modified), so a new release is seen at once. A handler that says otherwise (a file
//! download's `no-store`) keeps its own.

use axum::{extract::Request, middleware::Next, response::Response};
use http::{HeaderMap, HeaderValue, header};

pub async fn cache_control(req: Request, next: Next) -> Response {
    let credentials = has_credentials(req.headers());
    let mut res = next.run(req).await;
    if res.headers().contains_key(header::CACHE_CONTROL) {
        return res;
    }
    let personal = credentials && is_page_or_data(&res);
    let value = if personal { "no-store" } else { "no-cache" };
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    res
}

/// Whether a request says who sends it (a session cookie, an API key): what it is answered
/// is theirs alone.
pub fn has_credentials(headers: &HeaderMap) -> bool {
    [header::COOKIE, header::AUTHORIZATION]
        .iter()
        .any(|name| headers.contains_key(name))
}

/// HTML, JSON or a plain-text answer, as opposed to a static file.
fn is_page_or_data(res: &Response) -> bool {
    res.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_none_or(|kind| {
            ["text/html", "application/json", "text/plain", "text/csv"]
                .iter()
                .any(|page| kind.starts_with(page))
        })
}
