//! The organisation the fuzz tests act in, and putting it back after a call that changed it.

use super::values::Known;
use crate::{
    helpers::{TestApp, spawn_app_with},
    people::{PASSWORD, accept, invite},
    v2moms::{current_period, next_period},
};
use reqwest::{Client, StatusCode};
use serde_json::Value;

/// The people the fuzz test acts as; "nobody" is a client that never keeps a cookie.
pub struct Person {
    pub role: &'static str,
    pub email: String,
    pub password: String,
    pub client: Client,
}

/// An organisation with some of everything: an admin, a manager with a report, periods,
/// V2MOMs (one published), an API key each and an invitation still open.
pub struct Org {
    pub app: TestApp,
    pub people: Vec<Person>,
    pub nobody: Client,
    pub known: Known,
}

pub async fn organisation() -> Org {
    let app = spawn_app_with(|s| {
        // Hostile sign-ins from one address must not lock the test's own people out, and
        // one key sends thousands of requests a minute.
        s.throttle_ip_attempts = 1_000_000;
        s.api_rate_limit_per_minute = 1_000_000;
        s.open_registration = true;
    })
    .await;
    let admin = app.set_up().await;
    let (manager_id, token) =
        invite(&app, "max@acme.example", "Max Manager", "manager", None).await;
    let manager = accept(&app, &token).await;
    let (employee_id, token) = invite(
        &app,
        "eve@acme.example",
        "Eve Employee",
        "employee",
        Some(manager_id),
    )
    .await;
    let employee = accept(&app, &token).await;
    let (pending_id, pending_token) =
        invite(&app, "pat@acme.example", "Pat Pending", "employee", None).await;
    let period = current_period(&app).await;
    let next = next_period(&app).await;

    let people = vec![
        Person {
            role: "admin",
            email: admin.email.clone(),
            password: admin.password.clone(),
            client: app.client.clone(),
        },
        person("manager", "max@acme.example", manager),
        person("employee", "eve@acme.example", employee),
    ];
    let mut known = Known {
        user_ids: vec![1, manager_id, employee_id, pending_id],
        period_ids: vec![period, next],
        emails: vec![
            admin.email.clone(),
            "max@acme.example".into(),
            "eve@acme.example".into(),
            "pat@acme.example".into(),
        ],
        passwords: vec![admin.password.clone(), PASSWORD.into()],
        tokens: vec![pending_token],
        ..Known::default()
    };
    let manager = &people[1];
    for owner in [manager_id, employee_id, 1] {
        let by = if owner == 1 { &people[0] } else { &people[1] };
        let (id, version) = start_v2mom(&app, &by.client, owner, period).await;
        known.v2mom_ids.push(id);
        known.versions.push(version);
    }
    publish(&app, &manager.client, known.v2mom_ids[0]).await;
    for person in &people {
        let res = app
            .call_as(
                &person.client,
                "api_keys/create",
                &[("name", "fuzz"), ("scope_read", "on")],
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK, "key for {}", person.role);
        let created: Value = res.json().await.unwrap();
        known.key_ids.push(created["key"]["id"].as_i64().unwrap());
        let res = app.call_as(&person.client, "profile/sessions", &[]).await;
        let sessions: Value = res.json().await.unwrap();
        for session in sessions.as_array().unwrap() {
            known
                .session_handles
                .push(session["handle"].as_str().unwrap().to_owned());
        }
    }
    // What restore() puts back after a call that may have changed an account.
    app.execute(
        "CREATE TABLE fuzz_saved AS SELECT id, role, manager_id, password_hash, email, \
         email_key, display_name FROM users",
    )
    .await;
    known.versions = current_versions(&app, &known).await;
    let nobody = Client::builder()
        .timeout(std::time::Duration::from_secs(60))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    Org {
        app,
        people,
        nobody,
        known,
    }
}

/// The versions the known V2MOMs are at now (saves move them on), and version 1.
pub async fn current_versions(app: &TestApp, known: &Known) -> Vec<i64> {
    let mut versions = vec![1];
    for &id in &known.v2mom_ids {
        if let Some(v2mom) = app.db.v2mom_header(id).await.unwrap() {
            versions.push(v2mom.version);
        }
    }
    versions
}

/// How many cases run between two refreshes of the known versions.
pub const REFRESH_EVERY: usize = 100;

fn person(role: &'static str, email: &str, client: Client) -> Person {
    Person {
        role,
        email: email.into(),
        password: PASSWORD.into(),
        client,
    }
}

/// Starts `owner`'s V2MOM and fills it in; returns its id and version.
async fn start_v2mom(app: &TestApp, by: &Client, owner: i64, period: i64) -> (i64, i64) {
    let (owner_text, period_text) = (owner.to_string(), period.to_string());
    let res = app
        .call_as(
            by,
            "v2moms/start",
            &[("owner", &owner_text), ("period", &period_text)],
        )
        .await;
    assert!(res.status().is_success(), "start a V2MOM: {}", res.status());
    let v2mom = app.db.v2mom_of(owner, period).await.unwrap().unwrap();
    let (id, version) = (v2mom.id, v2mom.version);
    let (id_text, version_text) = (id.to_string(), version.to_string());
    let res = app
        .call_as(
            by,
            "v2moms/save",
            &[
                ("id", id_text.as_str()),
                ("version", &version_text),
                ("title", "Grow the business"),
                ("vision", "Every team ships weekly."),
                ("values[0][name]", "Trust"),
                ("methods[0][title]", "Automate releases"),
                ("methods[0][obstacles][0]", "Legacy scripts"),
                ("methods[0][measures][0][description]", "Weekly releases"),
                ("methods[0][measures][0][target]", "52"),
                ("methods[0][measures][0][unit]", "releases"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK, "save a V2MOM");
    let saved: Value = res.json().await.unwrap();
    (id, saved["version"].as_i64().unwrap())
}

async fn publish(app: &TestApp, by: &Client, id: i64) {
    let version = app.db.v2mom_header(id).await.unwrap().unwrap().version;
    let (id, version) = (id.to_string(), version.to_string());
    let res = app
        .call_as(
            by,
            "v2moms/status",
            &[("id", &id), ("version", &version), ("change", "publish")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK, "publish");
}

/// After a call that may have signed someone out or changed an account: puts the accounts
/// back as they were (when the call may have succeeded) and signs in again whoever is no
/// longer signed in as themselves.
pub async fn restore(org: &Org, may_have_changed: bool) {
    if may_have_changed {
        org.app
            .execute(
                "UPDATE users SET status = 'active', \
                   role = (SELECT s.role FROM fuzz_saved s WHERE s.id = users.id), \
                   manager_id = (SELECT s.manager_id FROM fuzz_saved s WHERE s.id = users.id), \
                   password_hash = (SELECT s.password_hash FROM fuzz_saved s WHERE s.id = users.id), \
                   email = (SELECT s.email FROM fuzz_saved s WHERE s.id = users.id), \
                   email_key = (SELECT s.email_key FROM fuzz_saved s WHERE s.id = users.id), \
                   display_name = (SELECT s.display_name FROM fuzz_saved s WHERE s.id = users.id) \
                 WHERE id IN (SELECT id FROM fuzz_saved)",
            )
            .await;
    }
    for person in &org.people {
        if org.app.who_is(&person.client).await.as_deref() == Some(person.email.as_str()) {
            continue;
        }
        // Hostile sign-ins with this email may have throttled it.
        org.app.execute("DELETE FROM auth_failures").await;
        let res = org
            .app
            .login_with(&person.client, &person.email, &person.password, "/")
            .await;
        assert!(
            res.status().is_success() || res.status().is_redirection(),
            "{} signs in again: {}",
            person.role,
            res.status()
        );
    }
}
