use crate::helpers::{postgres_only, spawn_app, spawn_app_with};
use reqwest::StatusCode;
use serde_json::Value;
use tokio::{io::copy_bidirectional, net::TcpListener, task::JoinHandle};

#[tokio::test]
async fn healthz_says_the_process_is_alive() {
    let app = spawn_app().await;
    let res = app.get("/healthz").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.text().await.unwrap(), "ok");
}

/// A burst's memory (a sign-in storm's password hashes) goes back to the system when it is
/// freed, not when an idle worker next allocates: the server sets this as it starts.
#[tokio::test]
async fn a_started_server_gives_freed_memory_back_at_once() {
    let _app = spawn_app().await;
    assert_eq!(v2mom::server::allocator::purge_delay_ms(), 0);
}

#[tokio::test]
async fn readyz_is_ready_on_a_migrated_database() {
    let app = spawn_app().await;
    let res = app.get("/readyz").await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["database_reachable"], true);
    assert_eq!(body["schema_current"], true);
}

#[tokio::test]
async fn readyz_is_unavailable_when_migrations_are_missing() {
    let app = spawn_app().await;
    app.execute("DELETE FROM _sqlx_migrations").await;
    let res = app.get("/readyz").await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["database_reachable"], true);
    assert_eq!(body["schema_current"], false);
}

/// A TCP relay between the app and PostgreSQL that the test can cut and restore.
struct Relay {
    addr: std::net::SocketAddr,
    task: Option<JoinHandle<()>>,
}

impl Relay {
    async fn start(addr: std::net::SocketAddr, upstream: String) -> Self {
        let listener = TcpListener::bind(addr).await.unwrap();
        let addr = listener.local_addr().unwrap();
        let task = tokio::spawn(async move {
            let mut connections = tokio::task::JoinSet::new();
            loop {
                let (mut inbound, _) = listener.accept().await.unwrap();
                let upstream = upstream.clone();
                // Connections die with the relay task, as they would when the server goes.
                connections.spawn(async move {
                    if let Ok(mut outbound) = tokio::net::TcpStream::connect(upstream).await {
                        let _ = copy_bidirectional(&mut inbound, &mut outbound).await;
                    }
                });
            }
        });
        Relay {
            addr,
            task: Some(task),
        }
    }

    fn cut(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}

#[tokio::test]
async fn postgres_only_readyz_follows_the_database_going_away_and_coming_back() {
    let admin_url = postgres_only();
    let upstream = url::Url::parse(&admin_url).unwrap();
    let upstream = format!(
        "{}:{}",
        upstream.host_str().unwrap(),
        upstream.port().unwrap_or(5432)
    );
    let mut relay = Relay::start("127.0.0.1:0".parse().unwrap(), upstream.clone()).await;
    let relay_addr = relay.addr;

    let app = spawn_app_with(|s| {
        let db_url = s.database_url.clone().expect("postgres test database");
        let mut via_relay = url::Url::parse(&db_url).unwrap();
        via_relay.set_port(Some(relay_addr.port())).unwrap();
        via_relay.set_host(Some("127.0.0.1")).unwrap();
        s.database_url = Some(via_relay.to_string());
        s.db_acquire_timeout_secs = 1;
    })
    .await;
    assert_eq!(app.get("/readyz").await.status(), StatusCode::OK);

    relay.cut();
    let res = app.get("/readyz").await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["database_reachable"], false);

    // The same address again: the app must recover by itself, without a restart. Its pool
    // checks a connection before lending it, so the very next probe finds the way back.
    let _relay = Relay::start(relay_addr, upstream).await;
    assert_eq!(app.get("/readyz").await.status(), StatusCode::OK);
}
