//! The database going away under a running server: every route answers 503 with
//! `Retry-After` (or its usual answer where it needs no database), quickly, without a word
//! from inside; and once the database is back the same server serves again.
//!
//! The PostgreSQL server stopped here is the test's own ([`ThrowawayPostgres`]), never the
//! one other tests use.

use crate::{
    helpers::{Credentials, TestApp, client, header, postgres_only, spawn_app_on},
    rest::api_key,
    throwaway_postgres::ThrowawayPostgres,
};
use reqwest::{Client, Method, StatusCode};
use std::time::{Duration, Instant};

/// What a request asks, and of whom.
struct Ask {
    what: &'static str,
    method: Method,
    path: String,
    client: Client,
    bearer: Option<String>,
    /// A server function call, as the hydrated page makes it, with these arguments.
    server_fn: Option<Vec<(&'static str, String)>>,
    /// What it answers while the database is up.
    normally: StatusCode,
    /// Whether it needs the database (else it answers as usual while the database is away).
    needs_db: bool,
}

struct Answer {
    status: StatusCode,
    retry_after: Option<String>,
    request_id: String,
    content_type: String,
    body: String,
    took: Duration,
}

impl Ask {
    async fn send(&self, app: &TestApp) -> Answer {
        let mut request = self
            .client
            .request(self.method.clone(), app.url(&self.path));
        if let Some(key) = &self.bearer {
            request = request.bearer_auth(key);
        }
        if let Some(form) = &self.server_fn {
            request = request.header("sec-fetch-site", "same-origin").form(form);
        }
        let began = Instant::now();
        let res = request
            .send()
            .await
            .expect("an answer, not a dropped connection");
        let header_of = |name: &str| {
            res.headers()
                .get(name)
                .map(|v| v.to_str().unwrap().to_owned())
        };
        let (status, retry_after) = (res.status(), header_of("retry-after"));
        let request_id = header(res.headers(), "x-request-id").to_owned();
        let content_type = header_of("content-type").unwrap_or_default();
        let body = res.text().await.unwrap();
        Answer {
            status,
            retry_after,
            request_id,
            content_type,
            body,
            took: began.elapsed(),
        }
    }
}

/// Words that would give away what is inside: drivers, queries, addresses, paths.
const LEAKS: [&str; 9] = [
    "sqlx",
    "pool timed out",
    "error communicating",
    "error returned from database",
    "os error",
    "Connection refused",
    "127.0.0.1:",
    "SELECT",
    "/tmp/",
];

#[tokio::test]
async fn postgres_only_while_the_database_is_away_every_route_answers_503_and_the_server_recovers()
{
    postgres_only();
    let database = ThrowawayPostgres::create();
    let request_timeout = Duration::from_secs(10);
    let app = spawn_app_on(&database.url(), |s| {
        s.request_timeout_secs = request_timeout.as_secs()
    })
    .await;
    app.set_up().await;
    let key = api_key(&app, &app.client, "read").await;
    let admin = &app.client;
    let nobody = client();

    let page = |what, path: &str, client: &Client, needs_db| Ask {
        what,
        method: Method::GET,
        path: path.into(),
        client: client.clone(),
        bearer: None,
        server_fn: None,
        normally: StatusCode::OK,
        needs_db,
    };
    let server_fn = |what, endpoint: &str, client: &Client, form: &[(&'static str, &str)]| Ask {
        what,
        method: Method::POST,
        path: format!("/api/{endpoint}"),
        client: client.clone(),
        bearer: None,
        server_fn: Some(form.iter().map(|(k, v)| (*k, v.to_string())).collect()),
        normally: StatusCode::OK,
        needs_db: true,
    };
    let rest = |what, path: &str, needs_db| Ask {
        what,
        method: Method::GET,
        path: format!("/api/v1{path}"),
        client: client(),
        bearer: Some(key.clone()),
        server_fn: None,
        normally: StatusCode::OK,
        needs_db,
    };
    let admin_login = Credentials::admin();
    let asks = [
        page("home, signed in", "/", admin, true),
        page("home, signed out", "/", &nobody, false),
        page("sign-in page", "/login", &nobody, true),
        Ask {
            normally: StatusCode::NOT_FOUND,
            ..page("setup page, once set up", "/setup", &nobody, true)
        },
        page("V2MOM list", "/v2moms", admin, true),
        page("people", "/admin/people", admin, true),
        page("static file", "/favicon.ico", &nobody, false),
        server_fn(
            "sign in",
            "login",
            &client(),
            &[
                ("email", &admin_login.email),
                ("password", &admin_login.password),
            ],
        ),
        server_fn("who am I", "me", admin, &[]),
        server_fn("list V2MOMs", "v2moms", admin, &[]),
        server_fn("managers to choose from", "users/managers", admin, &[]),
        // A write, in a transaction of its own.
        server_fn("unlock an account", "users/unlock", admin, &[("id", "1")]),
        rest("REST V2MOMs", "/v2moms", true),
        rest("REST OpenAPI document", "/openapi.json", false),
        page("liveness", "/healthz", &nobody, false),
    ];

    for ask in &asks {
        let answer = ask.send(&app).await;
        assert_eq!(
            answer.status, ask.normally,
            "{} before the outage",
            ask.what
        );
    }
    assert_eq!(app.get("/readyz").await.status(), StatusCode::OK);

    database.stop();
    assert_eq!(
        app.get("/readyz").await.status(),
        StatusCode::SERVICE_UNAVAILABLE
    );
    let answers = futures_util::future::join_all(asks.iter().map(|ask| ask.send(&app))).await;
    for (ask, answer) in asks.iter().zip(&answers) {
        let what = ask.what;
        assert!(
            answer.took < request_timeout,
            "{what} took {:?}, longer than the request timeout",
            answer.took
        );
        for leak in LEAKS {
            assert!(
                !answer.body.contains(leak),
                "{what} leaked {leak:?}: {}",
                answer.body
            );
        }
        if !ask.needs_db {
            assert_eq!(answer.status, ask.normally, "{what} needs no database");
            continue;
        }
        assert_eq!(
            answer.status,
            StatusCode::SERVICE_UNAVAILABLE,
            "{what}: {}",
            answer.body
        );
        assert_eq!(
            answer.retry_after.as_deref(),
            Some("5"),
            "{what}: Retry-After"
        );
        assert!(
            answer.body.contains(&answer.request_id),
            "{what} quotes its request id {}: {}",
            answer.request_id,
            answer.body
        );
        if ask.server_fn.is_some() {
            let json: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
            assert_eq!(json["kind"], "unavailable", "{what}");
            assert_eq!(json["request_id"], answer.request_id.as_str(), "{what}");
        } else if ask.bearer.is_some() {
            assert_eq!(answer.content_type, "application/problem+json", "{what}");
            let problem: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
            assert_eq!(
                problem["type"], "/api/v1/docs#problem-unavailable",
                "{what}"
            );
        } else {
            assert!(answer.content_type.starts_with("text/html"), "{what}");
            assert!(
                answer.body.contains("temporarily unavailable"),
                "{what} says so: {}",
                answer.body
            );
        }
    }

    // Back again: the same server, not restarted, serves as before.
    database.start();
    assert_eq!(app.get("/readyz").await.status(), StatusCode::OK);
    for ask in &asks {
        let answer = ask.send(&app).await;
        assert_eq!(
            answer.status, ask.normally,
            "{} after the outage: {}",
            ask.what, answer.body
        );
    }
}
