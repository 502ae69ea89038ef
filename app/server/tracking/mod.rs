//! Tracking a period as it runs: a manager's team (`team`) and the whole organisation for
//! administrators (`organisation`), worked out from each V2MOM's latest check-ins
//! (`summary`) the same way a V2MOM's own page does.

mod organisation;
pub mod summary;
mod team;

pub use organisation::overview as organisation_overview;
pub use team::progress as team_progress;

use crate::{
    error::AppError,
    model::{V2momView, latest_by_measure},
    server::{
        actor::Actor,
        checkins,
        state::AppState,
        v2moms::{self, Access},
    },
};

/// A V2MOM's page: the V2MOM as [`v2moms::get`] gives it and its check-ins as
/// [`checkins::tracking`] does, from one look at who may do what; each measure's latest
/// check-in is the newest of those check-ins.
pub async fn v2mom_view(state: &AppState, actor: &Actor, id: i64) -> Result<V2momView, AppError> {
    let access = Access::open(state, actor, id).await?;
    let tracking = checkins::tracking_of(state, &access).await?;
    let latest = latest_by_measure(&tracking.check_ins);
    Ok(V2momView {
        page: v2moms::page_with(state, &access, &latest).await?,
        tracking,
    })
}
