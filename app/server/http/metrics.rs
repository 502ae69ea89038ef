//! Counts and times every request by its route template (`/v2moms/{id}`, never the raw
//! path, so ids and tokens make no series of their own).

use crate::server::metrics::{
    HTTP_REQUEST_DURATION, HTTP_REQUESTS_IN_FLIGHT, HTTP_REQUESTS_TOTAL, Holding,
};
use axum::{
    extract::{MatchedPath, Request},
    middleware::Next,
    response::Response,
};
use metrics::{counter, gauge, histogram};
use std::time::Instant;

/// What a request that matched no route (a static file, a 404) counts under.
const UNMATCHED: &str = "unmatched";

pub async fn track(request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or(UNMATCHED.to_owned(), |p| p.as_str().to_owned());
    let method = request.method().as_str().to_owned();
    let started = Instant::now();
    let in_flight = Holding::one_more(gauge!(HTTP_REQUESTS_IN_FLIGHT));
    let response = next.run(request).await;
    drop(in_flight);
    let status = format!("{}xx", response.status().as_u16() / 100);
    histogram!(HTTP_REQUEST_DURATION, "route" => route.clone(), "method" => method.clone())
        .record(started.elapsed().as_secs_f64());
    counter!(HTTP_REQUESTS_TOTAL, "route" => route, "method" => method, "status" => status)
        .increment(1);
    response
}
