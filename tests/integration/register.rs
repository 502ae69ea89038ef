//! Open self-registration: off by default (the feature does not exist), on by setting.

use crate::helpers::{client, spawn_app, spawn_app_with};
use reqwest::StatusCode;
use serde_json::Value;

const PASSWORD: &str = "copper walrus lagoon 93";

fn form<'a>(name: &'a str, email: &'a str, password: &'a str) -> [(&'a str, &'a str); 3] {
    [("name", name), ("email", email), ("password", password)]
}

#[tokio::test]
async fn registration_is_off_by_default_and_creates_nobody() {
    let app = spawn_app().await;
    app.set_up().await;
    let visitor = client();
    let res = app
        .call_as(
            &visitor,
            "register",
            &form("Rita", "rita@acme.example", PASSWORD),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(
        app.db
            .user_by_email("rita@acme.example")
            .await
            .unwrap()
            .is_none()
    );
    let open: Value = app
        .call_as(&visitor, "registration_open", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(open, false);
    assert_eq!(app.get("/register").await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn when_open_anyone_becomes_an_employee_and_is_signed_in() {
    let app = spawn_app_with(|s| s.open_registration = true).await;
    app.set_up().await;
    assert_eq!(
        client()
            .get(app.url("/register"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    let visitor = client();
    let res = app
        .call_as(
            &visitor,
            "register",
            &form("Rita Reyes", "Rita@Acme.example", PASSWORD),
        )
        .await;
    assert!(
        res.status().is_success() || res.status().is_redirection(),
        "{}",
        res.status()
    );
    assert_eq!(
        app.who_is(&visitor).await.as_deref(),
        Some("Rita@Acme.example")
    );
    let rita = app
        .db
        .user_by_email("rita@acme.example")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(rita.role(), v2mom::model::Role::Employee);
    assert_eq!(rita.manager_id, None);
    let audited = app.db.audit_rows().await.unwrap();
    assert!(audited.iter().any(|r| r.action == "user.registered"));

    // Taken email, weak password: per-field 422s, nobody new.
    let someone = client();
    for (fields, field) in [
        (form("Other", "rita@acme.example", PASSWORD), "email"),
        (
            form("Other", "other@acme.example", "password1234"),
            "password",
        ),
        (form("", "other@acme.example", PASSWORD), "name"),
    ] {
        let res = app.call_as(&someone, "register", &fields).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["fields"][0]["field"], field);
    }
    assert!(
        app.db
            .user_by_email("other@acme.example")
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn refused_registrations_are_throttled_per_address() {
    let app = spawn_app_with(|s| {
        s.open_registration = true;
        s.throttle_ip_attempts = 2;
    })
    .await;
    app.set_up().await;
    let visitor = client();
    for _ in 0..2 {
        let res = app
            .call_as(&visitor, "register", &form("X", "x@acme.example", "short"))
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let res = app
        .call_as(&visitor, "register", &form("X", "x@acme.example", PASSWORD))
        .await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(res.headers().get("retry-after").is_some());
}
