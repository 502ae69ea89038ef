//! Erasing a person: a tombstone replaces them, nothing personal of theirs is left in any
//! column of any table, the audit chain still verifies, and only an administrator can do it.

use crate::{
    helpers::{TestApp, client, spawn_app},
    people::PASSWORD,
    personal_data::{EVE as EMAIL, History, eve_with_history},
    rest::{api, api_key},
};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use v2mom::server::audit::{ChainCheck, verify_chain};

const NAME: &str = "Eve Employee";
/// Distinctive texts only this person's profile holds.
const FUNCTION: &str = "Quantum Logistics";
const JOB_TITLE: &str = "Chief Vortex Officer";

async fn erase(app: &TestApp, id: i64, v2moms: &str, confirm: bool) -> reqwest::Response {
    let id = id.to_string();
    let mut form = vec![("id", id.as_str()), ("v2moms", v2moms)];
    if confirm {
        form.push(("confirm", "on"));
    }
    app.call("users/erase", &form).await
}

/// What is left of Eve anywhere in the database.
async fn traces(app: &TestApp) -> Vec<String> {
    let mut found = Vec::new();
    for needle in [EMAIL, NAME, FUNCTION, JOB_TITLE] {
        for column in app.columns_containing(needle).await {
            found.push(format!("{needle:?} in {column}"));
        }
    }
    found
}

#[tokio::test]
async fn erasure_leaves_nothing_personal_and_keeps_the_v2mom_under_a_tombstone() {
    let app = spawn_app().await;
    let History {
        manager_id,
        manager,
        eve,
        employee,
        v2mom,
        key,
    } = eve_with_history(&app, "read").await;
    let (id, manager_text) = (eve.to_string(), manager_id.to_string());
    let res = app
        .call(
            "users/update",
            &[
                ("id", id.as_str()),
                ("role", "employee"),
                ("manager", manager_text.as_str()),
                ("function", FUNCTION),
                ("job_title", JOB_TITLE),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    // More failed sign-ins, until her address is throttled (audited).
    for _ in 0..3 {
        app.call_as(
            &client(),
            "login",
            &[("email", EMAIL), ("password", "wrong wrong wrong")],
        )
        .await;
    }
    assert!(
        !traces(&app).await.is_empty(),
        "the test would prove nothing"
    );

    // The checkbox is required, and the choice must be one of the two.
    assert_eq!(
        erase(&app, eve, "keep", false).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        erase(&app, eve, "shred", true).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // People report to the manager: they cannot be erased yet.
    let res = erase(&app, manager_id, "keep", true).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);

    let res = erase(&app, eve, "keep", true).await;
    assert_eq!(res.status(), StatusCode::OK);
    let erased: Value = res.json().await.unwrap();
    let tombstone = format!("Former employee #{eve}");
    assert_eq!(erased["name"], tombstone.as_str());
    assert_eq!(erased["v2moms_deleted"], 0);

    assert_eq!(
        traces(&app).await,
        Vec::<String>::new(),
        "left after erasure"
    );
    // She is signed out, her key and password no longer work.
    assert_eq!(app.who_is(&employee).await, None);
    let res = api(&app, Method::GET, "/me", &key).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let res = app
        .call_as(
            &client(),
            "login",
            &[("email", EMAIL), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    // Her V2MOM stays, under the tombstone, for the manager who reads it.
    let page = crate::v2moms::page(&app, &manager, v2mom).await;
    assert_eq!(page["v2mom"]["owner"]["name"], tombstone.as_str(), "{page}");
    // The person page shows the tombstone.
    let person: Value = app
        .call("users/get", &[("id", id.as_str())])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(person["display_name"], tombstone.as_str());
    assert_eq!(person["status"], "disabled");

    // The audit log kept every row, the chain still verifies, and the erasure is in it.
    assert!(matches!(
        verify_chain(&app.db).await.unwrap(),
        ChainCheck::Intact { .. }
    ));
    let erasures: Vec<_> = app
        .db
        .audit_rows()
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.action == "user.erased")
        .collect();
    assert_eq!(erasures.len(), 1);
    assert_eq!(
        erasures[0].target.as_deref(),
        Some(format!("user:{eve}").as_str())
    );
    assert_eq!(erasures[0].actor_id, Some(1));
}

/// `POST /api/v1/users/{id}/erase` with `key`.
async fn erase_by_api(app: &TestApp, key: &str, id: i64, v2moms: &str) -> reqwest::Response {
    api(app, Method::POST, &format!("/users/{id}/erase"), key)
        .json(&json!({ "v2moms": v2moms }))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn an_administrator_may_delete_the_v2moms_and_only_an_administrator_may_erase() {
    let app = spawn_app().await;
    let History {
        manager,
        eve,
        employee,
        v2mom,
        ..
    } = eve_with_history(&app, "read").await;

    // Not the person, not their manager, not an API key without the admin scope.
    for who in [&employee, &manager] {
        let id = eve.to_string();
        let form = [("id", id.as_str()), ("v2moms", "keep"), ("confirm", "on")];
        let res = app.call_as(who, "users/erase", &form).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
    }
    let admin = app.client.clone();
    let read = api_key(&app, &admin, "read").await;
    let res = erase_by_api(&app, &read, eve, "delete").await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // Nor oneself.
    let res = erase(&app, 1, "keep", true).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);

    let key = api_key(&app, &admin, "read,admin").await;
    let res = erase_by_api(&app, &key, eve, "delete").await;
    assert_eq!(res.status(), StatusCode::OK);
    let erased: Value = res.json().await.unwrap();
    assert_eq!(erased["v2moms_deleted"], 1);
    let res = api(&app, Method::GET, &format!("/v2moms/{v2mom}"), &key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    // Erasing again changes nothing more.
    let res = erase_by_api(&app, &key, eve, "delete").await;
    assert_eq!(res.status(), StatusCode::OK);
    let erased: Value = res.json().await.unwrap();
    assert_eq!(erased["v2moms_deleted"], 0);
}
