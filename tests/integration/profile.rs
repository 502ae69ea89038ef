//! Your own account: password change and sessions.

use crate::helpers::{client, session_cookie, spawn_app};
use reqwest::{Client, StatusCode};
use serde_json::Value;

const NEW_PASSWORD: &str = "harbor mosaic tundra 58";

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_ends_other_sessions() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    let laptop = client();
    app.login_with(&laptop, &admin.email, &admin.password, "/")
        .await;

    let wrong = app
        .call(
            "profile/password",
            &[
                ("current_password", "not it at all"),
                ("password", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = wrong.json().await.unwrap();
    assert_eq!(body["fields"][0]["field"], "current_password");

    let weak = app
        .call(
            "profile/password",
            &[
                ("current_password", &admin.password),
                ("password", "password1234"),
            ],
        )
        .await;
    assert_eq!(weak.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let ok = app
        .call(
            "profile/password",
            &[
                ("current_password", &admin.password),
                ("password", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(ok.status(), StatusCode::OK);
    assert_eq!(
        app.who_is(&app.client).await.as_deref(),
        Some(admin.email.as_str()),
        "this session stays"
    );
    assert_eq!(app.who_is(&laptop).await, None, "the other session ended");

    let old = app
        .login_with(&client(), &admin.email, &admin.password, "/")
        .await;
    assert_eq!(old.status(), StatusCode::UNAUTHORIZED);
    let new = app
        .login_with(&client(), &admin.email, NEW_PASSWORD, "/")
        .await;
    assert!(new.status().is_success());
    let actions: Vec<String> = app
        .db
        .audit_rows()
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.action)
        .collect();
    assert!(actions.contains(&"auth.password_changed".to_owned()));
    assert!(actions.contains(&"auth.password_change_failed".to_owned()));
}

#[tokio::test]
async fn you_see_your_sessions_and_can_end_one_but_not_anyone_elses() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    let phone = client();
    let res = app
        .login_with(&phone, &admin.email, &admin.password, "/")
        .await;
    let phone_cookie = session_cookie(&res).unwrap();

    let list: Value = app
        .call("profile/sessions", &[])
        .await
        .json()
        .await
        .unwrap();
    let sessions = list.as_array().unwrap();
    assert_eq!(sessions.len(), 2);
    assert_eq!(sessions.iter().filter(|s| s["current"] == true).count(), 1);
    let body = list.to_string();
    assert!(
        !body.contains(phone_cookie.split('=').nth(1).unwrap()),
        "session ids never leave the server"
    );
    let other = sessions.iter().find(|s| s["current"] == false).unwrap();
    let handle = other["handle"].as_str().unwrap();

    // Someone else cannot end it, even knowing the handle.
    let stranger_res = app
        .call_as(&client(), "profile/sessions/end", &[("handle", handle)])
        .await;
    assert_eq!(stranger_res.status(), StatusCode::UNAUTHORIZED);
    assert!(app.who_is(&phone).await.is_some());

    let res = app
        .call("profile/sessions/end", &[("handle", handle)])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(app.who_is(&phone).await, None);
    assert!(app.who_is(&app.client).await.is_some());
    let res = app
        .call("profile/sessions/end", &[("handle", "no-such-handle")])
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn sign_out_everywhere_ends_every_session() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    let phone = client();
    app.login_with(&phone, &admin.email, &admin.password, "/")
        .await;
    let res = app.call("profile/sign_out_everywhere", &[]).await;
    assert!(res.status().is_success());
    assert_eq!(app.who_is(&app.client).await, None);
    assert_eq!(app.who_is(&phone).await, None);
    let page = app.get("/profile").await;
    assert_eq!(page.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_strength_meter_asks_the_same_policy_the_server_enforces() {
    let app = spawn_app().await;
    let visitor = client();
    let strength =
        |password: &'static str, name: &'static str, email: &'static str, who: Client| {
            let app = &app;
            async move {
                let res = app
                    .call_as(
                        &who,
                        "password/strength",
                        &[("password", password), ("name", name), ("email", email)],
                    )
                    .await;
                assert_eq!(res.status(), StatusCode::OK);
                res.json::<Value>().await.unwrap()
            }
        };
    let weak = strength("password1234", "", "", visitor.clone()).await;
    assert!(weak["score"].as_u64().unwrap() < 3);
    assert!(
        weak["problem"]
            .as_str()
            .unwrap()
            .contains("too easy to guess")
    );
    let short = strength("k7#Qz", "", "", visitor.clone()).await;
    assert_eq!(short["problem"], "Use at least 12 characters.");
    let strong = strength("quartz lantern meadow 42", "", "", visitor.clone()).await;
    assert_eq!(strong["problem"], Value::Null);
    assert!(strong["score"].as_u64().unwrap() >= 3);
    let personal = strength("lovelace lantern meadow 42", "Ada Lovelace", "", visitor).await;
    assert!(personal["problem"].as_str().unwrap().contains("your name"));

    // Signed in, with no name or email on the form: one's own count.
    app.set_up().await;
    let own = strength("ada lantern meadow quartz 9", "", "", app.client.clone()).await;
    assert!(
        own["problem"].as_str().unwrap().contains("your name"),
        "{own}"
    );
}
