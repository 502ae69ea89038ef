//! Closing a period: an administrator archives every V2MOM of it at once.

use super::write::status_details;
use crate::{
    error::AppError,
    model::{ClosedPeriod, StatusChange, V2momStatus},
    server::{
        actor::Actor, audit::Event, errors::internal, policy::Action, state::AppState, transaction,
    },
};
use serde_json::json;

/// Archives every V2MOM of period `id` that is not archived yet, in one transaction (all or
/// none), dropping amendments in progress. Each V2MOM gets the audit row archiving it one by
/// one gives it (with `period_closed`), and the period one with the count.
pub async fn close_period(
    state: &AppState,
    actor: &Actor,
    id: i64,
) -> Result<ClosedPeriod, AppError> {
    actor.require(Action::ManagePeriods)?;
    let period = state
        .db
        .period(id)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    let by = actor.id();
    let archived = transaction::run(&state.db, async |tx| {
        let open = tx.open_v2moms_in_period(id).await?;
        for &(v2mom, version, from) in &open {
            let to = V2momStatus::Archived;
            // Inside one transaction nobody else writes these rows (SQLite's write lock; on
            // PostgreSQL a concurrent save makes this compare-and-swap fail: 409, all undone).
            let Some(saved) = tx.set_v2mom_status(v2mom, version, by, to, "").await? else {
                return Err(AppError::Conflict.into());
            };
            let mut details = status_details(StatusChange::Archive, from, to, saved);
            details["period_closed"] = id.into();
            let event = Event::new("v2mom.status_changed")
                .by(by)
                .on(format!("v2mom:{v2mom}"))
                .with(details);
            tx.audit(&actor.origin, event).await?;
        }
        let event = Event::new("period.closed")
            .by(by)
            .on(format!("period:{id}"))
            .with(json!({ "archived": open.len() }));
        tx.audit(&actor.origin, event).await?;
        Ok(open.len())
    })
    .await?;
    Ok(ClosedPeriod {
        period: period.name,
        archived: archived as i64,
    })
}
