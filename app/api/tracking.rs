//! Tracking server functions: a manager's team and, for administrators, the whole
//! organisation through a period.

use crate::{
    error::AppError,
    model::{OrganisationOverview, TeamProgress},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::server::{auth::signed_in, state::app_state, tracking};

/// The signed-in manager's reports for `period` (default: the current one), each with their
/// V2MOM's progress and check-in flags, sorted by `sort` (`person`, `status`, `progress`,
/// `last_check_in`, `-` first for descending).
#[server(endpoint = "team/progress")]
pub async fn my_team_progress(
    #[server(default)] period: Option<i64>,
    #[server(default)] sort: Option<String>,
) -> Result<TeamProgress, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    tracking::team_progress(&state, &actor, period, sort.as_deref()).await
}

/// For administrators: each team's coverage and progress in `period` (default: the current
/// one), and the methods where alignment has a gap.
#[server(endpoint = "organisation")]
pub async fn organisation(
    #[server(default)] period: Option<i64>,
) -> Result<OrganisationOverview, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    tracking::organisation_overview(&state, &actor, period).await
}
