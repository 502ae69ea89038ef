//! Administrators: reading and checking the audit log.

use crate::{
    error::AppError,
    model::{AuditPage, ChainReport},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::model::AuditFilter;
#[cfg(feature = "ssr")]
use crate::server::{
    audit::{ChainCheck, verify_chain},
    audit_view::{entry_of, query_of},
    auth::authorized,
    errors::internal,
    policy::Action,
    state::app_state,
};

pub const AUDIT_PER_PAGE: u32 = 50;

/// One page of the log, newest first; every filter may be empty (see [`AuditFilter`]).
#[server(endpoint = "audit")]
pub async fn audit_log(
    actor: String,
    action: String,
    from: String,
    to: String,
    page: u32,
) -> Result<AuditPage, AppError> {
    let filter = AuditFilter {
        actor,
        action,
        from,
        to,
    };
    let state = app_state()?;
    authorized(&state, Action::ReadAuditLog).await?;
    let page = page.max(1);
    let offset = i64::from(page - 1) * i64::from(AUDIT_PER_PAGE);
    let (rows, total) = state
        .db
        .search_audit(&query_of(&filter)?, i64::from(AUDIT_PER_PAGE), offset)
        .await
        .map_err(internal)?;
    Ok(AuditPage {
        entries: rows.into_iter().map(entry_of).collect(),
        total,
        page,
        per_page: AUDIT_PER_PAGE,
    })
}

/// Recomputes every hash of the chain.
#[server(endpoint = "audit/verify")]
pub async fn verify_audit_chain() -> Result<ChainReport, AppError> {
    let state = app_state()?;
    authorized(&state, Action::ReadAuditLog).await?;
    Ok(match verify_chain(&state.db).await.map_err(internal)? {
        ChainCheck::Intact { rows } => ChainReport::Intact { rows: rows as u64 },
        ChainCheck::BrokenAt { id } => ChainReport::BrokenAt { id },
    })
}
