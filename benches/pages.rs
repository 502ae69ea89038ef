//! Pages under load, as one process serves them: `/healthz` (the baseline: the same server
//! answering without rendering or reading anything), the sign-in page to a visitor, and a
//! signed-in V2MOM page read by its owner (the demo company's engineer: 2 values, 3 methods
//! aligned to their manager's, 3 check-ins per measure). Each is asked by 50 connections for
//! 5 seconds, from the same process (so client and server share the cores, and only ratios
//! measured in the same run mean anything). For each: requests per second, median and 99th
//! percentile latency, the ratio to `/healthz`, and the database queries one request costs.
//! Then the page with 200 connections (its p99 under load).
//! Then a sign-in storm: 200 connections sending wrong passwords for unknown addresses from
//! many client addresses, while 20 connections read the V2MOM page; its p99 during the storm
//! against alone, and the process's resident memory after it.
//! On PostgreSQL, the same page from the peer too: the original stack (Express, EJS and
//! node-postgres in one Node process, `benches/peer/`) reading the same database, started by
//! the bench (its packages installed by `make bench`; left out, with a line saying so, when
//! Node or they are missing).
//! SQLite always, PostgreSQL too when `TEST_DATABASE_URL` is set. Run: `make bench` (or
//! `cargo bench --features ssr --bench pages`).

// Each bench uses part of what they share.
#[allow(dead_code)]
mod common;

use reqwest::Client;
use std::{
    sync::Arc,
    time::{Duration, Instant},
};
use v2mom::server::{db::Db, demo, startup};

const CONNECTIONS: usize = 50;
/// Readers of the page during the storm, and alone for comparison.
const READERS: usize = 20;
const STORM: usize = 200;
/// Connections reading the page at once for its p99 under load.
const CROWD: usize = 200;
const DURATION: Duration = Duration::from_secs(5);
/// Whose V2MOM is read (by them).
const READER: &str = "avery@northwind.example.com";

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().expect("temporary directory");
    println!(
        "Pages: {CONNECTIONS} connections for {} s each; ratio = requests per second / \
         /healthz's in the same run",
        DURATION.as_secs()
    );
    println!(
        "{:8} {:32} {:>9} {:>9} {:>9} {:>7} {:>8}",
        "backend", "page", "req/s", "p50", "p99", "ratio", "queries"
    );
    for (name, url) in common::backends() {
        run(&dir, name, url.as_deref()).await;
    }
}

async fn run(dir: &tempfile::TempDir, backend: &str, url: Option<&str>) {
    // The storm comes from many addresses, as through a balancer whose header is believed.
    let (db, config) = common::database_with(dir, backend, url, 0, |s| {
        s.trusted_proxies = vec!["127.0.0.1".into()];
    })
    .await;
    let state = startup::app_state(config.clone(), db.clone())
        .await
        .expect("state");
    let made = demo::fill(&state).await.expect("the demo company");
    let router = startup::router(config.clone(), db.clone())
        .await
        .expect("router");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await
        .unwrap();
    });

    let reader = signed_in(&base, &made.password).await;
    let page = own_v2mom(&base, &reader).await;
    let visitor = Client::new();
    let targets = [
        ("/healthz", Client::new(), "/healthz".to_owned()),
        ("sign-in page, a visitor", visitor, "/login".to_owned()),
        ("own V2MOM page, signed in", reader.clone(), page.clone()),
    ];
    let mut baseline = None;
    let mut ours = f64::NAN;
    for (label, client, path) in targets {
        let load = load(&db, &client, &format!("{base}{path}"), CONNECTIONS).await;
        let ratio = load.per_second / *baseline.get_or_insert(load.per_second);
        println!(
            "{backend:8} {label:32} {:>9.0} {:>9.2?} {:>9.2?} {:>7.3} {:>8.1}",
            load.per_second, load.p50, load.p99, ratio, load.queries
        );
        ours = load.per_second;
    }
    if let Some(url) = &config.settings.database_url {
        match Peer::start(url).await {
            Ok(peer) => {
                let load = load(
                    &db,
                    &peer.client,
                    &format!("{}{page}", peer.base),
                    CONNECTIONS,
                )
                .await;
                let ratio = load.per_second / baseline.unwrap_or(f64::NAN);
                println!(
                    "{backend:8} {:32} {:>9.0} {:>9.2?} {:>9.2?} {:>7.3} {:>8}",
                    "the same page, Express peer", load.per_second, load.p50, load.p99, ratio, "-"
                );
                println!(
                    "{backend:8} the V2MOM page: ×{:.2} the Express peer's requests per second",
                    ours / load.per_second
                );
            }
            Err(why) => println!("{backend:8} the Express peer did not start: {why}"),
        }
    }

    let page = format!("{base}{page}");
    let crowd = load(&db, &reader, &page, CROWD).await;
    println!(
        "{backend:8} page with {CROWD} connections: {:.0} req/s, p50 {:.2?}, p99 {:.2?}",
        crowd.per_second, crowd.p50, crowd.p99
    );
    let alone = load(&db, &reader, &page, READERS).await;
    let storm = storm(&base);
    let during = load(&db, &reader, &page, READERS).await;
    storm.stop().await;
    println!(
        "{backend:8} page p99 with {READERS} readers: alone {:.2?}, during a {STORM}-connection \
         sign-in storm {:.2?} (×{:.1}); resident memory after the storm {} MB",
        alone.p99,
        during.p99,
        during.p99.as_secs_f64() / alone.p99.as_secs_f64(),
        resident_mb()
    );
}

/// Wrong passwords for addresses nobody has, each from another client address, on
/// `STORM` connections until stopped.
fn storm(base: &str) -> Storm {
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let client = Client::new();
    let tasks = (0..STORM)
        .map(|n| {
            let (client, stop, url) = (client.clone(), stop.clone(), format!("{base}/api/login"));
            tokio::spawn(async move {
                let mut attempt = 0u32;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    attempt += 1;
                    let [_, a, b, c] = (n as u32 * 65_536 + attempt).to_be_bytes();
                    let _ = client
                        .post(&url)
                        .header("sec-fetch-site", "same-origin")
                        .header("x-forwarded-for", format!("10.{a}.{b}.{c}"))
                        .form(&[
                            ("email", format!("nobody{n}-{attempt}@storm.example")),
                            ("password", "not the password".to_owned()),
                        ])
                        .send()
                        .await;
                }
            })
        })
        .collect();
    Storm { stop, tasks }
}

struct Storm {
    stop: Arc<std::sync::atomic::AtomicBool>,
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

impl Storm {
    async fn stop(self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        for task in self.tasks {
            let _ = task.await;
        }
    }
}

/// The peer (`benches/peer/server.js`) on the bench's database, with a session for the
/// reader; stopped when dropped.
struct Peer {
    base: String,
    client: Client,
    _process: tokio::process::Child,
}

impl Peer {
    async fn start(database_url: &str) -> Result<Peer, String> {
        use tokio::io::AsyncBufReadExt;
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/peer/server.js");
        let mut process = tokio::process::Command::new("node")
            .arg(script)
            .env("DATABASE_URL", database_url)
            .env("PEER_READER", READER)
            .stdout(std::process::Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| format!("node: {e}"))?;
        let stdout = process.stdout.take().ok_or("no output")?;
        let line = tokio::io::BufReader::new(stdout)
            .lines()
            .next_line()
            .await
            .map_err(|e| e.to_string())?
            .ok_or("it stopped before listening (are its packages installed?)")?;
        let started: serde_json::Value = serde_json::from_str(&line).map_err(|e| e.to_string())?;
        let port = started["port"].as_u64().ok_or("no port")?;
        let cookie = started["cookie"].as_str().ok_or("no session")?;
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(
            reqwest::header::COOKIE,
            cookie.parse().map_err(|_| "a bad cookie")?,
        );
        let client = Client::builder()
            .default_headers(headers)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| e.to_string())?;
        Ok(Peer {
            base: format!("http://127.0.0.1:{port}"),
            client,
            _process: process,
        })
    }
}

/// This process's resident memory (Linux), in megabytes.
fn resident_mb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|line| line.strip_prefix("VmRSS:"))
                .and_then(|kb| kb.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}

/// A browser signed in as the reader, with the demo's password.
async fn signed_in(base: &str, password: &str) -> Client {
    let client = Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let res = client
        .post(format!("{base}/api/login"))
        .header("sec-fetch-site", "same-origin")
        .form(&[("email", READER), ("password", password), ("next", "/")])
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success(), "sign-in: {}", res.status());
    client
}

/// The path of the reader's own V2MOM, from their home page's data.
async fn own_v2mom(base: &str, reader: &Client) -> String {
    let home: serde_json::Value = reader
        .post(format!("{base}/api/v2moms/home"))
        .header("sec-fetch-site", "same-origin")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = home["mine"]["id"].as_i64().expect("the reader's V2MOM");
    format!("/v2moms/{id}")
}

struct Load {
    per_second: f64,
    p50: Duration,
    p99: Duration,
    /// Database queries per request.
    queries: f64,
}

/// `connections` loops asking for `url` for `DURATION`; every answer must be 200.
async fn load(db: &Db, client: &Client, url: &str, connections: usize) -> Load {
    let url: Arc<str> = url.into();
    let queries_before = db.queries();
    let started = Instant::now();
    let deadline = started + DURATION;
    let loops: Vec<_> = (0..connections)
        .map(|_| {
            let (client, url) = (client.clone(), url.clone());
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                while Instant::now() < deadline {
                    let asked = Instant::now();
                    let res = client.get(&*url).send().await.expect("an answer");
                    assert_eq!(res.status(), reqwest::StatusCode::OK, "{url}");
                    res.bytes().await.expect("a body");
                    latencies.push(asked.elapsed());
                }
                latencies
            })
        })
        .collect();
    let mut latencies = Vec::new();
    for each in loops {
        latencies.extend(each.await.unwrap());
    }
    let elapsed = started.elapsed();
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() - 1) as f64 * q) as usize];
    Load {
        per_second: latencies.len() as f64 / elapsed.as_secs_f64(),
        p50: at(0.5),
        p99: at(0.99),
        queries: (db.queries() - queries_before) as f64 / latencies.len() as f64,
    }
}
