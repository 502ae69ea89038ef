//! Fuzzing: every server function and every `/api/v1` operation called with generated
//! hostile input, as each role and as nobody. Any 5xx fails, and so does any answer that
//! names an internal detail (SQL, a source path, a panic).
//!
//! Seeded and bounded: `FUZZ_SEED` (default 21) and `FUZZ_CASES` (per test, default
//! [`DEFAULT_CASES`]); `make fuzz` runs many more on both backends. The same seed sends
//! the same requests in the same order, so a failure printed here can be replayed.

pub mod forms;
mod oracle;
mod org;
mod rest;
mod values;

use crate::{helpers::TestApp, rest::api_key};
use forms::{Accept, Body, FORM, SERVER_FNS};
use oracle::{Failures, cut};
use org::{REFRESH_EVERY, current_versions, organisation, restore};
use proptest::{
    strategy::{Strategy, ValueTree},
    test_runner::{Config, RngAlgorithm, TestRng, TestRunner},
};
use reqwest::{Client, Method, RequestBuilder, StatusCode};
use serde_json::Value;
use std::time::Instant;
use values::Known;

/// Cases per test when `FUZZ_CASES` is not set: under a minute per test and backend in a
/// debug build on two cores (SQLite about 40 s, PostgreSQL about 50 s for the server
/// functions; the REST test takes a third of that).
const DEFAULT_CASES: usize = 4000;

/// A proptest runner seeded from `FUZZ_SEED`, and the number of cases to run.
fn runner() -> (TestRunner, u64, usize) {
    let seed: u64 = env_number("FUZZ_SEED").unwrap_or(21);
    let cases = env_number("FUZZ_CASES").unwrap_or(DEFAULT_CASES as u64) as usize;
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &bytes);
    (
        TestRunner::new_with_rng(Config::default(), rng),
        seed,
        cases,
    )
}

/// `FUZZ_VERBOSE=1` prints every request and its status, not only the failures.
fn verbose() -> bool {
    std::env::var_os("FUZZ_VERBOSE").is_some()
}

fn env_number(name: &str) -> Option<u64> {
    let value = std::env::var(name).ok()?;
    Some(
        value
            .parse()
            .unwrap_or_else(|_| panic!("{name} must be a whole number, not {value:?}")),
    )
}

fn draw<S: Strategy>(runner: &mut TestRunner, strategy: &S) -> S::Value {
    strategy
        .new_tree(runner)
        .expect("the generators reject nothing")
        .current()
}

#[tokio::test]
async fn fuzz_table_names_every_server_function() {
    let missing = forms::missing_from_table();
    assert!(
        missing.is_empty(),
        "server functions without an entry in SERVER_FNS (tests/integration/fuzz/forms.rs): \
         {missing:?}; add each with its arguments so the fuzz test calls it"
    );
    let stale = forms::stale_in_table();
    assert!(
        stale.is_empty(),
        "SERVER_FNS names paths Leptos does not serve (renamed or removed?): {stale:?}"
    );
}

#[tokio::test]
async fn fuzz_server_functions_never_fail_or_leak() {
    let mut org = organisation().await;
    let started = Instant::now();
    let (mut runner, seed, cases) = runner();
    let bodies_for =
        |known: &Known| -> Vec<_> { SERVER_FNS.iter().map(|f| forms::body(f, known)).collect() };
    let mut bodies = bodies_for(&org.known);
    let accept = forms::accept();
    let mut failures = Failures::default();
    // Round robin over (function, person) so a short run still reaches every pair.
    let callers = org.people.len() + 1;
    for case in 0..cases {
        if case > 0 && case % REFRESH_EVERY == 0 {
            org.known.versions = current_versions(&org.app, &org.known).await;
            bodies = bodies_for(&org.known);
        }
        let f = &SERVER_FNS[case % SERVER_FNS.len()];
        let who = (case / SERVER_FNS.len()) % callers;
        let (role, client) = match org.people.get(who) {
            Some(p) => (p.role, &p.client),
            None => ("nobody", &org.nobody),
        };
        let body = draw(&mut runner, &bodies[case % SERVER_FNS.len()]);
        let accept = draw(&mut runner, &accept);
        let (request, sent) = server_fn_request(&org.app, client, f.path, accept, &body);
        let res = request.send().await;
        let described = format!(
            "case {case}: POST {} as {role}, accept {accept:?}, body {}",
            f.path,
            cut(&sent, 300)
        );
        let res = res.unwrap_or_else(|e| panic!("no answer to {described}: {e}"));
        let status = res.status();
        let answer = body_of(res).await;
        failures.judge(&described, &sent, status, &answer);
        if verbose() {
            eprintln!("{status} {described}");
        }
        if f.disrupts {
            restore(&org, !status.is_client_error()).await;
        }
    }
    for person in &org.people {
        assert_eq!(
            org.app.who_is(&person.client).await.as_deref(),
            Some(person.email.as_str()),
            "{} is still signed in",
            person.role
        );
    }
    assert_eq!(org.app.who_is(&org.nobody).await, None, "nobody is nobody");
    eprintln!(
        "fuzz: {cases} server function calls, FUZZ_SEED={seed}, {:.1} s",
        started.elapsed().as_secs_f64()
    );
    failures.assert_none("server function calls", seed, cases);
}

/// The request for one server function call, and what it sends as text (for the report
/// and the oracle).
fn server_fn_request(
    app: &TestApp,
    client: &Client,
    path: &str,
    accept: Accept,
    body: &Body,
) -> (RequestBuilder, String) {
    let mut request = client
        .post(app.url(path))
        .header("sec-fetch-site", "same-origin");
    if let Some(value) = accept.header() {
        request = request.header("accept", value);
    }
    if matches!(accept, Accept::Html) {
        request = request.header("referer", app.url("/somewhere"));
    }
    match body {
        Body::Form(fields) => {
            let mut form = url::form_urlencoded::Serializer::new(String::new());
            form.extend_pairs(fields);
            let sent = fields
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("&");
            (
                request.header("content-type", FORM).body(form.finish()),
                sent,
            )
        }
        Body::Raw {
            bytes,
            content_type,
        } => {
            if let Some(ct) = content_type {
                request = request.header("content-type", *ct);
            }
            let sent = format!(
                "[{}] {}",
                content_type.unwrap_or("no content type"),
                String::from_utf8_lossy(bytes)
            );
            (request.body(bytes.clone()), sent)
        }
    }
}

#[tokio::test]
async fn fuzz_rest_api_never_fails_or_leaks() {
    let mut org = organisation().await;
    let doc: Value = org
        .app
        .get("/api/v1/openapi.json")
        .await
        .json()
        .await
        .expect("the OpenAPI document");
    // Erasing one of the fuzz's own people would end their keys for the rest of the run;
    // tests/integration/erasure.rs covers erasure through the API.
    let operations: Vec<_> = rest::operations(&doc)
        .into_iter()
        .filter(|op| !op.path.ends_with("/erase"))
        .collect();
    assert!(operations.len() >= 10, "operations: {}", operations.len());
    let mut keys: Vec<(&str, Option<String>)> = Vec::new();
    for person in &org.people {
        let scopes = if person.role == "admin" {
            "read,write,admin"
        } else {
            "read,write"
        };
        keys.push((
            person.role,
            Some(api_key(&org.app, &person.client, scopes).await),
        ));
    }
    keys.push(("nobody", None));
    keys.push(("a made-up key", Some(format!("v2mom_{}", "0".repeat(64)))));

    let started = Instant::now();
    let (mut runner, seed, cases) = runner();
    let requests_for = |known: &Known| -> Vec<_> {
        operations
            .iter()
            .map(|op| rest::request(op, &doc, known))
            .collect()
    };
    let mut requests = requests_for(&org.known);
    let mut failures = Failures::default();
    for case in 0..cases {
        if case > 0 && case % REFRESH_EVERY == 0 {
            org.known.versions = current_versions(&org.app, &org.known).await;
            requests = requests_for(&org.known);
        }
        let op = case % operations.len();
        let (role, key) = &keys[(case / operations.len()) % keys.len()];
        let request = draw(&mut runner, &requests[op]);
        let method = Method::from_bytes(request.method.as_bytes()).unwrap();
        let mut builder = org
            .nobody
            .request(method, org.app.url(&format!("/api/v1{}", request.path)));
        if let Some(key) = key {
            builder = builder.bearer_auth(key);
        }
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        let body = request.body.clone().unwrap_or_default();
        let decoded_path = url::form_urlencoded::parse(request.path.as_bytes())
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&");
        let sent = format!(
            "{} {:?} {}",
            decoded_path,
            request.headers,
            String::from_utf8_lossy(&body)
        );
        if request.body.is_some() {
            builder = builder.body(body);
        }
        let described = format!(
            "case {case}: {} /api/v1{} as {role}, headers {:?}, body {}",
            request.method,
            cut(&request.path, 300),
            request.headers,
            cut(
                &String::from_utf8_lossy(request.body.as_deref().unwrap_or_default()),
                300
            )
        );
        let res = builder
            .send()
            .await
            .unwrap_or_else(|e| panic!("no answer to {described}: {e}"));
        let status = res.status();
        let answer = body_of(res).await;
        failures.judge(&described, &sent, status, &answer);
        if verbose() {
            eprintln!("{status} {described}");
        }
    }
    for (role, key) in keys.iter().take(org.people.len()) {
        let res = org
            .nobody
            .get(org.app.url("/api/v1/me"))
            .bearer_auth(key.as_deref().unwrap())
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{role}'s key still works");
    }
    eprintln!(
        "fuzz: {cases} REST requests, FUZZ_SEED={seed}, {:.1} s",
        started.elapsed().as_secs_f64()
    );
    failures.assert_none("REST requests", seed, cases);
}

/// The body of an answer to judge. A live stream (`GET /events`) does not end: it is judged
/// by its status alone, and dropping it closes it.
async fn body_of(res: reqwest::Response) -> Vec<u8> {
    let streams = res
        .headers()
        .get("content-type")
        .is_some_and(|kind| kind == "text/event-stream");
    match streams {
        true => Vec::new(),
        false => res.bytes().await.map(|b| b.to_vec()).unwrap_or_default(),
    }
}
