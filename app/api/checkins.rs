//! Check-in server functions for the V2MOM page: add one (a plain form post without
//! JavaScript, an `ActionForm` once hydrated) and read a V2MOM's history for its charts.

use crate::{
    error::AppError,
    model::{CheckIn, Tracking},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    model::{NewCheckIn, check_in_field, parse_number},
    server::{auth::signed_in, checkins, errors::is_plain_form_post, state::app_state},
};

/// Checks in on measure `measure` of V2MOM `id`. The page has one form per measure, so a
/// refused field comes back named for its measure's form (`check_in_field`).
#[server(endpoint = "v2moms/check_in")]
pub async fn add_check_in(
    id: i64,
    measure: i64,
    #[server(default)] value: String,
    #[server(default)] status: String,
    #[server(default)] comment: String,
) -> Result<CheckIn, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    let new = NewCheckIn {
        value: parse_number(&value),
        status,
        comment,
    };
    let recorded = checkins::check_in(&state, &actor, id, measure, &new)
        .await
        .map_err(|error| {
            ["value", "status", "comment"]
                .iter()
                .fold(error, |error, part| {
                    error.with_field_renamed(part, &check_in_field(measure, part))
                })
        })?;
    if is_plain_form_post() {
        leptos_axum::redirect(&format!("/v2moms/{id}#measure-{measure}"));
    }
    Ok(recorded)
}

/// Every check-in on V2MOM `id`, and whether the reader may add one.
#[server(endpoint = "v2moms/check_ins")]
pub async fn check_in_history(id: i64) -> Result<Tracking, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    checkins::tracking(&state, &actor, id).await
}
