//! Up the chain: the published plans above the actor, so everyone sees what theirs serves.

use crate::{
    error::AppError,
    model::{Above, V2momStatus},
    server::{
        actor::Actor,
        db::LinkedMethod,
        errors::internal,
        policy::{Action, Relation, V2momFacts},
        state::AppState,
    },
};

/// The published V2MOMs of the actor's managers in `in_period` (owner, id, status) that the
/// actor may read, the top of the organisation first; each with the methods the actor's own
/// V2MOM aligns to (`aligned_to`, as `alignment_of` gives them).
pub(super) async fn above(
    state: &AppState,
    actor: &Actor,
    in_period: &[(i64, i64, V2momStatus)],
    aligned_to: &[(i64, LinkedMethod)],
) -> Result<Vec<Above>, AppError> {
    let managers = state.db.manager_chain(actor.id()).await.map_err(internal)?;
    let visibility = state.config.settings.v2mom_visibility;
    let mut chain = Vec::new();
    for (level, manager) in managers.into_iter().enumerate() {
        let owner = match level {
            0 => Relation::OwnManager,
            _ => Relation::ManagerAbove,
        };
        let Some(&(_, id, status)) = in_period.iter().find(|(o, _, _)| *o == manager) else {
            continue;
        };
        let facts = V2momFacts { owner, status };
        if status != V2momStatus::Published || !actor.may(Action::ReadV2mom(facts, visibility)) {
            continue;
        }
        let Some(head) = state.db.v2mom_head(id).await.map_err(internal)? else {
            continue;
        };
        let mut aligned_methods: Vec<String> = Vec::new();
        for (_, linked) in aligned_to.iter().filter(|(_, l)| l.header.id == id) {
            if !aligned_methods.contains(&linked.link.method_title) {
                aligned_methods.push(linked.link.method_title.clone());
            }
        }
        chain.push(Above {
            id,
            owner: head.owner(),
            title: head.title().to_owned(),
            vision: head.vision().to_owned(),
            aligned_methods,
        });
    }
    chain.reverse();
    Ok(chain)
}
