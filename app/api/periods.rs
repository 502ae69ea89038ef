//! Planning periods: everyone signed in reads them; administrators define them. The rules
//! are in `server::periods`.

use crate::{
    error::AppError,
    model::{ClosedPeriod, Period},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::server::{auth::signed_in, periods, state::app_state, v2moms};

#[server(endpoint = "periods")]
pub async fn list_periods() -> Result<Vec<Period>, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    periods::list(&state, &actor).await
}

/// The periods, for the administrators' page (403 for everyone else).
#[server(endpoint = "periods/manage")]
pub async fn manage_periods() -> Result<Vec<Period>, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    periods::for_admin(&state, &actor).await
}

/// Adds a period such as "FY2027" from `starts_on` to `ends_on` (`YYYY-MM-DD`).
#[server(endpoint = "periods/create")]
pub async fn create_period(
    name: String,
    starts_on: String,
    ends_on: String,
    #[server(default)] current: Option<String>,
) -> Result<Period, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    let new = periods::NewPeriod {
        name: &name,
        starts_on: &starts_on,
        ends_on: &ends_on,
        // A checkbox sends its value only when ticked.
        current: current.is_some_and(|c| !c.is_empty()),
    };
    periods::create(&state, &actor, new).await
}

/// Makes one period the current one: home pages and new V2MOMs default to it.
#[server(endpoint = "periods/current")]
pub async fn set_current_period(id: i64) -> Result<(), AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    periods::make_current(&state, &actor, id).await
}

/// Closes a period: every V2MOM of it is archived (read-only) at once. Administrators only.
#[server(endpoint = "periods/close")]
pub async fn close_period(id: i64) -> Result<ClosedPeriod, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    let closed = v2moms::close_period(&state, &actor, id).await?;
    if crate::server::errors::is_plain_form_post() {
        leptos_axum::redirect(&format!(
            "/admin/periods?closed={}&archived={}",
            id, closed.archived
        ));
    }
    Ok(closed)
}
