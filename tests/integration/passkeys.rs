//! Passkeys: registering one (with a fresh proof), signing in with it without a password and
//! as the second step, the checks an attacker meets (someone else's passkey, a replayed or
//! stale answer, a counter that went back), and removing them.
//!
//! The authenticator is a small software one, here: a P-256 key that answers WebAuthn's
//! ceremonies the way a browser and a security key together do ("none" attestation).
//! The browser tests (end2end/tests/passkeys.spec.ts) use Chromium's virtual authenticator.

use crate::amend::audited;
use crate::helpers::{TestApp, client, spawn_app};
use crate::people::{PASSWORD, accept, invite};
use p256::ecdsa::{DerSignature, SigningKey, signature::Signer};
use reqwest::{Client, Response, StatusCode};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

fn b64(bytes: &[u8]) -> String {
    data_encoding::BASE64URL_NOPAD.encode(bytes)
}

fn unb64(text: &str) -> Vec<u8> {
    data_encoding::BASE64URL_NOPAD
        .decode(text.as_bytes())
        .unwrap()
}

/// One passkey on a software authenticator.
pub struct Passkey {
    key: SigningKey,
    id: Vec<u8>,
    user_handle: Vec<u8>,
    counter: u32,
}

impl Passkey {
    /// The authenticator's data: the site's hash, the flags (user present and verified,
    /// `extra` for more) and the counter.
    fn authenticator_data(&self, app: &TestApp, extra: u8) -> Vec<u8> {
        let mut data = Sha256::digest(rp_id(app)).to_vec();
        data.push(0x01 | 0x04 | extra);
        data.extend_from_slice(&self.counter.to_be_bytes());
        data
    }

    /// The public key as COSE (EC2, ES256, P-256), in CTAP2's canonical CBOR.
    fn cose_key(&self) -> Vec<u8> {
        let point = self.key.verifying_key().to_encoded_point(false);
        let mut cbor = vec![0xa5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20];
        cbor.extend_from_slice(point.x().unwrap());
        cbor.extend_from_slice(&[0x22, 0x58, 0x20]);
        cbor.extend_from_slice(point.y().unwrap());
        cbor
    }

    /// `navigator.credentials.create`'s answer to `options`, as `toJSON()` gives it.
    fn created(options: &Value, app: &TestApp) -> (Passkey, String) {
        let seed: [u8; 32] = Sha256::digest(uuid::Uuid::new_v4().as_bytes()).into();
        let passkey = Passkey {
            key: SigningKey::from_bytes(&seed.into()).unwrap(),
            id: uuid::Uuid::new_v4().as_bytes().to_vec(),
            user_handle: unb64(options["user"]["id"].as_str().unwrap()),
            counter: 0,
        };
        let mut auth_data = passkey.authenticator_data(app, 0x40);
        auth_data.extend_from_slice(&[0; 16]);
        auth_data.extend_from_slice(&(passkey.id.len() as u16).to_be_bytes());
        auth_data.extend_from_slice(&passkey.id);
        auth_data.extend_from_slice(&passkey.cose_key());
        let mut attestation = vec![0xa3, 0x63];
        attestation.extend_from_slice(b"fmt");
        attestation.push(0x64);
        attestation.extend_from_slice(b"none");
        attestation.push(0x67);
        attestation.extend_from_slice(b"attStmt");
        attestation.extend_from_slice(&[0xa0, 0x68]);
        attestation.extend_from_slice(b"authData");
        // A byte string's length in the fewest bytes, as canonical CBOR wants.
        match u8::try_from(auth_data.len()) {
            Ok(len) => attestation.extend_from_slice(&[0x58, len]),
            Err(_) => {
                attestation.push(0x59);
                attestation.extend_from_slice(&(auth_data.len() as u16).to_be_bytes());
            }
        }
        attestation.extend_from_slice(&auth_data);
        let client_data = client_data("webauthn.create", options, app);
        let answer = json!({
            "id": b64(&passkey.id),
            "rawId": b64(&passkey.id),
            "type": "public-key",
            "response": {
                "clientDataJSON": b64(client_data.as_bytes()),
                "attestationObject": b64(&attestation),
                "transports": ["internal"],
            },
            "clientExtensionResults": {},
            "authenticatorAttachment": "platform",
        });
        (passkey, answer.to_string())
    }

    /// `navigator.credentials.get`'s answer to `options`; the counter goes up first by
    /// `step` (0: it does not move, as a cloned authenticator's would not).
    fn assert(&mut self, options: &Value, app: &TestApp, step: u32) -> String {
        self.counter += step;
        let auth_data = self.authenticator_data(app, 0);
        let client_data = client_data("webauthn.get", options, app);
        let mut signed = auth_data.clone();
        signed.extend_from_slice(&Sha256::digest(client_data.as_bytes()));
        let signature: DerSignature = self.key.sign(&signed);
        json!({
            "id": b64(&self.id),
            "rawId": b64(&self.id),
            "type": "public-key",
            "response": {
                "clientDataJSON": b64(client_data.as_bytes()),
                "authenticatorData": b64(&auth_data),
                "signature": b64(signature.as_bytes()),
                "userHandle": b64(&self.user_handle),
            },
            "clientExtensionResults": {},
            "authenticatorAttachment": "platform",
        })
        .to_string()
    }
}

/// The test server's address is an IP, which browsers refuse as a passkey's site but the
/// protocol does not: the server takes the host it was reached by.
fn rp_id(app: &TestApp) -> String {
    app.addr.ip().to_string()
}

fn client_data(kind: &str, options: &Value, app: &TestApp) -> String {
    json!({
        "type": kind,
        "challenge": options["challenge"],
        "origin": format!("http://{}", app.addr),
        "crossOrigin": false,
    })
    .to_string()
}

/// The options a ceremony's start answered, parsed.
async fn options_of(res: Response) -> Value {
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    serde_json::from_str(body["json"].as_str().unwrap()).unwrap()
}

/// Registers a passkey called `name` for `browser`'s person, proving it with their
/// password; the finish's answer (the recovery codes of a first second factor).
pub async fn register(
    app: &TestApp,
    browser: &Client,
    name: &str,
    password: &str,
) -> (Passkey, Value) {
    let res = app
        .call_as(
            browser,
            "profile/passkeys/start",
            &[("name", name), ("proof", password)],
        )
        .await;
    let options = options_of(res).await;
    assert_eq!(options["rp"]["id"], rp_id(app));
    assert_eq!(
        options["authenticatorSelection"]["userVerification"],
        "required"
    );
    let (passkey, answer) = Passkey::created(&options, app);
    let res = app
        .call_as(browser, "profile/passkeys/finish", &[("answer", &answer)])
        .await;
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "{}",
        res.text().await.unwrap()
    );
    (passkey, res.json().await.unwrap())
}

/// Signs `browser` in with `passkey` (its counter moving on by `step`); the finish's answer.
pub async fn sign_in(
    app: &TestApp,
    browser: &Client,
    passkey: &mut Passkey,
    step: u32,
) -> Response {
    let options = options_of(app.call_as(browser, "login/passkey/start", &[]).await).await;
    assert_eq!(options["userVerification"], "required");
    let answer = passkey.assert(&options, app, step);
    app.call_as(browser, "login/passkey/finish", &[("answer", &answer)])
        .await
}

async fn status(app: &TestApp, browser: &Client) -> Value {
    let res = app.call_as(browser, "profile/second_factor", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

#[tokio::test]
async fn a_passkey_signs_in_without_a_password_and_a_stale_or_cloned_answer_does_not() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    let (mut passkey, codes) = register(&app, &app.client, "Work laptop", &admin.password).await;
    assert_eq!(
        codes["codes"].as_array().unwrap().len(),
        10,
        "a first second factor comes with recovery codes"
    );
    let mine = status(&app, &app.client).await;
    assert_eq!(mine["passkeys"][0]["name"], "Work laptop");
    assert_eq!(mine["passkeys"][0]["last_used_at"], Value::Null);
    assert_eq!(mine["recovery_codes_left"], 10);
    assert_eq!(audited(&app, "second_factor.passkey_added").await.len(), 1);

    let browser = client();
    let res = sign_in(&app, &browser, &mut passkey, 1).await;
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "{}",
        res.text().await.unwrap()
    );
    assert_eq!(app.who_is(&browser).await.as_deref(), Some(&*admin.email));
    assert!(
        status(&app, &app.client).await["passkeys"][0]["last_used_at"].is_string(),
        "the page says when it was last used"
    );
    assert_eq!(audited(&app, "auth.passkey").await.len(), 1);

    // An answer made for one challenge does not pass another.
    let stranger = client();
    let old = {
        let options = options_of(app.call_as(&stranger, "login/passkey/start", &[]).await).await;
        passkey.assert(&options, &app, 1)
    };
    app.call_as(&stranger, "login/passkey/start", &[]).await;
    let res = app
        .call_as(&stranger, "login/passkey/finish", &[("answer", &old)])
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    // Nor does it pass twice, nor with no ceremony started.
    let res = app
        .call_as(&stranger, "login/passkey/finish", &[("answer", &old)])
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert_eq!(app.who_is(&stranger).await, None);

    // A counter that does not move on from the last one accepted is a cloned
    // authenticator's (the refused answer's count never reached the server).
    passkey.counter -= 1;
    let res = sign_in(&app, &stranger, &mut passkey, 0).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert_eq!(app.who_is(&stranger).await, None);
    let failures = audited(&app, "auth.passkey_failed").await;
    assert!(
        failures.iter().any(|f| f["reason"] == "not_verified"),
        "{failures:?}"
    );
}

#[tokio::test]
async fn after_a_password_only_ones_own_passkey_is_the_second_step() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    let (mut mine, _) = register(&app, &app.client, "Phone", &admin.password).await;
    let (_, token) = invite(&app, "eve@acme.example", "Eve", "employee", None).await;
    let eve = accept(&app, &token).await;
    let (mut hers, _) = register(&app, &eve, "Eve's key", PASSWORD).await;

    let browser = client();
    let res = app
        .login_with(&browser, &admin.email, &admin.password, "/team")
        .await;
    assert!(res.status().is_redirection() || res.status().is_success());
    assert_eq!(app.who_is(&browser).await, None, "half signed in");
    let offer: Value = app
        .call_as(&browser, "login/second_factor/waiting", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(offer, json!({ "app": false, "passkey": true }));

    let res = sign_in(&app, &browser, &mut hers, 1).await;
    assert_eq!(
        res.status(),
        StatusCode::CONFLICT,
        "Eve's passkey is not the admin's"
    );
    assert_eq!(app.who_is(&browser).await, None);
    let res = sign_in(&app, &browser, &mut mine, 1).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(app.who_is(&browser).await.as_deref(), Some(&*admin.email));
    let steps = audited(&app, "auth.second_factor").await;
    assert_eq!(
        steps,
        vec![json!({ "with": "passkey", "passkey": "Phone" })]
    );
}

#[tokio::test]
async fn adding_or_removing_a_passkey_needs_a_fresh_proof_and_an_admin_reset_removes_them() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    let res = app
        .call(
            "profile/passkeys/start",
            &[("name", "Laptop"), ("proof", "not my password")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["fields"][0]["field"], "proof");
    for name in ["x".repeat(61), "Lap\0top".to_owned(), "  ".to_owned()] {
        let res = app
            .call(
                "profile/passkeys/start",
                &[("name", &name), ("proof", &admin.password)],
            )
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{name:?}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["fields"][0]["field"], "name", "{name:?}");
    }
    let res = app
        .call("profile/passkeys/finish", &[("answer", "{}")])
        .await;
    assert_eq!(
        res.status(),
        StatusCode::CONFLICT,
        "no ceremony was started"
    );

    let (_, _) = register(&app, &app.client, "Laptop", &admin.password).await;
    let id = status(&app, &app.client).await["passkeys"][0]["id"].to_string();
    let res = app
        .call(
            "profile/passkeys/remove",
            &[("id", &id), ("proof", "not my password")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = app
        .call(
            "profile/passkeys/remove",
            &[("id", &id), ("proof", &admin.password)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let after = status(&app, &app.client).await;
    assert_eq!(after["passkeys"], json!([]));
    assert_eq!(
        after["recovery_codes_left"], 0,
        "the codes go with the last second factor"
    );
    assert_eq!(
        audited(&app, "second_factor.passkey_removed").await.len(),
        1
    );
    let browser = client();
    app.login_with(&browser, &admin.email, &admin.password, "/")
        .await;
    assert_eq!(
        app.who_is(&browser).await.as_deref(),
        Some(&*admin.email),
        "no second step without a second factor"
    );

    // Eve loses her device: the administrator resets her factors, passkeys included.
    let (eve_id, token) = invite(&app, "eve@acme.example", "Eve", "employee", None).await;
    let eve = accept(&app, &token).await;
    register(&app, &eve, "Eve's key", PASSWORD).await;
    let res = app
        .call("users/second_factor/reset", &[("id", &eve_id.to_string())])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(status(&app, &eve).await["passkeys"], json!([]));
    // Someone else's passkey cannot be removed by id.
    let (_, _) = register(&app, &eve, "Eve's new key", PASSWORD).await;
    let hers = status(&app, &eve).await["passkeys"][0]["id"].to_string();
    let res = app
        .call(
            "profile/passkeys/remove",
            &[("id", &hers), ("proof", &admin.password)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        status(&app, &eve).await["passkeys"][0]["name"],
        "Eve's new key"
    );
}
