use crate::helpers::{client, header, spawn_app};
use reqwest::StatusCode;
use serde_json::Value;

#[tokio::test]
async fn the_landing_page_is_rendered_on_the_server() {
    let app = spawn_app().await;
    app.set_up().await;
    // Visitors who are not signed in get the landing page; the signed-in, their V2MOM.
    let signed_in = app.get("/").await.text().await.unwrap();
    assert!(signed_in.contains("No current planning period is set yet."));
    let res = client().get(app.url("/")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    for text in [
        "Plan, align and track with V2MOM",
        "The five questions",
        "Vision",
        "Values",
        "Methods",
        "Obstacles",
        "Measures",
        "Your vision in one sentence",
        "Check server status",
    ] {
        assert!(html.contains(text), "missing {text:?}");
    }
}

#[tokio::test]
async fn hydration_scripts_carry_the_nonce_the_policy_allows() {
    let app = spawn_app().await;
    app.set_up().await;
    let res = app.get("/").await;
    let csp = header(res.headers(), "content-security-policy").to_owned();
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("nonce in CSP")
        .to_owned();
    let html = res.text().await.unwrap();
    assert!(
        html.contains("import('/pkg/v2mom.") && html.contains(".js')"),
        "no hydration script"
    );
    assert!(
        html.contains(&format!("nonce=\"{nonce}\"")),
        "scripts lack the nonce"
    );
}

#[tokio::test]
async fn unknown_pages_answer_404_with_a_way_home() {
    let app = spawn_app().await;
    app.set_up().await;
    let res = app.get("/no-such-page").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let html = res.text().await.unwrap();
    assert!(html.contains("Page not found"));
    assert!(html.contains("Go to the home page"));
}

#[tokio::test]
async fn the_status_server_function_names_the_backend() {
    let app = spawn_app().await;
    let res = app.call("status", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    let expected = match app.db.backend() {
        v2mom::model::Backend::Sqlite => "Sqlite",
        v2mom::model::Backend::Postgres => "Postgres",
    };
    assert_eq!(body["backend"], expected);
    assert_eq!(body["schema_current"], true);
    assert_eq!(body["organisation"], Value::Null);
}

/// The browser's accessibility check visits every page (end2end/tests/accessibility.spec.ts,
/// from the list in pages.json): a page added to the router without a check fails here.
#[tokio::test]
async fn every_page_route_has_an_accessibility_check() {
    let listed: Value =
        serde_json::from_str(include_str!("../../end2end/tests/pages.json")).unwrap();
    let mut listed: Vec<String> = listed["routes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap().to_owned())
        .collect();
    let mut routed = v2mom::server::http::page_paths();
    listed.sort();
    routed.sort();
    routed.dedup();
    assert_eq!(
        routed, listed,
        "end2end/tests/pages.json must list exactly the app's page routes"
    );
}
