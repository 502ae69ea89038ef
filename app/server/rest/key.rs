//! Who calls `/api/v1`: the bearer key is checked on every request (no session, no cookie),
//! and each key may make `api_rate_limit_per_minute` requests a minute.

use super::problem::ApiError;
use crate::{
    error::AppError,
    server::{
        actor::Actor, api_keys, auth::origin_of, serving, state::AppState, tokens::hash_token,
    },
};
use axum::{
    extract::{Request, State},
    middleware::Next,
    response::{IntoResponse, Response},
};
use governor::{Quota, RateLimiter, clock::Clock, middleware::StateInformationMiddleware};
use http::{HeaderMap, HeaderValue, header::AUTHORIZATION};
use std::{num::NonZeroU32, sync::Arc, time::Duration};

type Limiter = RateLimiter<
    String,
    governor::state::keyed::DefaultKeyedStateStore<String>,
    governor::clock::DefaultClock,
    StateInformationMiddleware,
>;

/// Requests per minute per key, counted in this process (behind a load balancer each
/// process counts its own share). Keys are the hashes of tokens that authenticated, so the
/// table holds at most one entry per API key and unknown tokens take no room.
#[derive(Clone)]
pub struct Limits {
    limiter: Arc<Limiter>,
    per_minute: u32,
}

impl Limits {
    pub fn new(per_minute: u32) -> Self {
        let per_minute = per_minute.max(1);
        let quota = Quota::per_minute(NonZeroU32::new(per_minute).unwrap_or(NonZeroU32::MIN));
        let limiter: Limiter = RateLimiter::keyed(quota).with_middleware();
        Limits {
            limiter: Arc::new(limiter),
            per_minute,
        }
    }
}

/// The middleware in front of every authenticated `/api/v1` route: authenticates the key,
/// counts the request, and hands the [`Actor`] to the handler; the answer carries the
/// `RateLimit` headers (IETF draft) either way.
pub async fn authenticate(
    State((state, limits)): State<(AppState, Limits)>,
    mut req: Request,
    next: Next,
) -> Response {
    let Some(token) = bearer(req.headers()) else {
        return ApiError::from(AppError::Unauthenticated).into_response();
    };
    let (parts, body) = req.into_parts();
    let origin = origin_of(&parts, &state);
    req = Request::from_parts(parts, body);
    let actor = match api_keys::authenticate(&state, &token, origin).await {
        Ok(actor) => {
            serving::note_user(actor.id());
            actor
        }
        Err(error) => return ApiError::from(error).into_response(),
    };
    let key = hash_token(&token);
    match limits.limiter.check_key(&key) {
        Ok(snapshot) => {
            req.extensions_mut().insert(actor);
            let mut response = next.run(req).await;
            let remaining = snapshot.remaining_burst_capacity();
            rate_headers(response.headers_mut(), limits.per_minute, remaining, 0);
            response
        }
        Err(not_until) => {
            let wait = not_until.wait_time_from(governor::clock::DefaultClock::default().now());
            let secs = wait.max(Duration::from_secs(1)).as_secs_f64().ceil() as u64;
            let mut response = ApiError::from(AppError::TooManyRequests {
                retry_after_secs: secs,
            })
            .into_response();
            rate_headers(response.headers_mut(), limits.per_minute, 0, secs);
            response
        }
    }
}

/// `Authorization: Bearer <token>` (the scheme in any case, as RFC 9110 allows).
fn bearer(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then(|| token.to_owned())
}

fn rate_headers(headers: &mut HeaderMap, limit: u32, remaining: u32, reset_secs: u64) {
    headers.insert("ratelimit-limit", HeaderValue::from(limit));
    headers.insert("ratelimit-remaining", HeaderValue::from(remaining));
    headers.insert("ratelimit-reset", HeaderValue::from(reset_secs));
    if let Ok(policy) = HeaderValue::from_str(&format!("{limit};w=60")) {
        headers.insert("ratelimit-policy", policy);
    }
}

/// The acting key's user, put there by [`authenticate`].
pub type Caller = axum::Extension<Actor>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_bearer_token_counts() {
        let mut headers = HeaderMap::new();
        assert_eq!(bearer(&headers), None);
        headers.insert(AUTHORIZATION, HeaderValue::from_static("Bearer abc"));
        assert_eq!(bearer(&headers).as_deref(), Some("abc"));
        headers.insert(AUTHORIZATION, HeaderValue::from_static("bearer  abc "));
        assert_eq!(bearer(&headers).as_deref(), Some("abc"));
        headers.insert(AUTHORIZATION, HeaderValue::from_static("Basic abc"));
        assert_eq!(bearer(&headers), None);
        headers.insert(AUTHORIZATION, HeaderValue::from_static("Bearer "));
        assert_eq!(bearer(&headers), None);
    }
}
