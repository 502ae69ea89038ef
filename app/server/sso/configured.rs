//! Providers kept by the configuration, written to the database at start so that the
//! sign-in flow has one place to look. A provider that has left the configuration is
//! switched off and handed to the administrators, its people's links kept.

use super::stored::StoredForm;
use crate::{
    model::sso::ProviderForm,
    server::{
        db::{Db, Serialise},
        keyring::Keyring,
    },
};

/// Servers starting together take turns, so one sees the providers as another left them.
pub async fn sync(db: &Db, keyring: &Keyring, configured: &[ProviderForm]) -> Result<(), String> {
    let mut tx = db.begin().await.map_err(|e| e.to_string())?;
    tx.serialise(Serialise::Provisioning)
        .await
        .map_err(|e| e.to_string())?;
    let stored = db.sso_providers().await.map_err(|e| e.to_string())?;
    for form in configured {
        let stored = StoredForm::new(form, keyring).ok_or("checked at load")?;
        let row = stored.row().ok_or("checked at load")?;
        tx.put_config_sso_provider(row)
            .await
            .map_err(|e| format!("sso provider {:?}: {e}", form.slug))?;
    }
    for gone in stored
        .iter()
        .filter(|p| p.from_config && !configured.iter().any(|c| c.slug == p.slug))
    {
        tracing::warn!(
            provider = gone.slug,
            "sso provider no longer configured: switched off, now managed on the admin page"
        );
        tx.release_config_sso_provider(gone.id)
            .await
            .map_err(|e| e.to_string())?;
    }
    tx.commit().await.map_err(|e| e.to_string())
}
