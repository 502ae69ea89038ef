//! Amending a published V2MOM: saving starts or updates the amendment ([`super::save`]), the
//! lifecycle moves review and publish it ([`super::change_status`]), and [`discard`] drops it.
//! Readers see the publication throughout.

use super::{Access, write::compare_and_swap};
use crate::{
    error::AppError,
    model::Saved,
    server::{actor::Actor, db::Tx, state::AppState},
};
use serde_json::json;

/// Drops V2MOM `id`'s amendment at `version`, an editor's move; the publication stays as
/// readers know it. 404 when nobody is amending it, 409 when someone changed it first.
pub async fn discard(
    state: &AppState,
    actor: &Actor,
    id: i64,
    version: i64,
) -> Result<Saved, AppError> {
    let access = Access::open(state, actor, id).await?;
    access.require_edit()?;
    let Some(status) = access.header.amendment else {
        return Err(AppError::NotFound);
    };
    let version = compare_and_swap(
        state,
        &access,
        "v2mom.amendment_discarded",
        async |tx: &mut Tx| tx.discard_amendment(id, version).await,
        |saved| json!({ "version": saved, "status": status.as_str() }),
    )
    .await?;
    Ok(Saved { version })
}
