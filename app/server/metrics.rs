//! What the server counts for Prometheus, and the listener that serves it.
//!
//! Code anywhere records through the `metrics` facade with the names below; without a
//! recorder (tests, or `V2MOM_METRICS_ADDR` unset) that costs next to nothing. The binary
//! installs the Prometheus recorder only when `V2MOM_METRICS_ADDR` is set, and serves
//! `/metrics` on that address alone: never on the public one.

use super::db::Db;
use axum::{Router, extract::State, routing::get};
use metrics::{Gauge, Unit, counter, describe_counter, describe_gauge, describe_histogram, gauge};
use metrics_exporter_prometheus::{BuildError, Matcher, PrometheusBuilder, PrometheusHandle};
use std::time::Duration;

pub const HTTP_REQUESTS_TOTAL: &str = "v2mom_http_requests_total";
pub const HTTP_REQUEST_DURATION: &str = "v2mom_http_request_duration_seconds";
pub const HTTP_REQUESTS_IN_FLIGHT: &str = "v2mom_http_requests_in_flight";
pub const DB_POOL_CONNECTIONS: &str = "v2mom_db_pool_connections";
pub const DB_POOL_MAX: &str = "v2mom_db_pool_max_connections";
pub const DB_QUERIES_TOTAL: &str = "v2mom_db_queries_total";
/// Counts the requests answered 503 because the database was away or busy.
pub const DATABASE_UNAVAILABLE_TOTAL: &str = "v2mom_database_unavailable_total";
pub const PASSWORD_HASH_WAITING: &str = "v2mom_password_hash_waiting";
pub const PASSWORD_HASH_DURATION: &str = "v2mom_password_hash_duration_seconds";
pub const SIGN_INS_TOTAL: &str = "v2mom_sign_ins_total";
pub const THROTTLE_REFUSALS_TOTAL: &str = "v2mom_throttle_refusals_total";
pub const SESSIONS_CREATED_TOTAL: &str = "v2mom_sessions_created_total";
pub const BACKUPS_TOTAL: &str = "v2mom_backups_total";
pub const WEBHOOK_DELIVERIES_TOTAL: &str = "v2mom_webhook_deliveries_total";
pub const LIVE_STREAMS: &str = "v2mom_live_streams";
pub const BACKUP_LAST_SUCCESS: &str = "v2mom_backup_last_success_timestamp_seconds";
pub const BUILD_INFO: &str = "v2mom_build_info";

/// Latency buckets, in seconds: pages answer in milliseconds; a password hash takes tens.
const BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

/// One more in `gauge` (requests in flight, hashes waiting) until dropped: also when the
/// future holding it is dropped because its client went away.
pub struct Holding(Gauge);

impl Holding {
    pub fn one_more(gauge: Gauge) -> Self {
        gauge.increment(1.0);
        Holding(gauge)
    }
}

impl Drop for Holding {
    fn drop(&mut self) {
        self.0.decrement(1.0);
    }
}

/// Installs the Prometheus recorder for the whole process and describes every series.
pub fn install() -> Result<PrometheusHandle, BuildError> {
    let handle = PrometheusBuilder::new()
        .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), &BUCKETS)?
        .install_recorder()?;
    describe();
    gauge!(BUILD_INFO, "version" => env!("CARGO_PKG_VERSION")).set(1.0);
    Ok(handle)
}

fn describe() {
    describe_counter!(
        HTTP_REQUESTS_TOTAL,
        "Requests answered, by route template, method and status class"
    );
    describe_histogram!(
        HTTP_REQUEST_DURATION,
        Unit::Seconds,
        "Time to answer a request, by route template and method"
    );
    describe_gauge!(HTTP_REQUESTS_IN_FLIGHT, "Requests being answered now");
    describe_gauge!(
        DB_POOL_CONNECTIONS,
        "Database connections open, by state (idle, busy)"
    );
    describe_gauge!(DB_POOL_MAX, "The most database connections the pool opens");
    describe_counter!(
        DB_QUERIES_TOTAL,
        "Database queries: statements outside a transaction, transactions, session loads and saves"
    );
    describe_counter!(
        DATABASE_UNAVAILABLE_TOTAL,
        "Requests answered 503 because the database was away or busy"
    );
    describe_gauge!(
        PASSWORD_HASH_WAITING,
        "Password hashes and checks waiting for a free core"
    );
    describe_histogram!(
        PASSWORD_HASH_DURATION,
        Unit::Seconds,
        "Time a password hash or check took, queue included"
    );
    describe_counter!(
        SIGN_INS_TOTAL,
        "Password sign-in attempts checked, by outcome (success, refused); throttled ones are in v2mom_throttle_refusals_total"
    );
    describe_counter!(
        THROTTLE_REFUSALS_TOTAL,
        "Attempts refused by throttling, by kind and scope (ip, account)"
    );
    describe_counter!(
        SESSIONS_CREATED_TOTAL,
        "Sessions signed in, by way in (password, sso, invitation, registration)"
    );
    describe_counter!(
        BACKUPS_TOTAL,
        "Scheduled backups this process made, by outcome (done, failed)"
    );
    describe_counter!(
        WEBHOOK_DELIVERIES_TOTAL,
        "Webhook delivery attempts this process made, by outcome (delivered, retrying, failed)"
    );
    describe_gauge!(
        LIVE_STREAMS,
        "Live update streams (/events, /api/v1/events) this process holds open"
    );
    describe_gauge!(
        BACKUP_LAST_SUCCESS,
        "When this process last made a scheduled backup (Unix time)"
    );
    describe_gauge!(BUILD_INFO, "Always 1; the version is a label");
}

/// The metrics listener's routes: `GET /metrics` in the Prometheus text format, with the
/// database pool read at scrape time.
pub fn router(handle: PrometheusHandle, db: Db) -> Router {
    Router::new()
        .route("/metrics", get(scrape))
        .with_state((handle, db))
}

async fn scrape(State((handle, db)): State<(PrometheusHandle, Db)>) -> String {
    let (size, idle, max) = db.pool_stats();
    let idle = u32::try_from(idle).unwrap_or(u32::MAX).min(size);
    gauge!(DB_POOL_CONNECTIONS, "state" => "idle").set(f64::from(idle));
    gauge!(DB_POOL_CONNECTIONS, "state" => "busy").set(f64::from(size - idle));
    gauge!(DB_POOL_MAX).set(f64::from(max));
    counter!(DB_QUERIES_TOTAL).absolute(db.queries());
    handle.render()
}

/// Runs until the process ends: drains the histograms' buffers now and then so that memory
/// stays bounded between scrapes.
pub fn spawn_upkeep(handle: PrometheusHandle) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(5));
        loop {
            tick.tick().await;
            handle.run_upkeep();
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SERIES: [&str; 17] = [
        HTTP_REQUESTS_TOTAL,
        HTTP_REQUEST_DURATION,
        HTTP_REQUESTS_IN_FLIGHT,
        DB_POOL_CONNECTIONS,
        DB_POOL_MAX,
        DB_QUERIES_TOTAL,
        DATABASE_UNAVAILABLE_TOTAL,
        PASSWORD_HASH_WAITING,
        PASSWORD_HASH_DURATION,
        SIGN_INS_TOTAL,
        THROTTLE_REFUSALS_TOTAL,
        SESSIONS_CREATED_TOTAL,
        BACKUPS_TOTAL,
        WEBHOOK_DELIVERIES_TOTAL,
        LIVE_STREAMS,
        BACKUP_LAST_SUCCESS,
        BUILD_INFO,
    ];

    /// Every `v2mom_…` series a document names, histogram suffixes taken off.
    fn named_in(text: &str) -> Vec<String> {
        let mut names: Vec<String> = text
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|word| word.starts_with("v2mom_"))
            .map(|word| {
                ["_bucket", "_count", "_sum"]
                    .iter()
                    .find_map(|suffix| word.strip_suffix(suffix))
                    .unwrap_or(word)
                    .to_owned()
            })
            .collect();
        names.sort();
        names.dedup();
        names
    }

    #[test]
    fn the_dashboard_and_the_alerts_name_only_series_the_server_records() {
        let dashboard = include_str!("../../docs/monitoring/grafana-dashboard.json");
        serde_json::from_str::<serde_json::Value>(dashboard).expect("the dashboard is JSON");
        let alerts = include_str!("../../docs/monitoring/alerts.yml");
        for (doc, text) in [("dashboard", dashboard), ("alerts", alerts)] {
            let named = named_in(text);
            assert!(!named.is_empty(), "{doc}");
            for name in named {
                assert!(SERIES.contains(&name.as_str()), "{doc} names {name}");
            }
        }
        // The dashboard shows every series.
        let shown = named_in(dashboard);
        for name in SERIES {
            assert!(shown.iter().any(|s| s == name), "dashboard lacks {name}");
        }
    }
}
