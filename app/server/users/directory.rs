//! Who one may see: everyone for administrators; for others, whom the reporting line
//! relates them to as the policy allows.

use crate::{
    error::AppError,
    model::{TeamMember, UserSummary},
    server::{
        actor::Actor,
        errors::internal,
        org::{chains, relation, relation_between},
        policy::Action,
        state::AppState,
    },
};

/// Everyone the actor may see (`Action::ViewUser` for how they relate), by name.
pub async fn visible(state: &AppState, actor: &Actor) -> Result<Vec<UserSummary>, AppError> {
    actor.require(Action::UseV2moms)?;
    let everyone = state.db.all_users().await.map_err(internal)?;
    let chains = chains(&everyone.iter().map(|p| (p.id, p.manager_id)).collect());
    let chain_of = |id: i64| chains.get(&id).map(Vec::as_slice).unwrap_or_default();
    let me = actor.id();
    Ok(everyone
        .into_iter()
        .filter(|p| {
            let related = relation(me, chain_of(me), p.id, chain_of(p.id));
            actor.may(Action::ViewUser(related))
        })
        .collect())
}

/// One person the actor may see; `NotFound` both when there is no such person and when the
/// actor may not see them, so the answer does not tell which.
pub async fn person(state: &AppState, actor: &Actor, id: i64) -> Result<UserSummary, AppError> {
    actor.require(Action::UseV2moms)?;
    let found = state
        .db
        .user_summary(id)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    let related = relation_between(&state.db, &actor.user, id)
        .await
        .map_err(internal)?;
    if !actor.may(Action::ViewUser(related)) {
        return Err(AppError::NotFound);
    }
    Ok(found)
}

/// The actor's team: direct and indirect reports, as a tree.
pub async fn team(state: &AppState, actor: &Actor) -> Result<Vec<TeamMember>, AppError> {
    actor.require(Action::ViewTeam)?;
    state.db.team_of(actor.id()).await.map_err(internal)
}
