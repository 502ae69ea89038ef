//! Three real server processes on one PostgreSQL behind HAProxy (`docs/haproxy.cfg`, round
//! robin, no stickiness), as the documentation tells operators to run them: any process
//! serves any session, versions conflict across processes, a process killed mid-burst
//! loses no answered write, and a rolling restart fails no request.

use crate::{
    balancer::{Balancer, free_addr},
    binary::Running,
    check_ins::published,
    helpers::{
        TEST_ENCRYPTION_KEY, TestApp, client, header, postgres_only, session_cookie, spawn_app,
        spawn_app_on,
    },
    people::{PASSWORD, organisation},
    rest::{api_key, content, json_of},
    throwaway_postgres::ThrowawayPostgres,
    v2moms::current_period,
};
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};
use std::{
    sync::{
        Arc,
        atomic::{AtomicBool, AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};
use tempfile::TempDir;

const EVE: &str = "eve@acme.example";

struct Cluster {
    /// In this test's own process, on the same database: sets the organisation up and
    /// reads the database afterwards. Not behind the balancer.
    app: TestApp,
    dir: TempDir,
    env: Vec<(String, String)>,
    /// `host:port` of each process, kept across restarts (the balancer's list is fixed).
    addrs: [String; 3],
    processes: [Option<Running>; 3],
    balancer: Balancer,
}

/// How long a request may take (`V2MOM_REQUEST_TIMEOUT_SECS` of every process).
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

impl Cluster {
    /// On a fresh database of the test PostgreSQL.
    async fn start() -> Cluster {
        postgres_only();
        Cluster::around(spawn_app().await).await
    }

    /// On the database at `url`, which the test looks after.
    async fn start_on(url: &str) -> Cluster {
        postgres_only();
        Cluster::around(spawn_app_on(url, |_| {}).await).await
    }

    /// Three processes and the balancer on `app`'s database.
    async fn around(app: TestApp) -> Cluster {
        let dir = tempfile::tempdir().unwrap();
        let balancer_addr = free_addr();
        let env = [
            (
                "DATABASE_URL",
                app.config.settings.database_url.clone().unwrap(),
            ),
            ("V2MOM_ENCRYPTION_KEY", TEST_ENCRYPTION_KEY.to_owned()),
            ("V2MOM_DATA_DIR", dir.path().display().to_string()),
            ("V2MOM_PUBLIC_URL", format!("http://{balancer_addr}")),
            ("V2MOM_TRUSTED_PROXIES", "127.0.0.1".to_owned()),
            ("V2MOM_SHUTDOWN_DRAIN_SECS", "2".to_owned()),
            (
                "V2MOM_REQUEST_TIMEOUT_SECS",
                REQUEST_TIMEOUT.as_secs().to_string(),
            ),
            // The load below is one key's, far beyond what a person's script should send.
            ("V2MOM_API_RATE_LIMIT_PER_MINUTE", "1000000".to_owned()),
        ]
        .map(|(k, v)| (k.to_owned(), v))
        .to_vec();
        let processes = [(); 3].map(|_| Some(start_process(&dir, "127.0.0.1:0", &env)));
        let addrs = processes
            .each_ref()
            .map(|p| p.as_ref().unwrap().public.clone());
        let balancer = Balancer::start(&balancer_addr, addrs.each_ref().map(String::as_str)).await;
        Cluster {
            app,
            dir,
            env,
            addrs,
            processes,
            balancer,
        }
    }

    /// Eve signing in through the balancer from a browser of her own.
    async fn sign_in_as_eve(&self, password: &str) -> reqwest::Response {
        client()
            .post(self.balancer.url("/api/login"))
            .header("sec-fetch-site", "same-origin")
            .form(&[("email", EVE), ("password", password), ("next", "/")])
            .send()
            .await
            .unwrap()
    }

    /// Stops process `i` as an orchestrator does (SIGTERM) and starts it again in its place;
    /// returns once the balancer sends it check-ins again. Blocks its thread meanwhile.
    fn restart(&mut self, i: usize) {
        let status = self.processes[i].take().unwrap().terminate();
        assert!(status.success(), "process {i} stopped with {status:?}");
        let restarted = start_process(&self.dir, &self.addrs[i], &self.env);
        restarted.lines_until(|line| line.contains("check-ins"));
        self.processes[i] = Some(restarted);
    }
}

fn start_process(dir: &TempDir, addr: &str, env: &[(String, String)]) -> Running {
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    Running::start_on(dir.path(), addr, &env)
}

/// The organisation, and Eve's published V2MOM with a key of hers that may check in.
struct Published {
    key: String,
    path: String,
}

async fn eve_published(app: &TestApp) -> Published {
    let (_, manager, eve_id, eve) = organisation(app).await;
    let period = current_period(app).await;
    let (id, measure) = published(app, &manager, eve_id, period).await;
    Published {
        key: api_key(app, &eve, "read,write").await,
        path: format!("/api/v1/v2moms/{id}/measures/{measure}/check-ins"),
    }
}

/// What one check-in got: `Ok(id)` when answered 201, else what came back instead (a
/// status, or nothing at all).
type Outcome = Result<i64, String>;

async fn check_in(browser: &Client, url: &str, key: &str, note: String) -> Outcome {
    let res = browser
        .post(url)
        .bearer_auth(key)
        .json(&json!({ "value": 1, "status": "on_track", "comment": note }))
        .timeout(REQUEST_TIMEOUT + Duration::from_secs(2))
        .send()
        .await
        .map_err(|e| format!("no answer: {e}"))?;
    let status = res.status();
    if status != StatusCode::CREATED {
        let problem: Value = res.json().await.unwrap_or_default();
        let with_id = if problem["request_id"].is_string() {
            " with a request id"
        } else {
            ""
        };
        return Err(format!("answered {status}{with_id}"));
    }
    let created: Value = res.json().await.map_err(|e| e.to_string())?;
    Ok(created["id"].as_i64().expect("a check-in id"))
}

/// Workers checking in through the balancer, one request after another, until stopped.
struct Load {
    stop: Arc<AtomicBool>,
    answered: Arc<AtomicUsize>,
    workers: Vec<tokio::task::JoinHandle<Vec<Outcome>>>,
}

impl Load {
    fn start(cluster: &Cluster, published: &Published, workers: usize) -> Load {
        let stop = Arc::new(AtomicBool::new(false));
        let answered = Arc::new(AtomicUsize::new(0));
        let url = cluster.balancer.url(&published.path);
        let workers = (0..workers)
            .map(|worker| {
                let (stop, answered) = (stop.clone(), answered.clone());
                let (url, key) = (url.clone(), published.key.clone());
                tokio::spawn(async move {
                    let browser = client();
                    let mut outcomes = Vec::new();
                    while !stop.load(Ordering::Relaxed) {
                        let note = format!("worker {worker}, request {}", outcomes.len());
                        outcomes.push(check_in(&browser, &url, &key, note).await);
                        answered.fetch_add(1, Ordering::Relaxed);
                    }
                    outcomes
                })
            })
            .collect();
        Load {
            stop,
            answered,
            workers,
        }
    }

    fn answered(&self) -> usize {
        self.answered.load(Ordering::Relaxed)
    }

    /// Returns once `n` requests have come back (answered or not).
    async fn until(&self, n: usize) {
        while self.answered() < n {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    async fn finish(self) -> Vec<Outcome> {
        self.stop.store(true, Ordering::Relaxed);
        let mut outcomes = Vec::new();
        for worker in self.workers {
            outcomes.extend(worker.await.unwrap());
        }
        outcomes
    }
}

/// `n` check-ins one after another through the balancer: every one is answered 201.
async fn assert_all_served(cluster: &Cluster, published: &Published, n: usize) {
    let url = cluster.balancer.url(&published.path);
    let browser = client();
    for i in 0..n {
        let outcome = check_in(&browser, &url, &published.key, format!("after {i}")).await;
        assert!(outcome.is_ok(), "{outcome:?}");
    }
}

/// The ids of the measure's check-ins in the database.
async fn stored_check_ins(cluster: &Cluster, published: &Published) -> Vec<i64> {
    let url = cluster.app.url(&published.path);
    let res = client()
        .get(url)
        .bearer_auth(&published.key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let list: Vec<Value> = res.json().await.unwrap();
    list.iter().map(|c| c["id"].as_i64().unwrap()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn postgres_only_behind_a_balancer_every_process_serves_every_session_and_every_version() {
    let cluster = Cluster::start().await;
    organisation(&cluster.app).await;

    // Signed in through the balancer, the same cookie is the same person on every process.
    let res = cluster.sign_in_as_eve(PASSWORD).await;
    assert!(res.status().is_success(), "{}", res.status());
    let cookie = session_cookie(&res).expect("a session cookie");
    for addr in &cluster.addrs {
        let res = Client::new()
            .post(format!("http://{addr}/api/me"))
            .header("cookie", &cookie)
            .header("sec-fetch-site", "same-origin")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{addr}");
        assert!(res.text().await.unwrap().contains(EVE), "{addr}");
    }

    // A save on one process makes a save begun from the same version on another a conflict.
    let period = current_period(&cluster.app).await;
    let key = api_key(&cluster.app, &cluster.app.client, "read,write").await;
    let api = |addr: &str, method: reqwest::Method, path: &str| {
        client()
            .request(method, format!("http://{addr}/api/v1{path}"))
            .bearer_auth(&key)
    };
    let me = json_of(api(&cluster.addrs[0], reqwest::Method::GET, "/me")).await;
    let res = api(&cluster.addrs[0], reqwest::Method::POST, "/v2moms")
        .json(&json!({ "owner_id": me["id"], "period_id": period, "copy_from": null }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let started = header(res.headers(), "etag").to_owned();
    let id = res.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let path = format!("/v2moms/{id}");
    let save_from_start = |addr: &str, vision: &str| {
        api(addr, reqwest::Method::PUT, &path)
            .header("if-match", &started)
            .json(&content(vision))
            .send()
    };
    let res = save_from_start(&cluster.addrs[1], "Saved on the second process").await;
    assert_eq!(res.unwrap().status(), StatusCode::OK);
    let res = save_from_start(&cluster.addrs[2], "A stale save on the third").await;
    assert_eq!(res.unwrap().status(), StatusCode::PRECONDITION_FAILED);
    let res = api(&cluster.addrs[0], reqwest::Method::GET, &path)
        .send()
        .await
        .unwrap();
    let kept: Value = res.json().await.unwrap();
    assert_eq!(kept["content"]["vision"], "Saved on the second process");

    // Wrong passwords spread over the processes by the balancer add up to one throttle.
    for _ in 0..3 {
        let res = cluster.sign_in_as_eve("not her password").await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
    let res = cluster.sign_in_as_eve(PASSWORD).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn postgres_only_a_process_killed_during_a_burst_of_check_ins_loses_none_that_were_answered()
{
    let mut cluster = Cluster::start().await;
    let published = eve_published(&cluster.app).await;
    let load = Load::start(&cluster, &published, 4);
    load.until(20).await;
    cluster.processes[1].take().unwrap().stop();
    let killed_at = load.answered();
    load.until(killed_at + 60).await;
    let outcomes = load.finish().await;

    let stored = stored_check_ins(&cluster, &published).await;
    for id in outcomes.iter().filter_map(|o| o.as_ref().ok()) {
        assert!(
            stored.contains(id),
            "check-in {id} was answered 201 but is not stored"
        );
    }
    for refused in outcomes.iter().filter_map(|o| o.as_ref().err()) {
        assert!(
            refused.starts_with("no answer") || refused.ends_with("502 Bad Gateway"),
            "a check-in lost with the process was answered {refused}, not a gateway error"
        );
    }
    let failed = outcomes.iter().filter(|o| o.is_err()).count();
    assert!(
        failed <= 4,
        "only what the killed process had in hand failed: {failed}"
    );
    // The balancer has taken the dead process out: nothing fails any more.
    assert_all_served(&cluster, &published, 15).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn postgres_only_a_rolling_restart_under_load_fails_no_request() {
    let mut cluster = Cluster::start().await;
    let published = eve_published(&cluster.app).await;
    let load = Load::start(&cluster, &published, 4);
    for i in 0..3 {
        tokio::task::block_in_place(|| cluster.restart(i));
    }
    let outcomes = load.finish().await;
    assert!(
        outcomes.len() > 30,
        "the load went on through the restarts: {} requests",
        outcomes.len()
    );
    let failed: Vec<&String> = outcomes.iter().filter_map(|o| o.as_ref().err()).collect();
    assert!(failed.is_empty(), "{failed:?}");
}

/// Every process's `/readyz` answers `status`; waits for it at most `within`.
async fn all_ready_as(cluster: &Cluster, status: StatusCode, within: Duration) {
    let deadline = Instant::now() + within;
    for addr in &cluster.addrs {
        loop {
            let res = client()
                .get(format!("http://{addr}/readyz"))
                .send()
                .await
                .unwrap();
            if res.status() == status {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "{addr}/readyz stays {}",
                res.status()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn postgres_only_postgresql_restarted_under_load_is_503_with_a_request_id_and_then_served() {
    let database = ThrowawayPostgres::create();
    let cluster = Cluster::start_on(&database.url()).await;
    let published = eve_published(&cluster.app).await;
    let load = Load::start(&cluster, &published, 4);
    load.until(20).await;

    tokio::task::block_in_place(|| database.stop());
    all_ready_as(
        &cluster,
        StatusCode::SERVICE_UNAVAILABLE,
        Duration::from_secs(5),
    )
    .await;
    let stopped_at = load.answered();
    load.until(stopped_at + 40).await;

    tokio::task::block_in_place(|| database.start());
    // Nobody restarts anything: every process finds the database again by itself.
    all_ready_as(&cluster, StatusCode::OK, Duration::from_secs(15)).await;
    let started_at = load.answered();
    load.until(started_at + 40).await;
    let outcomes = load.finish().await;

    let unavailable = "answered 503 Service Unavailable with a request id";
    for outcome in &outcomes {
        if let Err(refused) = outcome {
            assert_eq!(
                refused, unavailable,
                "never a 500, a gateway error or a hang"
            );
        }
    }
    assert!(
        outcomes
            .iter()
            .any(|o| o.as_ref().is_err_and(|e| e == unavailable)),
        "the outage was noticed"
    );
    assert_all_served(&cluster, &published, 10).await;
    let stored = stored_check_ins(&cluster, &published).await;
    for id in outcomes.iter().filter_map(|o| o.as_ref().ok()) {
        assert!(
            stored.contains(id),
            "check-in {id} was answered 201 but is not stored"
        );
    }
}
