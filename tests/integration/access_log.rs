//! The request log as an operator reads it: one JSON line per request from the real binary,
//! naming the route template, status, latency, request id and the person; sampled as
//! configured, failures always; never a query string. And `v2mom healthcheck`, the probe the
//! container image runs.

use crate::binary::Running;
use reqwest::{Client, StatusCode};
use serde_json::Value;
use std::process::Command;

const ADMIN: &str = "ada@acme.example";
const PASSWORD: &str = "quartz lantern meadow 42";

/// The access-log lines among `lines`, parsed.
fn requests(lines: &[String]) -> Vec<Value> {
    lines
        .iter()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .filter(|line| line["target"] == "v2mom::access")
        .collect()
}

fn is_request_to(line: &str, route: &str) -> bool {
    serde_json::from_str::<Value>(line)
        .is_ok_and(|v| v["target"] == "v2mom::access" && v["route"] == route)
}

/// A browser signed in as the administrator set up on a fresh server.
async fn signed_in_admin(public: &str) -> Client {
    let client = Client::builder().cookie_store(true).build().unwrap();
    for (path, form) in [
        (
            "setup",
            vec![
                ("organisation", "Acme"),
                ("name", "Ada Admin"),
                ("email", ADMIN),
                ("password", PASSWORD),
            ],
        ),
        ("login", vec![("email", ADMIN), ("password", PASSWORD)]),
    ] {
        let res = client
            .post(format!("http://{public}/api/{path}"))
            .header("sec-fetch-site", "same-origin")
            .form(&form)
            .send()
            .await
            .unwrap();
        assert!(res.status().is_success(), "{path}: {}", res.status());
    }
    client
}

fn healthcheck(dir: &std::path::Path, addr: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_v2mom"))
        .args(["healthcheck", "--addr", addr])
        .env_clear()
        .current_dir(dir)
        .output()
        .unwrap()
}

#[tokio::test]
async fn each_request_is_one_json_line_naming_route_status_request_id_and_person() {
    let dir = tempfile::tempdir().unwrap();
    let server = Running::start(dir.path(), &[("V2MOM_LOG_FORMAT", "json")]);
    let public = server.public.clone();
    let admin = signed_in_admin(&public).await;

    // Anonymous, with a token in the query string and an id in the path.
    let anonymous = Client::new()
        .get(format!("http://{public}/register?token=secret-token-1234"))
        .send()
        .await
        .unwrap();
    let anonymous_id = anonymous.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    let page = admin
        .get(format!("http://{public}/v2moms/4242"))
        .send()
        .await
        .unwrap();
    let page_id = page.headers()["x-request-id"].to_str().unwrap().to_owned();

    // An API key's holder is named too.
    let key = Command::new(env!("CARGO_BIN_EXE_v2mom"))
        .args([
            "api-key", "create", "--user", ADMIN, "--name", "logs", "--scope", "read",
        ])
        .env_clear()
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        key.status.success(),
        "{}",
        String::from_utf8_lossy(&key.stderr)
    );
    let token = String::from_utf8(key.stdout).unwrap().trim().to_owned();
    let api = Client::new()
        .get(format!("http://{public}/api/v1/periods"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(api.status(), StatusCode::OK);

    let lines = server.lines_until(|line| is_request_to(line, "/api/v1/periods"));
    let logged = requests(&lines);
    let line_of = |request_id: &str| {
        logged
            .iter()
            .find(|l| l["request_id"] == request_id)
            .unwrap_or_else(|| panic!("no line for {request_id} in {logged:#?}"))
    };

    let register = line_of(&anonymous_id);
    assert_eq!(register["message"], "request");
    assert_eq!(register["method"], "GET");
    assert_eq!(register["route"], "/register");
    assert_eq!(register["status"], anonymous.status().as_u16());
    assert!(
        register["latency_ms"].as_f64().is_some_and(|ms| ms > 0.0),
        "{register}"
    );
    assert!(register.get("user_id").is_none(), "{register}");

    let v2mom = line_of(&page_id);
    assert_eq!(v2mom["route"], "/v2moms/{id}");
    assert_eq!(v2mom["status"], page.status().as_u16());
    assert_eq!(v2mom["user_id"], 1, "{v2mom}");

    let periods = logged.last().unwrap();
    assert_eq!(periods["route"], "/api/v1/periods");
    assert_eq!(periods["user_id"], 1, "{periods}");

    // No token from a query string, no API key, no password anywhere in the log.
    let all = lines.join("\n");
    for secret in ["secret-token-1234", token.as_str(), PASSWORD] {
        assert!(!all.contains(secret), "{secret} in the log");
    }

    // The container's probe: silent and 0 while the server answers, even when the address
    // is the wildcard a container listens on; 1 with a reason once it is gone.
    let port = public.rsplit(':').next().unwrap();
    for addr in [public.clone(), format!("0.0.0.0:{port}")] {
        let probe = healthcheck(dir.path(), &addr);
        assert!(probe.status.success(), "{probe:?}");
        assert!(
            probe.stdout.is_empty() && probe.stderr.is_empty(),
            "{probe:?}"
        );
    }
    server.stop();
    let probe = healthcheck(dir.path(), &public);
    assert_eq!(probe.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&probe.stderr).contains("unhealthy"),
        "{probe:?}"
    );
}

#[tokio::test]
async fn successful_requests_are_sampled_and_failures_always_logged() {
    let dir = tempfile::tempdir().unwrap();
    let server = Running::start(
        dir.path(),
        &[
            ("V2MOM_LOG_FORMAT", "json"),
            ("V2MOM_ACCESS_LOG_SAMPLE", "0.25"),
        ],
    );
    let client = Client::new();
    let get = |path: &'static str| client.get(format!("http://{}{path}", server.public)).send();
    for _ in 0..8 {
        assert_eq!(get("/healthz").await.unwrap().status(), StatusCode::OK);
    }
    for _ in 0..3 {
        assert_eq!(
            get("/api/v1/periods").await.unwrap().status(),
            StatusCode::UNAUTHORIZED
        );
    }
    // A failure is always logged, and once its line is in, every earlier one is.
    let last = client
        .get(format!("http://{}/api/v1/nothing-here", server.public))
        .header("x-request-id", "the-last-one")
        .send()
        .await
        .unwrap();
    assert_eq!(last.status(), StatusCode::NOT_FOUND);
    let logged = requests(&server.lines_until(|line| line.contains("\"the-last-one\"")));
    let count = |route: &str| logged.iter().filter(|l| l["route"] == route).count();
    assert_eq!(count("/healthz"), 2, "{logged:#?}");
    assert_eq!(count("/api/v1/periods"), 3, "{logged:#?}");
}
