//! Prometheus metrics as an operator scrapes them: the real binary with
//! `V2MOM_METRICS_ADDR`, `/metrics` only on that listener, and the series filled in by
//! real traffic (requests by route template, password hashing, sign-ins, throttling,
//! sessions, the database pool).

use crate::binary::Running;
use reqwest::{Client, StatusCode};

/// The value of the sample of `name` whose labels include every one of `labels`.
fn sample(text: &str, name: &str, labels: &[(&str, &str)]) -> Option<f64> {
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .filter(|line| {
            line.strip_prefix(name)
                .is_some_and(|rest| rest.starts_with('{') || rest.starts_with(' '))
        })
        .find(|line| {
            labels
                .iter()
                .all(|(k, v)| line.contains(&format!("{k}=\"{v}\"")))
        })
        .and_then(|line| line.rsplit(' ').next()?.parse().ok())
}

#[tokio::test]
async fn metrics_are_served_on_their_own_listener_with_the_series_real_traffic_fills() {
    let dir = tempfile::tempdir().unwrap();
    let server = Running::start(dir.path(), &[("V2MOM_METRICS_ADDR", "127.0.0.1:0")]);
    let public = server.public.clone();
    let metrics = server.metrics.clone().unwrap();
    let browser = || Client::builder().cookie_store(true).build().unwrap();
    let post = |client: &Client, path: &str, form: &[(&str, &str)]| {
        client
            .post(format!("http://{public}/api/{path}"))
            .header("sec-fetch-site", "same-origin")
            .form(form)
            .send()
    };
    let (admin, password) = ("ada@acme.example", "quartz lantern meadow 42");
    let setup = [
        ("organisation", "Acme"),
        ("name", "Ada Admin"),
        ("email", admin),
        ("password", password),
    ];
    assert!(
        post(&browser(), "setup", &setup)
            .await
            .unwrap()
            .status()
            .is_success()
    );

    // Not on the public address, whatever the path.
    let scraped = Client::new()
        .get(format!("http://{public}/metrics"))
        .send()
        .await
        .unwrap();
    assert_eq!(scraped.status(), StatusCode::NOT_FOUND);
    assert!(!scraped.text().await.unwrap().contains("v2mom_http"));

    // Traffic: a probe, a page by id, an API call without a key, sign-ins.
    let client = browser();
    client
        .get(format!("http://{public}/healthz"))
        .send()
        .await
        .unwrap();
    client
        .get(format!("http://{public}/v2moms/12345"))
        .send()
        .await
        .unwrap();
    let api = client
        .get(format!("http://{public}/api/v1/v2moms/77"))
        .send()
        .await
        .unwrap();
    assert_eq!(api.status(), StatusCode::UNAUTHORIZED);
    let login = |password: &'static str| async move {
        post(
            &browser(),
            "login",
            &[("email", admin), ("password", password)],
        )
        .await
        .unwrap()
        .status()
    };
    assert!(login(password).await.is_success());
    // Three failures are free; the fourth attempt waits.
    for _ in 0..3 {
        assert_eq!(login("wrong wrong wrong").await, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(
        login("wrong wrong wrong").await,
        StatusCode::TOO_MANY_REQUESTS
    );

    let res = Client::new()
        .get(format!("http://{metrics}/metrics"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let text = res.text().await.unwrap();
    let has = |name: &str, labels: &[(&str, &str)]| {
        sample(&text, name, labels).unwrap_or_else(|| panic!("{name} {labels:?} in\n{text}"))
    };
    let get = [("method", "GET")];
    assert_eq!(
        has(
            "v2mom_http_requests_total",
            &[("route", "/healthz"), get[0], ("status", "2xx")]
        ),
        1.0
    );
    // Route templates, never raw paths: an id makes no series of its own.
    assert!(has("v2mom_http_requests_total", &[("route", "/v2moms/{id}")]) >= 1.0);
    assert!(
        has(
            "v2mom_http_requests_total",
            &[("route", "/api/v1/v2moms/{id}"), ("status", "4xx")]
        ) >= 1.0
    );
    assert!(!text.contains("12345") && !text.contains("/77"), "{text}");
    assert!(
        has(
            "v2mom_http_request_duration_seconds_bucket",
            &[("route", "/healthz"), ("le", "+Inf")]
        ) >= 1.0
    );
    assert!(
        has(
            "v2mom_http_requests_total",
            &[("route", "/api/login"), ("status", "4xx")]
        ) >= 4.0
    );
    has("v2mom_http_requests_in_flight", &[]);
    // Setup's hash, then five checks (one throttled before any hashing).
    assert!(has("v2mom_password_hash_duration_seconds_count", &[]) >= 5.0);
    assert_eq!(has("v2mom_password_hash_waiting", &[]), 0.0);
    assert_eq!(has("v2mom_sign_ins_total", &[("outcome", "success")]), 1.0);
    assert_eq!(has("v2mom_sign_ins_total", &[("outcome", "refused")]), 3.0);
    assert_eq!(
        has(
            "v2mom_throttle_refusals_total",
            &[("kind", "sign_in"), ("scope", "account")]
        ),
        1.0
    );
    assert!(has("v2mom_sessions_created_total", &[("method", "password")]) >= 1.0);
    assert!(has("v2mom_db_pool_connections", &[("state", "idle")]) >= 0.0);
    assert!(has("v2mom_db_pool_max_connections", &[]) >= 1.0);
    assert_eq!(
        has(
            "v2mom_build_info",
            &[("version", env!("CARGO_PKG_VERSION"))]
        ),
        1.0
    );
    assert!(text.contains("# HELP v2mom_http_requests_total "));

    server.stop();
}
