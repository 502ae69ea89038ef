//! `v2mom rotate-key`: every secret at rest sealed again under the newest key, so an old
//! key can be retired. The sealing itself is `keyring`; which values are secrets is here.

use super::{
    audit::{Event, Origin},
    db::{Db, SEALED_COLUMNS},
    keyring::Keyring,
};

/// Seals every stored secret that is not under the newest key again under it, in one
/// transaction (audited); returns how many were re-sealed. A secret that does not open
/// stops the rotation and changes nothing.
pub async fn rotate(db: &Db, keys: &Keyring) -> Result<usize, String> {
    let current = keys.current_id();
    let mut tx = db.begin().await.map_err(|e| e.to_string())?;
    let mut resealed = 0;
    for column in &SEALED_COLUMNS {
        let stale = tx
            .sealed_not_under(column, current)
            .await
            .map_err(|e| e.to_string())?;
        for (id, sealed) in &stale {
            let secret = keys
                .open(column.context, sealed)
                .map_err(|e| format!("{} {id}'s {}: {e}", column.what, column.secret))?;
            tx.reseal(column, *id, &keys.seal(column.context, &secret))
                .await
                .map_err(|e| e.to_string())?;
        }
        resealed += stale.len();
    }
    let event = Event::new("keys.rotated")
        .on(format!("key:{current}"))
        .with(serde_json::json!({ "resealed": resealed }));
    tx.audit(&Origin::default(), event)
        .await
        .map_err(|e| e.to_string())?;
    tx.commit().await.map_err(|e| e.to_string())?;
    Ok(resealed)
}
