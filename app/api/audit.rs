//! Administrators: reading and checking the audit log. The rules are in `server::audit`.

use crate::{
    error::AppError,
    model::{AuditPage, ChainReport},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    model::AuditFilter,
    server::{audit, auth::signed_in, state::app_state},
};

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
    let reader = signed_in(&state).await?;
    audit::page(&state, &reader, &filter, page).await
}

/// Recomputes every hash of the chain.
#[server(endpoint = "audit/verify")]
pub async fn verify_audit_chain() -> Result<ChainReport, AppError> {
    let state = app_state()?;
    let reader = signed_in(&state).await?;
    audit::verify(&state, &reader).await
}
