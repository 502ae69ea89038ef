//! A data-protection access request answered by the person themselves: every row about them,
//! from the profile page's download and from `GET /api/v1/me/export`, and never a secret.

use crate::{
    check_ins::{check_in_as, published},
    helpers::{TestApp, client, spawn_app},
    people::organisation,
    rest::{api, api_key},
    v2moms::current_period,
};
use reqwest::{Client, Method, StatusCode};
use serde_json::Value;
use std::collections::BTreeSet;
use v2mom::server::db::{NOT_PERSONAL, PERSONAL_TABLES};

/// The signed-in person's export from the profile page's link, as the file and parsed.
async fn download(app: &TestApp, who: &Client) -> (String, Value) {
    let res = who
        .get(app.url("/profile/export.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/json");
    let disposition = res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        disposition.starts_with("attachment; filename=\"v2mom-personal-data-"),
        "{disposition}"
    );
    let text = res.text().await.unwrap();
    let data = serde_json::from_str(&text).unwrap();
    (text, data)
}

fn rows<'a>(data: &'a Value, table: &str) -> &'a Vec<Value> {
    data["tables"][table]
        .as_array()
        .unwrap_or_else(|| panic!("no table {table} in the export"))
}

fn ids(rows: &[Value]) -> Vec<i64> {
    rows.iter().filter_map(|r| r["id"].as_i64()).collect()
}

/// An organisation (see `people::organisation`) in which Eve, the employee, has a history.
pub struct History {
    pub manager_id: i64,
    pub manager: Client,
    pub eve: i64,
    pub employee: Client,
    /// Her V2MOM, written and published by her manager; she has checked in on it once.
    pub v2mom: i64,
    /// An API key of hers with the scopes asked for.
    pub key: String,
}

pub const EVE: &str = "eve@acme.example";

pub async fn eve_with_history(app: &TestApp, scopes: &str) -> History {
    let (manager_id, manager, eve, employee) = organisation(app).await;
    let period = current_period(app).await;
    let (v2mom, measure) = published(app, &manager, eve, period).await;
    let res = check_in_as(app, &employee, v2mom, measure, "10", "on_track").await;
    assert_eq!(res.status(), StatusCode::OK);
    let key = api_key(app, &employee, scopes).await;
    let refused = app
        .call_as(
            &client(),
            "login",
            &[("email", EVE), ("password", "wrong wrong wrong")],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    History {
        manager_id,
        manager,
        eve,
        employee,
        v2mom,
        key,
    }
}

#[tokio::test]
async fn a_person_downloads_every_row_about_them_and_no_secret() {
    let app = spawn_app().await;
    let History {
        manager_id,
        manager,
        eve: employee_id,
        employee,
        v2mom,
        key,
    } = eve_with_history(&app, "read,admin").await;

    let (text, data) = download(&app, &employee).await;
    assert_eq!(data["format"], "v2mom-personal-data/1");
    assert_eq!(data["user_id"], employee_id);
    let tables: BTreeSet<&str> = data["tables"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let listed: BTreeSet<&str> = PERSONAL_TABLES.iter().map(|t| t.table).collect();
    assert_eq!(tables, listed);

    let profile = rows(&data, "users");
    assert_eq!(profile.len(), 1);
    assert_eq!(profile[0]["email"], "eve@acme.example");
    assert_eq!(profile[0]["manager_id"], manager_id);
    assert_eq!(
        rows(&data, "invitations").len(),
        1,
        "the invitation that brought them"
    );
    assert!(!rows(&data, "user_sessions").is_empty());
    assert_eq!(rows(&data, "api_keys").len(), 1);
    assert_eq!(rows(&data, "api_keys")[0]["name"], "script");
    assert_eq!(rows(&data, "auth_failures").len(), 1, "the refused sign-in");
    assert_eq!(ids(rows(&data, "v2moms")), [v2mom]);
    for content in [
        "v2mom_values",
        "v2mom_methods",
        "v2mom_obstacles",
        "v2mom_measures",
    ] {
        assert!(!rows(&data, content).is_empty(), "{content} of their V2MOM");
    }
    let revisions = rows(&data, "v2mom_revisions");
    assert!(revisions.iter().all(|r| r["v2mom_id"] == v2mom));
    assert!(
        revisions.iter().all(|r| r["snapshot"].is_object()),
        "snapshots as JSON"
    );
    let check_ins = rows(&data, "measure_check_ins");
    assert_eq!(check_ins.len(), 1);
    assert_eq!(check_ins[0]["value"], 10.0);
    let about_them = format!("user:{employee_id}");
    let audit = rows(&data, "audit_log");
    assert!(audit.iter().any(|r| r["target"] == about_them.as_str()));
    assert!(
        audit
            .iter()
            .all(|r| r["target"] == about_them.as_str() || r["actor_id"] == employee_id)
    );

    // Secrets never leave: no password hash, token hash, key or session id.
    for secret in ["$argon2", key.as_str()] {
        assert!(!text.contains(secret), "{secret} in the export");
    }
    for (table, column) in [
        ("users", "password_hash"),
        ("user_sessions", "session_id"),
        ("api_keys", "token_hash"),
        ("invitations", "token_hash"),
    ] {
        assert!(
            rows(&data, table).iter().all(|r| r.get(column).is_none()),
            "{table}.{column}"
        );
    }

    // The manager wrote that V2MOM: its row is in their export, its content is not theirs.
    let (_, theirs) = download(&app, &manager).await;
    assert_eq!(ids(rows(&theirs, "v2moms")), [v2mom]);
    assert!(rows(&theirs, "v2mom_values").is_empty());
    assert!(rows(&theirs, "measure_check_ins").is_empty());
    assert_eq!(rows(&theirs, "users")[0]["email"], "max@acme.example");

    // The same through the API, for a key that may manage its holder's account; the first
    // export is in the audit log by then.
    let res = api(&app, Method::GET, "/me/export", &key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let by_api: Value = res.json().await.unwrap();
    assert_eq!(by_api["user_id"], employee_id);
    assert_eq!(by_api["tables"]["v2moms"], data["tables"]["v2moms"]);
    assert!(
        rows(&by_api, "audit_log")
            .iter()
            .any(|r| r["action"] == "account.data_exported"),
        "the export is audited"
    );
    let read_only = api_key(&app, &employee, "read").await;
    let res = api(&app, Method::GET, "/me/export", &read_only)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = client()
        .get(app.url("/api/v1/me/export"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let res = client()
        .get(app.url("/profile/export.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);

    // The profile page offers the download.
    let page = app.html(&employee, "/profile").await;
    assert!(page.contains(r#"href="/profile/export.json""#), "{page}");
}

#[tokio::test]
async fn every_table_is_exported_or_said_to_hold_nothing_personal() {
    let app = spawn_app().await;
    let tables: BTreeSet<String> = app.db.table_names().await.unwrap().into_iter().collect();
    let exported: BTreeSet<&str> = PERSONAL_TABLES.iter().map(|t| t.table).collect();
    let not_personal: BTreeSet<&str> = NOT_PERSONAL.iter().map(|(table, _)| *table).collect();
    let unaccounted: Vec<&String> = tables
        .iter()
        .filter(|t| !exported.contains(t.as_str()) && !not_personal.contains(t.as_str()))
        .collect();
    assert!(unaccounted.is_empty(), "in neither list: {unaccounted:?}");
    let gone: Vec<&&str> = exported.iter().filter(|t| !tables.contains(**t)).collect();
    assert!(gone.is_empty(), "exported but not in the schema: {gone:?}");
}
