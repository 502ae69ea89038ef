//! Everything held about oneself, as one JSON document: the answer to a data-protection
//! access request, which anyone signed in can give themselves (the profile page, and
//! `GET /api/v1/me/export`).

use super::sessions::audit_on_self;
use crate::{
    error::AppError,
    server::{
        actor::Actor,
        db::rfc3339,
        download::{self, Download, file_name},
        errors::internal,
        policy::Action,
        state::AppState,
        transaction,
    },
};
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// Names the document's layout, so a reader can tell versions apart.
pub const FORMAT: &str = "v2mom-personal-data/1";

/// Every row about one person, table by table.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonalData {
    /// `v2mom-personal-data/1`.
    pub format: &'static str,
    pub exported_at: String,
    pub user_id: i64,
    /// Each table that holds personal data, with its rows about this person (column →
    /// value); secrets (password and token hashes, session ids) are never included.
    #[schema(value_type = Object)]
    pub tables: BTreeMap<&'static str, Vec<Map<String, Value>>>,
}

/// The actor's own data. The export itself is audited (`account.data_exported`): a
/// download of someone's whole history should be visible afterwards.
pub async fn export_personal_data(
    state: &AppState,
    actor: &Actor,
) -> Result<PersonalData, AppError> {
    actor.require(Action::ExportOwnData)?;
    let tables = state.db.personal_rows(actor.id()).await.map_err(internal)?;
    transaction::run(&state.db, async |tx| {
        audit_on_self(tx, actor, "account.data_exported", None).await?;
        Ok(())
    })
    .await?;
    Ok(PersonalData {
        format: FORMAT,
        exported_at: rfc3339(chrono::Utc::now()),
        user_id: actor.id(),
        tables: tables.into_iter().collect(),
    })
}

/// [`export_personal_data`] as a file to save.
pub async fn personal_data_download(state: &AppState, actor: &Actor) -> Result<Download, AppError> {
    let data = export_personal_data(state, actor).await?;
    Ok(Download {
        content_type: download::JSON,
        file_name: file_name(
            &["v2mom", "personal", "data", &actor.id().to_string()],
            "json",
        ),
        body: serde_json::to_vec_pretty(&data).map_err(internal)?,
    })
}
