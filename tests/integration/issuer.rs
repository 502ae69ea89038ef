//! A test OpenID Connect issuer, served in-process on a port of its own (`127.0.0.1:0`), for
//! the single sign-on tests.
//!
//! It serves what the application talks to:
//!
//! - `/.well-known/openid-configuration`: discovery, naming itself (`http://127.0.0.1:<port>`)
//!   as the issuer, with the endpoints below, response type `code`, RS256.
//! - `/authorize`: the "sign-in page". The browser (a test's client) arrives with the
//!   parameters the application put on the URL; the issuer checks the client id, the
//!   response type and that a PKCE S256 challenge is present, mints a single-use code bound to
//!   them (redirect URI, challenge, nonce) and to the person the test chose with
//!   [`Issuer::sign_in_as`], and redirects back to `<redirect_uri>?code=…&state=…`.
//! - `/token`: the code exchange. It checks the client's id and secret (HTTP Basic, or form
//!   fields), takes the code out (a code works once), and checks that the redirect URI and
//!   the PKCE verifier match the authorization request. Refusals answer
//!   `{"error": "invalid_grant" | "invalid_client" | …}` and are kept for the test
//!   ([`Issuer::token_refusals`]). Success answers an access token and an RS256 ID token.
//! - `/jwks`: the published keys; every fetch is counted ([`Issuer::jwks_fetches`]).
//!
//! It also plays a GitHub Enterprise Server at the same address, for providers of kind
//! `github`: `/login/oauth/authorize` and `/login/oauth/access_token` (the same checks, an
//! access token and no ID token), then `/api/v3/user` (the subject as the numeric id) and
//! `/api/v3/user/emails` (the person's email as the primary one, verified as the test said,
//! plus a verified secondary address that must never count).
//!
//! Keys are fixtures (`fixtures/issuer-key-{1,2}.pem`, `openssl genrsa -traditional 2048`),
//! with key ids `k1` and `k2`. At start it signs with `k1` and publishes only `k1`;
//! [`Issuer::rotate_keys`] switches to signing with `k2` and publishing only `k2`.
//!
//! The test can spoil the next ID token with [`Issuer::tamper_next`]: wrong nonce, wrong
//! audience, expired, issued long ago, or signed with `k2` while only `k1` is published.

use axum::{
    Form, Json, Router,
    extract::{Query, State},
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
    routing::{get, post},
};
use openidconnect::{
    JsonWebKeyId, PkceCodeChallenge, PkceCodeVerifier, PrivateSigningKey,
    core::{
        CoreIdToken, CoreIdTokenClaims, CoreJsonWebKeySet, CoreJwsSigningAlgorithm,
        CoreRsaPrivateSigningKey,
    },
};
use serde_json::{Value, json};
use std::{
    collections::HashMap,
    sync::{
        Arc, Mutex,
        atomic::{AtomicUsize, Ordering},
    },
};
use v2mom::server::config::ConfiguredProvider;

pub const CLIENT_ID: &str = "v2mom-test-client";
pub const CLIENT_SECRET: &str = "s3cret-known-only-to-the-issuer";

const KEY_1: &str = include_str!("fixtures/issuer-key-1.pem");
const KEY_2: &str = include_str!("fixtures/issuer-key-2.pem");

/// Who signs in at the issuer.
#[derive(Debug, Clone)]
pub struct Person {
    pub subject: String,
    pub email: Option<String>,
    /// `None` leaves the `email_verified` claim out.
    pub email_verified: Option<bool>,
    pub name: Option<String>,
    /// The ID token's `amr` (how the person signed in at the issuer); empty leaves it out.
    pub amr: Vec<String>,
}

impl Person {
    /// Someone whose email the issuer has verified.
    pub fn verified(subject: &str, email: &str) -> Person {
        Person {
            subject: subject.into(),
            email: Some(email.into()),
            email_verified: Some(true),
            name: None,
            amr: Vec::new(),
        }
    }
}

/// What is wrong with the next ID token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tamper {
    /// A nonce other than the one from the authorization request.
    Nonce,
    /// Issued to another client.
    Audience,
    /// `exp` in the past.
    Expired,
    /// Issued (`iat`) an hour ago, though not expired.
    IssuedLongAgo,
    /// Signed with `k2`, which is not published (until [`Issuer::rotate_keys`]).
    UnknownKey,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kid {
    K1,
    K2,
}

struct Grant {
    client_id: String,
    redirect_uri: String,
    challenge: String,
    nonce: Option<String>,
    person: Person,
    tamper: Option<Tamper>,
}

#[derive(Default)]
struct Inner {
    person: Option<Person>,
    tamper: Option<Tamper>,
    rotated: bool,
    codes: HashMap<String, Grant>,
    /// GitHub flavour: who each access token belongs to.
    access_tokens: HashMap<String, Person>,
    token_refusals: Vec<String>,
}

struct Shared {
    url: String,
    /// Where discovery says the sign-in page is, when not at `url` ([`Issuer::sign_in_elsewhere`]).
    sign_in_page: Mutex<Option<String>>,
    k1: CoreRsaPrivateSigningKey,
    k2: CoreRsaPrivateSigningKey,
    jwks_fetches: AtomicUsize,
    inner: Mutex<Inner>,
}

impl Shared {
    fn key(&self, kid: Kid) -> &CoreRsaPrivateSigningKey {
        match kid {
            Kid::K1 => &self.k1,
            Kid::K2 => &self.k2,
        }
    }
}

pub struct Issuer {
    /// The issuer identifier and base URL, without a trailing slash.
    pub url: String,
    shared: Arc<Shared>,
    server: tokio::task::JoinHandle<()>,
}

impl Drop for Issuer {
    fn drop(&mut self) {
        self.server.abort();
    }
}

impl Issuer {
    pub async fn start() -> Issuer {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let key = |pem: &str, kid: &str| {
            CoreRsaPrivateSigningKey::from_pem(pem, Some(JsonWebKeyId::new(kid.into())))
                .expect("fixture key parses")
        };
        let shared = Arc::new(Shared {
            url: url.clone(),
            sign_in_page: Mutex::default(),
            k1: key(KEY_1, "k1"),
            k2: key(KEY_2, "k2"),
            jwks_fetches: AtomicUsize::new(0),
            inner: Mutex::default(),
        });
        let router = Router::new()
            .route("/.well-known/openid-configuration", get(discovery))
            .route("/jwks", get(jwks))
            .route("/authorize", get(authorize))
            .route("/token", post(token))
            .route("/login/oauth/authorize", get(github_authorize))
            .route("/login/oauth/access_token", post(github_token))
            .route("/api/v3/user", get(github_user))
            .route("/api/v3/user/emails", get(github_emails))
            .with_state(shared.clone());
        let server = tokio::spawn(async move {
            axum::serve(listener, router).await.unwrap();
        });
        Issuer {
            url,
            shared,
            server,
        }
    }

    /// The provider as the configuration would describe it.
    pub fn configured(&self, slug: &str, link: bool, domains: &[&str]) -> ConfiguredProvider {
        ConfiguredProvider {
            slug: slug.into(),
            name: "Test ID".into(),
            kind: "oidc".into(),
            issuer_url: self.url.clone(),
            client_id: CLIENT_ID.into(),
            client_secret: Some(CLIENT_SECRET.into()),
            client_secret_file: None,
            enabled: true,
            link_verified_emails: link,
            allowed_domains: domains.iter().map(|d| d.to_string()).collect(),
        }
    }

    /// Who the next visit to `/authorize` signs in as.
    pub fn sign_in_as(&self, person: Person) {
        self.shared.inner.lock().unwrap().person = Some(person);
    }

    /// Spoils the ID token of the next code minted.
    pub fn tamper_next(&self, tamper: Tamper) {
        self.shared.inner.lock().unwrap().tamper = Some(tamper);
    }

    /// From now on, discovery names a sign-in page on another origin: `localhost` instead of
    /// `127.0.0.1` (as many providers keep it on a host of its own). Returns that origin.
    pub fn sign_in_elsewhere(&self) -> String {
        let origin = self.url.replace("127.0.0.1", "localhost");
        *self.shared.sign_in_page.lock().unwrap() = Some(format!("{origin}/authorize"));
        origin
    }

    /// From now on: sign with `k2`, publish only `k2`.
    pub fn rotate_keys(&self) {
        self.shared.inner.lock().unwrap().rotated = true;
    }

    /// How often `/jwks` was fetched.
    pub fn jwks_fetches(&self) -> usize {
        self.shared.jwks_fetches.load(Ordering::SeqCst)
    }

    /// Why the token endpoint refused, each time it did.
    pub fn token_refusals(&self) -> Vec<String> {
        self.shared.inner.lock().unwrap().token_refusals.clone()
    }
}

async fn discovery(State(shared): State<Arc<Shared>>) -> Json<Value> {
    let url = &shared.url;
    let sign_in_page = shared.sign_in_page.lock().unwrap().clone();
    Json(json!({
        "issuer": url,
        "authorization_endpoint": sign_in_page.unwrap_or_else(|| format!("{url}/authorize")),
        "token_endpoint": format!("{url}/token"),
        "jwks_uri": format!("{url}/jwks"),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "scopes_supported": ["openid", "email", "profile"],
        "code_challenge_methods_supported": ["S256"],
    }))
}

async fn jwks(State(shared): State<Arc<Shared>>) -> Json<CoreJsonWebKeySet> {
    shared.jwks_fetches.fetch_add(1, Ordering::SeqCst);
    let published = if shared.inner.lock().unwrap().rotated {
        Kid::K2
    } else {
        Kid::K1
    };
    Json(CoreJsonWebKeySet::new(vec![
        shared.key(published).as_verification_key(),
    ]))
}

async fn authorize(
    State(shared): State<Arc<Shared>>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    sign_in_page(&shared, &query, true)
}

async fn github_authorize(
    State(shared): State<Arc<Shared>>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    sign_in_page(&shared, &query, false)
}

fn sign_in_page(shared: &Shared, query: &HashMap<String, String>, openid: bool) -> Response {
    let param = |name: &str| query.get(name).cloned().unwrap_or_default();
    if param("client_id") != CLIENT_ID {
        return (StatusCode::BAD_REQUEST, "unknown client").into_response();
    }
    if param("response_type") != "code" || param("code_challenge_method") != "S256" {
        return (StatusCode::BAD_REQUEST, "code flow with PKCE S256 only").into_response();
    }
    let scope = param("scope");
    if param("code_challenge").is_empty() || (openid && !scope.split(' ').any(|s| s == "openid")) {
        return (StatusCode::BAD_REQUEST, "challenge and openid scope needed").into_response();
    }
    let mut inner = shared.inner.lock().unwrap();
    let Some(person) = inner.person.clone() else {
        return (StatusCode::BAD_REQUEST, "the test chose nobody").into_response();
    };
    let code = uuid::Uuid::new_v4().simple().to_string();
    let grant = Grant {
        client_id: param("client_id"),
        redirect_uri: param("redirect_uri"),
        challenge: param("code_challenge"),
        nonce: query.get("nonce").cloned(),
        person,
        tamper: inner.tamper.take(),
    };
    let mut back = url::Url::parse(&grant.redirect_uri).expect("redirect_uri is a URL");
    back.query_pairs_mut()
        .append_pair("code", &code)
        .append_pair("state", &param("state"));
    inner.codes.insert(code, grant);
    Redirect::to(back.as_str()).into_response()
}

async fn token(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    match exchange(&shared, &headers, &form) {
        Ok(answer) => Json(answer).into_response(),
        Err((status, error)) => {
            shared
                .inner
                .lock()
                .unwrap()
                .token_refusals
                .push(error.to_owned());
            (status, Json(json!({ "error": error }))).into_response()
        }
    }
}

fn exchange(
    shared: &Shared,
    headers: &HeaderMap,
    form: &HashMap<String, String>,
) -> Result<Value, (StatusCode, &'static str)> {
    let grant = redeem(shared, headers, form)?;
    let rotated = shared.inner.lock().unwrap().rotated;
    let access_token = uuid::Uuid::new_v4().simple().to_string();
    Ok(json!({
        "access_token": access_token,
        "token_type": "Bearer",
        "expires_in": 300,
        "id_token": id_token(shared, &grant, rotated),
    }))
}

/// Checks the client and takes the code out, checking it against its authorization request.
fn redeem(
    shared: &Shared,
    headers: &HeaderMap,
    form: &HashMap<String, String>,
) -> Result<Grant, (StatusCode, &'static str)> {
    let field = |name: &str| form.get(name).map(String::as_str).unwrap_or_default();
    let basic = format!("Basic {}", base64(&format!("{CLIENT_ID}:{CLIENT_SECRET}")));
    let by_header = headers
        .get(header::AUTHORIZATION)
        .is_some_and(|h| h.as_bytes() == basic.as_bytes());
    let by_form = field("client_id") == CLIENT_ID && field("client_secret") == CLIENT_SECRET;
    if !by_header && !by_form {
        return Err((StatusCode::UNAUTHORIZED, "invalid_client"));
    }
    if field("grant_type") != "authorization_code" {
        return Err((StatusCode::BAD_REQUEST, "unsupported_grant_type"));
    }
    // Taken out whatever follows: a code is good for one attempt.
    let grant = shared
        .inner
        .lock()
        .unwrap()
        .codes
        .remove(field("code"))
        .ok_or((StatusCode::BAD_REQUEST, "invalid_grant"))?;
    if grant.client_id != CLIENT_ID || grant.redirect_uri != field("redirect_uri") {
        return Err((StatusCode::BAD_REQUEST, "invalid_grant"));
    }
    let verifier = PkceCodeVerifier::new(field("code_verifier").to_owned());
    if PkceCodeChallenge::from_code_verifier_sha256(&verifier).as_str() != grant.challenge {
        return Err((StatusCode::BAD_REQUEST, "invalid_grant"));
    }
    Ok(grant)
}

/// GitHub's code exchange: an access token only, for its API.
async fn github_token(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    match redeem(&shared, &headers, &form) {
        Ok(grant) => {
            let access_token = uuid::Uuid::new_v4().simple().to_string();
            shared
                .inner
                .lock()
                .unwrap()
                .access_tokens
                .insert(access_token.clone(), grant.person);
            Json(json!({
                "access_token": access_token,
                "token_type": "bearer",
                "scope": "read:user,user:email",
            }))
            .into_response()
        }
        Err((status, error)) => {
            let mut inner = shared.inner.lock().unwrap();
            inner.token_refusals.push(error.to_owned());
            (status, Json(json!({ "error": error }))).into_response()
        }
    }
}

fn bearer(shared: &Shared, headers: &HeaderMap) -> Option<Person> {
    let token = headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")?;
    shared
        .inner
        .lock()
        .unwrap()
        .access_tokens
        .get(token)
        .cloned()
}

async fn github_user(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    let Some(person) = bearer(&shared, &headers) else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let id: i64 = person.subject.parse().expect("GitHub subjects are numbers");
    Json(json!({ "id": id, "login": format!("user{id}"), "name": person.name })).into_response()
}

async fn github_emails(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    let Some(person) = bearer(&shared, &headers) else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let emails: Vec<Value> = person
        .email
        .iter()
        .map(|email| {
            json!({
                "email": email,
                "primary": true,
                "verified": person.email_verified == Some(true),
            })
        })
        .chain([json!({ "email": "other@elsewhere.example", "primary": false, "verified": true })])
        .collect();
    Json(Value::Array(emails)).into_response()
}

fn id_token(shared: &Shared, grant: &Grant, rotated: bool) -> String {
    let now = chrono::Utc::now().timestamp();
    let tamper = grant.tamper;
    let (iat, exp) = match tamper {
        Some(Tamper::Expired) => (now - 300, now - 60),
        Some(Tamper::IssuedLongAgo) => (now - 3600, now + 300),
        _ => (now, now + 300),
    };
    let audience = if tamper == Some(Tamper::Audience) {
        "another-client"
    } else {
        CLIENT_ID
    };
    let mut claims = json!({
        "iss": shared.url,
        "aud": [audience],
        "sub": grant.person.subject,
        "iat": iat,
        "exp": exp,
    });
    let nonce = match tamper {
        Some(Tamper::Nonce) => Some("a-nonce-from-another-sign-in".to_owned()),
        _ => grant.nonce.clone(),
    };
    if let Some(nonce) = nonce {
        claims["nonce"] = json!(nonce);
    }
    if let Some(email) = &grant.person.email {
        claims["email"] = json!(email);
    }
    if let Some(verified) = grant.person.email_verified {
        claims["email_verified"] = json!(verified);
    }
    if let Some(name) = &grant.person.name {
        claims["name"] = json!(name);
    }
    if !grant.person.amr.is_empty() {
        claims["amr"] = json!(grant.person.amr);
    }
    let claims: CoreIdTokenClaims = serde_json::from_value(claims).expect("claims are valid");
    let kid = if rotated || tamper == Some(Tamper::UnknownKey) {
        Kid::K2
    } else {
        Kid::K1
    };
    CoreIdToken::new(
        claims,
        shared.key(kid),
        CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256,
        None,
        None,
    )
    .expect("ID token signs")
    .to_string()
}

/// Standard base64 with padding, for comparing an HTTP Basic header.
fn base64(text: &str) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in text.as_bytes().chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}
