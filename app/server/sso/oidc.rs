//! OpenID Connect: authorization code with PKCE (S256), state and nonce, and an ID token
//! checked against the issuer's keys (signature, `iss`, `aud`, `exp`, `iat`, `nonce`).

use super::{Pending, Provider, ProviderIdentity, Refusal, SsoClient, Started};
use crate::model::sso::SsoFailure;
use openidconnect::{
    AuthorizationCode, ClaimsVerificationError, ClientId, ClientSecret, CsrfToken,
    EndpointMaybeSet, EndpointNotSet, EndpointSet, Nonce, PkceCodeChallenge, PkceCodeVerifier,
    RedirectUrl, Scope, SignatureVerificationError,
    core::{
        CoreAuthenticationFlow, CoreClient, CoreGenderClaim, CoreIdTokenClaims,
        CoreProviderMetadata,
    },
};

/// An ID token issued longer ago than this is refused (and one dated ahead by more than the
/// allowed clock skew).
const MAX_TOKEN_AGE_SECS: i64 = 10 * 60;
const CLOCK_SKEW_SECS: i64 = 2 * 60;

type Client = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

fn client(
    metadata: CoreProviderMetadata,
    provider: &Provider,
    redirect_uri: &str,
) -> Result<Client, Refusal> {
    let redirect = RedirectUrl::new(redirect_uri.to_owned())
        .map_err(|e| Refusal::unreachable("redirect URI", e))?;
    Ok(CoreClient::from_provider_metadata(
        metadata,
        ClientId::new(provider.record.client_id.clone()),
        Some(ClientSecret::new(provider.client_secret.clone())),
    )
    .set_redirect_uri(redirect))
}

pub(super) async fn authorize(
    sso: &SsoClient,
    provider: &Provider,
    redirect_uri: &str,
) -> Result<Started, Refusal> {
    let oidc = client(
        sso.metadata(&provider.issuer).await?,
        provider,
        redirect_uri,
    )?;
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (url, state, nonce) = oidc
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .add_scope(Scope::new("email".into()))
        .add_scope(Scope::new("profile".into()))
        .set_pkce_challenge(challenge)
        .url();
    Ok(Started {
        url: url.into(),
        state: state.secret().clone(),
        nonce: nonce.secret().clone(),
        pkce_verifier: verifier.secret().clone(),
    })
}

pub(super) async fn identify(
    sso: &SsoClient,
    provider: &Provider,
    pending: &Pending,
    code: &str,
) -> Result<ProviderIdentity, Refusal> {
    let metadata = sso.metadata(&provider.issuer).await?;
    let oidc = client(metadata, provider, &pending.redirect_uri)?;
    let response = oidc
        .exchange_code(AuthorizationCode::new(code.to_owned()))
        .map_err(|e| Refusal::unreachable("token endpoint", e))?
        .set_pkce_verifier(PkceCodeVerifier::new(pending.pkce_verifier.clone()))
        .request_async(sso.http())
        .await
        .map_err(Refusal::from_token_endpoint)?;
    let id_token = openidconnect::TokenResponse::id_token(&response)
        .ok_or_else(|| Refusal::new(SsoFailure::Mismatch, "no ID token in the answer"))?;
    let nonce = Nonce::new(pending.nonce.clone());

    let claims = match verify(&oidc, id_token, &nonce) {
        // The issuer may have rotated its keys since we fetched them: fetch them once more.
        Err(ClaimsVerificationError::SignatureVerification(
            SignatureVerificationError::NoMatchingKey,
        )) => match sso.refresh_keys(&provider.issuer).await? {
            Some(metadata) => verify(
                &client(metadata, provider, &pending.redirect_uri)?,
                id_token,
                &nonce,
            ),
            None => Err(ClaimsVerificationError::SignatureVerification(
                SignatureVerificationError::NoMatchingKey,
            )),
        },
        verified => verified,
    }
    .map_err(|e| Refusal::new(claims_failure(&e), format!("ID token: {e}")))?;

    Ok(ProviderIdentity {
        issuer: claims.issuer().to_string(),
        subject: claims.subject().to_string(),
        email: claims.email().map(|e| e.to_string()),
        email_verified: claims.email_verified() == Some(true),
        name: claims
            .name()
            .and_then(|n| n.get(None))
            .map(|n| n.to_string()),
        multi_factor: claims
            .auth_method_refs()
            .is_some_and(|amr| amr.iter().any(|method| method.as_str() == "mfa")),
    })
}

type IdToken = openidconnect::IdToken<
    openidconnect::EmptyAdditionalClaims,
    CoreGenderClaim,
    openidconnect::core::CoreJweContentEncryptionAlgorithm,
    openidconnect::core::CoreJwsSigningAlgorithm,
>;

fn verify(
    client: &Client,
    token: &IdToken,
    nonce: &Nonce,
) -> Result<CoreIdTokenClaims, ClaimsVerificationError> {
    let verifier = client
        .id_token_verifier()
        .set_issue_time_verifier_fn(|iat| {
            let age = (chrono::Utc::now() - iat).num_seconds();
            if age > MAX_TOKEN_AGE_SECS {
                Err(format!("issued {age} s ago"))
            } else if age < -CLOCK_SKEW_SECS {
                Err(format!("issued {} s in the future", -age))
            } else {
                Ok(())
            }
        });
    token.claims(&verifier, nonce).cloned()
}

fn claims_failure(error: &ClaimsVerificationError) -> SsoFailure {
    match error {
        ClaimsVerificationError::Expired(_) => SsoFailure::Expired,
        _ => SsoFailure::Mismatch,
    }
}
