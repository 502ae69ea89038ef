//! API keys: made, listed and revoked through the pages' server functions and the command
//! line; bearer authentication for `/api/v1`.

use crate::{
    binary::command_on,
    helpers::{TestApp, client, spawn_app},
    people::organisation,
};
use reqwest::{Client, StatusCode};
use serde_json::Value;
use v2mom::{
    error::AppError,
    model::{Scope, Scopes},
    server::{api_keys, audit::Origin, tokens::hash_token},
};

async fn create(app: &TestApp, who: &Client, name: &str, scopes: &[&str]) -> Value {
    let mut form = vec![("name", name), ("expires_days", "")];
    form.extend(scopes.iter().map(|s| (*s, "on")));
    let res = app.call_as(who, "api_keys/create", &form).await;
    assert_eq!(res.status(), StatusCode::OK, "create {name}");
    res.json().await.unwrap()
}

async fn list(app: &TestApp, who: &Client, endpoint: &str) -> (StatusCode, Value) {
    let res = app.call_as(who, endpoint, &[]).await;
    let status = res.status();
    (status, res.json().await.unwrap_or_default())
}

async fn actions(app: &TestApp) -> Vec<String> {
    app.db
        .audit_rows()
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.action)
        .collect()
}

#[tokio::test]
async fn people_make_list_and_revoke_their_own_keys_and_only_the_hash_is_kept() {
    let app = spawn_app().await;
    let (_, _, _, employee) = organisation(&app).await;
    let created = create(&app, &employee, "CI", &["scope_read", "scope_write"]).await;
    let token = created["token"].as_str().unwrap().to_owned();
    assert!(token.starts_with("v2mom_") && token.len() == 70, "{token}");
    assert_eq!(
        created["key"]["scopes"],
        serde_json::json!(["read", "write"])
    );
    assert_eq!(created["key"]["prefix"], token[6..14]);

    // Stored as its hash only; neither the audit log nor the list holds the token.
    assert!(
        app.db
            .api_key_by_token_hash(&hash_token(&token))
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        app.db
            .api_key_by_token_hash(&token)
            .await
            .unwrap()
            .is_none()
    );
    let rows = app.db.audit_rows().await.unwrap();
    assert!(rows.iter().any(|r| r.action == "api_key.created"));
    assert!(rows.iter().all(|r| !r.details.contains(&token[6..])));
    let (status, mine) = list(&app, &employee, "api_keys/mine").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert!(!mine.to_string().contains(&token[6..]));
    assert_eq!(mine[0]["status"], "active");

    let id = created["key"]["id"].as_i64().unwrap().to_string();
    let res = app
        .call_as(&employee, "api_keys/revoke", &[("id", &id)])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let (_, mine) = list(&app, &employee, "api_keys/mine").await;
    assert_eq!(mine[0]["status"], "revoked");
    assert!(actions(&app).await.contains(&"api_key.revoked".to_owned()));
}

#[tokio::test]
async fn a_new_key_is_checked_field_by_field() {
    let app = spawn_app().await;
    app.set_up().await;
    for (form, field) in [
        (vec![("name", " "), ("scope_read", "on")], "name"),
        (vec![("name", "CI")], "scopes"),
        (
            vec![("name", "CI"), ("scope_read", "on"), ("expires_days", "0")],
            "expires_days",
        ),
        (
            vec![
                ("name", "CI"),
                ("scope_read", "on"),
                ("expires_days", "soon"),
            ],
            "expires_days",
        ),
    ] {
        let res = app.call("api_keys/create", &form).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{form:?}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["fields"][0]["field"], field, "{body}");
    }
}

#[tokio::test]
async fn others_keys_are_not_found_and_only_administrators_see_and_revoke_everyones() {
    let app = spawn_app().await;
    let (_, manager, _, employee) = organisation(&app).await;
    let created = create(&app, &employee, "Eve's script", &["scope_read"]).await;
    let id = created["key"]["id"].as_i64().unwrap().to_string();

    let res = app
        .call_as(&manager, "api_keys/revoke", &[("id", &id)])
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = app
        .call_as(&manager, "api_keys/revoke", &[("id", "999")])
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    assert_eq!(
        list(&app, &employee, "api_keys/all").await.0,
        StatusCode::FORBIDDEN
    );
    let nobody = client();
    assert_eq!(
        list(&app, &nobody, "api_keys/all").await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        list(&app, &nobody, "api_keys/mine").await.0,
        StatusCode::UNAUTHORIZED
    );

    let (status, all) = list(&app, &app.client, "api_keys/all").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(all[0]["owner_email"], "eve@acme.example");
    let res = app.call("api_keys/revoke", &[("id", &id)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let (_, mine) = list(&app, &employee, "api_keys/mine").await;
    assert_eq!(mine[0]["status"], "revoked");
}

#[tokio::test]
async fn a_key_authenticates_as_its_owner_with_its_scopes_until_revoked() {
    let app = spawn_app().await;
    let (_, _, employee_id, employee) = organisation(&app).await;
    let state = app.state().await;
    let created = create(&app, &employee, "Reader", &["scope_read"]).await;
    let token = created["token"].as_str().unwrap();

    let actor = api_keys::authenticate(&state, token, Origin::default())
        .await
        .unwrap();
    assert_eq!(actor.user.id, employee_id);
    assert_eq!(actor.scopes, Scopes::NONE.with(Scope::Read));
    let (_, mine) = list(&app, &employee, "api_keys/mine").await;
    assert!(mine[0]["last_used_at"].is_string(), "{mine}");

    for bad in [
        "",
        "v2mom_",
        "Bearer x",
        &token[..69],
        &token.to_uppercase(),
    ] {
        let refused = api_keys::authenticate(&state, bad, Origin::default()).await;
        assert_eq!(refused.unwrap_err(), AppError::Unauthenticated, "{bad:?}");
    }

    let id = created["key"]["id"].as_i64().unwrap().to_string();
    app.call_as(&employee, "api_keys/revoke", &[("id", &id)])
        .await;
    let refused = api_keys::authenticate(&state, token, Origin::default()).await;
    assert_eq!(refused.unwrap_err(), AppError::Unauthenticated);
    assert!(
        actions(&app)
            .await
            .contains(&"api_key.used_after_revoke".to_owned())
    );
}

#[tokio::test]
async fn expired_keys_and_disabled_owners_are_refused() {
    let app = spawn_app().await;
    let (_, manager, employee_id, employee) = organisation(&app).await;
    let state = app.state().await;
    let expiring = create(&app, &manager, "Old", &["scope_read"]).await;
    let token = expiring["token"].as_str().unwrap();
    app.execute(&format!(
        "UPDATE api_keys SET expires_at = '2000-01-01T00:00:00+00:00' WHERE id = {}",
        expiring["key"]["id"]
    ))
    .await;
    let refused = api_keys::authenticate(&state, token, Origin::default()).await;
    assert_eq!(refused.unwrap_err(), AppError::Unauthenticated);
    let (_, mine) = list(&app, &manager, "api_keys/mine").await;
    assert_eq!(mine[0]["status"], "expired");

    let eves = create(&app, &employee, "Eve's", &["scope_read"]).await;
    let token = eves["token"].as_str().unwrap();
    assert!(
        api_keys::authenticate(&state, token, Origin::default())
            .await
            .is_ok()
    );
    app.execute(&format!(
        "UPDATE users SET status = 'disabled' WHERE id = {employee_id}"
    ))
    .await;
    let refused = api_keys::authenticate(&state, token, Origin::default()).await;
    assert_eq!(refused.unwrap_err(), AppError::Unauthenticated);
}

/// Without JavaScript the form posts for real: the browser is sent back to the page, which
/// shows the new token once.
#[tokio::test]
async fn without_javascript_the_new_key_is_shown_once_after_the_redirect() {
    let app = spawn_app().await;
    app.set_up().await;
    let form = [
        ("name", "Plain"),
        ("scope_read", "on"),
        ("expires_days", "30"),
    ];
    let res = app
        .post_plain(
            &app.client,
            "/api/api_keys/create",
            "/profile/api-keys",
            &form,
        )
        .await;
    assert!(res.status().is_redirection(), "{}", res.status());
    assert_eq!(res.headers()["location"], "/profile/api-keys");
    let page = app.get("/profile/api-keys").await.text().await.unwrap();
    let start = page.find("value=\"v2mom_").expect("the token is shown") + 7;
    let token = &page[start..start + 70];
    assert!(token.starts_with("v2mom_"), "{token}");
    let again = app.get("/profile/api-keys").await.text().await.unwrap();
    assert!(!again.contains(token), "shown twice");
    assert!(again.contains("Plain"));
}

#[tokio::test]
async fn the_command_line_makes_a_working_key_and_revokes_it() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    let state = app.state().await;
    let made = api_key(
        &app,
        &[
            "create",
            "--user",
            &admin.email,
            "--name",
            "Deploy",
            "--scope",
            "read,write",
        ],
    );
    let stderr = String::from_utf8_lossy(&made.stderr);
    assert!(made.status.success(), "{stderr}");
    // stdout is the token alone, so a script can capture it; the logs go to stderr.
    let stdout = String::from_utf8(made.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    let token = stdout.trim();
    let actor = api_keys::authenticate(&state, token, Origin::default())
        .await
        .unwrap();
    assert_eq!(actor.user.email, admin.email);
    assert_eq!(actor.scopes.to_string(), "read,write");
    let created = app.db.audit_rows().await.unwrap();
    let row = created
        .iter()
        .find(|r| r.action == "api_key.created")
        .unwrap();
    assert_eq!(row.actor_id, None);
    assert!(row.details.contains(r#""via":"cli""#), "{}", row.details);

    let id = app.db.api_keys_of(actor.user.id).await.unwrap()[0]
        .id
        .to_string();
    let revoked = api_key(&app, &["revoke", &id]);
    assert!(
        revoked.status.success(),
        "{}",
        String::from_utf8_lossy(&revoked.stderr)
    );
    let refused = api_keys::authenticate(&state, token, Origin::default()).await;
    assert_eq!(refused.unwrap_err(), AppError::Unauthenticated);

    for (args, expected) in [
        (
            vec![
                "create",
                "--user",
                "nobody@acme.example",
                "--name",
                "X",
                "--scope",
                "read",
            ],
            "no user has the email",
        ),
        (
            vec![
                "create",
                "--user",
                &admin.email,
                "--name",
                "X",
                "--scope",
                "owner",
            ],
            "read, write or admin",
        ),
        (
            vec![
                "create",
                "--user",
                &admin.email,
                "--name",
                "X",
                "--scope",
                "read",
                "--expires-days",
                "0",
            ],
            "--expires-days",
        ),
        (vec!["revoke", "999"], "no API key has the id 999"),
    ] {
        let output = api_key(&app, &args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{args:?}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
}

/// `v2mom api-key …` against the test server's database.
fn api_key(app: &TestApp, args: &[&str]) -> std::process::Output {
    let mut all = vec!["api-key"];
    all.extend_from_slice(args);
    command_on(app, &all)
}
