//! People: the list, invitations, placement in the organisation, enabling and disabling.
//! Administrators only, except the team view. The rules are in `server::users` and
//! `server::invitations`.

use crate::{
    error::AppError,
    model::{ErasedPerson, InvitationSent, Role, TeamMember, UserPage, UserSummary},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::server::{
    auth::signed_in,
    invitations::{self, Invitee},
    state::{AppState, app_state},
    users::{self, Placement},
};

#[server(endpoint = "users")]
pub async fn list_users(query: String, page: u32) -> Result<UserPage, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    users::search(&state, &actor, &query, page).await
}

#[server(endpoint = "users/get")]
pub async fn get_user(id: i64) -> Result<UserSummary, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    users::get(&state, &actor, id).await
}

/// Everyone who could be chosen as a manager: (id, "Name (email)").
#[server(endpoint = "users/managers")]
pub async fn manager_choices() -> Result<Vec<(i64, String)>, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    users::manager_choices(&state, &actor).await
}

/// Creates the account and a single-use link for the person to choose a password.
#[server(endpoint = "users/invite")]
pub async fn invite_user(
    email: String,
    name: String,
    role: Role,
    manager: String,
    function: String,
    job_title: String,
) -> Result<InvitationSent, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    let invitee = Invitee {
        email: &email,
        name: &name,
        role,
        manager: &manager,
        function: &function,
        job_title: &job_title,
    };
    invitations::invite(&state, &actor, &site_origin(&state), invitee).await
}

/// A new link for someone invited who has not accepted yet: the earlier links stop working.
#[server(endpoint = "users/reinvite")]
pub async fn reinvite_user(id: i64) -> Result<InvitationSent, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    invitations::reinvite(&state, &actor, &site_origin(&state), id).await
}

/// Changes someone's role, manager, function and title.
#[server(endpoint = "users/update")]
pub async fn update_user(
    id: i64,
    role: Role,
    manager: String,
    function: String,
    job_title: String,
) -> Result<(), AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    let placement = Placement {
        role,
        manager: &manager,
        function: &function,
        job_title: &job_title,
    };
    users::change_placement(&state, &actor, id, placement).await
}

/// Disables (ending every session at once) or enables an account.
#[server(endpoint = "users/status")]
pub async fn set_user_active(id: i64, active: bool) -> Result<(), AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    users::set_active(&state, &actor, id, active).await
}

/// Erases someone (a data-protection erasure request): a tombstone replaces them; their
/// V2MOMs are kept or deleted as `v2moms` (`keep`, `delete`) says. `confirm` is the
/// checkbox that acknowledges it cannot be undone.
#[server(endpoint = "users/erase")]
pub async fn erase_user(
    id: i64,
    v2moms: String,
    #[server(default)] confirm: Option<String>,
) -> Result<ErasedPerson, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    let choice = users::TheirV2moms::parse(&v2moms);
    users::erase(&state, &actor, id, choice, confirm.is_some()).await
}

/// Clears someone's failed sign-in attempts; returns how many were cleared.
#[server(endpoint = "users/unlock")]
pub async fn unlock_user(id: i64) -> Result<u64, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    users::unlock(&state, &actor, id).await
}

/// The signed-in manager's team: direct and indirect reports, as a tree.
#[server(endpoint = "team")]
pub async fn my_team() -> Result<Vec<TeamMember>, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    users::team(&state, &actor).await
}

/// Where invitation links point: the configured public URL, else the host this request
/// reached.
#[cfg(feature = "ssr")]
pub(super) fn site_origin(state: &AppState) -> String {
    invitations::site_origin(state, crate::server::auth::request_host().as_deref())
}
