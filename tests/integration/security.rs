use crate::helpers::{header, spawn_app, spawn_app_with};
use reqwest::StatusCode;
use serde_json::Value;

/// Every response, whatever produced it, carries the same protective headers.
fn assert_security_headers(headers: &reqwest::header::HeaderMap, what: &str) {
    let csp = header(headers, "content-security-policy");
    for directive in [
        "default-src 'self'",
        "'nonce-",
        "'wasm-unsafe-eval'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
        "form-action 'self'",
    ] {
        assert!(
            csp.contains(directive),
            "{what}: CSP lacks {directive}: {csp}"
        );
    }
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"),
        "{what}: {csp}"
    );
    assert_eq!(
        header(headers, "x-content-type-options"),
        "nosniff",
        "{what}"
    );
    assert_eq!(header(headers, "referrer-policy"), "same-origin", "{what}");
    assert_eq!(
        header(headers, "cross-origin-opener-policy"),
        "same-origin",
        "{what}"
    );
    assert_eq!(
        header(headers, "cross-origin-resource-policy"),
        "same-origin",
        "{what}"
    );
    assert!(
        headers.get("x-request-id").is_some(),
        "{what}: no request id"
    );
}

#[tokio::test]
async fn security_headers_on_pages_server_functions_static_files_and_errors() {
    let app = spawn_app().await;
    app.set_up().await;
    let page = app.get("/").await;
    assert_eq!(page.status(), StatusCode::OK);
    assert_security_headers(page.headers(), "page");

    let server_fn = app.call("status", &[]).await;
    assert_eq!(server_fn.status(), StatusCode::OK);
    assert_security_headers(server_fn.headers(), "server function");

    let file = app.get("/favicon.ico").await;
    assert_eq!(file.status(), StatusCode::OK);
    assert_security_headers(file.headers(), "static file");

    let missing = app.get("/no-such-page").await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_security_headers(missing.headers(), "404 page");

    assert_security_headers(app.get("/healthz").await.headers(), "health probe");
}

#[tokio::test]
async fn what_is_personal_is_never_stored_and_the_rest_is_checked_again_before_use() {
    let app = spawn_app().await;
    app.set_up().await;
    let cache = |res: &reqwest::Response| header(res.headers(), "cache-control").to_owned();
    // Signed in (this client holds the administrator's session): pages and data.
    assert_eq!(cache(&app.get("/").await), "no-store", "a page");
    assert_eq!(
        cache(&app.call("v2moms/home", &[]).await),
        "no-store",
        "data"
    );
    let missing = app.get("/no-such-page").await;
    assert_eq!(cache(&missing), "no-store", "a 404 page");
    // Static files, even to someone signed in, and anything to a visitor.
    assert_eq!(cache(&app.get("/favicon.ico").await), "no-cache", "a file");
    let visitor = crate::helpers::client();
    let login = visitor.get(app.url("/login")).send().await.unwrap();
    assert_eq!(cache(&login), "no-cache", "the sign-in page");
}

#[tokio::test]
async fn each_response_gets_its_own_nonce() {
    let app = spawn_app().await;
    app.set_up().await;
    let first = app.get("/").await;
    let second = app.get("/").await;
    assert_ne!(
        header(first.headers(), "content-security-policy"),
        header(second.headers(), "content-security-policy")
    );
}

#[tokio::test]
async fn hsts_only_when_the_public_url_is_https() {
    let plain = spawn_app().await;
    assert!(
        plain
            .get("/")
            .await
            .headers()
            .get("strict-transport-security")
            .is_none()
    );

    let https = spawn_app_with(|s| s.public_url = Some("https://v2mom.example".into())).await;
    let res = https.get("/").await;
    assert!(header(res.headers(), "strict-transport-security").contains("max-age="));
}

#[tokio::test]
async fn cross_site_posts_to_server_functions_are_refused() {
    let app = spawn_app().await;
    let url = app.url("/api/status");
    for (name, value) in [
        ("sec-fetch-site", "cross-site"),
        ("sec-fetch-site", "same-site"),
        ("origin", "https://evil.example"),
    ] {
        let res = app
            .client
            .post(&url)
            .header(name, value)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{name}: {value}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["kind"], "forbidden");
    }
}

#[tokio::test]
async fn same_origin_posts_pass() {
    let app = spawn_app().await;
    let url = app.url("/api/status");
    let origin = format!("http://{}", app.addr);
    for (name, value) in [
        ("sec-fetch-site", "same-origin"),
        ("origin", origin.as_str()),
    ] {
        let res = app
            .client
            .post(&url)
            .header(name, value)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{name}: {value}");
    }
}

#[tokio::test]
async fn oversized_bodies_are_refused_with_413() {
    let app = spawn_app().await;
    let two_mib = "a".repeat(2 * 1024 * 1024);
    let res = app
        .client
        .post(app.url("/api/status"))
        .header("sec-fetch-site", "same-origin")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("x={two_mib}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn a_server_function_body_that_is_not_utf8_is_a_bad_request() {
    let app = spawn_app().await;
    app.set_up().await;
    for accept in ["application/json", "text/html"] {
        let res = app
            .client
            .post(app.url("/api/periods/create"))
            .header("sec-fetch-site", "same-origin")
            .header("accept", accept)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(b"name=\xff\xfe&starts_on=\xc0\x80".to_vec())
            .send()
            .await
            .unwrap();
        let status = res.status();
        let body = res.text().await.unwrap();
        if accept == "application/json" {
            assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
            assert!(body.contains("bad_request"), "{body}");
        } else {
            // Without JavaScript the error goes back to the form, as for any other error.
            assert!(status.is_redirection(), "{status}: {body}");
        }
    }
}

#[tokio::test]
async fn request_ids_are_made_kept_or_replaced() {
    let app = spawn_app().await;
    let answered_id = |sent: Option<String>| {
        let mut req = app.client.get(app.url("/healthz"));
        if let Some(id) = sent {
            req = req.header("x-request-id", id);
        }
        async move { header(req.send().await.unwrap().headers(), "x-request-id").to_owned() }
    };

    let made = answered_id(None).await;
    assert!(uuid::Uuid::parse_str(&made).is_ok(), "{made}");
    assert_eq!(answered_id(Some("lb-1234.abc".into())).await, "lb-1234.abc");
    let hostile = "x".repeat(65);
    assert_ne!(answered_id(Some(hostile.clone())).await, hostile);
}

#[tokio::test]
async fn pages_are_compressed_when_the_client_accepts_it() {
    let app = spawn_app().await;
    app.set_up().await;
    for encoding in ["br", "gzip"] {
        let res = app
            .client
            .get(app.url("/"))
            .header("accept-encoding", encoding)
            .send()
            .await
            .unwrap();
        assert_eq!(header(res.headers(), "content-encoding"), encoding);
    }
}
