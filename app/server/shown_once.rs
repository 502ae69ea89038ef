//! A new API key made by a plain form post (no JavaScript): the browser is sent back to the
//! page, which shows the token once. Until then it waits in the session sealed with the
//! keyring, so the session store never holds it in the clear; reading it removes it.
//! (With JavaScript the token comes back in the answer and never enters the session.)

use super::{
    auth::session,
    errors::internal,
    keyring::{Keyring, Sealed},
};
use crate::{
    error::AppError,
    model::{ApiKeySummary, CreatedApiKey},
};
use serde::{Deserialize, Serialize};

const SESSION_KEY: &str = "api-key-shown-once";
/// Binds the sealed token to this use, so it opens nowhere else.
const CONTEXT: &str = "session:api_key_shown_once";

#[derive(Serialize, Deserialize)]
struct Kept {
    key: ApiKeySummary,
    key_id: String,
    ciphertext: String,
}

pub async fn keep(keyring: &Keyring, created: &CreatedApiKey) -> Result<(), AppError> {
    let sealed = keyring.seal(CONTEXT, &created.token);
    let kept = Kept {
        key: created.key.clone(),
        key_id: sealed.key_id,
        ciphertext: sealed.ciphertext,
    };
    session()
        .await?
        .insert(SESSION_KEY, kept)
        .await
        .map_err(internal)
}

/// The key kept by [`keep`], if any, removed from the session as it is read.
pub async fn take(keyring: &Keyring) -> Result<Option<CreatedApiKey>, AppError> {
    let session = session().await?;
    // Removing marks the session changed (a write), so only when there is something.
    let Some(kept) = session.get::<Kept>(SESSION_KEY).await.map_err(internal)? else {
        return Ok(None);
    };
    session.remove_value(SESSION_KEY).await.map_err(internal)?;
    let sealed = Sealed {
        key_id: kept.key_id,
        ciphertext: kept.ciphertext,
    };
    // A key rotated away in between: the token is lost, and the key can be revoked.
    let token = keyring.open(CONTEXT, &sealed).map_err(internal)?;
    Ok(Some(CreatedApiKey {
        key: kept.key,
        token,
    }))
}
