//! First run: every page leads to /setup until the first administrator exists, once.

use crate::helpers::{Credentials, client, spawn_app};
use reqwest::StatusCode;
use serde_json::Value;

#[tokio::test]
async fn a_fresh_instance_sends_every_page_to_setup() {
    let app = spawn_app().await;
    for page in ["/", "/login", "/anything"] {
        let res = app.get(page).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{page}");
        assert_eq!(res.headers()["location"], "/setup", "{page}");
    }
    let setup = app.get("/setup").await;
    assert_eq!(setup.status(), StatusCode::OK);
    let html = setup.text().await.unwrap();
    assert!(html.contains("Organisation name") && html.contains("Create organisation"));
    // Probes and assets are not pages.
    assert_eq!(app.get("/healthz").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn setup_creates_the_admin_signs_them_in_and_then_is_gone() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    assert_eq!(
        app.who_is(&app.client).await.as_deref(),
        Some(admin.email.as_str())
    );

    let home = app.get("/").await;
    assert_eq!(home.status(), StatusCode::OK);
    assert!(home.text().await.unwrap().contains("Ada Admin"));

    assert_eq!(app.get("/setup").await.status(), StatusCode::NOT_FOUND);
    let replay = app
        .call(
            "setup",
            &[
                ("organisation", "Evil Corp"),
                ("name", "Mallory"),
                ("email", "mallory@evil.example"),
                ("password", "quartz lantern meadow 43"),
            ],
        )
        .await;
    assert_eq!(replay.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        app.db.instance().await.unwrap().unwrap().organisation_name,
        "Acme Corp"
    );
    assert!(
        app.db
            .user_by_email("mallory@evil.example")
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn concurrent_setups_make_exactly_one_admin() {
    let app = spawn_app().await;
    let attempts = (0..8).map(|i| {
        let client = client();
        let url = app.url("/api/setup");
        async move {
            client
                .post(url)
                .header("sec-fetch-site", "same-origin")
                .form(&[
                    ("organisation", format!("Org {i}")),
                    ("name", format!("Admin {i}")),
                    ("email", format!("admin{i}@acme.example")),
                    ("password", "quartz lantern meadow 42".to_owned()),
                ])
                .send()
                .await
                .unwrap()
                .status()
        }
    });
    let statuses = futures_util::future::join_all(attempts).await;
    let won = statuses.iter().filter(|s| s.is_success()).count();
    let refused = statuses
        .iter()
        .filter(|s| **s == StatusCode::NOT_FOUND)
        .count();
    assert_eq!((won, refused), (1, 7), "{statuses:?}");
    let mut found = 0;
    for i in 0..8 {
        if app
            .db
            .user_by_email(&format!("admin{i}@acme.example"))
            .await
            .unwrap()
            .is_some()
        {
            found += 1;
        }
    }
    assert_eq!(found, 1, "exactly one administrator exists");
}

#[tokio::test]
async fn setup_validates_every_field_on_the_server() {
    let app = spawn_app().await;
    let res = app
        .call(
            "setup",
            &[
                ("organisation", " "),
                ("name", "Ada"),
                ("email", "not-an-email"),
                ("password", "short"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = res.json().await.unwrap();
    let fields: Vec<&str> = body["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["organisation", "email", "password"]);
    assert!(!app.db.any_user_exists().await.unwrap());

    let weak = Credentials {
        password: "password12345".into(),
        ..Credentials::admin()
    };
    let res = app
        .call(
            "setup",
            &[
                ("organisation", "Acme"),
                ("name", &weak.name),
                ("email", &weak.email),
                ("password", &weak.password),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
}
