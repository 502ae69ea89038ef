//! Importing people from a CSV file: a preview that finds every problem by line, an import
//! that is all or nothing and never adds anyone twice, the same without JavaScript, for
//! administrators only, and `v2mom users import` for scripts.

use crate::{
    binary::command_on,
    helpers::{TestApp, spawn_app},
    people::{accept, organisation},
};
use reqwest::StatusCode;
use serde_json::Value;

const GOOD: &str = "name,email,manager_email,role,function\n\
    Nora Lead,nora@acme.example,,manager,Sales\n\
    Sam Seller,sam@acme.example,nora@acme.example,employee,Sales\n\
    Eve Employee,eve@acme.example,nora@acme.example,employee,Sales\n";

async fn emails(app: &TestApp) -> Vec<String> {
    let mut all: Vec<String> = app
        .db
        .all_users()
        .await
        .unwrap()
        .into_iter()
        .map(|u| u.email)
        .collect();
    all.sort();
    all
}

async fn has_account(app: &TestApp, email: &str) -> bool {
    app.db.user_by_email(email).await.unwrap().is_some()
}

async fn manager_of(app: &TestApp, email: &str) -> Option<String> {
    let user = app.db.user_by_email(email).await.unwrap().unwrap();
    let manager = app.db.user_by_id(user.manager_id?).await.unwrap()?;
    Some(manager.email)
}

#[tokio::test]
async fn a_file_with_problems_imports_nothing_and_says_what_is_wrong_on_which_line() {
    let app = spawn_app().await;
    organisation(&app).await;
    let before = emails(&app).await;
    let bad = "name,email,manager_email,role,function\n\
        Nora Lead,nora@acme.example,,manager,Sales\n\
        Sam Seller,sam@acme,nora@acme.example,seller,Sales\n";
    let res = app.call("users/import/preview", &[("csv", bad)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let preview: Value = res.json().await.unwrap();
    let problems: Vec<&str> = preview["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        problems,
        [
            "email: Enter an email address such as name@example.com.",
            "role: write employee, manager or admin."
        ]
    );
    assert_eq!(preview["problems"][0]["line"], 3);
    assert_eq!(preview["rows"][0]["action"], "invite");

    // Importing it anyway is refused with the same problems, and writes nothing.
    let res = app.call("users/import", &[("csv", bad)]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(
        body.contains("Line 3: role: write employee, manager or admin."),
        "{body}"
    );
    assert_eq!(emails(&app).await, before);
}

#[tokio::test]
async fn a_good_file_invites_and_places_everyone_and_importing_it_again_adds_nobody() {
    let app = spawn_app().await;
    organisation(&app).await;
    let res = app.call("users/import", &[("csv", GOOD)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let done: Value = res.json().await.unwrap();
    // Eve exists (under Max): she moves; Nora and Sam are invited, with links to hand over.
    assert_eq!(
        (done["updated"].clone(), done["unchanged"].clone()),
        (1.into(), 0.into())
    );
    let invited = done["invited"].as_array().unwrap();
    assert_eq!(invited.len(), 2);
    assert_eq!(invited[0]["email"], "nora@acme.example");
    let link = invited[1]["link"].as_str().unwrap();
    assert_eq!(
        manager_of(&app, "sam@acme.example").await.as_deref(),
        Some("nora@acme.example")
    );
    assert_eq!(
        manager_of(&app, "eve@acme.example").await.as_deref(),
        Some("nora@acme.example")
    );
    assert_eq!(manager_of(&app, "nora@acme.example").await, None);
    // The link works: Sam chooses a password and is in.
    let sam = accept(&app, link.rsplit('/').next().unwrap()).await;
    assert_eq!(app.who_is(&sam).await.as_deref(), Some("sam@acme.example"));

    let before = emails(&app).await;
    let again: Value = app
        .call("users/import", &[("csv", GOOD)])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again["invited"], Value::Array(Vec::new()));
    assert_eq!(again["unchanged"], 3);
    assert_eq!(emails(&app).await, before, "nobody twice");
    let audit = app.db.audit_rows().await.unwrap();
    let imports = audit
        .iter()
        .filter(|r| r.action == "users.imported")
        .count();
    assert_eq!(imports, 2);
}

#[tokio::test]
async fn only_administrators_may_preview_or_import() {
    let app = spawn_app().await;
    let (_, manager, _, _) = organisation(&app).await;
    for endpoint in ["users/import/preview", "users/import"] {
        let res = app.call_as(&manager, endpoint, &[("csv", GOOD)]).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{endpoint}");
    }
    let res = app.call_as(&manager, "users/import/draft", &[]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(!has_account(&app, "nora@acme.example").await);
}

/// A form posted by a browser without JavaScript.
async fn plain_post(app: &TestApp, endpoint: &str, csv: &str) -> reqwest::Response {
    let path = format!("/api/{endpoint}");
    app.post_plain(&app.client, &path, "/admin/people/import", &[("csv", csv)])
        .await
}

#[tokio::test]
async fn without_javascript_the_preview_waits_for_the_import_whose_outcome_shows_once() {
    let app = spawn_app().await;
    organisation(&app).await;
    let res = plain_post(&app, "users/import/preview", GOOD).await;
    assert!(res.status().is_redirection(), "{}", res.status());
    assert_eq!(res.headers()["location"], "/admin/people/import");
    let page = app.html(&app.client, "/admin/people/import").await;
    assert!(
        page.contains("2 to invite · 1 to update · 0 unchanged"),
        "{page}"
    );
    assert!(page.contains("Import 3 people"), "{page}");
    assert!(page.contains("sam@acme.example"), "{page}");

    let res = plain_post(&app, "users/import", GOOD).await;
    assert!(res.status().is_redirection(), "{}", res.status());
    let page = app.html(&app.client, "/admin/people/import").await;
    assert!(
        page.contains("Imported: 2 invited, 1 updated, 0 unchanged."),
        "{page}"
    );
    assert!(page.contains("/invite/"), "the links, once: {page}");
    let again = app.html(&app.client, "/admin/people/import").await;
    assert!(!again.contains("/invite/"), "{again}");
    assert!(
        !again.contains("Import 3 people"),
        "the draft is gone: {again}"
    );
}

#[tokio::test]
async fn the_command_line_import_refuses_a_bad_file_and_imports_a_good_one_as_an_administrator() {
    let app = spawn_app().await;
    organisation(&app).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("people.csv");
    let path = file.to_str().unwrap();
    std::fs::write(
        &file,
        "name,email,manager_email,role,function\nNo One,,,employee,\n",
    )
    .unwrap();
    let admin = crate::helpers::Credentials::admin().email;

    let refused = command_on(&app, &["users", "import", path, "--by", &admin]);
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("Line 2: email: Required."), "{stderr}");

    std::fs::write(&file, GOOD).unwrap();
    let not_admin = command_on(&app, &["users", "import", path, "--by", "max@acme.example"]);
    assert!(!not_admin.status.success());
    let dry = command_on(
        &app,
        &["users", "import", path, "--by", &admin, "--dry-run"],
    );
    assert!(
        dry.status.success(),
        "{}",
        String::from_utf8_lossy(&dry.stderr)
    );
    let said = String::from_utf8_lossy(&dry.stdout);
    assert_eq!(said.trim(), "2 to invite, 1 to update, 0 unchanged");
    assert!(!has_account(&app, "nora@acme.example").await);

    let done = command_on(&app, &["users", "import", path, "--by", &admin]);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let links = String::from_utf8_lossy(&done.stdout);
    let lines: Vec<&str> = links.lines().collect();
    assert_eq!(lines.len(), 2, "{links}");
    assert!(
        lines[0].starts_with("nora@acme.example\thttp://"),
        "{links}"
    );
    let token = lines[1].rsplit('/').next().unwrap();
    let sam = accept(&app, token).await;
    assert_eq!(app.who_is(&sam).await.as_deref(), Some("sam@acme.example"));
}
