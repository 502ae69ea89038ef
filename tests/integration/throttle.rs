//! Throttling: escalating delays and a hard cap per account, a limit per client address,
//! counted in the database (so across server processes), answered with 429 + Retry-After.

use crate::helpers::{TestApp, client, header, spawn_app, spawn_app_with};
use chrono::{TimeDelta, Utc};
use reqwest::{Client, Response, StatusCode};
use serde_json::Value;
use v2mom::server::{
    audit::Origin,
    db::AuditRow,
    throttle::{self, ACCOUNT_CAP, account_scope, audit_target},
};

const WRONG: &str = "not the password at all";

/// A sign-in attempt that claims, through `X-Forwarded-For`, to come from `forwarded_for`.
async fn login_forwarded(
    app: &TestApp,
    email: &str,
    password: &str,
    forwarded_for: &str,
) -> Response {
    client()
        .post(app.url("/api/login"))
        .header("sec-fetch-site", "same-origin")
        .header("x-forwarded-for", forwarded_for)
        .form(&[("email", email), ("password", password), ("next", "/")])
        .send()
        .await
        .unwrap()
}

/// One wrong password from each claimed client `198.51.100.<i>`, each on an account of its
/// own (`user<i>@…`); every one must be an ordinary refusal.
async fn one_failure_from_each(app: &TestApp, clients: std::ops::RangeInclusive<u8>) {
    for i in clients {
        let email = format!("user{i}@acme.example");
        let res = login_forwarded(app, &email, WRONG, &format!("198.51.100.{i}")).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "client {i}");
    }
}

/// Asserts a 429 with a `Retry-After` within `range` and the matching JSON body; returns
/// the body.
async fn assert_throttled(res: Response, range: std::ops::RangeInclusive<u64>) -> Value {
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry_after: u64 = header(res.headers(), "retry-after").parse().unwrap();
    assert!(range.contains(&retry_after), "Retry-After {retry_after}");
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["kind"], "too_many_requests", "{body}");
    assert_eq!(body["retry_after_secs"], retry_after, "{body}");
    body
}

/// How many failures of `scope` the database holds, however old.
async fn stored_failures(app: &TestApp, scope: &str) -> usize {
    let epoch = chrono::DateTime::UNIX_EPOCH;
    let stored = app.db.recent_auth_failures(scope, epoch, 1000).await;
    stored.unwrap().len()
}

async fn audit_rows(app: &TestApp, action: &str) -> Vec<AuditRow> {
    let rows = app.db.audit_rows().await.unwrap();
    rows.into_iter().filter(|r| r.action == action).collect()
}

async fn wrong_attempts(app: &TestApp, visitor: &Client, email: &str, times: usize) {
    for i in 0..times {
        let res = app.login_with(visitor, email, WRONG, "/").await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "attempt {}", i + 1);
    }
}

#[tokio::test]
async fn the_fourth_attempt_waits_even_with_the_right_password_and_reveals_nothing() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    let visitor = client();
    wrong_attempts(&app, &visitor, &admin.email, 3).await;

    let res = app.login_with(&visitor, &admin.email, WRONG, "/").await;
    let known = assert_throttled(res, 1..=3).await;
    // The right password does not skip the wait: it is not even checked.
    let res = app
        .login_with(&visitor, &admin.email, &admin.password, "/")
        .await;
    assert_throttled(res, 1..=3).await;
    assert_eq!(app.who_is(&visitor).await, None);

    // An email nobody has gets exactly the same treatment: the answers cannot tell them apart.
    wrong_attempts(&app, &visitor, "nobody@acme.example", 3).await;
    let res = app
        .login_with(&visitor, "nobody@acme.example", WRONG, "/")
        .await;
    let unknown = assert_throttled(res, 1..=3).await;
    let keys = |body: &Value| {
        let mut keys: Vec<String> = body.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        keys
    };
    assert_eq!(keys(&known), ["kind", "retry_after_secs"]);
    assert_eq!(keys(&unknown), keys(&known));

    // Two refusals for the account within a minute: one audit row, with what was refused.
    let throttled = audit_rows(&app, "auth.throttled").await;
    let on_admin: Vec<&AuditRow> = throttled
        .iter()
        .filter(|r| r.target == Some(audit_target(&account_scope("ada@acme.example"))))
        .collect();
    assert_eq!(on_admin.len(), 1, "{throttled:?}");
    let details: Value = serde_json::from_str(&on_admin[0].details).unwrap();
    assert_eq!(details["scope"], "account");
    assert_eq!(details["kind"], "sign_in");
    assert_eq!(details["locked"], false);
    assert!(details["retry_after_secs"].as_u64().unwrap() >= 1);
}

#[tokio::test]
async fn a_hundred_failures_lock_the_account_until_an_admin_unlocks_it() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    let admin_id = app
        .db
        .user_by_email(&admin.email)
        .await
        .unwrap()
        .unwrap()
        .id;
    // 99 failures in the last day, the newest 6 minutes ago: past the longest delay (5 min).
    let scope = throttle::account_scope(&admin.email);
    let newest = Utc::now() - TimeDelta::minutes(6);
    app.record_failures(&scope, newest, ACCOUNT_CAP - 1).await;

    // The hundredth is let through, fails, and locks the account.
    wrong_attempts(&app, &client(), &admin.email, 1).await;
    let locked = audit_rows(&app, "auth.locked").await;
    assert_eq!(locked.len(), 1, "{locked:?}");
    assert_eq!(locked[0].target, Some(throttle::audit_target(&scope)));

    // Now even the right password waits until the oldest failure leaves the day's window.
    let oldest_leaves_in = 24 * 3600 - 6 * 60 - (ACCOUNT_CAP as u64 - 2);
    let res = app
        .login_with(&client(), &admin.email, &admin.password, "/")
        .await;
    let body = assert_throttled(res, oldest_leaves_in - 60..=oldest_leaves_in).await;
    assert_eq!(body["kind"], "too_many_requests");
    let throttled = audit_rows(&app, "auth.throttled").await;
    assert_eq!(throttled.len(), 1, "{throttled:?}");
    assert!(
        throttled[0].details.contains("\"locked\":true"),
        "{throttled:?}"
    );

    let mut tx = app.db.begin().await.unwrap();
    let cleared = throttle::unlock_account(&mut tx, &Origin::default(), admin_id, &admin.email)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(cleared, ACCOUNT_CAP as u64);
    let unlocked = audit_rows(&app, "auth.unlocked").await;
    assert_eq!(unlocked.len(), 1);
    assert_eq!(unlocked[0].actor_id, Some(admin_id));

    let visitor = client();
    let res = app
        .login_with(&visitor, &admin.email, &admin.password, "/")
        .await;
    assert!(res.status().is_success(), "{}", res.status());
    assert_eq!(
        app.who_is(&visitor).await.as_deref(),
        Some(admin.email.as_str())
    );
}

#[tokio::test]
async fn failures_older_than_a_day_neither_count_nor_stay() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    let scope = throttle::account_scope(&admin.email);
    let long_ago = Utc::now() - TimeDelta::hours(24) - TimeDelta::minutes(1);
    app.record_failures(&scope, long_ago, ACCOUNT_CAP).await;

    // Three fresh failures are still free: the old hundred are outside the window…
    wrong_attempts(&app, &client(), &admin.email, 3).await;
    // …and recording them deleted the old ones.
    assert_eq!(stored_failures(&app, &scope).await, 3);
}

#[tokio::test]
async fn a_successful_sign_in_resets_the_account_but_not_the_address() {
    let app = spawn_app_with(|s| s.throttle_ip_attempts = 3).await;
    let admin = app.set_up().await;
    wrong_attempts(&app, &client(), &admin.email, 2).await;
    let res = app
        .login_with(&client(), &admin.email, &admin.password, "/")
        .await;
    assert!(res.status().is_success(), "{}", res.status());
    let scope = throttle::account_scope(&admin.email);
    assert_eq!(stored_failures(&app, &scope).await, 0);
    // The address still has its two failures: one more, and it waits.
    wrong_attempts(&app, &client(), "someone@acme.example", 1).await;
    let res = app
        .login_with(&client(), &admin.email, &admin.password, "/")
        .await;
    assert_throttled(res, 1..=15 * 60).await;
}

#[tokio::test]
async fn one_address_is_limited_across_accounts() {
    let app = spawn_app_with(|s| s.throttle_ip_attempts = 3).await;
    let admin = app.set_up().await;
    for email in ["a@acme.example", "b@acme.example", "c@acme.example"] {
        wrong_attempts(&app, &client(), email, 1).await;
    }
    let res = app
        .login_with(&client(), "d@acme.example", WRONG, "/")
        .await;
    assert_throttled(res, 15 * 60 - 60..=15 * 60).await;
    // Everyone at that address waits, whatever the account and password.
    let res = app
        .login_with(&client(), &admin.email, &admin.password, "/")
        .await;
    assert_throttled(res, 15 * 60 - 60..=15 * 60).await;

    let throttled = audit_rows(&app, "auth.throttled").await;
    assert_eq!(throttled.len(), 1, "{throttled:?}");
    assert_eq!(throttled[0].target.as_deref(), Some("ip:127.0.0.1"));
    assert!(throttled[0].details.contains("\"scope\":\"ip\""));
}

#[tokio::test]
async fn setup_attempts_count_against_the_address() {
    let app = spawn_app_with(|s| s.throttle_ip_attempts = 2).await;
    let admin = app.set_up().await;
    let again = [
        ("organisation", "Evil Corp"),
        ("name", "Mallory"),
        ("email", "mallory@evil.example"),
        ("password", admin.password.as_str()),
    ];
    for _ in 0..2 {
        assert_eq!(
            app.call("setup", &again).await.status(),
            StatusCode::NOT_FOUND
        );
    }
    assert_throttled(app.call("setup", &again).await, 1..=15 * 60).await;
}

#[tokio::test]
async fn x_forwarded_for_is_ignored_without_a_trusted_proxy() {
    let app = spawn_app_with(|s| s.throttle_ip_attempts = 3).await;
    app.set_up().await;
    one_failure_from_each(&app, 1..=3).await;
    // A fourth made-up address does not help: the socket's address is the one counted.
    let res = login_forwarded(&app, "user4@acme.example", WRONG, "198.51.100.4").await;
    assert_throttled(res, 1..=15 * 60).await;
    for row in audit_rows(&app, "auth.sign_in_failed").await {
        assert_eq!(row.client_ip.as_deref(), Some("127.0.0.1"));
    }
}

#[tokio::test]
async fn x_forwarded_for_names_the_client_behind_a_trusted_proxy() {
    let app = spawn_app_with(|s| {
        s.throttle_ip_attempts = 3;
        s.trusted_proxies = vec!["127.0.0.1".into()];
    })
    .await;
    app.set_up().await;
    // Five clients behind the proxy, one failure each: none of them reaches the limit.
    one_failure_from_each(&app, 1..=5).await;
    // One client, many accounts: its third failure uses up its allowance…
    for i in 1..=3 {
        let res = login_forwarded(&app, &format!("u{i}@acme.example"), WRONG, "203.0.113.7").await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "attempt {i}");
    }
    let res = login_forwarded(&app, "u4@acme.example", WRONG, "203.0.113.7").await;
    assert_throttled(res, 15 * 60 - 60..=15 * 60).await;
    // …and prepending a made-up address does not hide it: the proxy appended the real one.
    let res = login_forwarded(&app, "u5@acme.example", WRONG, "192.0.2.1, 203.0.113.7").await;
    assert_throttled(res, 15 * 60 - 60..=15 * 60).await;
    // Another client behind the same proxy is not affected.
    let res = login_forwarded(&app, "u6@acme.example", WRONG, "198.51.100.200").await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);

    let failed = audit_rows(&app, "auth.sign_in_failed").await;
    assert_eq!(failed[0].client_ip.as_deref(), Some("198.51.100.1"));
    assert_eq!(
        failed.last().unwrap().client_ip.as_deref(),
        Some("198.51.100.200")
    );
    let throttled = audit_rows(&app, "auth.throttled").await;
    assert!(
        throttled
            .iter()
            .any(|r| r.target.as_deref() == Some("ip:203.0.113.7")),
        "{throttled:?}"
    );
}

#[tokio::test]
async fn every_server_process_sees_the_same_counts() {
    let first = spawn_app().await;
    let admin = first.set_up().await;
    let second = first.another_server().await;
    assert_ne!(first.addr, second.addr);

    wrong_attempts(&first, &client(), &admin.email, 3).await;
    let res = second
        .login_with(&client(), &admin.email, &admin.password, "/")
        .await;
    assert_throttled(res, 1..=3).await;
    let res = first
        .login_with(&client(), &admin.email, &admin.password, "/")
        .await;
    assert_throttled(res, 1..=3).await;
    // Both refusals were for the same account within a minute: recorded once.
    assert_eq!(audit_rows(&second, "auth.throttled").await.len(), 1);
}

#[tokio::test]
async fn a_form_posted_without_javascript_shows_the_wait() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    wrong_attempts(&app, &client(), &admin.email, 3).await;
    // What a browser without JavaScript sends: a form post that accepts HTML.
    let browser = client();
    let form = [
        ("email", admin.email.as_str()),
        ("password", WRONG),
        ("next", "/"),
    ];
    let res = app
        .post_plain(&browser, "/api/login", "/login", &form)
        .await;
    let html = app.page_after(&browser, res).await;
    assert!(
        html.contains("Too many attempts. Please wait 3 seconds and try again.")
            || html.contains("Too many attempts. Please wait 2 seconds and try again.")
            || html.contains("Too many attempts. Please wait 1 second and try again."),
        "{html}"
    );
}

/// The same unlock, from the person page's server function: administrators only.
#[tokio::test]
async fn an_administrator_unlocks_an_account_from_the_people_pages() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    let me = app.db.user_by_email(&admin.email).await.unwrap().unwrap();
    for _ in 0..4 {
        app.login_with(&client(), &admin.email, "not the password at all", "/")
            .await;
    }
    let throttled = app
        .login_with(&client(), &admin.email, &admin.password, "/")
        .await;
    assert_eq!(throttled.status(), StatusCode::TOO_MANY_REQUESTS);

    let stranger = app
        .call_as(&client(), "users/unlock", &[("id", &me.id.to_string())])
        .await;
    assert_eq!(stranger.status(), StatusCode::UNAUTHORIZED);

    let res = app
        .call("users/unlock", &[("id", &me.id.to_string())])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.json::<u64>().await.unwrap() >= 3);
    let again = app
        .login_with(&client(), &admin.email, &admin.password, "/")
        .await;
    assert!(again.status().is_success(), "{}", again.status());
}
