//! A passkey sign-in meets the same throttle as a password: the client address's limit,
//! checked before any passkey is read, and the account's lock, once the passkey names it.

use crate::helpers::{TestApp, client, spawn_app};
use crate::passkeys::{register, sign_in};
use chrono::{TimeDelta, Utc};
use reqwest::StatusCode;
use v2mom::server::throttle::{ACCOUNT_CAP, account_scope, address_scope};

/// `count` failed sign-ins for `scope`, the newest a second ago.
async fn failures(app: &TestApp, scope: &str, count: usize) {
    let mut tx = app.db.begin().await.unwrap();
    for i in 1..=count as i64 {
        tx.record_auth_failure(scope, "sign_in", Utc::now() - TimeDelta::seconds(i))
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
}

#[tokio::test]
async fn a_locked_account_cannot_sign_in_with_its_passkey_either() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    let (mut passkey, _) = register(&app, &app.client, "Work laptop", &admin.password).await;
    failures(&app, &account_scope(&admin.email), ACCOUNT_CAP).await;

    let browser = client();
    let res = sign_in(&app, &browser, &mut passkey, 1).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(res.headers().contains_key("retry-after"));
    assert_eq!(app.who_is(&browser).await, None);
}

#[tokio::test]
async fn an_address_over_its_limit_cannot_sign_in_with_a_passkey() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    let (mut passkey, _) = register(&app, &app.client, "Work laptop", &admin.password).await;
    let limit = app.config.settings.throttle_ip_attempts as usize;
    failures(&app, &address_scope("127.0.0.1".parse().unwrap()), limit).await;

    let browser = client();
    let res = sign_in(&app, &browser, &mut passkey, 1).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(app.who_is(&browser).await, None);
}
