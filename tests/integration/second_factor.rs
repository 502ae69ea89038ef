//! A second factor: an authenticator app (TOTP) with recovery codes, the second step of
//! signing in, and who may change it. Codes are computed here from the secret the page shows,
//! as a person's app would.

use crate::amend::audited;
use crate::helpers::{TestApp, client, session_cookie, spawn_app, spawn_app_with};
use crate::people::{PASSWORD, accept, invite};
use reqwest::{Client, StatusCode};
use serde_json::Value;
use totp_rs::{Algorithm, Builder, Secret, Totp};

/// The app a person would set up from the enrolment's key.
fn app_from(enrolment: &Value) -> Totp {
    let key = enrolment["secret"].as_str().unwrap().replace(' ', "");
    let secret = Secret::try_from_base32(key).unwrap();
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(30)
        .with_secret(secret.as_ref().to_vec())
        .build_noncompliant()
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// The app's code `steps` steps from now.
fn code(app: &Totp, steps: i64) -> String {
    app.generate((now() as i64 + steps * 30) as u64).to_string()
}

/// Turns the app on for `browser`'s person; returns the app and the recovery codes.
pub async fn enrol(app: &TestApp, browser: &Client) -> (Totp, Vec<String>) {
    let res = app
        .call_as(browser, "profile/second_factor/start", &[])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let enrolment: Value = res.json().await.unwrap();
    assert!(enrolment["qr_svg"].as_str().unwrap().starts_with("<svg"));
    assert!(
        enrolment["uri"]
            .as_str()
            .unwrap()
            .starts_with("otpauth://totp/")
    );
    let totp = app_from(&enrolment);
    let res = app
        .call_as(
            browser,
            "profile/second_factor/confirm",
            &[("code", &code(&totp, 0))],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let codes: Value = res.json().await.unwrap();
    let codes = codes["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect();
    (totp, codes)
}

/// Signs `email` in with the password in a fresh browser, which is then half signed in.
async fn first_step(app: &TestApp, email: &str, password: &str) -> Client {
    first_step_with_cookie(app, email, password).await.0
}

/// [`first_step`], with the session cookie the password step set.
async fn first_step_with_cookie(app: &TestApp, email: &str, password: &str) -> (Client, String) {
    let browser = client();
    let res = app.login_with(&browser, email, password, "/team").await;
    assert!(res.status().is_success(), "{}", res.status());
    assert_eq!(
        res.headers()["location"],
        "/login/second-factor?next=%2Fteam"
    );
    let cookie = session_cookie(&res).expect("a session for the second step");
    (browser, cookie)
}

async fn second_step(app: &TestApp, browser: &Client, code: &str) -> reqwest::Response {
    app.call_as(
        browser,
        "login/second_factor",
        &[("code", code), ("next", "/team")],
    )
    .await
}

async fn status(app: &TestApp, browser: &Client) -> Value {
    let res = app.call_as(browser, "profile/second_factor", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

fn field_of(body: &Value) -> &str {
    body["fields"][0]["field"].as_str().unwrap_or_default()
}

#[tokio::test]
async fn the_app_is_on_only_after_its_first_code_and_the_recovery_codes_show_once() {
    let app = spawn_app().await;
    app.set_up().await;
    let before = status(&app, &app.client).await;
    assert_eq!(before["totp_on_since"], Value::Null);
    assert_eq!(before["enrolment"], Value::Null);

    let res = app.call("profile/second_factor/start", &[]).await;
    let enrolment: Value = res.json().await.unwrap();
    let waiting = status(&app, &app.client).await;
    assert_eq!(
        waiting["enrolment"]["secret"], enrolment["secret"],
        "the page shows it again"
    );
    assert_eq!(
        waiting["totp_on_since"],
        Value::Null,
        "not on before the first code"
    );
    let secret = enrolment["secret"].as_str().unwrap().replace(' ', "");
    assert_eq!(secret.len(), 32, "160 bits in base32");
    let stored = app.columns_containing(&secret).await;
    assert!(
        stored.is_empty(),
        "the secret is sealed at rest: {stored:?}"
    );

    let wrong = app
        .call("profile/second_factor/confirm", &[("code", "000000")])
        .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_of(&wrong.json().await.unwrap()), "code");

    let totp = app_from(&enrolment);
    let res = app
        .call(
            "profile/second_factor/confirm",
            &[("code", &code(&totp, 0))],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let codes: Value = res.json().await.unwrap();
    assert_eq!(codes["codes"].as_array().unwrap().len(), 10);
    let on = status(&app, &app.client).await;
    assert!(on["totp_on_since"].is_string());
    assert_eq!(on["recovery_codes_left"], 10);
    assert_eq!(
        on["enrolment"],
        Value::Null,
        "the key is not shown once it is on"
    );

    let again = app.call("profile/second_factor/start", &[]).await;
    assert_eq!(again.status(), StatusCode::CONFLICT, "one app at a time");
    assert_eq!(audited(&app, "second_factor.enrolled").await.len(), 1);
    let first = codes["codes"][0].as_str().unwrap();
    assert!(
        app.columns_containing(first).await.is_empty(),
        "codes are kept hashed"
    );
}

#[tokio::test]
async fn signing_in_asks_for_a_code_and_a_half_signed_in_session_can_do_nothing_else() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    let (totp, _) = enrol(&app, &app.client).await;

    let (browser, before) = first_step_with_cookie(&app, &admin.email, &admin.password).await;
    assert_eq!(app.who_is(&browser).await, None, "not signed in yet");
    // Every server function that changes nothing answers it as it answers nobody at all.
    let nobody = client();
    for f in crate::fuzz::forms::SERVER_FNS
        .iter()
        .filter(|f| !f.disrupts)
    {
        let endpoint = f.path.trim_start_matches("/api/");
        let half = app.call_as(&browser, endpoint, &[]).await.status();
        let stranger = app.call_as(&nobody, endpoint, &[]).await.status();
        assert_eq!(half, stranger, "{endpoint}");
    }
    let res = app.call_as(&browser, "profile/second_factor", &[]).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let page = app.html(&browser, "/profile").await;
    assert!(
        !page.contains(&admin.email),
        "the profile page shows nobody's data"
    );
    let waiting = app
        .call_as(&browser, "login/second_factor/waiting", &[])
        .await;
    let offer: Value = waiting.json().await.unwrap();
    assert_eq!(
        offer,
        serde_json::json!({ "app": true, "passkey": false }),
        "half signed in, with an app"
    );
    let page = app
        .html(&browser, "/login/second-factor?next=%2Fteam")
        .await;
    assert!(
        page.contains("authenticator app"),
        "the second-step form shows"
    );

    // Two wrong tries (the account's third failure would make the next try wait).
    for wrong in [code(&totp, -3), "not a code".to_owned()] {
        let wrong = wrong.as_str();
        let res = second_step(&app, &browser, wrong).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{wrong}");
        assert_eq!(field_of(&res.json().await.unwrap()), "code");
    }
    assert_eq!(app.who_is(&browser).await, None);

    // The enrolment used this step's code: the next step's is the one an app shows soon.
    let fresh = code(&totp, 1);
    let res = second_step(&app, &browser, &fresh).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["location"], "/team");
    let after = session_cookie(&res).expect("a new session id");
    assert_ne!(before, after, "the session id changes at the second step");
    assert_eq!(
        app.who_is(&browser).await.as_deref(),
        Some(admin.email.as_str())
    );

    let replay = first_step(&app, &admin.email, &admin.password).await;
    let res = second_step(&app, &replay, &fresh).await;
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a code works once"
    );
    assert_eq!(app.who_is(&replay).await, None);

    let used = audited(&app, "auth.second_factor").await;
    assert_eq!(used.len(), 1);
    assert_eq!(used[0]["with"], "app");
    assert_eq!(audited(&app, "auth.second_factor_failed").await.len(), 3);
    assert_eq!(
        audited(&app, "auth.sign_in").await.len(),
        2,
        "setup, then the second step"
    );
}

#[tokio::test]
async fn without_a_half_signed_in_session_the_second_step_refuses() {
    let app = spawn_app().await;
    app.set_up().await;
    let stranger = client();
    let res = second_step(&app, &stranger, "123456").await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let page = app.html(&stranger, "/login/second-factor").await;
    assert!(page.contains("Sign in again"));
}

#[tokio::test]
async fn a_recovery_code_signs_in_once() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    let (_, codes) = enrol(&app, &app.client).await;

    let browser = first_step(&app, &admin.email, &admin.password).await;
    // Typed loosely: upper case, without the dashes.
    let typed = codes[3].to_uppercase().replace('-', "");
    let res = second_step(&app, &browser, &typed).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        app.who_is(&browser).await.as_deref(),
        Some(admin.email.as_str())
    );
    assert_eq!(status(&app, &browser).await["recovery_codes_left"], 9);

    let again = first_step(&app, &admin.email, &admin.password).await;
    let res = second_step(&app, &again, &codes[3]).await;
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "used already"
    );
    let used = audited(&app, "auth.second_factor").await;
    assert_eq!(used[0]["with"], "recovery_code");
    assert_eq!(used[0]["recovery_codes_left"], 9);
}

#[tokio::test]
async fn wrong_codes_are_throttled_like_wrong_passwords() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    enrol(&app, &app.client).await;
    let browser = first_step(&app, &admin.email, &admin.password).await;
    for _ in 0..3 {
        let res = second_step(&app, &browser, "000000").await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let res = second_step(&app, &browser, "000000").await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(res.headers().contains_key("retry-after"));
    let throttled = audited(&app, "auth.throttled").await;
    assert_eq!(throttled[0]["kind"], "second_factor");
}

#[tokio::test]
async fn turning_off_and_new_recovery_codes_need_a_fresh_proof() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    let (totp, old) = enrol(&app, &app.client).await;

    let wrong = app
        .call(
            "profile/second_factor/recovery_codes",
            &[("proof", "not my password")],
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_of(&wrong.json().await.unwrap()), "proof");
    let res = app
        .call(
            "profile/second_factor/recovery_codes",
            &[("proof", &admin.password)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let new: Value = res.json().await.unwrap();
    assert_ne!(new["codes"][0].as_str().unwrap(), old[0]);
    let browser = first_step(&app, &admin.email, &admin.password).await;
    let res = second_step(&app, &browser, &old[0]).await;
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "the old codes are gone"
    );

    let res = app
        .call("profile/second_factor/off", &[("proof", &code(&totp, 1))])
        .await;
    assert_eq!(res.status(), StatusCode::OK, "a current code proves it too");
    assert_eq!(
        status(&app, &app.client).await["totp_on_since"],
        Value::Null
    );
    let res = app
        .login_with(&client(), &admin.email, &admin.password, "/team")
        .await;
    assert_eq!(
        res.headers()["location"],
        "/team",
        "the password alone signs in again"
    );
    assert_eq!(audited(&app, "second_factor.disabled").await.len(), 1);
    assert_eq!(
        audited(&app, "second_factor.recovery_codes_renewed")
            .await
            .len(),
        1
    );
}

#[tokio::test]
async fn an_administrator_resets_someones_second_factor_and_nobody_else_may() {
    let app = spawn_app().await;
    app.set_up().await;
    let (eve_id, token) = invite(&app, "eve@acme.example", "Eve Employee", "employee", None).await;
    let eve = accept(&app, &token).await;
    enrol(&app, &eve).await;
    let (_, token) = invite(&app, "max@acme.example", "Max Manager", "manager", None).await;
    let max = accept(&app, &token).await;

    let id = eve_id.to_string();
    let res = app
        .call_as(&max, "users/second_factor/reset", &[("id", &id)])
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = app
        .call_as(&client(), "users/second_factor/reset", &[("id", &id)])
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    first_step(&app, "eve@acme.example", PASSWORD).await;

    let res = app.call("users/second_factor/reset", &[("id", &id)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = app
        .login_with(&client(), "eve@acme.example", PASSWORD, "/team")
        .await;
    assert_eq!(
        res.headers()["location"],
        "/team",
        "she signs in with her password alone"
    );
    let again = app.call("users/second_factor/reset", &[("id", &id)]).await;
    assert_eq!(
        again.status(),
        StatusCode::CONFLICT,
        "nothing left to reset"
    );
    assert_eq!(audited(&app, "second_factor.reset").await.len(), 1);
}

#[tokio::test]
async fn without_javascript_the_recovery_codes_show_once_on_the_page() {
    let app = spawn_app().await;
    app.set_up().await;
    let res = app
        .post_plain(
            &app.client,
            "/api/profile/second_factor/start",
            "/profile/security",
            &[],
        )
        .await;
    assert_eq!(res.headers()["location"], "/profile/security");
    let page = app.html(&app.client, "/profile/security").await;
    assert!(page.contains("<svg"), "the QR code is on the page");
    let key = page
        .split("id=\"totp-secret\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .unwrap()
        .to_owned();
    let totp = app_from(&serde_json::json!({ "secret": key }));
    let res = app
        .post_plain(
            &app.client,
            "/api/profile/second_factor/confirm",
            "/profile/security",
            &[("code", &code(&totp, 0))],
        )
        .await;
    assert_eq!(res.headers()["location"], "/profile/security");
    let page = app.html(&app.client, "/profile/security").await;
    assert!(page.contains("Your recovery codes"));
    assert!(page.contains("v2mom-recovery-codes.txt"));
    let page = app.html(&app.client, "/profile/security").await;
    assert!(!page.contains("Your recovery codes"), "shown once");
    assert!(page.contains("Recovery codes left: 10"));
}

#[tokio::test]
async fn a_role_that_requires_a_second_factor_can_do_nothing_else_until_it_is_on() {
    let app = spawn_app_with(|s| s.second_factor_required_for = vec!["admin".into()]).await;
    app.set_up().await;
    let me: Value = app.call("me", &[]).await.json().await.unwrap();
    assert_eq!(me["must_set_up_second_factor"], true);
    assert_eq!(
        app.call("profile/sessions", &[]).await.status(),
        StatusCode::CONFLICT
    );
    assert_eq!(
        app.get("/profile/export.json").await.status(),
        StatusCode::CONFLICT
    );
    // A browser asking for a page (it accepts HTML) is sent to the security page.
    let page = app
        .client
        .get(app.url("/team"))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert!(page.status().is_redirection(), "{}", page.status());
    assert_eq!(page.headers()["location"], "/profile/security");
    let page = app.get("/profile/security").await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(
        status(&app, &app.client).await["required"]
            .as_bool()
            .unwrap()
    );

    enrol(&app, &app.client).await;
    let me: Value = app.call("me", &[]).await.json().await.unwrap();
    assert_eq!(me["must_set_up_second_factor"], false);
    assert_eq!(
        app.call("profile/sessions", &[]).await.status(),
        StatusCode::OK
    );
    assert_eq!(app.get("/team").await.status(), StatusCode::OK);
}
