//! A passkey sign-in meets the same throttle as a password: the client address's limit,
//! checked before any passkey is read, and the account's lock, once the passkey names it.

use crate::helpers::{client, spawn_app};
use crate::passkeys::{register, sign_in};
use chrono::{DateTime, TimeDelta, Utc};
use reqwest::StatusCode;
use v2mom::server::throttle::{ACCOUNT_CAP, account_scope, address_scope};

fn a_second_ago() -> DateTime<Utc> {
    Utc::now() - TimeDelta::seconds(1)
}

#[tokio::test]
async fn a_locked_account_cannot_sign_in_with_its_passkey_either() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    let (mut passkey, _) = register(&app, &app.client, "Work laptop", &admin.password).await;
    app.record_failures(&account_scope(&admin.email), a_second_ago(), ACCOUNT_CAP)
        .await;

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
    let address = address_scope("127.0.0.1".parse().unwrap());
    app.record_failures(&address, a_second_ago(), limit).await;

    let browser = client();
    let res = sign_in(&app, &browser, &mut passkey, 1).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(app.who_is(&browser).await, None);
}
