//! The period's organisation from the top down, with each person's V2MOM status.

use crate::{
    error::AppError,
    model::{AlignmentNode, AlignmentView, PersonRef, UserSummary, V2momStatus},
    server::{
        actor::Actor,
        errors::internal,
        org::{self, chains, relation},
        periods,
        policy::{Action, V2momFacts},
        state::AppState,
    },
};
use std::collections::HashMap;

/// Everyone the actor may see (their profile or their V2MOM) for `period` (else the current
/// one), under their nearest visible manager.
pub async fn tree(
    state: &AppState,
    actor: &Actor,
    period: Option<i64>,
) -> Result<AlignmentView, AppError> {
    actor.require(Action::UseV2moms)?;
    let periods = state.db.periods().await.map_err(internal)?;
    let Some(chosen) = periods::chosen(&periods, period)? else {
        return Ok(AlignmentView {
            period: None,
            periods,
            nodes: Vec::new(),
        });
    };
    let visibility = state.config.settings.v2mom_visibility;
    let everyone = org::taking_part(&state.db).await.map_err(internal)?;
    let chains = chains(&everyone.iter().map(|p| (p.id, p.manager_id)).collect());
    let in_period = state
        .db
        .v2moms_in_period(chosen.id)
        .await
        .map_err(internal)?;
    let aligned: HashMap<i64, i64> = state
        .db
        .aligned_counts(chosen.id)
        .await
        .map_err(internal)?
        .into_iter()
        .collect();
    let no_chain = Vec::new();
    let own_chain = chains.get(&actor.id()).unwrap_or(&no_chain);
    // Who the actor may see, with the V2MOM they may open.
    let mut shown: HashMap<i64, Option<(i64, V2momStatus)>> = HashMap::new();
    for person in &everyone {
        let rel = relation(
            actor.id(),
            own_chain,
            person.id,
            chains.get(&person.id).unwrap_or(&no_chain),
        );
        let v2mom = in_period
            .iter()
            .find(|(owner, _, _)| *owner == person.id)
            .map(|(_, id, status)| (*id, *status))
            .filter(|(_, status)| {
                let facts = V2momFacts {
                    owner: rel,
                    status: *status,
                };
                actor.may(Action::ReadV2mom(facts, visibility))
            });
        if v2mom.is_some() || actor.may(Action::ViewUser(rel)) {
            shown.insert(person.id, v2mom);
        }
    }
    // Each shown person hangs under their nearest shown manager; siblings by name.
    let parent_of = |id: i64| {
        chains
            .get(&id)
            .and_then(|chain| chain.iter().copied().find(|m| shown.contains_key(m)))
    };
    let mut children: HashMap<Option<i64>, Vec<&UserSummary>> = HashMap::new();
    for person in everyone.iter().filter(|p| shown.contains_key(&p.id)) {
        children
            .entry(parent_of(person.id))
            .or_default()
            .push(person);
    }
    let mut nodes = Vec::new();
    let mut stack: Vec<(&UserSummary, u32)> = children
        .get(&None)
        .map(|roots| roots.iter().rev().map(|p| (*p, 0)).collect())
        .unwrap_or_default();
    while let Some((person, depth)) = stack.pop() {
        let v2mom = shown.get(&person.id).copied().flatten();
        nodes.push(AlignmentNode {
            person: PersonRef {
                id: person.id,
                name: person.display_name.clone(),
            },
            depth,
            v2mom,
            aligned_methods: v2mom
                .and_then(|(id, _)| aligned.get(&id).copied())
                .unwrap_or(0),
        });
        if let Some(below) = children.get(&Some(person.id)) {
            stack.extend(below.iter().rev().map(|p| (*p, depth + 1)));
        }
    }
    Ok(AlignmentView {
        period: Some(chosen),
        periods,
        nodes,
    })
}
