//! Every request is counted, timed and logged once by its route template (`/v2moms/{id}`,
//! never the raw path: ids make no metric series of their own, and a path or query carrying a
//! token never reaches the log).

use crate::server::{
    metrics::{HTTP_REQUEST_DURATION, HTTP_REQUESTS_IN_FLIGHT, HTTP_REQUESTS_TOTAL, Holding},
    serving::Serving,
};
use axum::{
    extract::{MatchedPath, Request, State},
    middleware::Next,
    response::Response,
};
use metrics::{counter, gauge, histogram};
use std::{
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
    time::Instant,
};

/// What a request that matched no route (a static file, a 404) counts under.
const UNMATCHED: &str = "unmatched";

/// The log target of the request lines, so a filter can pick them (`v2mom::access=off`).
pub const ACCESS_TARGET: &str = "v2mom::access";

/// Which answered requests get a log line: every failed one (4xx, 5xx), and of the others
/// the configured share, spread evenly (a rate of 0.25 logs every fourth).
#[derive(Debug)]
pub struct AccessLog {
    rate: f64,
    answered: AtomicU64,
}

impl AccessLog {
    /// `rate` between 0 (no line for a successful request) and 1 (a line for each).
    pub fn new(rate: f64) -> Self {
        AccessLog {
            rate: rate.clamp(0.0, 1.0),
            answered: AtomicU64::new(0),
        }
    }

    fn logs(&self, status: http::StatusCode) -> bool {
        if status.is_client_error() || status.is_server_error() {
            return true;
        }
        // The n-th request is logged when it takes the running count of logged lines,
        // floor(n × rate), one higher.
        let n = self.answered.fetch_add(1, Ordering::Relaxed) as f64;
        ((n + 1.0) * self.rate).floor() > (n * self.rate).floor()
    }
}

pub async fn observe(State(log): State<Arc<AccessLog>>, request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or(UNMATCHED.to_owned(), |p| p.as_str().to_owned());
    let method = request.method().as_str().to_owned();
    let serving = request.extensions().get::<Serving>().cloned();
    let started = Instant::now();
    let in_flight = Holding::one_more(gauge!(HTTP_REQUESTS_IN_FLIGHT));
    let response = next.run(request).await;
    drop(in_flight);
    let latency = started.elapsed();
    let status = response.status();
    if log.logs(status) {
        let request_id = serving.as_ref().map(Serving::request_id);
        let user_id = serving.as_ref().and_then(Serving::user_id);
        tracing::info!(
            target: ACCESS_TARGET,
            method = %method,
            route = %route,
            status = status.as_u16(),
            latency_ms = latency.as_secs_f64() * 1000.0,
            request_id,
            user_id,
            "request"
        );
    }
    let class = format!("{}xx", status.as_u16() / 100);
    histogram!(HTTP_REQUEST_DURATION, "route" => route.clone(), "method" => method.clone())
        .record(latency.as_secs_f64());
    counter!(HTTP_REQUESTS_TOTAL, "route" => route, "method" => method, "status" => class)
        .increment(1);
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::StatusCode;

    fn logged(log: &AccessLog, requests: usize, status: StatusCode) -> usize {
        (0..requests).filter(|_| log.logs(status)).count()
    }

    #[test]
    fn the_rate_is_the_share_of_successful_requests_logged() {
        assert_eq!(logged(&AccessLog::new(1.0), 100, StatusCode::OK), 100);
        assert_eq!(logged(&AccessLog::new(0.25), 100, StatusCode::OK), 25);
        assert_eq!(
            logged(&AccessLog::new(0.1), 1000, StatusCode::SEE_OTHER),
            100
        );
        assert_eq!(logged(&AccessLog::new(0.0), 100, StatusCode::OK), 0);
    }

    #[test]
    fn every_failure_is_logged_whatever_the_rate() {
        let log = AccessLog::new(0.0);
        assert_eq!(logged(&log, 10, StatusCode::NOT_FOUND), 10);
        assert_eq!(logged(&log, 10, StatusCode::SERVICE_UNAVAILABLE), 10);
    }
}
