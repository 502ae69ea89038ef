//! The REST API, `/api/v1`, as a script would use it: bearer keys, problem answers, versions
//! with `ETag` / `If-Match`, cursor pages, rate limits, and the OpenAPI document.

use crate::{
    helpers::{TestApp, client, header, spawn_app, spawn_app_with},
    people::{accept, invite, organisation},
    v2moms::current_period,
};
use reqwest::{Client, Method, RequestBuilder, Response, StatusCode};
use serde_json::{Value, json};

/// A new API key of the person signed in on `browser`, with `scopes` (`read,write`).
pub async fn api_key(app: &TestApp, browser: &Client, scopes: &str) -> String {
    let fields: Vec<String> = scopes.split(',').map(|s| format!("scope_{s}")).collect();
    let mut form = vec![("name", "script")];
    form.extend(fields.iter().map(|f| (f.as_str(), "on")));
    let res = app.call_as(browser, "api_keys/create", &form).await;
    assert_eq!(res.status(), StatusCode::OK, "create key");
    let created: Value = res.json().await.unwrap();
    created["token"]
        .as_str()
        .expect("the token, once")
        .to_owned()
}

/// A request to `/api/v1{path}` with `key`, from a client without cookies.
pub fn api(app: &TestApp, method: Method, path: &str, key: &str) -> RequestBuilder {
    client()
        .request(method, app.url(&format!("/api/v1{path}")))
        .bearer_auth(key)
}

async fn json(res: Response) -> Value {
    res.json().await.expect("a JSON body")
}

/// Sends `request` and reads the JSON body of its answer, whatever the status.
pub async fn json_of(request: RequestBuilder) -> Value {
    json(request.send().await.expect("an answer")).await
}

/// The answer is a problem of `type` `slug` with `status`.
async fn assert_problem(res: Response, status: StatusCode, slug: &str) -> Value {
    assert_eq!(res.status(), status, "status");
    assert_eq!(
        header(res.headers(), "content-type"),
        "application/problem+json"
    );
    let problem = json(res).await;
    assert_eq!(problem["type"], format!("/api/v1/docs#problem-{slug}"));
    assert_eq!(problem["status"], status.as_u16());
    assert!(problem["request_id"].is_string(), "{problem}");
    problem
}

/// `POST /api/v1/v2moms` for `owner`'s V2MOM in `period`.
async fn start(app: &TestApp, key: &str, owner: i64, period: i64) -> Response {
    api(app, Method::POST, "/v2moms", key)
        .json(&json!({ "owner_id": owner, "period_id": period, "copy_from": null }))
        .send()
        .await
        .unwrap()
}

pub fn content(vision: &str) -> Value {
    json!({
        "title": "Grow the business",
        "vision": vision,
        "values": [{ "name": "Customers first", "description": "" }],
        "methods": [{
            "title": "Open two offices",
            "description": "",
            "obstacles": ["Hiring"],
            "measures": [{ "description": "Offices open", "kind": "number", "start": 0,
                "target": 2, "unit": "offices", "direction": "up", "due_on": "2027-12-31" }],
        }],
    })
}

#[tokio::test]
async fn without_a_valid_key_every_operation_answers_401_and_never_a_cookie() {
    let app = spawn_app().await;
    let (_, manager, _, _) = organisation(&app).await;
    // A signed-in browser's cookies count for nothing here.
    let res = manager.get(app.url("/api/v1/me")).send().await.unwrap();
    assert_eq!(header(res.headers(), "www-authenticate"), "Bearer");
    assert_problem(res, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    for key in ["", "v2mom_0000", "not even close"] {
        let res = api(&app, Method::GET, "/v2moms", key).send().await.unwrap();
        assert!(res.headers().get("set-cookie").is_none());
        assert_problem(res, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    }
    let res = client()
        .put(app.url("/api/v1/v2moms/1"))
        .json(&content("x"))
        .send()
        .await
        .unwrap();
    assert_problem(res, StatusCode::UNAUTHORIZED, "unauthenticated").await;
}

#[tokio::test]
async fn a_key_acts_as_its_user_with_its_scopes() {
    let app = spawn_app().await;
    let (manager_id, manager, _, _) = organisation(&app).await;
    let key = api_key(&app, &manager, "read").await;
    let res = api(&app, Method::GET, "/me", &key).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers().get("set-cookie").is_none(), "no session");
    assert_eq!(header(res.headers(), "ratelimit-limit"), "600");
    let me = json(res).await;
    assert_eq!(me["id"], manager_id);
    assert_eq!(me["role"], "manager");
    assert_eq!(me["scopes"], json!(["read"]));
    // Reading is in scope, starting a V2MOM is not.
    let period = current_period(&app).await;
    let res = start(&app, &key, manager_id, period).await;
    assert_problem(res, StatusCode::FORBIDDEN, "forbidden").await;
    assert!(app.db.v2mom_of(manager_id, period).await.unwrap().is_none());
}

#[tokio::test]
async fn a_script_starts_edits_publishes_and_reads_a_v2mom() {
    let app = spawn_app().await;
    let (manager_id, manager, _, employee) = organisation(&app).await;
    let period = current_period(&app).await;
    let key = api_key(&app, &manager, "read,write").await;

    let res = start(&app, &key, manager_id, period).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let location = header(res.headers(), "location").to_owned();
    assert_eq!(header(res.headers(), "etag"), "\"1\"");
    let created = json(res).await;
    let id = created["id"].as_i64().unwrap();
    assert_eq!(location, format!("/api/v1/v2moms/{id}"));
    assert_eq!(created["status"], "draft");
    assert!(
        chrono::DateTime::parse_from_rfc3339(created["updated_at"].as_str().unwrap()).is_ok(),
        "times are RFC 3339: {}",
        created["updated_at"]
    );

    // Starting it again names the one there is.
    let res = start(&app, &key, manager_id, period).await;
    assert_eq!(header(res.headers(), "location"), location);
    assert_problem(res, StatusCode::CONFLICT, "refused").await;

    let path = format!("/v2moms/{id}");
    // A replacement must name the version it starts from.
    let res = api(&app, Method::PUT, &path, &key)
        .json(&content("Without a version"))
        .send()
        .await
        .unwrap();
    assert_problem(
        res,
        StatusCode::PRECONDITION_REQUIRED,
        "precondition-required",
    )
    .await;
    let res = api(&app, Method::PUT, &path, &key)
        .header("if-match", "\"1\"")
        .json(&content("A company everyone is proud of"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(header(res.headers(), "etag"), "\"2\"");
    assert_eq!(
        json(res).await["content"]["vision"],
        "A company everyone is proud of"
    );
    // The same version again has gone stale: nothing is overwritten.
    let res = api(&app, Method::PUT, &path, &key)
        .header("if-match", "\"1\"")
        .json(&content("Lost update"))
        .send()
        .await
        .unwrap();
    assert_problem(res, StatusCode::PRECONDITION_FAILED, "precondition-failed").await;
    let stored = app.db.v2mom(id).await.unwrap().unwrap();
    assert_eq!(stored.content.vision, "A company everyone is proud of");

    // Unchanged since the ETag: 304.
    let res = api(&app, Method::GET, &path, &key)
        .header("if-none-match", "\"2\"")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(header(res.headers(), "etag"), "\"2\"");

    // Nobody approves their own V2MOM.
    let res = api(&app, Method::POST, &format!("{path}/transitions"), &key)
        .json(&json!({ "change": "approve" }))
        .send()
        .await
        .unwrap();
    assert_problem(res, StatusCode::FORBIDDEN, "forbidden").await;
    let res = api(&app, Method::POST, &format!("{path}/transitions"), &key)
        .header("if-match", "\"2\"")
        .json(&json!({ "change": "publish" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let published = json(res).await;
    assert_eq!(published["status"], "published");
    // A move that does not apply from here is refused with its reason.
    let res = api(&app, Method::POST, &format!("{path}/transitions"), &key)
        .json(&json!({ "change": "submit" }))
        .send()
        .await
        .unwrap();
    let problem = assert_problem(res, StatusCode::CONFLICT, "refused").await;
    assert!(
        problem["detail"].as_str().unwrap().contains("cannot take"),
        "{problem}"
    );

    let res = api(&app, Method::GET, &format!("{path}/revisions"), &key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let revisions = json(res).await;
    assert!(revisions.as_array().unwrap().len() >= 2, "{revisions}");
    let res = api(&app, Method::GET, &format!("{path}/revisions/2"), &key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        json(res).await["content"]["vision"],
        "A company everyone is proud of"
    );

    // The report reads the published V2MOM through the API too, and the tree shows it.
    let reader = api_key(&app, &employee, "read").await;
    let res = api(&app, Method::GET, &path, &reader).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let res = api(
        &app,
        Method::GET,
        &format!("/alignment?period={period}"),
        &reader,
    )
    .send()
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let tree = json(res).await;
    assert!(
        tree["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["v2mom"]["id"] == id),
        "{tree}"
    );
}

#[tokio::test]
async fn what_the_caller_may_not_read_does_not_exist_for_them() {
    let app = spawn_app().await;
    let (manager_id, manager, employee_id, employee) = organisation(&app).await;
    let period = current_period(&app).await;
    let (_, token) = invite(&app, "olga@acme.example", "Olga Other", "employee", None).await;
    let outsider = accept(&app, &token).await;
    let writer = api_key(&app, &manager, "read,write").await;
    let res = start(&app, &writer, manager_id, period).await;
    let draft = json(res).await["id"].as_i64().unwrap();

    // The manager's draft, as their report and as an outsider: like an id that is not there.
    for browser in [&employee, &outsider] {
        let key = api_key(&app, browser, "read,write").await;
        for path in [
            format!("/v2moms/{draft}"),
            format!("/v2moms/{draft}/revisions"),
        ] {
            let res = api(&app, Method::GET, &path, &key).send().await.unwrap();
            assert_problem(res, StatusCode::NOT_FOUND, "not-found").await;
        }
        let res = api(&app, Method::PUT, &format!("/v2moms/{draft}"), &key)
            .header("if-match", "*")
            .json(&content("Mine now"))
            .send()
            .await
            .unwrap();
        assert_problem(res, StatusCode::NOT_FOUND, "not-found").await;
        let res = api(&app, Method::GET, "/v2moms/999999", &key)
            .send()
            .await
            .unwrap();
        assert_problem(res, StatusCode::NOT_FOUND, "not-found").await;
        // Nor may they start the manager's.
        let res = start(&app, &key, manager_id, period).await;
        assert_problem(res, StatusCode::FORBIDDEN, "forbidden").await;
    }
    assert_eq!(app.db.v2mom(draft).await.unwrap().unwrap().version, 1);

    // People: the employee sees themselves and their manager, not the outsider.
    let key = api_key(&app, &employee, "read").await;
    let res = api(&app, Method::GET, "/users", &key).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let ids: Vec<i64> = json(res)
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_i64().unwrap())
        .collect();
    assert!(
        ids.contains(&employee_id) && ids.contains(&manager_id),
        "{ids:?}"
    );
    assert_eq!(ids.len(), 2, "{ids:?}");
    let res = api(&app, Method::GET, &format!("/users/{manager_id}"), &key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let res = api(&app, Method::GET, "/users/1", &key)
        .send()
        .await
        .unwrap();
    assert_problem(res, StatusCode::NOT_FOUND, "not-found").await;
}

#[tokio::test]
async fn bad_input_is_a_problem_with_the_field_never_a_500() {
    let app = spawn_app().await;
    let (manager_id, manager, _, _) = organisation(&app).await;
    let period = current_period(&app).await;
    let key = api_key(&app, &manager, "read,write").await;
    let res = start(&app, &key, manager_id, period).await;
    let id = json(res).await["id"].as_i64().unwrap();

    let res = api(&app, Method::GET, "/v2moms/not-a-number", &key)
        .send()
        .await
        .unwrap();
    assert_problem(res, StatusCode::BAD_REQUEST, "bad-request").await;
    let res = api(&app, Method::GET, "/v2moms?limit=101", &key)
        .send()
        .await
        .unwrap();
    let problem = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid").await;
    assert_eq!(problem["errors"][0]["field"], "limit");
    let res = api(&app, Method::GET, "/v2moms?limit=-1", &key)
        .send()
        .await
        .unwrap();
    assert_problem(res, StatusCode::BAD_REQUEST, "bad-request").await;
    let res = api(&app, Method::GET, "/v2moms?cursor=abc", &key)
        .send()
        .await
        .unwrap();
    assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid").await;

    let path = format!("/v2moms/{id}");
    let res = api(&app, Method::PUT, &path, &key)
        .header("if-match", "*")
        .header("content-type", "application/json")
        .body("{ not json")
        .send()
        .await
        .unwrap();
    assert_problem(res, StatusCode::BAD_REQUEST, "bad-request").await;
    let res = api(&app, Method::PUT, &path, &key)
        .header("if-match", "*")
        .body(content("x").to_string())
        .send()
        .await
        .unwrap();
    assert_problem(
        res,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported-media-type",
    )
    .await;
    let res = api(&app, Method::PUT, &path, &key)
        .header("if-match", "*")
        .json(&json!({ "vision": 7 }))
        .send()
        .await
        .unwrap();
    assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid").await;
    let res = api(&app, Method::PUT, &path, &key)
        .header("if-match", "*")
        .json(&content(&"x".repeat(20_000)))
        .send()
        .await
        .unwrap();
    let problem = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid").await;
    assert_eq!(problem["errors"][0]["field"], "vision", "{problem}");

    let res = api(&app, Method::DELETE, &path, &key).send().await.unwrap();
    assert_problem(res, StatusCode::METHOD_NOT_ALLOWED, "method-not-allowed").await;
    let res = api(&app, Method::GET, "/no-such-thing", &key)
        .send()
        .await
        .unwrap();
    assert_problem(res, StatusCode::NOT_FOUND, "not-found").await;
    assert_eq!(app.db.v2mom(id).await.unwrap().unwrap().version, 1);
}

#[tokio::test]
async fn lists_page_with_a_cursor_and_filter() {
    let app = spawn_app().await;
    let (manager_id, manager, employee_id, _) = organisation(&app).await;
    let period = current_period(&app).await;
    let key = api_key(&app, &manager, "read,write").await;
    let (third, token) = invite(
        &app,
        "tom@acme.example",
        "Tom Third",
        "employee",
        Some(manager_id),
    )
    .await;
    accept(&app, &token).await;
    let mut ids = Vec::new();
    for owner in [manager_id, employee_id, third] {
        let res = start(&app, &key, owner, period).await;
        assert_eq!(res.status(), StatusCode::CREATED);
        ids.push(json(res).await["id"].as_i64().unwrap());
    }
    let res = api(&app, Method::GET, "/v2moms?limit=2", &key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let first = json(res).await;
    let seen: Vec<i64> = first["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["id"].as_i64().unwrap())
        .collect();
    assert_eq!(seen, ids[..2]);
    let cursor = first["next_cursor"].as_str().expect("more to come");
    let res = api(
        &app,
        Method::GET,
        &format!("/v2moms?limit=2&cursor={cursor}"),
        &key,
    )
    .send()
    .await
    .unwrap();
    let rest = json(res).await;
    assert_eq!(rest["items"][0]["id"], ids[2]);
    assert_eq!(rest["items"].as_array().unwrap().len(), 1);
    assert!(rest["next_cursor"].is_null());
    let res = api(
        &app,
        Method::GET,
        &format!("/v2moms?owner={employee_id}&status=draft"),
        &key,
    )
    .send()
    .await
    .unwrap();
    let mine = json(res).await;
    assert_eq!(mine["items"].as_array().unwrap().len(), 1);
    assert_eq!(mine["items"][0]["owner"]["id"], employee_id);
}

#[tokio::test]
async fn each_key_has_its_own_request_limit() {
    let app = spawn_app_with(|s| s.api_rate_limit_per_minute = 2).await;
    let (_, manager, _, employee) = organisation(&app).await;
    let key = api_key(&app, &manager, "read").await;
    for remaining in ["1", "0"] {
        let res = api(&app, Method::GET, "/me", &key).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(header(res.headers(), "ratelimit-remaining"), remaining);
    }
    let res = api(&app, Method::GET, "/me", &key).send().await.unwrap();
    let retry: u64 = header(res.headers(), "retry-after").parse().unwrap();
    assert!((1..=60).contains(&retry), "{retry}");
    assert_eq!(header(res.headers(), "ratelimit-remaining"), "0");
    assert_problem(res, StatusCode::TOO_MANY_REQUESTS, "rate-limited").await;
    // Another key is not held back.
    let other = api_key(&app, &employee, "read").await;
    let res = api(&app, Method::GET, "/me", &other).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
}

/// The operations the API promises; a route added without its place in the document, or a
/// documented one that is not served, fails here.
#[tokio::test]
async fn every_route_is_in_the_openapi_document_and_served() {
    let app = spawn_app().await;
    let (_, manager, _, _) = organisation(&app).await;
    let key = api_key(&app, &manager, "read").await;
    let res = client()
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let doc = json(res).await;
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        doc["openapi"]
    );
    let mut operations: Vec<String> = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            operations.push(format!("{} {path}", method.to_uppercase()));
            assert!(
                item[method]["responses"]["401"].is_object(),
                "{method} {path} documents 401"
            );
            // Served: the key's scope or a missing body may refuse it, but the route exists.
            let concrete = path
                .replace("{id}", "1")
                .replace("{number}", "1")
                .replace("{measure_id}", "1")
                .replace("{delivery_id}", "1");
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            let res = api(&app, method.clone(), &concrete, &key)
                .send()
                .await
                .unwrap();
            assert_ne!(
                res.status(),
                StatusCode::METHOD_NOT_ALLOWED,
                "{method} {path}"
            );
            if res.status() == StatusCode::NOT_FOUND {
                let problem = json(res).await;
                assert_ne!(problem["detail"], "", "{method} {path}");
            }
        }
    }
    operations.sort();
    assert_eq!(
        operations,
        [
            "DELETE /v2moms/{id}/amendment",
            "DELETE /webhooks/{id}",
            "GET /alignment",
            "GET /events",
            "GET /me",
            "GET /me/export",
            "GET /organisation",
            "GET /periods",
            "GET /team/progress",
            "GET /users",
            "GET /users/{id}",
            "GET /v2moms",
            "GET /v2moms/{id}",
            "GET /v2moms/{id}/export.csv",
            "GET /v2moms/{id}/export.json",
            "GET /v2moms/{id}/export.md",
            "GET /v2moms/{id}/measures/{measure_id}/check-ins",
            "GET /v2moms/{id}/revisions",
            "GET /v2moms/{id}/revisions/{number}",
            "GET /webhooks",
            "GET /webhooks/{id}/deliveries",
            "POST /periods/{id}/close",
            "POST /users/{id}/erase",
            "POST /v2moms",
            "POST /v2moms/{id}/measures/{measure_id}/check-ins",
            "POST /v2moms/{id}/transitions",
            "POST /webhooks",
            "POST /webhooks/{id}/deliveries/{delivery_id}/retry",
            "PUT /v2moms/{id}",
        ]
    );
    let page = client().get(app.url("/api/v1/docs")).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("PUT /api/v1/v2moms/{id}"));
    assert!(html.contains("id=\"problem-precondition-failed\""));
}
