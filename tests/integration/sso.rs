//! Single sign-on through an OpenID Connect provider: the in-process test issuer
//! (`issuer.rs`) plays the provider, a cookie-keeping client plays the browser and follows
//! each redirect by hand, so every step of the flow can be looked at or tampered with.

use crate::{
    helpers::{TestApp, client, header, session_cookie, spawn_app, spawn_app_with},
    issuer::{CLIENT_ID, CLIENT_SECRET, Issuer, Person, Tamper},
    people::{PASSWORD, accept, invite, organisation},
};
use reqwest::{Client, Response, StatusCode};
use serde_json::Value;
use url::Url;
use v2mom::model::Role;

const SLUG: &str = "testid";
const EVE: &str = "eve@acme.example";

/// The app with the test issuer configured as provider `testid`.
async fn app_with(issuer: &Issuer, link_verified_emails: bool, domains: &[&str]) -> TestApp {
    let provider = issuer.configured(SLUG, link_verified_emails, domains);
    spawn_app_with(move |s| s.sso_providers = vec![provider]).await
}

/// A form posted the way a browser without JavaScript posts it.
async fn post_form(app: &TestApp, browser: &Client, path: &str, form: &[(&str, &str)]) -> Response {
    app.post_plain(browser, path, "/login", form).await
}

fn location(res: &Response) -> String {
    assert!(
        res.status().is_redirection(),
        "expected a redirect, got {}",
        res.status()
    );
    header(res.headers(), "location").to_owned()
}

/// Presses a provider button (`path` is `/auth/sso/<slug>` or `…/link`): the app sends
/// the browser to the issuer's sign-in page.
async fn press(app: &TestApp, browser: &Client, path: &str, form: &[(&str, &str)]) -> Url {
    let res = post_form(app, browser, path, form).await;
    let to = location(&res);
    Url::parse(&to).unwrap_or_else(|_| panic!("not sent to the provider but to {to}"))
}

/// The browser at the issuer: it comes back with the URL of the app's callback.
async fn at_issuer(browser: &Client, authorize: &Url) -> Url {
    let res = browser.get(authorize.clone()).send().await.unwrap();
    Url::parse(&location(&res)).unwrap()
}

/// The browser back at the app's callback: where the app sends it in the end.
async fn come_back(browser: &Client, callback: &Url) -> String {
    let res = browser.get(callback.clone()).send().await.unwrap();
    location(&res)
}

/// The whole round trip from the button to where the browser ends up.
async fn round_trip(app: &TestApp, browser: &Client, path: &str, form: &[(&str, &str)]) -> String {
    let authorize = press(app, browser, path, form).await;
    let callback = at_issuer(browser, &authorize).await;
    come_back(browser, &callback).await
}

/// Signs in with the provider, from the sign-in page.
async fn sign_in(app: &TestApp, browser: &Client) -> String {
    round_trip(app, browser, &format!("/auth/sso/{SLUG}"), &[("next", "/")]).await
}

fn query(url: &Url, name: &str) -> String {
    url.query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
        .unwrap_or_else(|| panic!("{name} missing from {url}"))
}

fn with_query(url: &Url, name: &str, value: &str) -> Url {
    let pairs: Vec<(String, String)> = url
        .query_pairs()
        .map(|(k, v)| {
            let v = if k == name {
                value.to_owned()
            } else {
                v.into_owned()
            };
            (k.into_owned(), v)
        })
        .collect();
    let mut changed = url.clone();
    changed.query_pairs_mut().clear().extend_pairs(pairs);
    changed
}

/// The details of each audit row of `action`, with who did it.
async fn audited(app: &TestApp, action: &str) -> Vec<(Option<i64>, Value)> {
    app.db
        .audit_rows()
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.action == action)
        .map(|r| (r.actor_id, serde_json::from_str(&r.details).unwrap()))
        .collect()
}

/// The reasons of the sign-in refusals through the provider, oldest first.
async fn refusals(app: &TestApp) -> Vec<String> {
    audited(app, "auth.sign_in_failed")
        .await
        .into_iter()
        .map(|(actor, details)| {
            assert_eq!(actor, None);
            assert_eq!(details["method"], format!("sso:{SLUG}"));
            details["reason"].as_str().unwrap().to_owned()
        })
        .collect()
}

/// What the audit log says went wrong with the last refusal (never shown to the person).
async fn last_refusal_detail(app: &TestApp) -> String {
    let refused = audited(app, "auth.sign_in_failed").await;
    let (_, details) = refused.last().expect("a refusal was audited");
    details["detail"].as_str().unwrap().to_owned()
}

async fn identities(app: &TestApp, user_id: i64) -> usize {
    app.db.linked_identities(user_id).await.unwrap().len()
}

/// The admin and Eve (who signed up with a password), Eve's id.
async fn with_eve(app: &TestApp) -> i64 {
    app.set_up().await;
    let (eve, token) = invite(app, EVE, "Eve Employee", "employee", None).await;
    accept(app, &token).await;
    eve
}

/// An app whose provider links verified emails, Eve, and the issuer's answer spoiled by
/// `tamper`: where Eve's browser ends up.
async fn spoiled_sign_in(tamper: Tamper) -> (Issuer, TestApp, i64, Client, String) {
    let issuer = Issuer::start().await;
    let app = app_with(&issuer, true, &[]).await;
    let eve = with_eve(&app).await;
    issuer.sign_in_as(Person::verified("sub-eve", EVE));
    issuer.tamper_next(tamper);
    let browser = client();
    let ended = sign_in(&app, &browser).await;
    (issuer, app, eve, browser, ended)
}

/// What every refusal of a sign-in leaves behind: nobody signed in, nothing linked, one
/// audited refusal with `reason`.
async fn assert_refused(app: &TestApp, browser: &Client, eve: i64, reason: &str) {
    assert_eq!(app.who_is(browser).await, None);
    assert_eq!(identities(app, eve).await, 0);
    assert_eq!(refusals(app).await, [reason]);
    let through_provider = format!("sso:{SLUG}");
    assert!(
        audited(app, "auth.sign_in")
            .await
            .iter()
            .all(|(_, details)| details["method"] != through_provider.as_str())
    );
}

#[tokio::test]
async fn a_provisioned_person_signs_in_and_stays_one_account_when_their_email_changes() {
    let issuer = Issuer::start().await;
    let app = app_with(&issuer, true, &[]).await;
    let eve = with_eve(&app).await;

    issuer.sign_in_as(Person::verified("sub-eve", EVE));
    let browser = client();
    let ended = round_trip(
        &app,
        &browser,
        &format!("/auth/sso/{SLUG}"),
        &[("next", "/profile")],
    )
    .await;
    assert_eq!(ended, "/profile");
    assert_eq!(app.who_is(&browser).await.as_deref(), Some(EVE));
    let identity = app
        .db
        .sso_identity(&issuer.url, "sub-eve")
        .await
        .unwrap()
        .expect("identity stored under (issuer, subject)");
    assert_eq!(identity.user_id, eve);
    let linked = audited(&app, "sso.linked").await;
    assert_eq!(linked.len(), 1);
    assert_eq!(linked[0].0, Some(eve));
    assert_eq!(linked[0].1["how"], "verified_email");
    let sign_ins = audited(&app, "auth.sign_in").await;
    let (actor, details) = sign_ins.last().unwrap();
    assert_eq!(*actor, Some(eve));
    assert_eq!(details["method"], format!("sso:{SLUG}"));
    // The issuer got the client secret, the PKCE verifier and the redirect URI right.
    assert!(issuer.token_refusals().is_empty());

    // Eve's address at the provider changes (to one nobody here has): still Eve.
    issuer.sign_in_as(Person::verified("sub-eve", "eve.new@elsewhere.example"));
    let other_browser = client();
    assert_eq!(sign_in(&app, &other_browser).await, "/");
    assert_eq!(app.who_is(&other_browser).await.as_deref(), Some(EVE));
    assert_eq!(identities(&app, eve).await, 1);
    let identity = app
        .db
        .sso_identity(&issuer.url, "sub-eve")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(identity.email, "eve.new@elsewhere.example");
    assert!(
        app.db
            .user_by_email("eve.new@elsewhere.example")
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn a_tampered_state_is_refused_and_the_sign_in_cannot_be_finished_after() {
    let issuer = Issuer::start().await;
    let app = app_with(&issuer, true, &[]).await;
    let eve = with_eve(&app).await;
    issuer.sign_in_as(Person::verified("sub-eve", EVE));
    let browser = client();
    let authorize = press(&app, &browser, &format!("/auth/sso/{SLUG}"), &[]).await;
    let callback = at_issuer(&browser, &authorize).await;

    let forged = with_query(&callback, "state", "forged-state");
    assert_eq!(
        come_back(&browser, &forged).await,
        "/login?sso_error=mismatch"
    );
    assert_refused(&app, &browser, eve, "mismatch").await;
    let (_, details) = &audited(&app, "auth.sign_in_failed").await[0];
    assert!(
        details["detail"].as_str().unwrap().contains("state"),
        "{details}"
    );

    // The pending sign-in is gone: the genuine answer arriving now is too late.
    assert_eq!(
        come_back(&browser, &callback).await,
        "/login?sso_error=expired"
    );
    assert_eq!(app.who_is(&browser).await, None);
}

#[tokio::test]
async fn a_callback_and_a_code_work_once() {
    let issuer = Issuer::start().await;
    let app = app_with(&issuer, true, &[]).await;
    with_eve(&app).await;
    issuer.sign_in_as(Person::verified("sub-eve", EVE));
    let browser = client();
    let authorize = press(&app, &browser, &format!("/auth/sso/{SLUG}"), &[]).await;
    let callback = at_issuer(&browser, &authorize).await;
    assert_eq!(come_back(&browser, &callback).await, "/");
    assert_eq!(app.who_is(&browser).await.as_deref(), Some(EVE));

    // Someone who got hold of the callback URL replays it in their own browser.
    let attacker = client();
    assert_eq!(
        come_back(&attacker, &callback).await,
        "/login?sso_error=expired"
    );
    assert_eq!(app.who_is(&attacker).await, None);

    // Or starts a sign-in of their own and hands in Eve's (used) code with their state.
    let own = press(&app, &attacker, &format!("/auth/sso/{SLUG}"), &[]).await;
    let replay = with_query(&callback, "state", &query(&own, "state"));
    assert_eq!(
        come_back(&attacker, &replay).await,
        "/login?sso_error=provider_error"
    );
    assert_eq!(app.who_is(&attacker).await, None);
    assert_eq!(issuer.token_refusals(), ["invalid_grant"]);
    assert_eq!(refusals(&app).await, ["expired", "provider_error"]);
}

/// A sign-in whose ID token the issuer spoiled with `tamper`: refused as `reason`, and the
/// audited detail says what was wrong (`what`).
async fn assert_spoiled_token_refused(tamper: Tamper, reason: &str, what: &str) {
    let (_issuer, app, eve, browser, ended) = spoiled_sign_in(tamper).await;
    assert_eq!(ended, format!("/login?sso_error={reason}"));
    assert_refused(&app, &browser, eve, reason).await;
    let detail = last_refusal_detail(&app).await.to_lowercase();
    assert!(detail.contains(what), "{detail}");
}

#[tokio::test]
async fn an_id_token_with_another_nonce_is_refused() {
    assert_spoiled_token_refused(Tamper::Nonce, "mismatch", "nonce").await;
}

#[tokio::test]
async fn an_id_token_for_another_client_is_refused() {
    assert_spoiled_token_refused(Tamper::Audience, "mismatch", "audience").await;
}

#[tokio::test]
async fn an_expired_id_token_is_refused() {
    assert_spoiled_token_refused(Tamper::Expired, "expired", "expired").await;
}

#[tokio::test]
async fn an_id_token_issued_long_ago_is_refused() {
    assert_spoiled_token_refused(Tamper::IssuedLongAgo, "expired", "issued").await;
}

#[tokio::test]
async fn an_id_token_signed_by_an_unknown_key_is_refused_after_one_look_at_the_keys() {
    let issuer = Issuer::start().await;
    let app = app_with(&issuer, true, &[]).await;
    let eve = with_eve(&app).await;
    issuer.sign_in_as(Person::verified("sub-eve", EVE));
    issuer.tamper_next(Tamper::UnknownKey);
    let browser = client();
    let authorize = press(&app, &browser, &format!("/auth/sso/{SLUG}"), &[]).await;
    // Discovery fetched the keys once.
    assert_eq!(issuer.jwks_fetches(), 1);
    let callback = at_issuer(&browser, &authorize).await;
    assert_eq!(
        come_back(&browser, &callback).await,
        "/login?sso_error=mismatch"
    );
    assert_eq!(
        issuer.jwks_fetches(),
        2,
        "the keys are fetched again exactly once"
    );
    assert_refused(&app, &browser, eve, "mismatch").await;
    let detail = last_refusal_detail(&app).await;
    assert!(detail.contains("Signature verification"), "{detail}");

    // A second forged token moments later does not make us fetch the keys again: forged
    // tokens must not turn us into a way to flood the provider.
    issuer.tamper_next(Tamper::UnknownKey);
    assert_eq!(sign_in(&app, &client()).await, "/login?sso_error=mismatch");
    assert_eq!(issuer.jwks_fetches(), 2);
}

#[tokio::test]
async fn a_rotated_signing_key_is_picked_up_with_one_more_fetch() {
    let issuer = Issuer::start().await;
    let app = app_with(&issuer, true, &[]).await;
    with_eve(&app).await;
    issuer.sign_in_as(Person::verified("sub-eve", EVE));
    assert_eq!(sign_in(&app, &client()).await, "/");
    assert_eq!(issuer.jwks_fetches(), 1);

    issuer.rotate_keys();
    let browser = client();
    assert_eq!(sign_in(&app, &browser).await, "/");
    assert_eq!(app.who_is(&browser).await.as_deref(), Some(EVE));
    assert_eq!(issuer.jwks_fetches(), 2);
    // The new key is kept: the next sign-in needs no fetch.
    assert_eq!(sign_in(&app, &client()).await, "/");
    assert_eq!(issuer.jwks_fetches(), 2);
    assert!(refusals(&app).await.is_empty());
}

#[tokio::test]
async fn cancelling_at_the_provider_is_explained_and_audited() {
    let issuer = Issuer::start().await;
    let app = app_with(&issuer, true, &[]).await;
    let eve = with_eve(&app).await;
    let browser = client();
    assert_eq!(cancel(&app, &browser).await, "/login?sso_error=cancelled");
    assert_refused(&app, &browser, eve, "cancelled").await;
    let detail = last_refusal_detail(&app).await;
    assert!(detail.contains("access_denied"), "{detail}");
}

#[tokio::test]
async fn an_unverified_or_unstated_email_creates_nothing() {
    let issuer = Issuer::start().await;
    let app = app_with(&issuer, false, &["acme.example"]).await;
    app.set_up().await;
    let newcomer = "nia@acme.example";
    for verified in [Some(false), None] {
        issuer.sign_in_as(Person {
            email_verified: verified,
            ..Person::verified("sub-nia", newcomer)
        });
        let browser = client();
        assert_eq!(
            sign_in(&app, &browser).await,
            "/login?sso_error=unverified_email",
            "email_verified: {verified:?}"
        );
        assert_eq!(app.who_is(&browser).await, None);
        assert!(app.db.user_by_email(newcomer).await.unwrap().is_none());
        assert!(
            app.db
                .sso_identity(&issuer.url, "sub-nia")
                .await
                .unwrap()
                .is_none()
        );
    }
    assert_eq!(
        refusals(&app).await,
        ["unverified_email", "unverified_email"]
    );

    // Once the provider has verified it, the same person gets in.
    issuer.sign_in_as(Person::verified("sub-nia", newcomer));
    let browser = client();
    assert_eq!(sign_in(&app, &browser).await, "/");
    assert_eq!(app.who_is(&browser).await.as_deref(), Some(newcomer));
}

#[tokio::test]
async fn an_allowed_domain_gets_an_employee_account_and_others_get_none() {
    let issuer = Issuer::start().await;
    let app = app_with(&issuer, false, &["acme.example"]).await;
    app.set_up().await;

    issuer.sign_in_as(Person {
        name: Some("Nia Newcomer".into()),
        ..Person::verified("sub-nia", "nia@acme.example")
    });
    let browser = client();
    assert_eq!(sign_in(&app, &browser).await, "/");
    assert_eq!(
        app.who_is(&browser).await.as_deref(),
        Some("nia@acme.example")
    );
    let nia = app
        .db
        .user_by_email("nia@acme.example")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(nia.role.0, Role::Employee);
    assert_eq!(nia.display_name, "Nia Newcomer");
    assert!(nia.password_hash().is_none());
    assert_eq!(identities(&app, nia.id).await, 1);
    let registered = audited(&app, "user.registered").await;
    assert_eq!(registered.len(), 1);
    assert_eq!(registered[0].0, Some(nia.id));
    assert_eq!(registered[0].1["method"], format!("sso:{SLUG}"));

    issuer.sign_in_as(Person::verified("sub-zed", "zed@elsewhere.example"));
    let stranger = client();
    assert_eq!(
        sign_in(&app, &stranger).await,
        "/login?sso_error=no_account"
    );
    assert_eq!(app.who_is(&stranger).await, None);
    assert!(
        app.db
            .user_by_email("zed@elsewhere.example")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        app.db
            .sso_identity(&issuer.url, "sub-zed")
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(refusals(&app).await, ["no_account"]);
}

#[tokio::test]
async fn without_email_linking_an_existing_account_is_not_taken_over() {
    let issuer = Issuer::start().await;
    // Eve's domain may sign up, but her account exists and emails are not linked.
    let app = app_with(&issuer, false, &["acme.example"]).await;
    let eve = with_eve(&app).await;
    issuer.sign_in_as(Person::verified("sub-someone", EVE));
    let browser = client();
    assert_eq!(sign_in(&app, &browser).await, "/login?sso_error=no_account");
    assert_refused(&app, &browser, eve, "no_account").await;

    // Without allowed domains either, the provider links nobody.
    let issuer = Issuer::start().await;
    let app = app_with(&issuer, false, &[]).await;
    let eve = with_eve(&app).await;
    issuer.sign_in_as(Person::verified("sub-someone", EVE));
    let browser = client();
    assert_eq!(sign_in(&app, &browser).await, "/login?sso_error=no_account");
    assert_refused(&app, &browser, eve, "no_account").await;
}

#[tokio::test]
async fn provider_administration_is_for_administrators_and_never_shows_the_secret() {
    let issuer = Issuer::start().await;
    let app = spawn_app().await;
    let (_, _, eve, employee) = organisation(&app).await;
    let add = |slug: &'static str| {
        [
            ("kind", "oidc"),
            ("name", "Test ID"),
            ("slug", slug),
            ("issuer_url", issuer.url.as_str()),
            ("client_id", CLIENT_ID),
            ("client_secret", CLIENT_SECRET),
            ("link_verified_emails", "on"),
            ("allowed_domains", ""),
        ]
    };
    // Plain http only to this machine: tokens must not cross the network in the clear.
    let mut insecure = add("insecure");
    insecure[3].1 = "http://id.evil.example";
    let res = app.call("admin/sso/add", &insecure).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        app.db
            .sso_provider_by_slug("insecure")
            .await
            .unwrap()
            .is_none()
    );

    let res = app.call("admin/sso/add", &add(SLUG)).await;
    assert!(
        res.status().is_success() || res.status().is_redirection(),
        "{}",
        res.status()
    );
    let stored = app.db.sso_provider_by_slug(SLUG).await.unwrap().unwrap();
    assert!(!stored.from_config);
    let sealed = stored.client_secret().ciphertext;
    assert!(
        !sealed.is_empty() && !sealed.contains(CLIENT_SECRET),
        "{sealed}"
    );
    let added = audited(&app, "sso.provider_added").await;
    assert_eq!(added.len(), 1);
    assert!(!added[0].1.to_string().contains(CLIENT_SECRET));

    let res = app.call("admin/sso", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let body = res.text().await.unwrap();
    assert!(body.contains(SLUG) && body.contains(CLIENT_ID), "{body}");
    assert!(!body.contains(CLIENT_SECRET), "{body}");

    let id = stored.id.to_string();
    let change = [
        ("id", id.as_str()),
        ("name", "Evil ID"),
        ("issuer_url", "https://evil.example"),
        ("client_id", "evil"),
        ("client_secret", "evil-secret"),
        ("allowed_domains", "evil.example"),
    ];
    for (who, browser, status) in [
        ("employee", &employee, StatusCode::FORBIDDEN),
        ("nobody", &client(), StatusCode::UNAUTHORIZED),
    ] {
        let res = app.call_as(browser, "admin/sso", &[]).await;
        assert_eq!(res.status(), status, "{who} lists");
        assert!(
            !res.text().await.unwrap().contains(CLIENT_ID),
            "{who} lists"
        );
        let res = app.call_as(browser, "admin/sso/add", &add("sneaky")).await;
        assert_eq!(res.status(), status, "{who} adds");
        let res = app.call_as(browser, "admin/sso/change", &change).await;
        assert_eq!(res.status(), status, "{who} changes");
    }
    let providers = app.db.sso_providers().await.unwrap();
    assert_eq!(providers.len(), 1);
    let unchanged = &providers[0];
    assert_eq!(
        (
            unchanged.name.as_str(),
            unchanged.issuer_url.as_str(),
            unchanged.client_id.as_str(),
            unchanged.enabled,
            unchanged.allowed_domains.as_str(),
        ),
        ("Test ID", issuer.url.as_str(), CLIENT_ID, true, "")
    );
    assert_eq!(unchanged.client_secret().ciphertext, sealed);
    assert_eq!(audited(&app, "sso.provider_changed").await.len(), 0);

    // The provider the administrator added works: its secret was kept, sealed, and opened.
    issuer.sign_in_as(Person::verified("sub-eve", EVE));
    let browser = client();
    assert_eq!(sign_in(&app, &browser).await, "/");
    assert_eq!(app.who_is(&browser).await.as_deref(), Some(EVE));
    assert_eq!(identities(&app, eve).await, 1);

    // Switched off by the administrator, it signs nobody in.
    let res = app
        .call(
            "admin/sso/change",
            &[
                ("id", id.as_str()),
                ("name", "Test ID"),
                ("issuer_url", issuer.url.as_str()),
                ("client_id", CLIENT_ID),
                ("client_secret", ""),
                ("link_verified_emails", "on"),
                ("allowed_domains", ""),
            ],
        )
        .await;
    assert!(
        res.status().is_success() || res.status().is_redirection(),
        "{}",
        res.status()
    );
    let changed = app.db.sso_provider_by_slug(SLUG).await.unwrap().unwrap();
    assert!(!changed.enabled);
    assert_eq!(
        changed.client_secret().ciphertext,
        sealed,
        "empty keeps the secret"
    );
    let browser = client();
    let res = post_form(&app, &browser, &format!("/auth/sso/{SLUG}"), &[]).await;
    assert_eq!(location(&res), "/login?sso_error=unknown_provider");
    assert_eq!(app.who_is(&browser).await, None);
}

#[tokio::test]
async fn a_password_user_links_the_provider_from_the_profile_and_unlinks_it() {
    let issuer = Issuer::start().await;
    // Emails are not linked: only Eve herself can link her identity.
    let app = app_with(&issuer, false, &[]).await;
    app.set_up().await;
    let (eve, token) = invite(&app, EVE, "Eve Employee", "employee", None).await;
    let browser = accept(&app, &token).await;
    let link = format!("/auth/sso/{SLUG}/link");
    issuer.sign_in_as(Person::verified("sub-eve", "eve.private@elsewhere.example"));

    let res = post_form(&app, &browser, &link, &[("password", "not my password")]).await;
    assert_eq!(location(&res), "/profile?sso_error=not_confirmed");
    let failed = audited(&app, "sso.link_failed").await;
    assert_eq!(
        failed.len(),
        1,
        "one wrong password, one record: {failed:?}"
    );
    assert_eq!(failed[0].0, Some(eve));
    assert_eq!(failed[0].1["reason"], "wrong_current_password");
    assert_eq!(identities(&app, eve).await, 0);

    assert_eq!(
        round_trip(&app, &browser, &link, &[("password", PASSWORD)]).await,
        "/profile?sso_linked=1"
    );
    assert_eq!(app.who_is(&browser).await.as_deref(), Some(EVE));
    let res = app.call_as(&browser, "profile/sign_in_methods", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let methods: Value = res.json().await.unwrap();
    assert_eq!(methods["has_password"], true);
    let listed = methods["identities"].as_array().unwrap();
    assert_eq!(listed.len(), 1, "{methods}");
    assert_eq!(listed[0]["provider"], "Test ID");
    assert_eq!(listed[0]["email"], "eve.private@elsewhere.example");
    let linked = audited(&app, "sso.linked").await;
    assert_eq!(linked.len(), 1);
    assert_eq!(linked[0].0, Some(eve));
    assert_eq!(linked[0].1["how"], "profile");

    // Now the provider signs Eve in.
    let elsewhere = client();
    assert_eq!(sign_in(&app, &elsewhere).await, "/");
    assert_eq!(app.who_is(&elsewhere).await.as_deref(), Some(EVE));

    // Unlinking wants her password too.
    let id = listed[0]["id"].as_i64().unwrap().to_string();
    let res = app
        .call_as(
            &browser,
            "profile/unlink",
            &[("id", &id), ("password", "wrong")],
        )
        .await;
    assert!(res.status().is_client_error(), "{}", res.status());
    assert_eq!(identities(&app, eve).await, 1);
    let res = app
        .call_as(
            &browser,
            "profile/unlink",
            &[("id", &id), ("password", PASSWORD)],
        )
        .await;
    assert!(
        res.status().is_success() || res.status().is_redirection(),
        "{}",
        res.status()
    );
    assert_eq!(identities(&app, eve).await, 0);
    assert_eq!(audited(&app, "sso.unlinked").await.len(), 1);
    let stranger = client();
    assert_eq!(
        sign_in(&app, &stranger).await,
        "/login?sso_error=no_account"
    );
    assert_eq!(app.who_is(&stranger).await, None);
}

#[tokio::test]
async fn an_identity_linked_to_one_account_cannot_be_linked_to_another() {
    let issuer = Issuer::start().await;
    let app = app_with(&issuer, false, &[]).await;
    let (max_id, max, eve, employee) = organisation(&app).await;
    issuer.sign_in_as(Person::verified("sub-eve", EVE));
    let link = format!("/auth/sso/{SLUG}/link");
    assert_eq!(
        round_trip(&app, &employee, &link, &[("password", PASSWORD)]).await,
        "/profile?sso_linked=1"
    );
    assert_eq!(
        round_trip(&app, &max, &link, &[("password", PASSWORD)]).await,
        "/profile?sso_error=linked_elsewhere"
    );
    assert_eq!(identities(&app, eve).await, 1);
    assert_eq!(identities(&app, max_id).await, 0);
    let failed = audited(&app, "sso.link_failed").await;
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].0, Some(max_id));
    assert_eq!(failed[0].1["reason"], "linked_elsewhere");

    // Nor can Max remove Eve's.
    let eves = app.db.linked_identities(eve).await.unwrap()[0]
        .id
        .to_string();
    let res = app
        .call_as(
            &max,
            "profile/unlink",
            &[("id", &eves), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(identities(&app, eve).await, 1);

    // Nor can someone who is not signed in: they are asked to sign in first.
    let nobody = client();
    let res = app.call_as(&nobody, "profile/sign_in_methods", &[]).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let unlink = [("id", eves.as_str()), ("password", PASSWORD)];
    let res = app.call_as(&nobody, "profile/unlink", &unlink).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let link = format!("/auth/sso/{SLUG}/link");
    let res = post_form(&app, &nobody, &link, &[("password", PASSWORD)]).await;
    assert_eq!(location(&res), "/login?next=/profile");
    assert_eq!(identities(&app, eve).await, 1);
}

#[tokio::test]
async fn the_last_way_to_sign_in_cannot_be_unlinked() {
    let issuer = Issuer::start().await;
    let app = app_with(&issuer, false, &["acme.example"]).await;
    app.set_up().await;
    issuer.sign_in_as(Person::verified("sub-nia", "nia@acme.example"));
    let browser = client();
    assert_eq!(sign_in(&app, &browser).await, "/");
    let nia = app
        .db
        .user_by_email("nia@acme.example")
        .await
        .unwrap()
        .unwrap();
    let identity = app.db.linked_identities(nia.id).await.unwrap()[0]
        .id
        .to_string();

    let res = app
        .call_as(
            &browser,
            "profile/unlink",
            &[("id", &identity), ("password", "")],
        )
        .await;
    assert!(res.status().is_client_error(), "{}", res.status());
    assert_eq!(identities(&app, nia.id).await, 1);
    assert!(audited(&app, "sso.unlinked").await.is_empty());
    // And so Nia still gets in.
    let again = client();
    assert_eq!(sign_in(&app, &again).await, "/");
    assert_eq!(
        app.who_is(&again).await.as_deref(),
        Some("nia@acme.example")
    );
}

#[tokio::test]
async fn signing_in_by_verified_email_uses_up_an_open_invitation() {
    let issuer = Issuer::start().await;
    let app = app_with(&issuer, true, &[]).await;
    app.set_up().await;
    let (ivy, token) = invite(&app, "ivy@acme.example", "Ivy Invited", "employee", None).await;
    issuer.sign_in_as(Person::verified("sub-ivy", "ivy@acme.example"));

    // Ivy ignores the invitation and presses the provider's button on the sign-in page.
    let browser = client();
    assert_eq!(sign_in(&app, &browser).await, "/");
    assert_eq!(identities(&app, ivy).await, 1);
    // Her link in the mail no longer sets a password on the account now in use.
    assert_eq!(
        app.get(&format!("/invite/{token}")).await.status(),
        StatusCode::NOT_FOUND
    );
    let res = app
        .call_as(
            &client(),
            "invitation/accept",
            &[("token", token.as_str()), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_invitation_is_completed_by_signing_in_with_the_provider() {
    let issuer = Issuer::start().await;
    let app = app_with(&issuer, false, &[]).await;
    app.set_up().await;
    let (ivy, token) = invite(&app, "ivy@acme.example", "Ivy Invited", "employee", None).await;
    issuer.sign_in_as(Person::verified("sub-ivy", "ivy@acme.example"));

    let browser = client();
    let ended = round_trip(
        &app,
        &browser,
        &format!("/auth/sso/{SLUG}"),
        &[("invitation", token.as_str())],
    )
    .await;
    assert_eq!(ended, "/");
    assert_eq!(
        app.who_is(&browser).await.as_deref(),
        Some("ivy@acme.example")
    );
    let identity = app
        .db
        .sso_identity(&issuer.url, "sub-ivy")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(identity.user_id, ivy);
    let accepted = audited(&app, "invitation.accepted").await;
    assert_eq!(accepted.len(), 1);
    assert_eq!(accepted[0].0, Some(ivy));
    assert_eq!(accepted[0].1["method"], format!("sso:{SLUG}"));
    // The link is used up.
    assert_eq!(
        app.get(&format!("/invite/{token}")).await.status(),
        StatusCode::NOT_FOUND
    );
    let res = app
        .call_as(
            &client(),
            "invitation/accept",
            &[("token", token.as_str()), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // A used invitation cannot be completed again through the provider.
    let again = client();
    let ended = round_trip(
        &app,
        &again,
        &format!("/auth/sso/{SLUG}"),
        &[("invitation", token.as_str())],
    )
    .await;
    assert_eq!(ended, format!("/invite/{token}?sso_error=expired"));
    assert_eq!(app.who_is(&again).await, None);
}

#[tokio::test]
async fn after_signing_in_only_paths_on_this_site_are_followed() {
    let issuer = Issuer::start().await;
    let app = app_with(&issuer, true, &[]).await;
    with_eve(&app).await;
    issuer.sign_in_as(Person::verified("sub-eve", EVE));
    for next in [
        "https://evil.example/",
        "//evil.example/x",
        "/\\evil.example",
    ] {
        let browser = client();
        let ended = round_trip(
            &app,
            &browser,
            &format!("/auth/sso/{SLUG}"),
            &[("next", next)],
        )
        .await;
        assert_eq!(ended, "/", "next: {next}");
        assert_eq!(app.who_is(&browser).await.as_deref(), Some(EVE));
    }
}

#[tokio::test]
async fn a_disabled_account_is_not_signed_in_through_the_provider() {
    let issuer = Issuer::start().await;
    let app = app_with(&issuer, true, &[]).await;
    let eve = with_eve(&app).await;
    let (max, token) = invite(&app, "max@acme.example", "Max", "employee", None).await;
    accept(&app, &token).await;
    // Eve has linked her identity; Max has not yet.
    issuer.sign_in_as(Person::verified("sub-eve", EVE));
    assert_eq!(sign_in(&app, &client()).await, "/");
    for id in [eve, max] {
        let id = id.to_string();
        let res = app
            .call("users/status", &[("id", id.as_str()), ("active", "false")])
            .await;
        assert_eq!(res.status(), StatusCode::OK);
    }

    for person in [
        Person::verified("sub-eve", EVE),
        Person::verified("sub-max", "max@acme.example"),
    ] {
        issuer.sign_in_as(person.clone());
        let browser = client();
        assert_eq!(
            sign_in(&app, &browser).await,
            "/login?sso_error=disabled",
            "{person:?}"
        );
        assert_eq!(app.who_is(&browser).await, None);
    }
    assert_eq!(identities(&app, max).await, 0);
    assert_eq!(refusals(&app).await, ["disabled", "disabled"]);
}

/// Presses the button and answers "cancel" at the provider: one refusal.
async fn cancel(app: &TestApp, browser: &Client) -> String {
    let authorize = press(app, browser, &format!("/auth/sso/{SLUG}"), &[]).await;
    let mut cancelled = Url::parse(&query(&authorize, "redirect_uri")).unwrap();
    cancelled
        .query_pairs_mut()
        .append_pair("error", "access_denied")
        .append_pair("state", &query(&authorize, "state"));
    come_back(browser, &cancelled).await
}

#[tokio::test]
async fn refusals_count_towards_the_address_throttle() {
    let issuer = Issuer::start().await;
    let provider = issuer.configured(SLUG, true, &[]);
    let app = spawn_app_with(move |s| {
        s.sso_providers = vec![provider];
        s.throttle_ip_attempts = 3;
    })
    .await;
    with_eve(&app).await;
    for _ in 0..3 {
        assert_eq!(cancel(&app, &client()).await, "/login?sso_error=cancelled");
    }
    // Even a sign-in that would succeed now waits, and is not sent to the provider.
    issuer.sign_in_as(Person::verified("sub-eve", EVE));
    let browser = client();
    let res = post_form(&app, &browser, &format!("/auth/sso/{SLUG}"), &[]).await;
    assert_eq!(location(&res), "/login?sso_error=throttled");
    assert_eq!(app.who_is(&browser).await, None);
    assert_eq!(audited(&app, "auth.throttled").await.len(), 1);
    assert_eq!(
        refusals(&app).await,
        ["cancelled", "cancelled", "cancelled", "throttled"]
    );
}

#[tokio::test]
async fn a_provider_that_cannot_be_reached_is_explained() {
    let gone = Issuer::start().await;
    let provider = gone.configured(SLUG, true, &[]);
    drop(gone);
    let app = spawn_app_with(move |s| s.sso_providers = vec![provider]).await;
    let browser = client();
    let res = post_form(&app, &browser, &format!("/auth/sso/{SLUG}"), &[]).await;
    assert_eq!(location(&res), "/login?sso_error=unreachable");
    assert_eq!(refusals(&app).await, ["unreachable"]);
}

#[tokio::test]
async fn a_wrong_client_secret_is_refused_by_the_provider() {
    let issuer = Issuer::start().await;
    let mut provider = issuer.configured(SLUG, true, &[]);
    provider.client_secret = Some("not-the-secret".into());
    let app = spawn_app_with(move |s| s.sso_providers = vec![provider]).await;
    let eve = with_eve(&app).await;
    issuer.sign_in_as(Person::verified("sub-eve", EVE));
    let browser = client();
    assert_eq!(
        sign_in(&app, &browser).await,
        "/login?sso_error=provider_error"
    );
    assert_eq!(issuer.token_refusals(), ["invalid_client"]);
    assert_refused(&app, &browser, eve, "provider_error").await;
}

#[tokio::test]
async fn the_sign_in_page_offers_enabled_providers_and_nothing_secret() {
    let issuer = Issuer::start().await;
    let mut off = issuer.configured("off", true, &[]);
    off.enabled = false;
    let on = issuer.configured(SLUG, true, &[]);
    let app = spawn_app_with(move |s| s.sso_providers = vec![on, off]).await;
    app.set_up().await;
    let res = app.call_as(&client(), "sign_in/options", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let body = res.text().await.unwrap();
    assert!(
        !body.contains(CLIENT_SECRET) && !body.contains(CLIENT_ID),
        "{body}"
    );
    let options: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        options["providers"],
        serde_json::json!([{ "slug": SLUG, "name": "Test ID" }])
    );
    let res = post_form(&app, &client(), "/auth/sso/off", &[]).await;
    assert_eq!(location(&res), "/login?sso_error=unknown_provider");

    // A configured provider is changed in the configuration, not by the administrator.
    let stored = app.db.sso_provider_by_slug(SLUG).await.unwrap().unwrap();
    assert!(stored.from_config);
    let id = stored.id.to_string();
    let res = app
        .call(
            "admin/sso/change",
            &[
                ("id", id.as_str()),
                ("name", "Changed"),
                ("issuer_url", issuer.url.as_str()),
                ("client_id", CLIENT_ID),
                ("client_secret", ""),
                ("allowed_domains", ""),
            ],
        )
        .await;
    assert!(res.status().is_client_error(), "{}", res.status());
    let unchanged = app.db.sso_provider_by_slug(SLUG).await.unwrap().unwrap();
    assert_eq!(
        (unchanged.name.as_str(), unchanged.enabled),
        ("Test ID", true)
    );
}

#[tokio::test]
async fn a_provider_that_leaves_the_configuration_is_switched_off_and_its_links_kept() {
    let issuer = Issuer::start().await;
    let app = app_with(&issuer, true, &[]).await;
    let eve = with_eve(&app).await;
    issuer.sign_in_as(Person::verified("sub-eve", EVE));
    assert_eq!(sign_in(&app, &client()).await, "/");
    assert_eq!(identities(&app, eve).await, 1);

    // The server starts again without it in its configuration.
    let restarted = app.another_server_with(|s| s.sso_providers.clear()).await;
    let res = post_form(&restarted, &client(), &format!("/auth/sso/{SLUG}"), &[]).await;
    assert_eq!(location(&res), "/login?sso_error=unknown_provider");
    let stored = restarted
        .db
        .sso_provider_by_slug(SLUG)
        .await
        .unwrap()
        .unwrap();
    assert!(!stored.enabled && !stored.from_config, "{stored:?}");
    assert_eq!(identities(&restarted, eve).await, 1);

    // It is now the administrators' to change: switched on again, Eve's link still works.
    let id = stored.id.to_string();
    let res = restarted
        .call_as(
            &app.client,
            "admin/sso/change",
            &[
                ("id", id.as_str()),
                ("name", "Test ID"),
                ("issuer_url", issuer.url.as_str()),
                ("client_id", CLIENT_ID),
                ("client_secret", ""),
                ("enabled", "on"),
                ("allowed_domains", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let browser = client();
    assert_eq!(sign_in(&restarted, &browser).await, "/");
    assert_eq!(restarted.who_is(&browser).await.as_deref(), Some(EVE));
    assert_eq!(audited(&restarted, "sso.linked").await.len(), 1);
}

#[tokio::test]
async fn with_a_public_url_the_provider_is_given_the_redirect_uri_registered_there() {
    let issuer = Issuer::start().await;
    let provider = issuer.configured(SLUG, true, &[]);
    let app = spawn_app_with(move |s| {
        s.sso_providers = vec![provider];
        s.public_url = Some("https://v2mom.example.com/".into());
    })
    .await;
    app.set_up().await;
    // The request comes to 127.0.0.1:<port>; the provider is still told the public address.
    let authorize = press(&app, &client(), &format!("/auth/sso/{SLUG}"), &[]).await;
    assert_eq!(
        query(&authorize, "redirect_uri"),
        format!("https://v2mom.example.com/auth/sso/{SLUG}/callback")
    );
}

#[tokio::test]
async fn github_signs_in_by_account_id_and_only_with_a_verified_primary_email() {
    let issuer = Issuer::start().await;
    let mut provider = issuer.configured(SLUG, true, &[]);
    provider.kind = "github".into();
    let app = spawn_app_with(move |s| s.sso_providers = vec![provider]).await;
    let eve = with_eve(&app).await;

    issuer.sign_in_as(Person::verified("4242", EVE));
    let browser = client();
    assert_eq!(sign_in(&app, &browser).await, "/");
    assert_eq!(app.who_is(&browser).await.as_deref(), Some(EVE));
    let identity = app
        .db
        .sso_identity(&issuer.url, "4242")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(identity.user_id, eve);
    assert!(issuer.token_refusals().is_empty());

    // Max's primary address is not verified; a verified secondary one does not count.
    let (max, token) = invite(&app, "max@acme.example", "Max", "employee", None).await;
    accept(&app, &token).await;
    issuer.sign_in_as(Person {
        email_verified: Some(false),
        ..Person::verified("4343", "max@acme.example")
    });
    let browser = client();
    assert_eq!(
        sign_in(&app, &browser).await,
        "/login?sso_error=unverified_email"
    );
    assert_eq!(app.who_is(&browser).await, None);
    assert_eq!(identities(&app, max).await, 0);
    assert_eq!(refusals(&app).await, ["unverified_email"]);
}

#[tokio::test]
async fn another_site_cannot_start_a_sign_in_or_a_link() {
    let issuer = Issuer::start().await;
    let app = app_with(&issuer, true, &[]).await;
    app.set_up().await;
    let (_, token) = invite(&app, EVE, "Eve Employee", "employee", None).await;
    let browser = accept(&app, &token).await;
    for (path, form) in [
        (format!("/auth/sso/{SLUG}"), vec![("next", "/")]),
        (
            format!("/auth/sso/{SLUG}/link"),
            vec![("password", PASSWORD)],
        ),
    ] {
        let res = browser
            .post(app.url(&path))
            .header("accept", "text/html")
            .header("origin", "https://evil.example")
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{path}");
    }
    // Nothing was started: an answer from the provider finds no sign-in waiting.
    issuer.sign_in_as(Person::verified("sub-mallory", "mallory@evil.example"));
    let res = browser
        .get(app.url(&format!("/auth/sso/{SLUG}/callback?code=x&state=y")))
        .send()
        .await
        .unwrap();
    assert_eq!(location(&res), "/login?sso_error=expired");
    assert_eq!(app.who_is(&browser).await.as_deref(), Some(EVE));
    assert_eq!(issuer.jwks_fetches(), 0, "the provider was never asked");
}

#[tokio::test]
async fn a_link_finished_after_signing_out_links_nothing() {
    let issuer = Issuer::start().await;
    let app = app_with(&issuer, false, &[]).await;
    app.set_up().await;
    let (eve, token) = invite(&app, EVE, "Eve Employee", "employee", None).await;
    let browser = accept(&app, &token).await;
    issuer.sign_in_as(Person::verified("sub-eve", EVE));
    let authorize = press(
        &app,
        &browser,
        &format!("/auth/sso/{SLUG}/link"),
        &[("password", PASSWORD)],
    )
    .await;
    let callback = at_issuer(&browser, &authorize).await;
    let res = app.call_as(&browser, "logout", &[]).await;
    assert!(res.status().is_success(), "{}", res.status());
    assert_eq!(app.who_is(&browser).await, None);

    // Signing out ended the session, and the link waiting in it.
    assert_eq!(
        come_back(&browser, &callback).await,
        "/login?sso_error=expired"
    );
    assert_eq!(app.who_is(&browser).await, None);
    assert_eq!(identities(&app, eve).await, 0);
    assert!(audited(&app, "sso.linked").await.is_empty());
}

#[tokio::test]
async fn a_link_finished_by_someone_else_signed_in_meanwhile_links_nothing() {
    let issuer = Issuer::start().await;
    let app = app_with(&issuer, false, &[]).await;
    let (max, _, eve, browser) = organisation(&app).await;
    issuer.sign_in_as(Person::verified("sub-eve", EVE));
    let authorize = press(
        &app,
        &browser,
        &format!("/auth/sso/{SLUG}/link"),
        &[("password", PASSWORD)],
    )
    .await;
    let callback = at_issuer(&browser, &authorize).await;
    // Eve walks away; Max signs in at the same browser.
    let res = app
        .login_with(&browser, "max@acme.example", PASSWORD, "/")
        .await;
    assert!(res.status().is_success(), "{}", res.status());

    let ended = come_back(&browser, &callback).await;
    assert_eq!(ended, "/profile?sso_error=mismatch");
    assert_eq!(
        app.who_is(&browser).await.as_deref(),
        Some("max@acme.example")
    );
    assert_eq!(identities(&app, eve).await, 0);
    assert_eq!(identities(&app, max).await, 0);
    assert!(audited(&app, "sso.linked").await.is_empty());
    let failed = audited(&app, "sso.link_failed").await;
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].0, Some(eve));
    assert_eq!(failed[0].1["reason"], "mismatch");
}

#[tokio::test]
async fn guessing_the_password_to_link_is_throttled() {
    let issuer = Issuer::start().await;
    let app = app_with(&issuer, false, &[]).await;
    app.set_up().await;
    let (eve, token) = invite(&app, EVE, "Eve Employee", "employee", None).await;
    let browser = accept(&app, &token).await;
    let link = format!("/auth/sso/{SLUG}/link");
    for _ in 0..3 {
        let res = post_form(&app, &browser, &link, &[("password", "guess")]).await;
        assert_eq!(location(&res), "/profile?sso_error=not_confirmed");
    }
    // The next guess must wait, and a browser without JavaScript is told so on a page.
    let res = post_form(&app, &browser, &link, &[("password", PASSWORD)]).await;
    assert_eq!(location(&res), "/profile?sso_error=throttled");
    assert_eq!(identities(&app, eve).await, 0);
    assert_eq!(issuer.jwks_fetches(), 0, "the provider was never asked");
    let failed = audited(&app, "sso.link_failed").await;
    assert_eq!(failed.last().unwrap().1["reason"], "throttled");
    assert!(failed.iter().all(|(actor, _)| *actor == Some(eve)));
}

#[tokio::test]
async fn with_passwords_turned_off_the_only_identity_cannot_be_unlinked() {
    let issuer = Issuer::start().await;
    let provider = issuer.configured(SLUG, true, &[]);
    let app = spawn_app_with(move |s| {
        s.sso_providers = vec![provider];
        s.password_sign_in = false;
    })
    .await;
    let admin = app.set_up().await;
    issuer.sign_in_as(Person::verified("sub-ada", &admin.email));
    let browser = client();
    assert_eq!(sign_in(&app, &browser).await, "/");
    assert_eq!(
        app.who_is(&browser).await.as_deref(),
        Some(admin.email.as_str())
    );
    // Her password does not sign her in here.
    let res = app
        .login_with(&client(), &admin.email, &admin.password, "/")
        .await;
    assert!(res.status().is_client_error(), "{}", res.status());

    let identity = app.db.linked_identities(1).await.unwrap()[0].id.to_string();
    let res = app
        .call_as(
            &browser,
            "profile/unlink",
            &[
                ("id", identity.as_str()),
                ("password", admin.password.as_str()),
            ],
        )
        .await;
    assert!(res.status().is_client_error(), "{}", res.status());
    assert_eq!(identities(&app, 1).await, 1);
    let again = client();
    assert_eq!(sign_in(&app, &again).await, "/");
    assert_eq!(
        app.who_is(&again).await.as_deref(),
        Some(admin.email.as_str())
    );
}

#[tokio::test]
async fn signing_in_through_the_provider_gives_the_browser_a_new_session() {
    let issuer = Issuer::start().await;
    let app = app_with(&issuer, true, &[]).await;
    with_eve(&app).await;
    issuer.sign_in_as(Person::verified("sub-eve", EVE));
    let browser = client();
    let res = post_form(&app, &browser, &format!("/auth/sso/{SLUG}"), &[]).await;
    // The session that holds the waiting sign-in, as someone who planted it would know it.
    let before = session_cookie(&res).expect("the waiting sign-in is kept in a session");
    let authorize = Url::parse(&location(&res)).unwrap();
    let callback = at_issuer(&browser, &authorize).await;
    let res = browser.get(callback).send().await.unwrap();
    assert_eq!(location(&res), "/");
    let after = session_cookie(&res).expect("a new session id");
    assert_ne!(before, after);
    assert_eq!(app.who_is_cookie(&after).await.as_deref(), Some(EVE));
    assert_eq!(app.who_is_cookie(&before).await, None);
}

#[tokio::test]
async fn a_provider_sign_in_asks_for_the_second_factor_unless_the_provider_checked_several() {
    let issuer = Issuer::start().await;
    let app = app_with(&issuer, false, &["acme.example"]).await;
    app.set_up().await;
    let nia = Person::verified("sub-nia", "nia@acme.example");
    issuer.sign_in_as(nia.clone());
    let first = client();
    assert_eq!(sign_in(&app, &first).await, "/");
    crate::second_factor::enrol(&app, &first).await;

    let browser = client();
    assert_eq!(
        sign_in(&app, &browser).await,
        "/login/second-factor?next=%2F"
    );
    assert_eq!(app.who_is(&browser).await, None, "half signed in");

    issuer.sign_in_as(Person {
        amr: vec!["pwd".into(), "mfa".into()],
        ..nia
    });
    let browser = client();
    assert_eq!(
        sign_in(&app, &browser).await,
        "/",
        "the provider checked two factors"
    );
    assert_eq!(
        app.who_is(&browser).await.as_deref(),
        Some("nia@acme.example")
    );
}
