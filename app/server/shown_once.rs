//! What a plain form post (no JavaScript) made and the page after the redirect shows once: a
//! new API key's token, the invitation links of an import. Until then it waits in the
//! session sealed with the keyring, so the session store never holds a secret in the clear;
//! reading it removes it. (With JavaScript it comes back in the answer and never enters the
//! session.)

use super::{
    auth::session,
    errors::internal,
    keyring::{Keyring, Sealed},
};
use crate::{
    error::AppError,
    model::{CreatedApiKey, CreatedWebhook, ImportDone, RecoveryCodes},
};
use serde::{Deserialize, Serialize, de::DeserializeOwned};

/// Something that may be kept: its session key, which also binds the sealed text to this
/// use so that it opens nowhere else.
pub trait ShownOnce: Serialize + DeserializeOwned {
    const KEY: &'static str;
}

impl ShownOnce for CreatedApiKey {
    const KEY: &'static str = "api-key-shown-once";
}

impl ShownOnce for ImportDone {
    const KEY: &'static str = "people-import-done";
}

impl ShownOnce for CreatedWebhook {
    const KEY: &'static str = "webhook-shown-once";
}

impl ShownOnce for RecoveryCodes {
    const KEY: &'static str = "recovery-codes";
}

#[derive(Serialize, Deserialize)]
struct Kept {
    key_id: String,
    ciphertext: String,
}

fn context<T: ShownOnce>() -> String {
    format!("session:{}", T::KEY)
}

pub async fn keep<T: ShownOnce>(keyring: &Keyring, value: &T) -> Result<(), AppError> {
    let text = serde_json::to_string(value).map_err(internal)?;
    let sealed = keyring.seal(&context::<T>(), &text);
    let kept = Kept {
        key_id: sealed.key_id,
        ciphertext: sealed.ciphertext,
    };
    session()
        .await?
        .insert(T::KEY, kept)
        .await
        .map_err(internal)
}

/// What [`keep`] kept, if anything, removed from the session as it is read.
pub async fn take<T: ShownOnce>(keyring: &Keyring) -> Result<Option<T>, AppError> {
    let session = session().await?;
    // Removing marks the session changed (a write), so only when there is something.
    let Some(kept) = session.get_value(T::KEY).await.map_err(internal)? else {
        return Ok(None);
    };
    session.remove_value(T::KEY).await.map_err(internal)?;
    // Kept by an older version in another shape: lost, like a key rotated away.
    let Ok(kept) = serde_json::from_value::<Kept>(kept) else {
        return Ok(None);
    };
    let sealed = Sealed {
        key_id: kept.key_id,
        ciphertext: kept.ciphertext,
    };
    // A key rotated away in between: it is lost (an API key can be revoked, a link resent).
    let text = keyring.open(&context::<T>(), &sealed).map_err(internal)?;
    serde_json::from_str(&text).map(Some).map_err(internal)
}
