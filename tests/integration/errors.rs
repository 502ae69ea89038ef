use crate::helpers::{client, spawn_layered};
use crate::helpers::{header, spawn_app};
use axum::{Router, routing::get};
use reqwest::StatusCode;
use serde_json::Value;
use std::{sync::Arc, time::Duration};
use tokio::sync::{Notify, oneshot};

#[tokio::test]
async fn internal_errors_reach_the_client_as_a_reference_only() {
    let app = spawn_app().await;
    // Break the database under the running app: the status query can no longer succeed.
    app.execute("DROP TABLE instance").await;

    let res = app.call("status", &[]).await;
    assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let request_id = header(res.headers(), "x-request-id").to_owned();
    let body = res.text().await.unwrap();
    let json: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["kind"], "internal");
    assert_eq!(json["request_id"], request_id.as_str());
    for leak in ["instance", "table", "relation", "sqlx", "SELECT"] {
        assert!(
            !body.contains(leak),
            "internal detail {leak:?} leaked: {body}"
        );
    }
}

#[tokio::test]
async fn a_panicking_handler_answers_a_generic_500_with_the_request_id() {
    let routes = Router::new().route(
        "/boom",
        get(|| async {
            if true {
                panic!("secret internal state");
            }
            "unreachable"
        }),
    );
    let (addr, server) = spawn_layered(routes, |_| {}, std::future::pending()).await;

    let res = client()
        .get(format!("http://{addr}/boom"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert!(res.headers().get("content-security-policy").is_some());
    let request_id = header(res.headers(), "x-request-id").to_owned();
    let body = res.text().await.unwrap();
    assert!(body.contains(&request_id), "{body}");
    assert!(!body.contains("secret"), "{body}");
    server.abort();
}

#[tokio::test]
async fn internal_errors_in_plain_handlers_carry_the_request_id_too() {
    // A plain axum handler (no Leptos context), like the audit export.
    let routes = Router::new().route(
        "/fails",
        get(|| async {
            Err::<&'static str, _>(v2mom::server::errors::internal("the disk is on fire"))
        }),
    );
    let (addr, server) = spawn_layered(routes, |_| {}, std::future::pending()).await;
    let res = client()
        .get(format!("http://{addr}/fails"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let request_id = header(res.headers(), "x-request-id").to_owned();
    let json: Value = res.json().await.unwrap();
    assert_eq!(json["request_id"], request_id.as_str());
    assert!(!json.to_string().contains("fire"));
    server.abort();
}

#[tokio::test]
async fn a_request_that_never_finishes_times_out_with_408() {
    let routes = Router::new().route("/hang", get(std::future::pending::<&'static str>));
    let (addr, server) = spawn_layered(
        routes,
        |s| s.request_timeout_secs = 1,
        std::future::pending(),
    )
    .await;
    let res = client()
        .get(format!("http://{addr}/hang"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::REQUEST_TIMEOUT);
    server.abort();
}

/// Shutdown waits for requests already being served: one held open across the signal
/// still gets its full answer, and the server stops once it has.
#[tokio::test]
async fn shutdown_lets_in_flight_requests_finish() {
    let started = Arc::new(Notify::new());
    let release = Arc::new(Notify::new());
    let routes = Router::new().route(
        "/slow",
        get({
            let (started, release) = (started.clone(), release.clone());
            move || async move {
                started.notify_one();
                release.notified().await;
                "finished"
            }
        }),
    );
    let (stop_tx, stop_rx) = oneshot::channel::<()>();
    let (began_tx, began_rx) = oneshot::channel::<()>();
    // The server starts its graceful shutdown the moment this future resolves.
    let shutdown = async move {
        let _ = stop_rx.await;
        let _ = began_tx.send(());
    };
    let (addr, server) = spawn_layered(routes, |s| s.shutdown_timeout_secs = 30, shutdown).await;

    let request = tokio::spawn(client().get(format!("http://{addr}/slow")).send());
    started.notified().await;
    stop_tx.send(()).unwrap();
    began_rx.await.unwrap();
    // Shutdown has begun, but serving must not end while the request is unanswered. (A
    // correct server never ends here, so this wait cannot fail a correct build.)
    let mut server = server;
    let ended_early = tokio::time::timeout(Duration::from_millis(300), &mut server).await;
    assert!(
        ended_early.is_err(),
        "stopped serving with a request in flight"
    );
    release.notify_one();
    let res = request.await.unwrap().unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.text().await.unwrap(), "finished");
    server.await.unwrap().unwrap();
}

#[tokio::test]
async fn a_session_the_database_cannot_save_is_a_503_not_a_bare_500() {
    // A handler changes the session, then the database goes away before tower-sessions
    // saves it after the answer.
    let dir = tempfile::tempdir().unwrap();
    let config = v2mom::server::config::Config::with_data_dir(dir.path().to_owned()).unwrap();
    let db = v2mom::server::db::Db::connect(&config).await.unwrap();
    db.migrate().await.unwrap();
    let routes = Router::new()
        .route(
            "/remember",
            get(
                |session: tower_sessions::Session,
                 axum::extract::State(db): axum::extract::State<v2mom::server::db::Db>| async move {
                    session.insert("seen", true).await.unwrap();
                    db.close().await;
                    "remembered"
                },
            ),
        )
        .with_state(db.clone());
    let routes = v2mom::server::http::with_sessions(routes, &db, &config);
    let (addr, server) = spawn_layered(routes, |_| {}, std::future::pending()).await;
    let res = client()
        .get(format!("http://{addr}/remember"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(header(res.headers(), "retry-after"), "5");
    let request_id = header(res.headers(), "x-request-id").to_owned();
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["kind"], "unavailable");
    assert_eq!(body["request_id"], request_id.as_str());
    server.abort();
}
