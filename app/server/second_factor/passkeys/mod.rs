//! Passkeys (WebAuthn, verified by `webauthn_rp`): registered on the security page, then
//! taken by the second step of signing in, and a way in without a password — a passkey
//! checks its holder itself (a PIN, a fingerprint: user verification is required), so it is
//! two factors on its own.
//!
//! Each ceremony is two requests. The first answers the options for the browser and a
//! [`Ceremony`] for the caller to keep in the session (it carries the challenge and its
//! expiry, encoded, so any process of a cluster can finish it); the second takes it back,
//! once, with the browser's answer.

use crate::{
    error::AppError,
    model::PasskeyInfo,
    server::{
        config::Config,
        db::{PasskeyRecord, rfc3339},
        errors::internal,
        site::plain_host,
        state::AppState,
    },
};
use data_encoding::BASE64URL_NOPAD as B64;
use serde::{Deserialize, Serialize};
use webauthn_rp::{
    bin::Decode,
    request::{
        AsciiDomain, RpId,
        register::{USER_HANDLE_MAX_LEN, UserHandle64},
    },
    response::register::DynamicState,
};

mod register;
mod sign_in;

pub use register::{finish_registration, remove, start_registration};
pub use sign_in::{finish_sign_in, start_sign_in};

/// How many passkeys one person may register.
pub const MAX_PASSKEYS: usize = 10;

/// The longest name a passkey may have, in characters.
pub const MAX_NAME_CHARS: usize = 60;

/// The site passkeys are registered for: its domain (the RP ID) and the origins its pages
/// are served from. Fixed by the public URL when it is set; else the address this request
/// came to, like single sign-on's return address.
pub struct RelyingParty {
    id: RpId,
    origins: Vec<String>,
}

impl RelyingParty {
    pub fn of(config: &Config, host: Option<&str>) -> Result<Self, AppError> {
        let (domain, origins) = match &config.public_url {
            Some(url) => (
                url.host_str().unwrap_or_default().to_owned(),
                vec![url.origin().ascii_serialization()],
            ),
            None => {
                let host = plain_host(host)?;
                let domain = host.rsplit_once(':').map_or(host, |(name, _port)| name);
                let origins = vec![format!("http://{host}"), format!("https://{host}")];
                (domain.to_owned(), origins)
            }
        };
        let domain = AsciiDomain::try_from(domain).map_err(|_| AppError::Refused {
            reason: crate::i18n::t("server-passkeys-need-domain"),
        })?;
        Ok(RelyingParty {
            id: RpId::Domain(domain),
            origins,
        })
    }
}

/// A ceremony's server half, waiting in the session for the browser's answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Ceremony {
    /// Registering a passkey called `name` for the person signed in.
    Register { state: String, name: String },
    /// Signing in with a passkey.
    SignIn { state: String },
}

/// One's passkeys as the security page lists them.
pub async fn list(state: &AppState, user_id: i64) -> Result<Vec<PasskeyInfo>, AppError> {
    let stored = state.db.passkeys_of(user_id).await.map_err(internal)?;
    Ok(stored
        .into_iter()
        .map(|p| PasskeyInfo {
            id: p.id,
            name: p.name,
            created_at: rfc3339(p.created_at),
            last_used_at: p.last_used_at.map(rfc3339),
        })
        .collect())
}

fn user_handle(passkey: &PasskeyRecord) -> Result<UserHandle64, AppError> {
    let bytes: [u8; USER_HANDLE_MAX_LEN] = decoded(&passkey.user_handle)?
        .try_into()
        .map_err(|_| internal("a stored passkey's user handle has the wrong length"))?;
    UserHandle64::decode(bytes).map_err(internal)
}

fn dynamic_state(passkey: &PasskeyRecord) -> Result<DynamicState, AppError> {
    let bytes: [u8; 7] = decoded(&passkey.dynamic_state)?
        .try_into()
        .map_err(|_| internal("a stored passkey's state has the wrong length"))?;
    DynamicState::decode(bytes).map_err(internal)
}

fn decoded(text: &str) -> Result<Vec<u8>, AppError> {
    B64.decode(text.as_bytes()).map_err(internal)
}

fn start_again() -> AppError {
    AppError::Refused {
        reason: crate::i18n::t("server-passkey-start-again"),
    }
}
