//! The audit log: the chained writer every use case records with ([`log`]), and reading it
//! as administrators do ([`view`]).

pub mod log;
pub mod view;

pub use log::{ChainCheck, ChainWalk, Event, GENESIS, Origin, chain_hash, verify_chain};

use crate::{
    error::AppError,
    model::{AuditFilter, AuditPage, ChainReport},
    server::{
        actor::Actor,
        download::{self, Download},
        errors::internal,
        policy::Action,
        state::AppState,
    },
};

/// Entries per page of the log.
pub const PER_PAGE: u32 = 50;

/// One page (from 1) of the log, newest first; every filter may be empty.
pub async fn page(
    state: &AppState,
    actor: &Actor,
    filter: &AuditFilter,
    page: u32,
) -> Result<AuditPage, AppError> {
    actor.require(Action::ReadAuditLog)?;
    let page = page.max(1);
    let offset = i64::from(page - 1) * i64::from(PER_PAGE);
    let (rows, total) = state
        .db
        .search_audit(&view::query_of(filter)?, i64::from(PER_PAGE), offset)
        .await
        .map_err(internal)?;
    Ok(AuditPage {
        entries: rows.into_iter().map(view::entry_of).collect(),
        total,
        page,
        per_page: PER_PAGE,
    })
}

/// Recomputes every hash of the chain.
pub async fn verify(state: &AppState, actor: &Actor) -> Result<ChainReport, AppError> {
    actor.require(Action::ReadAuditLog)?;
    Ok(match verify_chain(&state.db).await.map_err(internal)? {
        ChainCheck::Intact { rows } => ChainReport::Intact { rows: rows as u64 },
        ChainCheck::BrokenAt { id } => ChainReport::BrokenAt { id },
    })
}

/// Every entry that passes `filter`, newest first, as `csv` or `json` (anything else: 404).
pub async fn export(
    state: &AppState,
    actor: &Actor,
    filter: &AuditFilter,
    format: &str,
) -> Result<Download, AppError> {
    actor.require(Action::ReadAuditLog)?;
    let (rows, _) = state
        .db
        .search_audit(&view::query_of(filter)?, i64::MAX, 0)
        .await
        .map_err(internal)?;
    let entries: Vec<_> = rows.into_iter().map(view::entry_of).collect();
    let (content_type, body) = match format {
        "csv" => (download::CSV, view::to_csv(&entries)?),
        "json" => (
            "application/json",
            serde_json::to_vec(&entries).map_err(internal)?,
        ),
        _ => return Err(AppError::NotFound),
    };
    Ok(Download {
        content_type,
        file_name: download::file_name(&["v2mom-audit"], format),
        body,
    })
}
