//! ETags for the pages a visitor reads (the sign-in page, registration, the not-yet-signed-in
//! views), so a browser coming back gets a 304 instead of the page again.
//!
//! Every page carries the CSP nonce of its response, which would make no two alike. For a
//! visitor's page the nonce is therefore derived from the page itself: the page is rendered
//! with the request's random nonce, hashed with that nonce taken out, and the nonce replaced by
//! one made from the hash. The same page gives the same bytes, so the ETag holds, and a 304
//! sends the Content-Security-Policy with the very nonce the browser's stored copy carries.
//! It is still a nonce nobody can plant: markup injected into a page changes the page and so
//! its nonce, and a script would have to name the nonce of the page that contains it (a hash
//! fixed point); the request's random nonce, the only thing replaced, is never seen by anyone.
//!
//! Pages to someone who sent credentials are personal (`no-store`, see `caching.rs`) and keep
//! their random nonce and no ETag; so does anything that sets a cookie.

use super::caching::has_credentials;
use crate::{
    error::AppError,
    server::{entity_tags::Listed, errors::request_id_of},
};
use axum::{
    body::{Body, to_bytes},
    extract::Request,
    middleware::Next,
    response::{IntoResponse, Response},
};
use data_encoding::{BASE64URL_NOPAD, HEXLOWER};
use http::{HeaderValue, Method, StatusCode, header};
use leptos::nonce::Nonce;
use sha2::{Digest, Sha256};

/// The nonce a visitor's page was given in place of the request's: `security::apply` names it
/// in the Content-Security-Policy.
#[derive(Clone, Debug)]
pub struct PageNonce(pub String);

pub async fn for_visitors(req: Request, next: Next) -> Response {
    if req.method() != Method::GET || has_credentials(req.headers()) {
        return next.run(req).await;
    }
    let nonce = req.extensions().get::<Nonce>().cloned();
    let held = Listed::read(req.headers(), &header::IF_NONE_MATCH);
    let request_id = request_id_of(req.headers()).unwrap_or_else(|| "none".into());
    let res = next.run(req).await;
    let Some(nonce) = nonce.filter(|_| is_shared_page(&res)) else {
        return res;
    };

    let (mut parts, body) = res.into_parts();
    // Whole, to hash it: the pages are ours and a few kilobytes.
    let bytes = match to_bytes(body, usize::MAX).await {
        Ok(bytes) => bytes,
        Err(e) => {
            tracing::error!(%request_id, error = %e, "a visitor's page failed while rendering");
            return AppError::Internal { request_id }.into_response();
        }
    };
    let Ok(page) = std::str::from_utf8(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    let digest = Sha256::digest(page.replace(&*nonce, ""));
    let (for_nonce, for_tag) = digest.split_at(16);
    let stable = BASE64URL_NOPAD.encode(for_nonce);
    let etag = format!("W/\"{}\"", HEXLOWER.encode(for_tag));

    let headers = &mut parts.headers;
    headers.insert(header::ETAG, HeaderValue::from_str(&etag).expect("hex"));
    headers.insert(
        header::VARY,
        HeaderValue::from_static("accept-language, cookie"),
    );
    parts.extensions.insert(PageNonce(stable.clone()));
    if held.is_some_and(|tags| tags.names_weakly(&etag)) {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(header::CONTENT_LENGTH);
        parts.headers.remove(header::CONTENT_TYPE);
        return Response::from_parts(parts, Body::empty());
    }
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(page.replace(&*nonce, &stable)))
}

/// A 200 HTML page that sets no cookie: the same for every visitor asking in one language.
fn is_shared_page(res: &Response) -> bool {
    res.status() == StatusCode::OK
        && !res.headers().contains_key(header::SET_COOKIE)
        && res
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|kind| kind.starts_with("text/html"))
}
