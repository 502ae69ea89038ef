use crate::helpers::{header, spawn_app};
use axum::{Router, routing::get};
use reqwest::StatusCode;
use serde_json::Value;
use v2mom::server::{config::Config, http::with_layers, startup};

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
    let dir = tempfile::tempdir().unwrap();
    let config = Config::with_data_dir(dir.path().to_owned()).unwrap();
    let panicking = Router::new().route(
        "/boom",
        get(|| async {
            if true {
                panic!("secret internal state");
            }
            "unreachable"
        }),
    );
    let listener = startup::bind("127.0.0.1:0".parse().unwrap()).await.unwrap();
    let addr = listener.local_addr().unwrap();
    let router = with_layers(panicking, &config);
    let server = tokio::spawn(startup::serve(
        listener,
        router,
        std::future::pending(),
        config.shutdown_timeout(),
    ));

    let res = reqwest::get(format!("http://{addr}/boom")).await.unwrap();
    assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert!(res.headers().get("content-security-policy").is_some());
    let request_id = header(res.headers(), "x-request-id").to_owned();
    let body = res.text().await.unwrap();
    assert!(body.contains(&request_id), "{body}");
    assert!(!body.contains("secret"), "{body}");
    server.abort();
}
