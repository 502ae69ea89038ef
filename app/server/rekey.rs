//! `v2mom rotate-key`: every secret at rest sealed again under the newest key, so an old
//! key can be retired. The sealing itself is `keyring`; which values are secrets is here.

use super::{
    audit::{Event, Origin},
    db::{CLIENT_SECRET, Db, TOTP_SECRET, WEBHOOK_SECRET},
    keyring::Keyring,
};

/// Seals every stored secret that is not under the newest key again under it, in one
/// transaction (audited); returns how many were re-sealed. A secret that does not open
/// stops the rotation and changes nothing.
pub async fn rotate(db: &Db, keys: &Keyring) -> Result<usize, String> {
    let current = keys.current_id();
    let mut tx = db.begin().await.map_err(|e| e.to_string())?;
    let stale = tx
        .sso_client_secrets_not_under(current)
        .await
        .map_err(|e| e.to_string())?;
    for (id, sealed) in &stale {
        let secret = keys
            .open(CLIENT_SECRET, sealed)
            .map_err(|e| format!("SSO provider {id}'s client secret: {e}"))?;
        tx.reseal_sso_client_secret(*id, &keys.seal(CLIENT_SECRET, &secret))
            .await
            .map_err(|e| e.to_string())?;
    }
    let stale_totp = tx
        .totp_secrets_not_under(current)
        .await
        .map_err(|e| e.to_string())?;
    for (user_id, sealed) in &stale_totp {
        let secret = keys
            .open(TOTP_SECRET, sealed)
            .map_err(|e| format!("user {user_id}'s authenticator app secret: {e}"))?;
        tx.reseal_totp_secret(*user_id, &keys.seal(TOTP_SECRET, &secret))
            .await
            .map_err(|e| e.to_string())?;
    }
    let stale_webhooks = tx
        .webhook_secrets_not_under(current)
        .await
        .map_err(|e| e.to_string())?;
    for (id, sealed) in &stale_webhooks {
        let secret = keys
            .open(WEBHOOK_SECRET, sealed)
            .map_err(|e| format!("webhook {id}'s secret: {e}"))?;
        tx.reseal_webhook_secret(*id, &keys.seal(WEBHOOK_SECRET, &secret))
            .await
            .map_err(|e| e.to_string())?;
    }
    let resealed = stale.len() + stale_totp.len() + stale_webhooks.len();
    let event = Event::new("keys.rotated")
        .on(format!("key:{current}"))
        .with(serde_json::json!({ "resealed": resealed }));
    tx.audit(&Origin::default(), event)
        .await
        .map_err(|e| e.to_string())?;
    tx.commit().await.map_err(|e| e.to_string())?;
    Ok(resealed)
}
