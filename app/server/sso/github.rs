//! GitHub: OAuth2 with PKCE, then its API says who signed in. There is no ID token, so the
//! account's numeric id is the subject and only a verified primary email counts.
//!
//! The base URL is github.com, or a GitHub Enterprise Server (its API under `/api/v3`).

use super::{Pending, Provider, ProviderIdentity, Refusal, SsoClient, Started};
use crate::model::sso::GITHUB_URL;
use oauth2::{
    AuthUrl, AuthorizationCode, ClientId, ClientSecret, CsrfToken, PkceCodeChallenge,
    PkceCodeVerifier, RedirectUrl, Scope, TokenResponse, TokenUrl, basic::BasicClient,
};
use serde::Deserialize;

fn api_base(base: &str) -> String {
    if base == GITHUB_URL {
        "https://api.github.com".to_owned()
    } else {
        format!("{base}/api/v3")
    }
}

type Client = BasicClient<
    oauth2::EndpointSet,
    oauth2::EndpointNotSet,
    oauth2::EndpointNotSet,
    oauth2::EndpointNotSet,
    oauth2::EndpointSet,
>;

fn client(provider: &Provider, redirect_uri: &str) -> Result<Client, Refusal> {
    let base = &provider.issuer;
    let auth = AuthUrl::new(format!("{base}/login/oauth/authorize"))
        .map_err(|e| Refusal::unreachable("authorize URL", e))?;
    let token = TokenUrl::new(format!("{base}/login/oauth/access_token"))
        .map_err(|e| Refusal::unreachable("token URL", e))?;
    let redirect = RedirectUrl::new(redirect_uri.to_owned())
        .map_err(|e| Refusal::unreachable("redirect URI", e))?;
    Ok(
        BasicClient::new(ClientId::new(provider.record.client_id.clone()))
            .set_client_secret(ClientSecret::new(provider.client_secret.clone()))
            .set_auth_uri(auth)
            .set_token_uri(token)
            .set_redirect_uri(redirect),
    )
}

pub(super) fn authorize(provider: &Provider, redirect_uri: &str) -> Result<Started, Refusal> {
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (url, state) = client(provider, redirect_uri)?
        .authorize_url(CsrfToken::new_random)
        .add_scope(Scope::new("read:user".into()))
        .add_scope(Scope::new("user:email".into()))
        .set_pkce_challenge(challenge)
        .url();
    Ok(Started {
        url: url.into(),
        state: state.secret().clone(),
        nonce: String::new(),
        pkce_verifier: verifier.secret().clone(),
    })
}

#[derive(Deserialize)]
struct User {
    id: i64,
    login: String,
    name: Option<String>,
}

#[derive(Deserialize)]
struct Email {
    email: String,
    primary: bool,
    verified: bool,
}

pub(super) async fn identify(
    sso: &SsoClient,
    provider: &Provider,
    pending: &Pending,
    code: &str,
) -> Result<ProviderIdentity, Refusal> {
    let response = client(provider, &pending.redirect_uri)?
        .exchange_code(AuthorizationCode::new(code.to_owned()))
        .set_pkce_verifier(PkceCodeVerifier::new(pending.pkce_verifier.clone()))
        .request_async(sso.http())
        .await
        .map_err(Refusal::from_token_endpoint)?;
    let token = response.access_token().secret();
    let api = api_base(&provider.issuer);
    let user: User = get(sso, &format!("{api}/user"), token).await?;
    let emails: Vec<Email> = get(sso, &format!("{api}/user/emails"), token).await?;
    let primary = emails.into_iter().find(|e| e.primary);
    Ok(ProviderIdentity {
        issuer: provider.issuer.clone(),
        subject: user.id.to_string(),
        email_verified: primary.as_ref().is_some_and(|e| e.verified),
        email: primary.map(|e| e.email),
        name: user
            .name
            .filter(|n| !n.trim().is_empty())
            .or(Some(user.login)),
        // GitHub says nothing about how its user signed in.
        multi_factor: false,
    })
}

async fn get<T: serde::de::DeserializeOwned>(
    sso: &SsoClient,
    url: &str,
    token: &str,
) -> Result<T, Refusal> {
    let response = sso
        .http()
        .get(url)
        .bearer_auth(token)
        .header("Accept", "application/vnd.github+json")
        .send()
        .await
        .map_err(|e| Refusal::unreachable(url, e))?;
    if !response.status().is_success() {
        let status = response.status();
        return Err(Refusal::unreachable(url, format_args!("status {status}")));
    }
    response
        .json()
        .await
        .map_err(|e| Refusal::unreachable(url, e))
}
