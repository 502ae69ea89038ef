//! Signing in and out, and what a session cookie is worth afterwards.

use crate::helpers::{client, session_cookie, spawn_app, spawn_app_with};
use reqwest::StatusCode;
use serde_json::Value;
use v2mom::model::Backend;

#[tokio::test]
async fn wrong_password_and_unknown_email_get_the_same_answer() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    let visitor = client();
    let wrong = app
        .login_with(&visitor, &admin.email, "not the password at all", "/")
        .await;
    let unknown = app
        .login_with(&visitor, "nobody@acme.example", &admin.password, "/")
        .await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(unknown.status(), StatusCode::UNAUTHORIZED);
    let (wrong, unknown): (Value, Value) =
        (wrong.json().await.unwrap(), unknown.json().await.unwrap());
    assert_eq!(wrong, unknown);
    assert_eq!(app.who_is(&visitor).await, None);
}

#[tokio::test]
async fn email_case_does_not_matter() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    let visitor = client();
    let res = app
        .login_with(&visitor, &admin.email.to_uppercase(), &admin.password, "/")
        .await;
    assert!(res.status().is_success(), "{}", res.status());
    assert_eq!(
        app.who_is(&visitor).await.as_deref(),
        Some(admin.email.as_str())
    );
}

#[tokio::test]
async fn signing_in_issues_a_new_session_id_and_the_old_one_is_useless() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    let visitor = client();
    let first = app
        .login_with(&visitor, &admin.email, &admin.password, "/")
        .await;
    let first_cookie = session_cookie(&first).expect("session cookie after sign-in");
    let second = app
        .login_with(&visitor, &admin.email, &admin.password, "/")
        .await;
    let second_cookie = session_cookie(&second).expect("session cookie after second sign-in");
    assert_ne!(
        first_cookie, second_cookie,
        "the session id must change at sign-in"
    );

    assert_eq!(app.who_is_cookie(&first_cookie).await, None);
    assert_eq!(
        app.who_is_cookie(&second_cookie).await.as_deref(),
        Some(admin.email.as_str())
    );
}

#[tokio::test]
async fn after_sign_out_the_cookie_is_worth_nothing() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    let visitor = client();
    let res = app
        .login_with(&visitor, &admin.email, &admin.password, "/")
        .await;
    let cookie = session_cookie(&res).unwrap();

    let out = app.call_as(&visitor, "logout", &[]).await;
    assert!(out.status().is_success());
    assert_eq!(app.who_is(&visitor).await, None);

    assert_eq!(
        app.who_is_cookie(&cookie).await,
        None,
        "a copied cookie still works"
    );
}

#[tokio::test]
async fn a_disabled_user_is_signed_out_at_once_and_cannot_sign_in() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    app.execute("UPDATE users SET status = 'disabled'").await;
    assert_eq!(
        app.who_is(&app.client).await,
        None,
        "session ended on the next request"
    );
    let res = app
        .login_with(&client(), &admin.email, &admin.password, "/")
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_session_idle_past_its_timeout_is_signed_out() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    assert_eq!(app.who_is(&app.client).await, Some(admin.email));
    // Its expiry a minute ago, as the session store writes it on each backend.
    app.execute(match app.db.backend() {
        Backend::Sqlite => {
            "UPDATE tower_sessions \
             SET expiry_date = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1 minute')"
        }
        Backend::Postgres => {
            "UPDATE tower_sessions.session SET expiry_date = now() - interval '1 minute'"
        }
    })
    .await;
    assert_eq!(app.who_is(&app.client).await, None);
}

#[tokio::test]
async fn a_session_ended_elsewhere_is_signed_out_though_its_record_remains() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    assert_eq!(app.who_is(&app.client).await, Some(admin.email));
    app.execute("DELETE FROM user_sessions").await;
    assert_eq!(app.who_is(&app.client).await, None);
}

#[tokio::test]
async fn after_sign_in_only_local_paths_are_followed() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    for (next, expected) in [
        ("/team", "/team"),
        ("//evil.example/", "/"),
        ("https://evil.example/", "/"),
        ("/\\evil.example", "/"),
        ("javascript:alert(1)", "/"),
    ] {
        let res = app
            .login_with(&client(), &admin.email, &admin.password, next)
            .await;
        assert!(res.status().is_success(), "{next}: {}", res.status());
        assert_eq!(res.headers()["location"], expected, "{next}");
    }
}

#[tokio::test]
async fn the_session_cookie_is_locked_down() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    let res = app
        .login_with(&client(), &admin.email, &admin.password, "/")
        .await;
    let cookie = set_cookie(&res);
    assert!(cookie.starts_with("v2mom-session="), "{cookie}");
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(attribute), "{attribute} missing: {cookie}");
    }

    let https = spawn_app_with(|s| s.public_url = Some("https://v2mom.example".into())).await;
    let admin = https.set_up().await;
    let res = https
        .login_with(&client(), &admin.email, &admin.password, "/")
        .await;
    let cookie = set_cookie(&res);
    assert!(cookie.starts_with("__Host-v2mom-session="), "{cookie}");
    assert!(cookie.contains("Secure"), "{cookie}");
}

fn set_cookie(res: &reqwest::Response) -> String {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.contains("v2mom-session="))
        .expect("a session cookie")
}
